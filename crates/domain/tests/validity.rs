//! Top-up validity: every band edge of every rule, rule changes on their
//! dates, amounts too small, operators without a rule, estimates, end dates
//! across month and year ends, broken `data/validity.json` entries, and the
//! data run-out planner.
//!
//! The expected tables are written out here from the sources, not read back
//! from the catalog, so a wrong number in the data fails a test.

use azsim_domain::catalog::{OperatorId, EMBEDDED_FILES};
use azsim_domain::date::Date;
use azsim_domain::planner::{data_run_out, RunOutCause};
use azsim_domain::validity::{
    band_answer, line_validity, parse_azn, rule_in_force, BandAnswer, ValidityAnswer,
    NEAR_CHANGE_DAYS,
};
use azsim_domain::{Catalog, CatalogError, Lang};
use serde_json::{json, Value};

mod common;
use common::{assert_one, shipped as catalog};

fn d(s: &str) -> Date {
    Date::parse(s).unwrap_or_else(|| panic!("bad test date {s}"))
}

/// (amount in qəpik, days) as the sources give them.
const AZERCELL_2024: [(u32, u32); 8] = [
    (100, 5),
    (200, 10),
    (300, 20),
    (500, 30),
    (1000, 60),
    (2500, 90),
    (5000, 120),
    (10000, 120),
];
const AZERCELL_2025: [(u32, u32); 8] = [
    (100, 1),
    (200, 2),
    (300, 3),
    (500, 5),
    (1000, 10),
    (2500, 25),
    (5000, 50),
    (10000, 50),
];
const NAR_2024: [(u32, u32); 6] = [
    (100, 7),
    (200, 20),
    (500, 30),
    (1000, 50),
    (2000, 60),
    (5000, 120),
];

fn ask(op: OperatorId, qepik: u32, paid_on: &str) -> ValidityAnswer {
    line_validity(&catalog(), op, qepik, d(paid_on))
}

/// The days and estimate flag of an answer that has a period.
fn days(a: &ValidityAnswer) -> (u32, bool) {
    let p = a.period().unwrap_or_else(|| {
        panic!(
            "no period for {} qəpik on {}: {a:?}",
            a.amount_qepik, a.paid_on
        )
    });
    (p.days, p.extrapolated)
}

fn rule_id(a: &ValidityAnswer) -> &str {
    a.current.as_ref().map_or("(none)", |c| c.rule.id.as_str())
}

/// Checks every band of a table at its minimum and one qəpik below.
fn check_edges(op: OperatorId, paid_on: &str, id: &str, table: &[(u32, u32)]) {
    let c = catalog();
    let rule = rule_in_force(&c, op, d(paid_on)).expect("a rule in force");
    assert_eq!(rule.id, id);
    let data: Vec<(u32, u32)> = rule.bands.iter().map(|b| (b.min_qepik, b.days)).collect();
    assert_eq!(
        data, table,
        "{id}: the catalog's bands differ from the sources"
    );
    for (i, &(min, want)) in table.iter().enumerate() {
        let at = line_validity(&c, op, min, d(paid_on));
        assert_eq!(rule_id(&at), id);
        assert_eq!(days(&at), (want, false), "{id}: exactly {min} qəpik");
        let below = line_validity(&c, op, min - 1, d(paid_on));
        match i.checked_sub(1).map(|j| table[j]) {
            None => {
                assert!(
                    below.too_small(),
                    "{id}: {} qəpik is below the first band",
                    min - 1
                );
                assert_eq!(below.ends(), None);
            }
            Some((_, prev_days)) => {
                assert_eq!(days(&below).0, prev_days, "{id}: {} qəpik", min - 1);
            }
        }
    }
}

#[test]
fn azercell_2024_band_edges() {
    check_edges(
        OperatorId::Azercell,
        "2025-01-15",
        "azercell_2024",
        &AZERCELL_2024,
    );
    // Electronic ranges: everything from 1 to 99.99 AZN is covered.
    for qepik in [199, 299, 499, 999, 2499, 4999, 9999] {
        assert!(
            !ask(OperatorId::Azercell, qepik, "2025-01-15").extrapolated(),
            "{qepik}"
        );
    }
}

