//! How long a prepaid top-up keeps a line active: the rule in force on the
//! day of payment (`data/validity.json`), the band for the amount, and the
//! end date, with what the user must know to trust it (the rule it replaced,
//! an upcoming change, an estimate, or no rule at all).
//!
//! Amounts are whole qəpik (1 AZN = 100 qəpik), never floats.

use super::catalog::{
    BandCovers, Catalog, OperatorId, ValidityBand, ValidityNote, ValidityRule, ValidityUnknown,
};
use super::date::Date;

/// A change of rule this close to the payment day (before or after it) is
/// shown next to the answer.
pub const NEAR_CHANGE_DAYS: i64 = 60;

/// The last date `Date` can hold; end dates past it are clamped to it.
const LAST_DATE: Date = Date {
    year: 9999,
    month: 12,
    day: 31,
};

/// How long one top-up keeps the line active under one rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    /// The band the amount falls in.
    pub band: ValidityBand,
    /// Calendar days the line stays active (`band.days`).
    pub days: u32,
    /// The day the period ends: the payment day plus `days`.
    pub ends: Date,
    /// The last day a new top-up still keeps the number and its unused
    /// balance (`ends` plus the rule's window), when the rule gives one.
    pub window_ends: Option<Date>,
    /// True when the source gives this period only for another amount (a
    /// card value) and AzSIM applied the band below: an estimate to flag.
    pub extrapolated: bool,
}

/// What one rule says about one amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BandAnswer {
    /// The amount is below the rule's smallest band.
    TooSmall {
        /// The smallest amount the rule gives a period for, in qəpik.
        min_qepik: u32,
    },
    /// The amount falls in a band: the period it buys.
    Active(Period),
}

/// A rule with its answer for the amount and payment day asked about.
#[derive(Clone, Debug, PartialEq)]
pub struct RuleAnswer {
    /// The rule asked.
    pub rule: ValidityRule,
    /// What the rule says for the amount.
    pub answer: BandAnswer,
}

/// The answer to "I paid `amount_qepik` on `paid_on`: until when is my line
/// active?"
#[derive(Clone, Debug, PartialEq)]
pub struct ValidityAnswer {
    /// The operator of the line.
    pub operator: OperatorId,
    /// The amount paid, in qəpik (1 AZN = 100 qəpik).
    pub amount_qepik: u32,
    /// The day of payment.
    pub paid_on: Date,
    /// The rule in force on `paid_on` and its answer; `None` when no rule is
    /// known (Bakcell, a travel eSIM, or a day before the first known rule).
    pub current: Option<RuleAnswer>,
    /// When `current` is `None`: what to tell the user (no source found, ask
    /// the operator). `None` for travel eSIMs, which have no such rules.
    pub unknown: Option<ValidityUnknown>,
    /// The rule `current` replaced, with its answer for comparison, when the
    /// change was less than [`NEAR_CHANGE_DAYS`] before `paid_on`, when the
    /// newer rule is less certain than the older one, or when the last known
    /// rule has ended.
    pub superseded: Option<RuleAnswer>,
    /// A rule starting less than [`NEAR_CHANGE_DAYS`] after `paid_on`, with
    /// its answer for the same amount.
    pub upcoming: Option<RuleAnswer>,
    /// Facts to show with the answer that are not bands (Azercell's tariff
    /// fee rule of 19 June 2025), in force on `paid_on`.
    pub notes: Vec<ValidityNote>,
}

impl ValidityAnswer {
    /// True when no rule applies: show `unknown`.
    pub fn no_rule(&self) -> bool {
        self.current.is_none()
    }

    /// True when a rule applies but the amount is below its smallest band.
    pub fn too_small(&self) -> bool {
        matches!(
            self.current,
            Some(RuleAnswer {
                answer: BandAnswer::TooSmall { .. },
                ..
            })
        )
    }

    /// The period under the current rule, if there is one.
    pub fn period(&self) -> Option<&Period> {
        match &self.current {
            Some(RuleAnswer {
                answer: BandAnswer::Active(p),
                ..
            }) => Some(p),
            _ => None,
        }
    }

    /// The day the line's active period ends, if known.
    pub fn ends(&self) -> Option<Date> {
        self.period().map(|p| p.ends)
    }

    /// True when the end date is an estimate beyond what the source gives.
    pub fn extrapolated(&self) -> bool {
        self.period().is_some_and(|p| p.extrapolated)
    }
}

