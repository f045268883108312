//! UI strings in four languages, generated at build time from
//! `locales/*.json` (the build fails if a language lacks a key).

use crate::domain::Lang;

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// The UI string `key` in `lang`.
pub fn t(lang: Lang, key: Key) -> &'static str {
    table(lang)[key as usize]
}

/// The UI string with `{name}` replaced by `value`.
pub fn t_with(lang: Lang, key: Key, name: &str, value: &str) -> String {
    t(lang, key).replace(&format!("{{{name}}}"), value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_text_in_every_language() {
        for lang in Lang::ALL {
            for key in Key::ALL {
                assert!(!t(lang, key).trim().is_empty(), "{lang:?} {key:?}");
            }
        }
        assert_eq!(t(Lang::En, Key::PayCash), "Cash");
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(
            t_with(Lang::En, Key::TimeMinutes, "n", "30"),
            "within about 30 minutes"
        );
    }
}
