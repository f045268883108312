//! The ranking engine over every combination of inputs, plus the specific
//! expectations of the picker issue.

use azsim::domain::catalog::{ChannelKind, OperatorId, Payment, Plan, SimKind};
use azsim::domain::params::OperatorChoice;
use azsim::domain::recommend::{Blocker, Caveat};
use azsim::domain::{rank, Query};

mod common;
use common::shipped as catalog;

fn q(sim: SimKind, op: OperatorId, pay: Payment) -> Query {
    Query {
        sim: Some(sim),
        op: Some(OperatorChoice::Known(op)),
        pay: Some(pay),
        ..Query::default()
    }
}

fn ids(paths: &[azsim::domain::recommend::RankedPath<'_>]) -> Vec<String> {
    paths.iter().map(|p| p.channel.id.0.clone()).collect()
}

#[test]
fn every_combination_gives_a_consistent_answer() {
    let c = catalog();
    let queries = Query::every();
    assert_eq!(queries.len(), 4 * 8 * 6 * 8);
    for q in &queries {
        let r = rank(&c, q);
        // Feasible paths really fit, checked against the channel's own attributes.
        for p in &r.paths {
            let ch = p.channel;
            assert!(
                q.online || !ch.needs_internet,
                "{q:?}: {} needs internet",
                ch.id.0
            );
            assert!(
                q.in_az || !ch.needs_presence,
                "{q:?}: {} needs presence",
                ch.id.0
            );
            assert!(ch.plans.contains(&q.plan), "{q:?}: {} plan", ch.id.0);
            if let Some(sim) = q.sim {
                assert!(ch.sims.contains(&sim), "{q:?}: {} sim", ch.id.0);
            }
            if let Some(OperatorChoice::Known(op)) = q.op {
                assert_eq!(ch.operator, op, "{q:?}");
            }
            if let Some(pay) = q.pay {
                assert!(ch.pay_later || ch.takes(pay), "{q:?}: {} payment", ch.id.0);
                assert!(!ch.needs_local_card || pay == Payment::LocalCard);
            }
        }
        // Ranked best first, and every blocked path says why.
        assert!(
            r.paths.windows(2).all(|w| w[0].score >= w[1].score),
            "{q:?}"
        );
        assert!(r.blocked.iter().all(|b| !b.blockers.is_empty()), "{q:?}");
        // A channel appears at most once.
        let mut seen: Vec<&str> = r.paths.iter().map(|p| p.channel.id.0.as_str()).collect();
        seen.extend(r.blocked.iter().map(|b| b.channel.id.0.as_str()));
        let n = seen.len();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), n, "{q:?}");
        // Either a path, or the catalog's "no path: here is what to do".
        assert!(!r.is_empty() || !c.no_path.is_empty());
    }
}

#[test]
fn a_known_line_in_azerbaijan_with_internet_always_has_a_path() {
    let c = catalog();
    for q in Query::every() {
        let (Some(sim), Some(OperatorChoice::Known(op)), Some(pay)) = (q.sim, q.op, q.pay) else {
            continue;
        };
        let consistent = (sim == SimKind::TravelEsim) == op.is_travel_esim();
        // Travel eSIMs are paid online: cash or someone's balance gets "no path".
        let offline_pay = matches!(pay, Payment::Transfer | Payment::Cash);
        if !consistent || !q.online || !q.in_az || (op.is_travel_esim() && offline_pay) {
            continue;
        }
        assert!(!rank(&c, &q).is_empty(), "no path for {q:?}");
    }
}

#[test]
fn no_internet_and_cash_puts_kiosk_shop_or_card_first() {
    let c = catalog();
    for op in [OperatorId::Azercell, OperatorId::Nar] {
        for sim in [SimKind::Physical, SimKind::Esim] {
            let r = rank(
                &c,
                &Query {
                    online: false,
                    ..q(sim, op, Payment::Cash)
                },
            );
            let first = r.paths.first().expect("a path");
            assert!(
                matches!(
                    first.channel.kind,
                    ChannelKind::Kiosk
                        | ChannelKind::Office
                        | ChannelKind::ScratchCard
                        | ChannelKind::BankPost
                ),
                "{op:?}: first is {}",
                first.channel.id.0
            );
            assert!(r.paths.iter().all(|p| !p.channel.needs_internet));
        }
    }
}

