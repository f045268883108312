//! Loads language packs (see `i18n`) from the app's own origin. The service
//! worker precaches all four, so switching language works offline too.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::domain::Catalog;
use crate::domain::Lang;
use crate::i18n::{self, Pack, MORE_FILES, PACK_FILES};

/// `lang`'s pack: installed already, or fetched and installed now. The
/// error is a line for the details of the error page.
pub async fn load(lang: Lang) -> Result<&'static Pack, String> {
    match i18n::pack(lang) {
        Some(pack) => Ok(pack),
        None => fetch_and(PACK_FILES[lang as usize], |b| i18n::install(lang, b)).await,
    }
}

/// `lang`'s second part (sources, evidence, advice, validity rules, facts):
/// installed already, or fetched and installed now.
pub async fn load_more(lang: Lang) -> Result<&'static Catalog, String> {
    match i18n::more(lang) {
        Some(more) => Ok(more),
        None => fetch_and(MORE_FILES[lang as usize], |b| i18n::install_more(lang, b)).await,
    }
}

/// Fetches `url` and installs its bytes; the error names the file.
async fn fetch_and<T>(
    url: &str,
    install: impl FnOnce(&[u8]) -> Result<T, i18n::PackError>,
) -> Result<T, String> {
    let bytes = fetch(url).await.map_err(|e| format!("{url}: {e}"))?;
    install(&bytes).map_err(|e| format!("{url}: {}", e.0))
}

/// The bytes of a file of the app's own origin; the error is a line for a
/// user or a log.
async fn fetch(url: &str) -> Result<Vec<u8>, String> {
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
