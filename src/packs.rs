//! Loads language packs (see `i18n`) from the app's own origin. The service
//! worker precaches all four, so switching language works offline too.

use std::future::Future;
use std::pin::Pin;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::domain::evidence::Claim;
use crate::domain::Catalog;
use crate::domain::Lang;
use crate::i18n::{self, Pack, EVIDENCE_FILE, MORE_FILES, PACK_FILES};

/// `lang`'s pack: installed already, or fetched and installed now. The
/// error is a line for the details of the error page.
pub async fn load(lang: Lang) -> Result<&'static Pack, String> {
    let url = PACK_FILES[lang as usize];
    match i18n::pack(lang) {
        Some(pack) => Ok(pack),
        None => i18n::install(lang, &fetch(url).await?).map_err(|e| named(url, e)),
    }
}

/// `lang`'s second part (sources, advice, validity rules, facts):
/// installed already, or fetched and installed now.
pub async fn load_more(lang: Lang) -> Result<&'static Catalog, String> {
    let url = MORE_FILES[lang as usize];
    match i18n::more(lang) {
        Some(more) => Ok(more),
        None => i18n::install_more(lang, &fetch(url).await?).map_err(|e| named(url, e)),
    }
}

/// The catalog's evidence (the same in every language): installed already,
/// or fetched and installed now.
pub async fn load_evidence() -> Result<&'static [Claim], String> {
    match i18n::evidence() {
        Some(claims) => Ok(claims),
        None => i18n::install_evidence(&fetch(EVIDENCE_FILE).await?)
            .map_err(|e| named(EVIDENCE_FILE, e)),
    }
}

/// Why the file at `url` cannot be used, naming it.
fn named(url: &str, e: i18n::PackError) -> String {
    format!("{url}: {}", e.0)
}

/// The bytes of a file of the app's own origin; the error is a line for a
/// user or a log, naming the file. Boxed: the three loaders share one copy
/// of its code in the wasm.
fn fetch(url: &'static str) -> Pin<Box<dyn Future<Output = Result<Vec<u8>, String>>>> {
    Box::pin(async move { fetch_bytes(url).await.map_err(|e| format!("{url}: {e}")) })
}

/// The bytes of a file of the app's own origin.
async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    // A JavaScript error's message, without its stack.
    let describe = |e: wasm_bindgen::JsValue| match e.dyn_ref::<js_sys::Error>() {
        Some(error) => String::from(error.message()),
        None => String::from("the request failed"),
    };
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(describe)?
        .dyn_into()
        .map_err(describe)?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(describe)?)
        .await
        .map_err(describe)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
