//! Calendar export: reminders as an iCalendar file (RFC 5545) that phone and
//! desktop calendars import. Pure text building; the browser code converts
//! each reminder's wall-clock `due` to UTC with the browser's time zone and
//! passes the instants in.
//!
//! Every content line ends with CRLF and is folded to at most 75 octets
//! without splitting a UTF-8 character (RFC 5545 section 3.1); TEXT values
//! are escaped (section 3.3.11).

use std::fmt;

use super::date::{Date, LocalDateTime};
use super::reminders::{Reminder, Repeat};

/// An instant: whole seconds since 1970-01-01T00:00:00Z.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UtcTime(pub i64);

/// 0001-01-01T00:00:00Z, the earliest time that can be written.
const MIN_SECONDS: i64 = -719_162 * 86_400;
/// 9999-12-31T23:59:59Z, the latest time that can be written.
const MAX_SECONDS: i64 = 2_932_897 * 86_400 - 1;

impl UtcTime {
    /// From seconds since the Unix epoch.
    pub const fn from_unix_seconds(seconds: i64) -> UtcTime {
        UtcTime(seconds)
    }

    /// From milliseconds since the Unix epoch, as JavaScript's `Date.now()`
    /// and `Date.prototype.getTime()` give them (rounded down to a second;
    /// NaN becomes the epoch).
    pub fn from_unix_millis(millis: f64) -> UtcTime {
        UtcTime((millis / 1000.0).floor() as i64)
    }

    /// A wall-clock time at a fixed offset east of UTC, in minutes (`+240`
    /// for Baku, UTC+4). JavaScript's `getTimezoneOffset()` has the opposite
    /// sign, and the offset must be the one in force on that date where
    /// daylight-saving time applies.
    pub fn from_local(local: LocalDateTime, offset_east_minutes: i32) -> UtcTime {
        UtcTime((local.minutes_since_epoch() - i64::from(offset_east_minutes)) * 60)
    }

    /// Seconds since the Unix epoch.
    pub const fn seconds(self) -> i64 {
        self.0
    }
}

/// `YYYYMMDDTHHMMSSZ` (RFC 5545 UTC date-time). Times outside years 1 to
/// 9999 are clamped to that range.
impl fmt::Display for UtcTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let seconds = self.0.clamp(MIN_SECONDS, MAX_SECONDS);
        let of_day = seconds.rem_euclid(86_400);
        // In range after the clamp; the fallback is never taken.
        let date = Date::from_days_since_epoch(seconds.div_euclid(86_400)).unwrap_or(Date {
            year: 1970,
            month: 1,
            day: 1,
        });
        write!(
            f,
            "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
            date.year,
            date.month,
            date.day,
            of_day / 3600,
            of_day / 60 % 60,
            of_day % 60
        )
    }
}

/// One reminder to export, with its due time already converted to UTC.
#[derive(Clone, Copy, Debug)]
pub struct Event<'a> {
    /// The reminder: its label, note, repeat rule and warning.
    pub reminder: &'a Reminder,
    /// The reminder's wall-clock `due`, in UTC by the browser's time zone.
    pub due_utc: UtcTime,
}

/// The calendar's product identifier.
pub const PRODID: &str = "-//AzSIM//Renewal reminders//EN";

