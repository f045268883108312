//! The ranked paths, the "not for you now" list and the "no path" answer.
//! Re-ranked and rebuilt (with the `dom` builder) whenever the query or the
//! language changes. The collapsed cards' details are built after the next
//! frame, a few per task, so that the first paint and a tap's answer come
//! sooner.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::dom::{clicked, replace_children, El};
use super::path_card::{blocked_card, fill_details, path_card, PathAction};
use super::sources::source_list;
use super::{after_paint, defer, extras, keep_text, reminders_link, AppState};
use crate::domain::catalog::{Catalog, Channel, SimKind};
use crate::domain::{rank, Lang, Query};
use crate::i18n::{t, t_count, t_with, Key};

/// A path card's `<details>` still to be filled.
struct Unfilled {
    details: Element,
    lang: Lang,
    catalog: &'static Catalog,
    channel: &'static Channel,
}

impl Unfilled {
    fn fill(self) {
        fill_details(self.lang, self.catalog, self.channel, &self.details);
    }
}

/// The details to fill (the next one last), and whether a task to fill them
/// is queued.
#[derive(Default)]
struct FillQueue {
    cards: Vec<Unfilled>,
    queued: bool,
}

thread_local! {
    static FILL_QUEUE: RefCell<FillQueue> = RefCell::default();
    /// The ranked cards' `<details>` shown lately (now's first), by
    /// language and channel: the next results move them into their cards
    /// instead of building them again (see `path_card`). Going back and
    /// forth between two answers builds nothing after the first time.
    static SHOWN_DETAILS: RefCell<Vec<(Lang, &'static str, Element)>> = RefCell::default();
}

/// How many cards' `<details>` [`SHOWN_DETAILS`] keeps: a few answers' worth.
const KEEP_DETAILS: usize = 24;

/// The `<details>` of `channel`'s card in results shown lately, if they are
/// in `lang`.
fn take_shown(
    shown: &mut Vec<(Lang, &'static str, Element)>,
    lang: Lang,
    channel: &str,
) -> Option<Element> {
    let i = shown
        .iter()
        .position(|(l, id, _)| *l == lang && *id == channel)?;
    Some(shown.remove(i).2)
}

/// How long one task may spend filling details (ms): far below the 50 ms of
/// a long task, even on a phone four times slower than this machine.
const FILL_BUDGET_MS: f64 = 6.0;

/// Fills `cards` (in rank order) after the current task, replacing any not yet
/// filled (they belong to results no longer shown).
fn fill_later(mut cards: Vec<Unfilled>) {
    cards.reverse();
    let queue_task = FILL_QUEUE.with_borrow_mut(|q| {
        q.cards = cards;
        !q.cards.is_empty() && !std::mem::replace(&mut q.queued, true)
    });
    if queue_task {
        after_paint(fill_some);
    }
}

/// Fills details for up to [`FILL_BUDGET_MS`], then yields to the browser.
fn fill_some() {
    let deadline = js_sys::Date::now() + FILL_BUDGET_MS;
    loop {
        let Some(card) = FILL_QUEUE.with_borrow_mut(|q| q.cards.pop()) else {
            FILL_QUEUE.with_borrow_mut(|q| q.queued = false);
            return;
        };
        card.fill();
        if js_sys::Date::now() >= deadline {
            defer(fill_some);
            return;
        }
    }
}

/// Fills the details of `summary` at once if they are still waiting (a card
/// opened before its turn).
fn fill_now(summary: &Element) {
    let Some(details) = summary.parent_element() else {
        return;
    };
    let card = FILL_QUEUE.with_borrow_mut(|q| {
        let i = q.cards.iter().position(|c| c.details == details)?;
        Some(q.cards.remove(i))
    });
    if let Some(card) = card {
        card.fill();
    }
}

/// The results' content for a query, and the details it leaves to fill.
fn build(lang: Lang, catalog: &'static Catalog, q: &Query) -> (Vec<El>, Vec<Unfilled>) {
    let rec = rank(catalog, q);
    let mut out = Vec::new();
    let mut unfilled = Vec::new();
    let mut shown = SHOWN_DETAILS.take();
    let mut now_shown = Vec::new();
    if q.sim.is_none() || q.op.is_none() || q.pay.is_none() {
        out.push(El::new("p").class("hint").text(t(lang, Key::ResultsHint)));
    }
    if q.sim == Some(SimKind::Esim) {
        if let Some(w) = catalog.warnings.iter().find(|w| w.id.0 == "operator_esim") {
            out.push(
                El::new("aside")
                    .class("note-box")
                    .titled(lang, w.title.get(lang), w.text.get(lang))
                    .child(source_list(
                        lang,
                        &w.sources,
                        &format!("warning:{}", w.id.0),
                    )),
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
                        .titled(lang, n.title.get(lang), n.text.get(lang))
                        .child(source_list(
                            lang,
                            &n.sources,
                            &format!("no_path:{}", n.id.0),
                        ))
                }))),
        );
    } else {
        out.push(
            El::new("ol")
                .class("paths")
                .attr("data-testid", "paths")
                .attr("aria-labelledby", "results-heading")
                .children(rec.paths.iter().enumerate().map(|(i, p)| {
                    let id = p.channel.id.0.as_str();
                    let reused = take_shown(&mut shown, lang, id);
                    let (card, details) = path_card(lang, catalog, p, i + 1, reused);
                    if details.to_fill {
                        unfilled.push(Unfilled {
                            details: details.element.clone(),
                            lang,
                            catalog,
                            channel: p.channel,
                        });
                    }
                    now_shown.push((lang, id, details.element));
                    card
                })),
        );
    }
    if !rec.blocked.is_empty() {
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
                        .child(El::new("summary").text(&t_count(
                            lang,
                            Key::BlockedShow,
                            Key::BlockedShowOne,
                            rec.blocked.len(),
                        )))
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
    now_shown.extend(shown);
    now_shown.truncate(KEEP_DETAILS);
    SHOWN_DETAILS.set(now_shown);
    (out, unfilled)
}

