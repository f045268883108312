//! The picker: SIM type, operator and payment as one-tap radio chips, plus
//! the context toggles. Every change updates the query (and so the URL and
//! the results) at once.

use leptos::prelude::*;

use super::AppState;
use crate::domain::catalog::{OperatorId, Payment, Plan, SimKind};
use crate::domain::params::OperatorChoice;
use crate::domain::{Lang, Query};
use crate::i18n::{t, Key};

fn sim_key(s: SimKind) -> Key {
    match s {
        SimKind::Physical => Key::SimPhysical,
        SimKind::Esim => Key::SimEsim,
        SimKind::TravelEsim => Key::SimTravelEsim,
    }
}

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

fn plan_key(p: Plan) -> Key {
    match p {
        Plan::Prepaid => Key::PlanPrepaid,
        Plan::Postpaid => Key::PlanPostpaid,
    }
}

/// One radio chip: a real `<input type=radio>` inside its `<label>`.
#[component]
fn Chip(
    /// The radio group's name, as in the URL (`sim`, `op`, `pay`, `plan`).
    name: &'static str,
    /// The value, as in the URL.
    value: &'static str,
    /// The visible label.
    #[prop(into)]
    label: Signal<String>,
    /// Whether this chip is the chosen one.
    #[prop(into)]
    checked: Signal<bool>,
    /// Called when the user picks this chip.
    on_pick: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <label class="chip">
            <input type="radio" name=name value=value prop:checked=checked on:change=move |_| on_pick() />
            <span>{label}</span>
        </label>
    }
}

/// A `<fieldset>` of chips, one per value.
#[component]
fn ChipGroup<T, L>(
    /// The radio group's name, as in the URL.
    name: &'static str,
    /// The question.
    #[prop(into)]
    legend: Signal<&'static str>,
    /// The values offered, in order.
    values: Vec<T>,
    /// A value as written in the URL.
    as_str: fn(T) -> &'static str,
    /// A value's visible label in a language.
    label: L,
    /// Reads the chosen value from the query.
    read: fn(&Query) -> Option<T>,
    /// Writes a picked value into the query.
    write: fn(&mut Query, T),
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
    L: Fn(Lang, T) -> String + Copy + Send + Sync + 'static,
{
    let state = AppState::get();
    view! {
        <fieldset class="group">
            <legend>{legend}</legend>
            <div class="chips">
                {values
                    .into_iter()
                    .map(|v| {
                        view! {
                            <Chip
                                name
                                value=as_str(v)
                                label=Signal::derive(move || label(state.lang.get(), v))
                                checked=Signal::derive(move || state.query.with(|q| read(q) == Some(v)))
                                on_pick=move || state.query.update(|q| write(q, v))
                            />
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
}

/// Operators to offer for the chosen SIM kind.
fn operator_choices(sim: Option<SimKind>) -> Vec<OperatorChoice> {
    let travel = sim == Some(SimKind::TravelEsim);
    OperatorId::ALL
        .into_iter()
        .filter(|o| o.is_travel_esim() == travel)
        .map(OperatorChoice::Known)
        .chain([OperatorChoice::Unsure])
        .collect()
}

/// The whole picker.
#[component]
pub fn Picker() -> impl IntoView {
    let state = AppState::get();
    let catalog = state.catalog;
    let sim_is_travel =
        Memo::new(move |_| state.query.with(|q| q.sim == Some(SimKind::TravelEsim)));

    let op_label = move |lang: Lang, c: OperatorChoice| -> String {
        match c {
            OperatorChoice::Known(id) => catalog
                .operator(id)
                .map(|o| o.name.clone())
                .unwrap_or_default(),
            OperatorChoice::Unsure => t(lang, Key::OpUnsure).to_owned(),
        }
    };

    view! {
        <section class="picker" aria-labelledby="picker-heading">
            <h2 id="picker-heading">{move || state.t(Key::PickerHeading)}</h2>
            <ChipGroup
                name="sim"
                legend=Signal::derive(move || state.t(Key::QSim))
                values=SimKind::ALL.to_vec()
                as_str=SimKind::as_str
                label=|lang, s| t(lang, sim_key(s)).to_owned()
                read=|q| q.sim
                write=|q, s| {
                    // Switching between travel and operator SIMs clears an operator of the other kind.
                    if let Some(OperatorChoice::Known(op)) = q.op {
                        if op.is_travel_esim() != (s == SimKind::TravelEsim) {
                            q.op = None;
                        }
                    }
                    q.sim = Some(s);
                }
            />
            {move || {
                let travel = sim_is_travel.get();
                let legend = if travel { Key::QProvider } else { Key::QOp };
                view! {
                    <ChipGroup
                        name="op"
                        legend=Signal::derive(move || state.t(legend))
                        values=operator_choices(if travel { Some(SimKind::TravelEsim) } else { None })
                        as_str=OperatorChoice::as_str
                        label=op_label
                        read=|q| q.op
                        write=|q, o| q.op = Some(o)
                    />
                }
            }}
            <Show when=move || state.query.with(|q| q.op == Some(OperatorChoice::Unsure) && q.sim != Some(SimKind::TravelEsim))>
                <super::advice::PrefixHint />
            </Show>
            <ChipGroup
                name="pay"
                legend=Signal::derive(move || state.t(Key::QPay))
                values=Payment::ALL.to_vec()
                as_str=Payment::as_str
                label=|lang, p| t(lang, pay_key(p)).to_owned()
                read=|q| q.pay
                write=|q, p| q.pay = Some(p)
            />
            <fieldset class="group context">
                <legend>{move || state.t(Key::QContext)}</legend>
                <label class="toggle">
                    <input
                        type="checkbox"
                        name="online"
                        prop:checked=move || state.query.with(|q| q.online)
                        on:change=move |ev| state.query.update(|q| q.online = event_target_checked(&ev))
                    />
                    <span>{move || state.t(Key::CtxOnline)}</span>
                </label>
                <label class="toggle">
                    <input
                        type="checkbox"
                        name="inaz"
                        prop:checked=move || state.query.with(|q| q.in_az)
                        on:change=move |ev| state.query.update(|q| q.in_az = event_target_checked(&ev))
                    />
                    <span>{move || state.t(Key::CtxInaz)}</span>
                </label>
            </fieldset>
            <ChipGroup
                name="plan"
                legend=Signal::derive(move || state.t(Key::QPlan))
                values=Plan::ALL.to_vec()
                as_str=Plan::as_str
                label=|lang, p| t(lang, plan_key(p)).to_owned()
                read=|q| Some(q.plan)
                write=|q, p| q.plan = p
            />
        </section>
    }
}
