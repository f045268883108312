//! Reminders in the page: the list, the due banner, the form, undo, calendar
//! export and backup import/export, and the storage notices. All changes go
//! through [`ReminderState::commit`], the one place that saves.

use leptos::html::{Div, Input, Select, Textarea, Ul};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::dom::{replace_children, El};
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
use crate::i18n::{t, t_with, Key};
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
    /// Loads the stored document and follows changes made in other tabs.
    pub fn load() -> ReminderState {
        let loaded = storage::load();
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
    state
        .catalog
        .operator(op)
        .map(|o| o.name.clone())
        .unwrap_or_default()
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
        Repeat::EveryDays { days } => {
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
                .text(&clock::format(lang, r.due))
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
    let Some(button) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("button[data-action]").ok().flatten())
    else {
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

/// The storage notice, if storage is not doing its job.
#[component]
fn StorageNotice() -> impl IntoView {
    let state = AppState::get();
    let rem = state.reminders;
    move || {
        let problem = rem.problem.get()?;
        let lang = state.lang.get();
        let (key, kept) = match &problem {
            Problem::Blocked => (Key::StorageBlocked, None),
            Problem::Damaged { backup_key } => (Key::StorageDamaged, Some(backup_key.clone())),
            Problem::TooNew => (Key::StorageTooNew, None),
            Problem::Full => (Key::StorageFull, None),
        };
        Some(view! {
            <div class="notice" role="alert" data-testid="storage-notice">
                <p>{t(lang, key)}</p>
                {kept.map(|k| view! {
                    <button type="button" on:click=move |_| {
                        if let Some(text) = storage::read_kept(&k) {
                            files::download("azsim-unreadable-data.json", "application/json", &text);
                        }
                    }>{t(lang, Key::StorageDamagedDownload)}</button>
                })}
            </div>
        })
    }
}

/// The form's inputs.
#[derive(Clone, Copy)]
struct Fields {
    label: NodeRef<Input>,
    due: NodeRef<Input>,
    operator: NodeRef<Select>,
    note: NodeRef<Textarea>,
    repeat: NodeRef<Select>,
    every: NodeRef<Input>,
    warn: NodeRef<Input>,
}

impl Fields {
    fn new() -> Fields {
        Fields {
            label: NodeRef::new(),
            due: NodeRef::new(),
            operator: NodeRef::new(),
            note: NodeRef::new(),
            repeat: NodeRef::new(),
            every: NodeRef::new(),
            warn: NodeRef::new(),
        }
    }

    /// What the user typed; unparseable numbers become values the checks reject.
    fn read(self, channel: Option<ChannelId>) -> Draft {
        let value = |r: NodeRef<Input>| r.get_untracked().map(|e| e.value()).unwrap_or_default();
        let number = |r: NodeRef<Input>| value(r).trim().parse::<u32>().unwrap_or(u32::MAX);
        let repeat = match self.repeat.get_untracked().map(|e| e.value()).as_deref() {
            Some("days") => Repeat::EveryDays {
                days: number(self.every),
            },
            Some("monthly") => Repeat::Monthly,
            _ => Repeat::None,
        };
        let operator = self
            .operator
            .get_untracked()
            .map(|e| e.value())
            .and_then(|v| OperatorId::ALL.into_iter().find(|o| o.as_str() == v));
        Draft {
            label: value(self.label),
            due: LocalDateTime::parse(&value(self.due)),
            operator,
            channel,
            note: self
                .note
                .get_untracked()
                .map(|e| e.value())
                .unwrap_or_default(),
            repeat,
            warn_days: if value(self.warn).trim().is_empty() {
                0
            } else {
                number(self.warn)
            },
        }
    }
}

/// The add/edit form.
#[component]
fn ReminderForm(editing: Editing) -> impl IntoView {
    let state = AppState::get();
    let rem = state.reminders;
    let f = Fields::new();
    let error = RwSignal::new(None::<ReminderError>);
    let d = editing.draft.clone();
    let repeat_kind = RwSignal::new(match d.repeat {
        Repeat::None => "none",
        Repeat::EveryDays { .. } => "days",
        Repeat::Monthly => "monthly",
    });
    let every_days = match d.repeat {
        Repeat::EveryDays { days } => days.to_string(),
        _ => "30".into(),
    };
    let lang = state.lang.get_untracked();
    let id = editing.id.clone();
    let channel = d.channel.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = f.read(channel.clone());
        let count = rem.doc.with_untracked(|d| d.reminders.len());
        if id.is_none() && count >= MAX_REMINDERS {
            error.set(Some(ReminderError::TooMany));
            return;
        }
        match Reminder::from_draft(&draft, id.clone().unwrap_or_else(new_id)) {
            Ok(r) => {
                rem.commit(|d| match d.reminders.iter_mut().find(|x| x.id == r.id) {
                    Some(existing) => *existing = r,
                    None => d.reminders.push(r),
                });
                rem.editing.set(None);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let heading = if editing.id.is_some() {
        Key::FormEdit
    } else {
        Key::FormNew
    };
    let op_options = OperatorId::ALL
        .into_iter()
        .map(|o| {
            let selected = d.operator == Some(o);
            view! { <option value=o.as_str() selected=selected>{operator_name(state, o)}</option> }
        })
        .collect_view();
    view! {
        <form class="reminder-form" on:submit=on_submit aria-labelledby="form-heading" novalidate>
            <h3 id="form-heading">{t(lang, heading)}</h3>
            <label for="reminder-label">{t(lang, Key::FieldLabel)}</label>
            <input id="reminder-label" node_ref=f.label type="text" maxlength=MAX_LABEL.to_string() value=d.label.clone() required />
            <label for="reminder-due">{t(lang, Key::FieldDue)}</label>
            <input id="reminder-due" node_ref=f.due type="datetime-local" value=d.due.map(|t| t.to_string()).unwrap_or_default() required />
            <label for="reminder-operator">{t(lang, Key::FieldOperator)}</label>
            <select id="reminder-operator" node_ref=f.operator>
                <option value="" selected=d.operator.is_none()>{t(lang, Key::FieldNone)}</option>
                {op_options}
            </select>
            <label for="reminder-repeat">{t(lang, Key::FieldRepeat)}</label>
            <select id="reminder-repeat" node_ref=f.repeat on:change=move |ev| {
                let v = event_target_value(&ev);
                repeat_kind.set(match v.as_str() { "days" => "days", "monthly" => "monthly", _ => "none" });
            }>
                <option value="none" selected=repeat_kind.get_untracked() == "none">{t(lang, Key::RepeatNone)}</option>
                <option value="days" selected=repeat_kind.get_untracked() == "days">{t(lang, Key::RepeatDays)}</option>
                <option value="monthly" selected=repeat_kind.get_untracked() == "monthly">{t(lang, Key::RepeatMonthly)}</option>
            </select>
            <div class="every" class:hidden=move || repeat_kind.get() != "days">
                <label for="reminder-every">{t(lang, Key::FieldEveryDays)}</label>
                <input id="reminder-every" node_ref=f.every type="number" min="1" max=MAX_INTERVAL_DAYS.to_string() value=every_days inputmode="numeric" />
            </div>
            <label for="reminder-warn">{t(lang, Key::FieldWarn)}</label>
            <input id="reminder-warn" node_ref=f.warn type="number" min="0" max=MAX_WARN_DAYS.to_string() value=d.warn_days.to_string() inputmode="numeric" />
            <label for="reminder-note">{t(lang, Key::FieldNote)}</label>
            <textarea id="reminder-note" node_ref=f.note maxlength=MAX_NOTE.to_string() rows="2">{d.note.clone()}</textarea>
            {move || error.get().map(|e| view! { <p class="error" role="alert" data-testid="form-error">{error_text(lang, e)}</p> })}
            <div class="actions">
                <button type="submit">{t(lang, Key::Save)}</button>
                <button type="button" class="secondary" on:click=move |_| rem.editing.set(None)>{t(lang, Key::Cancel)}</button>
            </div>
        </form>
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
    rem.import.set(Some(outcome));
}

/// What an import would add, with yes/no; or why it failed.
#[component]
fn ImportPanel() -> impl IntoView {
    let state = AppState::get();
    let rem = state.reminders;
    move || {
        let lang = state.lang.get();
        match rem.import.get()? {
            Import::Failed(key) => Some(
                view! {
                    <div class="notice" role="alert" data-testid="import-result">
                        <p>{t_with(lang, key, "n", &MAX_REMINDERS.to_string())}</p>
                    </div>
                }
                .into_any(),
            ),
            Import::Ready(add) if add.is_empty() => Some(
                view! { <div class="notice" role="status" data-testid="import-result"><p>{t(lang, Key::ImportNothing)}</p></div> }
                    .into_any(),
            ),
            Import::Ready(add) => {
                let n = add.len();
                let labels = add.iter().take(10).map(|r| view! { <li>{r.label.clone()}</li> }).collect_view();
                Some(
                    view! {
                        <div class="notice" role="status" data-testid="import-result">
                            <p>{t_with(lang, Key::ImportWillAdd, "n", &n.to_string())}</p>
                            <ul>{labels}</ul>
                            <div class="actions">
                                <button type="button" data-testid="import-confirm" on:click=move |_| {
                                    let add = add.clone();
                                    rem.commit(|d| d.reminders.extend(add));
                                    rem.import.set(None);
                                    rem.flash.set(Some(t_with(lang, Key::ImportDone, "n", &n.to_string())));
                                }>{t(lang, Key::ImportConfirm)}</button>
                                <button type="button" class="secondary" on:click=move |_| rem.import.set(None)>{t(lang, Key::Cancel)}</button>
                            </div>
                        </div>
                    }
                    .into_any(),
                )
            }
        }
    }
}

/// The reminders section: notices, list, form, export and import.
#[component]
pub fn RemindersSection() -> impl IntoView {
    let state = AppState::get();
    let rem = state.reminders;
    let list = NodeRef::<Ul>::new();
    Effect::new(move || {
        let lang = state.lang.get();
        let now = clock::now();
        let Some(ul) = list.get() else {
            return;
        };
        let items: Vec<El> = rem.doc.with(|d| {
            d.reminders
                .iter()
                .map(|r| reminder_item(state, lang, r, now))
                .collect()
        });
        let empty = items.is_empty();
        replace_children(&ul, items);
        if empty {
            replace_children(
                &ul,
                [El::new("li")
                    .class("empty")
                    .text(t(lang, Key::RemindersEmpty))],
            );
        }
    });
    let file_input = NodeRef::<Input>::new();
    let export_all = move |_| {
        let text = rem
            .doc
            .with_untracked(|d| ics_for(&d.reminders.iter().collect::<Vec<_>>()));
        files::download("azsim-reminders.ics", "text/calendar", &text);
    };
    let export_backup = move |_| {
        let text = rem
            .doc
            .with_untracked(|d| d.to_backup(&clock::now().to_string()));
        files::download("azsim-backup.json", "application/json", &text);
    };
    view! {
        <section class="reminders" aria-labelledby="reminders-heading">
            <h2 id="reminders-heading">{state.text(Key::RemindersHeading)}</h2>
            <StorageNotice />
            {move || rem.undo.get().map(|r| view! {
                <div class="notice" role="status" data-testid="undo">
                    <span>{t_with(state.lang.get(), Key::Deleted, "label", &r.label)}</span>" "
                    <button type="button" on:click=move |_| {
                        let r = r.clone();
                        rem.commit(|d| d.reminders.push(r));
                        rem.undo.set(None);
                    }>{state.text(Key::Undo)}</button>
                </div>
            })}
            {move || rem.flash.get().map(|text| view! { <p class="notice" role="status">{text}</p> })}
            <ul class="reminder-list" data-testid="reminders" node_ref=list on:click=move |ev| on_action(state, ev)></ul>
            {move || match rem.editing.get() {
                Some(editing) => view! { <ReminderForm editing /> }.into_any(),
                None => view! {
                    <button type="button" data-testid="add-reminder" on:click=move |_| rem.start_new(String::new(), None, None)>
                        {state.text(Key::AddReminder)}
                    </button>
                }
                .into_any(),
            }}
            <div class="actions files">
                <button type="button" class="secondary" on:click=export_all>{state.text(Key::AllToCalendar)}</button>
                <button type="button" class="secondary" data-testid="backup-export" on:click=export_backup>{state.text(Key::BackupExport)}</button>
                <label class="file secondary">
                    <span>{state.text(Key::BackupImport)}</span>
                    <input
                        type="file"
                        accept=".json,application/json"
                        data-testid="backup-import"
                        node_ref=file_input
                        on:change=move |_| {
                            if let Some(input) = file_input.get_untracked() {
                                wasm_bindgen_futures::spawn_local(import_file(state, input));
                            }
                        }
                    />
                </label>
            </div>
            <ImportPanel />
        </section>
    }
}
