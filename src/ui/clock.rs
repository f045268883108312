//! The browser's clock and time zone, at the edge: the domain works in
//! wall-clock `LocalDateTime`s, the browser turns them into instants (the
//! domain writes them as text: `date_text`).

use crate::domain::date::{Date, LocalDateTime};

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
