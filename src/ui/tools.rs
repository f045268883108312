//! "Plan ahead": the validity calculator (how long a top-up keeps the line
//! active, from the catalog's dated rules) and the data run-out planner.
//! Each answer offers to become a reminder.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::advice::fact_list;
use super::dom::{clicked, labelled, option, replace_children, value_in, Action, El};
use super::sources::source_list;
use super::{clock, AppState};
use crate::domain::catalog::{OperatorId, Topic};
use crate::domain::date::{Date, LocalDateTime};
use crate::domain::planner::{data_run_out, RunOutCause};
use crate::domain::typography;
use crate::domain::validity::{line_validity, parse_azn, BandAnswer};
use crate::domain::Lang;
use crate::i18n::{t, t_with, Key};
use web_sys::Element;

/// Days before a run-out that the planner's reminder fires.
const PLANNER_WARN_DAYS: u32 = 2;

fn text_with2(lang: Lang, key: Key, date: &str, n: &str) -> String {
    t_with(lang, key, "date", date).replace("{n}", n)
}

/// The two calculators. As a button's action, "remind me" under that
/// calculator's answer.
#[derive(Clone, Copy, PartialEq)]
enum Tool {
    Validity,
    Planner,
}

impl Action for Tool {
    const ALL: &'static [Self] = &[Tool::Validity, Tool::Planner];

    fn as_str(self) -> &'static str {
        match self {
            Tool::Validity => "validity",
            Tool::Planner => "planner",
        }
    }
}

