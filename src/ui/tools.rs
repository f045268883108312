//! "Plan ahead": the validity calculator (how long a top-up keeps the line
//! active, from the catalog's dated rules) and the data run-out planner.
//! Each answer offers to become a reminder.

use leptos::html::{Div, Input, Select};
use leptos::prelude::*;

use super::dom::{clicked_button, replace_children, El};
use super::path_card::source_list;
use super::{clock, AppState};
use crate::domain::catalog::OperatorId;
use crate::domain::date::{Date, LocalDateTime};
use crate::domain::planner::{data_run_out, RunOutCause};
use crate::domain::validity::{format_azn, line_validity, parse_azn, BandAnswer};
use crate::domain::Lang;
use crate::i18n::{t, t_with, Key};

/// Days before a run-out that the planner's reminder fires.
const PLANNER_WARN_DAYS: u32 = 2;

fn text_with2(lang: Lang, key: Key, date: &str, n: &str) -> String {
    t_with(lang, key, "date", date).replace("{n}", n)
}

fn remind_button(key_text: String, action: &'static str) -> El {
    El::new("button")
        .attr("type", "button")
        .class("secondary")
        .attr("data-tool", action)
        .text(&key_text)
}

/// A reminder at 09:00 on `date`.
fn morning(date: Date) -> LocalDateTime {
    LocalDateTime {
        date,
        minute: 9 * 60,
    }
}

/// The validity calculator's answer as markup, and the date to remind on.
fn validity_answer(
    state: AppState,
    lang: Lang,
    op: OperatorId,
    amount: &str,
    paid: &str,
) -> (Vec<El>, Option<Date>) {
    let catalog = state.catalog();
    let (Some(qepik), Some(paid_on)) = (parse_azn(amount), Date::parse(paid)) else {
        let key = if parse_azn(amount).is_none() {
            Key::ValidityBadAmount
        } else {
            Key::BadDate
        };
        return (
            vec![El::new("p")
                .class("error")
                .attr("role", "alert")
                .text(t(lang, key))],
            None,
        );
    };
    let answer = line_validity(catalog, op, qepik, paid_on);
    let mut out = Vec::new();
    if let Some(unknown) = &answer.unknown {
        out.push(El::new("p").text(unknown.text.get(lang)));
        out.push(source_list(lang, catalog, &unknown.sources));
    }
    let mut remind_on = None;
    if let Some(current) = &answer.current {
        match &current.answer {
            BandAnswer::TooSmall { min_qepik } => out.push(El::new("p").text(&t_with(
                lang,
                Key::ValidityTooSmall,
                "n",
                &format_azn(*min_qepik),
            ))),
            BandAnswer::Active(period) => {
                let ends = clock::format_date(lang, period.ends);
                out.push(El::new("p").class("answer").text(&text_with2(
                    lang,
                    Key::ValidityResult,
                    &ends,
                    &period.days.to_string(),
                )));
                if let Some(w) = period.window_ends {
                    out.push(El::new("p").text(&t_with(
                        lang,
                        Key::ValidityWindow,
                        "date",
                        &clock::format_date(lang, w),
                    )));
                }
                if period.extrapolated {
                    out.push(
                        El::new("p")
                            .class("caveat")
                            .text(t(lang, Key::ValidityEstimate)),
                    );
                }
                remind_on = period.ends.add_days(-1);
            }
        }
        let rule = &current.rule;
        out.push(
            El::new("p")
                .child(El::new("strong").text(&t_with(
                    lang,
                    Key::ValidityRuleFrom,
                    "date",
                    &clock::format_date(lang, rule.effective),
                )))
                .text(" ")
                .text(rule.note.get(lang)),
        );
        out.push(source_list(lang, catalog, &rule.sources));
    }
    for (other, key) in [
        (&answer.superseded, Key::ValidityBefore),
        (&answer.upcoming, Key::ValidityAfter),
    ] {
        if let Some(other) = other {
            if let BandAnswer::Active(p) = &other.answer {
                let date = clock::format_date(lang, other.rule.effective);
                out.push(El::new("p").text(&text_with2(lang, key, &date, &p.days.to_string())));
            }
        }
    }
    for note in &answer.notes {
        out.push(El::new("p").class("caveat").text(note.text.get(lang)));
        out.push(source_list(lang, catalog, &note.sources));
    }
    if remind_on.is_some() {
        out.push(remind_button(
            t(lang, Key::RemindBeforeEnd).into(),
            "validity",
        ));
    }
    (out, remind_on)
}

/// The planner's answer as markup, and the date to remind on.
fn planner_answer(
    lang: Lang,
    left_gb: &str,
    per_day: &str,
    pack_end: &str,
) -> (Vec<El>, Option<Date>) {
    let gb = parse_azn(left_gb); // the same "2", "2.5", "2,50" parsing, in hundredths
    let per_day: Option<u32> = per_day.trim().parse().ok();
    let pack_ends = Date::parse(pack_end);
    let (Some(gb_hundredths), Some(per_day)) = (gb, per_day) else {
        return (
            vec![El::new("p")
                .class("error")
                .attr("role", "alert")
                .text(t(lang, Key::PlannerBad))],
            None,
        );
    };
    let left_mb = gb_hundredths.saturating_mul(1024) / 100;
    let today = clock::now().date;
    let Some(run_out) = data_run_out(left_mb, per_day, today, pack_ends) else {
        return (vec![El::new("p").text(t(lang, Key::PlannerNever))], None);
    };
    let date = clock::format_date(lang, run_out.on);
    let key = match run_out.cause {
        RunOutCause::PackEnds => Key::PlannerPackFirst,
        RunOutCause::DataUsedUp | RunOutCause::Both => Key::PlannerDataGone,
    };
    let remind = run_out.remind_on(PLANNER_WARN_DAYS);
    (
        vec![
            El::new("p")
                .class("answer")
                .text(&t_with(lang, key, "date", &date)),
            remind_button(
                t_with(
                    lang,
                    Key::PlannerRemind,
                    "n",
                    &PLANNER_WARN_DAYS.to_string(),
                ),
                "planner",
            ),
        ],
        Some(remind),
    )
}