/// The whole `.ics` file: one `VEVENT` per event, in the order given, each
/// with one display alarm. `stamp_utc` (now) is every event's `DTSTAMP`.
///
/// The `UID` is `<reminder id>@azsim`, so importing a newer export updates
/// the events instead of duplicating them.
///
/// Repeats: `EveryDays { days }` becomes `RRULE:FREQ=DAILY;INTERVAL=days`
/// and `Monthly` becomes `RRULE:FREQ=MONTHLY`. For a reminder due on the
/// 29th to 31st, calendars *skip* the months without that day (RFC 5545
/// ignores invalid dates), while the app clamps to the month's last day
/// (31 January, then 28 February). An `EveryDays` interval of 0 (invalid,
/// rejected by `Reminder::check`) is exported without a repeat rule.
///
/// `DTSTART` is in UTC, so a repeating event keeps its UTC time: where the
/// user's zone observes daylight-saving time, later occurrences shift by an
/// hour on the calendar, unlike the app's wall-clock reminders.
pub fn calendar(events: &[Event<'_>], stamp_utc: UtcTime) -> String {
    let mut out = String::with_capacity(200 + events.len() * 400);
    let mut line = |name: &str, value: &str| push_line(&mut out, name, value);
    line("BEGIN", "VCALENDAR");
    line("VERSION", "2.0");
    line("PRODID", PRODID);
    line("CALSCALE", "GREGORIAN");
    line("METHOD", "PUBLISH");
    for event in events {
        let r = event.reminder;
        let label = escape_text(&r.label);
        line("BEGIN", "VEVENT");
        line("UID", &format!("{}@azsim", escape_text(&r.id.0)));
        line("DTSTAMP", &stamp_utc.to_string());
        line("DTSTART", &event.due_utc.to_string());
        line("DURATION", "PT15M");
        line("SUMMARY", &label);
        let note = escape_text(&r.note);
        if !note.is_empty() {
            line("DESCRIPTION", &note);
        }
        match r.repeat {
            Repeat::None | Repeat::EveryDays(0) => {}
            Repeat::EveryDays(days) => line("RRULE", &format!("FREQ=DAILY;INTERVAL={days}")),
            Repeat::Monthly => line("RRULE", "FREQ=MONTHLY"),
        }
        line("BEGIN", "VALARM");
        line("ACTION", "DISPLAY");
        line("DESCRIPTION", &label);
        if r.warn_days > 0 {
            line("TRIGGER", &format!("-P{}D", r.warn_days));
        } else {
            line("TRIGGER", "PT0S");
        }
        line("END", "VALARM");
        line("END", "VEVENT");
    }
    line("END", "VCALENDAR");
    out
}

/// Escapes a TEXT value: `\` `;` `,` get a backslash, a newline becomes
/// `\n`; carriage returns and other control characters (which may not
/// appear in a content line) are dropped, tabs kept.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Longest content line, in octets, excluding the CRLF.
const MAX_LINE: usize = 75;

/// Appends `name:value` as a content line, folded: a line longer than 75
/// octets continues on the next line after CRLF and one space, cut only at
/// a character boundary.
fn push_line(out: &mut String, name: &str, value: &str) {
    let whole = format!("{name}:{value}");
    let mut rest = whole.as_str();
    // The first line has 75 octets; a continuation has a space and 74.
    let mut room = MAX_LINE;
    while rest.len() > room {
        let mut cut = room;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        room = MAX_LINE - 1;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

/// Longest file name, in characters.
const MAX_FILE_NAME: usize = 40;

/// A safe ASCII file name for a reminder's export, such as
/// `azsim-renew-nar-data.ics` for "Renew Nar data": lowercase letters,
/// digits and single hyphens, at most 40 characters. Azerbaijani and
/// Russian letters are transliterated; anything else separates words.
/// A label with nothing usable gives `azsim-reminder.ics`.
pub fn file_name(label: &str) -> String {
    const PREFIX: &str = "azsim-";
    const SUFFIX: &str = ".ics";
    let room = MAX_FILE_NAME - PREFIX.len() - SUFFIX.len();
    let mut slug = String::new();
    let mut gap = false;
    for c in label.chars().flat_map(char::to_lowercase) {
        match transliterate(c) {
            Some(ascii) => {
                if ascii.is_empty() {
                    continue;
                }
                if gap && !slug.is_empty() {
                    slug.push('-');
                }
                slug.push_str(ascii);
                gap = false;
            }
            None => gap = true,
        }
        if slug.len() >= room {
            break;
        }
    }
    slug.truncate(room);
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "azsim-reminder.ics".to_owned()
    } else {
        format!("{PREFIX}{slug}{SUFFIX}")
    }
}

/// A lowercase character as ASCII letters or digits: `Some("")` for marks
/// that vanish (combining accents, the Russian hard and soft signs), `None`
/// for separators and characters without a transliteration.
fn transliterate(c: char) -> Option<&'static str> {
    const ASCII: &str = "abcdefghijklmnopqrstuvwxyz0123456789";
    if c.is_ascii_alphanumeric() {
        let i = ASCII.find(c)?;
        return ASCII.get(i..i + 1);
    }
    Some(match c {
        '\u{300}'..='\u{36f}' => "",
        // Azerbaijani (and Turkish) letters.
        'ə' | 'ä' => "e",
        'ğ' => "g",
        'ı' => "i",
        'ş' => "s",
        'ç' => "c",
        'ö' => "o",
        'ü' => "u",
        // Russian.
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' | 'ё' | 'э' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' => "i",
        'й' | 'ы' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ю' => "yu",
        'я' => "ya",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reminders::ReminderId;

    fn at(s: &str) -> LocalDateTime {
        LocalDateTime::parse(s).unwrap_or_else(|| panic!("{s}"))
    }

    fn reminder(id: &str, label: &str, note: &str, repeat: Repeat, warn_days: u32) -> Reminder {
        Reminder {
            id: ReminderId(id.into()),
            label: label.into(),
            due: at("2026-12-01T09:00"),
            operator: None,
            channel: None,
            note: note.into(),
            repeat,
            warn_days,
        }
    }

    const BAKU: i32 = 4 * 60;
    const STAMP: UtcTime = UtcTime(1_780_000_000);

    fn export(reminders: &[Reminder]) -> String {
        let events: Vec<Event<'_>> = reminders
            .iter()
            .map(|r| Event {
                reminder: r,
                due_utc: UtcTime::from_local(r.due, BAKU),
            })
            .collect();
        calendar(&events, STAMP)
    }

    /// RFC 5545 unfolding: CRLF followed by one space or tab disappears.
    fn unfold(s: &str) -> String {
        s.replace("\r\n ", "").replace("\r\n\t", "")
    }

    /// RFC 5545 TEXT unescaping, one escape at a time from the left.
    fn unescape(s: &str) -> String {
        let mut out = String::new();
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(e @ ('\\' | ';' | ',')) => out.push(e),
                other => panic!("bad escape \\{other:?} in {s:?}"),
            }
        }
        out
    }

    /// The unfolded values of every `name` property, in order.
    fn values(ics: &str, name: &str) -> Vec<String> {
        let prefix = format!("{name}:");
        unfold(ics)
            .split("\r\n")
            .filter_map(|l| l.strip_prefix(&prefix))
            .map(str::to_owned)
            .collect()
    }

    /// Every physical line ends with CRLF, has no other CR or LF and is at
    /// most 75 octets; continuation lines start with a space.
    fn assert_well_formed(ics: &str) {
        assert!(ics.ends_with("\r\n"), "ends with CRLF");
        let body = &ics[..ics.len() - 2];
        for line in body.split("\r\n") {
            assert!(
                !line.contains('\r') && !line.contains('\n'),
                "bare CR or LF in {line:?}"
            );
            assert!(line.len() <= MAX_LINE, "{} octets: {line:?}", line.len());
            assert!(!line.is_empty(), "empty line");
        }
    }

    #[test]
    fn utc_times_are_formatted() {
        assert_eq!(UtcTime(0).to_string(), "19700101T000000Z");
        assert_eq!(UtcTime(-1).to_string(), "19691231T235959Z");
        assert_eq!(UtcTime(951_782_400 + 3_723).to_string(), "20000229T010203Z");
        assert_eq!(
            UtcTime::from_unix_millis(1_700_000_000_999.0).to_string(),
            "20231114T221320Z"
        );
        assert_eq!(UtcTime::from_unix_millis(-1.0), UtcTime(-1));
        // Clamped to the years an iCalendar date-time can hold.
        assert_eq!(UtcTime(i64::MIN).to_string(), "00010101T000000Z");
        assert_eq!(UtcTime(i64::MAX).to_string(), "99991231T235959Z");
        let first = Date {
            year: 1,
            month: 1,
            day: 1,
        }
        .days_since_epoch();
        let last = Date {
            year: 9999,
            month: 12,
            day: 31,
        }
        .days_since_epoch();
        assert_eq!(
            (MIN_SECONDS, MAX_SECONDS),
            (first * 86_400, last * 86_400 + 86_399)
        );
    }

    #[test]
    fn baku_wall_clock_becomes_utc() {
        let due = UtcTime::from_local(at("2026-12-01T09:00"), BAKU);
        assert_eq!(due.to_string(), "20261201T050000Z");
        // Early morning in Baku is the previous day in UTC.
        assert_eq!(
            UtcTime::from_local(at("2027-01-01T02:30"), BAKU).to_string(),
            "20261231T223000Z"
        );
        assert_eq!(
            UtcTime::from_local(at("2026-12-01T09:00"), -300).to_string(),
            "20261201T140000Z"
        );
        let ics = export(&[reminder("r1", "Renew", "", Repeat::None, 0)]);
        assert_eq!(values(&ics, "DTSTART"), ["20261201T050000Z"]);
    }

    #[test]
    fn whole_file_for_one_reminder() {
        let r = reminder(
            "r1",
            "Renew Nar data",
            "Dial *700#",
            Repeat::EveryDays(30),
            3,
        );
        let expected = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//AzSIM//Renewal reminders//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            "UID:r1@azsim",
            "DTSTAMP:20260528T202640Z",
            "DTSTART:20261201T050000Z",
            "DURATION:PT15M",
            "SUMMARY:Renew Nar data",
            "DESCRIPTION:Dial *700#",
            "RRULE:FREQ=DAILY;INTERVAL=30",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "DESCRIPTION:Renew Nar data",
            "TRIGGER:-P3D",
            "END:VALARM",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
        .join("\r\n");
        assert_eq!(export(&[r]), expected);
    }

    #[test]
    fn no_events_is_an_empty_calendar() {
        let ics = calendar(&[], STAMP);
        assert_eq!(ics.matches("BEGIN:").count(), 1);
        assert!(!ics.contains("VEVENT"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
    }

    #[test]
    fn repeat_rules() {
        let ics = export(&[
            reminder("once", "a", "", Repeat::None, 0),
            reminder("every", "b", "", Repeat::EveryDays(7), 0),
            reminder("monthly", "c", "", Repeat::Monthly, 0),
            reminder("broken", "d", "", Repeat::EveryDays(0), 0),
        ]);
        assert_eq!(
            values(&ics, "RRULE"),
            ["FREQ=DAILY;INTERVAL=7", "FREQ=MONTHLY"]
        );
        // The rules belong to the right events.
        let events: Vec<&str> = ics.split("BEGIN:VEVENT").skip(1).collect();
        assert_eq!(events.len(), 4);
        assert!(!events[0].contains("RRULE"));
        assert!(
            events[1].contains("UID:every@azsim\r\n")
                && events[1].contains("RRULE:FREQ=DAILY;INTERVAL=7\r\n")
        );
        assert!(
            events[2].contains("UID:monthly@azsim\r\n")
                && events[2].contains("RRULE:FREQ=MONTHLY\r\n")
        );
        assert!(!events[3].contains("RRULE"));
    }

    #[test]
    fn alarm_triggers() {
        let ics = export(&[
            reminder("a", "a", "", Repeat::None, 0),
            reminder("b", "b", "", Repeat::None, 1),
            reminder("c", "c", "", Repeat::None, 30),
        ]);
        assert_eq!(values(&ics, "TRIGGER"), ["PT0S", "-P1D", "-P30D"]);
        assert_eq!(values(&ics, "ACTION"), ["DISPLAY"; 3]);
        assert_eq!(ics.matches("BEGIN:VALARM\r\n").count(), 3);
        assert_eq!(ics.matches("END:VALARM\r\n").count(), 3);
    }

    #[test]
    fn description_only_with_a_note() {
        let ics = export(&[
            reminder("a", "Label", "", Repeat::None, 0),
            reminder("b", "Label", "Note", Repeat::None, 0),
        ]);
        // Each alarm has one; only the second event has its own.
        assert_eq!(values(&ics, "DESCRIPTION"), ["Label", "Note", "Label"]);
        // A note of control characters only is empty once cleaned.
        let ics = export(&[reminder("a", "Label", "\r\u{7}", Repeat::None, 0)]);
        assert_eq!(values(&ics, "DESCRIPTION"), ["Label"]);
    }

    #[test]
    fn uid_is_stable_across_exports() {
        let list = [
            reminder("abc_1-X", "One", "", Repeat::None, 0),
            reminder("zz9", "Two", "", Repeat::Monthly, 2),
        ];
        let first = export(&list);
        let later = calendar(
            &list
                .iter()
                .map(|r| Event {
                    reminder: r,
                    due_utc: UtcTime(0),
                })
                .collect::<Vec<_>>(),
            UtcTime(STAMP.0 + 86_400 * 40),
        );
        assert_ne!(first, later, "stamps and times differ");
        assert_eq!(values(&first, "UID"), ["abc_1-X@azsim", "zz9@azsim"]);
        assert_eq!(values(&first, "UID"), values(&later, "UID"));
        // Even a malformed id cannot break out of its line.
        let odd = export(&[reminder("a\r\nSUMMARY:x;y", "L", "", Repeat::None, 0)]);
        assert_eq!(values(&odd, "UID"), [r"a\nSUMMARY:x\;y@azsim"]);
        assert_eq!(values(&odd, "SUMMARY"), ["L"]);
    }

    #[test]
    fn text_escaping() {
        assert_eq!(escape_text(r"a,b;c\d"), r"a\,b\;c\\d");
        assert_eq!(
            escape_text("line 1\r\nline 2\nline 3\rend"),
            r"line 1\nline 2\nline 3end"
        );
        assert_eq!(escape_text("tab\there\u{0}\u{1b}\u{7f}"), "tab\there");
        assert_eq!(
            escape_text("plain: <b>ok</b> \"quoted\""),
            "plain: <b>ok</b> \"quoted\""
        );
    }

    #[test]
    fn escaping_round_trips() {
        let tricky = [
            "a,b;c\\d",
            r"C:\new\n\\,\;",
            "\\",
            "ends with backslash\\",
            ",,,;;;",
            "line 1\nline 2\n\nline 4",
            "Baku; Nar, Azercell \\ Bakcell",
            "<img src=x onerror=alert(1)>",
        ];
        for text in tricky {
            assert_eq!(unescape(&escape_text(text)), text, "{text:?}");
            let ics = export(&[reminder("r", text, text, Repeat::None, 0)]);
            assert_well_formed(&ics);
            assert_eq!(
                values(&ics, "SUMMARY")
                    .iter()
                    .map(|v| unescape(v))
                    .collect::<Vec<_>>(),
                [text]
            );
            assert_eq!(
                values(&ics, "DESCRIPTION")
                    .iter()
                    .map(|v| unescape(v))
                    .collect::<Vec<_>>(),
                [text, text]
            );
        }
    }

    #[test]
    fn folding_keeps_lines_short() {
        let mut out = String::new();
        push_line(&mut out, "SUMMARY", &"a".repeat(75 - 8));
        assert_eq!(out.len(), 77, "exactly 75 octets is not folded");
        assert!(!out.contains("\r\n "));
        let mut out = String::new();
        push_line(&mut out, "SUMMARY", &"a".repeat(75 - 7));
        assert_eq!(out, format!("SUMMARY:{}\r\n a\r\n", "a".repeat(67)));
        let mut out = String::new();
        push_line(&mut out, "SUMMARY", &"b".repeat(67 + 74 + 1));
        assert_eq!(
            out,
            format!(
                "SUMMARY:{}\r\n {}\r\n b\r\n",
                "b".repeat(67),
                "b".repeat(74)
            )
        );
    }

    #[test]
    fn folding_never_splits_a_character() {
        let labels = [
            "续费流量提醒：每月一号前往营业厅充值🙂📶🇦🇿".repeat(3),
            "🙂".repeat(80),
            format!("a{}", "语".repeat(79)),
            format!("ab{}", "😀".repeat(78)),
            "Nömrəni yeniləmək: ğ ı ş ç ö ü Ə Ğ I Ş Ç Ö Ü".repeat(2),
            "Продлить мобильный интернет — Azercell, Bakcell, Nar".repeat(2),
            "x".repeat(500),
        ];
        for label in &labels {
            let ics = export(&[reminder("r", label, label, Repeat::Monthly, 5)]);
            assert_well_formed(&ics);
            // Continuation lines exist, start with one space, and each
            // physical line is valid UTF-8 on its own.
            let summary_start = ics.find("SUMMARY:").expect("summary");
            let physical: Vec<&str> = ics[summary_start..]
                .split("\r\n")
                .take_while(|l| !l.starts_with("DESCRIPTION"))
                .collect();
            assert!(physical.len() > 1, "{label} should fold");
            for (i, line) in physical.iter().enumerate() {
                assert!(
                    i == 0 || line.starts_with(' '),
                    "continuation starts with a space: {line:?}"
                );
                if i + 1 < physical.len() {
                    assert!(
                        line.len() > MAX_LINE - 4,
                        "folds as late as possible: {line:?}"
                    );
                }
            }
            assert_eq!(
                values(&ics, "SUMMARY")
                    .iter()
                    .map(|v| unescape(v))
                    .collect::<Vec<_>>(),
                [label.as_str()]
            );
        }
    }

    #[test]
    fn labels_in_every_language_survive() {
        let labels = [
            "Nar internetini yenilə — ğ, ı, ə",
            "Продлить интернет; Азерселл",
            "续费流量 📶",
            "<img src=x onerror=alert(1)>",
        ];
        let list: Vec<Reminder> = labels
            .iter()
            .enumerate()
            .map(|(i, l)| reminder(&format!("r{i}"), l, "", Repeat::None, 0))
            .collect();
        let ics = export(&list);
        assert_well_formed(&ics);
        let summaries: Vec<String> = values(&ics, "SUMMARY")
            .iter()
            .map(|v| unescape(v))
            .collect();
        assert_eq!(summaries, labels);
        // Not HTML: the markup passes through as text, unchanged.
        assert!(ics.contains("SUMMARY:<img src=x onerror=alert(1)>\r\n"));
    }

    #[test]
    fn file_names() {
        assert_eq!(file_name("Renew Nar data"), "azsim-renew-nar-data.ics");
        assert_eq!(
            file_name("  Azercell -- 5 GB!!  "),
            "azsim-azercell-5-gb.ics"
        );
        assert_eq!(
            file_name("Nar internetini yenilə"),
            "azsim-nar-internetini-yenile.ics"
        );
        assert_eq!(file_name("Ğ Ş Ç Ö Ü Ə İ ı"), "azsim-g-s-c-o-u-e-i-i.ics");
        assert_eq!(file_name("Продлить интернет"), "azsim-prodlit-internet.ics");
        assert_eq!(file_name("续费流量"), "azsim-reminder.ics");
        assert_eq!(file_name("续费 Nar 流量"), "azsim-nar.ics");
        assert_eq!(file_name(""), "azsim-reminder.ics");
        assert_eq!(file_name("../../etc/passwd"), "azsim-etc-passwd.ics");
        assert_eq!(
            file_name("<img src=x onerror=alert(1)>"),
            "azsim-img-src-x-onerror-alert-1.ics"
        );
        let long = file_name(&"word ".repeat(40));
        assert_eq!(long, "azsim-word-word-word-word-word-word.ics");
        for label in [
            "a".repeat(100),
            "щ".repeat(100),
            "ab ".repeat(50),
            "🙂a".repeat(60),
        ] {
            let name = file_name(&label);
            assert!(name.len() <= MAX_FILE_NAME, "{name}");
            assert!(
                name.starts_with("azsim-") && name.ends_with(".ics"),
                "{name}"
            );
            let stem = &name[..name.len() - 4];
            assert!(
                stem.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{name}"
            );
            assert!(!stem.ends_with('-') && !stem.contains("--"), "{name}");
        }
    }
}
