//! Reminders in the page: the list, the due banner, the form, undo, calendar
//! export and backup import/export, and the storage notices. All changes go
//! through [`ReminderState::commit`], the one place that saves.

use leptos::html::{Div, Ul};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::dom::{by_id, clicked_button, field, labelled, option, replace_children, set_field, El};
use super::{clock, files, AppState};
use crate::domain::catalog::{ChannelId, OperatorId};
use crate::domain::date::LocalDateTime;
use crate::domain::document::{DecodeError, Document, MAX_BACKUP_BYTES};
use crate::domain::ics;
use crate::domain::reminders::{
    self, Draft, Reminder, ReminderError, ReminderId, Repeat, Status, MAX_INTERVAL_DAYS, MAX_LABEL,
    MAX_NOTE, MAX_REMINDERS, MAX_WARN_DAYS,
};
use crate::domain::Lang;
use crate::i18n::{self, t, t_with, Key};
use crate::storage::{self, Problem};

/// A reminder being created (`id: None`) or edited.
#[derive(Clone, Debug, PartialEq)]
pub struct Editing {
    pub id: Option<ReminderId>,
    pub draft: Draft,
}

/// What an import found, waiting for the user's yes.
#[derive(Clone, Debug, PartialEq)]
enum Import {
    Ready(Vec<Reminder>),
    Failed(Key),
}

/// The reminders' state, shared through [`AppState`].
#[derive(Clone, Copy)]
pub struct ReminderState {
    pub doc: RwSignal<Document>,
    persistent: RwSignal<bool>,
    pub problem: RwSignal<Option<Problem>>,
    pub editing: RwSignal<Option<Editing>>,
    undo: RwSignal<Option<Reminder>>,
    import: RwSignal<Option<Import>>,
    flash: RwSignal<Option<String>>,
}

impl ReminderState {
    /// Starts from the loaded document and follows changes made in other tabs.
    pub fn new(loaded: storage::Loaded) -> ReminderState {
        let state = ReminderState {
            doc: RwSignal::new(loaded.doc),
            persistent: RwSignal::new(loaded.persistent),
            problem: RwSignal::new(loaded.problem),
            editing: RwSignal::new(None),
            undo: RwSignal::new(None),
            import: RwSignal::new(None),
            flash: RwSignal::new(None),
        };
        storage::on_external_change(move |doc| state.doc.set(doc));
        state
    }

    /// Applies a change and saves it: the only writer of stored data.
    pub fn commit(self, change: impl FnOnce(&mut Document)) {
        self.doc.update(|doc| {
            change(doc);
            reminders::sort(&mut doc.reminders);
        });
        if !self.persistent.get_untracked() {
            return;
        }
        match self.doc.with_untracked(storage::save) {
            Ok(()) => {
                if self.problem.get_untracked() == Some(Problem::Full) {
                    self.problem.set(None);
                }
            }
            Err(problem) => {
                if problem == Problem::Blocked {
                    self.persistent.set(false);
                }
                self.problem.set(Some(problem));
            }
        }
    }

    /// Opens the form for a new reminder, prefilled, due in a day.
    pub fn start_new(
        self,
        label: String,
        operator: Option<OperatorId>,
        channel: Option<ChannelId>,
    ) {
        let now = clock::now();
        let due = LocalDateTime::from_minutes_since_epoch(now.minutes_since_epoch() + 1440)
            .unwrap_or(now);
        self.start_new_at(label, operator, channel, due);
    }

    /// Opens the form for a new reminder, prefilled, due at `due`.
    pub fn start_new_at(
        self,
        label: String,
        operator: Option<OperatorId>,
        channel: Option<ChannelId>,
        due: LocalDateTime,
    ) {
        self.editing.set(Some(Editing {
            id: None,
            draft: Draft {
                label,
                due: Some(due),
                operator,
                channel,
                warn_days: 1,
                ..Draft::default()
            },
        }));
        focus_form();
    }
}

