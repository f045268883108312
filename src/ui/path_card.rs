//! One renewal path as markup: heading, why it ranks there, caveats, and (in
//! a `<details>`) where, steps, codes, warnings, note and sources. Also a
//! piece the advice section reuses: tap-to-dial codes.

use super::dom::{Action, El};
use super::sources::{confidence_badge, source_list, source_list_on_open};
use crate::domain::catalog::{Catalog, Channel, Code, Plan, CODE_PLACEHOLDERS};
use crate::domain::recommend::{BlockedPath, Blocker, Caveat, Merit, RankedPath};
use crate::domain::{typography, Lang};
use crate::i18n::{fill, operator_name, pay_key, t, t_with, Key};
use web_sys::Element;

/// A template code written out with its placeholders named.
fn template_text(lang: Lang, dial: &str) -> String {
    let names = [Key::PhCard, Key::PhNumber, Key::PhAmount];
    CODE_PLACEHOLDERS
        .iter()
        .zip(names)
        .fold(dial.to_owned(), |s, (p, k)| {
            fill(&s, p, &format!("[{}]", t(lang, k)))
        })
}

/// Codes as tap-to-dial links; templates as text to type.
pub fn code_list(lang: Lang, codes: &[Code]) -> El {
    El::new("ul").class("codes").children(codes.iter().map(|c| {
        let shown = match &c.body {
            Some(body) => format!("{body} → {}", c.dial),
            None => c.dial.clone(),
        };
        let code = match c.href() {
            Some(href) => El::new("a").class("dial").attr("href", &href).text(&shown),
            None => El::new("span")
                .class("fill")
                .text(t(lang, Key::CodeFillIn))
                .text(typography::space_after(t(lang, Key::CodeFillIn)))
                .child(El::new("code").text(&template_text(lang, &c.dial))),
        };
        El::new("li")
            .child(code)
            .text(" ")
            .child(El::new("span").class("what").text(c.what.get(lang)))
    }))
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

fn caveat_text(lang: Lang, catalog: &Catalog, c: Caveat) -> String {
    match c {
        Caveat::PaymentUnconfirmed => t(lang, Key::CaveatPaymentUnconfirmed).into(),
        Caveat::IfOperator(op) => t_with(
            lang,
            Key::CaveatIfOperator,
            "op",
            operator_name(lang, catalog, op),
        ),
        Caveat::PayLater => t(lang, Key::CaveatPayLater).into(),
        Caveat::WeakSource => t(lang, Key::CaveatWeakSource).into(),
    }
}

/// Why a path cannot work now, in one line.
fn blocker_text(lang: Lang, b: Blocker) -> String {
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

fn heading4(lang: Lang, key: Key) -> El {
    El::new("h4").text(t(lang, key))
}

/// Fills a path card's `<details>` (see [`path_card`]) with steps, where,
/// codes, warnings and sources (the note comes with the sources).
pub fn fill_details(lang: Lang, catalog: &Catalog, ch: &Channel, details: &Element) {
    channel_details(lang, catalog, ch, El::from(details.clone()));
}

fn channel_details(lang: Lang, catalog: &Catalog, ch: &Channel, details: El) -> El {
    let fact =
        |key: Key, value: &str| [El::new("dt").text(t(lang, key)), El::new("dd").text(value)];
    let mut facts = El::new("dl")
        .class("facts")
        .children(fact(Key::LabelWhere, ch.place.get(lang)));
    if let Some(bring) = &ch.bring {
        facts = facts.children(fact(Key::LabelBring, bring.get(lang)));
    }
    facts = facts.children(fact(Key::LabelTime, &time_text(lang, ch.credit_minutes)));
    let warnings: Vec<_> = ch
        .warnings
        .iter()
        .filter_map(|w| catalog.warning(w))
        .collect();
    // The steps first: at a kiosk with no data left, they are the answer.
    let mut d = details
        .child(heading4(lang, Key::LabelSteps))
        .child(
            El::new("ol")
                .class("steps")
                .children(ch.steps.iter().map(|s| El::new("li").text(s.get(lang)))),
        )
        // Where a person serves the user, the card to show them, after the steps.
        .maybe(ch.kind.served_in_person().then(|| {
            El::new("p").child(
                El::button(PathAction::Clerk, t(lang, Key::ShowClerk))
                    .class("clerk-open")
                    .attr("data-id", &ch.id.0),
            )
        }))
        .child(facts);
    if !ch.codes.is_empty() {
        d = d
            .child(heading4(lang, Key::LabelCodes))
            .child(code_list(lang, &ch.codes));
    }
    if !warnings.is_empty() {
        d = d.child(heading4(lang, Key::LabelWarnings)).child(
            El::new("ul").class("warnings").children(
                warnings
                    .iter()
                    .map(|w| El::new("li").titled(lang, w.title.get(lang), w.text.get(lang))),
            ),
        );
    }
    // The path's own sources, its codes' and its warnings', with the quotes
    // of all three.
    let mut sources = ch.sources.clone();
    let mut entries = format!("channel:{}", ch.id.0);
    let code_sources = ch.codes.iter().map(|c| &c.source);
    for id in code_sources.chain(warnings.iter().flat_map(|w| &w.sources)) {
        if !sources.contains(id) {
            sources.push(id.clone());
        }
    }
    for w in &warnings {
        entries.push_str(" warning:");
        entries.push_str(&w.id.0);
    }
    // A closed card's sources (and their quotes) are built when it opens;
    // the channel's note, in the pack's second part, comes with them.
    let list = if d.element().has_attribute("open") {
        source_list(lang, &sources, &entries)
    } else {
        source_list_on_open(&sources, &entries)
    }
    .attr("data-note", &ch.id.0);
    d.child(heading4(lang, Key::LabelSources)).child(list)
}

/// A feasible path in the ranked list. The first card's details are open and
/// filled; the others hold only their summary, and their `<details>` comes
/// back for [`fill_details`]: those bodies are three quarters of the results'
/// markup, so the caller builds them after the first paint.
///
/// `shown` is this channel's `<details>` from the results shown until now,
/// if it was there in this language: it only depends on the channel, so it
/// is moved into the new card, as filled (and as opened) as it was, rather
/// than built again.
pub fn path_card(
    lang: Lang,
    catalog: &Catalog,
    path: &RankedPath<'_>,
    rank: usize,
    shown: Option<Element>,
) -> (El, CardDetails) {
    let ch = path.channel;
    let why = if path.merits.is_empty() {
        t(lang, Key::MeritNone).to_owned()
    } else {
        let merits: Vec<String> = path
            .merits
            .iter()
            .take(3)
            .map(|m| merit_text(lang, *m))
            .collect();
        typography::phrases(lang, &merits)
    };
    let caveats = (!path.caveats.is_empty()).then(|| {
        El::new("ul").class("caveats").children(
            path.caveats
                .iter()
                .map(|c| El::new("li").text(&caveat_text(lang, catalog, *c))),
        )
    });
    let (details, to_fill) = card_details(lang, catalog, ch, rank, shown);
    let handle = CardDetails {
        element: details.element(),
        to_fill,
    };
    let card = El::new("li")
        .class("path")
        .attr("data-channel", &ch.id.0)
        .child(
            El::new("h3")
                .child(
                    El::new("span")
                        .class("rank")
                        .attr("aria-hidden", "true")
                        .text(&rank.to_string()),
                )
                .text(" ")
                .text(ch.name.get(lang)),
        )
        .child(
            El::new("p")
                .class("why")
                .child(El::new("strong").text(t(lang, Key::WhyHere)))
                .text(typography::space_after(t(lang, Key::WhyHere)))
                .text(&why),
        )
        .maybe(caveats)
        .child(
            El::new("p")
                .class("meta")
                .child(confidence_badge(lang, ch.confidence))
                .text(" ")
                .child(
                    El::button(PathAction::Remind, t(lang, Key::RemindMe))
                        .class("secondary remind")
                        .attr("data-id", &ch.id.0),
                )
                .text(" ")
                .child(
                    El::button(PathAction::Share, t(lang, Key::Share))
                        .class("secondary share")
                        .attr("data-id", &ch.id.0),
                )
                .text(" ")
                .child(
                    El::button(PathAction::Report, t(lang, Key::ReportMistake))
                        .class("secondary report")
                        .attr("data-id", &format!("channel:{}", ch.id.0)),
                ),
        )
        .child(details);
    (card, handle)
}

/// A path card's `<details>`, and whether they are still to be filled (with
/// [`fill_details`]).
pub struct CardDetails {
    pub element: Element,
    pub to_fill: bool,
}

/// A path card's `<details>`: open and filled for the first card, else
/// closed and (`true`) still to be filled, unless `shown` was filled already.
fn card_details(
    lang: Lang,
    catalog: &Catalog,
    ch: &Channel,
    rank: usize,
    shown: Option<Element>,
) -> (El, bool) {
    let first = rank == 1;
    let details = match shown {
        Some(shown) => {
            // Only the summary until filled.
            let filled = shown.child_element_count() > 1;
            let _ = shown.toggle_attribute_with_force("open", first);
            if filled {
                return (El::from(shown), false);
            }
            El::from(shown)
        }
        None => {
            let summary = El::new("summary").text(t(lang, Key::ShowDetails));
            let details = El::new("details").child(summary);
            if first {
                details.attr("open", "")
            } else {
                details
            }
        }
    };
    if first {
        (channel_details(lang, catalog, ch, details), false)
    } else {
        (details, true)
    }
}

/// A path that is not for this user now, with the reasons.
pub fn blocked_card(lang: Lang, blocked: &BlockedPath<'_>) -> El {
    let reasons: Vec<String> = blocked
        .blockers
        .iter()
        .map(|b| blocker_text(lang, *b))
        .collect();
    let reasons = typography::sentences(lang, &reasons);
    El::new("li")
        .class("path blocked")
        .attr("data-channel", &blocked.channel.id.0)
        .child(El::new("h3").text(blocked.channel.name.get(lang)))
        .child(El::new("p").class("reason").text(&reasons))
}

/// The buttons of a path card; `data-id` says which channel (Remind,
/// Share, Clerk) or catalog entry (Report).
#[derive(Clone, Copy)]
pub enum PathAction {
    /// Open the reminder form for this channel.
    Remind,
    /// Share the link to these answers.
    Share,
    /// "Report a mistake" about this entry.
    Report,
    /// Open the card to show the clerk (paths served in person).
    Clerk,
}

impl Action for PathAction {
    const ALL: &'static [Self] = &[
        PathAction::Remind,
        PathAction::Share,
        PathAction::Report,
        PathAction::Clerk,
    ];

    fn as_str(self) -> &'static str {
        match self {
            PathAction::Remind => "remind",
            PathAction::Share => "share",
            PathAction::Report => "report",
            PathAction::Clerk => "clerk",
        }
    }
}
