//! Browser glue tested in headless Chromium with wasm-bindgen-test:
//! `cargo test --target wasm32-unknown-unknown --test browser`.
#![cfg(target_arch = "wasm32")]

use azsim::domain::date::LocalDateTime;
use azsim::domain::document::Document;
use azsim::domain::reminders::{Reminder, ReminderId, Repeat};
use azsim::storage::{self, Problem, Stored, DAMAGED_PREFIX, KEY};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage in the test browser")
}

fn sample() -> Document {
    let reminder = Reminder {
        id: ReminderId("r1".into()),
        label: "Renew Nar data 续费".into(),
        due: LocalDateTime::parse("2026-12-01T09:00").expect("date"),
        operator: None,
        channel: None,
        note: String::new(),
        repeat: Repeat::Monthly,
        warn_days: 2,
    };
    Document {
        reminders: vec![reminder],
        ..Document::default()
    }
}

#[wasm_bindgen_test]
fn saved_preferences_are_read_without_the_reminders_module() {
    let ls = local_storage();
    for (text, lang, notify) in [
        (
            r#"{"version":2,"prefs":{"lang":"az","notify":true},"reminders":[]}"#,
            Some("az"),
            Some(true),
        ),
        (r#"{"prefs":{"lang":7,"notify":"yes"}}"#, None, None),
        (r#"{"prefs":"az"}"#, None, None),
        ("{not json", None, None),
        ("null", None, None),
    ] {
        ls.set_item(KEY, text).expect("write");
        let stored = Stored::look();
        assert_eq!(
            stored.saved_pref("lang").as_string().as_deref(),
            lang,
            "{text}"
        );
        assert_eq!(stored.saved_pref("notify").as_bool(), notify, "{text}");
    }
    ls.clear().expect("clear");
    assert!(matches!(Stored::look(), Stored::Empty));
    assert!(Stored::look().saved_pref("lang").is_undefined());
}

#[wasm_bindgen_test]
fn document_round_trips_through_local_storage() {
    let ls = local_storage();
    ls.clear().expect("clear");
    let empty = storage::load();
    assert!(empty.persistent && empty.problem.is_none());
    assert_eq!(empty.doc, Document::default());
    storage::save(&sample()).expect("saved");
    let loaded = storage::load();
    assert_eq!(loaded.doc, sample());
    assert!(loaded.problem.is_none());
}

#[wasm_bindgen_test]
fn corrupt_document_is_kept_in_a_backup_key() {
    let ls = local_storage();
    ls.clear().expect("clear");
    ls.set_item(KEY, "{not json").expect("write");
    let loaded = storage::load();
    let Some(Problem::Damaged { backup_key }) = loaded.problem else {
        panic!("expected a damaged-data problem");
    };
    assert!(backup_key.starts_with(DAMAGED_PREFIX));
    assert_eq!(
        storage::read_kept(&backup_key).as_deref(),
        Some("{not json")
    );
    // The original stays until something is saved; the copy stays after.
    assert_eq!(
        ls.get_item(KEY).expect("read").as_deref(),
        Some("{not json")
    );
    storage::save(&sample()).expect("saved");
    assert_eq!(
        storage::read_kept(&backup_key).as_deref(),
        Some("{not json")
    );
    ls.clear().expect("clear");
}

#[wasm_bindgen_test]
fn older_version_migrates_and_newer_is_left_alone() {
    let ls = local_storage();
    ls.clear().expect("clear");
    ls.set_item(KEY, r#"{"lang":"az"}"#).expect("write v0");
    let loaded = storage::load();
    assert_eq!(loaded.doc.prefs.lang.as_deref(), Some("az"));
    assert!(loaded.persistent);
    ls.set_item(KEY, r#"{"version":99,"reminders":[]}"#)
        .expect("write future");
    let loaded = storage::load();
    assert_eq!(loaded.problem, Some(Problem::TooNew));
    assert!(
        !loaded.persistent,
        "a newer document must not be overwritten"
    );
    ls.clear().expect("clear");
}

#[wasm_bindgen_test]
fn storage_that_throws_degrades_without_panicking() {
    // Make every localStorage call throw, as in a sandboxed frame.
    let window = web_sys::window().expect("window");
    let proto = js_sys::Reflect::get(&window, &"Storage".into())
        .and_then(|s| js_sys::Reflect::get(&s, &"prototype".into()))
        .expect("Storage.prototype");
    let thrower =
        js_sys::Function::new_no_args("throw new DOMException('blocked', 'SecurityError')");
    let names = ["getItem", "setItem"];
    let saved: Vec<_> = names
        .iter()
        .map(|n| js_sys::Reflect::get(&proto, &(*n).into()).expect("method"))
        .collect();
    for n in names {
        js_sys::Reflect::set(&proto, &n.into(), &thrower).expect("patch");
    }
    let loaded = storage::load();
    let save = storage::save(&sample());
    for (n, f) in names.iter().zip(saved) {
        js_sys::Reflect::set(&proto, &(*n).into(), &f).expect("restore");
    }
    assert_eq!(loaded.problem, Some(Problem::Blocked));
    assert!(!loaded.persistent);
    assert_eq!(save, Err(Problem::Blocked));
}

#[wasm_bindgen_test]
fn full_storage_is_reported_as_full() {
    let window = web_sys::window().expect("window");
    let proto = js_sys::Reflect::get(&window, &"Storage".into())
        .and_then(|s| js_sys::Reflect::get(&s, &"prototype".into()))
        .expect("Storage.prototype");
    let original = js_sys::Reflect::get(&proto, &"setItem".into()).expect("setItem");
    let full =
        js_sys::Function::new_no_args("throw new DOMException('full', 'QuotaExceededError')");
    js_sys::Reflect::set(&proto, &"setItem".into(), &full).expect("patch");
    let save = storage::save(&sample());
    js_sys::Reflect::set(&proto, &"setItem".into(), &original).expect("restore");
    assert_eq!(save, Err(Problem::Full));
}

/// The browser's JSON (storage::encode, storage::decode) writes the text
/// serde_json writes and reads every document as serde_json does: the
/// on-demand module reads and writes backups with serde_json
/// (`Document::encode`, `Document::decode`), and older copies of the app
/// stored with it.
#[wasm_bindgen_test]
fn the_browsers_json_reads_and_writes_as_serde_json_does() {
    let mut every_field = sample();
    every_field.prefs.lang = Some("ru".into());
    every_field.reminders[0].repeat = Repeat::EveryDays(30);
    every_field.reminders[0].note = "line one\nline \"two\" \\ 🙂".into();
    for doc in [Document::default(), sample(), every_field] {
        assert_eq!(storage::encode(&doc), doc.encode());
        assert_eq!(storage::decode(&doc.encode()), Ok(doc));
    }
    let reminder = r#"{"id":"r1","label":"Nar","due":"2026-12-01T09:00"}"#;
    for text in [
        "",
        "garbage",
        "null",
        "[]",
        r#"["x"]"#,
        r#""{}""#,
        "{}",
        r#"{"lang":"ru"}"#,
        r#"{"version":1,"prefs":{"lang":"az","notify":true}}"#,
        r#"{"version":9}"#,
        r#"{"version":9,"prefs":5}"#,
        r#"{"version":"2"}"#,
        r#"{"version":2,"prefs":null,"reminders":null}"#,
        &format!(r#"{{"version":2,"reminders":[{reminder}],"extra":[1,{{}}]}}"#),
        &format!(r#"{{"version":2,"reminders":[{reminder},{{"id":"r2"}}]}}"#),
        r#"{"version":2,"reminders":[{"id":"r1","label":"","due":"2026-12-01T09:00"}]}"#,
        r#"{"version":2,"reminders":[{"id":"r1","label":"Nar","due":"2026-13-01T09:00"}]}"#,
        r#"{"version":2,"reminders":[{"id":"r1","label":"Nar","due":"2026-12-01T09:00","repeat":{"every_days":7}}]}"#,
        r#"{"version":2,"reminders":[{"id":"r1","label":"Nar","due":"2026-12-01T09:00","repeat":"weekly"}]}"#,
        r#"{"version":2,"reminders":[{"id":"r1","label":"Nar","due":"2026-12-01T09:00","warn_days":1.5}]}"#,
        r#"{"version":2,"reminders":[{"id":"r1","label":"Nar","due":"2026-12-01T09:00","warn_days":-1}]}"#,
    ] {
        assert_eq!(storage::decode(text), Document::decode(text), "{text}");
    }
}

#[wasm_bindgen_test]
fn the_browser_reads_and_writes_the_address_as_the_domain_does() {
    use azsim::address::{params_of, search_of};
    use azsim::domain::AppParams;
    // Well-formed, repeated, escaped, malformed and foreign parameters.
    for search in [
        "",
        "?",
        "?sim=esim&op=nar&pay=foreign_card&online=0",
        "sim=physical&op=azercell&pay=cash",
        "?op=nar&op=azercell&op=bakcell",
        "?lang=ru&embed=1&theme=dark&accent=%230a7",
        "?accent=#0a7",
        "?accent=%2300aa77&theme=light",
        "?sim=e+sim&pay=local%5Fcard",
        "?si%6D=esim&%6Fp=nar",
        "?op=%ZZ&pay=%E2%82%AC&lang=%FF",
        "?plan=postpaid&inaz=0&online=1&x=1&&=&sim",
        "?embed=1;theme=light",
        "?lang=az&lang=zh&embed=0&embed=1",
        "?%20sim=esim&sim%20=nar",
        "?op=air+alo&op=airalo",
    ] {
        assert_eq!(params_of(search), AppParams::parse(search), "{search:?}");
    }
    // Every value the app writes, as the domain writes it.
    for search in [
        "?sim=travel_esim&op=holafly&pay=wallet&online=0&inaz=0&plan=postpaid",
        "?lang=zh&embed=1&theme=dark&accent=%230a7",
        "?op=other_esim&accent=%2300aa77",
        "",
    ] {
        let params = AppParams::parse(search);
        assert_eq!(search_of(&params), params.to_search(), "{search:?}");
        assert_eq!(params_of(&search_of(&params)), params, "{search:?}");
    }
}
