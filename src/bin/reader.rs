//! The document reader: the third wasm module, which reads the stored
//! document's JSON (and a backup's, once the on-demand module has checked
//! it) for the app. Reading JSON into the document's types weighed 10.5 KB
//! of the app's brotli'd wasm, which a first visit, with nothing stored,
//! never needs: so it is not on the critical path. Trunk builds it beside the
//! app's module (`<link data-trunk rel="rust" data-bin="reader"
//! data-type="worker">` in index.html: built, not loaded);
//! scripts/post-build.mjs gives it a hashed name and the boot script a
//! loader, `azsimReader()`, which `storage::read` calls.

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::wasm_bindgen;

    /// The document `text` holds, as `storage::decode` reads it, handed
    /// over to the app (`storage::hand_over`); else why not
    /// (`DecodeError::name`).
    #[wasm_bindgen]
    pub fn read_document(text: String) -> Result<Vec<u8>, String> {
        let doc = azsim::storage::decode(&text).map_err(|e| e.name().to_owned())?;
        Ok(azsim::storage::hand_over(doc))
    }
}

fn main() {}
