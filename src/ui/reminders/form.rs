//! The add/edit form. What the user typed is read from the form the submit
//! event comes from, by the controls' names.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::Editing;
use super::{action_button, ReminderAction, ReminderState};
use crate::domain::catalog::{ChannelId, OperatorId};
use crate::domain::date::LocalDateTime;
use crate::domain::reminders::{
    Draft, Reminder, ReminderError, ReminderId, Repeat, MAX_INTERVAL_DAYS, MAX_LABEL, MAX_NOTE,
    MAX_REMINDERS, MAX_WARN_DAYS,
};
use crate::domain::Lang;
use crate::i18n::{self, t, t_with, Key};
use crate::ui::dom::{labelled, option, replace_children, set_value_in, value_in, El};
use crate::ui::AppState;

// The form's fields (their ids and names).
const LABEL: &str = "reminder-label";
const DUE: &str = "reminder-due";
const OPERATOR: &str = "reminder-operator";
const REPEAT: &str = "reminder-repeat";
const EVERY: &str = "reminder-every";
const WARN: &str = "reminder-warn";
const NOTE: &str = "reminder-note";
const FIELDS: [&str; 7] = [LABEL, DUE, OPERATOR, REPEAT, EVERY, WARN, NOTE];

/// Opens the form on `reminder`.
pub(super) fn edit(rem: ReminderState, reminder: Reminder) {
    rem.open_form(Editing {
        id: Some(reminder.id),
        draft: Draft {
            label: reminder.label,
            due: Some(reminder.due),
            operator: reminder.operator,
            channel: reminder.channel,
            note: reminder.note,
            repeat: reminder.repeat,
            warn_days: reminder.warn_days,
        },
    });
}

fn new_id() -> ReminderId {
    let stamp = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 1e9) as u64;
    ReminderId(format!("r{stamp:x}{random:x}"))
}

/// What `e` means to the user.
pub(super) fn error_text(lang: Lang, e: ReminderError) -> String {
    let n = |key, n: usize| t_with(lang, key, "n", &n.to_string());
    match e {
        ReminderError::LabelEmpty => t(lang, Key::ErrLabelEmpty).into(),
        ReminderError::LabelTooLong => n(Key::ErrLabelLong, MAX_LABEL),
        ReminderError::NoteTooLong => n(Key::ErrNoteLong, MAX_NOTE),
        ReminderError::NoDue => t(lang, Key::ErrNoDue).into(),
        ReminderError::BadInterval => n(Key::ErrInterval, MAX_INTERVAL_DAYS as usize),
        ReminderError::WarnTooEarly => n(Key::ErrWarn, MAX_WARN_DAYS as usize),
        ReminderError::TooMany => n(Key::ErrTooMany, MAX_REMINDERS),
        ReminderError::BadId => t(lang, Key::ErrGeneric).into(),
    }
}

/// What the user typed in `form`; unparseable numbers become values the
/// checks reject.
fn read_form(form: &Element, channel: Option<ChannelId>) -> Draft {
    let field = |name| value_in(form, name);
    let number = |name| field(name).trim().parse::<u32>().unwrap_or(u32::MAX);
    let repeat = match field(REPEAT).as_str() {
        "days" => Repeat::EveryDays(number(EVERY)),
        "monthly" => Repeat::Monthly,
        _ => Repeat::None,
    };
    let operator = field(OPERATOR);
    Draft {
        label: field(LABEL),
        due: LocalDateTime::parse(&field(DUE)),
        operator: OperatorId::ALL.into_iter().find(|o| o.as_str() == operator),
        channel,
        note: field(NOTE),
        repeat,
        warn_days: if field(WARN).trim().is_empty() {
            0
        } else {
            number(WARN)
        },
    }
}

