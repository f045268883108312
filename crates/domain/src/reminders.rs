//! Renewal reminders: the model, field limits, repeat rules and due status.
//! Times are wall-clock (`LocalDateTime`): a reminder for 09:00 stays at
//! 09:00 across daylight-saving changes.

use serde::{Deserialize, Serialize};

use super::catalog::{ChannelId, OperatorId};
use super::date::LocalDateTime;

/// Most reminders kept (a clear message past it, never a silent drop).
pub const MAX_REMINDERS: usize = 1000;
/// Longest label, in characters.
pub const MAX_LABEL: usize = 80;
/// Longest note, in characters.
pub const MAX_NOTE: usize = 500;
/// Longest repeat interval, in days.
pub const MAX_INTERVAL_DAYS: u32 = 366;
/// Earliest warning, in days before the due time.
pub const MAX_WARN_DAYS: u32 = 30;

/// A reminder's stable id (also its calendar UID).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ReminderId(pub String);

impl ReminderId {
    /// True for 1 to 64 letters, digits, `-` and `_`.
    pub fn is_valid(&self) -> bool {
        (1..=64).contains(&self.0.len())
            && self
                .0
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    }
}

/// How a reminder repeats. Stored as `"none"`, `"monthly"` or
/// `{"every_days": 30}` (an externally tagged enum: the cheapest form for
/// serde to read, which matters in wasm).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Repeat {
    /// A one-off: once renewed, there is no next due time.
    #[default]
    None,
    /// Every this many days, 1 to [`MAX_INTERVAL_DAYS`].
    EveryDays(u32),
    /// The same day each month, clamped to the month's last day.
    Monthly,
}

/// A reminder as stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reminder {
    /// Unique id, also its calendar event's UID.
    pub id: ReminderId,
    /// What to renew, one line of at most [`MAX_LABEL`] characters.
    pub label: String,
    /// When it is due, in wall-clock time.
    pub due: LocalDateTime,
    /// The line's operator, when the user chose one.
    #[serde(default)]
    pub operator: Option<OperatorId>,
    /// The renewal path it was made from (a result's "remind me"), if any.
    #[serde(default)]
    pub channel: Option<ChannelId>,
    /// The user's note, at most [`MAX_NOTE`] characters; may hold line breaks.
    #[serde(default)]
    pub note: String,
    /// How it rolls forward once renewed.
    #[serde(default)]
    pub repeat: Repeat,
    /// Warn this many days before `due`.
    #[serde(default)]
    pub warn_days: u32,
}

/// What the user typed in the reminder form.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Draft {
    /// The label as typed; [`clean_label`] cleans it on save.
    pub label: String,
    /// The due time, `None` when the field is empty or invalid.
    pub due: Option<LocalDateTime>,
    /// The operator chosen, if any.
    pub operator: Option<OperatorId>,
    /// The renewal path the form was opened from, if any.
    pub channel: Option<ChannelId>,
    /// The note as typed; [`clean_note`] cleans it on save.
    pub note: String,
    /// The repeat rule chosen.
    pub repeat: Repeat,
    /// Days before `due` to warn, as chosen.
    pub warn_days: u32,
}

/// Why a reminder cannot be saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReminderError {
    /// The label is empty once cleaned.
    LabelEmpty,
    /// The label is over [`MAX_LABEL`] characters.
    LabelTooLong,
    /// The note is over [`MAX_NOTE`] characters.
    NoteTooLong,
    /// No due time was given.
    NoDue,
    /// An `EveryDays` interval outside 1 to [`MAX_INTERVAL_DAYS`].
    BadInterval,
    /// `warn_days` is over [`MAX_WARN_DAYS`].
    WarnTooEarly,
    /// Already [`MAX_REMINDERS`] reminders: no room for another.
    TooMany,
    /// The id is not 1 to 64 letters, digits, `-` and `_`.
    BadId,
}

