//! The page shown when the app cannot go on: after a panic, or when the
//! language pack does not load. Built with plain DOM calls (Leptos' state may
//! be half-updated after a panic) and in the `Fatal` strings compiled into
//! the app. It never touches stored data: reminders stay as they were saved.

use std::sync::atomic::{AtomicU8, Ordering};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::dom::El;
use crate::domain::Lang;
use crate::i18n::{fatal, Fatal};

/// The language shown, as its index in [`Lang::ALL`], for the panic page.
static LANG: AtomicU8 = AtomicU8::new(Lang::En as u8);

/// Records the language shown, so a crash is explained in it.
pub fn set_lang(lang: Lang) {
    LANG.store(lang as u8, Ordering::Relaxed);
}

fn lang() -> Lang {
    Lang::ALL
        .get(usize::from(LANG.load(Ordering::Relaxed)))
        .copied()
        .unwrap_or_default()
}

/// Logs panics to the console (with the stack) and shows the error page.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(lang(), Fatal::Crashed, &info.to_string());
    }));
}

/// Replaces the page below the masthead with `message`, the details (for a
/// bug report, with a copy button) and a reload button.
pub fn show(lang: Lang, message: Fatal, details: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let Some(root) = document
        .get_element_by_id("app")
        .or_else(|| document.body().map(Into::into))
    else {
        return;
    };
    let report = format!(
        "AzSIM {}\n{}\n{}\n{details}",
        env!("CARGO_PKG_VERSION"),
        window.location().href().unwrap_or_default(),
        window.navigator().user_agent().unwrap_or_default(),
    );
    let text = |t| fatal(lang, t);
    let copy = El::new("button")
        .attr("type", "button")
        .attr("data-testid", "copy-details")
        .text(text(Fatal::Copy))
        .into_element();
    let reload = El::new("button")
        .attr("type", "button")
        .text(text(Fatal::Reload))
        .into_element();
    let status = El::new("p")
        .attr("role", "status")
        .attr("data-testid", "copy-status")
        .into_element();
    let section = El::new("section")
        .class("fatal")
        .attr("role", "alert")
        .attr("data-testid", "fatal")
        .attr("lang", lang.code())
        .child(El::new("h2").text(text(Fatal::Title)))
        .child(El::new("p").text(text(message)))
        .child(
            El::new("details")
                .child(El::new("summary").text(text(Fatal::Details)))
                .child(
                    El::new("pre")
                        .attr("data-testid", "fatal-details")
                        .text(&report),
                ),
        )
        .into_element();
    let _ = section.append_child(&copy);
    let _ = section.append_child(&reload);
    let _ = section.append_child(&status);

    let copied = text(Fatal::Copied);
    on_click(&copy, move || {
        if let Some(w) = web_sys::window() {
            let status = status.clone();
            let done = Closure::once(move |_: wasm_bindgen::JsValue| {
                status.set_text_content(Some(copied));
            });
            let _ = w.navigator().clipboard().write_text(&report).then(&done);
            done.forget();
        }
    });
    on_click(&reload, || {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });

    // Keep the static masthead; everything else (the loading shell or the
    // app) gives way to the message.
    let children = root.children();
    for i in (0..children.length()).rev() {
        if let Some(child) = children.item(i) {
            if child.id() != "masthead" {
                child.remove();
            }
        }
    }
    let _ = root.append_child(&section);
}

fn on_click(element: &web_sys::Element, f: impl FnMut() + 'static) {
    let callback = Closure::<dyn FnMut()>::new(f);
    let _ = element.add_event_listener_with_callback("click", callback.as_ref().unchecked_ref());
    callback.forget();
}
