//! The ranked paths, the "not for you now" list and the "no path" answer.
//! Re-ranked and rebuilt (with the `dom` builder) whenever the query or the
//! language changes.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::dom::{replace_children, El};
use super::path_card::{blocked_card, path_card, source_list};
use super::AppState;
use crate::domain::catalog::{Catalog, SimKind};
use crate::domain::{rank, Lang, Query};
use crate::i18n::{t, t_with, Key};

/// The results' content for a query.
fn build(lang: Lang, catalog: &Catalog, q: &Query) -> Vec<El> {
    let rec = rank(catalog, q);
    let mut out = Vec::new();
    if q.sim.is_none() || q.op.is_none() || q.pay.is_none() {
        out.push(El::new("p").class("hint").text(t(lang, Key::ResultsHint)));
    }
    if q.sim == Some(SimKind::Esim) {
        if let Some(w) = catalog.warnings.iter().find(|w| w.id.0 == "operator_esim") {
            out.push(
                El::new("aside")
                    .class("note-box")
                    .child(El::new("strong").text(w.title.get(lang)))
                    .text(" ")
                    .text(w.text.get(lang))
                    .child(source_list(lang, catalog, &w.sources)),
            );
        }
    }
    if rec.paths.is_empty() {
        out.push(
            El::new("div")
                .class("no-path")
                .attr("data-testid", "no-path")
                .attr("role", "status")
                .child(El::new("h3").text(t(lang, Key::NoPathHeading)))
                .child(El::new("p").text(t(lang, Key::NoPathIntro)))
                .child(El::new("ul").children(catalog.no_path.iter().map(|n| {
                    El::new("li")
                        .child(El::new("strong").text(n.title.get(lang)))
                        .text(" ")
                        .text(n.text.get(lang))
                }))),
        );
    } else {
        out.push(
            El::new("ol")
                .class("paths")
                .attr("data-testid", "paths")
                .attr("aria-labelledby", "results-heading")
                .children(
                    rec.paths
                        .iter()
                        .enumerate()
                        .map(|(i, p)| path_card(lang, catalog, p, i + 1)),
                ),
        );
    }
    if !rec.blocked.is_empty() {
        let n = rec.blocked.len().to_string();
        out.push(
            El::new("section")
                .class("blocked-section")
                .attr("aria-labelledby", "blocked-heading")
                .child(
                    El::new("h2")
                        .attr("id", "blocked-heading")
                        .text(t(lang, Key::BlockedHeading)),
                )
                .child(
                    El::new("details")
                        .child(El::new("summary").text(&t_with(lang, Key::BlockedShow, "n", &n)))
                        .child(
                            El::new("ul")
                                .class("paths")
                                .attr("data-testid", "blocked")
                                .attr("aria-labelledby", "blocked-heading")
                                .children(rec.blocked.iter().map(|b| blocked_card(lang, b))),
                        ),
                ),
        );
    }
    out
}

/// "Remind me" on a path: opens the reminder form for that channel.
fn on_click(state: AppState, ev: web_sys::MouseEvent) {
    let channel = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("button[data-remind]").ok().flatten())
        .and_then(|b| b.get_attribute("data-remind"))
        .and_then(|id| state.catalog().channels.iter().find(|c| c.id.0 == id));
    if let Some(ch) = channel {
        let label = t_with(
            state.lang.get_untracked(),
            Key::RemindLabelFor,
            "name",
            ch.name.get(state.lang.get_untracked()),
        );
        state
            .reminders
            .start_new(label, Some(ch.operator), Some(ch.id.clone()));
    }
}

/// The results section.
#[component]
pub fn Results() -> impl IntoView {
    let state = AppState::get();
    let container = NodeRef::<Div>::new();
    Effect::new(move || {
        let (lang, q) = (state.lang.get(), state.query.get());
        if let Some(div) = container.get() {
            replace_children(&div, build(lang, state.catalog(), &q));
        }
    });
    view! {
        <section id="results" class="results" aria-labelledby="results-heading">
            <h2 id="results-heading">{state.text(Key::ResultsHeading)}</h2>
            <div node_ref=container on:click=move |ev| on_click(state, ev)></div>
        </section>
    }
}
