//! The ranking engine over every combination of inputs, plus the specific
//! expectations of the picker issue.

use azsim_domain::catalog::{ChannelKind, OperatorId, Payment, Plan, SimKind};
use azsim_domain::params::OperatorChoice;
use azsim_domain::recommend::{Blocker, Caveat};
use azsim_domain::{rank, Query};

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

fn ids(paths: &[azsim_domain::recommend::RankedPath<'_>]) -> Vec<String> {
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
        // No source confirms an Azercell or Bakcell eSIM (see below); balance
        // transfers are for prepaid lines only (Azercell's Paycell, Nar's
        // "only for prepaid numbers"), and Nar's credit too.
        let unconfirmed_esim = sim == SimKind::Esim && op != OperatorId::Nar;
        let postpaid_nar_transfer =
            op == OperatorId::Nar && q.plan == Plan::Postpaid && pay == Payment::Transfer;
        // Travel eSIMs are prepaid ("Airalo resells prepaid eSIMs").
        let postpaid_travel_esim = op.is_travel_esim() && q.plan == Plan::Postpaid;
        if !consistent
            || !q.online
            || !q.in_az
            || (op.is_travel_esim() && offline_pay)
            || unconfirmed_esim
            || postpaid_nar_transfer
            || postpaid_travel_esim
        {
            continue;
        }
        assert!(!rank(&c, &q).is_empty(), "no path for {q:?}");
    }
}

#[test]
fn no_internet_and_cash_puts_kiosk_shop_or_card_first() {
    let c = catalog();
    for (op, sim) in [
        (OperatorId::Azercell, SimKind::Physical),
        (OperatorId::Nar, SimKind::Physical),
        (OperatorId::Nar, SimKind::Esim),
    ] {
        {
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

/// The blocked path for `id`, if the query blocks it.
fn blocked<'c>(r: &'c azsim_domain::Recommendation<'c>, id: &str) -> Option<&'c [Blocker]> {
    r.blocked
        .iter()
        .find(|b| b.channel.id.0 == id)
        .map(|b| b.blockers.as_slice())
}

#[test]
fn birbank_auto_top_up_is_offered_to_a_postpaid_azercell_line() {
    // The press release: "this option is activated for the first time for
    // Azercell postpaid subscribers" (the catalog once said prepaid only).
    let c = catalog();
    let postpaid = Query {
        plan: Plan::Postpaid,
        ..q(SimKind::Physical, OperatorId::Azercell, Payment::LocalCard)
    };
    let r = rank(&c, &postpaid);
    assert!(
        ids(&r.paths).contains(&"azercell_birbank".to_owned()),
        "{:?}",
        ids(&r.paths)
    );
    assert_eq!(blocked(&r, "azercell_birbank"), None);
}

#[test]
fn bakcell_credit_is_not_for_a_line_in_roaming() {
    // bakcell.com/en/klasskredit: "Your number should not be in roaming."
    let c = catalog();
    let abroad = Query {
        in_az: false,
        ..q(SimKind::Physical, OperatorId::Bakcell, Payment::Cash)
    };
    let r = rank(&c, &abroad);
    assert!(!ids(&r.paths).contains(&"bakcell_credit".to_owned()));
    assert!(blocked(&r, "bakcell_credit").is_some_and(|b| b.contains(&Blocker::NeedsPresence)));
    // At home it is offered.
    let home = rank(
        &c,
        &q(SimKind::Physical, OperatorId::Bakcell, Payment::Cash),
    );
    assert!(ids(&home.paths).contains(&"bakcell_credit".to_owned()));
}

#[test]
fn nar_credit_is_for_prepaid_lines_only_and_works_in_roaming() {
    // nar.az/en/senin-ucun/nar-kredit: "only available for prepaid
    // subscribers"; "Kredit services are also available in roaming."
    let c = catalog();
    let postpaid = Query {
        plan: Plan::Postpaid,
        ..q(SimKind::Physical, OperatorId::Nar, Payment::Cash)
    };
    let r = rank(&c, &postpaid);
    assert!(!ids(&r.paths).contains(&"nar_credit".to_owned()));
    assert_eq!(
        blocked(&r, "nar_credit"),
        Some(&[Blocker::Plan(Plan::Prepaid)][..])
    );
    let abroad = Query {
        in_az: false,
        ..q(SimKind::Physical, OperatorId::Nar, Payment::Cash)
    };
    assert!(ids(&rank(&c, &abroad).paths).contains(&"nar_credit".to_owned()));
}

#[test]
fn a_nar_transfer_reaches_a_receiver_abroad() {
    // The roaming ban is on the sender: "Subscribers who are in roaming cannot
    // transfer funds to other subscriber's balance".
    let c = catalog();
    let abroad = Query {
        in_az: false,
        ..q(SimKind::Physical, OperatorId::Nar, Payment::Transfer)
    };
    assert!(ids(&rank(&c, &abroad).paths).contains(&"nar_transfer".to_owned()));
}

#[test]
fn no_operator_esim_path_without_a_source_for_the_operators_esim() {
    // No source confirms an Azercell or Bakcell eSIM: none of their channels
    // is offered for one.
    let c = catalog();
    for op in [OperatorId::Azercell, OperatorId::Bakcell] {
        for ch in c.channels.iter().filter(|ch| ch.operator == op) {
            assert!(!ch.sims.contains(&SimKind::Esim), "{}", ch.id.0);
        }
        let r = rank(&c, &q(SimKind::Esim, op, Payment::Cash));
        assert!(r.paths.is_empty(), "{op:?}: {:?}", ids(&r.paths));
    }
}
