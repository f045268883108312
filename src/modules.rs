//! The app's other wasm modules (the on-demand module, `src/bin/extras.rs`,
//! and the document reader, `src/bin/reader.rs`), each loaded on its first
//! use by a loader the boot script defines (scripts/post-build.mjs,
//! `hashModule`): `azsimExtras()`, `azsimReader()`.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// The module that the boot script's `loader` loads, as a promise: the
/// same promise on every call once loaded; a failed load is tried again on
/// the next call. `None` where the page has no such loader.
pub fn load(loader: &str) -> Option<Promise> {
    Reflect::get(&js_sys::global(), &loader.into())
        .ok()?
        .dyn_into::<Function>()
        .ok()?
        .call0(&JsValue::NULL)
        .ok()?
        .dyn_into::<Promise>()
        .ok()
}
