//! Every string a user reads in zh, ru and az reads as that language: no
//! English left in it (brands, codes and units aside), and the glossary's
//! chosen terms, never its banned variants (`locales/glossary.json`).
//!
//! The strings are the UI's (`locales/*.json`) and the catalog's translated
//! texts (`data/*.json`, every object with `en`, `zh`, `az` and `ru`), each
//! named by where it is, so a failure points at the string to fix. Quotes in
//! the catalog's evidence are the sources' own words and stay as they are.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use serde_json::Value;

/// Words in Latin script that a zh, ru or az string may hold: brands and
/// product names, codes, units and standard abbreviations.
#[rustfmt::skip]
const ALLOWED_LATIN: &[&str] = &[
    // Operators, providers, banks, apps and their products.
    "AzSIM", "Azercell", "Bakcell", "Nar", "Naxtel", "Azerfon", "Airalo", "Holafly", "Nomad",
    "Maya", "Mobile", "Ubigi", "aloSIM", "Only", "Birbank", "Kapital", "Bank", "SimSim",
    "Klass", "KlassKredit", "Paycell", "Credit", "SOS", "Affordable", "SuperDay", "Discover",
    "Always", "On", "CIN", "FULL", "CavanNar", "GəncOL", "İstəSən", "Standart", "Sərfəli",
    "Apple", "Google", "Pay", "WhatsApp", "iPhone", "iOS", "Android", "Safari", "Chrome",
    "Azərpoçt", "Azerpoct", "e-GovPay", "Kabinetim", "Bakcellim", "Star", "StarPro",
    "SimKredit", "Exclusive", "Telecom", "LLC", "MMC", "Visa", "Mastercard", "Maestro", "mygov",
    // Standard abbreviations, units and loanwords.
    "eSIM", "SIM", "SMS", "USSD", "IMEI", "AZN", "USD", "MB", "GB", "kbit/s", "Mbit/s", "QR",
    "PIN", "ID", "VAT", "ICCID", "Wi-Fi", "PWA", "ics", "JSON", "URL", "UTC", "ATM", "Cookie",
    "cookie",
];

/// (where, text) for every string shown in `lang`.
fn shown_strings(lang: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let path = format!("locales/{lang}.json");
    let table: Value = serde_json::from_str(&std::fs::read_to_string(&path).expect("locale"))
        .expect("locale JSON");
    for (key, value) in table.as_object().expect("an object") {
        out.push((
            format!("{path}: {key}"),
            value.as_str().unwrap_or("").to_owned(),
        ));
    }
    for file in [
        "data/operators.json",
        "data/channels.json",
        "data/notes.json",
        "data/validity.json",
        "data/line.json",
    ] {
        let value: Value =
            serde_json::from_str(&std::fs::read_to_string(file).expect("data")).expect("JSON");
        collect_texts(&value, file.to_owned(), lang, &mut out);
    }
    out
}

/// The `lang` value of every translated text under `value`, with its path;
/// the editors' `review` and the sources' own words (`evidence`) are left out.
fn collect_texts(value: &Value, at: String, lang: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            let is_text = ["en", "zh", "az", "ru"]
                .iter()
                .all(|l| map.contains_key(*l));
            if is_text {
                if let Some(text) = map.get(lang).and_then(Value::as_str) {
                    out.push((at, text.to_owned()));
                }
                return;
            }
            let name = map
                .get("id")
                .or_else(|| map.get("dial"))
                .and_then(Value::as_str)
                .map(|id| format!("[{id}]"))
                .unwrap_or_default();
            for (k, v) in map {
                if k != "evidence" && k != "review" {
                    collect_texts(v, format!("{at}{name}.{k}"), lang, out);
                }
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                collect_texts(v, format!("{at}[{i}]"), lang, out);
            }
        }
        _ => {}
    }
}

