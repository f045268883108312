//! Helpers shared by the catalog tests.
// Each test file uses some of these helpers, not all.
#![allow(dead_code)]

use azsim_domain::catalog::EMBEDDED_FILES;
use azsim_domain::{Catalog, CatalogError};
use serde_json::Value;

/// The shipped catalog (all four languages), as `data/` holds it.
pub fn shipped() -> Catalog {
    match Catalog::from_files(&EMBEDDED_FILES) {
        Ok(c) => c,
        Err(errors) => {
            let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
            panic!(
                "the shipped catalog is broken:
{}",
                list.join("\n")
            );
        }
    }
}

/// Loads the shipped catalog with one file changed by `edit`, expecting errors.
pub fn errors_after(file: &str, edit: impl FnOnce(&mut Value)) -> Vec<CatalogError> {
    let mut texts: Vec<(String, String)> = EMBEDDED_FILES
        .iter()
        .map(|(p, t)| (p.to_string(), t.to_string()))
        .collect();
    let slot = texts
        .iter_mut()
        .find(|(p, _)| p == file)
        .expect("known file");
    let mut value: Value = serde_json::from_str(&slot.1).expect("shipped file is JSON");
    edit(&mut value);
    slot.1 = value.to_string();
    let files: [(&str, &str); 6] =
        std::array::from_fn(|i| (texts[i].0.as_str(), texts[i].1.as_str()));
    match Catalog::from_files(&files) {
        Ok(_) => panic!("the broken catalog was accepted"),
        Err(e) => e,
    }
}

/// Asserts that one of the errors contains `expected`.
pub fn assert_one(errors: &[CatalogError], expected: &str) {
    let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(
        shown.iter().any(|e| e.contains(expected)),
        "expected an error containing {expected:?}, got:\n{}",
        shown.join("\n")
    );
}