#[test]
fn azercell_2025_band_edges() {
    check_edges(
        OperatorId::Azercell,
        "2025-09-10",
        "azercell_2025",
        &AZERCELL_2025,
    );
    // Only 1–1.99 and 2–2.99 AZN are given as ranges; 4.99 AZN falls in the
    // 3 AZN card band, which the source gives for exactly 3 AZN.
    assert_eq!(
        days(&ask(OperatorId::Azercell, 199, "2025-09-10")),
        (1, false)
    );
    assert_eq!(
        days(&ask(OperatorId::Azercell, 299, "2025-09-10")),
        (2, false)
    );
    assert_eq!(
        days(&ask(OperatorId::Azercell, 499, "2025-09-10")),
        (3, true)
    );
}

#[test]
fn nar_2024_band_edges() {
    check_edges(OperatorId::Nar, "2025-01-15", "nar_2024", &NAR_2024);
    check_edges(OperatorId::Nar, "2026-11-26", "nar_2024", &NAR_2024);
}

#[test]
fn azercell_switches_rule_on_1_july_2025() {
    let before = ask(OperatorId::Azercell, 100, "2025-06-30");
    assert_eq!(rule_id(&before), "azercell_2024");
    assert_eq!(days(&before), (5, false));
    assert_eq!(before.ends(), Some(d("2025-07-05")));
    assert_eq!(
        before.period().and_then(|p| p.window_ends),
        Some(d("2026-01-01"))
    );
    // The change tomorrow is shown, with what the same top-up would give.
    let next = before.upcoming.as_ref().expect("upcoming rule");
    assert_eq!(next.rule.id, "azercell_2025");
    assert!(matches!(next.answer, BandAnswer::Active(p) if p.days == 1));
    assert!(before.superseded.is_none());

    let after = ask(OperatorId::Azercell, 100, "2025-07-01");
    assert_eq!(rule_id(&after), "azercell_2025");
    assert_eq!(days(&after), (1, false));
    assert_eq!(after.ends(), Some(d("2025-07-02")));
    assert_eq!(
        after.period().and_then(|p| p.window_ends),
        Some(d("2025-09-30"))
    );
    let old = after.superseded.as_ref().expect("superseded rule");
    assert_eq!(old.rule.id, "azercell_2024");
    assert!(matches!(old.answer, BandAnswer::Active(p) if p.days == 5));
    assert!(after.upcoming.is_none());
}

#[test]
fn superseded_rule_is_shown_near_a_change_or_when_the_new_one_is_less_sure() {
    // Azercell 2025 (one news source) is less sure than Azercell 2024 (the
    // operator's own page): the older answer stays visible long after.
    let late = ask(OperatorId::Azercell, 500, "2026-11-26");
    assert_eq!(rule_id(&late), "azercell_2025");
    assert_eq!(
        late.superseded.as_ref().map(|r| r.rule.id.as_str()),
        Some("azercell_2024")
    );
    // Nar has one rule: nothing to compare with, nothing upcoming.
    let nar = ask(OperatorId::Nar, 500, "2024-05-06");
    assert!(nar.superseded.is_none() && nar.upcoming.is_none());
    // A first rule starting soon is announced even when none applies yet.
    let soon = ask(OperatorId::Nar, 500, "2024-05-05");
    assert!(soon.no_rule());
    assert_eq!(
        soon.upcoming.as_ref().map(|r| r.rule.id.as_str()),
        Some("nar_2024")
    );
    let early = line_validity(
        &catalog(),
        OperatorId::Nar,
        500,
        d("2024-05-06").add_days(-NEAR_CHANGE_DAYS).expect("date"),
    );
    assert!(
        early.upcoming.is_none(),
        "{NEAR_CHANGE_DAYS} days ahead is not near"
    );
}

