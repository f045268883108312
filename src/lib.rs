//! AzSIM: how to renew mobile data on a SIM or eSIM in Azerbaijan.
//!
//! `domain` (the `azsim-domain` crate in `crates/domain`, which knows no
//! browser) and `i18n` are plain Rust, tested natively. The browser app
//! (`ui`, `storage`) is compiled only for wasm32; so are `extras`, the
//! features of the on-demand module (`src/bin/extras.rs`), and `reminders`,
//! the entry points of the reminders module (`src/bin/reminders.rs`).

/// Talc instead of Rust's default wasm allocator (dlmalloc): smaller, faster.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub use azsim_domain as domain;
pub mod i18n;

#[cfg(target_arch = "wasm32")]
pub mod address;
#[cfg(target_arch = "wasm32")]
mod embed;
#[cfg(target_arch = "wasm32")]
pub mod extras;
#[cfg(target_arch = "wasm32")]
mod modules;
#[cfg(target_arch = "wasm32")]
pub(crate) mod packs;
#[cfg(target_arch = "wasm32")]
mod pwa;
#[cfg(target_arch = "wasm32")]
pub use ui::reminders::module as reminders;
#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
mod store;
#[cfg(target_arch = "wasm32")]
mod ui;

/// Installs the panic page, picks the language, loads its pack, then
/// mounts the app (or shows why it cannot).
#[cfg(target_arch = "wasm32")]
pub fn start() {
    ui::fatal::install_panic_hook();
    // The wasm was compiled and instantiated in this task: the app starts in
    // the next one, so that neither blocks the page for long. (The boot
    // script has already asked for the language pack.)
    ui::defer(boot);
}

#[cfg(target_arch = "wasm32")]
fn boot() {
    let params = address::current_params();
    let stored = storage::Stored::look();
    let languages = ui::browser_languages();
    let saved_lang = stored.saved_pref("lang").as_string();
    let lang = domain::Lang::detect(
        params.lang,
        saved_lang.as_deref(),
        languages.iter().map(String::as_str),
    );
    ui::fatal::set_lang(lang);
    wasm_bindgen_futures::spawn_local(async move {
        match packs::load(lang).await {
            // Decoding the pack and mounting are two tasks, so that neither
            // blocks the page for long.
            Ok(pack) => ui::defer(move || {
                mount(ui::Boot {
                    params,
                    stored,
                    lang,
                    pack,
                })
            }),
            Err(details) => ui::fatal::show(lang, i18n::Fatal::NoTexts, &details),
        }
    });
}

/// Removes the static loading shell and mounts the app in `<main id="app">`
/// after the static masthead (which stays, so the first paint is not
/// repainted).
#[cfg(target_arch = "wasm32")]
fn mount(boot: ui::Boot) {
    use wasm_bindgen::JsCast;

    let document = web_sys::window().and_then(|w| w.document());
    if let Some(shell) = document.as_ref().and_then(|d| d.get_element_by_id("shell")) {
        shell.remove();
    }
    let root = document
        .as_ref()
        .and_then(|d| d.get_element_by_id("app"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .map(|main| embed::root_in_frame(main, boot.params.embed));
    let app = move || leptos::view! { <ui::App boot /> };
    match root {
        Some(root) => leptos::mount::mount_to(root, app).forget(),
        None => leptos::mount::mount_to_body(app),
    }
}

/// Panics on purpose, for the test of the panic page (`e2e/faults.spec.mjs`
/// calls it as `window.wasmBindings.debug_panic()`; nothing in the page does).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn debug_panic() {
    panic!("debug_panic: a test asked for a panic");
}
