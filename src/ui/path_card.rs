//! One renewal path: its heading, why it ranks there, and (on demand) steps,
//! codes, warnings and sources. Also the pieces other sections reuse:
//! sources with date and confidence, and tap-to-dial codes.

use leptos::prelude::*;

use super::picker::pay_key;
use super::AppState;
use crate::domain::catalog::{Channel, Code, Confidence, Plan, SourceId, CODE_PLACEHOLDERS};
use crate::domain::recommend::{BlockedPath, Blocker, Caveat, Merit, RankedPath};
use crate::domain::Lang;
use crate::i18n::{t, t_with, Key};

fn confidence_key(c: Confidence) -> Key {
    match c {
        Confidence::High => Key::ConfidenceHigh,
        Confidence::Medium => Key::ConfidenceMedium,
        Confidence::Low => Key::ConfidenceLow,
        Confidence::Unconfirmed => Key::ConfidenceUnconfirmed,
    }
}

fn confidence_class(c: Confidence) -> &'static str {
    match c {
        Confidence::High => "badge high",
        Confidence::Medium => "badge medium",
        Confidence::Low => "badge low",
        Confidence::Unconfirmed => "badge unconfirmed",
    }
}

/// A confidence level as a small badge.
#[component]
pub fn ConfidenceBadge(lang: Lang, confidence: Confidence) -> impl IntoView {
    view! { <span class=confidence_class(confidence)>{t(lang, confidence_key(confidence))}</span> }
}

