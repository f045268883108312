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
//! that), for 3.4 KB less brotli'd wasm on the critical path. Reading it
//! ([`decode`]) happens in a module of its own, the document reader
//! (`src/bin/reader.rs`), loaded only when there is something to read: the
//! app's module writes the document but never links its reader (10.5 KB
//! of brotli'd wasm off the critical path).

use gloo_storage::{LocalStorage, Storage};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::document::{AnyVersion, ClerkInput, DecodeError, Document, Prefs, Versioned};
use crate::domain::reminders::Reminder;

/// The storage key of the app's document.
pub const KEY: &str = "azsim.v1";
/// Prefix of the keys that keep unreadable documents.
pub const DAMAGED_PREFIX: &str = "azsim.v1.damaged.";

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

impl Loaded {
    /// An empty document.
    fn fresh(persistent: bool, problem: Option<Problem>) -> Loaded {
        Loaded {
            doc: Document::default(),
            persistent,
            problem,
        }
    }
}

/// gloo-storage's handle on `localStorage`, if the browser lets this page
/// use it. Reading the property throws in a sandboxed frame or with storage
/// blocked, and gloo-storage turns that into a JS exception: ask first.
fn local() -> Option<web_sys::Storage> {
    let usable = web_sys::window()?.local_storage().ok().flatten().is_some();
    usable.then(LocalStorage::raw)
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

    /// The language the stored preferences name, if the text says one, read
    /// as the boot script reads it (`JSON.parse(…)?.prefs?.lang`), without
    /// the document reader.
    pub fn saved_lang(&self) -> Option<String> {
        let Stored::Text(text) = self else {
            return None;
        };
        let value = js_sys::JSON::parse(text).ok()?;
        let prefs = js_sys::Reflect::get(&value, &"prefs".into()).ok()?;
        if !prefs.is_object() {
            return None;
        }
        js_sys::Reflect::get(&prefs, &"lang".into())
            .ok()?
            .as_string()
    }

    /// What loading gives when there is nothing to read; else the text to
    /// read (with [`read`], then [`settle`]).
    pub fn unread(self) -> Result<Loaded, String> {
        match self {
            Stored::Blocked => Ok(Loaded::fresh(false, Some(Problem::Blocked))),
            Stored::Empty => Ok(Loaded::fresh(true, None)),
            Stored::Text(text) => Err(text),
        }
    }
}

/// What [`read`] says when the document reader cannot be loaded (offline
/// before the service worker had it).
pub const UNAVAILABLE: &str = "unavailable";

/// Reads `text`, a stored document or a backup the on-demand module
/// checked, in the document reader (`src/bin/reader.rs`, loaded on the
/// first call): as [`decode`] reads it, handed over in postcard. The error
/// is `DecodeError::name`, or [`UNAVAILABLE`].
pub async fn read(text: &str) -> Result<Document, String> {
    let Some(loading) = crate::modules::load("azsimReader") else {
        return Err(UNAVAILABLE.into());
    };
    let module = wasm_bindgen_futures::JsFuture::from(loading)
        .await
        .map_err(|_| UNAVAILABLE.to_owned())?;
    let read_document = js_sys::Reflect::get(&module, &"read_document".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or(UNAVAILABLE)?;
    let damaged = || DecodeError::Damaged.name().to_owned();
    match read_document.call1(&JsValue::NULL, &JsValue::from_str(text)) {
        Ok(bytes) => take_over(&js_sys::Uint8Array::new(&bytes).to_vec()).ok_or_else(damaged),
        Err(why) => Err(why.as_string().unwrap_or_else(damaged)),
    }
}

/// The document as the reader hands it to the app: its fields, in order, in
/// postcard (the document's own derive leaves out an absent clerk input,
/// which a format without field names cannot read back).
type Handed = (u32, Option<String>, bool, Option<ClerkInput>, Vec<Reminder>);

/// `doc` as the reader hands it over (see [`take_over`]).
pub fn hand_over(doc: Document) -> Vec<u8> {
    let Document {
        version,
        prefs,
        reminders,
    } = doc;
    let handed: Handed = (version, prefs.lang, prefs.notify, prefs.clerk, reminders);
    postcard::to_allocvec(&handed).unwrap_or_default()
}

/// The document [`hand_over`] wrote, if `bytes` are that.
pub fn take_over(bytes: &[u8]) -> Option<Document> {
    let (version, lang, notify, clerk, reminders): Handed = postcard::from_bytes(bytes).ok()?;
    Some(Document {
        version,
        prefs: Prefs {
            lang,
            notify,
            clerk,
        },
        reminders,
    })
}

/// What loading found: the document [`read`] made of the stored `text`, or
/// why not. An unreadable document is copied to a backup key before
/// anything is written (if even that fails, nothing is written at all); a
/// newer one is left alone; and without the reader nothing is written.
pub fn settle(text: &str, read: Result<Document, String>) -> Loaded {
    let why = match read {
        Ok(doc) => {
            return Loaded {
                doc,
                persistent: true,
                problem: None,
            }
        }
        Err(why) => why,
    };
    if why == DecodeError::TooNew(0).name() {
        return Loaded::fresh(false, Some(Problem::TooNew));
    }
    let ls = match local() {
        Some(ls) if why != UNAVAILABLE => ls,
        _ => return Loaded::fresh(false, Some(Problem::Blocked)),
    };
    let backup_key = format!("{DAMAGED_PREFIX}{}", js_sys::Date::now() as u64);
    let kept = ls.set_item(&backup_key, text).is_ok();
    Loaded::fresh(kept, Some(Problem::Damaged { backup_key }))
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
/// what it means), in the document reader (see [`read`]): only a JSON
/// object is one (serde's derives would also read a list of the fields), and
/// one that does not read is newer or damaged, as its version says.
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
/// `storage` event), once [`read`]. A change this tab cannot read is
/// ignored here; it is handled on the next load.
pub fn on_external_change(f: impl Fn(Document) + Copy + 'static) {
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
        wasm_bindgen_futures::spawn_local(async move {
            if let Ok(doc) = read(&text).await {
                f(doc);
            }
        });
    });
    let _ = window.add_event_listener_with_callback("storage", closure.as_ref().unchecked_ref());
    closure.forget();
}
