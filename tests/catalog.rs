//! The shipped catalog is valid, and broken catalogs are rejected with a
//! message naming the file and the entry.

use azsim::domain::catalog::{check_code, is_iso_date, Code, CodeKind, SourceId, EMBEDDED_FILES};
use azsim::domain::{Catalog, Lang, Text};
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
fn each_language_pack_holds_the_json_catalog_in_that_language() {
    let full = shipped();
    let ids = |c: &Catalog| {
        c.channels
            .iter()
            .map(|ch| ch.id.0.clone())
            .collect::<Vec<_>>()
    };
    for lang in Lang::ALL {
        let packed = &azsim::i18n::pack(lang).expect("built-in pack").catalog;
        assert_eq!(ids(packed), ids(&full));
        assert_eq!(packed.checked, full.checked);
        assert_eq!(packed.sources.len(), full.sources.len());
        for (p, f) in packed.channels.iter().zip(&full.channels) {
            assert_eq!(p.name.get(lang), f.name.get(lang), "{lang:?} {}", f.id.0);
            let steps = |c: &azsim::domain::catalog::Channel| {
                c.steps
                    .iter()
                    .map(|s| s.get(lang).to_owned())
                    .collect::<Vec<_>>()
            };
            assert_eq!(steps(p), steps(f), "{lang:?} {}", f.id.0);
        }
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