fn focus_form() {
    // After the form renders.
    let focus = wasm_bindgen::closure::Closure::once_into_js(|| {
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("reminder-label"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.request_animation_frame(focus.unchecked_ref());
    }
}

fn new_id() -> ReminderId {
    let stamp = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 1e9) as u64;
    ReminderId(format!("r{stamp:x}{random:x}"))
}

fn error_text(lang: Lang, e: ReminderError) -> String {
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

fn operator_name(state: AppState, op: OperatorId) -> String {
    i18n::operator_name(state.lang.get(), state.catalog(), op).to_owned()
}

/// A reminder as a list item; its buttons carry `data-action` and `data-id`
/// for the one delegated click handler.
fn reminder_item(state: AppState, lang: Lang, r: &Reminder, now: LocalDateTime) -> El {
    let status = r.status(now);
    let (class, badge) = match status {
        Status::Due => ("reminder due", Some(Key::StatusDue)),
        Status::Soon => ("reminder soon", Some(Key::StatusSoon)),
        Status::Later => ("reminder", None),
    };
    let mut meta: Vec<String> = Vec::new();
    if let Some(op) = r.operator {
        meta.push(operator_name(state, op));
    }
    match r.repeat {
        Repeat::None => {}
        Repeat::EveryDays(days) => {
            meta.push(t_with(lang, Key::RepeatEveryN, "n", &days.to_string()))
        }
        Repeat::Monthly => meta.push(t(lang, Key::RepeatEveryMonth).into()),
    }
    if r.warn_days > 0 {
        meta.push(t_with(lang, Key::WarnN, "n", &r.warn_days.to_string()));
    }
    let button = |action: &str, key: Key| {
        El::new("button")
            .attr("type", "button")
            .attr("data-action", action)
            .attr("data-id", &r.id.0)
            .text(t(lang, key))
    };
    let mut actions = El::new("div").class("actions");
    if r.repeat != Repeat::None {
        actions = actions.child(button("renewed", Key::Renewed));
    }
    actions = actions
        .child(button("edit", Key::Edit))
        .child(button("ics", Key::AddToCalendar))
        .child(button("delete", Key::Delete));
    El::new("li")
        .class(class)
        .attr("data-id", &r.id.0)
        .child(El::new("h3").text(&r.label))
        .child(
            El::new("p")
                .class("when")
                .text(&clock::format_date_time(lang, r.due))
                .maybe(badge.map(|k| El::new("span").class("badge due-badge").text(t(lang, k)))),
        )
        .maybe((!meta.is_empty()).then(|| El::new("p").class("meta").text(&meta.join(" · "))))
        .maybe((!r.note.is_empty()).then(|| El::new("p").class("note").text(&r.note)))
        .child(actions)
}

/// One reminder as a calendar file.
fn ics_for(reminders: &[&Reminder]) -> String {
    let events: Vec<ics::Event<'_>> = reminders
        .iter()
        .map(|r| ics::Event {
            reminder: r,
            due_utc: ics::UtcTime(clock::utc_seconds(r.due)),
        })
        .collect();
    ics::calendar(&events, ics::UtcTime((js_sys::Date::now() / 1000.0) as i64))
}

/// Handles a click on any reminder button (list or banner).
fn on_action(state: AppState, ev: web_sys::MouseEvent) {
    let rem = state.reminders;
    let Some(button) = clicked_button(&ev, "data-action") else {
        return;
    };
    let (Some(action), Some(id)) = (
        button.get_attribute("data-action"),
        button.get_attribute("data-id"),
    ) else {
        return;
    };
    let id = ReminderId(id);
    let Some(reminder) = rem
        .doc
        .with_untracked(|d| d.reminders.iter().find(|r| r.id == id).cloned())
    else {
        return;
    };
    match action.as_str() {
        "renewed" => {
            if let Some(next) = reminder.renewed(clock::now()) {
                rem.commit(|d| {
                    if let Some(r) = d.reminders.iter_mut().find(|r| r.id == id) {
                        *r = next;
                    }
                });
            }
        }
        "edit" => {
            rem.editing.set(Some(Editing {
                id: Some(reminder.id.clone()),
                draft: Draft {
                    label: reminder.label,
                    due: Some(reminder.due),
                    operator: reminder.operator,
                    channel: reminder.channel,
                    note: reminder.note,
                    repeat: reminder.repeat,
                    warn_days: reminder.warn_days,
                },
            }));
            focus_form();
        }
        "ics" => files::download(
            &ics::file_name(&reminder.label),
            "text/calendar",
            &ics_for(&[&reminder]),
        ),
        "delete" => {
            rem.commit(|d| d.reminders.retain(|r| r.id != id));
            rem.undo.set(Some(reminder));
        }
        _ => {}
    }
}

/// Due and overdue reminders, shown first on every open.
#[component]
pub fn DueBanner() -> impl IntoView {
    let state = AppState::get();
    let container = NodeRef::<Div>::new();
    Effect::new(move || {
        let lang = state.lang.get();
        let now = clock::now();
        let Some(div) = container.get() else {
            return;
        };
        let due: Vec<El> = state.reminders.doc.with(|d| {
            d.reminders
                .iter()
                .filter(|r| r.status(now) != Status::Later)
                .map(|r| reminder_item(state, lang, r, now))
                .collect()
        });
        let content = if due.is_empty() {
            Vec::new()
        } else {
            vec![
                El::new("h2")
                    .attr("id", "due-heading")
                    .text(t(lang, Key::DueHeading)),
                El::new("ul")
                    .class("reminder-list")
                    .attr("aria-labelledby", "due-heading")
                    .children(due),
            ]
        };
        replace_children(&div, content);
    });
    view! { <div class="due-banner" data-testid="due-banner" node_ref=container on:click=move |ev| on_action(state, ev)></div> }
}

/// The reminder form's fields.
const FORM_FIELDS: [&str; 7] = [
    "reminder-label",
    "reminder-due",
    "reminder-operator",
    "reminder-repeat",
    "reminder-every",
    "reminder-warn",
    "reminder-note",
];

/// What the user typed; unparseable numbers become values the checks reject.
fn read_form(channel: Option<ChannelId>) -> Draft {
    let number = |id: &str| field(id).trim().parse::<u32>().unwrap_or(u32::MAX);
    let repeat = match field("reminder-repeat").as_str() {
        "days" => Repeat::EveryDays(number("reminder-every")),
        "monthly" => Repeat::Monthly,
        _ => Repeat::None,
    };
    let operator = field("reminder-operator");
    Draft {
        label: field("reminder-label"),
        due: LocalDateTime::parse(&field("reminder-due")),
        operator: OperatorId::ALL.into_iter().find(|o| o.as_str() == operator),
        channel,
        note: field("reminder-note"),
        repeat,
        warn_days: if field("reminder-warn").trim().is_empty() {
            0
        } else {
            number("reminder-warn")
        },
    }
}

fn action_button(action: &str, lang: Lang, key: Key, secondary: bool) -> El {
    El::new("button")
        .attr("type", "button")
        .class(if secondary { "secondary" } else { "primary" })
        .attr("data-action", action)
        .text(t(lang, key))
}

/// The add/edit form. Values are read back by id on submit.
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
    let operators = [option("", t(lang, Key::FieldNone), d.operator.is_none())]
        .into_iter()
        .chain(
            OperatorId::ALL
                .into_iter()
                .map(|o| option(o.as_str(), &operator_name(state, o), d.operator == Some(o))),
        );
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
            "reminder-label",
            t(lang, Key::FieldLabel),
            El::new("input")
                .attr("type", "text")
                .attr("maxlength", &MAX_LABEL.to_string())
                .attr("value", &d.label),
        ))
        .children(labelled(
            "reminder-due",
            t(lang, Key::FieldDue),
            El::new("input")
                .attr("type", "datetime-local")
                .attr("value", &due),
        ))
        .children(labelled(
            "reminder-operator",
            t(lang, Key::FieldOperator),
            El::new("select").children(operators),
        ))
        .children(labelled(
            "reminder-repeat",
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
                    "reminder-every",
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
            "reminder-warn",
            t(lang, Key::FieldWarn),
            El::new("input")
                .attr("type", "number")
                .attr("min", "0")
                .attr("max", &MAX_WARN_DAYS.to_string())
                .attr("inputmode", "numeric")
                .attr("value", &d.warn_days.to_string()),
        ))
        .children(labelled(
            "reminder-note",
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
                .child(action_button("cancel", lang, Key::Cancel, true)),
        )
}

