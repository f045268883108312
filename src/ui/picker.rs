//! The picker: SIM type, operator and payment as one-tap radio chips, plus
//! the context toggles. Every change updates the query (and so the URL and
//! the results) at once. Built with the `dom` builder and one `change`
//! listener for every control: as Leptos views (a reactive closure per chip)
//! it cost about 7 KB of brotli'd wasm and a tenth of the start-up time.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

use super::advice::prefix_hint;
use super::dom::{replace_children, El};
use super::AppState;
use crate::domain::catalog::{Catalog, OperatorId, Payment, Plan, SimKind};
use crate::domain::params::OperatorChoice;
use crate::domain::{Lang, Query};
use crate::i18n::{self, pay_key, t, Key};

/// One question of the picker, answered with radio chips. One type for all
/// questions keeps the wasm small (a generic component is compiled per type).
#[derive(Clone, Copy, PartialEq)]
enum Question {
    Sim,
    Op,
    Pay,
    Plan,
}

impl Question {
    const ALL: [Question; 4] = [Question::Sim, Question::Op, Question::Pay, Question::Plan];

    /// The question a radio group's name asks.
    fn from_name(name: &str) -> Option<Question> {
        Question::ALL.into_iter().find(|q| q.name() == name)
    }

    /// The radio group's name, as in the URL.
    fn name(self) -> &'static str {
        match self {
            Question::Sim => "sim",
            Question::Op => "op",
            Question::Pay => "pay",
            Question::Plan => "plan",
        }
    }

    fn legend(self, travel: bool) -> Key {
        match self {
            Question::Sim => Key::QSim,
            Question::Op if travel => Key::QProvider,
            Question::Op => Key::QOp,
            Question::Pay => Key::QPay,
            Question::Plan => Key::QPlan,
        }
    }

    /// The values offered, as in the URL. Operators depend on whether the
    /// SIM is a travel eSIM.
    fn values(self, travel: bool) -> Vec<&'static str> {
        match self {
            Question::Sim => SimKind::ALL.map(SimKind::as_str).to_vec(),
            Question::Op => OperatorId::ALL
                .into_iter()
                .filter(|o| o.is_travel_esim() == travel)
                .map(OperatorId::as_str)
                .chain([OperatorChoice::Unsure.as_str()])
                .collect(),
            Question::Pay => Payment::ALL.map(Payment::as_str).to_vec(),
            Question::Plan => Plan::ALL.map(Plan::as_str).to_vec(),
        }
    }

    /// The current answer, as in the URL.
    fn current(self, q: &Query) -> Option<&'static str> {
        match self {
            Question::Sim => q.sim.map(SimKind::as_str),
            Question::Op => q.op.map(OperatorChoice::as_str),
            Question::Pay => q.pay.map(Payment::as_str),
            Question::Plan => Some(q.plan.as_str()),
        }
    }

    fn label(self, lang: Lang, catalog: &Catalog, value: &str) -> String {
        let key = match (self, value) {
            (Question::Sim, "physical") => Key::SimPhysical,
            (Question::Sim, "esim") => Key::SimEsim,
            (Question::Sim, _) => Key::SimTravelEsim,
            (Question::Op, "unsure") => Key::OpUnsure,
            (Question::Op, _) => {
                return OperatorId::ALL
                    .into_iter()
                    .find(|o| o.as_str() == value)
                    .map(|o| i18n::operator_name(lang, catalog, o).to_owned())
                    .unwrap_or_default()
            }
            (Question::Pay, _) => match Payment::ALL.into_iter().find(|p| p.as_str() == value) {
                Some(p) => pay_key(p),
                None => return String::new(),
            },
            (Question::Plan, "postpaid") => Key::PlanPostpaid,
            (Question::Plan, _) => Key::PlanPrepaid,
        };
        t(lang, key).to_owned()
    }

    /// Records a pick. Switching between travel and operator SIMs clears an
    /// operator of the other kind.
    fn pick(self, q: &mut Query, value: &str) {
        q.set(self.name(), value);
        if let (Some(sim), Some(OperatorChoice::Known(op))) = (q.sim, q.op) {
            if op.is_travel_esim() != (sim == SimKind::TravelEsim) {
                q.op = None;
            }
        }
    }
}

/// A `<fieldset>` of radio chips for one question.
fn chip_group(lang: Lang, catalog: &Catalog, question: Question, travel: bool) -> El {
    let name = question.name();
    El::new("fieldset")
        .class("group")
        .attr("data-question", name)
        .child(El::new("legend").text(t(lang, question.legend(travel))))
        .child(
            El::new("div")
                .class("chips")
                .children(question.values(travel).into_iter().map(|value| {
                    El::new("label")
                        .class("chip")
                        .child(
                            El::new("input")
                                .attr("type", "radio")
                                .attr("name", name)
                                .attr("value", value),
                        )
                        .child(El::new("span").text(&question.label(lang, catalog, value)))
                })),
        )
}

/// A checkbox for a yes/no context question (`online`, `inaz`).
fn toggle(lang: Lang, name: &str, label: Key) -> El {
    El::new("label")
        .class("toggle")
        .child(El::new("input").attr("type", "checkbox").attr("name", name))
        .child(El::new("span").text(t(lang, label)))
}

