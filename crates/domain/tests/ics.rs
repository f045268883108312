//! The calendar export read back by an independent iCalendar parser (the
//! `icalendar` crate): what a calendar app would see on import.
#![cfg(not(target_arch = "wasm32"))]

use azsim_domain::date::LocalDateTime;
use azsim_domain::ics::{calendar, file_name, Event, UtcTime};
use azsim_domain::reminders::{Reminder, ReminderId, Repeat};
use icalendar::parser::{read_calendar, unfold, Component};

const BAKU: i32 = 240;

fn reminder(
    id: &str,
    label: &str,
    note: &str,
    due: &str,
    repeat: Repeat,
    warn_days: u32,
) -> Reminder {
    Reminder {
        id: ReminderId(id.into()),
        label: label.into(),
        due: LocalDateTime::parse(due).unwrap_or_else(|| panic!("{due}")),
        operator: None,
        channel: None,
        note: note.into(),
        repeat,
        warn_days,
    }
}

fn sample() -> Vec<Reminder> {
    vec![
        reminder(
            "nar-1",
            "Renew Nar data",
            "",
            "2026-12-01T09:00",
            Repeat::Monthly,
            3,
        ),
        reminder(
            "az_2",
            "Nar internetini yenilə: ğ, ı, ə; Ş Ç Ö Ü",
            "Qeyd\nikinci sətir",
            "2026-12-02T00:30",
            Repeat::None,
            0,
        ),
        reminder(
            "ru3",
            "Продлить интернет Azercell, 10 ГБ; до полуночи",
            "",
            "2027-01-31T23:59",
            Repeat::EveryDays(30),
            1,
        ),
        reminder(
            "zh4",
            "续费流量提醒：每月一号前往营业厅充值🙂📶🇦🇿，别忘了带护照 — 这是一个很长的标签",
            "备注 with emoji 🙂 and a backslash \\ here",
            "2026-06-15T12:00",
            Repeat::EveryDays(7),
            30,
        ),
        reminder(
            "xss5",
            "<img src=x onerror=alert(1)>",
            "<script>alert('x')</script>",
            "2026-07-01T08:15",
            Repeat::None,
            2,
        ),
    ]
}

fn export(reminders: &[Reminder], stamp: UtcTime) -> String {
    let events: Vec<Event<'_>> = reminders
        .iter()
        .map(|r| Event {
            reminder: r,
            due_utc: UtcTime::from_local(r.due, BAKU),
        })
        .collect();
    calendar(&events, stamp)
}

fn prop<'a>(c: &'a Component<'_>, name: &str) -> Option<&'a str> {
    c.find_prop(name).map(|p| p.val.as_str())
}

#[test]
fn parser_reads_every_event_back() {
    let list = sample();
    let text = export(&list, UtcTime::from_unix_seconds(1_780_000_000));
    for line in text.split_terminator("\r\n") {
        assert!(line.len() <= 75, "{line:?}");
    }
    let unfolded = unfold(&text);
    let parsed = read_calendar(&unfolded).unwrap_or_else(|e| panic!("{e}\n{text}"));

    let cal_prop = |name: &str| {
        parsed
            .properties
            .iter()
            .find(|p| p.name == name)
            .map(|p| p.val.as_str())
    };
    assert_eq!(cal_prop("VERSION"), Some("2.0"));
    assert_eq!(cal_prop("PRODID"), Some("-//AzSIM//Renewal reminders//EN"));
    assert_eq!(cal_prop("CALSCALE"), Some("GREGORIAN"));
    assert_eq!(cal_prop("METHOD"), Some("PUBLISH"));

    assert_eq!(parsed.components.len(), list.len());
    for (event, r) in parsed.components.iter().zip(&list) {
        assert_eq!(event.name, "VEVENT");
        // The parser unescapes TEXT values.
        assert_eq!(prop(event, "SUMMARY"), Some(r.label.as_str()), "{}", r.id.0);
        assert_eq!(
            prop(event, "UID"),
            Some(format!("{}@azsim", r.id.0).as_str())
        );
        assert_eq!(prop(event, "DTSTAMP"), Some("20260528T202640Z"));
        assert_eq!(prop(event, "DURATION"), Some("PT15M"));
        let start = prop(event, "DTSTART").expect("DTSTART");
        assert_eq!(start.len(), 16);
        assert!(start.ends_with('Z'));
        assert_eq!(
            prop(event, "DESCRIPTION"),
            (!r.note.is_empty()).then_some(r.note.as_str()),
            "{}",
            r.id.0
        );
        let rrule = match r.repeat {
            Repeat::None => None,
            Repeat::EveryDays(days) => Some(format!("FREQ=DAILY;INTERVAL={days}")),
            Repeat::Monthly => Some("FREQ=MONTHLY".to_owned()),
        };
        assert_eq!(prop(event, "RRULE").map(str::to_owned), rrule, "{}", r.id.0);

        assert_eq!(event.components.len(), 1, "one alarm");
        let alarm = &event.components[0];
        assert_eq!(alarm.name, "VALARM");
        assert_eq!(prop(alarm, "ACTION"), Some("DISPLAY"));
        assert_eq!(prop(alarm, "DESCRIPTION"), Some(r.label.as_str()));
        let trigger = if r.warn_days == 0 {
            "PT0S".to_owned()
        } else {
            format!("-P{}D", r.warn_days)
        };
        assert_eq!(prop(alarm, "TRIGGER"), Some(trigger.as_str()));
    }

    let starts: Vec<&str> = parsed
        .components
        .iter()
        .filter_map(|c| prop(c, "DTSTART"))
        .collect();
    assert_eq!(
        starts,
        [
            "20261201T050000Z",
            "20261201T203000Z",
            "20270131T195900Z",
            "20260615T080000Z",
            "20260701T041500Z"
        ]
    );
}

#[test]
fn converts_to_the_crate_calendar_type() {
    let text = export(&sample(), UtcTime::from_unix_seconds(0));
    let cal: icalendar::Calendar = text.parse().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(cal.components.len(), sample().len());
}

#[test]
fn uids_survive_a_second_export() {
    let list = sample();
    let uids = |text: &str| -> Vec<String> {
        let unfolded = unfold(text);
        let parsed = read_calendar(&unfolded).unwrap_or_else(|e| panic!("{e}"));
        parsed
            .components
            .iter()
            .filter_map(|c| prop(c, "UID"))
            .map(str::to_owned)
            .collect()
    };
    let first = export(&list, UtcTime::from_unix_seconds(1_780_000_000));
    let second = export(&list, UtcTime::from_unix_seconds(1_790_000_000));
    assert_ne!(first, second);
    assert_eq!(
        uids(&first),
        [
            "nar-1@azsim",
            "az_2@azsim",
            "ru3@azsim",
            "zh4@azsim",
            "xss5@azsim"
        ]
    );
    assert_eq!(uids(&first), uids(&second));
}

#[test]
fn file_name_for_the_sample() {
    assert_eq!(file_name(&sample()[0].label), "azsim-renew-nar-data.ics");
}
