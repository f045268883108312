//! The only code that touches `localStorage`, through gloo-storage and
//! serde. One versioned key holds the [`Document`]; what it means (versions,
//! migration, backups) is decided in `domain::document`. Storage that throws
//! (sandboxed frame, blocked storage, private mode) or is full never panics:
//! the app keeps working in memory and says so. A document that cannot be
//! read is copied to a backup key, byte for byte, before anything is written.
//!
//! The document's JSON is the browser's (`JSON.parse`, `JSON.stringify`),
//! turned into and out of the domain's types by serde-wasm-bindgen: the same
//! text as serde_json's (the on-demand module reads and writes backups with
//! that), for 3.4 KB less brotli'd wasm. Reading and writing it happen in the
//! reminders module (`src/bin/reminders.rs`); the app's module only
//! [`look`](Stored::look)s at what is stored, and reads the saved
//! preferences it needs at start ([`Stored::saved_pref`]) without serde.

use gloo_storage::{LocalStorage, Storage};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::document::{AnyVersion, DecodeError, Document, Versioned};

/// The storage key of the app's document.
pub const KEY: &str = "azsim.v1";
/// Prefix of the keys that keep unreadable documents.
pub const DAMAGED_PREFIX: &str = "azsim.v1.damaged.";
/// The key of the due banner's last height: `"<page width>:<height>px"`,
/// in CSS pixels (see [`banner_height`]). Not part of the document: a hint.
pub const BANNER_KEY: &str = "azsim.banner";

/// Why storage is not doing its job.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// `localStorage` cannot be used at all: changes live in memory only.
    Blocked,
    /// The stored document could not be read; it was kept under this key.
    Damaged { backup_key: String },
    /// The stored document is from a newer AzSIM; it is left untouched and
    /// changes live in memory only.
    TooNew,
    /// The last save failed (storage full): changes live in memory only.
    Full,
}

/// The outcome of loading.
pub struct Loaded {
    pub doc: Document,
    /// False when changes cannot be saved (blocked, too new).
    pub persistent: bool,
    pub problem: Option<Problem>,
}

/// gloo-storage's handle on `localStorage`, if the browser lets this page
/// use it. Reading the property throws in a sandboxed frame or with storage
/// blocked, and gloo-storage turns that into a JS exception: ask first.
fn local() -> Option<web_sys::Storage> {
    let usable = web_sys::window()?.local_storage().ok().flatten().is_some();
    usable.then(LocalStorage::raw)
}

/// The due banner's height (a CSS length) as last shown at the page width
/// `width`: the app keeps the banner's place that tall until the reminders
/// module shows it, so that the picker and the paths below do not move when
/// it does. Reminders leave the banner only when the user acts (which shows
/// it again, and keeps its new height), so the height kept is at most the
/// height to come.
pub fn banner_height(width: i32) -> Option<String> {
    let hint = local()?.get_item(BANNER_KEY).ok()??;
    let (kept_width, height) = hint.split_once(':')?;
    (kept_width == width.to_string()).then(|| height.to_owned())
}

/// Keeps the due banner's `height` at the page width `width` (see
/// [`banner_height`]; none when it is empty), unless it is kept already;
/// quietly not where storage cannot be written (it is only a hint).
pub fn keep_banner_height(width: i32, height: f64) {
    let Some(ls) = local() else {
        return;
    };
    let hint = (height > 0.0).then(|| format!("{width}:{height}px"));
    if ls.get_item(BANNER_KEY).ok().flatten() != hint {
        let _ = match hint {
            Some(hint) => ls.set_item(BANNER_KEY, &hint),
            None => ls.remove_item(BANNER_KEY),
        };
    }
}

/// What `localStorage` holds for the app at start, before it is read.
pub enum Stored {
    /// `localStorage` cannot be used at all.
    Blocked,
    /// Nothing is stored yet.
    Empty,
    /// The document's text, as it is (gloo-storage's `raw`, not
    /// `LocalStorage::get`: a document that does not read must be kept byte
    /// for byte).
    Text(String),
}

impl Stored {
    /// Looks at what is stored, without reading it.
    pub fn look() -> Stored {
        let Some(ls) = local() else {
            return Stored::Blocked;
        };
        match ls.get_item(KEY) {
            Ok(Some(text)) => Stored::Text(text),
            Ok(None) => Stored::Empty,
            Err(_) => Stored::Blocked,
        }
    }

