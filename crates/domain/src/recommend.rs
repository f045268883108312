//! The ranking engine: from the picker's [`Query`] and the [`Catalog`], the
//! renewal paths that can work for this user, best first, each with why it
//! ranks there, and the ones that cannot work now, each with why.
//!
//! Nothing here is a table per combination: every decision is derived from
//! the channel's attributes (what it serves, what it needs, what it takes).

use super::catalog::{Catalog, Channel, ChannelKind, Confidence, OperatorId, Payment, Plan};
use super::order;
use super::params::{OperatorChoice, Query};

/// Why a channel ranks where it does: a point in its favour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Merit {
    /// A source confirms it takes the chosen payment method.
    TakesYourPayment,
    /// Money arrives at once.
    Instant,
    /// Money arrives within this many minutes.
    WithinMinutes(u32),
    /// Works from anywhere, no trip needed.
    FromAnywhere,
    /// Needs no internet.
    NoInternet,
    /// The operator's or government's own page confirms it.
    OfficialSource,
    /// Can top up automatically next time.
    AutoTopUp,
}

/// A point against a feasible channel, shown with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Caveat {
    /// It may take the chosen payment, but no source confirms it.
    PaymentUnconfirmed,
    /// The user is not sure of the operator: this applies if it is this one.
    IfOperator(OperatorId),
    /// Credit: nothing paid now, repaid from the next top-up.
    PayLater,
    /// Its sources are weak.
    WeakSource,
}

/// Why a channel cannot work for this user now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Blocker {
    /// It does not take the chosen payment method.
    Payment(Payment),
    /// It needs internet and the user has none.
    NeedsInternet,
    /// It needs the user to be in Azerbaijan.
    NeedsPresence,
    /// It needs a card from an Azerbaijani bank.
    NeedsLocalCard,
    /// It serves only the other kind of line.
    Plan(Plan),
}

/// A path that can work, with its rank explained.
#[derive(Clone, Debug)]
pub struct RankedPath<'c> {
    /// The channel to use.
    pub channel: &'c Channel,
    /// The sum of its points; paths are sorted by it, highest first.
    pub score: i32,
    /// Points in its favour, strongest first.
    pub merits: Vec<Merit>,
    /// Points against it, shown with it.
    pub caveats: Vec<Caveat>,
}

/// A path that cannot work now, with every reason.
#[derive(Clone, Debug)]
pub struct BlockedPath<'c> {
    /// The channel that cannot be used now.
    pub channel: &'c Channel,
    /// Every reason why, never empty; paths with fewer are listed first.
    pub blockers: Vec<Blocker>,
}

/// The answer to a query.
#[derive(Clone, Debug, Default)]
pub struct Recommendation<'c> {
    /// Feasible paths, best first.
    pub paths: Vec<RankedPath<'c>>,
    /// Paths for this SIM and operator that cannot work now.
    pub blocked: Vec<BlockedPath<'c>>,
}

impl Recommendation<'_> {
    /// True when nothing fits: the UI then shows the catalog's "what to do".
    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }
}

/// How a channel relates to a query.
enum Fit {
    /// For another SIM kind or operator: not shown at all.
    Irrelevant,
    Blocked(Vec<Blocker>),
    Feasible(Vec<Caveat>),
}

/// True when the channel serves this SIM kind and operator.
fn serves_line(ch: &Channel, q: &Query) -> bool {
    let sim_ok = q.sim.is_none_or(|s| ch.sims.contains(&s));
    let op_ok = match q.op {
        None => true,
        Some(OperatorChoice::Known(id)) => ch.operator == id,
        // "Not sure" covers the network operators, or the travel-eSIM
        // providers when the SIM is a travel eSIM.
        Some(OperatorChoice::Unsure) => match q.sim {
            Some(sim) => ch.sims.contains(&sim),
            None => !ch.operator.is_travel_esim(),
        },
    };
    sim_ok && op_ok
}

