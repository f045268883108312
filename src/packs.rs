//! Loads language packs (see `i18n`) from the app's own origin. The service
//! worker precaches all four, so switching language works offline too.

use std::future::Future;
use std::pin::Pin;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::domain::evidence::Claim;
use crate::domain::Catalog;
use crate::domain::Lang;
use crate::i18n::{self, Pack, EVIDENCE_FILE, MORE_FILES, PACK_FILES, VALIDITY_FILES};

/// `lang`'s pack: installed already, or fetched and installed now. The
/// error is a line for the details of the error page.
pub async fn load(lang: Lang) -> Result<&'static Pack, String> {
    let url = PACK_FILES[lang as usize];
    match i18n::pack(lang) {
        Some(pack) => Ok(pack),
        None => i18n::install(lang, &fetch(url).await?).map_err(|e| named(url, e)),
    }
}

/// `lang`'s second part (sources, advice, facts):
/// installed already, or fetched and installed now.
pub async fn load_more(lang: Lang) -> Result<&'static Catalog, String> {
    let url = MORE_FILES[lang as usize];
    match i18n::more(lang) {
        Some(more) => Ok(more),
        None => i18n::install_more(lang, &fetch(url).await?).map_err(|e| named(url, e)),
    }
}

/// `lang`'s validity rules (for the calculator's answer): installed already,
/// or fetched and installed now.
pub async fn load_validity(lang: Lang) -> Result<&'static Catalog, String> {
    let url = VALIDITY_FILES[lang as usize];
    match i18n::validity(lang) {
        Some(rules) => Ok(rules),
        None => i18n::install_validity(lang, &fetch(url).await?).map_err(|e| named(url, e)),
    }
}

/// `lang`'s two parts, the second one's request sent at once rather than
/// after the first is installed: for the reminders module, which needs both
/// as it starts (the browser has them: the app fetched them).
pub async fn load_both(lang: Lang) -> Result<(&'static Pack, &'static Catalog), String> {
    let url = MORE_FILES[lang as usize];
    let more = i18n::more(lang).is_none().then(|| fetch(url));
    let pack = load(lang).await?;
    let more = match more {
        Some(bytes) => i18n::install_more(lang, &bytes.await?).map_err(|e| named(url, e))?,
        None => load_more(lang).await?,
    };
    Ok((pack, more))
}

/// The quoted claims (the same in every language): installed already, or
/// fetched and installed now.
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

/// The bytes of a file of the app's own origin, requested now; the error is
/// a line for a user or a log, naming the file. Boxed: the loaders share one
/// copy of its code in the wasm.
fn fetch(url: &'static str) -> Pin<Box<dyn Future<Output = Result<Vec<u8>, String>>>> {
    let request = web_sys::window().map(|w| w.fetch_with_str(url));
    Box::pin(async move {
        fetch_bytes(request)
            .await
            .map_err(|e| format!("{url}: {e}"))
    })
}

/// The bytes `request` (a `fetch`, sent) answers with.
async fn fetch_bytes(request: Option<js_sys::Promise>) -> Result<Vec<u8>, String> {
    // A JavaScript error's message, without its stack.
    let describe = |e: wasm_bindgen::JsValue| match e.dyn_ref::<js_sys::Error>() {
        Some(error) => String::from(error.message()),
        None => String::from("the request failed"),
    };
    let response: web_sys::Response = JsFuture::from(request.ok_or("no window")?)
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
