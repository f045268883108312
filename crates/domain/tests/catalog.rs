//! The shipped catalog is valid, and broken catalogs are rejected with a
//! message naming the file and the entry.

use azsim_domain::catalog::{check_code, is_iso_date, Code, CodeKind, SourceId, EMBEDDED_FILES};
use azsim_domain::{Catalog, Lang, Text};
use serde_json::{json, Value};

mod common;
use common::{assert_one, errors_after, shipped};

fn channel<'v>(root: &'v mut Value, id: &str) -> &'v mut Value {
    root.as_array_mut()
        .expect("channels is a list")
        .iter_mut()
        .find(|c| c["id"] == id)
        .expect("channel exists")
}

#[test]
fn shipped_catalog_is_valid_and_complete() {
    let c = shipped();
    assert!(c.channels.len() >= 20);
    assert!(is_iso_date(&c.checked));
    // Every channel is translated and sourced (validation guarantees it; this
    // checks the guarantee holds for the real data).
    for ch in &c.channels {
        for lang in Lang::ALL {
            assert!(!ch.name.get(lang).is_empty());
        }
        assert!(!ch.sources.is_empty());
    }
}

#[test]
fn catalog_does_not_repeat_the_original_guides_errors() {
    let c = shipped();
    let all = EMBEDDED_FILES.iter().map(|(_, t)| *t).collect::<String>();
    assert!(
        !all.contains("Caspian"),
        "Caspian Mobile Networks does not exist"
    );
    let nar = c.operators.iter().find(|o| o.name == "Nar").expect("Nar");
    assert!(nar.company.en.contains("Azerfon"), "Nar is run by Azerfon");
    let bakcell = c
        .operators
        .iter()
        .find(|o| o.name == "Bakcell")
        .expect("Bakcell");
    assert!(!bakcell.company.en.contains("Azerfon"));
    // Naxtel is only a closed operator, never a channel's operator.
    assert!(c
        .closed_operators
        .iter()
        .any(|o| o.name == "Naxtel" && o.prefixes == ["060"]));
    assert!(c.channels.iter().all(|ch| !ch.id.0.contains("naxtel")));
}

#[test]
fn unknown_id_names_file_and_entry() {
    let errors = errors_after("data/channels.json", |v| {
        channel(v, "nar_kiosk")["operator"] = json!("azerfon");
    });
    assert_one(
        &errors,
        "data/channels.json: channel \"nar_kiosk\": unknown variant `azerfon`",
    );
}

#[test]
fn unknown_source_and_warning_are_named() {
    let errors = errors_after("data/channels.json", |v| {
        let ch = channel(v, "azercell_kiosk");
        ch["sources"] = json!(["nowhere"]);
        ch["warnings"] = json!(["no_such_warning"]);
    });
    assert_one(
        &errors,
        "data/channels.json: channel \"azercell_kiosk\": unknown source \"nowhere\"",
    );
    assert_one(
        &errors,
        "data/channels.json: channel \"azercell_kiosk\": unknown warning \"no_such_warning\"",
    );
}

#[test]
fn missing_translation_is_named() {
    let errors = errors_after("data/channels.json", |v| {
        channel(v, "nar_app")["steps"][1]["az"] = json!("  ");
    });
    assert_one(
        &errors,
        "data/channels.json: channel \"nar_app\": steps[1]: missing az translation",
    );
    let errors = errors_after("data/notes.json", |v| {
        v["habits"][0]["title"]
            .as_object_mut()
            .expect("text")
            .remove("zh");
    });
    assert_one(
        &errors,
        "data/notes.json: habit \"habit_receipts\": title: missing zh translation",
    );
}

#[test]
fn channel_without_source_is_rejected() {
    let errors = errors_after("data/channels.json", |v| {
        channel(v, "bakcell_app")["sources"] = json!([]);
    });
    assert_one(
        &errors,
        "data/channels.json: channel \"bakcell_app\": no source",
    );
}

