//! Browser glue tested in headless Chromium with wasm-bindgen-test:
//! `cargo test --target wasm32-unknown-unknown --test browser`.
#![cfg(target_arch = "wasm32")]

use azsim::storage::{self, Document, KEY};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage in the test browser")
}

#[wasm_bindgen_test]
fn language_choice_round_trips_through_local_storage() {
    let ls = local_storage();
    ls.clear().expect("clear");
    assert!(storage::available());
    assert_eq!(storage::load(), Document::default());
    assert!(storage::save_lang("az"));
    assert_eq!(storage::load().prefs.lang.as_deref(), Some("az"));
    let raw = ls.get_item(KEY).expect("read").expect("written");
    assert!(raw.contains("\"version\":1"), "{raw}");
}

#[wasm_bindgen_test]
fn unreadable_document_is_never_overwritten() {
    let ls = local_storage();
    ls.set_item(KEY, "{not json").expect("write");
    assert_eq!(storage::load(), Document::default());
    assert!(!storage::save_lang("ru"), "must refuse to overwrite");
    assert_eq!(
        ls.get_item(KEY).expect("read").as_deref(),
        Some("{not json")
    );
    ls.clear().expect("clear");
}
