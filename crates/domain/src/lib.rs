//! Plain-Rust domain core: the catalog model and its validation, the ranking
//! engine and the picker's URL vocabulary. Nothing here knows about the
//! browser, so all of it is tested natively with `cargo test`.

#![warn(missing_docs)]

pub mod catalog;
pub mod date;
pub mod date_text;
pub mod document;
pub mod evidence;
pub mod ics;
pub mod lang;
pub mod order;
pub mod params;
pub mod planner;
pub mod recommend;
pub mod reminders;
pub mod typography;
pub mod validity;

pub use catalog::{Catalog, CatalogError};
pub use lang::{Lang, Text};
pub use params::{AppParams, Query};
pub use recommend::{rank, Recommendation};
