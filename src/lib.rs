//! AzSIM: how to renew mobile data on a SIM or eSIM in Azerbaijan.
//!
//! `domain` and `i18n` are plain Rust, tested natively. The browser app
//! (`ui`, `storage`) is compiled only for wasm32.

pub mod domain;
pub mod i18n;

#[cfg(target_arch = "wasm32")]
mod embed;
#[cfg(target_arch = "wasm32")]
mod pwa;
#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
mod ui;

/// Decodes the built-in catalog, removes the static loading shell and mounts
/// the app in `<main id="app">` after the static masthead (which stays, so the
/// first paint is not repainted).
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use wasm_bindgen::JsCast;

    console_error_panic_hook::set_once();
    let catalog = domain::Catalog::embedded().map(|c| &*Box::leak(Box::new(c)));
    let document = web_sys::window().and_then(|w| w.document());
    if let Some(shell) = document.as_ref().and_then(|d| d.get_element_by_id("shell")) {
        shell.remove();
    }
    let mut root = document
        .as_ref()
        .and_then(|d| d.get_element_by_id("app"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    // Inside a host page's frame, the widget must not add a second `<main>`
    // landmark to the page (axe: landmark-unique); opened on its own, it keeps it.
    if let (Some(main), Some(d)) = (&root, &document) {
        if in_host_frame() {
            if let Some(div) = d
                .create_element("div")
                .ok()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                div.set_id("app");
                div.set_class_name(&main.class_name());
                while let Some(child) = main.first_child() {
                    let _ = div.append_child(&child);
                }
                let _ = main.replace_with_with_node_1(&div);
                root = Some(div);
            }
        }
    }
    let app = move || leptos::view! { <ui::App catalog /> };
    match root {
        Some(root) => leptos::mount::mount_to(root, app).forget(),
        None => leptos::mount::mount_to_body(app),
    }
}

/// True in embed mode inside another page's frame.
#[cfg(target_arch = "wasm32")]
fn in_host_frame() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let search = window.location().search().unwrap_or_default();
    let framed = window.top().ok().flatten().is_some_and(|top| top != window);
    framed && domain::AppParams::parse(&search).embed
}