#[test]
fn before_the_first_known_rule_there_is_no_rule() {
    for (op, day) in [
        (OperatorId::Azercell, "2024-06-30"),
        (OperatorId::Nar, "2024-05-05"),
    ] {
        let a = ask(op, 1000, day);
        assert!(a.no_rule(), "{op:?} {day}");
        assert_eq!(a.ends(), None);
        let text = a.unknown.as_ref().expect("a text for the user");
        assert_eq!(text.operator, op);
        assert!(!a.too_small() && !a.extrapolated());
    }
}

#[test]
fn too_small_amounts() {
    for (op, day) in [
        (OperatorId::Azercell, "2025-01-15"),
        (OperatorId::Azercell, "2025-09-10"),
        (OperatorId::Nar, "2025-09-10"),
    ] {
        for qepik in [0, 1, 50, 99] {
            let a = ask(op, qepik, day);
            assert!(a.too_small(), "{op:?} {qepik}");
            assert!(!a.no_rule());
            assert_eq!(a.ends(), None);
            let cur = a.current.as_ref().expect("rule");
            assert_eq!(cur.answer, BandAnswer::TooSmall { min_qepik: 100 });
        }
    }
}

#[test]
fn bakcell_has_no_rule_and_says_to_ask_bakcell() {
    for day in ["2024-01-01", "2025-07-01", "2026-11-26"] {
        let a = ask(OperatorId::Bakcell, 500, day);
        assert!(a.no_rule());
        assert!(a.current.is_none() && a.superseded.is_none() && a.upcoming.is_none());
        assert!(a.notes.is_empty());
        let unknown = a.unknown.as_ref().expect("Bakcell text");
        assert!(unknown.text.en.contains("No source"), "{}", unknown.text.en);
        assert!(
            unknown.text.en.contains("Ask Bakcell"),
            "{}",
            unknown.text.en
        );
        for lang in Lang::ALL {
            assert!(unknown.text.get(lang).contains("Bakcell"), "{lang:?}");
        }
    }
    // Travel eSIMs have no validity rules and no text either.
    let a = ask(OperatorId::Airalo, 500, "2026-01-01");
    assert!(a.no_rule() && a.unknown.is_none());
}

#[test]
fn amounts_between_card_values_are_estimates() {
    // Azercell 2025 gives 3, 5, 10, 25, 50 and 100 AZN as card values only.
    assert_eq!(
        days(&ask(OperatorId::Azercell, 300, "2025-09-10")),
        (3, false)
    );
    assert_eq!(
        days(&ask(OperatorId::Azercell, 350, "2025-09-10")),
        (3, true)
    );
    assert_eq!(
        days(&ask(OperatorId::Azercell, 2000, "2025-09-10")),
        (10, true)
    );
    assert_eq!(
        days(&ask(OperatorId::Azercell, 10000, "2025-09-10")),
        (50, false)
    );
    assert_eq!(
        days(&ask(OperatorId::Azercell, 15000, "2025-09-10")),
        (50, true)
    );
    assert!(ask(OperatorId::Azercell, 15000, "2025-09-10").extrapolated());
    // Azercell 2024: ranges up to 99.99 AZN, then the 100 AZN card only.
    assert_eq!(
        days(&ask(OperatorId::Azercell, 7500, "2025-01-15")),
        (120, false)
    );
    assert_eq!(
        days(&ask(OperatorId::Azercell, 10001, "2025-01-15")),
        (120, true)
    );
    // Nar: 50 AZN "or more".
    assert_eq!(
        days(&ask(OperatorId::Nar, 100_000, "2025-01-15")),
        (120, false)
    );
}

#[test]
fn end_dates_cross_month_and_year_ends() {
    let a = ask(OperatorId::Nar, 1000, "2025-12-20");
    assert_eq!(a.ends(), Some(d("2026-02-08")));
    assert_eq!(
        a.period().and_then(|p| p.window_ends),
        None,
        "Nar gives no window"
    );
    let a = ask(OperatorId::Azercell, 100, "2025-12-31");
    assert_eq!(a.ends(), Some(d("2026-01-01")));
    assert_eq!(
        a.period().and_then(|p| p.window_ends),
        Some(d("2026-04-01"))
    );
    // Leap day.
    assert_eq!(
        ask(OperatorId::Nar, 100, "2028-02-27").ends(),
        Some(d("2028-03-05"))
    );
    assert_eq!(
        ask(OperatorId::Nar, 100, "2027-02-27").ends(),
        Some(d("2027-03-06"))
    );
    // Azercell 2024, 120 days across the year end.
    assert_eq!(
        ask(OperatorId::Azercell, 5000, "2024-11-15").ends(),
        Some(d("2025-03-15"))
    );
}

