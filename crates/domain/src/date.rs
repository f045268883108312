//! Calendar dates and wall-clock times without a time zone: what the user
//! types and reads. Conversion to an instant (UTC) needs the browser's time
//! zone and happens at the edge (`ui`), which passes UTC offsets in.
//!
//! Hand-written (Howard Hinnant's days-from-civil algorithm) rather than a
//! date crate: the app needs only day counting and month stepping, and each
//! crate costs wasm bytes.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A day of the proleptic Gregorian calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year, 1 to 9999.
    pub year: i32,
    /// The month, 1 (January) to 12.
    pub month: u32,
    /// The day of the month, 1 to its last day.
    pub day: u32,
}

/// The number written with ASCII digits only in `s[range]`.
fn digits(s: &str, range: std::ops::Range<usize>) -> Option<u32> {
    let part = s.get(range)?;
    part.bytes()
        .all(|c| c.is_ascii_digit())
        .then(|| part.parse().ok())?
}

/// Days in `month` of `year`.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

impl Date {
    /// A date, if it exists (years 1 to 9999).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        ((1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month))
        .then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        Date::new(digits(s, 0..4)? as i32, digits(s, 5..7)?, digits(s, 8..10)?)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01, if it is within years 1 to 9999.
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(i32::try_from(year).ok()?, month, day)
    }

    /// This date plus `days` (which may be negative).
    pub fn add_days(self, days: i64) -> Option<Date> {
        Date::from_days_since_epoch(self.days_since_epoch().checked_add(days)?)
    }

    /// The same day `months` later, clamped to the month's last day
    /// (31 January + 1 month = 28 or 29 February).
    pub fn add_months(self, months: u32) -> Option<Date> {
        let index = i64::from(self.year) * 12 + i64::from(self.month) - 1 + i64::from(months);
        let year = i32::try_from(index.div_euclid(12)).ok()?;
        let month = (index.rem_euclid(12) + 1) as u32;
        Date::new(year, month, self.day.min(days_in_month(year, month)))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A wall-clock date and time (minutes), as typed in `datetime-local`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalDateTime {
    /// The calendar day.
    pub date: Date,
    /// Minutes after midnight, 0 to 1439.
    pub minute: u32,
}

impl LocalDateTime {
    /// Parses `YYYY-MM-DDTHH:MM` (seconds, if present, are checked and
    /// dropped).
    pub fn parse(s: &str) -> Option<LocalDateTime> {
        let (date, time) = s.split_once('T')?;
        let date = Date::parse(date)?;
        let b = time.as_bytes();
        let seconds = || b[5] == b':' && digits(time, 6..8).is_some_and(|s| s < 60);
        if b.len() < 5 || b[2] != b':' || !(b.len() == 5 || (b.len() == 8 && seconds())) {
            return None;
        }
        let (h, m) = (digits(time, 0..2)?, digits(time, 3..5)?);
        (h < 24 && m < 60).then_some(LocalDateTime {
            date,
            minute: h * 60 + m,
        })
    }

    /// Minutes since 1970-01-01T00:00 on the same wall clock.
    pub fn minutes_since_epoch(self) -> i64 {
        self.date.days_since_epoch() * 1440 + i64::from(self.minute)
    }

    /// The wall-clock time `minutes` after 1970-01-01T00:00.
    pub fn from_minutes_since_epoch(minutes: i64) -> Option<LocalDateTime> {
        Some(LocalDateTime {
            date: Date::from_days_since_epoch(minutes.div_euclid(1440))?,
            minute: minutes.rem_euclid(1440) as u32,
        })
    }
}

impl fmt::Display for LocalDateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}T{:02}:{:02}",
            self.date,
            self.minute / 60,
            self.minute % 60
        )
    }
}

macro_rules! serde_as_string {
    ($t:ty, $what:literal) => {
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                <$t>::parse(&s)
                    .ok_or_else(|| serde::de::Error::custom(format!("\"{s}\" is not {}", $what)))
            }
        }
    };
}
serde_as_string!(Date, "a date (YYYY-MM-DD)");
serde_as_string!(LocalDateTime, "a date and time (YYYY-MM-DDTHH:MM)");

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap_or_else(|| panic!("{s}"))
    }

    #[test]
    fn epoch_round_trips_over_centuries() {
        assert_eq!(d("1970-01-01").days_since_epoch(), 0);
        assert_eq!(d("2000-03-01").days_since_epoch(), 11_017);
        assert_eq!(d("1969-12-31").days_since_epoch(), -1);
        for days in (-719_000..2_900_000).step_by(997) {
            let date = Date::from_days_since_epoch(days).expect("in range");
            assert_eq!(date.days_since_epoch(), days);
            assert_eq!(Date::parse(&date.to_string()), Some(date));
        }
    }

    #[test]
    fn adding_days_crosses_months_and_leap_days() {
        assert_eq!(d("2024-02-28").add_days(1), Some(d("2024-02-29")));
        assert_eq!(d("2025-02-28").add_days(1), Some(d("2025-03-01")));
        assert_eq!(d("2025-12-31").add_days(1), Some(d("2026-01-01")));
        assert_eq!(d("2026-03-01").add_days(-1), Some(d("2026-02-28")));
        assert_eq!(d("9999-12-31").add_days(1), None);
        assert_eq!(d("2026-01-01").add_days(i64::MAX), None);
    }

    #[test]
    fn adding_months_clamps_to_month_end() {
        assert_eq!(d("2026-01-31").add_months(1), Some(d("2026-02-28")));
        assert_eq!(d("2024-01-31").add_months(1), Some(d("2024-02-29")));
        assert_eq!(d("2026-11-30").add_months(3), Some(d("2027-02-28")));
        assert_eq!(d("2026-12-15").add_months(1), Some(d("2027-01-15")));
        assert_eq!(d("9999-12-01").add_months(1), None);
    }

    #[test]
    fn bad_dates_are_rejected() {
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-00-10",
            "26-01-01",
            "2026-1-01",
            "２０２６-01-01",
            "",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn local_date_times() {
        let t = LocalDateTime::parse("2026-03-29T02:30").expect("valid");
        assert_eq!(t.to_string(), "2026-03-29T02:30");
        assert_eq!(LocalDateTime::parse("2026-03-29T02:30:59"), Some(t));
        for bad in [
            "2026-03-29 02:30",
            "2026-03-29T24:00",
            "2026-03-29T1:30",
            "2026-03-29T01:60",
            "2026-03-29T",
        ] {
            assert_eq!(LocalDateTime::parse(bad), None, "{bad}");
        }
        let m = t.minutes_since_epoch();
        assert_eq!(LocalDateTime::from_minutes_since_epoch(m), Some(t));
        assert_eq!(
            serde_json::to_string(&t).ok().as_deref(),
            Some("\"2026-03-29T02:30\"")
        );
        assert!(serde_json::from_str::<LocalDateTime>("\"tomorrow\"").is_err());
    }
}
