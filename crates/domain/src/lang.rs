//! The four languages of the app and translated text.

use serde::{Deserialize, Serialize};

/// A language the app speaks. Order is the order of the language switcher.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Simplified Chinese (`zh`).
    Zh,
    /// English (`en`), the fallback.
    #[default]
    En,
    /// Azerbaijani, in Latin script (`az`).
    Az,
    /// Russian (`ru`).
    Ru,
}

impl Lang {
    /// Every language, in switcher order.
    pub const ALL: [Lang; 4] = [Lang::Zh, Lang::En, Lang::Az, Lang::Ru];

    /// The BCP 47 code used in `?lang=`, `<html lang>` and storage.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
            Lang::Az => "az",
            Lang::Ru => "ru",
        }
    }

    /// The language's own name, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Zh => "中文",
            Lang::En => "English",
            Lang::Az => "Azərbaycanca",
            Lang::Ru => "Русский",
        }
    }

    /// Parses an exact code (`zh`, `en`, `az`, `ru`).
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// Parses a browser language tag such as `zh-CN`, `ru-RU` or `az-Latn-AZ`
    /// by its primary subtag, case-insensitively.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::from_code(&primary)
    }

    /// Picks the language: `?lang=`, then the saved choice, then the
    /// browser's preferred languages, then English.
    pub fn detect<'a>(
        from_url: Option<Lang>,
        saved: Option<&str>,
        browser: impl IntoIterator<Item = &'a str>,
    ) -> Lang {
        from_url
            .or_else(|| saved.and_then(Lang::from_code))
            .or_else(|| browser.into_iter().find_map(Lang::from_tag))
            .unwrap_or_default()
    }
}

/// A text in all four languages, as the catalog stores it.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// The Simplified Chinese text; empty when missing.
    #[serde(default)]
    pub zh: String,
    /// The English text; empty when missing.
    #[serde(default)]
    pub en: String,
    /// The Azerbaijani text; empty when missing.
    #[serde(default)]
    pub az: String,
    /// The Russian text; empty when missing.
    #[serde(default)]
    pub ru: String,
}

impl Text {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
            Lang::Az => &self.az,
            Lang::Ru => &self.ru,
        }
    }

    /// The languages whose text is missing or blank.
    pub fn missing(&self) -> impl Iterator<Item = Lang> + '_ {
        Lang::ALL
            .into_iter()
            .filter(|l| self.get(*l).trim().is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_beats_saved_beats_browser() {
        assert_eq!(
            Lang::detect(Some(Lang::Az), Some("ru"), ["zh-CN"]),
            Lang::Az
        );
        assert_eq!(Lang::detect(None, Some("ru"), ["zh-CN"]), Lang::Ru);
        assert_eq!(Lang::detect(None, None, ["fr-FR", "zh-CN"]), Lang::Zh);
        assert_eq!(Lang::detect(None, Some("xx"), ["fr"]), Lang::En);
    }

    #[test]
    fn tags_match_by_primary_subtag() {
        assert_eq!(Lang::from_tag("ru-RU"), Some(Lang::Ru));
        assert_eq!(Lang::from_tag("AZ-Latn-AZ"), Some(Lang::Az));
        assert_eq!(Lang::from_tag("zh_Hans"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag(""), None);
        assert_eq!(Lang::from_tag("english"), None);
    }

    #[test]
    fn blank_text_is_missing() {
        let t = Text {
            zh: "好".into(),
            en: " ".into(),
            az: "Salam".into(),
            ru: String::new(),
        };
        assert_eq!(t.missing().collect::<Vec<_>>(), vec![Lang::En, Lang::Ru]);
    }
}
