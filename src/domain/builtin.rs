//! The catalog compiled into the app. `build.rs` parses and validates
//! `data/*.json` (the build fails on any problem, naming file and entry) and
//! stores the result in postcard's compact binary form, so the app needs no
//! JSON parser for it and starts without a fetch.

use super::catalog::{Catalog, CatalogError, FILES};

/// The encoded catalog, as `build.rs` wrote it.
pub static CATALOG_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/catalog.postcard"));

impl Catalog {
    /// The built-in catalog.
    pub fn embedded() -> Result<Catalog, Vec<CatalogError>> {
        Catalog::decode(CATALOG_BYTES)
    }

    /// Decodes an encoded catalog. Its content was validated before it was
    /// encoded, so only damaged bytes can fail here; they are reported as an
    /// error the app shows, never a panic. (Re-running the full validation in
    /// the browser would cost about 6 KB of compressed wasm for no new check.)
    pub fn decode(bytes: &[u8]) -> Result<Catalog, Vec<CatalogError>> {
        postcard::from_bytes(bytes).map_err(|e| {
            vec![CatalogError {
                file: FILES.join(", "),
                entry: "built-in catalog".into(),
                message: e.to_string(),
            }]
        })
    }
}