/// Trims, and drops control characters (a label is one line).
pub fn clean_label(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control())
        .collect::<String>()
        .trim()
        .to_owned()
}

/// Trims, and drops control characters other than line breaks.
pub fn clean_note(s: &str) -> String {
    s.chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .collect::<String>()
        .trim()
        .to_owned()
}

impl Reminder {
    /// Builds a reminder from a draft, checking every field.
    pub fn from_draft(draft: &Draft, id: ReminderId) -> Result<Reminder, ReminderError> {
        let reminder = Reminder {
            id,
            label: clean_label(&draft.label),
            due: draft.due.ok_or(ReminderError::NoDue)?,
            operator: draft.operator,
            channel: draft.channel.clone(),
            note: clean_note(&draft.note),
            repeat: draft.repeat,
            warn_days: draft.warn_days,
        };
        reminder.check()?;
        Ok(reminder)
    }

    /// Checks the limits (also used on imported and stored reminders).
    pub fn check(&self) -> Result<(), ReminderError> {
        if !self.id.is_valid() {
            return Err(ReminderError::BadId);
        }
        if self.label.trim().is_empty() {
            return Err(ReminderError::LabelEmpty);
        }
        if self.label.chars().count() > MAX_LABEL {
            return Err(ReminderError::LabelTooLong);
        }
        if self.note.chars().count() > MAX_NOTE {
            return Err(ReminderError::NoteTooLong);
        }
        if let Repeat::EveryDays(days) = self.repeat {
            if !(1..=MAX_INTERVAL_DAYS).contains(&days) {
                return Err(ReminderError::BadInterval);
            }
        }
        if self.warn_days > MAX_WARN_DAYS {
            return Err(ReminderError::WarnTooEarly);
        }
        Ok(())
    }

    /// The next due time by the repeat rule, or `None` for a one-off.
    pub fn next_due(&self, after: LocalDateTime) -> Option<LocalDateTime> {
        let step = |t: LocalDateTime| -> Option<LocalDateTime> {
            match self.repeat {
                Repeat::None => None,
                Repeat::EveryDays(days) => Some(LocalDateTime {
                    date: t.date.add_days(i64::from(days))?,
                    ..t
                }),
                Repeat::Monthly => Some(LocalDateTime {
                    date: t.date.add_months(1)?,
                    ..t
                }),
            }
        };
        let mut due = step(self.due)?;
        // Rolled from an old due date: skip the periods already past.
        while due <= after {
            due = step(due)?;
        }
        Some(due)
    }

    /// "Renewed": a repeating reminder rolls forward to its next due time
    /// after `now`; a one-off has nothing to roll to (`None`).
    pub fn renewed(&self, now: LocalDateTime) -> Option<Reminder> {
        self.next_due(now).map(|due| Reminder {
            due,
            ..self.clone()
        })
    }

    /// When the warning starts.
    pub fn warn_from(&self) -> LocalDateTime {
        LocalDateTime::from_minutes_since_epoch(
            self.due.minutes_since_epoch() - i64::from(self.warn_days) * 1440,
        )
        .unwrap_or(self.due)
    }

    /// Where the reminder stands at `now`.
    pub fn status(&self, now: LocalDateTime) -> Status {
        if self.due <= now {
            Status::Due
        } else if self.warn_from() <= now {
            Status::Soon
        } else {
            Status::Later
        }
    }
}

/// Where a reminder stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Due or overdue.
    Due,
    /// Within its warning period.
    Soon,
    /// Not yet within its warning period.
    Later,
}

