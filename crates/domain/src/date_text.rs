//! Dates and times written the way each language writes them: CLDR's
//! medium date with its short time ("Nov 30, 2026, 9:05 PM",
//! "30 нояб. 2026 г., 21:05") and its long date ("November 30, 2026").
//!
//! Written here rather than by the browser's `Intl.DateTimeFormat`: the
//! first `Intl` object a page makes loads the browser's locale data, a task
//! of 100 to 250 ms on a phone (CPU ÷4), and Chromium ships no Azerbaijani
//! data (it wrote "2026 M11 30 22:47"). The patterns and month names are
//! CLDR's, as Node.js (full ICU) writes them; e2e/dates.spec.mjs checks
//! every month and hour in the four languages against it. One change: in
//! Russian the year and "г." are joined by a no-break space, as in the rest
//! of the app's Russian.

use crate::date::{Date, LocalDateTime};
use crate::lang::Lang;

/// The month's abbreviation in a medium date (Russian: genitive, "мая").
fn month_short(lang: Lang, month: u32) -> &'static str {
    let names = match lang {
        Lang::En | Lang::Zh => [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ],
        Lang::Az => [
            "yan", "fev", "mar", "apr", "may", "iyn", "iyl", "avq", "sen", "okt", "noy", "dek",
        ],
        Lang::Ru => [
            "янв.",
            "февр.",
            "мар.",
            "апр.",
            "мая",
            "июн.",
            "июл.",
            "авг.",
            "сент.",
            "окт.",
            "нояб.",
            "дек.",
        ],
    };
    names[(month.clamp(1, 12) - 1) as usize]
}

/// The month's name in a long date (Russian: genitive, "ноября").
fn month_long(lang: Lang, month: u32) -> &'static str {
    let names = match lang {
        Lang::En | Lang::Zh => [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        Lang::Az => [
            "yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr",
            "oktyabr", "noyabr", "dekabr",
        ],
        Lang::Ru => [
            "января",
            "февраля",
            "марта",
            "апреля",
            "мая",
            "июня",
            "июля",
            "августа",
            "сентября",
            "октября",
            "ноября",
            "декабря",
        ],
    };
    names[(month.clamp(1, 12) - 1) as usize]
}

/// The time of day `minute` (after midnight): "9:05 PM" in English (a
/// 12-hour clock), "21:05" in the others.
fn time(lang: Lang, minute: u32) -> String {
    let (hour, minute) = (minute / 60 % 24, minute % 60);
    match lang {
        Lang::En => {
            let period = if hour < 12 { "AM" } else { "PM" };
            let hour = if hour % 12 == 0 { 12 } else { hour % 12 };
            format!("{hour}:{minute:02} {period}")
        }
        _ => format!("{hour:02}:{minute:02}"),
    }
}

/// A date and time in `lang`'s medium date and short time:
/// "Nov 30, 2026, 9:05 PM", "2026年11月30日 21:05".
pub fn date_time(lang: Lang, t: LocalDateTime) -> String {
    let Date { year, month, day } = t.date;
    let (month_name, time) = (month_short(lang, month), time(lang, t.minute));
    match lang {
        Lang::En => format!("{month_name} {day}, {year}, {time}"),
        Lang::Az => format!("{day} {month_name} {year}, {time}"),
        Lang::Ru => format!("{day} {month_name} {year}\u{a0}г., {time}"),
        Lang::Zh => format!("{year}年{month}月{day}日 {time}"),
    }
}

/// A date in `lang`'s long form: "November 30, 2026", "30 ноября 2026 г.".
pub fn date_long(lang: Lang, d: Date) -> String {
    let Date { year, month, day } = d;
    let month_name = month_long(lang, month);
    match lang {
        Lang::En => format!("{month_name} {day}, {year}"),
        Lang::Az => format!("{day} {month_name} {year}"),
        Lang::Ru => format!("{day} {month_name} {year}\u{a0}г."),
        Lang::Zh => format!("{year}年{month}月{day}日"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> LocalDateTime {
        LocalDateTime::parse(s).expect("a valid date and time")
    }

    #[test]
    fn medium_dates_with_short_times() {
        for (lang, when, text) in [
            (Lang::En, "2026-11-30T21:05", "Nov 30, 2026, 9:05 PM"),
            (Lang::Ru, "2026-11-30T21:05", "30 нояб. 2026\u{a0}г., 21:05"),
            (Lang::Az, "2026-11-30T21:05", "30 noy 2026, 21:05"),
            (Lang::Zh, "2026-11-30T21:05", "2026年11月30日 21:05"),
            // Midnight and noon on the 12-hour clock, and the 24-hour ones.
            (Lang::En, "2026-05-03T00:07", "May 3, 2026, 12:07 AM"),
            (Lang::En, "2026-05-03T12:00", "May 3, 2026, 12:00 PM"),
            (Lang::Ru, "2026-05-03T00:07", "3 мая 2026\u{a0}г., 00:07"),
            (Lang::Zh, "2026-05-03T09:00", "2026年5月3日 09:00"),
        ] {
            assert_eq!(date_time(lang, at(when)), text);
        }
    }

    #[test]
    fn long_dates() {
        let d = Date::new(2026, 1, 9).expect("a valid date");
        for (lang, text) in [
            (Lang::En, "January 9, 2026"),
            (Lang::Ru, "9 января 2026\u{a0}г."),
            (Lang::Az, "9 yanvar 2026"),
            (Lang::Zh, "2026年1月9日"),
        ] {
            assert_eq!(date_long(lang, d), text);
        }
    }

    #[test]
    fn every_month_has_its_own_name() {
        for lang in [Lang::En, Lang::Az, Lang::Ru] {
            let mut short: Vec<_> = (1..=12).map(|m| month_short(lang, m)).collect();
            let mut long: Vec<_> = (1..=12).map(|m| month_long(lang, m)).collect();
            short.sort_unstable();
            long.sort_unstable();
            short.dedup();
            long.dedup();
            assert_eq!((short.len(), long.len()), (12, 12), "{lang:?}");
        }
    }
}
