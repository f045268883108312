//! The browser's clock and time zone, at the edge: the domain works in
//! wall-clock `LocalDateTime`s, the browser turns them into instants and
//! into text in the user's language.

use std::cell::RefCell;

use crate::domain::date::{Date, LocalDateTime};
use crate::domain::Lang;

/// The instant of a wall-clock time in the user's zone. Built with setters,
/// not `new Date(y, m, …)`, which reads years 0–99 as 1900–1999.
fn js_date(t: LocalDateTime) -> js_sys::Date {
    let d = js_sys::Date::new_with_year_month_day(2000, 0, 1);
    d.set_full_year_with_month_date(
        t.date.year.max(0) as u32,
        t.date.month as i32 - 1,
        t.date.day as i32,
    );
    d.set_hours(t.minute / 60);
    d.set_minutes(t.minute % 60);
    d
}

/// Now, on the user's wall clock.
pub fn now() -> LocalDateTime {
    let d = js_sys::Date::new_0();
    let date = Date::new(d.get_full_year() as i32, d.get_month() + 1, d.get_date());
    match date {
        Some(date) => LocalDateTime {
            date,
            minute: d.get_hours() * 60 + d.get_minutes(),
        },
        // Outside years 1..9999 (a broken clock): the epoch, not a panic.
        None => LocalDateTime {
            date: Date {
                year: 1970,
                month: 1,
                day: 1,
            },
            minute: 0,
        },
    }
}

/// Seconds since the Unix epoch of a wall-clock time in the user's zone.
pub fn utc_seconds(t: LocalDateTime) -> i64 {
    (js_date(t).get_time() / 1000.0).floor() as i64
}

thread_local! {
    /// The browser's formatter for the language last used: creating one costs
    /// tens of milliseconds on a phone, so it is made on first use only (a
    /// page without reminders never makes one) and kept.
    static DATE_TIME_FORMAT: RefCell<Option<(Lang, js_sys::Intl::DateTimeFormat)>> =
        const { RefCell::new(None) };
}

/// A wall-clock date and time, written the way the user's language writes it.
pub fn format_date_time(lang: Lang, t: LocalDateTime) -> String {
    DATE_TIME_FORMAT.with_borrow_mut(|cached| {
        let format = match cached {
            Some((l, format)) if *l == lang => format,
            _ => {
                let options = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
                let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
                let locales = js_sys::Array::of1(&lang.code().into());
                let format = js_sys::Intl::DateTimeFormat::new(&locales, &options);
                &mut cached.insert((lang, format)).1
            }
        };
        format
            .format()
            .call1(&wasm_bindgen::JsValue::UNDEFINED, &js_date(t))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| t.to_string())
    })
}

/// A date, written the way the user's language writes it.
pub fn format_date(lang: Lang, d: Date) -> String {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
    js_date(LocalDateTime {
        date: d,
        minute: 12 * 60,
    })
    .to_locale_date_string(lang.code(), &options)
    .into()
}