/// Saves the form, or shows why it cannot be saved.
fn on_submit(state: AppState, ev: web_sys::SubmitEvent) {
    ev.prevent_default();
    let rem = state.reminders;
    let Some(editing) = rem.editing.get_untracked() else {
        return;
    };
    let draft = read_form(editing.draft.channel.clone());
    let count = rem.doc.with_untracked(|d| d.reminders.len());
    let result = if editing.id.is_none() && count >= MAX_REMINDERS {
        Err(ReminderError::TooMany)
    } else {
        Reminder::from_draft(&draft, editing.id.clone().unwrap_or_else(new_id))
    };
    match result {
        Ok(r) => {
            rem.commit(|d| match d.reminders.iter_mut().find(|x| x.id == r.id) {
                Some(existing) => *existing = r,
                None => d.reminders.push(r),
            });
            rem.editing.set(None);
        }
        Err(e) => {
            let message = error_text(state.lang.get_untracked(), e);
            if let Some(p) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.query_selector("[data-testid=form-error]").ok().flatten())
            {
                p.set_text_content(Some(&message));
            }
        }
    }
}

/// Shows the "every how many days" field only for that kind of repeat.
fn on_change(state: AppState, ev: web_sys::Event) {
    let Some(target) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    match target.id().as_str() {
        "reminder-repeat" => {
            let days = field("reminder-repeat") == "days";
            if let Some(every) = target
                .parent_element()
                .and_then(|f| f.query_selector(".every").ok().flatten())
            {
                let _ = every.class_list().toggle_with_force("hidden", !days);
            }
        }
        "backup-import" => {
            if let Ok(input) = target.dyn_into::<web_sys::HtmlInputElement>() {
                wasm_bindgen_futures::spawn_local(import_file(state, input));
            }
        }
        _ => {}
    }
}

