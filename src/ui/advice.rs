//! Advice around the results: what keeps a line alive and what happens when
//! data runs out (for the chosen operator), the number-prefix hint, the good
//! habits with the operators' check codes, the travellers' checklist and a
//! visitor's first SIM. Built with the
//! `dom` builder; rebuilt when the language or what the query asks of it
//! changes.

use leptos::prelude::*;

use super::dom::{replace_children, El};
use super::path_card::code_list;
use super::sources::{source_list, source_list_on_open};
use super::{after_paint, defer, AppState};
use crate::domain::catalog::{Catalog, Note, OperatorId, Payment, SimKind, Topic};
use crate::domain::{typography, Lang, Query};
use crate::i18n::{operator_name, t, t_with, Key};
use web_sys::Element;

/// Notes of one kind (`habit`, `traveller`: the first part of their claim
/// keys), each with its sources.
fn note_list(lang: Lang, kind: &str, notes: &[Note]) -> El {
    El::new("ul").class("notes").children(notes.iter().map(|n| {
        El::new("li")
            .child(El::new("h3").text(n.title.get(lang)))
            .child(El::new("p").text(n.text.get(lang)))
            .child(source_list(lang, &n.sources, &format!("{kind}:{}", n.id.0)))
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
                .child(El::new("strong").text(&typography::list(lang, &o.prefixes)))
                .text(" → ")
                .text(&o.name)
        });
    let closed = catalog.closed_operators.iter().map(|o| {
        El::new("li")
            .child(El::new("strong").text(&typography::list(lang, &o.prefixes)))
            .text(" → ")
            .text(&typography::label(
                lang,
                &typography::with_note(lang, &o.name, t(lang, Key::PrefixClosed)),
                o.note.get(lang),
            ))
            .child(source_list(
                lang,
                &o.sources,
                &format!("closed_operator:{}", o.name),
            ))
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

/// The facts of one topic for the operator the user chose (every
/// operator's when none is chosen, each then with its operator's name), with
/// the date a dated fact was stated, its codes and its sources; `None` when
/// there is none.
pub fn fact_list(
    lang: Lang,
    catalog: &Catalog,
    more: &Catalog,
    topic: Topic,
    op: Option<OperatorId>,
) -> Option<El> {
    let mut shown = more
        .facts
        .iter()
        .filter(|f| f.topic == topic && (op.is_none() || f.operator.is_none() || f.operator == op))
        .peekable();
    shown.peek()?;
    Some(El::new("ul").class("facts-list").children(shown.map(|f| {
        let name = f
            .operator
            .filter(|_| op.is_none())
            .map(|o| El::new("strong").text(&format!("{} ", operator_name(lang, catalog, o))));
        let as_of = f.as_of.as_ref().map(|d| {
            El::new("span").class("as-of").text(&t_with(
                lang,
                Key::FactAsOf,
                "date",
                &typography::unbroken_date(d),
            ))
        });
        let codes = (!f.codes.is_empty()).then(|| code_list(lang, &f.codes));
        El::new("li")
            .maybe(name)
            .text(f.text.get(lang))
            .text(if as_of.is_some() { " " } else { "" })
            .maybe(as_of)
            .maybe(codes)
            .child(
                El::new("details")
                    .class("fact-sources")
                    .child(El::new("summary").text(t(lang, Key::LabelSources)))
                    .child(source_list_on_open(&f.sources, &format!("fact:{}", f.id))),
            )
    })))
}

/// A section of the facts of `topic`, if there are any for the operator.
fn fact_section(
    lang: Lang,
    catalog: &Catalog,
    more: &Catalog,
    topic: Topic,
    op: Option<OperatorId>,
) -> Option<El> {
    let (id, heading) = match topic {
        Topic::Lifecycle => ("lifecycle-heading", Key::LifecycleHeading),
        Topic::DataOut => ("data-out-heading", Key::DataOutHeading),
        Topic::FirstSim => ("first-sim-heading", Key::FirstSimHeading),
        Topic::TravelEsim => ("travel-esim-heading", Key::TravelEsimHeading),
    };
    let list = fact_list(lang, catalog, more, topic, op)?;
    Some(section(id, "advice line", t(lang, heading)).child(list))
}

/// What the advice shows: its language, sections and operator.
type Shown = (Lang, Vec<Part>, Option<OperatorId>);

/// One section of the advice.
#[derive(Clone, Copy, PartialEq)]
enum Part {
    Facts(Topic),
    Traveller,
    Habits,
}

/// The advice's sections for `q`, in the page's order. The line's facts
/// wait for an answer to "Which operator?" ("not sure" shows every
/// operator's), so that the first page, with nothing chosen, stays short.
fn parts(q: &Query) -> Vec<Part> {
    let travel_esim = q.sim == Some(SimKind::TravelEsim);
    let traveller = !q.in_az || travel_esim || q.pay == Some(Payment::ForeignCard);
    let mut out = Vec::new();
    if q.op.is_some() && !travel_esim {
        out.extend([Part::Facts(Topic::Lifecycle), Part::Facts(Topic::DataOut)]);
    }
    if travel_esim {
        out.push(Part::Facts(Topic::TravelEsim));
    }
    if traveller {
        out.extend([Part::Traveller, Part::Facts(Topic::FirstSim)]);
    }
    out.push(Part::Habits);
    out
}

/// One section of the advice for `q`: `catalog` is the pack's first part
/// (operators), `more` its second (facts, habits, the traveller's
/// checklist). `None` when it has nothing to show.
fn build_part(lang: Lang, catalog: &Catalog, more: &Catalog, q: &Query, part: Part) -> Option<El> {
    let op = q.known_operator();
    match part {
        // A visitor's first SIM is a network operator's, whatever eSIM they use now.
        Part::Facts(Topic::FirstSim) => {
            let network = op.filter(|o| !o.is_travel_esim());
            fact_section(lang, catalog, more, Topic::FirstSim, network)
        }
        Part::Facts(topic) => fact_section(lang, catalog, more, topic, op),
        Part::Traveller => Some(
            section(
                "traveller-heading",
                "advice traveller",
                t(lang, Key::TravellerHeading),
            )
            .child(note_list(lang, "traveller", &more.traveller)),
        ),
        Part::Habits => {
            let codes = more
                .operators
                .iter()
                .filter(|o| !o.codes.is_empty())
                .map(|o| {
                    El::new("li")
                        .child(El::new("strong").text(&o.name))
                        .child(code_list(lang, &o.codes))
                });
            Some(
                section("habits-heading", "advice", t(lang, Key::HabitsHeading))
                    .child(note_list(lang, "habit", &more.habits))
                    .child(El::new("h3").text(t(lang, Key::CheckCodesHeading)))
                    .child(El::new("ul").class("operator-codes").children(codes)),
            )
        }
    }
}

thread_local! {
    /// Counts the advice's rebuilds: a section built in a later task is
    /// dropped when a newer rebuild has started since.
    static BUILD: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Appends the sections `rest` (in order) to `div`, one per task, so that
/// no task blocks the page for long, unless a newer rebuild has begun.
fn append_later(div: Element, build: u32, mut rest: Vec<Part>, state: AppState) {
    if rest.is_empty() {
        return;
    }
    defer(move || {
        let Some(more) = state.more_untracked() else {
            return;
        };
        if BUILD.get() != build {
            return;
        }
        let part = rest.remove(0);
        let (lang, q) = (state.lang.get_untracked(), state.query.get_untracked());
        if let Some(section) = build_part(lang, state.catalog_untracked(), more, &q, part) {
            let _ = div.append_child(&section.into_element());
        }
        append_later(div, build, rest, state);
    });
}

/// What keeps a line alive, when data runs out, travel eSIMs, a visitor's
/// first SIM, the traveller's checklist, good habits and the check codes.
/// Each section is built in a task of its own.
pub fn advice() -> El {
    let state = AppState::get();
    let advice = El::new("div");
    let div = advice.element();
    Effect::new(move |shown: Option<Option<Shown>>| {
        state.more()?;
        // Rebuilt when the language or what the query asks of it changes
        // (not on every tap: most change only the paths).
        let q = state.query.get();
        let now = (state.lang.get(), parts(&q), q.known_operator());
        if shown.flatten().as_ref() == Some(&now) {
            return Some(now);
        }
        let div = div.clone();
        let build = BUILD.get() + 1;
        BUILD.set(build);
        let parts = now.1.clone();
        // The change that rebuilt the advice paints first.
        after_paint(move || {
            if BUILD.get() == build {
                replace_children(&div, None);
                append_later(div, build, parts, state);
            }
        });
        Some(now)
    });
    advice
}