/// "Remind me" on a path opens the reminder form for that channel; "Share"
/// shares the answers' link; "Show to the clerk" opens the card; "Report a
/// mistake" describes the card for its editors; a card's summary opens its
/// details (filled first if they are still waiting).
fn on_click(state: AppState, ev: web_sys::MouseEvent) {
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    if let Some(summary) = target.closest("summary").ok().flatten() {
        fill_now(&summary);
        return;
    }
    let Some((action, button)) = clicked(&ev) else {
        return;
    };
    let channel = button.get_attribute("data-id").and_then(|id| {
        state
            .catalog_untracked()
            .channels
            .iter()
            .find(|c| c.id.0 == id)
    });
    let lang = state.lang.get_untracked();
    match (action, channel) {
        (PathAction::Report, _) => extras::report(state, &button),
        (PathAction::Share, _) => extras::share(state, &button),
        (PathAction::Clerk, Some(ch)) => extras::clerk(state, ch, &button),
        (PathAction::Remind, Some(ch)) => {
            let label = t_with(lang, Key::RemindLabelFor, "name", ch.name.get(lang));
            reminders_link::remind(&button, &label, Some(ch.operator), Some(&ch.id), None);
        }
        _ => {}
    }
}

/// The results section.
pub fn results() -> El {
    let state = AppState::get();
    let heading = El::new("h2").attr("id", "results-heading");
    keep_text(&heading.element(), Key::ResultsHeading);
    let container = El::new("div").on("click", move |ev| on_click(state, ev));
    let div = container.element();
    let section = El::new("section")
        .attr("id", "results")
        .class("results")
        .attr("aria-labelledby", "results-heading")
        .child(heading)
        .child(container);
    Effect::new(move || {
        let (lang, q) = (state.lang.get(), state.query.get());
        let (content, unfilled) = build(lang, state.catalog(), &q);
        replace_children(&div, content);
        fill_later(unfilled);
    });
    section
}
