//! Plain-Rust domain core: the catalog model and its validation, the ranking
//! engine and the picker's URL vocabulary. Nothing here knows about the
//! browser, so all of it is tested natively with `cargo test`.

mod builtin;
pub mod catalog;
pub mod lang;
pub mod params;
pub mod recommend;

pub use catalog::{Catalog, CatalogError};
pub use lang::{Lang, Text};
pub use params::{AppParams, Query};
pub use recommend::{rank, Recommendation};