fn remind_button(key_text: String, tool: Tool) -> El {
    El::button(tool, &key_text).class("secondary")
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
    // The rules travel in the pack's second part, installed just after
    // start-up: asked before then, the answer says it is still loading.
    let Some(rules) = state.more_untracked() else {
        return (vec![El::new("p").text(t(lang, Key::Loading))], None);
    };
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
    let answer = line_validity(rules, op, qepik, paid_on);
    let mut out = Vec::new();
    if let Some(unknown) = &answer.unknown {
        out.push(El::new("p").text(unknown.text.get(lang)));
        out.push(source_list(
            lang,
            &unknown.sources,
            &format!("no_rule:{}", unknown.operator.as_str()),
        ));
    }
    let mut remind_on = None;
    if let Some(current) = &answer.current {
        match &current.answer {
            BandAnswer::TooSmall { min_qepik } => out.push(El::new("p").text(&t_with(
                lang,
                Key::ValidityTooSmall,
                "n",
                &typography::amount(lang, *min_qepik),
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
                .text(typography::space_after(t(lang, Key::ValidityRuleFrom)))
                .text(rule.note.get(lang)),
        );
        out.push(source_list(
            lang,
            &rule.sources,
            &format!("rule:{}", rule.id),
        ));
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
        out.push(source_list(
            lang,
            &note.sources,
            &format!("note:{}", note.id),
        ));
    }
    // What keeps this line alive beyond the table: payments that do not
    // count, what happens when the period ends.
    if let Some(facts) = fact_list(
        lang,
        state.catalog_untracked(),
        rules,
        Topic::Lifecycle,
        Some(op),
    ) {
        out.push(El::new("h4").text(t(lang, Key::LifecycleHeading)));
        out.push(facts);
    }
    if remind_on.is_some() {
        out.push(remind_button(
            t(lang, Key::RemindBeforeEnd).into(),
            Tool::Validity,
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
                Tool::Planner,
            ),
        ],
        Some(remind),
    )
}

/// The calculators' fields by id: the validity calculator's, then the planner's.
const FIELDS: [&str; 6] = [
    "validity-op",
    "validity-amount",
    "validity-paid",
    "planner-left",
    "planner-per-day",
    "planner-pack-end",
];

/// A text, number or date input (decimal keyboard for text).
fn input(kind: &str, value: &str) -> El {
    let input = El::new("input").attr("type", kind).attr("value", value);
    if kind == "text" {
        input.attr("inputmode", "decimal")
    } else {
        input
    }
}

/// A calculator's form: its heading, `fields`, the button and the answer box.
fn tool_form(lang: Lang, tool: Tool, heading: Key, fields: Vec<[El; 2]>) -> El {
    let name = tool.as_str();
    let heading_id = format!("{name}-heading");
    El::new("form")
        .class("tool")
        .attr("data-tool", name)
        .attr("aria-labelledby", &heading_id)
        .attr("novalidate", "")
        .child(El::new("h3").attr("id", &heading_id).text(t(lang, heading)))
        .children(fields.into_iter().flatten())
        .child(
            El::new("button")
                .attr("type", "submit")
                .text(t(lang, Key::WorkItOut)),
        )
        .child(
            El::new("div")
                .class("answer-box")
                .attr("role", "status")
                .attr("data-testid", &format!("{name}-answer")),
        )
}

/// The section's content in `lang`, with the fields holding `values` (in
/// [`FIELDS`] order).
fn build(state: AppState, lang: Lang, values: &[String; 6]) -> [El; 3] {
    let catalog = state.catalog();
    let operators = [OperatorId::Azercell, OperatorId::Bakcell, OperatorId::Nar]
        .into_iter()
        .map(|o| {
            let name = catalog
                .operator(o)
                .map(|x| x.name.as_str())
                .unwrap_or_default();
            option(o.as_str(), name, values[0] == o.as_str())
        });
    let field = |i: usize, key: Key, control: El| labelled(FIELDS[i], t(lang, key), control);
    [
        El::new("h2")
            .attr("id", "tools-heading")
            .text(t(lang, Key::ToolsHeading)),
        tool_form(
            lang,
            Tool::Validity,
            Key::ValidityHeading,
            vec![
                field(
                    0,
                    Key::ValidityOperator,
                    El::new("select").children(operators),
                ),
                field(1, Key::ValidityAmount, input("text", &values[1])),
                field(2, Key::ValidityPaid, input("date", &values[2])),
            ],
        ),
        tool_form(
            lang,
            Tool::Planner,
            Key::PlannerHeading,
            vec![
                field(3, Key::PlannerLeft, input("text", &values[3])),
                field(4, Key::PlannerPerDay, input("number", &values[4])),
                field(5, Key::PlannerPackEnd, input("date", &values[5])),
            ],
        ),
    ]
}

/// The reminder dates of the answers shown, for their buttons.
#[derive(Clone, Copy, Default)]
struct Shown {
    /// The validity answer is shown; its reminder's operator and date.
    validity: Option<Option<(OperatorId, Date)>>,
    /// The planner answer is shown; its reminder's date.
    planner: Option<Option<Date>>,
}

/// Works out the answer of the calculator `form` from its fields and shows
/// it in its answer box.
fn answer(state: AppState, form: &Element, shown: StoredValue<Shown>) {
    let lang = state.lang.get_untracked();
    let field = |i: usize| value_in(form, FIELDS[i]);
    let content = match form
        .get_attribute("data-tool")
        .as_deref()
        .and_then(Tool::parse)
    {
        Some(Tool::Validity) => {
            let chosen = field(0);
            let operator = OperatorId::ALL
                .into_iter()
                .find(|o| o.as_str() == chosen)
                .unwrap_or(OperatorId::Azercell);
            let (content, remind) = validity_answer(state, lang, operator, &field(1), &field(2));
            shown.update_value(|s| s.validity = Some(remind.map(|d| (operator, d))));
            content
        }
        Some(Tool::Planner) => {
            let (content, remind) = planner_answer(lang, &field(3), &field(4), &field(5));
            shown.update_value(|s| s.planner = Some(remind));
            content
        }
        None => return,
    };
    if let Ok(Some(answer_box)) = form.query_selector(".answer-box") {
        replace_children(&answer_box, content);
    }
}

/// "Remind me" under an answer: opens the reminder form for its date.
fn on_remind(state: AppState, shown: StoredValue<Shown>, ev: web_sys::MouseEvent) {
    let Some((tool, _)) = clicked(&ev) else {
        return;
    };
    let lang = state.lang.get_untracked();
    let shown = shown.get_value();
    match tool {
        Tool::Validity => {
            if let Some(Some((operator, date))) = shown.validity {
                let name = state
                    .catalog_untracked()
                    .operator(operator)
                    .map(|o| o.name.as_str())
                    .unwrap_or_default();
                let label = t_with(lang, Key::RemindTopupLabel, "op", name);
                state
                    .reminders
                    .start_new_at(label, Some(operator), None, morning(date));
            }
        }
        Tool::Planner => {
            if let Some(Some(date)) = shown.planner {
                state.reminders.start_new_at(
                    t(lang, Key::PlannerLabel).into(),
                    None,
                    None,
                    morning(date),
                );
            }
        }
    }
}

/// The two calculators (plain DOM). A language change rebuilds them, keeping
/// what was typed and working out again the answers shown.
#[component]
pub fn Tools(
    /// False until the start-up step that shows it.
    ready: Memo<bool>,
) -> impl IntoView {
    let state = AppState::get();
    let root = NodeRef::<leptos::html::Section>::new();
    let shown = StoredValue::new(Shown::default());
    Effect::new(move || {
        if !ready.get() {
            return;
        }
        let lang = state.lang.get();
        let Some(section) = root.get() else {
            return;
        };
        // A language change rebuilds the forms, keeping what was typed.
        let mut values = FIELDS.map(|name| value_in(&section, name));
        if values[0].is_empty() {
            // First build: Azercell, paid today.
            values[0] = OperatorId::Azercell.as_str().into();
            values[2] = clock::now().date.to_string();
        }
        let [heading, validity, planner] = build(state, lang, &values).map(El::into_element);
        replace_children(&section, []);
        for el in [&heading, &validity, &planner] {
            let _ = section.append_child(el);
        }
        let again = shown.get_value();
        if again.validity.is_some() {
            answer(state, &validity, shown);
        }
        if again.planner.is_some() {
            answer(state, &planner, shown);
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(form) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) {
            answer(state, &form, shown);
        }
    };
    view! {
        <section
            class="tools"
            aria-labelledby="tools-heading"
            node_ref=root
            on:submit=on_submit
            on:click=move |ev| on_remind(state, shown, ev)
        ></section>
    }
}
