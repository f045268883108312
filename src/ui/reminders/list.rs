//! The list of reminders and the due banner, each showing its first rows
//! and "Show more" for the others. A row that shows the same after a change
//! stays the same element, so a list update moves nobody's focus; a changed
//! row is replaced, and focus goes to its button that replaced the focused
//! one.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::focus::{self, Target};
use super::{closest, form, isolated, on_click, transfer, ReminderAction, ReminderState};
use crate::domain::reminders::{Reminder, ReminderId, Repeat, Status};
use crate::domain::{date_text, typography, Lang};
use crate::i18n::{self, t, t_count, t_with, Key};
use crate::storage;
use crate::ui::dom::{page_width, replace_children, El};
use crate::ui::{after_paint, clock, AppState};

/// A reminder as a list item (focusable, for focus to land on after a
/// change); its buttons carry the reminder's id in the row's `data-id`.
fn reminder_item(state: AppState, lang: Lang, r: &Reminder, status: Status) -> El {
    let (class, badge) = match status {
        Status::Due => ("reminder due", Some(Key::StatusDue)),
        Status::Soon => ("reminder soon", Some(Key::StatusSoon)),
        Status::Later => ("reminder", None),
    };
    let mut meta: Vec<String> = Vec::new();
    if let Some(op) = r.operator {
        meta.push(i18n::operator_name(lang, state.catalog_untracked(), op).to_owned());
    }
    match r.repeat {
        Repeat::None => {}
        Repeat::EveryDays(days) => meta.push(t_count(
            lang,
            Key::RepeatEveryN,
            Key::RepeatEveryOne,
            days as usize,
        )),
        Repeat::Monthly => meta.push(t(lang, Key::RepeatEveryMonth).into()),
    }
    if r.warn_days > 0 {
        meta.push(t_count(
            lang,
            Key::WarnN,
            Key::WarnOne,
            r.warn_days as usize,
        ));
    }
    let button = |action, key| El::button(action, t(lang, key));
    let mut actions = El::new("div").class("actions");
    if r.repeat != Repeat::None {
        actions = actions.child(button(ReminderAction::Renewed, Key::Renewed));
    }
    actions = actions
        .child(button(ReminderAction::Edit, Key::Edit))
        .child(button(ReminderAction::Ics, Key::AddToCalendar))
        .child(button(ReminderAction::Delete, Key::Delete));
    El::new("li")
        .class(class)
        .attr("data-id", &r.id.0)
        .attr("tabindex", "-1")
        .child(El::new("h3").text(&r.label))
        .child(
            El::new("p")
                .class("when")
                .text(&date_text::date_time(lang, r.due))
                .maybe(badge.map(|k| El::new("span").class("badge due-badge").text(t(lang, k)))),
        )
        .maybe((!meta.is_empty()).then(|| El::new("p").class("meta").text(&meta.join(" · "))))
        .maybe((!r.note.is_empty()).then(|| El::new("p").class("note").text(&r.note)))
        .child(actions)
}

/// The element children of `list`, in order.
fn rows_of(list: &Element) -> Vec<Element> {
    let mut rows = Vec::new();
    let mut next = list.first_element_child();
    while let Some(row) = next {
        next = row.next_element_sibling();
        rows.push(row);
    }
    rows
}

/// What a row shows, and the row.
type Shown = (Lang, Status, Reminder, Element);

thread_local! {
    /// Each list's rows (see [`Which`]), with what they show.
    static SHOWN: std::cell::RefCell<[Vec<Shown>; 2]> = const { std::cell::RefCell::new([Vec::new(), Vec::new()]) };
}