/// `text` without what it quotes (“…”, «…», "…", 「…」): a quoted label is
/// another app's or page's own wording, which the user will see as it is.
fn unquoted(text: &str) -> String {
    let mut out = String::new();
    let mut closing: Option<char> = None;
    for c in text.chars() {
        match closing {
            Some(end) if c == end => closing = None,
            Some(_) => {}
            None => match c {
                '“' => closing = Some('”'),
                '«' => closing = Some('»'),
                '"' => closing = Some('"'),
                '「' => closing = Some('」'),
                _ => out.push(c),
            },
        }
    }
    out
}

/// The words of `text` written in Latin script (letters, with inner
/// hyphens, apostrophes and dots, as in "e-GovPay" or "azercell.com").
fn latin_words(text: &str) -> Vec<String> {
    let is_latin = |c: char| c.is_ascii_alphabetic() || "əğıöüçşİƏĞÖÜÇŞ".contains(c);
    let mut words = Vec::new();
    let mut word = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let joins = matches!(c, '-' | '\'' | '.' | '_' | '/')
            && !word.is_empty()
            && chars
                .get(i + 1)
                .is_some_and(|n| is_latin(*n) || n.is_ascii_digit());
        if is_latin(c) || (c.is_ascii_digit() && !word.is_empty()) || joins {
            word.push(c);
        } else if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// True for a word that may stand in any language: on the allow-list, a
/// domain or address (`azercell.com`), a code's letters next to digits
/// (`i37`), or a placeholder's name (`{date}`).
fn allowed(word: &str, text: &str) -> bool {
    ALLOWED_LATIN.contains(&word)
        || word.contains('.')
        || word.chars().any(|c| c.is_ascii_digit())
        || text.contains(&format!("{{{word}}}"))
}

/// The Latin-script words of `strings` that are not allowed, as
/// "where: word".
fn stray_latin(strings: &[(String, String)]) -> Vec<String> {
    let mut out = Vec::new();
    for (at, text) in strings {
        for w in latin_words(&unquoted(text)) {
            if !allowed(&w, text) {
                out.push(format!("{at}: {w:?} in {text:?}"));
            }
        }
    }
    out
}

/// English words (of three letters or more, from the English strings)
/// left in Azerbaijani `strings`, which are Latin script themselves.
fn english_in_azerbaijani(strings: &[(String, String)], english: &BTreeSet<String>) -> Vec<String> {
    let mut out = Vec::new();
    for (at, text) in strings {
        for w in latin_words(&unquoted(text)) {
            let lower = w.to_lowercase();
            if english.contains(&lower) && !allowed(&w, text) {
                out.push(format!("{at}: {w:?} in {text:?}"));
            }
        }
    }
    out
}

/// The English vocabulary: words of the English strings that are not also
/// Azerbaijani words used in the Azerbaijani strings' own sense.
fn english_vocabulary() -> BTreeSet<String> {
    // Words spelt the same in both languages.
    const SHARED: &[&str] = &[
        "internet", "bank", "banks", "app", "kiosk", "min", "limit", "tarif", "status", "minimum",
        "sms", "online", "plan", "top", "pin", "ton", "bonus", "bonuslar", "nar", "star", "balans",
        "operator", "may", "wi-fi", "model", "standart",
    ];
    shown_strings("en")
        .iter()
        .flat_map(|(_, t)| latin_words(&unquoted(t)))
        .map(|w| w.to_lowercase())
        .filter(|w| w.chars().count() >= 3 && w.is_ascii() && !SHARED.contains(&w.as_str()))
        .collect()
}

/// Banned variants of the glossary found in `strings` of `lang`, as
/// "where: variant (use term)".
fn banned_variants(lang: &str, strings: &[(String, String)], glossary: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for term in glossary[lang].as_array().into_iter().flatten() {
        let use_ = term["use"].as_str().unwrap_or_default();
        for banned in term["banned"].as_array().into_iter().flatten() {
            let banned = banned.as_str().unwrap_or_default();
            for (at, text) in strings {
                if !banned.is_empty() && text.contains(banned) {
                    out.push(format!(
                        "{at}: {banned:?} (glossary, {}: use {use_:?}) in {text:?}",
                        term["concept"].as_str().unwrap_or_default()
                    ));
                }
            }
        }
    }
    out
}

fn glossary() -> Value {
    serde_json::from_str(&std::fs::read_to_string("locales/glossary.json").expect("glossary"))
        .expect("glossary JSON")
}

/// The concepts every language's glossary fixes a term for.
const CONCEPTS: [&str; 11] = [
    "top-up",
    "data pack",
    "plan (tariff)",
    "payment terminal",
    "prepaid",
    "postpaid",
    "travel eSIM",
    "balance transfer",
    "hotline",
    "formal you",
    "foreign-issued card",
];

#[test]
fn no_english_is_left_in_chinese_or_russian() {
    for lang in ["zh", "ru"] {
        let stray = stray_latin(&shown_strings(lang));
        assert!(
            stray.is_empty(),
            "{lang}: Latin-script words not on the allow-list:\n{}",
            stray.join("\n")
        );
    }
}

#[test]
fn no_english_is_left_in_azerbaijani() {
    let stray = english_in_azerbaijani(&shown_strings("az"), &english_vocabulary());
    assert!(stray.is_empty(), "az: English words:\n{}", stray.join("\n"));
}

#[test]
fn every_language_uses_its_glossary_terms_and_none_of_the_banned_variants() {
    let glossary = glossary();
    for lang in ["zh", "ru", "az"] {
        let strings = shown_strings(lang);
        let terms = glossary[lang].as_array().expect("a list per language");
        for concept in CONCEPTS {
            let term = terms
                .iter()
                .find(|t| t["concept"] == concept)
                .unwrap_or_else(|| panic!("{lang}: the glossary has no term for {concept:?}"));
            let use_ = term["use"].as_str().expect("use");
            assert!(
                strings.iter().any(|(_, t)| t.contains(use_)),
                "{lang}: the chosen term {use_:?} ({concept}) appears in no string"
            );
        }
        let found = banned_variants(lang, &strings, &glossary);
        assert!(
            found.is_empty(),
            "{lang}: banned variants:\n{}",
            found.join("\n")
        );
    }
}

#[test]
fn the_checks_catch_a_planted_english_word_and_a_banned_variant() {
    let planted = |text: &str| vec![("locales/zh.json: planted".to_owned(), text.to_owned())];
    // English in Chinese and Russian, but not a brand, a code or a domain.
    assert_eq!(
        stray_latin(&planted("请充值 Azercell，拨打 *100#，访问 azercell.com")),
        Vec::<String>::new()
    );
    let found = stray_latin(&planted("请在 app 中 top up"));
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(found[0].starts_with("locales/zh.json: planted: \"app\""));
    // English in Azerbaijani, from the English vocabulary.
    let english = english_vocabulary();
    let az = vec![(
        "data/notes.json[x].text".to_owned(),
        "Balansı artırın, then check".to_owned(),
    )];
    let found = english_in_azerbaijani(&az, &english);
    assert!(found.iter().any(|f| f.contains("\"then\"")), "{found:?}");
    assert!(found.iter().any(|f| f.contains("\"check\"")), "{found:?}");
    // A banned variant, named with the string's place and the term to use.
    let glossary = glossary();
    let zh = vec![(
        "locales/zh.json: planted".to_owned(),
        "请输入你的号码".to_owned(),
    )];
    let found = banned_variants("zh", &zh, &glossary);
    assert!(
        found
            .iter()
            .any(|f| f.starts_with("locales/zh.json: planted: \"你\"")),
        "{found:?}"
    );
    let ru = vec![(
        "data/channels.json[x].name".to_owned(),
        "Платёжный киоск".to_owned(),
    )];
    assert!(!banned_variants("ru", &ru, &glossary).is_empty());
}

#[test]
fn words_are_split_as_a_reader_sees_them() {
    assert_eq!(
        latin_words("访问 azercell.com 或 e-GovPay。"),
        ["azercell.com", "e-GovPay"]
    );
    assert_eq!(
        latin_words("Azercell-in nömrəsi"),
        ["Azercell-in", "nömrəsi"]
    );
    assert_eq!(latin_words("SMS «i37» на 777"), ["SMS", "i37"]);
    assert_eq!(
        unquoted("Нажмите «Top up» в приложении"),
        "Нажмите  в приложении"
    );
}

mod typography {
    use azsim::domain::typography::{
        amount, label, list, phrases, polish, sentences, space_after, with_note, NBSP, NB_HYPHEN,
    };
    use azsim::domain::Lang;

    #[test]
    fn joins_follow_the_language() {
        assert_eq!(label(Lang::Zh, "备注", "x"), "备注：x");
        assert_eq!(label(Lang::Ru, "Примечание", "x"), "Примечание: x");
        assert_eq!(list(Lang::Zh, &["050", "051"]), "050、051");
        assert_eq!(list(Lang::Az, &["050", "051"]), "050, 051");
        assert_eq!(phrases(Lang::Zh, &["a", "b"]), "a，b");
        assert_eq!(
            sentences(Lang::Zh, &["无需网络。", "需要现金。"]),
            "无需网络。需要现金。"
        );
        assert_eq!(sentences(Lang::En, &["No.", "Yes."]), "No. Yes.");
        assert_eq!(with_note(Lang::Zh, "Naxtel", "已停运"), "Naxtel（已停运）");
        assert_eq!(with_note(Lang::En, "Naxtel", "closed"), "Naxtel (closed)");
        assert_eq!(space_after("推荐理由："), "");
        assert_eq!(space_after("Why here:"), " ");
        assert_eq!(amount(Lang::Ru, 1999), "19,99");
        assert_eq!(amount(Lang::En, 1999), "19.99");
    }

    #[test]
    fn polish_keeps_numbers_with_units_and_brands_with_suffixes() {
        let nb = |s: &str| s.replace('~', &NBSP.to_string());
        assert_eq!(
            polish(Lang::Ru, "в течение 30 минут, 1 AZN"),
            nb("в течение 30~минут, 1~AZN")
        );
        assert_eq!(
            polish(Lang::Ru, "{n} дн. после 2024 г."),
            nb("{n}~дн. после 2024~г.")
        );
        assert_eq!(polish(Lang::En, "dial *100# now"), "dial *100# now");
        let hy = NB_HYPHEN.to_string();
        assert_eq!(
            polish(Lang::Az, "Azercell-in 5 AZN-lik kartı, eSIM-i və e-GovPay"),
            format!("Azercell{hy}in 5{NBSP}AZN{hy}lik kartı, eSIM{hy}i və e-GovPay")
        );
        // Other languages keep their hyphens.
        assert_eq!(polish(Lang::Ru, "Wi-Fi и SIM-карта"), "Wi-Fi и SIM-карта");
        assert_eq!(
            polish(Lang::Zh, "保留收据。 约 30 分钟内到账。"),
            nb("保留收据。约 30~分钟内到账。")
        );
    }

    #[test]
    fn the_shipped_packs_are_polished() {
        for lang in Lang::ALL {
            let pack = azsim::i18n::pack(lang).expect("pack");
            for ch in &pack.catalog.channels {
                for step in &ch.steps {
                    let s = step.get(lang);
                    assert_eq!(polish(lang, s), s, "{lang:?} {}", ch.id.0);
                }
            }
        }
        let ru = azsim::i18n::t(Lang::Ru, azsim::i18n::Key::TimeMinutes);
        assert!(ru.contains(&format!("{{n}}{NBSP}")), "{ru:?}");
    }
}

#[test]
fn a_date_does_not_break_at_its_hyphens() {
    use azsim::domain::typography::{unbroken_date, NB_HYPHEN};
    assert_eq!(
        unbroken_date("2026-11-30"),
        format!("2026{NB_HYPHEN}11{NB_HYPHEN}30")
    );
}
