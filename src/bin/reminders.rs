//! The reminders module: the third wasm module, which owns the stored
//! document (reading and writing it) and shows the due banner, the
//! reminders section and the notifications (`azsim::reminders`). A first
//! visit with nothing stored never needs it until the user does something
//! with reminders, so it is not on the critical path. Trunk builds it beside
//! the app's module (`<link data-trunk rel="rust" data-bin="reminders"
//! data-type="worker">` in index.html: built, not loaded);
//! scripts/post-build.mjs gives it a hashed name and the boot script a
//! loader, `azsimReminders()`, which the app's `ui::reminders_link` calls.

#[cfg(target_arch = "wasm32")]
mod exports {
    use azsim::domain::catalog::{ChannelId, OperatorId};
    use azsim::domain::date::LocalDateTime;
    use azsim::domain::document::ClerkInput;
    use azsim::domain::Lang;
    use azsim::reminders;
    use wasm_bindgen::prelude::wasm_bindgen;
    use web_sys::Element;

    /// The language of `code` (the app's), English if it is not one.
    fn lang(code: &str) -> Lang {
        Lang::from_code(code).unwrap_or(Lang::En)
    }

    /// Starts the module in the app's language, in the places it gives
    /// (see `reminders::start`).
    #[wasm_bindgen]
    pub fn start(lang_code: String, banner: Element, section: Element) {
        reminders::start(lang(&lang_code), banner, section);
    }

    /// Shows the language `lang_code` and saves it as chosen.
    #[wasm_bindgen]
    pub fn set_lang(lang_code: String) {
        reminders::set_lang(lang(&lang_code));
    }

    /// Opens the form for a new reminder (see `reminders::remind`); `due` in
    /// minutes since the epoch.
    #[wasm_bindgen]
    pub fn remind(
        label: String,
        operator: Option<String>,
        channel: Option<String>,
        due: Option<f64>,
    ) {
        let operator =
            operator.and_then(|o| OperatorId::ALL.into_iter().find(|id| id.as_str() == o));
        let due = due.and_then(|d| LocalDateTime::from_minutes_since_epoch(d as i64));
        reminders::remind(label, operator, channel.map(ChannelId), due);
    }

    /// A tap on the app's placeholder's button `action`.
    #[wasm_bindgen]
    pub fn tap(action: String) {
        reminders::tap(action);
    }

    /// A backup chosen in the app's placeholder.
    #[wasm_bindgen]
    pub fn import_backup(input: Element) {
        reminders::import_backup(input);
    }

    /// Keeps what was typed for the clerk, or forgets it (both absent).
    #[wasm_bindgen]
    pub fn keep_clerk(number: Option<String>, amount: Option<String>) {
        let kept = number
            .zip(amount)
            .map(|(number, amount)| ClerkInput { number, amount });
        reminders::keep_clerk(kept);
    }

    /// Saves that notifications are on.
    #[wasm_bindgen]
    pub fn notify_on() {
        reminders::notify_on();
    }
}

fn main() {}
