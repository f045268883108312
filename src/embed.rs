//! Embed mode (`?embed=1`) and everything that depends on the page being in
//! another page's frame: the frame tells its parent how tall its content is,
//! so the loader (`embed.js`) can size the iframe; the app's root is not a
//! second `<main>` there; the display settings from the URL (theme, accent)
//! go on `<html>`.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::params::{AppParams, Theme};

/// The message type `embed.js` listens for.
pub const HEIGHT_MESSAGE: &str = "azsim:height";

/// The element to mount the app in: `main` itself, or, in embed mode inside
/// a host page's frame, a `<div>` that takes its place and its content (the
/// host page has its own `<main>` landmark: axe, landmark-unique).
pub fn root_in_frame(main: web_sys::HtmlElement, embedded: bool) -> web_sys::HtmlElement {
    let Some(window) = web_sys::window() else {
        return main;
    };
    let framed = window.top().ok().flatten().is_some_and(|top| top != window);
    if !(embedded && framed) {
        return main;
    }
    let div = window
        .document()
        .and_then(|d| d.create_element("div").ok())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    let Some(div) = div else {
        return main;
    };
    div.set_id("app");
    div.set_class_name(&main.class_name());
    while let Some(child) = main.first_child() {
        let _ = div.append_child(&child);
    }
    let _ = main.replace_with_with_node_1(&div);
    div
}

/// Sets `class="embed"`, `data-theme` and the accent colour on `<html>`.
pub fn apply_display(params: &AppParams) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    if params.embed {
        let _ = root.class_list().add_1("embed");
    }
    match params.theme {
        Theme::Light | Theme::Dark => {
            let _ = root.set_attribute("data-theme", params.theme.as_str());
        }
        Theme::Auto => {}
    }
    if let (Some(accent), Some(html)) = (&params.accent, root.dyn_ref::<web_sys::HtmlElement>()) {
        // The accent is validated as a hex colour, so it is safe in a style.
        let style = html.style();
        let _ = style.set_property("--accent", accent.as_str());
        let _ = style.set_property("--accent-ink", accent.ink());
    }
}

fn content_height() -> Option<i32> {
    let root = web_sys::window()?.document()?.document_element()?;
    Some(root.get_bounding_client_rect().height().ceil() as i32)
}

fn post_height(height: i32) {
    let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else {
        return;
    };
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
    // The height is not secret; the loader checks origin and source.
    let _ = parent.post_message(&message, "*");
}

/// In embed mode, posts the content height to the parent whenever it
/// changes: a ResizeObserver on `<html>`, at most once per animation frame.
pub fn watch_height() {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let last = Rc::new(Cell::new(-1));
    let scheduled = Rc::new(Cell::new(false));
    let send = Closure::<dyn FnMut()>::new({
        let (last, scheduled) = (last.clone(), scheduled.clone());
        move || {
            scheduled.set(false);
            if let Some(h) = content_height() {
                if h != last.get() {
                    last.set(h);
                    post_height(h);
                }
            }
        }
    });
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        if scheduled.replace(true) {
            return;
        }
        if let Some(w) = web_sys::window() {
            let _ = w.request_animation_frame(send.as_ref().unchecked_ref());
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&root);
    }
    // The observer lives as long as the page.
    on_resize.forget();
}

/// In embed mode, a submit button's activation becomes a `submit` event sent
/// by the app itself, and the browser's own form submission is cancelled.
///
/// A host may sandbox the frame with `allow-scripts` only (README, "Embed
/// AzSIM on your site"). Without `allow-forms` every engine (Chromium,
/// Firefox, WebKit) stops form submission before the `submit` event fires
/// (HTML: the sandboxed forms browsing context flag), so the reminder form
/// and the calculators did nothing there. The activation is a `click` on the
/// button in both ways of submitting: a tap, or Enter in a field (implicit
/// submission clicks the form's default button). The app's forms never
/// navigate: their `submit` handlers cancel the event and read the fields.
pub fn submit_forms_in_script() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let on_click = Closure::<dyn FnMut(web_sys::Event)>::new(|ev: web_sys::Event| {
        let Some(button) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("button[type=submit]").ok().flatten())
        else {
            return;
        };
        let Some(form) = button.closest("form").ok().flatten() else {
            return;
        };
        ev.prevent_default();
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init.set_cancelable(true);
        if let Ok(submit) = web_sys::Event::new_with_event_init_dict("submit", &init) {
            let _ = form.dispatch_event(&submit);
        }
    });
    // Capture: before any handler of the page can stop the click.
    let _ = document.add_event_listener_with_callback_and_bool(
        "click",
        on_click.as_ref().unchecked_ref(),
        true,
    );
    // The listener lives as long as the page.
    on_click.forget();
}