/// The picker's content: its heading, then the questions in a `<details>`
/// whose summary is the one-line answer ("Physical SIM · Azercell · Cash ·
/// Change"): closed on a phone once SIM, operator and payment are known, so
/// the ranked paths start on the first screen. The prefix hint goes in the
/// empty `data-slot`.
fn build(lang: Lang, catalog: &Catalog, travel: bool, open: bool) -> Vec<El> {
    let questions = El::new("details")
        .class("questions")
        .child(
            El::new("summary")
                .child(El::new("span").class("picked"))
                .text(" ")
                .child(
                    El::new("span")
                        .class("change")
                        .text(t(lang, Key::PickerChange)),
                ),
        )
        .child(chip_group(lang, catalog, Question::Sim, travel))
        .child(chip_group(lang, catalog, Question::Op, travel))
        .child(El::new("div").attr("data-slot", "prefix"))
        .child(chip_group(lang, catalog, Question::Pay, travel))
        .child(
            El::new("fieldset")
                .class("group context")
                .child(El::new("legend").text(t(lang, Key::QContext)))
                .child(toggle(lang, "online", Key::CtxOnline))
                .child(toggle(lang, "inaz", Key::CtxInaz)),
        )
        .child(chip_group(lang, catalog, Question::Plan, travel));
    vec![
        El::new("h2")
            .attr("id", "picker-heading")
            .text(t(lang, Key::PickerHeading)),
        if open {
            questions.attr("open", "")
        } else {
            questions
        },
    ]
}

/// SIM, operator and payment are known (an operator "not sure" is not: its
/// prefix hint is inside the picker).
fn answered(q: &Query) -> bool {
    q.sim.is_some() && matches!(q.op, Some(OperatorChoice::Known(_))) && q.pay.is_some()
}

/// True below 900 px, where the picker and the paths are stacked (see
/// style/main.css) and a closed picker puts the paths on the first screen.
fn stacked() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(min-width: 56.25rem)").ok().flatten())
        .is_none_or(|m| !m.matches())
}

/// Checks the controls that say what the query says, and shows the prefix
/// hint while the operator is "not sure".
fn show_query(section: &Element, lang: Lang, catalog: &Catalog, q: &Query) {
    if let Ok(inputs) = section.query_selector_all("input") {
        for input in (0..inputs.length()).filter_map(|i| inputs.item(i)) {
            let Ok(input) = input.dyn_into::<HtmlInputElement>() else {
                continue;
            };
            let name = input.name();
            let checked = match Question::from_name(&name) {
                Some(question) => question.current(q) == Some(input.value().as_str()),
                None => (name == "online" && q.online) || (name == "inaz" && q.in_az),
            };
            if input.checked() != checked {
                input.set_checked(checked);
            }
        }
    }
    if let Ok(Some(picked)) = section.query_selector(".picked") {
        let answers: Vec<String> = [Question::Sim, Question::Op, Question::Pay]
            .into_iter()
            .filter_map(|question| {
                question
                    .current(q)
                    .map(|v| question.label(lang, catalog, v))
            })
            .collect();
        picked.set_text_content(Some(&answers.join(" · ")));
    }
    let unsure = q.op == Some(OperatorChoice::Unsure) && q.sim != Some(SimKind::TravelEsim);
    if let Ok(Some(slot)) = section.query_selector("[data-slot=prefix]") {
        if unsure != slot.has_child_nodes() {
            replace_children(&slot, unsure.then(|| prefix_hint(lang, catalog)));
        }
    }
}

/// A chip or toggle changed: records it in the query.
fn on_change(state: AppState, ev: web_sys::Event) {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
    else {
        return;
    };
    let (name, value) = (input.name(), input.value());
    state.query.update(|q| match Question::from_name(&name) {
        Some(question) => question.pick(q, &value),
        None => {
            q.set(&name, if input.checked() { "1" } else { "0" });
        }
    });
}

/// The whole picker. Rebuilt when the language changes (open or closed as
/// it was); when the SIM kind changes between travel and operator SIMs, only
/// the operator question is; otherwise only the checks follow the query (a
/// rebuild would drop keyboard focus). It starts closed on a phone when the
/// URL (a shared link, a travel site's preset) or the stored choice already
/// answers it, and closes when the user's own choice completes it, focus
/// going to its summary.
pub fn picker() -> El {
    let state = AppState::get();
    let picker = El::new("section")
        .class("picker")
        .attr("aria-labelledby", "picker-heading")
        .on("change", move |ev| on_change(state, ev));
    let section = picker.element();
    Effect::new(move |built: Option<Option<(Lang, bool, bool)>>| {
        let (lang, q) = (state.lang.get(), state.query.get());
        let travel = q.sim == Some(SimKind::TravelEsim);
        let complete = answered(&q);
        let catalog = state.catalog();
        match built.flatten() {
            Some((was_lang, was_travel, was_complete)) if was_lang == lang => {
                if was_travel != travel {
                    let op = chip_group(lang, catalog, Question::Op, travel).into_element();
                    if let Ok(Some(old)) = section.query_selector("[data-question=op]") {
                        let _ = old.replace_with_with_node_1(&op);
                    }
                }
                if complete && !was_complete && stacked() {
                    close_on_summary(&section);
                }
            }
            Some(_) => {
                let open = section
                    .query_selector(".questions[open]")
                    .ok()
                    .flatten()
                    .is_some();
                replace_children(&section, build(lang, catalog, travel, open));
            }
            None => replace_children(
                &section,
                build(lang, catalog, travel, !(complete && stacked())),
            ),
        }
        show_query(&section, lang, catalog, &q);
        Some((lang, travel, complete))
    });
    picker
}

/// Closes the questions and puts focus on their summary (the chip that was
/// focused is hidden now).
fn close_on_summary(section: &Element) {
    if let Ok(Some(details)) = section.query_selector(".questions") {
        let _ = details.remove_attribute("open");
        if let Some(summary) = details
            .first_element_child()
            .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = summary.focus();
        }
    }
}