/// The sources behind a fact: publisher (linked), page date, date checked,
/// confidence. With no source, says it is general practice.
#[component]
pub fn SourceList(lang: Lang, ids: Vec<SourceId>) -> impl IntoView {
    let catalog = AppState::get().catalog;
    if ids.is_empty() {
        return view! { <p class="sources none">{t(lang, Key::GeneralPractice)}</p> }.into_any();
    }
    view! {
        <ul class="sources">
            {ids
                .iter()
                .filter_map(|id| catalog.source(id))
                .map(|s| {
                    let published = s.published.as_ref().map(|d| view! {
                        " · "<span class="nowrap">{t_with(lang, Key::SourcePublished, "date", d)}</span>
                    });
                    view! {
                        <li>
                            <a href=s.url.clone() target="_blank" rel="noopener noreferrer">{s.publisher.clone()}</a>
                            {published}
                            " · "
                            <span class="nowrap">{t_with(lang, Key::SourceChecked, "date", &s.checked)}</span>
                            " "
                            <ConfidenceBadge lang confidence=s.confidence />
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

/// A template code written out with its placeholders named.
fn template_text(lang: Lang, dial: &str) -> String {
    let names = [Key::PhCard, Key::PhNumber, Key::PhAmount];
    CODE_PLACEHOLDERS
        .iter()
        .zip(names)
        .fold(dial.to_owned(), |s, (p, k)| {
            s.replace(p, &format!("[{}]", t(lang, k)))
        })
}

/// Codes as tap-to-dial links; templates as text to type.
#[component]
pub fn CodeList(lang: Lang, codes: Vec<Code>) -> impl IntoView {
    view! {
        <ul class="codes">
            {codes
                .into_iter()
                .map(|c| {
                    let shown = match &c.body {
                        Some(body) => format!("{} → {}", body, c.dial),
                        None => c.dial.clone(),
                    };
                    let code = match c.href() {
                        Some(href) => view! { <a class="dial" href=href>{shown}</a> }.into_any(),
                        None => view! {
                            <span class="fill">{t(lang, Key::CodeFillIn)}" "<code>{template_text(lang, &c.dial)}</code></span>
                        }
                        .into_any(),
                    };
                    view! { <li>{code}" "<span class="what">{c.what.get(lang).to_owned()}</span></li> }
                })
                .collect_view()}
        </ul>
    }
}

fn merit_text(lang: Lang, m: Merit) -> String {
    match m {
        Merit::TakesYourPayment => t(lang, Key::MeritTakesPayment).into(),
        Merit::Instant => t(lang, Key::MeritInstant).into(),
        Merit::WithinMinutes(n) => t_with(lang, Key::MeritWithinMinutes, "n", &n.to_string()),
        Merit::FromAnywhere => t(lang, Key::MeritFromAnywhere).into(),
        Merit::NoInternet => t(lang, Key::MeritNoInternet).into(),
        Merit::OfficialSource => t(lang, Key::MeritOfficial).into(),
        Merit::AutoTopUp => t(lang, Key::MeritAuto).into(),
    }
}

fn caveat_text(lang: Lang, c: Caveat) -> String {
    let catalog = AppState::get().catalog;
    match c {
        Caveat::PaymentUnconfirmed => t(lang, Key::CaveatPaymentUnconfirmed).into(),
        Caveat::IfOperator(op) => {
            let name = catalog
                .operator(op)
                .map(|o| o.name.as_str())
                .unwrap_or(op.as_str());
            t_with(lang, Key::CaveatIfOperator, "op", name)
        }
        Caveat::PayLater => t(lang, Key::CaveatPayLater).into(),
        Caveat::WeakSource => t(lang, Key::CaveatWeakSource).into(),
    }
}

/// Why a path cannot work now, in one line.
pub fn blocker_text(lang: Lang, b: Blocker) -> String {
    match b {
        Blocker::Payment(p) => t_with(lang, Key::BlockerPayment, "pay", t(lang, pay_key(p))),
        Blocker::NeedsInternet => t(lang, Key::BlockerInternet).into(),
        Blocker::NeedsPresence => t(lang, Key::BlockerPresence).into(),
        Blocker::NeedsLocalCard => t(lang, Key::BlockerLocalCard).into(),
        Blocker::Plan(Plan::Prepaid) => t(lang, Key::BlockerPlanPrepaid).into(),
        Blocker::Plan(Plan::Postpaid) => t(lang, Key::BlockerPlanPostpaid).into(),
    }
}

fn time_text(lang: Lang, minutes: Option<u32>) -> String {
    match minutes {
        Some(0) => t(lang, Key::TimeInstant).into(),
        Some(n) => t_with(lang, Key::TimeMinutes, "n", &n.to_string()),
        None => t(lang, Key::TimeUnknown).into(),
    }
}

/// The details of a channel: where, what to bring, time, steps, codes,
/// warnings, note and sources.
#[component]
fn ChannelDetails(lang: Lang, channel: &'static Channel) -> impl IntoView {
    let catalog = AppState::get().catalog;
    let warnings: Vec<_> = channel
        .warnings
        .iter()
        .filter_map(|w| catalog.warning(w))
        .collect();
    view! {
        <dl class="facts">
            <dt>{t(lang, Key::LabelWhere)}</dt>
            <dd>{channel.place.get(lang).to_owned()}</dd>
            {channel.bring.as_ref().map(|b| view! {
                <dt>{t(lang, Key::LabelBring)}</dt>
                <dd>{b.get(lang).to_owned()}</dd>
            })}
            <dt>{t(lang, Key::LabelTime)}</dt>
            <dd>{time_text(lang, channel.credit_minutes)}</dd>
        </dl>
        <h4>{t(lang, Key::LabelSteps)}</h4>
        <ol class="steps">
            {channel.steps.iter().map(|s| view! { <li>{s.get(lang).to_owned()}</li> }).collect_view()}
        </ol>
        {(!channel.codes.is_empty()).then(|| view! {
            <h4>{t(lang, Key::LabelCodes)}</h4>
            <CodeList lang codes=channel.codes.clone() />
        })}
        {(!warnings.is_empty()).then(|| view! {
            <h4>{t(lang, Key::LabelWarnings)}</h4>
            <ul class="warnings">
                {warnings.into_iter().map(|w| view! {
                    <li><strong>{w.title.get(lang).to_owned()}</strong>" "{w.text.get(lang).to_owned()}</li>
                }).collect_view()}
            </ul>
        })}
        {channel.note.as_ref().map(|n| view! {
            <p class="note"><strong>{t(lang, Key::LabelNote)}": "</strong>{n.get(lang).to_owned()}</p>
        })}
        <h4>{t(lang, Key::LabelSources)}</h4>
        <SourceList lang ids=channel.sources.clone() />
    }
}

/// A feasible path in the ranked list.
#[component]
pub fn PathCard(lang: Lang, path: RankedPath<'static>, rank: usize) -> impl IntoView {
    let ch = path.channel;
    let why = if path.merits.is_empty() {
        t(lang, Key::MeritNone).to_owned()
    } else {
        let separator = if lang == Lang::Zh { "，" } else { ", " };
        path.merits
            .iter()
            .take(3)
            .map(|m| merit_text(lang, *m))
            .collect::<Vec<_>>()
            .join(separator)
    };
    view! {
        <li class="path" data-channel=ch.id.0.clone()>
            <h3><span class="rank" aria-hidden="true">{rank}</span>" "{ch.name.get(lang).to_owned()}</h3>
            <p class="why"><strong>{t(lang, Key::WhyHere)}</strong>" "{why}</p>
            {(!path.caveats.is_empty()).then(|| view! {
                <ul class="caveats">
                    {path.caveats.iter().map(|c| view! { <li>{caveat_text(lang, *c)}</li> }).collect_view()}
                </ul>
            })}
            <p class="meta"><ConfidenceBadge lang confidence=ch.confidence /></p>
            <details open=rank == 1>
                <summary>{t(lang, Key::ShowDetails)}</summary>
                <ChannelDetails lang channel=ch />
            </details>
        </li>
    }
}

/// A path that is not for this user now, with the reasons.
#[component]
pub fn BlockedCard(lang: Lang, blocked: BlockedPath<'static>) -> impl IntoView {
    let reasons = blocked
        .blockers
        .iter()
        .map(|b| blocker_text(lang, *b))
        .collect::<Vec<_>>()
        .join(" ");
    view! {
        <li class="path blocked" data-channel=blocked.channel.id.0.clone()>
            <h3>{blocked.channel.name.get(lang).to_owned()}</h3>
            <p class="reason">{reasons}</p>
        </li>
    }
}