#[test]
fn malformed_ussd_is_rejected() {
    let errors = errors_after("data/channels.json", |v| {
        channel(v, "nar_credit")["codes"][0]["dial"] = json!("*700");
    });
    assert_one(
        &errors,
        "data/channels.json: channel \"nar_credit\": code \"*700\": not valid USSD",
    );
    let errors = errors_after("data/operators.json", |v| {
        v["operators"][0]["codes"][0]["dial"] = json!("*100#<script>");
    });
    assert_one(
        &errors,
        "data/operators.json: operator \"azercell\": code \"*100#<script>\"",
    );
}

#[test]
fn bad_dates_are_rejected() {
    let errors = errors_after("data/sources.json", |v| {
        v[0]["checked"] = json!("2026-02-30");
        v[1]["published"] = json!("yesterday");
    });
    assert_one(&errors, "data/sources.json: source \"azercell_balance_info\": checked: \"2026-02-30\" is not a date");
    assert_one(
        &errors,
        "data/sources.json: source \"azercell_10gb\": published: \"yesterday\" is not a date",
    );
}

#[test]
fn non_https_source_and_broken_json_are_rejected() {
    let errors = errors_after("data/sources.json", |v| {
        v[2]["url"] = json!("javascript:alert(1)");
    });
    assert_one(
        &errors,
        "source \"azercell_monthly_packs\": url \"javascript:alert(1)\" is not an https address",
    );
    let files = [
        EMBEDDED_FILES[0],
        EMBEDDED_FILES[1],
        ("data/channels.json", "[{"),
        EMBEDDED_FILES[3],
        EMBEDDED_FILES[4],
        EMBEDDED_FILES[5],
    ];
    let errors = Catalog::from_files(&files).expect_err("truncated file");
    assert_one(&errors, "data/channels.json: file: EOF while parsing");
}

#[test]
fn local_card_channel_cannot_list_foreign_cards() {
    let errors = errors_after("data/channels.json", |v| {
        channel(v, "azercell_birbank")["payments"] = json!(["local_card", "foreign_card"]);
    });
    assert_one(
        &errors,
        "channel \"azercell_birbank\": needs a local card but lists cash or a foreign card",
    );
}

#[test]
fn travel_esim_channels_stay_with_travel_esims() {
    let errors = errors_after("data/channels.json", |v| {
        channel(v, "azercell_office")["sims"] = json!(["physical", "travel_esim"]);
    });
    assert_one(
        &errors,
        "channel \"azercell_office\": travel-eSIM channels serve travel eSIMs only",
    );
}

fn code(kind: CodeKind, dial: &str) -> Code {
    Code {
        kind,
        dial: dial.into(),
        body: None,
        what: Text::default(),
        source: SourceId("s".into()),
    }
}

#[test]
fn ussd_syntax() {
    for ok in [
        "*100#",
        "*111*1*7#",
        "*777#77#",
        "*101*{card}#",
        "*790#{number}#{amount}#",
        "#06#",
    ] {
        assert_eq!(check_code(&code(CodeKind::Ussd, ok)), Ok(()), "{ok}");
    }
    for bad in [
        "100#", "*100", "*10a#", "**100#", "*#", "*100#;", "*{pin}#", "*100# ",
    ] {
        assert!(check_code(&code(CodeKind::Ussd, bad)).is_err(), "{bad}");
    }
    assert_eq!(check_code(&code(CodeKind::Call, "1001")), Ok(()));
    assert_eq!(check_code(&code(CodeKind::Call, "*1111")), Ok(()));
    assert!(check_code(&code(CodeKind::Sms, "*1111")).is_err());
    assert!(check_code(&code(CodeKind::Call, "12")).is_err());
}

#[test]
fn tel_links_encode_hash_and_skip_templates() {
    assert_eq!(
        code(CodeKind::Ussd, "*777#77#").href().as_deref(),
        Some("tel:*777%2377%23")
    );
    assert_eq!(
        code(CodeKind::Call, "1001").href().as_deref(),
        Some("tel:1001")
    );
    assert_eq!(code(CodeKind::Ussd, "*101*{card}#").href(), None);
}