async fn import_file(state: AppState, input: web_sys::HtmlInputElement) {
    let rem = state.reminders;
    let outcome = match files::read_chosen(&input, MAX_BACKUP_BYTES).await {
        None => return,
        Some(Err(_)) => Import::Failed(Key::ImportTooLarge),
        Some(Ok(bytes)) => match Document::from_backup(&bytes) {
            Ok(incoming) => {
                let add: Vec<Reminder> = rem
                    .doc
                    .with_untracked(|d| d.plan_import(&incoming).into_iter().cloned().collect());
                let total = rem.doc.with_untracked(|d| d.reminders.len()) + add.len();
                if total > MAX_REMINDERS {
                    Import::Failed(Key::ImportTooMany)
                } else {
                    Import::Ready(add)
                }
            }
            Err(DecodeError::TooLarge) => Import::Failed(Key::ImportTooLarge),
            Err(DecodeError::TooNew(_)) => Import::Failed(Key::ImportTooNew),
            Err(DecodeError::TooMany) => Import::Failed(Key::ImportTooMany),
            Err(_) => Import::Failed(Key::ImportBad),
        },
    };
    input.set_value("");
    rem.flash.set(None);
    rem.import.set(Some(outcome));
}

/// Notices: storage problems, undo, the import preview, the last result.
fn notices(lang: Lang, rem: ReminderState) -> Vec<El> {
    let mut out = Vec::new();
    if let Some(problem) = rem.problem.get() {
        let key = match &problem {
            Problem::Blocked => Key::StorageBlocked,
            Problem::Damaged { .. } => Key::StorageDamaged,
            Problem::TooNew => Key::StorageTooNew,
            Problem::Full => Key::StorageFull,
        };
        let download = matches!(problem, Problem::Damaged { .. })
            .then(|| action_button("download-kept", lang, Key::StorageDamagedDownload, true));
        out.push(
            El::new("div")
                .class("notice")
                .attr("role", "alert")
                .attr("data-testid", "storage-notice")
                .child(El::new("p").text(t(lang, key)))
                .maybe(download),
        );
    }
    if let Some(r) = rem.undo.get() {
        out.push(
            El::new("div")
                .class("notice")
                .attr("role", "status")
                .attr("data-testid", "undo")
                .text(&t_with(lang, Key::Deleted, "label", &isolated(&r.label)))
                .text(" ")
                .child(action_button("undo", lang, Key::Undo, true)),
        );
    }
    if let Some(text) = rem.flash.get() {
        out.push(
            El::new("p")
                .class("notice")
                .attr("role", "status")
                .text(&text),
        );
    }
    let import = |role: &str| {
        El::new("div")
            .class("notice")
            .attr("role", role)
            .attr("data-testid", "import-result")
    };
    match rem.import.get() {
        None => {}
        Some(Import::Failed(key)) => out.push(import("alert").child(El::new("p").text(&t_with(
            lang,
            key,
            "n",
            &MAX_REMINDERS.to_string(),
        )))),
        Some(Import::Ready(add)) if add.is_empty() => {
            out.push(import("status").child(El::new("p").text(t(lang, Key::ImportNothing))))
        }
        Some(Import::Ready(add)) => out.push(
            import("status")
                .child(El::new("p").text(&t_with(
                    lang,
                    Key::ImportWillAdd,
                    "n",
                    &add.len().to_string(),
                )))
                .child(
                    El::new("ul")
                        .children(add.iter().take(10).map(|r| El::new("li").text(&r.label))),
                )
                .child(
                    El::new("div")
                        .class("actions")
                        .child(
                            action_button("import-confirm", lang, Key::ImportConfirm, false)
                                .attr("data-testid", "import-confirm"),
                        )
                        .child(action_button("import-cancel", lang, Key::Cancel, true)),
                ),
        ),
    }
    out
}

