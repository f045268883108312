//! The features the app loads when first used, in a second wasm module
//! (`src/bin/extras.rs`, built by Trunk beside the app's and precached by
//! the service worker): the card to show the clerk, sharing, the copy box,
//! the calculators' answers, the sources' quotes, reminders' files in and
//! out. Plain web-sys, no Leptos: their own strings are compiled in
//! (`i18n::extra`); the calculators and the quotes read the packs, which
//! the browser has cached. The app's binary never links this module; it calls
//! it through `ui::extras`, which loads the module on the first tap and
//! answers that tap once it is there.

pub mod clerk;
pub mod copy_box;
pub mod files;
pub mod share;
pub mod tools;
pub mod transfer;

/// The sources' quotes, shown in a source list's quotes box.
pub use crate::ui::sources::fetch_quotes;