/// One labelled input.
#[component]
fn Field(
    id: &'static str,
    label: Key,
    kind: &'static str,
    node: NodeRef<Input>,
    #[prop(optional)] value: String,
) -> impl IntoView {
    let state = AppState::get();
    let inputmode = if kind == "text" { "decimal" } else { "" };
    view! {
        <label for=id>{state.text(label)}</label>
        <input id=id type=kind node_ref=node value=value inputmode=inputmode />
    }
}

/// The two calculators.
#[component]
pub fn Tools() -> impl IntoView {
    let state = AppState::get();
    let (op, amount, paid) = (
        NodeRef::<Select>::new(),
        NodeRef::<Input>::new(),
        NodeRef::<Input>::new(),
    );
    let (left, per_day, pack_end) = (
        NodeRef::<Input>::new(),
        NodeRef::<Input>::new(),
        NodeRef::<Input>::new(),
    );
    let (validity_out, planner_out) = (NodeRef::<Div>::new(), NodeRef::<Div>::new());
    // The last answers' reminder dates and operator, for their buttons.
    let validity_remind = StoredValue::new(None::<(OperatorId, Date)>);
    let planner_remind = StoredValue::new(None::<Date>);
    let value = |r: NodeRef<Input>| r.get_untracked().map(|e| e.value()).unwrap_or_default();
    let on_validity = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = state.lang.get_untracked();
        let operator = op
            .get_untracked()
            .map(|e| e.value())
            .and_then(|v| OperatorId::ALL.into_iter().find(|o| o.as_str() == v))
            .unwrap_or(OperatorId::Azercell);
        let (content, remind) =
            validity_answer(state, lang, operator, &value(amount), &value(paid));
        validity_remind.set_value(remind.map(|d| (operator, d)));
        if let Some(div) = validity_out.get_untracked() {
            replace_children(&div, content);
        }
    };
    let on_planner = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = state.lang.get_untracked();
        let (content, remind) =
            planner_answer(lang, &value(left), &value(per_day), &value(pack_end));
        planner_remind.set_value(remind);
        if let Some(div) = planner_out.get_untracked() {
            replace_children(&div, content);
        }
    };
    let on_remind = move |ev: leptos::ev::MouseEvent| {
        let action = clicked_button(&ev, "data-tool").and_then(|b| b.get_attribute("data-tool"));
        let lang = state.lang.get_untracked();
        match action.as_deref() {
            Some("validity") => {
                if let Some((operator, date)) = validity_remind.get_value() {
                    let name = state
                        .catalog()
                        .operator(operator)
                        .map(|o| o.name.as_str())
                        .unwrap_or_default();
                    let label = t_with(lang, Key::RemindTopupLabel, "op", name);
                    state
                        .reminders
                        .start_new_at(label, Some(operator), None, morning(date));
                }
            }
            Some("planner") => {
                if let Some(date) = planner_remind.get_value() {
                    state.reminders.start_new_at(
                        t(lang, Key::PlannerLabel).into(),
                        None,
                        None,
                        morning(date),
                    );
                }
            }
            _ => {}
        }
    };
    let today = clock::now().date.to_string();
    let operators = [OperatorId::Azercell, OperatorId::Bakcell, OperatorId::Nar]
        .into_iter()
        .map(|o| view! { <option value=o.as_str()>{state.catalog().operator(o).map(|x| x.name.clone())}</option> })
        .collect_view();
    view! {
        <section class="tools" aria-labelledby="tools-heading" on:click=on_remind>
            <h2 id="tools-heading">{state.text(Key::ToolsHeading)}</h2>
            <form class="tool" on:submit=on_validity aria-labelledby="validity-heading" novalidate>
                <h3 id="validity-heading">{state.text(Key::ValidityHeading)}</h3>
                <label for="validity-op">{state.text(Key::ValidityOperator)}</label>
                <select id="validity-op" node_ref=op>{operators}</select>
                <Field id="validity-amount" label=Key::ValidityAmount kind="text" node=amount />
                <Field id="validity-paid" label=Key::ValidityPaid kind="date" node=paid value=today />
                <button type="submit">{state.text(Key::WorkItOut)}</button>
                <div class="answer-box" role="status" data-testid="validity-answer" node_ref=validity_out></div>
            </form>
            <form class="tool" on:submit=on_planner aria-labelledby="planner-heading" novalidate>
                <h3 id="planner-heading">{state.text(Key::PlannerHeading)}</h3>
                <Field id="planner-left" label=Key::PlannerLeft kind="text" node=left />
                <Field id="planner-per-day" label=Key::PlannerPerDay kind="number" node=per_day />
                <Field id="planner-pack-end" label=Key::PlannerPackEnd kind="date" node=pack_end />
                <button type="submit">{state.text(Key::WorkItOut)}</button>
                <div class="answer-box" role="status" data-testid="planner-answer" node_ref=planner_out></div>
            </form>
        </section>
    }
}