/// Puts a row for each of `reminders` in `which` list, `list`, in order. A
/// row already there that shows the same stays (the same element); only the
/// others are built. Focus inside the list stays on its element, or goes to
/// its successor in a replaced row.
fn sync_rows(state: AppState, which: Which, list: &Element, reminders: &[Reminder]) {
    let (lang, now) = (state.lang.get_untracked(), clock::now());
    let focused = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .filter(|a| list.contains(Some(a)));
    let old = SHOWN.with_borrow_mut(|shown| std::mem::take(&mut shown[which as usize]));
    let mut new = Vec::with_capacity(reminders.len());
    let mut at = list.first_element_child();
    for r in reminders {
        let status = r.status(now);
        let row = old
            .iter()
            .find(|(l, s, old_r, row)| {
                (*l, *s) == (lang, status)
                    && old_r == r
                    && row.parent_element().as_ref() == Some(list)
            })
            .map(|shown| shown.3.clone())
            .unwrap_or_else(|| reminder_item(state, lang, r, status).into_element());
        if at.as_ref() != Some(&row) {
            let _ = list.insert_before(&row, at.as_ref().map(|a| a.as_ref()));
        }
        at = row.next_element_sibling();
        new.push((lang, status, r.clone(), row));
    }
    SHOWN.with_borrow_mut(|shown| shown[which as usize] = new);
    while let Some(extra) = at {
        at = extra.next_element_sibling();
        extra.remove();
    }
    if let Some(focused) = focused {
        focus::restore(&focused);
    }
}

/// Rows a list shows at first (more than a phone's screen holds), and how
/// many more each "Show more" adds. A list shows at most its limit: 500
/// rows appended to a page make every frame lay out and paint the page
/// again (over 50 ms each at CPU ÷4), however they are spread over tasks.
pub(super) const FIRST_ROWS: usize = 10;
const MORE_ROWS: usize = 20;

/// Which list: the section's or the due banner's.
#[derive(Clone, Copy)]
pub(super) enum Which {
    List = 0,
    Banner = 1,
}

/// Shows the first `limit` of `reminders` (in order) in `list`, and after
/// it "Show more" while some are left out.
fn show_rows(state: AppState, which: Which, list: &Element, reminders: &[Reminder]) {
    let limit = ReminderState::get().limit(which).get_untracked();
    let shown = &reminders[..reminders.len().min(limit)];
    sync_rows(state, which, list, shown);
    let lang = state.lang.get_untracked();
    set_show_more(list, lang, reminders.len() - shown.len());
}

/// "Show more" after `list` while `left` rows are left out of it.
fn set_show_more(list: &Element, lang: Lang, left: usize) {
    let old = list
        .next_element_sibling()
        .filter(|next| next.class_name() == "show-more");
    let new = (left > 0).then(|| {
        let label = t_with(lang, Key::ShowMore, "n", &left.to_string());
        let button = El::button(ReminderAction::ShowMore, &label).class("secondary");
        El::new("p").class("show-more").child(button).into_element()
    });
    match (old, new) {
        (Some(old), Some(new)) => drop(old.replace_with_with_node_1(&new)),
        (Some(old), None) => old.remove(),
        (None, Some(new)) => drop(list.after_with_node_1(&new)),
        (None, None) => {}
    }
}

/// "Show more" under `button`'s list: its next rows, with focus on the
/// first of them.
pub(super) fn show_more(rem: ReminderState, button: &Element) {
    let Some(list) = button
        .parent_element()
        .and_then(|p| p.previous_element_sibling())
    else {
        return;
    };
    let which = if closest(button, ".due-banner").is_some() {
        Which::Banner
    } else {
        Which::List
    };
    let limit = rem.limit(which);
    let index = limit.get_untracked() as u32;
    limit.update(|l| *l += MORE_ROWS);
    focus::later(Target::RowAt { list, index });
}

/// Keeps the section's list in step with the document (and the language).
pub(super) fn render_list(state: AppState, ul: Element) {
    let rem = ReminderState::get();
    Effect::new(move || {
        let lang = state.lang.get();
        rem.limit(Which::List).track();
        let reminders = rem.store.doc.with(|d| d.reminders.clone());
        if reminders.is_empty() {
            replace_children(&ul, [empty_item(lang)]);
            return set_show_more(&ul, lang, 0);
        }
        show_rows(state, Which::List, &ul, &reminders);
    });
}

/// What the list shows while there are no reminders.
pub(super) fn empty_item(lang: Lang) -> El {
    El::new("li")
        .class("empty")
        .text(t(lang, Key::RemindersEmpty))
}