#[test]
fn tariff_fee_rule_is_a_note_from_19_june_2025() {
    let a = ask(OperatorId::Azercell, 200, "2025-06-19");
    let ids: Vec<&str> = a.notes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["azercell_tariff_fee_2025"]);
    assert_eq!(rule_id(&a), "azercell_2024", "the note is not a band");
    assert!(ask(OperatorId::Azercell, 200, "2025-06-18")
        .notes
        .is_empty());
    assert!(ask(OperatorId::Nar, 200, "2025-06-19").notes.is_empty());
}

#[test]
fn rules_carry_sources_dates_and_notes() {
    let c = catalog();
    for rule in &c.validity {
        assert!(!rule.sources.is_empty());
        for s in &rule.sources {
            assert!(c.source(s).is_some(), "{}: {}", rule.id, s.0);
        }
        for lang in Lang::ALL {
            assert!(!rule.note.get(lang).trim().is_empty());
        }
    }
    let r2025 = c
        .validity
        .iter()
        .find(|r| r.id == "azercell_2025")
        .expect("rule");
    assert_eq!(r2025.window_days, Some(90));
    assert!(r2025.note.en.contains("lent.az") && r2025.note.en.contains("cut off"));
    let r2024 = c
        .validity
        .iter()
        .find(|r| r.id == "azercell_2024")
        .expect("rule");
    assert_eq!(r2024.window_days, Some(180));
    assert_eq!(r2024.until, Some(d("2025-06-30")));
}

#[test]
fn built_in_validity_is_the_json_validity() {
    let from_json = Catalog::from_files(&EMBEDDED_FILES).expect("valid JSON catalog");
    let built_in = catalog();
    assert_eq!(built_in.validity, from_json.validity);
    assert_eq!(built_in.validity_notes, from_json.validity_notes);
    assert_eq!(built_in.validity_unknown, from_json.validity_unknown);
}

#[test]
fn band_answer_without_bands_is_too_small() {
    let c = catalog();
    let mut rule = c.validity[0].clone();
    rule.bands.clear();
    assert_eq!(
        band_answer(&rule, 500, d("2025-01-01")),
        BandAnswer::TooSmall { min_qepik: 0 }
    );
}

// Broken data/validity.json entries.

const VALIDITY: &str = "data/validity.json";

fn errors_after(edit: impl FnOnce(&mut Value)) -> Vec<CatalogError> {
    common::errors_after(VALIDITY, edit)
}

fn rule<'v>(root: &'v mut Value, id: &str) -> &'v mut Value {
    root["rules"]
        .as_array_mut()
        .expect("rules is a list")
        .iter_mut()
        .find(|r| r["id"] == id)
        .expect("rule exists")
}

#[test]
fn bands_out_of_order_or_empty_are_rejected() {
    let errors = errors_after(|v| {
        rule(v, "nar_2024")["bands"][1]["min_qepik"] = json!(100);
        rule(v, "azercell_2024")["bands"][0]["days"] = json!(0);
        rule(v, "azercell_2025")["bands"] = json!([]);
    });
    assert_one(
        &errors,
        "data/validity.json: rule \"nar_2024\": bands[1]: min_qepik must be more than the band before",
    );
    assert_one(
        &errors,
        "data/validity.json: rule \"azercell_2024\": bands[0]: days must be more than 0",
    );
    assert_one(
        &errors,
        "data/validity.json: rule \"azercell_2025\": no bands",
    );
}

#[test]
fn band_coverage_must_fit_its_place() {
    let errors = errors_after(|v| {
        let nar = rule(v, "nar_2024");
        nar["bands"][5]["covers"] = json!("range");
        nar["bands"][0]["covers"] = json!("and_above");
    });
    assert_one(
        &errors,
        "rule \"nar_2024\": bands[5]: the last band cannot be a range",
    );
    assert_one(
        &errors,
        "rule \"nar_2024\": bands[0]: only the last band can be and_above",
    );
}