/// The buttons under the list.
fn file_actions(lang: Lang) -> El {
    El::new("div")
        .class("actions files")
        .child(action_button("export-all", lang, Key::AllToCalendar, true))
        .child(
            action_button("backup-export", lang, Key::BackupExport, true)
                .attr("data-testid", "backup-export"),
        )
        .child(
            El::new("label")
                .class("file secondary")
                .child(El::new("span").text(t(lang, Key::BackupImport)))
                .child(
                    El::new("input")
                        .attr("type", "file")
                        .attr("id", "backup-import")
                        .attr("accept", ".json,application/json")
                        .attr("data-testid", "backup-import"),
                ),
        )
}

/// Handles the section's own buttons (the list's go to [`on_action`]).
fn on_section_click(state: AppState, ev: web_sys::MouseEvent) {
    let rem = state.reminders;
    let action = clicked_button(&ev, "data-action").and_then(|b| b.get_attribute("data-action"));
    match action.as_deref() {
        Some("add") => rem.start_new(String::new(), None, None),
        Some("cancel") => rem.editing.set(None),
        // Both add what was decided earlier: checked again (limit, already
        // here) against the document as it is now.
        Some("undo") => {
            if let Some(r) = rem.undo.get_untracked() {
                let mut added = Ok(0);
                rem.commit(|d| added = d.add_new(vec![r]));
                match added {
                    Ok(_) => rem.undo.set(None),
                    Err(e) => rem
                        .flash
                        .set(Some(error_text(state.lang.get_untracked(), e))),
                }
            }
        }
        Some("import-confirm") => {
            if let Some(Import::Ready(add)) = rem.import.get_untracked() {
                let mut added = Ok(0);
                rem.commit(|d| added = d.add_new(add));
                match added {
                    Ok(0) => rem.import.set(Some(Import::Ready(Vec::new()))),
                    Ok(n) => {
                        rem.import.set(None);
                        rem.flash.set(Some(t_with(
                            state.lang.get_untracked(),
                            Key::ImportDone,
                            "n",
                            &n.to_string(),
                        )));
                    }
                    Err(_) => rem.import.set(Some(Import::Failed(Key::ImportTooMany))),
                }
            }
        }
        Some("import-cancel") => rem.import.set(None),
        Some("download-kept") => {
            if let Some(Problem::Damaged { backup_key }) = rem.problem.get_untracked() {
                if let Some(text) = storage::read_kept(&backup_key) {
                    files::download("azsim-unreadable-data.json", "application/json", &text);
                }
            }
        }
        Some("export-all") => {
            let text = rem
                .doc
                .with_untracked(|d| ics_for(&d.reminders.iter().collect::<Vec<_>>()));
            files::download("azsim-reminders.ics", "text/calendar", &text);
        }
        Some("backup-export") => {
            let text = rem
                .doc
                .with_untracked(|d| d.to_backup(&clock::now().to_string()));
            files::download("azsim-backup.json", "application/json", &text);
        }
        _ => on_action(state, ev),
    }
}

