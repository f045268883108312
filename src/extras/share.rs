//! "Share" on a path: the browser's share sheet (Web Share API) where it has
//! one, else the link copied with the copy box. The link is the full app's
//! address with the page's choices, also from an embedded frame (the host
//! page's address would not open AzSIM).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;
use web_sys::Element;

use super::copy_box::copy_beside;
use crate::domain::Lang;
use crate::i18n::Extra;
use crate::ui::full_app_path;

/// The full app's address with the choices in `location` (embed mode off).
fn full_app_url(location: &web_sys::Location) -> String {
    let params = crate::address::params_of(&location.search().unwrap_or_default());
    let origin = location.origin().unwrap_or_default();
    format!("{origin}{}", full_app_path(params))
}

/// What the copy box says when the link is copied instead.
const COPY_BOX: [Extra; 2] = [Extra::ShareCopied, Extra::ShareCopyByHand];

/// Shares the page's choices from `button`; a browser without a share sheet,
/// or one that refuses it (a frame the host did not allow to share), gets the
/// link copied instead (the copy box speaks `lang`). A sheet the user closes
/// is the end of it.
pub fn share(button: &Element, lang: Lang) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let url = full_app_url(&window.location());
    let url = url.as_str();
    let navigator = window.navigator();
    if !js_sys::Reflect::has(&navigator, &"share".into()).unwrap_or(false) {
        copy_beside(button, lang, url, COPY_BOX);
        return;
    }
    let data = web_sys::ShareData::new();
    data.set_title("AzSIM");
    data.set_url(url);
    let (button, url) = (button.clone(), url.to_owned());
    let refused = Closure::once(move |err: JsValue| {
        let name = js_sys::Reflect::get(&err, &"name".into())
            .ok()
            .and_then(|n| n.as_string());
        if name.as_deref() != Some("AbortError") {
            copy_beside(&button, lang, &url, COPY_BOX);
        }
    });
    let _ = navigator.share_with_data(&data).catch(&refused);
    refused.forget();
}