#[test]
fn amounts_must_be_whole_qepik() {
    let errors = errors_after(|v| {
        rule(v, "nar_2024")["bands"][0]["min_qepik"] = json!(1.5);
    });
    assert_one(
        &errors,
        "data/validity.json: rule \"nar_2024\": invalid type: floating point",
    );
}

#[test]
fn bad_dates_are_rejected() {
    let errors = errors_after(|v| {
        rule(v, "azercell_2025")["effective"] = json!("2025-02-30");
        v["notes"][0]["effective"] = json!("19 June 2025");
    });
    assert_one(
        &errors,
        "data/validity.json: rule \"azercell_2025\": \"2025-02-30\" is not a date (YYYY-MM-DD)",
    );
    assert_one(
        &errors,
        "data/validity.json: note \"azercell_tariff_fee_2025\": \"19 June 2025\" is not a date",
    );
    let errors = errors_after(|v| {
        rule(v, "azercell_2024")["until"] = json!("2024-06-30");
        rule(v, "nar_2024")["effective"] = json!("2024-07-01");
        rule(v, "nar_2024")["operator"] = json!("azercell");
    });
    assert_one(&errors, "rule \"azercell_2024\": until is before effective");
    assert_one(
        &errors,
        "rule \"nar_2024\": another rule of this operator starts the same day",
    );
}

#[test]
fn unknown_operator_and_travel_esims_are_rejected() {
    let errors = errors_after(|v| {
        rule(v, "nar_2024")["operator"] = json!("azerfon");
    });
    assert_one(
        &errors,
        "data/validity.json: rule \"nar_2024\": unknown variant `azerfon`",
    );
    let errors = errors_after(|v| {
        rule(v, "nar_2024")["operator"] = json!("airalo");
    });
    assert_one(
        &errors,
        "data/validity.json: rule \"nar_2024\": only Azercell, Bakcell and Nar have validity rules",
    );
}

#[test]
fn unknown_sources_and_missing_sources_are_rejected() {
    let errors = errors_after(|v| {
        rule(v, "nar_2024")["sources"] = json!(["nowhere"]);
        v["notes"][0]["sources"] = json!([]);
    });
    assert_one(
        &errors,
        "data/validity.json: rule \"nar_2024\": unknown source \"nowhere\"",
    );
    assert_one(
        &errors,
        "data/validity.json: note \"azercell_tariff_fee_2025\": no source",
    );
}

#[test]
fn missing_translations_are_rejected() {
    let errors = errors_after(|v| {
        rule(v, "azercell_2024")["note"]
            .as_object_mut()
            .expect("text")
            .remove("ru");
        v["no_rule"][1]["text"]["zh"] = json!(" ");
    });
    assert_one(
        &errors,
        "data/validity.json: rule \"azercell_2024\": note: missing ru translation",
    );
    assert_one(
        &errors,
        "data/validity.json: no_rule \"bakcell\": text: missing zh translation",
    );
}

#[test]
fn every_network_operator_needs_a_no_rule_text() {
    let errors = errors_after(|v| {
        let list = v["no_rule"].as_array_mut().expect("list");
        list.retain(|u| u["operator"] != "bakcell");
    });
    assert_one(
        &errors,
        "data/validity.json: no_rule: operator \"bakcell\" has no no_rule text",
    );
    let errors = errors_after(|v| {
        v["rules"][0]["extra"] = json!(1);
    });
    assert_one(
        &errors,
        "data/validity.json: rule \"azercell_2024\": unknown field `extra`",
    );
}

// Amounts typed by the user.

