//! The second wasm module: what the app loads when first used (see
//! `azsim::extras`). Trunk builds it beside the app's module
//! (`<link data-trunk rel="rust" data-bin="extras" data-type="worker">` in
//! index.html: built, not loaded); scripts/post-build.mjs gives it a hashed
//! name and the boot script a loader, `azsimExtras()`, which `ui::extras`
//! calls. Its strings are compiled into it (`i18n::extra`); the app passes
//! the language.

#[cfg(target_arch = "wasm32")]
mod exports {
    use azsim::domain::Lang;
    use azsim::extras::clerk::{self, Request};
    use azsim::extras::{files, transfer};
    use wasm_bindgen::prelude::wasm_bindgen;
    use web_sys::Element;

    /// The language of `code` (the app's), English if it is not one.
    fn lang(code: &str) -> Lang {
        Lang::from_code(code).unwrap_or(Lang::En)
    }

    /// "Report a mistake" on `button`'s card (see `report`).
    #[wasm_bindgen]
    pub fn report(button: Element, entry: String, lang_code: String, contact: String) {
        azsim::extras::copy_box::report(&button, &entry, lang(&lang_code), &contact);
    }

    /// Shares the page's choices from `button`, or copies the link (see
    /// `share`).
    #[wasm_bindgen]
    pub fn share(button: Element, lang_code: String) {
        azsim::extras::share::share(&button, lang(&lang_code));
    }

    /// Works out and shows the answer of the calculator `form` (see
    /// `extras::tools`).
    #[wasm_bindgen]
    pub fn tool(form: Element, lang_code: String) {
        wasm_bindgen_futures::spawn_local(azsim::extras::tools::answer(form, lang(&lang_code)));
    }

    /// Shows the quotes of the source list whose quotes box is `body`;
    /// false if they cannot be read (see `sources::fetch_quotes`).
    #[wasm_bindgen]
    pub async fn quotes(body: Element, lang_code: String) -> bool {
        azsim::extras::fetch_quotes(&body, lang(&lang_code)).await
    }

    /// The reminders of `stored` (the app's document) as a calendar file:
    /// the one whose id is `only`, or all (see `transfer::calendar`).
    #[wasm_bindgen]
    pub fn calendar(stored: String, only: Option<String>) {
        transfer::calendar(&stored, only.as_deref());
    }

    /// `stored` (the app's document) as a backup file, downloaded.
    #[wasm_bindgen]
    pub fn backup(stored: String) {
        transfer::backup(&stored);
    }

    /// Reads the backup chosen in `input` (see `transfer::read_backup`).
    #[wasm_bindgen]
    pub fn read_backup(input: web_sys::HtmlInputElement, on_read: js_sys::Function) {
        wasm_bindgen_futures::spawn_local(transfer::read_backup(input, on_read));
    }

    /// Offers `text` as a download named `name`.
    #[wasm_bindgen]
    pub fn download(name: String, mime: String, text: String) {
        files::download(&name, &mime, &text);
    }

    /// Opens the card for the clerk (see `clerk::open`); `saved`: [number,
    /// amount] kept from last time, or empty.
    #[wasm_bindgen]
    pub fn clerk(
        opener: Element,
        lang_code: String,
        operator: String,
        scratch_card: bool,
        saved: Vec<String>,
        on_close: js_sys::Function,
    ) {
        let saved = <[String; 2]>::try_from(saved).ok().map(|[n, a]| (n, a));
        let request = if scratch_card {
            Request::ScratchCard
        } else {
            Request::TopUp
        };
        clerk::open(
            &opener,
            lang(&lang_code),
            &operator,
            request,
            &saved,
            on_close,
        );
    }
}

fn main() {}
