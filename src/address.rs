//! The page's address: the app's parameters read from it and written into
//! it with the browser's own `URLSearchParams`, which follows the same
//! `application/x-www-form-urlencoded` rules as the domain's
//! `AppParams::parse` and `AppParams::to_search` (the form_urlencoded crate,
//! which the native tests use): the wasm then carries no decoder or encoder
//! of its own. A browser test checks that both read and write alike.

use crate::domain::AppParams;

/// The page's query string (`?…`, or empty).
fn current_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The app's parameters in the page's address.
pub fn current_params() -> AppParams {
    params_of(&current_search())
}

/// The app's parameters in `search` (a query string, with or without `?`),
/// as `AppParams::parse` reads them.
pub fn params_of(search: &str) -> AppParams {
    let Ok(found) = web_sys::UrlSearchParams::new_with_str(search) else {
        return AppParams::default();
    };
    // `get` gives a name's first value: the one `AppParams` keeps.
    AppParams::from_pairs(
        AppParams::NAMES
            .into_iter()
            .filter_map(|name| Some((name, found.get(name)?))),
    )
}

/// The query string of `params` (with `?`, or empty), as
/// `AppParams::to_search` writes it.
pub fn search_of(params: &AppParams) -> String {
    let Ok(out) = web_sys::UrlSearchParams::new() else {
        return String::new();
    };
    for (name, value) in params.pairs() {
        out.append(name, value);
    }
    let text = String::from(out.to_string());
    if text.is_empty() {
        text
    } else {
        format!("?{text}")
    }
}
