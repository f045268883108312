//! Typography by language, in one place: how parts of a text are joined
//! (colons, lists, parentheses, sentences), how money is written (a decimal
//! comma in Russian and Azerbaijani), and [`polish`], which `build.rs` runs
//! over every string of a language pack so that a number stays with its unit
//! and a brand with its Azerbaijani suffix, by non-breaking characters that
//! nobody has to type by hand.

use super::lang::Lang;

/// A non-breaking space (U+00A0).
pub const NBSP: char = '\u{a0}';
/// A non-breaking hyphen (U+2011).
pub const NB_HYPHEN: char = '\u{2011}';

/// `label` introducing `text`: "Note: …", "备注：…".
pub fn label(lang: Lang, label: &str, text: &str) -> String {
    match lang {
        Lang::Zh => format!("{label}：{text}"),
        _ => format!("{label}: {text}"),
    }
}

/// The items of an enumeration: "a, b, c", "a、b、c".
pub fn list<S: AsRef<str>>(lang: Lang, items: &[S]) -> String {
    join(items, if lang == Lang::Zh { "、" } else { ", " })
}

/// Phrases of one sentence: "a, b", "a，b".
pub fn phrases<S: AsRef<str>>(lang: Lang, items: &[S]) -> String {
    join(items, if lang == Lang::Zh { "，" } else { ", " })
}

/// Whole sentences one after another: with a space, but none after a
/// Chinese full stop.
pub fn sentences<S: AsRef<str>>(lang: Lang, items: &[S]) -> String {
    join(items, if lang == Lang::Zh { "" } else { " " })
}

/// The space to put after `text` before what follows it: none after
/// full-width punctuation ("推荐理由：" is followed at once).
pub fn space_after(text: &str) -> &'static str {
    if text.ends_with(['：', '。', '，', '；', '）', '、']) {
        ""
    } else {
        " "
    }
}

/// `text` followed by `note` in parentheses: "Naxtel (closed)",
/// "Naxtel（已停运）".
pub fn with_note(lang: Lang, text: &str, note: &str) -> String {
    match lang {
        Lang::Zh => format!("{text}（{note}）"),
        _ => format!("{text} ({note})"),
    }
}

fn join<S: AsRef<str>>(items: &[S], separator: &str) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        out.push_str(item.as_ref());
    }
    out
}

/// A `YYYY-MM-DD` date that does not break across lines at its hyphens.
pub fn unbroken_date(date: &str) -> String {
    date.replace('-', "\u{2011}")
}

/// An amount in qəpik as manat in the language's style, without the
/// currency: whole manat as they are ("1"), else with two decimals: "2.50"
/// (en, zh), "2,50" (ru, az).
pub fn amount(lang: Lang, qepik: u32) -> String {
    let (manat, qepik) = (qepik / 100, qepik % 100);
    if qepik == 0 {
        return manat.to_string();
    }
    let mark = match lang {
        Lang::Ru | Lang::Az => ',',
        Lang::En | Lang::Zh => '.',
    };
    format!("{manat}{mark}{qepik:02}")
}

/// The typography a translator should not have to type, applied to one of
/// `lang`'s strings:
/// - a space between a number (or a `{placeholder}`) and the word, unit or
///   currency after it becomes non-breaking ("30 minutes", "{n} дн.",
///   "1 AZN");
/// - in Azerbaijani, the hyphen before a suffix on a brand, an abbreviation
///   or a number becomes non-breaking ("Azercell‑in", "AZN‑lik", "eSIM‑i");
/// - in Chinese, no space is left after full-width punctuation.
pub fn polish(lang: Lang, text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + 1).copied();
        match c {
            ' ' if before.is_some_and(|b| b.is_ascii_digit() || b == '}')
                && after.is_some_and(|a| a.is_alphabetic() || "$€₼%".contains(a)) =>
            {
                out.push(NBSP)
            }
            ' ' if lang == Lang::Zh && before.is_some_and(|b| "。，：；！？、）".contains(b)) =>
                {}
            '-' if lang == Lang::Az
                && after.is_some_and(char::is_lowercase)
                && brand_like(&chars[..i]) =>
            {
                out.push(NB_HYPHEN)
            }
            _ => out.push(c),
        }
    }
    out
}

/// True when the word that ends `before` has a capital letter or a digit
/// (a brand, an abbreviation, an amount): `Azercell`, `eSIM`, `AZN`, `100`.
fn brand_like(before: &[char]) -> bool {
    let word: Vec<char> = before
        .iter()
        .rev()
        .take_while(|c| c.is_alphanumeric())
        .copied()
        .collect();
    !word.is_empty() && word.iter().any(|c| c.is_uppercase() || c.is_ascii_digit())
}
