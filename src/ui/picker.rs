//! The picker: SIM type, operator and payment as one-tap radio chips, plus
//! the context toggles. Every change updates the query (and so the URL and
//! the results) at once.

use leptos::prelude::*;

use super::AppState;
use crate::domain::catalog::{Catalog, OperatorId, Payment, Plan, SimKind};
use crate::domain::params::OperatorChoice;
use crate::domain::{Lang, Query};
use crate::i18n::{t, Key};

/// The UI label of a payment method.
pub fn pay_key(p: Payment) -> Key {
    match p {
        Payment::Cash => Key::PayCash,
        Payment::LocalCard => Key::PayLocalCard,
        Payment::ForeignCard => Key::PayForeignCard,
        Payment::Wallet => Key::PayWallet,
        Payment::Transfer => Key::PayTransfer,
    }
}

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
                    .and_then(|o| catalog.operator(o))
                    .map(|o| o.name.clone())
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
#[component]
fn ChipGroup(question: Question) -> impl IntoView {
    let state = AppState::get();
    let name = question.name();
    // Only the operator question changes with the SIM kind; the others must
    // not re-render (a re-render would drop keyboard focus).
    let travel = move || {
        question == Question::Op && state.query.with(|q| q.sim == Some(SimKind::TravelEsim))
    };
    view! {
        <fieldset class="group">
            <legend>{move || state.t(question.legend(travel()))}</legend>
            <div class="chips">
                {move || {
                    question
                        .values(travel())
                        .into_iter()
                        .map(|value| {
                            view! {
                                <label class="chip">
                                    <input
                                        type="radio"
                                        name=name
                                        value=value
                                        prop:checked=move || state.query.with(|q| question.current(q) == Some(value))
                                        on:change=move |_| state.query.update(|q| question.pick(q, value))
                                    />
                                    <span>{move || question.label(state.lang.get(), state.catalog(), value)}</span>
                                </label>
                            }
                        })
                        .collect_view()
                }}
            </div>
        </fieldset>
    }
}

/// A checkbox for a yes/no context question (`online`, `inaz`).
#[component]
fn Toggle(name: &'static str, label: Key, read: fn(&Query) -> bool) -> impl IntoView {
    let state = AppState::get();
    view! {
        <label class="toggle">
            <input
                type="checkbox"
                name=name
                prop:checked=move || state.query.with(read)
                on:change=move |ev| {
                    let on = if event_target_checked(&ev) { "1" } else { "0" };
                    state.query.update(|q| {
                        q.set(name, on);
                    })
                }
            />
            <span>{move || state.t(label)}</span>
        </label>
    }
}

/// The whole picker.
#[component]
pub fn Picker() -> impl IntoView {
    let state = AppState::get();
    let unsure = move || {
        state
            .query
            .with(|q| q.op == Some(OperatorChoice::Unsure) && q.sim != Some(SimKind::TravelEsim))
    };
    view! {
        <section class="picker" aria-labelledby="picker-heading">
            <h2 id="picker-heading">{state.text(Key::PickerHeading)}</h2>
            <ChipGroup question=Question::Sim />
            <ChipGroup question=Question::Op />
            <Show when=unsure>
                <super::advice::PrefixHint />
            </Show>
            <ChipGroup question=Question::Pay />
            <fieldset class="group context">
                <legend>{state.text(Key::QContext)}</legend>
                <Toggle name="online" label=Key::CtxOnline read=|q| q.online />
                <Toggle name="inaz" label=Key::CtxInaz read=|q| q.in_az />
            </fieldset>
            <ChipGroup question=Question::Plan />
        </section>
    }
}