#[test]
fn dates() {
    assert!(is_iso_date("2024-02-29"));
    assert!(!is_iso_date("2023-02-29"));
    assert!(!is_iso_date("2026-13-01"));
    assert!(!is_iso_date("2026-1-01"));
    assert!(!is_iso_date("+026-01-01"));
}

#[test]
fn every_claim_the_user_reads_is_quoted_or_marked_as_an_assumption() {
    let c = shipped();
    let required = c.required_claims();
    let mut quoted = 0;
    let mut assumed = 0;
    for r in &required {
        let claim = c
            .evidence
            .iter()
            .find(|e| e.entry == r.key && e.attribute == r.attribute)
            .unwrap_or_else(|| panic!("{} {}: no evidence", r.key, r.attribute));
        if claim.is_assumption() {
            assumed += 1;
            assert!(claim
                .assumption
                .as_deref()
                .is_some_and(|a| !a.trim().is_empty()));
        } else {
            quoted += 1;
            for q in &claim.quotes {
                let source = c.source(&q.source).expect("quoted source exists");
                assert!(r.sources.contains(&source.id), "{} {}", r.key, r.attribute);
                assert!(!q.quote.trim().is_empty() && !q.at.trim().is_empty());
            }
        }
    }
    // Every channel's ranking attributes are among them.
    for ch in &c.channels {
        for attr in [
            "sims",
            "plans",
            "needs_internet",
            "needs_presence",
            "needs_local_card",
        ] {
            assert!(
                required
                    .iter()
                    .any(|r| r.key == format!("channel:{}", ch.id.0) && r.attribute == attr),
                "{} {attr}",
                ch.id.0
            );
        }
    }
    println!("claims: {} quoted, {} assumptions", quoted, assumed);
    assert!(
        quoted > assumed,
        "most claims are quoted ({quoted} vs {assumed})"
    );
}

#[test]
fn a_ranking_attribute_without_evidence_fails_naming_file_entry_and_attribute() {
    let errors = errors_after("data/channels.json", |v| {
        channel(v, "nar_credit")["evidence"]
            .as_object_mut()
            .expect("nar_credit has evidence")
            .remove("plans");
    });
    assert_one(
        &errors,
        "data/channels.json: channel \"nar_credit\": plans: no evidence",
    );
    let errors = errors_after("data/channels.json", |v| {
        channel(v, "azercell_kiosk")
            .as_object_mut()
            .expect("an entry")
            .remove("evidence");
    });
    assert_one(
        &errors,
        "data/channels.json: channel \"azercell_kiosk\": needs_presence: no evidence",
    );
    let errors = errors_after("data/validity.json", |v| {
        v["rules"][0]["evidence"]
            .as_object_mut()
            .expect("a rule has evidence")
            .remove("bands");
    });
    assert_one(
        &errors,
        "data/validity.json: rule \"azercell_2024\": bands: no evidence",
    );
}

