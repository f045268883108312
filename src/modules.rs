//! The app's other wasm modules (the on-demand module, `src/bin/extras.rs`,
//! and the reminders module, `src/bin/reminders.rs`), each loaded on its
//! first use by a loader the boot script defines (scripts/post-build.mjs,
//! `hashModule`): `azsimExtras()`, `azsimReminders()`.

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::closure::Closure;
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

/// Calls the export `name` of `module` (a module's exports) with `args`,
/// returning what it returns (`None` if there is no such export, or it
/// threw).
pub fn apply(module: &JsValue, name: &str, args: &Array) -> Option<JsValue> {
    Reflect::get(module, &name.into())
        .ok()?
        .dyn_into::<Function>()
        .ok()?
        .apply(&JsValue::NULL, args)
        .ok()
}

/// Calls the export `name` with `args` once `loading` (a module's promise)
/// has its exports.
pub fn call_when_loaded(loading: &Promise, name: &'static str, args: Array) {
    let run = Closure::once(move |module: JsValue| {
        apply(&module, name, &args);
    });
    let _ = loading.then(&run);
    run.forget();
}
