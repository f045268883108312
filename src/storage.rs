//! The only code that touches `localStorage`, through gloo-storage and
//! serde. One versioned key holds the [`Document`]; what it means (versions,
//! migration, backups) is decided in `domain::document`. Storage that throws
//! (sandboxed frame, blocked storage, private mode) or is full never panics:
//! the app keeps working in memory and says so. A document that cannot be
//! read is copied to a backup key, byte for byte, before anything is written.

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::document::{DecodeError, Document};

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

/// gloo-storage's handle on `localStorage`, if the browser lets this page
/// use it. Reading the property throws in a sandboxed frame or with storage
/// blocked, and gloo-storage turns that into a JS exception: ask first.
fn local() -> Option<web_sys::Storage> {
    let usable = web_sys::window()?.local_storage().ok().flatten().is_some();
    usable.then(LocalStorage::raw)
}

/// Loads the document. Never fails: problems come back as [`Problem`].
///
/// The text is read as it is (gloo-storage's `raw`), not through
/// `LocalStorage::get`: a document that does not read must be kept byte for
/// byte, and only a JSON object is a document (serde's derives would also
/// read a list of the fields). `Document::decode` reads it with serde_json.
pub fn load() -> Loaded {
    let fresh = |persistent, problem| Loaded {
        doc: Document::default(),
        persistent,
        problem,
    };
    let Some(ls) = local() else {
        return fresh(false, Some(Problem::Blocked));
    };
    let raw = match ls.get_item(KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => return fresh(true, None),
        Err(_) => return fresh(false, Some(Problem::Blocked)),
    };
    match Document::decode(&raw) {
        Ok(doc) => Loaded {
            doc,
            persistent: true,
            problem: None,
        },
        Err(DecodeError::TooNew(_)) => fresh(false, Some(Problem::TooNew)),
        Err(_) => {
            let backup_key = format!("{DAMAGED_PREFIX}{}", js_sys::Date::now() as u64);
            // Keep the unreadable text before anything overwrites it; if even
            // that fails, do not write at all.
            let kept = ls.set_item(&backup_key, &raw).is_ok();
            fresh(kept, Some(Problem::Damaged { backup_key }))
        }
    }
}

/// Saves the document (serde_json, through gloo-storage).
pub fn save(doc: &Document) -> Result<(), Problem> {
    local().ok_or(Problem::Blocked)?;
    LocalStorage::set(KEY, doc).map_err(|e| match e {
        StorageError::JsError(e) if QUOTA_ERRORS.contains(&e.name.as_str()) => Problem::Full,
        _ => Problem::Blocked,
    })
}

/// The names a full storage's exception has: the standard one, and older
/// Firefox's.
const QUOTA_ERRORS: [&str; 2] = ["QuotaExceededError", "NS_ERROR_DOM_QUOTA_REACHED"];

/// The text kept under a backup key, for download.
pub fn read_kept(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

/// Calls `f` with the new document when another tab changes it (the
/// `storage` event). A change this tab cannot read is ignored here; it is
/// handled on the next load.
pub fn on_external_change(f: impl Fn(Document) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let closure = Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |e: web_sys::StorageEvent| {
        if e.key().as_deref() != Some(KEY) {
            return;
        }
        let doc = match e.new_value() {
            Some(raw) => Document::decode(&raw).ok(),
            None => Some(Document::default()),
        };
        if let Some(doc) = doc {
            f(doc);
        }
    });
    let _ = window.add_event_listener_with_callback("storage", closure.as_ref().unchecked_ref());
    closure.forget();
}