/// The operator's rule in force on `on`: the latest `effective` on or before
/// it whose `until` (if any) has not passed.
pub fn rule_in_force(catalog: &Catalog, op: OperatorId, on: Date) -> Option<&ValidityRule> {
    catalog
        .validity
        .iter()
        .filter(|r| r.operator == op && r.effective <= on && r.until.is_none_or(|u| on <= u))
        .max_by_key(|r| r.effective)
}

/// What `rule` gives for `amount_qepik` paid on `paid_on`: the highest band
/// whose `min_qepik` is at most the amount, or too small below the first.
pub fn band_answer(rule: &ValidityRule, amount_qepik: u32, paid_on: Date) -> BandAnswer {
    let Some(i) = rule.bands.iter().rposition(|b| b.min_qepik <= amount_qepik) else {
        return BandAnswer::TooSmall {
            min_qepik: rule.bands.first().map_or(0, |b| b.min_qepik),
        };
    };
    let band = rule.bands[i];
    let extrapolated = match band.covers {
        BandCovers::Exact => amount_qepik != band.min_qepik,
        BandCovers::Range | BandCovers::AndAbove => false,
    };
    let ends = add_days(paid_on, band.days);
    BandAnswer::Active(Period {
        band,
        days: band.days,
        ends,
        window_ends: rule.window_days.map(|w| add_days(ends, w)),
        extrapolated,
    })
}

/// How long a top-up of `amount_qepik` paid on `paid_on` keeps a line of
/// `op` active, with the rule, its sources and what else the user should see.
pub fn line_validity(
    catalog: &Catalog,
    op: OperatorId,
    amount_qepik: u32,
    paid_on: Date,
) -> ValidityAnswer {
    let answer = |rule: &ValidityRule| RuleAnswer {
        rule: rule.clone(),
        answer: band_answer(rule, amount_qepik, paid_on),
    };
    let rules: Vec<&ValidityRule> = catalog
        .validity
        .iter()
        .filter(|r| r.operator == op)
        .collect();
    let current = rule_in_force(catalog, op, paid_on);

    // The rule before the current one (or, with no current rule, the last
    // one that started before the payment day and has since ended).
    let before = current.map_or(paid_on, |c| c.effective);
    let previous = rules
        .iter()
        .filter(|r| r.effective < before || (current.is_none() && r.effective == before))
        .max_by_key(|r| r.effective);
    let superseded = previous.filter(|prev| match current {
        None => true,
        Some(cur) => {
            days_between(cur.effective, paid_on) < NEAR_CHANGE_DAYS
                || cur.confidence < prev.confidence
        }
    });
    let upcoming = rules
        .iter()
        .filter(|r| r.effective > paid_on && days_between(paid_on, r.effective) < NEAR_CHANGE_DAYS)
        .min_by_key(|r| r.effective);

    ValidityAnswer {
        operator: op,
        amount_qepik,
        paid_on,
        current: current.map(answer),
        unknown: match current {
            Some(_) => None,
            None => catalog
                .validity_unknown
                .iter()
                .find(|u| u.operator == op)
                .cloned(),
        },
        superseded: superseded.map(|r| answer(r)),
        upcoming: upcoming.map(|r| answer(r)),
        notes: catalog
            .validity_notes
            .iter()
            .filter(|n| {
                n.operator == op && n.effective <= paid_on && n.until.is_none_or(|u| paid_on <= u)
            })
            .cloned()
            .collect(),
    }
}

/// Parses an amount typed in AZN (`2`, `2.5`, `2,50`) into qəpik. At most
/// two decimals; no sign, no spaces inside, no amounts past `u32`.
pub fn parse_azn(s: &str) -> Option<u32> {
    let s = s.trim();
    let (whole, frac) = match s.split_once(['.', ',']) {
        Some((w, f)) => (w, f),
        None => (s, ""),
    };
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && frac.is_empty())
        || !digits(whole)
        || !digits(frac)
        || frac.len() > 2
        || (s.contains(['.', ',']) && frac.is_empty())
    {
        return None;
    }
    let whole: u32 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let frac: u32 = match frac.len() {
        0 => 0,
        1 => frac.parse::<u32>().ok()? * 10,
        _ => frac.parse().ok()?,
    };
    whole.checked_mul(100)?.checked_add(frac)
}

/// Writes qəpik as AZN with two decimals: `250` → `2.50`.
fn add_days(date: Date, days: u32) -> Date {
    date.add_days(i64::from(days)).unwrap_or(LAST_DATE)
}

/// Days from `a` to `b` (negative when `b` is earlier).
fn days_between(a: Date, b: Date) -> i64 {
    b.days_since_epoch() - a.days_since_epoch()
}
