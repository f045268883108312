//! When mobile data runs out: from the megabytes left and a daily use, and
//! the day the pack ends, whichever comes first.

use super::date::Date;

/// Why the data runs out on [`RunOut::on`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunOutCause {
    /// The megabytes are used up before the pack ends (or it has no end).
    DataUsedUp,
    /// The pack ends while megabytes are left (or nothing is used).
    PackEnds,
    /// Both on the same day.
    Both,
}

/// The day the user is left without data, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RunOut {
    /// The day asked about (`today`).
    pub today: Date,
    /// The first day without data: the earlier of `data_gone` and
    /// `pack_ends`.
    pub on: Date,
    /// Whether the data is used up, the pack ends, or both, on that day.
    pub cause: RunOutCause,
    /// The first day the daily use no longer fits in what is left: today
    /// plus the number of whole days the megabytes last. `None` when nothing
    /// is used per day.
    pub data_gone: Option<Date>,
    /// The day the pack ends, as given.
    pub pack_ends: Option<Date>,
}

impl RunOut {
    /// The day to be reminded, `days_before` the run-out day, never before
    /// today (a reminder cannot be in the past).
    pub fn remind_on(&self, days_before: u32) -> Date {
        self.on
            .add_days(-i64::from(days_before))
            .map_or(self.today, |d| d.max(self.today))
    }

    /// Days from today to the run-out day (0 today, negative if the pack has
    /// already ended).
    pub fn days_left(&self) -> i64 {
        self.on.days_since_epoch() - self.today.days_since_epoch()
    }
}

/// When data runs out with `left_mb` left, using `mb_per_day` from `today`
/// on, on a pack that ends on `pack_ends` (if it does). The megabytes last
/// `left_mb / mb_per_day` whole days (rounded down), so they are gone on
/// today plus that many days. `None` only when nothing is used per day and
/// the pack has no end: the data never runs out.
pub fn data_run_out(
    left_mb: u32,
    mb_per_day: u32,
    today: Date,
    pack_ends: Option<Date>,
) -> Option<RunOut> {
    // Past year 9999 counts as never.
    let data_gone = (mb_per_day > 0)
        .then(|| today.add_days(i64::from(left_mb / mb_per_day)))
        .flatten();
    let (on, cause) = match (data_gone, pack_ends) {
        (None, None) => return None,
        (Some(d), None) => (d, RunOutCause::DataUsedUp),
        (None, Some(p)) => (p, RunOutCause::PackEnds),
        (Some(d), Some(p)) if d < p => (d, RunOutCause::DataUsedUp),
        (Some(d), Some(p)) if p < d => (p, RunOutCause::PackEnds),
        (Some(d), Some(_)) => (d, RunOutCause::Both),
    };
    Some(RunOut {
        today,
        on,
        cause,
        data_gone,
        pack_ends,
    })
}