/// Sorts by due time, then label, then id (a stable, total order).
pub fn sort(reminders: &mut Vec<Reminder>) {
    super::order::sort_by(reminders, |a, b| {
        (a.due, &a.label, &a.id).cmp(&(b.due, &b.label, &b.id))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> LocalDateTime {
        LocalDateTime::parse(s).unwrap_or_else(|| panic!("{s}"))
    }

    fn reminder(due: &str, repeat: Repeat) -> Reminder {
        let draft = Draft {
            label: "Renew Nar data".into(),
            due: Some(at(due)),
            repeat,
            warn_days: 3,
            ..Draft::default()
        };
        Reminder::from_draft(&draft, ReminderId("r1".into())).expect("valid")
    }

    #[test]
    fn limits_are_checked() {
        let mut d = Draft {
            label: "  ".into(),
            due: Some(at("2026-12-01T09:00")),
            ..Draft::default()
        };
        let id = || ReminderId("x".into());
        assert_eq!(
            Reminder::from_draft(&d, id()),
            Err(ReminderError::LabelEmpty)
        );
        d.label = "a".repeat(MAX_LABEL + 1);
        assert_eq!(
            Reminder::from_draft(&d, id()),
            Err(ReminderError::LabelTooLong)
        );
        d.label = "语".repeat(MAX_LABEL);
        assert!(
            Reminder::from_draft(&d, id()).is_ok(),
            "limits count characters, not bytes"
        );
        d.repeat = Repeat::EveryDays(0);
        assert_eq!(
            Reminder::from_draft(&d, id()),
            Err(ReminderError::BadInterval)
        );
        d.repeat = Repeat::Monthly;
        d.warn_days = MAX_WARN_DAYS + 1;
        assert_eq!(
            Reminder::from_draft(&d, id()),
            Err(ReminderError::WarnTooEarly)
        );
        d.warn_days = 1;
        d.due = None;
        assert_eq!(Reminder::from_draft(&d, id()), Err(ReminderError::NoDue));
        d.due = Some(at("2026-12-01T09:00"));
        assert_eq!(
            Reminder::from_draft(&d, ReminderId("a b".into())),
            Err(ReminderError::BadId)
        );
    }

    #[test]
    fn labels_lose_control_characters() {
        assert_eq!(clean_label(" a\u{0}b\nc\u{202e}d "), "abc\u{202e}d");
        assert_eq!(clean_note(" line 1\nline 2\u{7}\t "), "line 1\nline 2");
    }

    #[test]
    fn renewed_rolls_forward_by_the_rule() {
        let every_30 = reminder("2026-11-01T09:00", Repeat::EveryDays(30));
        assert_eq!(
            every_30.renewed(at("2026-11-01T10:00")).map(|r| r.due),
            Some(at("2026-12-01T09:00"))
        );
        // Renewed late: skips the periods already past.
        assert_eq!(
            every_30.renewed(at("2027-01-15T00:00")).map(|r| r.due),
            Some(at("2027-01-30T09:00"))
        );
        let monthly = reminder("2026-01-31T20:00", Repeat::Monthly);
        assert_eq!(
            monthly.renewed(at("2026-01-31T21:00")).map(|r| r.due),
            Some(at("2026-02-28T20:00"))
        );
        assert_eq!(
            reminder("2026-11-01T09:00", Repeat::None).renewed(at("2026-11-02T00:00")),
            None
        );
    }

    #[test]
    fn status_follows_the_warning_window() {
        let r = reminder("2026-12-10T09:00", Repeat::None);
        assert_eq!(r.status(at("2026-12-01T00:00")), Status::Later);
        assert_eq!(r.status(at("2026-12-07T09:00")), Status::Soon);
        assert_eq!(r.status(at("2026-12-10T09:00")), Status::Due);
        assert_eq!(r.status(at("2027-01-01T00:00")), Status::Due);
    }

    #[test]
    fn sorting_is_by_due_then_label() {
        let mut list = vec![
            reminder("2026-12-10T09:00", Repeat::None),
            Reminder {
                label: "B".into(),
                ..reminder("2026-12-01T09:00", Repeat::None)
            },
            Reminder {
                label: "A".into(),
                ..reminder("2026-12-01T09:00", Repeat::None)
            },
        ];
        sort(&mut list);
        let labels: Vec<_> = list.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["A", "B", "Renew Nar data"]);
    }
}