fn fit(ch: &Channel, q: &Query) -> Fit {
    if !serves_line(ch, q) {
        return Fit::Irrelevant;
    }
    let mut blockers = Vec::new();
    if let Some(pay) = q.pay {
        if ch.needs_local_card && pay != Payment::LocalCard {
            blockers.push(Blocker::NeedsLocalCard);
        } else if !ch.pay_later && !ch.takes(pay) {
            blockers.push(Blocker::Payment(pay));
        }
    }
    if ch.needs_internet && !q.online {
        blockers.push(Blocker::NeedsInternet);
    }
    if ch.needs_presence && !q.in_az {
        blockers.push(Blocker::NeedsPresence);
    }
    if !ch.plans.contains(&q.plan) {
        let other = if q.plan == Plan::Prepaid {
            Plan::Postpaid
        } else {
            Plan::Prepaid
        };
        blockers.push(Blocker::Plan(other));
    }
    if !blockers.is_empty() {
        return Fit::Blocked(blockers);
    }
    let mut caveats = Vec::new();
    if ch.pay_later {
        caveats.push(Caveat::PayLater);
    } else if let Some(pay) = q.pay {
        if !ch.payments.contains(&pay) {
            caveats.push(Caveat::PaymentUnconfirmed);
        }
    }
    if q.op == Some(OperatorChoice::Unsure) {
        caveats.push(Caveat::IfOperator(ch.operator));
    }
    if ch.confidence <= Confidence::Low {
        caveats.push(Caveat::WeakSource);
    }
    Fit::Feasible(caveats)
}

/// Scores a feasible channel; returns the score and its merits, strongest
/// first. Higher is better.
fn score(ch: &Channel, q: &Query) -> (i32, Vec<Merit>) {
    let mut points: Vec<(i32, Option<Merit>)> = Vec::new();
    // Paying: a confirmed method beats an unconfirmed one; credit is a stopgap.
    if ch.pay_later {
        points.push((-30, None));
    } else {
        match q.pay {
            Some(pay) if ch.payments.contains(&pay) => {
                points.push((40, Some(Merit::TakesYourPayment)))
            }
            Some(_) => points.push((10, None)),
            None if !ch.payments.is_empty() => points.push((20, None)),
            None => points.push((0, None)),
        }
    }
    // Speed until the money is on the line.
    match ch.credit_minutes {
        Some(0) => points.push((20, Some(Merit::Instant))),
        Some(m) if m <= 60 => points.push((12, Some(Merit::WithinMinutes(m)))),
        _ => {}
    }
    if !ch.needs_presence {
        points.push((10, Some(Merit::FromAnywhere)));
    }
    if !ch.needs_internet {
        // Worth more when the user has no internet to fall back on.
        points.push((if q.online { 5 } else { 8 }, Some(Merit::NoInternet)));
    }
    points.push(match ch.confidence {
        Confidence::High => (15, Some(Merit::OfficialSource)),
        Confidence::Medium => (5, None),
        Confidence::Low => (-10, None),
        Confidence::Unconfirmed => (-20, None),
    });
    if ch.kind == ChannelKind::BankApp {
        points.push((3, Some(Merit::AutoTopUp)));
    }
    let total = points.iter().map(|(p, _)| p).sum();
    order::sort_by_key(&mut points, |(p, _)| std::cmp::Reverse(*p));
    (total, points.into_iter().filter_map(|(_, m)| m).collect())
}

/// Ranks every channel of the catalog for this query.
pub fn rank<'c>(catalog: &'c Catalog, q: &Query) -> Recommendation<'c> {
    let mut rec = Recommendation::default();
    for ch in &catalog.channels {
        match fit(ch, q) {
            Fit::Irrelevant => {}
            Fit::Blocked(blockers) => rec.blocked.push(BlockedPath {
                channel: ch,
                blockers,
            }),
            Fit::Feasible(caveats) => {
                let (score, merits) = score(ch, q);
                rec.paths.push(RankedPath {
                    channel: ch,
                    score,
                    merits,
                    caveats,
                });
            }
        }
    }
    // Stable sorts: ties keep catalog order.
    order::sort_by_key(&mut rec.paths, |p| std::cmp::Reverse(p.score));
    order::sort_by_key(&mut rec.blocked, |b| b.blockers.len());
    rec
}