#[test]
fn foreign_card_never_gets_a_local_card_path() {
    let c = catalog();
    for q in Query::every()
        .into_iter()
        .filter(|q| q.pay == Some(Payment::ForeignCard))
    {
        let r = rank(&c, &q);
        assert!(r.paths.iter().all(|p| !p.channel.needs_local_card), "{q:?}");
        for b in r.blocked.iter().filter(|b| b.channel.needs_local_card) {
            assert!(b.blockers.contains(&Blocker::NeedsLocalCard));
        }
    }
    let r = rank(
        &c,
        &q(
            SimKind::Physical,
            OperatorId::Azercell,
            Payment::ForeignCard,
        ),
    );
    assert!(r
        .blocked
        .iter()
        .any(|b| b.channel.id.0 == "azercell_birbank"));
}

#[test]
fn travel_esim_is_never_sent_to_an_operator_shop() {
    let c = catalog();
    for q in Query::every()
        .into_iter()
        .filter(|q| q.sim == Some(SimKind::TravelEsim))
    {
        let r = rank(&c, &q);
        for id in ids(&r.paths)
            .iter()
            .chain(r.blocked.iter().map(|b| &b.channel.id.0))
        {
            assert!(
                !id.starts_with("azercell_")
                    && !id.starts_with("bakcell_")
                    && !id.starts_with("nar_"),
                "{q:?}: {id}"
            );
        }
    }
    let r = rank(
        &c,
        &q(
            SimKind::TravelEsim,
            OperatorId::Airalo,
            Payment::ForeignCard,
        ),
    );
    assert_eq!(ids(&r.paths), ["airalo_app"]);
}

#[test]
fn esim_nar_foreign_card_offline_explains_itself() {
    let c = catalog();
    let r = rank(
        &c,
        &Query {
            online: false,
            ..q(SimKind::Esim, OperatorId::Nar, Payment::ForeignCard)
        },
    );
    let app = r
        .blocked
        .iter()
        .find(|b| b.channel.id.0 == "nar_app")
        .expect("nar_app is blocked");
    assert!(app.blockers.contains(&Blocker::NeedsInternet));
    let kiosk = r
        .blocked
        .iter()
        .find(|b| b.channel.id.0 == "nar_kiosk")
        .expect("kiosk is blocked");
    assert!(kiosk
        .blockers
        .contains(&Blocker::Payment(Payment::ForeignCard)));
    assert!(!r.is_empty());
    // What is offered is honest about it: unconfirmed card or pay-later credit.
    for p in &r.paths {
        assert!(
            p.caveats.contains(&Caveat::PaymentUnconfirmed)
                || p.caveats.contains(&Caveat::PayLater),
            "{} offered without caveat",
            p.channel.id.0
        );
    }
}

#[test]
fn physical_azercell_cash_in_azerbaijan() {
    let c = catalog();
    let r = rank(
        &c,
        &q(SimKind::Physical, OperatorId::Azercell, Payment::Cash),
    );
    assert_eq!(r.paths[0].channel.id.0, "azercell_kiosk");
    assert!(ids(&r.paths).iter().all(|id| id.starts_with("azercell_")));
    assert!(!r.paths[0].merits.is_empty());
    // Not in Azerbaijan: nothing that needs a trip is feasible.
    let away = rank(
        &c,
        &Query {
            in_az: false,
            ..q(SimKind::Physical, OperatorId::Azercell, Payment::Cash)
        },
    );
    assert!(away.paths.iter().all(|p| !p.channel.needs_presence));
    assert!(away
        .blocked
        .iter()
        .any(|b| b.blockers.contains(&Blocker::NeedsPresence)));
}

#[test]
fn unsure_operator_shows_each_operators_paths_with_a_caveat() {
    let c = catalog();
    let r = rank(
        &c,
        &Query {
            sim: Some(SimKind::Physical),
            op: Some(OperatorChoice::Unsure),
            pay: Some(Payment::Cash),
            ..Query::default()
        },
    );
    let ops: std::collections::HashSet<_> = r.paths.iter().map(|p| p.channel.operator).collect();
    assert!(ops.contains(&OperatorId::Azercell) && ops.contains(&OperatorId::Nar));
    assert!(r
        .paths
        .iter()
        .all(|p| p.caveats.contains(&Caveat::IfOperator(p.channel.operator))));
}

#[test]
fn postpaid_blocks_prepaid_only_channels() {
    let c = catalog();
    let r = rank(
        &c,
        &Query {
            plan: Plan::Postpaid,
            ..q(SimKind::Physical, OperatorId::Azercell, Payment::Cash)
        },
    );
    let card = r
        .blocked
        .iter()
        .find(|b| b.channel.id.0 == "azercell_scratch_card")
        .expect("blocked");
    assert_eq!(card.blockers, vec![Blocker::Plan(Plan::Prepaid)]);
}
