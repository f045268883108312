//! Advice around the results: the number-prefix hint, the good habits with
//! the operators' check codes, and the travellers' checklist. Built with the
//! `dom` builder; rebuilt when the language or the query changes.

use leptos::html::Div;
use leptos::prelude::*;

use super::dom::{replace_children, El};
use super::path_card::{code_list, source_list};
use super::AppState;
use crate::domain::catalog::{Catalog, Note, Payment, SimKind};
use crate::domain::{Lang, Query};
use crate::i18n::{t, Key};

fn note_list(lang: Lang, catalog: &Catalog, notes: &[Note]) -> El {
    El::new("ul").class("notes").children(notes.iter().map(|n| {
        El::new("li")
            .child(El::new("h3").text(n.title.get(lang)))
            .child(El::new("p").text(n.text.get(lang)))
            .child(source_list(lang, catalog, &n.sources))
    }))
}

fn section(id: &str, class: &str, heading: &str) -> El {
    El::new("section")
        .class(class)
        .attr("aria-labelledby", id)
        .child(El::new("h2").attr("id", id).text(heading))
}

/// Which operator a number's first digits suggest, with the porting caveat
/// and the closed operators (Naxtel): shown in the picker when the user is
/// not sure of the operator.
pub fn prefix_hint(lang: Lang, catalog: &Catalog) -> El {
    let open = catalog
        .operators
        .iter()
        .filter(|o| !o.prefixes.is_empty())
        .map(|o| {
            El::new("li")
                .child(El::new("strong").text(&o.prefixes.join(", ")))
                .text(" → ")
                .text(&o.name)
        });
    let closed = catalog.closed_operators.iter().map(|o| {
        El::new("li")
            .child(El::new("strong").text(&o.prefixes.join(", ")))
            .text(&format!(" → {} ({}): ", o.name, t(lang, Key::PrefixClosed)))
            .text(o.note.get(lang))
            .child(source_list(lang, catalog, &o.sources))
    });
    El::new("aside")
        .class("note-box prefix")
        .attr("aria-labelledby", "prefix-heading")
        .child(
            El::new("h3")
                .attr("id", "prefix-heading")
                .text(t(lang, Key::PrefixHeading)),
        )
        .child(El::new("ul").children(open.chain(closed)))
        .child(El::new("p").text(catalog.prefix_caveat.get(lang)))
}

fn build_advice(lang: Lang, catalog: &Catalog, q: &Query) -> Vec<El> {
    let mut out = Vec::new();
    let traveller =
        !q.in_az || q.sim == Some(SimKind::TravelEsim) || q.pay == Some(Payment::ForeignCard);
    if traveller {
        out.push(
            section(
                "traveller-heading",
                "advice traveller",
                t(lang, Key::TravellerHeading),
            )
            .child(note_list(lang, catalog, &catalog.traveller)),
        );
    }
    let codes = catalog
        .operators
        .iter()
        .filter(|o| !o.codes.is_empty())
        .map(|o| {
            El::new("li")
                .child(El::new("strong").text(&o.name))
                .child(code_list(lang, &o.codes))
        });
    out.push(
        section("habits-heading", "advice", t(lang, Key::HabitsHeading))
            .child(note_list(lang, catalog, &catalog.habits))
            .child(El::new("h3").text(t(lang, Key::CheckCodesHeading)))
            .child(El::new("ul").class("operator-codes").children(codes)),
    );
    out
}

/// Good habits, the check codes, and (for travellers) the checklist.
#[component]
pub fn Advice(
    /// False until the start-up step that shows it.
    ready: Memo<bool>,
) -> impl IntoView {
    let state = AppState::get();
    let container = NodeRef::<Div>::new();
    Effect::new(move || {
        if !ready.get() {
            return;
        }
        let (lang, q) = (state.lang.get(), state.query.get());
        if let Some(div) = container.get() {
            replace_children(&div, build_advice(lang, state.catalog(), &q));
        }
    });
    view! { <div node_ref=container></div> }
}