/// The reminders section: notices, list, form, export and import. Built
/// with the `dom` builder in three parts that re-render independently, so
/// typing in the form is never interrupted by a list update.
#[component]
pub fn RemindersSection(
    /// False until the start-up step that shows it.
    ready: Memo<bool>,
) -> impl IntoView {
    let state = AppState::get();
    let rem = state.reminders;
    let (notice_box, list, form_box) = (
        NodeRef::<Div>::new(),
        NodeRef::<Ul>::new(),
        NodeRef::<Div>::new(),
    );
    Effect::new(move || {
        if !ready.get() {
            return;
        }
        let lang = state.lang.get();
        if let Some(div) = notice_box.get() {
            replace_children(&div, notices(lang, rem));
        }
    });
    Effect::new(move || {
        if !ready.get() {
            return;
        }
        let lang = state.lang.get();
        let now = clock::now();
        let Some(ul) = list.get() else {
            return;
        };
        let mut items: Vec<El> = rem.doc.with(|d| {
            d.reminders
                .iter()
                .map(|r| reminder_item(state, lang, r, now))
                .collect()
        });
        if items.is_empty() {
            items.push(
                El::new("li")
                    .class("empty")
                    .text(t(lang, Key::RemindersEmpty)),
            );
        }
        replace_children(&ul, items);
    });
    Effect::new(move |built_in: Option<Lang>| {
        let lang = state.lang.get();
        let Some(div) = form_box.get().filter(|_| ready.get()) else {
            return lang;
        };
        // A language change rebuilds the open form: keep what was typed, to
        // the letter (a number that does not parse included).
        let mut typed = Vec::new();
        let content = match rem.editing.get() {
            Some(mut editing) => {
                if built_in.is_some_and(|l| l != lang) && by_id("reminder-label").is_some() {
                    editing.draft = read_form(editing.draft.channel.clone());
                    typed = FORM_FIELDS.map(|id| (id, field(id))).to_vec();
                }
                reminder_form(state, lang, &editing)
            }
            None => action_button("add", lang, Key::AddReminder, false)
                .attr("data-testid", "add-reminder"),
        };
        replace_children(&div, [content, file_actions(lang)]);
        for (id, value) in typed {
            set_field(id, &value);
        }
        lang
    });
    view! {
        <section
            class="reminders"
            hidden=move || !ready.get()
            aria-labelledby="reminders-heading"
            on:click=move |ev| on_section_click(state, ev)
            on:change=move |ev| on_change(state, ev)
            on:submit=move |ev| on_submit(state, ev)
        >
            <h2 id="reminders-heading">{state.text(Key::RemindersHeading)}</h2>
            <div node_ref=notice_box></div>
            <ul class="reminder-list" data-testid="reminders" node_ref=list></ul>
            <div node_ref=form_box></div>
        </section>
    }
}

/// `text` between Unicode directional isolates (U+2068 … U+2069), so that a
/// right-to-left override inside a user's label cannot reorder the sentence
/// around it.
fn isolated(text: &str) -> String {
    format!("\u{2068}{text}\u{2069}")
}