    /// The stored preference `name` (`JSON.parse(…)?.prefs?.[name]`, as the
    /// boot script reads the language), without the reminders module that
    /// reads the document: `undefined` if the text names none.
    pub fn saved_pref(&self, name: &str) -> JsValue {
        let Stored::Text(text) = self else {
            return JsValue::UNDEFINED;
        };
        let prefs = js_sys::JSON::parse(text)
            .and_then(|value| js_sys::Reflect::get(&value, &"prefs".into()))
            .unwrap_or_default();
        if !prefs.is_object() {
            return JsValue::UNDEFINED;
        }
        js_sys::Reflect::get(&prefs, &name.into()).unwrap_or_default()
    }
}

/// Loads the document. Never fails: problems come back as [`Problem`]. An
/// unreadable document is copied to a backup key before anything is written
/// (if even that fails, nothing is written at all); a newer one is left
/// alone.
pub fn load() -> Loaded {
    let fresh = |persistent, problem| Loaded {
        doc: Document::default(),
        persistent,
        problem,
    };
    let raw = match Stored::look() {
        Stored::Blocked => return fresh(false, Some(Problem::Blocked)),
        Stored::Empty => return fresh(true, None),
        Stored::Text(raw) => raw,
    };
    match decode(&raw) {
        Ok(doc) => Loaded {
            doc,
            persistent: true,
            problem: None,
        },
        Err(DecodeError::TooNew(_)) => fresh(false, Some(Problem::TooNew)),
        Err(_) => {
            let Some(ls) = local() else {
                return fresh(false, Some(Problem::Blocked));
            };
            let backup_key = format!("{DAMAGED_PREFIX}{}", js_sys::Date::now() as u64);
            let kept = ls.set_item(&backup_key, &raw).is_ok();
            fresh(kept, Some(Problem::Damaged { backup_key }))
        }
    }
}

/// Saves the document ([`encode`]d, through gloo-storage's handle).
pub fn save(doc: &Document) -> Result<(), Problem> {
    let ls = local().ok_or(Problem::Blocked)?;
    ls.set_item(KEY, &encode(doc)).map_err(|e| {
        let name = e.dyn_into::<js_sys::Error>().map(|e| e.name());
        match name {
            Ok(name) if QUOTA_ERRORS.iter().any(|q| name == *q) => Problem::Full,
            _ => Problem::Blocked,
        }
    })
}

/// A document as stored: one line of JSON, as serde_json writes it (`None`
/// as `null`, fields in the struct's order).
pub fn encode(doc: &Document) -> String {
    doc.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .ok()
        .and_then(|value| js_sys::JSON::stringify(&value).ok())
        .and_then(|text| text.as_string())
        .unwrap_or_default()
}

/// Reads a stored document of any known version (`domain::document` decides
/// what it means): only a JSON object is one (serde's derives would also
/// read a list of the fields), and one that does not read is newer or
/// damaged, as its version says.
pub fn decode(text: &str) -> Result<Document, DecodeError> {
    let value = js_sys::JSON::parse(text).map_err(|_| DecodeError::Damaged)?;
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(DecodeError::Damaged);
    }
    match serde_wasm_bindgen::from_value::<AnyVersion>(value.clone()) {
        Ok(any) => any.migrate(),
        Err(_) => Err(Versioned::verdict(
            serde_wasm_bindgen::from_value(value).ok(),
        )),
    }
}

/// The names a full storage's exception has: the standard one, and older
/// Firefox's.
const QUOTA_ERRORS: [&str; 2] = ["QuotaExceededError", "NS_ERROR_DOM_QUOTA_REACHED"];

/// The text kept under a backup key, for download.
pub fn read_kept(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

/// Calls `f` with the new document when another tab changes it (the
/// `storage` event), once [`decode`]d. A change this tab cannot read is
/// ignored here; it is handled on the next load.
pub fn on_external_change(f: impl Fn(Document) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let closure = Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |e: web_sys::StorageEvent| {
        if e.key().as_deref() != Some(KEY) {
            return;
        }
        let Some(text) = e.new_value() else {
            return f(Document::default());
        };
        if let Ok(doc) = decode(&text) {
            f(doc);
        }
    });
    let _ = window.add_event_listener_with_callback("storage", closure.as_ref().unchecked_ref());
    closure.forget();
}
