//! The catalog compiled into the app. `build.rs` parses and validates
//! `data/*.json` and stores the result in postcard's compact binary form, so
//! the app needs no JSON parser for it and starts without a fetch.

use super::catalog::{Catalog, CatalogError, FILES};

static CATALOG: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/catalog.postcard"));

impl Catalog {
    /// Decodes the built-in catalog and validates it again, so a damaged
    /// build is reported, never a panic.
    pub fn embedded() -> Result<Catalog, Vec<CatalogError>> {
        let catalog: Catalog = postcard::from_bytes(CATALOG).map_err(|e| {
            vec![CatalogError {
                file: FILES.join(", "),
                entry: "built-in catalog".into(),
                message: e.to_string(),
            }]
        })?;
        catalog.validate()?;
        Ok(catalog)
    }
}