#[test]
fn bad_evidence_is_rejected_with_its_reason() {
    // A quote from a source the entry does not list.
    let errors = errors_after("data/channels.json", |v| {
        channel(v, "nar_credit")["evidence"]["plans"][0]["source"] = json!("azercell_10gb");
    });
    assert_one(
        &errors,
        "channel \"nar_credit\": plans: quotes source \"azercell_10gb\", which the entry does not list",
    );
    // An empty quote, and one with no place on the page.
    let errors = errors_after("data/channels.json", |v| {
        channel(v, "nar_credit")["evidence"]["plans"] =
            json!([{"source": "nar_credit", "quote": " ", "at": ""}]);
    });
    assert_one(
        &errors,
        "channel \"nar_credit\": plans: a quote must have 1 to 400 characters",
    );
    assert_one(
        &errors,
        "channel \"nar_credit\": plans: say where the quote is (at)",
    );
    // A payment method nobody confirms must be listed as unconfirmed.
    let errors = errors_after("data/channels.json", |v| {
        channel(v, "nar_app")["evidence"]["payments"] =
            json!({"assumption": "the app takes cards"});
    });
    assert_one(
        &errors,
        "channel \"nar_app\": payments: an assumed payment method belongs in payments_unconfirmed",
    );
    // Neither quotes nor an assumption.
    let errors = errors_after("data/channels.json", |v| {
        channel(v, "nar_kiosk")["evidence"]["sims"] = json!("trust me");
    });
    assert_one(
        &errors,
        "channel \"nar_kiosk\": evidence \"sims\": expected a list",
    );
    // Evidence for an attribute the entry does not have.
    let errors = errors_after("data/channels.json", |v| {
        channel(v, "nar_kiosk")["evidence"]["colour"] =
            json!([{"source": "nar_plus", "quote": "x", "at": "y"}]);
    });
    assert_one(
        &errors,
        "data/channels.json: channel \"nar_kiosk\": evidence for \"colour\"",
    );
    // An assumption without a reason.
    let errors = errors_after("data/channels.json", |v| {
        channel(v, "nar_kiosk")["evidence"]["needs_internet"] = json!({"assumption": ""});
    });
    assert_one(
        &errors,
        "channel \"nar_kiosk\": needs_internet: assumption without a reason",
    );
}

#[test]
fn sources_say_how_they_were_checked_and_in_which_language() {
    let c = shipped();
    for s in &c.sources {
        assert_eq!(s.lang.len(), 2, "{}", s.id.0);
    }
    let errors = errors_after("data/sources.json", |v| {
        v[0]["how"] = json!("guessed");
    });
    assert_one(
        &errors,
        "source \"azercell_balance_info\": unknown variant `guessed`",
    );
    let errors = errors_after("data/sources.json", |v| {
        v[0]["lang"] = json!("English");
        v[1]["copy_date"] = json!("2025-13-01");
    });
    assert_one(
        &errors,
        "source \"azercell_balance_info\": lang \"English\" is not a two-letter",
    );
    assert_one(
        &errors,
        "source \"azercell_10gb\": copy_date: \"2025-13-01\" is not a date",
    );
}

#[test]
fn a_source_checked_over_a_year_ago_is_stale() {
    use azsim_domain::date::Date;
    let c = shipped();
    let s = &c.sources[0];
    let checked = Date::parse(&s.checked).expect("a date");
    assert!(!s.is_stale(checked));
    assert!(!s.is_stale(checked.add_days(365).expect("date")));
    assert!(s.is_stale(checked.add_days(366).expect("date")));
}

#[test]
fn the_line_facts_cover_what_keeps_a_number_and_what_happens_when_data_runs_out() {
    use azsim_domain::catalog::{OperatorId, Topic};
    let c = shipped();
    for op in [OperatorId::Azercell, OperatorId::Bakcell, OperatorId::Nar] {
        for topic in [Topic::Lifecycle, Topic::DataOut] {
            assert!(
                c.facts
                    .iter()
                    .any(|f| f.topic == topic && f.operator == Some(op)),
                "{op:?} has no {topic:?} fact"
            );
        }
    }
    assert!(c.facts.iter().any(|f| f.topic == Topic::FirstSim));
}

#[test]
fn the_clerk_card_is_offered_where_a_person_serves_the_user() {
    let c = shipped();
    let in_person: Vec<&str> = c
        .channels
        .iter()
        .filter(|ch| ch.kind.served_in_person())
        .map(|ch| ch.id.0.as_str())
        .collect();
    for id in [
        "azercell_kiosk",
        "azercell_office",
        "azercell_bank_post",
        "nar_scratch_card",
        "bakcell_office",
        "nar_centre",
    ] {
        assert!(in_person.contains(&id), "{id} is served in person");
    }
    for id in [
        "azercell_app",
        "bakcell_website",
        "nar_transfer",
        "azercell_credit",
        "airalo_app",
    ] {
        assert!(!in_person.contains(&id), "{id} is not served in person");
    }
}
