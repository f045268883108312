//! Advice around the results: the number-prefix hint, the good habits with
//! the operators' check codes, and the travellers' checklist.

use leptos::prelude::*;

use super::path_card::{CodeList, SourceList};
use super::AppState;
use crate::domain::catalog::{Note, Payment, SimKind};
use crate::domain::Lang;
use crate::i18n::{t, Key};

/// A list of notes, each with its sources.
#[component]
fn NoteList(lang: Lang, notes: &'static [Note]) -> impl IntoView {
    view! {
        <ul class="notes">
            {notes.iter().map(|n| view! {
                <li>
                    <h3>{n.title.get(lang).to_owned()}</h3>
                    <p>{n.text.get(lang).to_owned()}</p>
                    <SourceList lang ids=n.sources.clone() />
                </li>
            }).collect_view()}
        </ul>
    }
}

/// Which operator a number's first digits suggest, with the porting caveat
/// and the closed operators (Naxtel).
#[component]
pub fn PrefixHint() -> impl IntoView {
    let state = AppState::get();
    let catalog = state.catalog;
    move || {
        let lang = state.lang.get();
        view! {
            <aside class="note-box prefix" aria-labelledby="prefix-heading">
                <h3 id="prefix-heading">{t(lang, Key::PrefixHeading)}</h3>
                <ul>
                    {catalog.operators.iter().filter(|o| !o.prefixes.is_empty()).map(|o| view! {
                        <li><strong>{o.prefixes.join(", ")}</strong>" → "{o.name.clone()}</li>
                    }).collect_view()}
                    {catalog.closed_operators.iter().map(|o| view! {
                        <li>
                            <strong>{o.prefixes.join(", ")}</strong>" → "{o.name.clone()}" ("{t(lang, Key::PrefixClosed)}"): "
                            {o.note.get(lang).to_owned()}
                            <SourceList lang ids=o.sources.clone() />
                        </li>
                    }).collect_view()}
                </ul>
                <p>{catalog.prefix_caveat.get(lang).to_owned()}</p>
            </aside>
        }
    }
}

/// Good habits, the check codes, and (for travellers) the checklist.
#[component]
pub fn Advice() -> impl IntoView {
    let state = AppState::get();
    let catalog = state.catalog;
    move || {
        let lang = state.lang.get();
        let q = state.query.get();
        let traveller =
            !q.in_az || q.sim == Some(SimKind::TravelEsim) || q.pay == Some(Payment::ForeignCard);
        view! {
            {traveller.then(|| view! {
                <section class="advice traveller" aria-labelledby="traveller-heading">
                    <h2 id="traveller-heading">{t(lang, Key::TravellerHeading)}</h2>
                    <NoteList lang notes=&catalog.traveller />
                </section>
            })}
            <section class="advice" aria-labelledby="habits-heading">
                <h2 id="habits-heading">{t(lang, Key::HabitsHeading)}</h2>
                <NoteList lang notes=&catalog.habits />
                <h3>{t(lang, Key::CheckCodesHeading)}</h3>
                <ul class="operator-codes">
                    {catalog.operators.iter().filter(|o| !o.codes.is_empty()).map(|o| view! {
                        <li><strong>{o.name.clone()}</strong><CodeList lang codes=o.codes.clone() /></li>
                    }).collect_view()}
                </ul>
            </section>
        }
    }
}
