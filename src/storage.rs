//! The only code that touches `localStorage`. One versioned key holds the
//! app's document; storage that throws (sandboxed frame, blocked storage,
//! private mode) is treated as absent, never as a panic.

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

/// The storage key of the app's document.
pub const KEY: &str = "azsim.v1";

/// Saved preferences.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Prefs {
    /// The language the user chose in the switcher (`zh`, `en`, `az`, `ru`).
    pub lang: Option<String>,
}

/// The stored document, versioned for migrations.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Document {
    pub version: u32,
    pub prefs: Prefs,
}

impl Default for Document {
    fn default() -> Self {
        Document {
            version: 1,
            prefs: Prefs::default(),
        }
    }
}

/// True when `localStorage` can be reached. gloo-storage panics when the
/// accessor throws, so this probes through web-sys first.
pub fn available() -> bool {
    web_sys::window().is_some_and(|w| matches!(w.local_storage(), Ok(Some(_))))
}

/// Loads the document; absent, unreadable or blocked storage gives the default.
pub fn load() -> Document {
    if !available() {
        return Document::default();
    }
    LocalStorage::get(KEY).unwrap_or_default()
}

/// Saves the chosen language. Returns false when storage is blocked or full,
/// or when the stored document cannot be read (it is then left untouched).
pub fn save_lang(code: &str) -> bool {
    if !available() {
        return false;
    }
    let mut doc = match LocalStorage::get::<Document>(KEY) {
        Ok(doc) => doc,
        Err(StorageError::KeyNotFound(_)) => Document::default(),
        Err(_) => return false,
    };
    doc.prefs.lang = Some(code.to_owned());
    LocalStorage::set(KEY, &doc).is_ok()
}
