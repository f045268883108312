//! Files in and out: downloads (calendar, backup, unreadable data) and
//! reading a chosen file.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Offers `text` as a download named `name`.
pub fn download(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let anchor = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    if let Some(a) = anchor {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// The bytes of the first file chosen in `input`, if its size is at most
/// `max` (larger files are not read: `Err(size)`).
pub async fn read_chosen(
    input: &web_sys::HtmlInputElement,
    max: usize,
) -> Option<Result<Vec<u8>, f64>> {
    let file = input.files()?.get(0)?;
    if file.size() > max as f64 {
        return Some(Err(file.size()));
    }
    let buffer = JsFuture::from(file.array_buffer()).await.ok()?;
    Some(Ok(js_sys::Uint8Array::new(&buffer).to_vec()))
}