/// Due and overdue reminders, shown first on every open: a heading and a
/// list while there are any, nothing otherwise.
pub fn due_banner() -> El {
    let state = AppState::get();
    let rem = ReminderState::get();
    let banner = El::new("div")
        .class("due-banner")
        .attr("data-testid", "due-banner")
        .on("click", move |ev| on_click(state, ev));
    let div = banner.element();
    Effect::new(move || {
        // Its strings travel in the pack's second part.
        if state.more().is_none() {
            return;
        }
        let lang = state.lang.get();
        rem.limit(Which::Banner).track();
        let now = clock::now();
        let due: Vec<Reminder> = rem.store.doc.with(|d| {
            d.reminders
                .iter()
                .filter(|r| r.status(now) != Status::Later)
                .cloned()
                .collect()
        });
        fit_place(&div);
        if due.is_empty() {
            replace_children(&div, []);
            return;
        }
        let heading = El::new("h2")
            .attr("id", "due-heading")
            .text(t(lang, Key::DueHeading));
        let list = match div.query_selector("ul").ok().flatten() {
            Some(list) => {
                if let Some(old) = div.first_element_child() {
                    let _ = old.replace_with_with_node_1(&heading.into_element());
                }
                list
            }
            None => {
                let list = El::new("ul")
                    .class("reminder-list")
                    .attr("aria-labelledby", "due-heading");
                let list_el = list.element();
                replace_children(&div, [heading, list]);
                list_el
            }
        };
        show_rows(state, Which::Banner, &list, &due);
    });
    banner
}

/// Lets the due banner's place take the height of `banner` (the app kept
/// it as tall as the banner last was: `reminders_link::keep_banner_room`)
/// and, once painted, keeps that height for the next start.
fn fit_place(banner: &Element) {
    let Some(place) = banner
        .parent_element()
        .and_then(|p| p.dyn_into::<HtmlElement>().ok())
    else {
        return;
    };
    let _ = place.style().remove_property("min-height");
    after_paint(move || {
        if let Some(width) = page_width() {
            // Exact, fractions included: rounded, the paths would move by them.
            let height = place.get_bounding_client_rect().height();
            storage::keep_banner_height(width, height);
        }
    });
}

/// The row of `button` and its reminder.
fn row_of(rem: ReminderState, button: &Element) -> Option<(Element, Reminder)> {
    let row = closest(button, "li[data-id]")?;
    let id = ReminderId(row.get_attribute("data-id")?);
    let reminder = rem
        .store
        .doc
        .with_untracked(|d| d.reminders.iter().find(|r| r.id == id).cloned())?;
    Some((row, reminder))
}

/// "Renewed": the next due date, said in the live region; focus stays on
/// the button (in the row as rebuilt).
pub(super) fn renewed(rem: ReminderState, lang: Lang, button: &Element) {
    let Some((_, reminder)) = row_of(rem, button) else {
        return;
    };
    let Some(next) = reminder.renewed(clock::now()) else {
        return;
    };
    let due = date_text::date_time(lang, next.due);
    rem.store.commit(|d| {
        if let Some(r) = d.reminders.iter_mut().find(|r| r.id == next.id) {
            *r = next;
        }
    });
    rem.say(typography::label(
        lang,
        t(lang, Key::Renewed),
        &format!("{} {due}", isolated(&reminder.label)),
    ));
    focus::later(Target::Same(button.clone()));
}

/// "Edit": the form, holding the reminder.
pub(super) fn edit(rem: ReminderState, button: &Element) {
    if let Some((_, reminder)) = row_of(rem, button) {
        form::edit(rem, reminder);
    }
}

/// "Add to calendar": the reminder as a calendar file.
pub(super) fn export_one(rem: ReminderState, button: &Element) {
    if let Some((_, reminder)) = row_of(rem, button) {
        transfer::export_one(rem, &reminder);
    }
}

/// "Delete", with undo; focus goes to the row that takes its place.
pub(super) fn delete(rem: ReminderState, button: &Element) {
    let Some((row, reminder)) = row_of(rem, button) else {
        return;
    };
    let list = row.parent_element();
    let index = list
        .as_ref()
        .and_then(|l| rows_of(l).iter().position(|r| *r == row))
        .unwrap_or(0) as u32;
    rem.store
        .commit(|d| d.reminders.retain(|r| r.id != reminder.id));
    rem.undo.set(Some(reminder));
    if let Some(list) = list {
        focus::later(Target::RowAt { list, index });
    }
}
