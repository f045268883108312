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

/// Validates the built-in catalog, replaces the static loading shell and
/// mounts the app on `<body>`.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    console_error_panic_hook::set_once();
    let catalog = domain::Catalog::embedded().map(|c| &*Box::leak(Box::new(c)));
    if let Some(shell) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("shell"))
    {
        shell.remove();
    }
    leptos::mount::mount_to_body(move || leptos::view! { <ui::App catalog /> });
}
