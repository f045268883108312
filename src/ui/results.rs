//! The ranked paths, the "not for you now" list and the "no path" answer.

use leptos::prelude::*;

use super::path_card::{BlockedCard, PathCard, SourceList};
use super::AppState;
use crate::domain::catalog::SimKind;
use crate::domain::rank;
use crate::i18n::{t, t_with, Key};

/// The results section; re-ranks whenever the query changes.
#[component]
pub fn Results() -> impl IntoView {
    let state = AppState::get();
    let catalog = state.catalog;
    view! {
        <section id="results" class="results" aria-labelledby="results-heading">
            <h2 id="results-heading">{move || state.t(Key::ResultsHeading)}</h2>
            {move || {
                let lang = state.lang.get();
                let q = state.query.get();
                let rec = rank(catalog, &q);
                let hint = (q.sim.is_none() || q.op.is_none() || q.pay.is_none())
                    .then(|| view! { <p class="hint">{t(lang, Key::ResultsHint)}</p> });
                let esim_note = (q.sim == Some(SimKind::Esim))
                    .then(|| catalog.warnings.iter().find(|w| w.id.0 == "operator_esim"))
                    .flatten()
                    .map(|w| view! {
                        <aside class="note-box">
                            <strong>{w.title.get(lang).to_owned()}</strong>" "{w.text.get(lang).to_owned()}
                            <SourceList lang ids=w.sources.clone() />
                        </aside>
                    });
                let main = if rec.paths.is_empty() {
                    view! {
                        <div class="no-path" data-testid="no-path" role="status">
                            <h3>{t(lang, Key::NoPathHeading)}</h3>
                            <p>{t(lang, Key::NoPathIntro)}</p>
                            <ul>
                                {catalog.no_path.iter().map(|n| view! {
                                    <li><strong>{n.title.get(lang).to_owned()}</strong>" "{n.text.get(lang).to_owned()}</li>
                                }).collect_view()}
                            </ul>
                        </div>
                    }
                    .into_any()
                } else {
                    view! {
                        <ol class="paths" data-testid="paths" aria-labelledby="results-heading">
                            {rec.paths.iter().cloned().enumerate().map(|(i, path)| view! {
                                <PathCard lang path rank=i + 1 />
                            }).collect_view()}
                        </ol>
                    }
                    .into_any()
                };
                let blocked = (!rec.blocked.is_empty()).then(|| {
                    let n = rec.blocked.len();
                    view! {
                        <section class="blocked-section" aria-labelledby="blocked-heading">
                            <h2 id="blocked-heading">{t(lang, Key::BlockedHeading)}</h2>
                            <details>
                                <summary>{t_with(lang, Key::BlockedShow, "n", &n.to_string())}</summary>
                                <ul class="paths" data-testid="blocked" aria-labelledby="blocked-heading">
                                    {rec.blocked.iter().cloned().map(|blocked| view! { <BlockedCard lang blocked /> }).collect_view()}
                                </ul>
                            </details>
                        </section>
                    }
                });
                view! { {hint} {esim_note} {main} {blocked} }
            }}
        </section>
    }
}