#[test]
fn azn_amounts_parse_to_qepik() {
    for (text, qepik) in [
        ("2", 200),
        ("2.5", 250),
        ("2,50", 250),
        (" 0.99 ", 99),
        (".5", 50),
        ("100", 10000),
        ("0", 0),
    ] {
        assert_eq!(parse_azn(text), Some(qepik), "{text}");
    }
    for bad in [
        "",
        ".",
        "2.",
        "2.505",
        "-1",
        "1e3",
        "1.2.3",
        "2 50",
        "abc",
        "99999999999",
    ] {
        assert_eq!(parse_azn(bad), None, "{bad}");
    }
    // Written back per language (domain::typography::amount).
    use azsim_domain::typography::amount;
    assert_eq!(amount(Lang::En, 250), "2.50");
    assert_eq!(amount(Lang::Zh, 5), "0.05");
    assert_eq!(amount(Lang::Ru, 250), "2,50");
    assert_eq!(amount(Lang::Az, 10_005), "100,05");
    // Whole manat without decimals (the language review: "1 AZN", not "1.00 AZN").
    assert_eq!(amount(Lang::En, 100), "1");
    assert_eq!(amount(Lang::Ru, 10_000), "100");
    assert_eq!(amount(Lang::Zh, 0), "0");
}

// The data run-out planner.

#[test]
fn data_runs_out_after_whole_days() {
    let exact = data_run_out(900, 300, d("2026-01-10"), None).expect("runs out");
    assert_eq!(exact.on, d("2026-01-13"));
    assert_eq!(exact.cause, RunOutCause::DataUsedUp);
    assert_eq!(exact.days_left(), 3);
    // 1000 MB at 300 a day: three full days, 100 MB is not a fourth.
    let rest = data_run_out(1000, 300, d("2026-01-10"), None).expect("runs out");
    assert_eq!(rest.on, d("2026-01-13"));
    assert_eq!(rest.data_gone, Some(d("2026-01-13")));
    // Less than one day left: today.
    let today = data_run_out(299, 300, d("2026-01-10"), None).expect("runs out");
    assert_eq!(today.on, d("2026-01-10"));
    // Across the year end.
    let year = data_run_out(5000, 1000, d("2026-12-29"), None).expect("runs out");
    assert_eq!(year.on, d("2027-01-03"));
}

#[test]
fn no_daily_use_never_runs_out_unless_the_pack_ends() {
    assert_eq!(data_run_out(1000, 0, d("2026-01-10"), None), None);
    let pack = data_run_out(1000, 0, d("2026-01-10"), Some(d("2026-02-01"))).expect("pack end");
    assert_eq!(pack.on, d("2026-02-01"));
    assert_eq!(pack.cause, RunOutCause::PackEnds);
    assert_eq!(pack.data_gone, None);
}

#[test]
fn whichever_comes_first() {
    let pack_first =
        data_run_out(10_000, 100, d("2026-03-01"), Some(d("2026-03-15"))).expect("runs out");
    assert_eq!(pack_first.on, d("2026-03-15"));
    assert_eq!(pack_first.cause, RunOutCause::PackEnds);
    assert_eq!(pack_first.data_gone, Some(d("2026-06-09")));
    let data_first =
        data_run_out(1000, 500, d("2026-03-01"), Some(d("2026-03-15"))).expect("runs out");
    assert_eq!(data_first.on, d("2026-03-03"));
    assert_eq!(data_first.cause, RunOutCause::DataUsedUp);
    let both = data_run_out(1400, 100, d("2026-03-01"), Some(d("2026-03-15"))).expect("runs out");
    assert_eq!(both.cause, RunOutCause::Both);
    assert_eq!(both.on, d("2026-03-15"));
}

#[test]
fn reminders_come_before_the_run_out_day_but_not_before_today() {
    let r = data_run_out(3000, 300, d("2026-12-25"), None).expect("runs out");
    assert_eq!(r.on, d("2027-01-04"));
    assert_eq!(r.remind_on(0), d("2027-01-04"));
    assert_eq!(r.remind_on(5), d("2026-12-30"));
    assert_eq!(r.remind_on(30), d("2026-12-25"));
    // A pack that already ended: remind today.
    let ended = data_run_out(3000, 0, d("2026-12-25"), Some(d("2026-12-20"))).expect("ended");
    assert_eq!(ended.days_left(), -5);
    assert_eq!(ended.remind_on(1), d("2026-12-25"));
}