/// The add/edit form.
fn reminder_form(state: AppState, lang: Lang, editing: &Editing) -> El {
    let d = &editing.draft;
    let heading = if editing.id.is_some() {
        Key::FormEdit
    } else {
        Key::FormNew
    };
    let kind = match d.repeat {
        Repeat::None => "none",
        Repeat::EveryDays(_) => "days",
        Repeat::Monthly => "monthly",
    };
    let every = match d.repeat {
        Repeat::EveryDays(days) => days.to_string(),
        _ => "30".into(),
    };
    let catalog = state.catalog_untracked();
    let operators = [option("", t(lang, Key::FieldNone), d.operator.is_none())]
        .into_iter()
        .chain(OperatorId::ALL.into_iter().map(|o| {
            option(
                o.as_str(),
                i18n::operator_name(lang, catalog, o),
                d.operator == Some(o),
            )
        }));
    let repeat_options = [
        ("none", Key::RepeatNone),
        ("days", Key::RepeatDays),
        ("monthly", Key::RepeatMonthly),
    ]
    .into_iter()
    .map(|(v, k)| option(v, t(lang, k), v == kind));
    let due = d.due.map(|t| t.to_string()).unwrap_or_default();
    El::new("form")
        .class("reminder-form")
        .attr("novalidate", "")
        .attr("aria-labelledby", "form-heading")
        .child(
            El::new("h3")
                .attr("id", "form-heading")
                .text(t(lang, heading)),
        )
        .children(labelled(
            LABEL,
            t(lang, Key::FieldLabel),
            El::new("input")
                .attr("type", "text")
                .attr("maxlength", &MAX_LABEL.to_string())
                .attr("value", &d.label),
        ))
        .children(labelled(
            DUE,
            t(lang, Key::FieldDue),
            El::new("input")
                .attr("type", "datetime-local")
                .attr("value", &due),
        ))
        .children(labelled(
            OPERATOR,
            t(lang, Key::FieldOperator),
            El::new("select").children(operators),
        ))
        .children(labelled(
            REPEAT,
            t(lang, Key::FieldRepeat),
            El::new("select").children(repeat_options),
        ))
        .child(
            El::new("div")
                .class(if kind == "days" {
                    "every"
                } else {
                    "every hidden"
                })
                .children(labelled(
                    EVERY,
                    t(lang, Key::FieldEveryDays),
                    El::new("input")
                        .attr("type", "number")
                        .attr("min", "1")
                        .attr("max", &MAX_INTERVAL_DAYS.to_string())
                        .attr("inputmode", "numeric")
                        .attr("value", &every),
                )),
        )
        .children(labelled(
            WARN,
            t(lang, Key::FieldWarn),
            El::new("input")
                .attr("type", "number")
                .attr("min", "0")
                .attr("max", &MAX_WARN_DAYS.to_string())
                .attr("inputmode", "numeric")
                .attr("value", &d.warn_days.to_string()),
        ))
        .children(labelled(
            NOTE,
            t(lang, Key::FieldNote),
            El::new("textarea")
                .attr("maxlength", &MAX_NOTE.to_string())
                .attr("rows", "2")
                .text(&d.note),
        ))
        .child(
            El::new("p")
                .class("error")
                .attr("role", "alert")
                .attr("data-testid", "form-error"),
        )
        .child(
            El::new("div")
                .class("actions")
                .child(
                    El::new("button")
                        .attr("type", "submit")
                        .text(t(lang, Key::Save)),
                )
                .child(action_button(
                    ReminderAction::Cancel,
                    lang,
                    Key::Cancel,
                    true,
                )),
        )
}

/// Saves the form the event comes from, or shows in it why it cannot be saved.
pub(super) fn on_submit(state: AppState, ev: web_sys::SubmitEvent) {
    ev.prevent_default();
    let rem = ReminderState::get();
    let (Some(editing), Some(form)) = (
        rem.editing.get_untracked(),
        ev.target().and_then(|t| t.dyn_into::<Element>().ok()),
    ) else {
        return;
    };
    let lang = state.lang.get_untracked();
    let draft = read_form(&form, editing.draft.channel.clone());
    let count = rem.store.doc.with_untracked(|d| d.reminders.len());
    let result = if editing.id.is_none() && count >= MAX_REMINDERS {
        Err(ReminderError::TooMany)
    } else {
        Reminder::from_draft(&draft, editing.id.clone().unwrap_or_else(new_id))
    };
    match result {
        Ok(r) => {
            let said = t_with(
                lang,
                Key::ReminderSaved,
                "label",
                &super::isolated(&r.label),
            );
            let id = r.id.clone();
            rem.store
                .commit(|d| match d.reminders.iter_mut().find(|x| x.id == r.id) {
                    Some(existing) => *existing = r,
                    None => d.reminders.push(r),
                });
            rem.reveal(&id);
            rem.say(said);
            rem.close_form();
        }
        Err(e) => {
            if let Ok(Some(p)) = form.query_selector(".error") {
                p.set_text_content(Some(&error_text(lang, e)));
            }
        }
    }
}

/// Shows the "every how many days" field only for that kind of repeat.
pub(super) fn on_change(ev: web_sys::Event) {
    let Some(target) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    if target.get_attribute("name").as_deref() == Some(REPEAT) {
        if let Some(form) = target.closest("form").ok().flatten() {
            let days = value_in(&form, REPEAT) == "days";
            if let Ok(Some(every)) = form.query_selector(".every") {
                let _ = every.class_list().toggle_with_force("hidden", !days);
            }
        }
    } else {
        super::transfer::on_change(&target);
    }
}

/// What the form's place shows while it is closed: "Add" and the file
/// buttons.
pub(super) fn closed(lang: Lang) -> [El; 2] {
    [
        action_button(ReminderAction::Add, lang, Key::AddReminder, false)
            .attr("data-testid", "add-reminder"),
        super::transfer::file_actions(lang),
    ]
}

/// Keeps the form (or the "Add" button) and the file buttons in `form_box`.
pub(super) fn render(state: AppState, div: Element) {
    let rem = ReminderState::get();
    Effect::new(move |built_in: Option<Lang>| {
        let lang = state.lang.get();
        // A language change rebuilds the open form: keep what was typed, to
        // the letter (a number that does not parse included).
        let mut typed = Vec::new();
        let open = div.query_selector("form").ok().flatten();
        let content = match rem.editing.get() {
            Some(mut editing) => {
                if let Some(form) = open.filter(|_| built_in.is_some_and(|l| l != lang)) {
                    editing.draft = read_form(&form, editing.draft.channel.clone());
                    typed = FIELDS.map(|name| (name, value_in(&form, name))).to_vec();
                }
                reminder_form(state, lang, &editing)
            }
            None => {
                replace_children(&div, closed(lang));
                return lang;
            }
        };
        replace_children(&div, [content, super::transfer::file_actions(lang)]);
        for (name, value) in typed {
            set_value_in(&div, name, &value);
        }
        lang
    });
}
