//! "Plan ahead": the validity calculator (how long a top-up keeps the line
//! active, from the catalog's dated rules) and the data run-out planner.
//! The app builds the forms; the on-demand module works out and shows the
//! answers (`crate::extras::tools`). Each answer offers to become a reminder.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::dom::{clicked, labelled, option, replace_children, value_in, Action, El};
use super::{clock, extras, reminders_link, AppState};
use crate::domain::catalog::OperatorId;
use crate::domain::date::{Date, LocalDateTime};
use crate::domain::Lang;
use crate::i18n::{t, t_with, Key};
use web_sys::Element;

/// Days before a run-out that the planner's reminder fires.
pub(crate) const PLANNER_WARN_DAYS: u32 = 2;

/// The two calculators. As a button's action, "remind me" under that
/// calculator's answer.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Tool {
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

/// A reminder at 09:00 on `date`.
fn morning(date: Date) -> LocalDateTime {
    LocalDateTime {
        date,
        minute: 9 * 60,
    }
}

/// The calculators' fields by id: the validity calculator's, then the planner's.
pub(crate) const FIELDS: [&str; 6] = [
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

/// Shows the answer of the calculator `form` (the on-demand module works it
/// out; until it is there, the box says it is loading).
fn answer(state: AppState, form: &Element) {
    if let Ok(Some(answer_box)) = form.query_selector(".answer-box") {
        let lang = state.lang.get_untracked();
        replace_children(&answer_box, [El::new("p").text(t(lang, Key::Loading))]);
    }
    extras::tool(state, form);
}

/// "Remind me" under an answer: opens the reminder form for the date (and
/// operator) the answer put on the button.
fn on_remind(state: AppState, ev: web_sys::MouseEvent) {
    let Some((tool, button)) = clicked::<Tool>(&ev) else {
        return;
    };
    let Some(date) = button
        .get_attribute("data-due")
        .as_deref()
        .and_then(Date::parse)
    else {
        return;
    };
    let lang = state.lang.get_untracked();
    match tool {
        Tool::Validity => {
            let chosen = button.get_attribute("data-op").unwrap_or_default();
            let Some(operator) = OperatorId::ALL.into_iter().find(|o| o.as_str() == chosen) else {
                return;
            };
            let name = state
                .catalog_untracked()
                .operator(operator)
                .map(|o| o.name.as_str())
                .unwrap_or_default();
            let label = t_with(lang, Key::RemindTopupLabel, "op", name);
            reminders_link::remind(&button, &label, Some(operator), None, Some(morning(date)));
        }
        Tool::Planner => {
            reminders_link::remind(
                &button,
                t(lang, Key::PlannerLabel),
                None,
                None,
                Some(morning(date)),
            );
        }
    }
}

/// The two calculators (plain DOM). A language change rebuilds them, keeping
/// what was typed and working out again the answers shown.
pub fn tools() -> El {
    let state = AppState::get();
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        if let Some(form) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) {
            answer(state, &form);
        }
    };
    let tools = El::new("section")
        .class("tools")
        .attr("aria-labelledby", "tools-heading")
        .on("submit", on_submit)
        .on("click", move |ev| on_remind(state, ev));
    let section = tools.element();
    Effect::new(move || {
        let lang = state.lang.get();
        // A language change rebuilds the forms, keeping what was typed.
        let mut values = FIELDS.map(|name| value_in(&section, name));
        if values[0].is_empty() {
            // First build: Azercell, paid today.
            values[0] = OperatorId::Azercell.as_str().into();
            values[2] = clock::now().date.to_string();
        }
        // The answers shown, worked out again in the new language.
        let answered = [Tool::Validity, Tool::Planner].map(|tool| {
            let selector = format!("[data-tool={}] .answer-box > *", tool.as_str());
            section.query_selector(&selector).ok().flatten().is_some()
        });
        let [heading, validity, planner] = build(state, lang, &values).map(El::into_element);
        replace_children(&section, []);
        for el in [&heading, &validity, &planner] {
            let _ = section.append_child(el);
        }
        for (form, again) in [validity, planner].iter().zip(answered) {
            if again {
                answer(state, form);
            }
        }
    });
    tools
}
