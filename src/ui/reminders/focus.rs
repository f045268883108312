//! Where keyboard focus goes after a change to the reminders. Changes render
//! in Leptos effects, after the handler that made them: focus moves in the
//! next animation frame, once the rows and the form are in place.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Where focus should land.
pub enum Target {
    /// The first field of the reminder form.
    FormStart,
    /// The control that opened the form (or its successor, when the list
    /// rebuilt it); the "Add" button if it is gone.
    Opener,
    /// The row of this reminder in the list (restored by undo, imported).
    Row(String),
    /// The row at `index` in `list` now (the one after a deleted row), the
    /// last row if the list got shorter, the section's heading if it is empty.
    RowAt { list: Element, index: u32 },
    /// This button again, or the button that replaced it in the same row.
    Same(Element),
    /// The section's heading.
    Heading,
}

thread_local! {
    /// The control focused when the form opened: where focus returns.
    static OPENER: RefCell<Option<Element>> = const { RefCell::new(None) };
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Remembers the focused control, to come back to when the form closes.
pub fn remember_opener() {
    let active = document().and_then(|d| d.active_element());
    OPENER.with_borrow_mut(|o| *o = active);
}

/// Moves focus to `target` in the next animation frame.
pub fn later(target: Target) {
    let go = wasm_bindgen::closure::Closure::once_into_js(move || now(target));
    if let Some(w) = web_sys::window() {
        let _ = w.request_animation_frame(go.unchecked_ref());
    }
}

fn query(selector: &str) -> Option<Element> {
    document()?.query_selector(selector).ok().flatten()
}

/// The button in the same place as `button`: itself if it is still in the
/// page, else the button with its action in the row with its id (rows are
/// rebuilt when their reminder changes).
fn successor(button: &Element) -> Option<Element> {
    if button.is_connected() {
        return Some(button.clone());
    }
    let action = button.get_attribute("data-action")?;
    match button
        .closest("[data-id]")
        .ok()
        .flatten()
        .and_then(|row| row.get_attribute("data-id"))
    {
        Some(id) => query(&format!(
            "li[data-id=\"{id}\"] button[data-action=\"{action}\"]"
        )),
        None => query(&format!(".reminders button[data-action=\"{action}\"]")),
    }
}

/// Focuses `element` again, or its successor if it left the page (a list
/// update moved or replaced it). Nothing happens if neither is there.
pub fn restore(element: &Element) {
    if let Some(el) = successor(element).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

fn now(target: Target) {
    let element = match target {
        Target::FormStart => query(".reminder-form input"),
        Target::Opener => OPENER
            .with_borrow_mut(Option::take)
            .and_then(|o| successor(&o))
            .or_else(|| query(".reminders button[data-action=\"add\"]")),
        Target::Row(id) => query(&format!(".reminders li[data-id=\"{id}\"]")),
        Target::RowAt { list, index } => {
            let rows = list.query_selector_all("li[data-id]").ok();
            let count = rows.as_ref().map_or(0, |r| r.length());
            rows.filter(|_| count > 0)
                .and_then(|r| r.item(index.min(count - 1)))
                .and_then(|n| n.dyn_into::<Element>().ok())
        }
        Target::Same(button) => successor(&button),
        Target::Heading => None,
    };
    // A list the change emptied may have left the page (the due banner)
    // with its old rows in it.
    let element = element
        .filter(|e| e.is_connected())
        .or_else(|| query("#reminders-heading"));
    if let Some(el) = element.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = el.focus();
    }
}
