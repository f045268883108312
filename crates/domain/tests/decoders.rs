//! Property tests of every decoder of data from outside the binary: the stored
//! document and its migrations, backup files and their import, the URL query,
//! the language packs (postcard: UI strings and catalog) and the catalog files
//! (JSON), dates and times. Whatever the input, a decoder returns a value or
//! an error and never panics; what it accepts keeps every limit; valid values
//! round-trip. About 17,800 cases, some 15 s in a debug build on 2 cores.
//!
//! Failing cases are kept in `tests/proptest-regressions/decoders.txt` and
//! replayed first on every run. `PROPTEST_CASES=N` overrides every count.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;
use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::sample::{select, Index};
use proptest::test_runner::FileFailurePersistence;
use serde_json::{json, Value};

use azsim_domain::catalog::{
    is_iso_date, ChannelId, OperatorId, Payment, Plan, SimKind, EMBEDDED_FILES, FILES,
};
use azsim_domain::date::{days_in_month, Date, LocalDateTime};
use azsim_domain::document::{ClerkInput, DecodeError, Document, Prefs, MAX_BACKUP_BYTES, VERSION};
use azsim_domain::params::{Accent, AppParams, OperatorChoice, Query, Theme};
use azsim_domain::reminders::{
    Reminder, ReminderId, Repeat, MAX_INTERVAL_DAYS, MAX_LABEL, MAX_NOTE, MAX_REMINDERS,
    MAX_WARN_DAYS,
};
use azsim_domain::{Catalog, Lang};

/// `cases` per property (or `PROPTEST_CASES`, for a longer run), failures
/// kept in one file beside this one.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(cases),
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/proptest-regressions/decoders.txt"
        )))),
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------
// Generators shared by the properties.

/// Any text: every Unicode scalar value, control characters included.
fn any_text(max_chars: usize) -> impl Strategy<Value = String> + Clone {
    prop::collection::vec(any::<char>(), 0..=max_chars).prop_map(String::from_iter)
}

/// Field names the decoders read, so that random objects reach their code.
const KEYS: &[&str] = &[
    "version",
    "prefs",
    "lang",
    "notify",
    "reminders",
    "app",
    "exported",
    "id",
    "label",
    "due",
    "operator",
    "channel",
    "note",
    "repeat",
    "every_days",
    "warn_days",
];

fn json_key() -> impl Strategy<Value = String> + Clone {
    prop_oneof![
        3 => select(KEYS).prop_map(str::to_owned),
        1 => any_text(6),
    ]
}

/// Numbers and strings at the edges of what the decoders accept.
fn edge_value() -> impl Strategy<Value = Value> + Clone {
    select(vec![
        json!(0),
        json!(1),
        json!(2),
        json!(3),
        json!(-1),
        json!(u32::MAX),
        json!(u64::from(u32::MAX) + 1),
        json!(u64::MAX),
        json!(i64::MIN),
        json!(2.5),
        json!(-0.0),
        json!(1e300),
        json!(""),
        json!(" "),
        json!("azsim-backup"),
        json!("en"),
        json!("nar"),
        json!("none"),
        json!("monthly"),
        json!({ "every_days": 0 }),
        json!({ "every_days": MAX_INTERVAL_DAYS + 1 }),
        json!({ "every_days": 30 }),
        json!("2026-12-01T09:00"),
        json!("2026-02-29T09:00"),
        json!("0000-01-01T00:00"),
        json!("9999-12-31T23:59"),
        json!("2026-12-01T09:00:99"),
        json!("x".repeat(MAX_NOTE + 1)),
        json!("語".repeat(MAX_LABEL + 1)),
        json!("語".repeat(MAX_LABEL)),
        json!("a".repeat(65)),
    ])
}

/// Any JSON value: nested arrays and objects of any leaves.
fn any_json() -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        any_text(12).prop_map(Value::String),
        edge_value(),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((json_key(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
    .boxed()
}

/// One change to a JSON value, at a node chosen by index.
#[derive(Clone, Debug)]
enum Edit {
    Replace(Index, Value),
    Remove(Index),
    Insert(Index, String, Value),
}

fn edit() -> impl Strategy<Value = Edit> {
    let value = prop_oneof![2 => edge_value(), 1 => any_json()];
    prop_oneof![
        3 => (any::<Index>(), value.clone()).prop_map(|(i, v)| Edit::Replace(i, v)),
        1 => any::<Index>().prop_map(Edit::Remove),
        1 => (any::<Index>(), json_key(), value).prop_map(|(i, k, v)| Edit::Insert(i, k, v)),
    ]
}

fn edits(max: usize) -> impl Strategy<Value = Vec<Edit>> {
    prop::collection::vec(edit(), 1..=max)
}

fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// Every node's JSON pointer, the root ("") first.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                pointers(v, format!("{at}/{}", escape(k)), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                pointers(v, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

fn apply(root: &mut Value, edit: &Edit) {
    let mut all = Vec::new();
    pointers(root, String::new(), &mut all);
    let (Edit::Replace(i, _) | Edit::Remove(i) | Edit::Insert(i, ..)) = edit;
    let at = i.get(&all).clone();
    match edit {
        Edit::Replace(_, v) => {
            if let Some(node) = root.pointer_mut(&at) {
                *node = v.clone();
            }
        }
        Edit::Insert(_, k, v) => match root.pointer_mut(&at) {
            Some(Value::Object(map)) => {
                map.insert(k.clone(), v.clone());
            }
            Some(Value::Array(items)) => items.push(v.clone()),
            Some(node) => *node = v.clone(),
            None => {}
        },
        Edit::Remove(_) => {
            let Some((parent, last)) = at.rsplit_once('/') else {
                *root = Value::Null;
                return;
            };
            let last = last.replace("~1", "/").replace("~0", "~");
            match root.pointer_mut(parent) {
                Some(Value::Object(map)) => {
                    map.remove(&last);
                }
                Some(Value::Array(items)) => {
                    if let Ok(i) = last.parse::<usize>() {
                        items.remove(i);
                    }
                }
                _ => {}
            }
        }
    }
}

fn edited(mut value: Value, edits: &[Edit]) -> Value {
    for e in edits {
        apply(&mut value, e);
    }
    value
}

/// A real date of years 1 to 9999.
fn date() -> impl Strategy<Value = Date> {
    (1i32..=9999, 1u32..=12, 1u32..=31)
        .prop_map(|(y, m, d)| Date::new(y, m, d.min(days_in_month(y, m))).expect("a real date"))
}

fn local_date_time() -> impl Strategy<Value = LocalDateTime> {
    (date(), 0u32..1440).prop_map(|(date, minute)| LocalDateTime { date, minute })
}

/// A label within the limits: 1 to MAX_LABEL characters of any kind, at
/// least one of them not blank.
fn label() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(any::<char>(), 0..MAX_LABEL),
        "\\S",
        any::<Index>(),
    )
        .prop_map(|(mut chars, visible, at)| {
            let c = visible.chars().next().unwrap_or('x');
            chars.insert(at.index(chars.len() + 1), c);
            chars.into_iter().collect()
        })
}

fn repeat() -> impl Strategy<Value = Repeat> {
    prop_oneof![
        Just(Repeat::None),
        (1..=MAX_INTERVAL_DAYS).prop_map(Repeat::EveryDays),
        Just(Repeat::Monthly),
    ]
}

/// A reminder within every limit of `reminders.rs`.
fn reminder() -> impl Strategy<Value = Reminder> {
    (
        "[A-Za-z0-9_-]{1,60}",
        label(),
        local_date_time(),
        prop::option::of(select(OperatorId::ALL.to_vec())),
        prop::option::of(any_text(16).prop_map(ChannelId)),
        any_text(MAX_NOTE),
        repeat(),
        0..=MAX_WARN_DAYS,
    )
        .prop_map(
            |(id, label, due, operator, channel, note, repeat, warn_days)| Reminder {
                id: ReminderId(id),
                label,
                due,
                operator,
                channel,
                note,
                repeat,
                warn_days,
            },
        )
}

/// Makes ids unique (a `-n` suffix, `n` the position: ids differ in `n`)
/// and drops a reminder whose label and due time an earlier one has, as
/// the app keeps them.
fn distinct(reminders: Vec<Reminder>, tag: &str) -> Vec<Reminder> {
    let mut same = HashSet::new();
    reminders
        .into_iter()
        .enumerate()
        .map(|(i, mut r)| {
            r.id = ReminderId(format!("{}-{tag}{i}", r.id.0));
            r
        })
        .filter(|r| same.insert((r.label.clone(), r.due)))
        .collect()
}

fn prefs() -> impl Strategy<Value = Prefs> {
    let lang = prop_oneof![
        select(vec!["zh", "en", "az", "ru"]).prop_map(str::to_owned),
        any_text(8),
    ];
    let clerk =
        (any_text(16), any_text(8)).prop_map(|(number, amount)| ClerkInput { number, amount });
    (
        prop::option::of(lang),
        any::<bool>(),
        prop::option::of(clerk),
    )
        .prop_map(|(lang, notify, clerk)| Prefs {
            lang,
            notify,
            clerk,
        })
}

/// A valid current document with up to `max` reminders.
fn document(max: usize) -> impl Strategy<Value = Document> {
    (prefs(), prop::collection::vec(reminder(), 0..=max)).prop_map(|(prefs, reminders)| Document {
        version: VERSION,
        prefs,
        reminders: distinct(reminders, "h"),
    })
}

/// What a decoded document must be, whatever it was read from: current,
/// within every limit, and stored again unchanged.
fn assert_sound(doc: &Document) -> Result<(), TestCaseError> {
    prop_assert_eq!(doc.version, VERSION);
    prop_assert!(doc.reminders.len() <= MAX_REMINDERS);
    for r in &doc.reminders {
        prop_assert_eq!(r.check(), Ok(()), "accepted {:?}", r);
    }
    prop_assert_eq!(Document::decode(&doc.encode()), Ok(doc.clone()));
    Ok(())
}

// ---------------------------------------------------------------------------
// 1. The stored document.

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn document_decode_never_panics_on_any_text(text in any_text(64)) {
        if let Ok(doc) = Document::decode(&text) {
            assert_sound(&doc)?;
        }
    }

    #[test]
    fn document_decode_never_panics_on_any_json(value in any_json()) {
        match Document::decode(&value.to_string()) {
            Ok(doc) => assert_sound(&doc)?,
            Err(DecodeError::TooNew(v)) => {
                prop_assert!(v > VERSION);
                prop_assert_eq!(value.get("version").and_then(Value::as_u64), Some(u64::from(v)));
            }
            Err(_) => {}
        }
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn almost_valid_documents_are_read_soundly_or_refused(
        doc in document(4),
        edits in edits(3),
    ) {
        let value = serde_json::to_value(&doc).expect("a document is JSON");
        let text = edited(value, &edits).to_string();
        if let Ok(doc) = Document::decode(&text) {
            assert_sound(&doc)?;
        }
    }

    #[test]
    fn valid_documents_round_trip(doc in document(6)) {
        prop_assert_eq!(Document::decode(&doc.encode()), Ok(doc.clone()));
    }

    /// A backup is laid out by hand (one reminder a line); what it holds is
    /// the document as serde's derives write it, marked as AzSIM's.
    #[test]
    fn a_backup_is_the_serde_format_marked(doc in document(6), exported in any_text(24)) {
        let backup: Value = serde_json::from_str(&doc.to_backup(&exported)).expect("backup JSON");
        let expected = json!({
            "app": "azsim-backup",
            "exported": exported,
            "version": doc.version,
            "prefs": doc.prefs,
            "reminders": doc.reminders,
        });
        prop_assert_eq!(backup, expected);
    }

    #[test]
    fn older_versions_migrate_keeping_their_data(
        prefs in prefs(),
        doc in document(4),
        null_lang in any::<bool>(),
        extra in (json_key(), any_json()),
    ) {
        // Unknown fields are ignored (a later field of an older version
        // may be anything).
        let with_extra = |mut v: Value| {
            let known = ["version", "prefs", "lang", "reminders", "app"];
            if !known.contains(&extra.0.as_str()) {
                v[&extra.0] = extra.1.clone();
            }
            v.to_string()
        };
        // v0: unversioned, just the language.
        let v0 = match (&prefs.lang, null_lang) {
            (Some(lang), _) => json!({ "lang": lang }),
            (None, true) => json!({ "lang": null }),
            (None, false) => json!({}),
        };
        let expected = Document {
            prefs: Prefs { lang: prefs.lang.clone(), ..Prefs::default() },
            ..Document::default()
        };
        prop_assert_eq!(Document::decode(&with_extra(v0)), Ok(expected));
        // v1: versioned preferences, no reminders yet.
        let v1 = json!({ "version": 1, "prefs": prefs });
        let expected = Document { prefs: prefs.clone(), ..Document::default() };
        prop_assert_eq!(Document::decode(&with_extra(v1)), Ok(expected));
        // v2: the current shape.
        let v2 = json!({ "version": 2, "prefs": doc.prefs, "reminders": doc.reminders });
        prop_assert_eq!(Document::decode(&with_extra(v2)), Ok(doc.clone()));
        prop_assert_eq!(VERSION, 2, "a new version needs its migration tested here");
    }

    #[test]
    fn newer_versions_are_refused_not_overwritten(
        version in (VERSION + 1)..=u32::MAX,
        rest in prop::collection::vec((json_key(), any_json()), 0..4),
    ) {
        // Whatever the rest holds, even fields this version cannot read.
        let mut value = json!({ "version": version });
        for (k, v) in rest.into_iter().filter(|(k, _)| k != "version") {
            value[k] = v;
        }
        prop_assert_eq!(Document::decode(&value.to_string()), Err(DecodeError::TooNew(version)));
        value["app"] = json!("azsim-backup");
        prop_assert_eq!(
            Document::from_backup(value.to_string().as_bytes()),
            Err(DecodeError::TooNew(version))
        );
    }
}

#[test]
fn deep_nesting_and_the_reminder_limit() {
    for open in ["[", "{\"a\":", "{\"reminders\":["] {
        let text = open.repeat(100_000);
        assert!(matches!(Document::decode(&text), Err(DecodeError::Damaged)));
        assert_eq!(
            Document::from_backup(text.as_bytes()),
            Err(DecodeError::NotABackup)
        );
    }
    let one = json!({ "id": "a", "label": "Nar", "due": "2026-12-01T09:00" });
    let many = |n: usize| json!({ "version": 2, "reminders": vec![one.clone(); n] }).to_string();
    assert!(Document::decode(&many(MAX_REMINDERS)).is_ok());
    assert_eq!(
        Document::decode(&many(MAX_REMINDERS + 1)),
        Err(DecodeError::TooMany)
    );
}

// ---------------------------------------------------------------------------
// 2. Backup files and their import.

/// The reminders of `incoming` built from `here`'s and each other: the same
/// reminder, the same under a new id, a new one under a taken id, or new.
fn incoming(here: &[Reminder], picks: Vec<(u8, Index, Reminder)>) -> Vec<Reminder> {
    let mut out: Vec<Reminder> = Vec::new();
    for (i, (kind, at, fresh)) in picks.into_iter().enumerate() {
        let fresh_id = ReminderId(format!("{}-i{i}", fresh.id.0));
        let pool: &[Reminder] = if kind / 4 % 2 == 0 { here } else { &out };
        let r = match (kind % 4, pool.is_empty()) {
            (_, true) | (0, _) => Reminder {
                id: fresh_id,
                ..fresh
            },
            (1, false) => at.get(pool).clone(),
            (2, false) => Reminder {
                id: fresh_id,
                ..at.get(pool).clone()
            },
            _ => Reminder {
                id: at.get(pool).id.clone(),
                ..fresh
            },
        };
        out.push(r);
    }
    out
}

fn pairs(reminders: &[Reminder]) -> HashSet<(String, String)> {
    reminders
        .iter()
        .map(|r| (r.label.clone(), r.due.to_string()))
        .collect()
}

fn ids(reminders: &[Reminder]) -> HashSet<String> {
    reminders.iter().map(|r| r.id.0.clone()).collect()
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn backup_decode_never_panics_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        match Document::from_backup(&bytes) {
            Ok(doc) => assert_sound(&doc)?,
            Err(e) => prop_assert_ne!(e, DecodeError::TooLarge),
        }
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn backups_round_trip(doc in document(6), exported in any_text(24)) {
        let file = doc.to_backup(&exported);
        prop_assert_eq!(Document::from_backup(file.as_bytes()), Ok(doc.clone()));
        // The stored form is not a backup file.
        prop_assert_eq!(
            Document::from_backup(doc.encode().as_bytes()),
            Err(DecodeError::NotABackup)
        );
    }

    #[test]
    fn damaged_backups_are_read_soundly_or_refused(
        doc in document(3),
        edits in edits(3),
        flips in prop::collection::vec((any::<Index>(), any::<u8>()), 0..4),
        keep in any::<Index>(),
    ) {
        let value = serde_json::to_value(&doc).expect("a document is JSON");
        let mut value = edited(value, &edits);
        if let Value::Object(map) = &mut value {
            map.insert("app".into(), json!("azsim-backup"));
        }
        let mut bytes = value.to_string().into_bytes();
        for (at, x) in flips {
            let i = at.index(bytes.len());
            bytes[i] ^= x;
        }
        bytes.truncate(bytes.len() - keep.index(bytes.len() / 8 + 1));
        if let Ok(doc) = Document::from_backup(&bytes) {
            assert_sound(&doc)?;
        }
    }

    #[test]
    fn import_never_adds_a_duplicate(
        here in document(5),
        picks in prop::collection::vec((any::<u8>(), any::<Index>(), reminder()), 0..8),
    ) {
        let incoming = Document {
            reminders: incoming(&here.reminders, picks),
            ..Document::default()
        };
        prop_assert!(here.plan_import(&here).is_empty(), "a document imported into itself");
        prop_assert!(incoming.plan_import(&incoming).is_empty());
        let added: Vec<Reminder> = here.plan_import(&incoming).into_iter().cloned().collect();
        let mut merged = here.clone();
        merged.reminders.extend(added.iter().cloned());
        // No two reminders share an id, nor a label and due time.
        prop_assert_eq!(ids(&merged.reminders).len(), merged.reminders.len(), "ids: {:?}", merged.reminders);
        prop_assert_eq!(pairs(&merged.reminders).len(), merged.reminders.len());
        // Nothing is lost: every incoming reminder is now here under its id
        // or as the same label and due time.
        let (have_ids, have_pairs) = (ids(&merged.reminders), pairs(&merged.reminders));
        for r in &incoming.reminders {
            prop_assert!(
                have_ids.contains(&r.id.0)
                    || have_pairs.contains(&(r.label.clone(), r.due.to_string())),
                "{:?} was neither added nor already here", r
            );
        }
        // The same file imported again adds nothing.
        prop_assert!(merged.plan_import(&incoming).is_empty(), "importing twice");
        // And the merged document is still a valid one.
        prop_assert_eq!(Document::decode(&merged.encode()), Ok(merged.clone()));
    }
}

#[test]
fn a_backup_of_exactly_the_largest_size_is_read() {
    let doc = Document::default();
    let mut file = doc.to_backup("2026-11-26T10:00").into_bytes();
    file.resize(MAX_BACKUP_BYTES, b' ');
    assert_eq!(Document::from_backup(&file), Ok(doc));
    file.push(b' ');
    assert_eq!(Document::from_backup(&file), Err(DecodeError::TooLarge));
}

// ---------------------------------------------------------------------------
// 3. The URL query: the public vocabulary as the README lists it.

const PARAMS: [(&str, &[&str]); 9] = [
    ("sim", &["physical", "esim", "travel_esim"]),
    (
        "op",
        &[
            "azercell",
            "bakcell",
            "nar",
            "airalo",
            "holafly",
            "other_esim",
            "unsure",
        ],
    ),
    (
        "pay",
        &["cash", "local_card", "foreign_card", "wallet", "transfer"],
    ),
    ("online", &["1", "0"]),
    ("inaz", &["1", "0"]),
    ("plan", &["prepaid", "postpaid"]),
    ("lang", &["zh", "en", "az", "ru"]),
    ("embed", &["1"]),
    ("theme", &["light", "dark", "auto"]),
];

/// `#rgb` or `#rrggbb`, in either case: the reference for `Accent::parse`.
fn is_colour(s: &str) -> bool {
    s.strip_prefix('#')
        .is_some_and(|hex| matches!(hex.len(), 3 | 6) && hex.chars().all(|c| c.is_ascii_hexdigit()))
}

fn allowed(name: &str, value: &str) -> bool {
    if name == "accent" {
        return is_colour(value) && value == value.to_ascii_lowercase();
    }
    PARAMS
        .iter()
        .any(|(n, values)| *n == name && values.contains(&value))
}

/// What each parameter's value means as the app reads it (its first
/// occurrence; absent or not in the vocabulary: the default), written as
/// the URL writes it.
fn model(pairs: &[(String, String)]) -> [(&'static str, Option<String>); 10] {
    let first = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    let chosen = |name: &str| first(name).filter(|v| allowed(name, v));
    let flag = |name: &str| chosen(name).filter(|v| v == "0");
    [
        ("sim", chosen("sim")),
        ("op", chosen("op")),
        ("pay", chosen("pay")),
        ("online", flag("online")),
        ("inaz", flag("inaz")),
        ("plan", chosen("plan").filter(|v| v != "prepaid")),
        ("lang", chosen("lang")),
        ("embed", chosen("embed")),
        ("theme", chosen("theme").filter(|v| v != "auto")),
        (
            "accent",
            first("accent")
                .filter(|v| is_colour(v))
                .map(|v| v.to_ascii_lowercase()),
        ),
    ]
}

/// The same, read back from parsed parameters.
fn written(p: &AppParams) -> [(&'static str, Option<String>); 10] {
    let q = &p.query;
    let s = |v: &str| Some(v.to_owned());
    [
        ("sim", q.sim.map(SimKind::as_str).and_then(s)),
        ("op", q.op.map(OperatorChoice::as_str).and_then(s)),
        ("pay", q.pay.map(Payment::as_str).and_then(s)),
        ("online", (!q.online).then(|| "0".to_owned())),
        ("inaz", (!q.in_az).then(|| "0".to_owned())),
        (
            "plan",
            (q.plan != Plan::Prepaid).then(|| q.plan.as_str().to_owned()),
        ),
        ("lang", p.lang.map(Lang::code).and_then(s)),
        ("embed", p.embed.then(|| "1".to_owned())),
        (
            "theme",
            (p.theme != Theme::Auto).then(|| p.theme.as_str().to_owned()),
        ),
        ("accent", p.accent.as_ref().map(|a| a.as_str().to_owned())),
    ]
}

fn param_name() -> impl Strategy<Value = String> + Clone {
    prop_oneof![
        3 => select(PARAMS.iter().map(|(n, _)| *n).chain(["accent"]).collect::<Vec<_>>())
            .prop_map(str::to_owned),
        1 => any_text(6),
    ]
}

fn param_value() -> impl Strategy<Value = String> + Clone {
    let vocabulary: Vec<&str> = PARAMS.iter().flat_map(|(_, v)| v.iter().copied()).collect();
    prop_oneof![
        3 => select(vocabulary).prop_map(str::to_owned),
        2 => "#[0-9a-fA-Fg]{2,7}",
        1 => select(vec!["", " 1", "1 ", "ESIM", "true", "<script>", "%23fff", "#fff;x"])
            .prop_map(str::to_owned),
        1 => any_text(8),
    ]
}

/// An accent as a site would write it: `#rgb` or `#rrggbb`, either case.
fn colour() -> impl Strategy<Value = String> {
    prop_oneof!["#[0-9a-fA-F]{3}", "#[0-9a-fA-F]{6}"]
}

fn app_params() -> impl Strategy<Value = AppParams> {
    let op = prop_oneof![
        Just(OperatorChoice::Unsure),
        select(OperatorId::ALL.to_vec()).prop_map(OperatorChoice::Known),
    ];
    let query = (
        prop::option::of(select(SimKind::ALL.to_vec())),
        prop::option::of(op),
        prop::option::of(select(Payment::ALL.to_vec())),
        any::<bool>(),
        any::<bool>(),
        select(Plan::ALL.to_vec()),
    )
        .prop_map(|(sim, op, pay, online, in_az, plan)| Query {
            sim,
            op,
            pay,
            online,
            in_az,
            plan,
        });
    (
        query,
        prop::option::of(select(Lang::ALL.to_vec())),
        any::<bool>(),
        select(vec![Theme::Light, Theme::Dark, Theme::Auto]),
        prop::option::of(colour()),
    )
        .prop_map(|(query, lang, embed, theme, accent)| AppParams {
            query,
            lang,
            embed,
            theme,
            accent: accent.as_deref().and_then(Accent::parse),
        })
}

/// Relative luminance by WCAG 2's exact formula.
fn luminance(hex6: &str) -> f64 {
    let channel = |i: usize| {
        let v = f64::from(u8::from_str_radix(&hex6[2 * i..2 * i + 2], 16).expect("hex")) / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2)
}

fn contrast(a: f64, b: f64) -> f64 {
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// `#rgb` written `#rrggbb`.
fn long_form(accent: &str) -> String {
    let hex = &accent[1..];
    if hex.len() == 3 {
        hex.chars().flat_map(|c| [c, c]).collect()
    } else {
        hex.to_owned()
    }
}

/// Checks what any parsed query must be: every value in the vocabulary, no
/// default written out, and reading what it writes gives it back.
fn assert_in_vocabulary(p: &AppParams) -> Result<(), TestCaseError> {
    let search = p.to_search();
    prop_assert_eq!(AppParams::parse(&search), p.clone());
    for (name, value) in form_urlencoded::parse(search.trim_start_matches('?').as_bytes()) {
        prop_assert!(allowed(&name, &value), "{}={} in {}", name, value, search);
    }
    for default in [
        "online=1",
        "inaz=1",
        "plan=prepaid",
        "theme=auto",
        "embed=0",
    ] {
        prop_assert!(!search.contains(default), "{}", search);
    }
    if let Some(accent) = &p.accent {
        prop_assert!(allowed("accent", accent.as_str()));
        prop_assert!(["#000000", "#ffffff"].contains(&accent.ink()));
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(1024))]

    #[test]
    fn any_query_string_parses_to_the_vocabulary(search in any_text(48)) {
        let p = AppParams::parse(&search);
        assert_in_vocabulary(&p)?;
        if !search.starts_with('?') {
            prop_assert_eq!(AppParams::parse(&format!("?{search}")), p);
        }
    }

    #[test]
    fn raw_queries_parse_to_the_vocabulary(
        pairs in prop::collection::vec((param_name(), param_value()), 0..8),
        separators in prop::collection::vec(select(vec!["&", "=", "&&", ";", "%", "+", "%2", "#"]), 0..8),
    ) {
        // Written without encoding, with stray separators: anything goes.
        let mut raw = String::new();
        for (i, (k, v)) in pairs.iter().enumerate() {
            raw.push_str(k);
            raw.push('=');
            raw.push_str(v);
            raw.push_str(separators.get(i).copied().unwrap_or("&"));
        }
        assert_in_vocabulary(&AppParams::parse(&raw))?;
    }

    #[test]
    fn parameters_mean_what_the_vocabulary_says(
        pairs in prop::collection::vec((param_name(), param_value()), 0..10),
        question_mark in any::<bool>(),
    ) {
        let mut out = form_urlencoded::Serializer::new(String::new());
        for (k, v) in &pairs {
            out.append_pair(k, v);
        }
        let search = format!("{}{}", if question_mark { "?" } else { "" }, out.finish());
        let p = AppParams::parse(&search);
        prop_assert_eq!(written(&p), model(&pairs), "{}", search);
        assert_in_vocabulary(&p)?;
    }

    #[test]
    fn vocabulary_params_round_trip(p in app_params()) {
        let search = p.to_search();
        prop_assert_eq!(AppParams::parse(&search), p.clone());
        prop_assert_eq!(AppParams::parse(search.trim_start_matches('?')), p.clone());
        prop_assert_eq!(search.is_empty(), p == AppParams::default());
    }

    #[test]
    fn query_set_changes_only_its_parameter(
        start in app_params(),
        name in param_name(),
        value in param_value(),
    ) {
        let before = start.query;
        let mut q = before;
        let known = ["sim", "op", "pay", "online", "inaz", "plan"].contains(&name.as_str());
        prop_assert_eq!(q.set(&name, &value), known);
        let as_params = |query: Query| written(&AppParams { query, ..AppParams::default() });
        let (now, was) = (as_params(q), as_params(before));
        let expected = model(&[(name.clone(), value.clone())]);
        for ((now, was), expected) in now.iter().zip(&was).zip(&expected).take(6) {
            if now.0 == name {
                prop_assert_eq!(now, expected);
            } else {
                prop_assert_eq!(now, was);
            }
        }
    }

    #[test]
    fn accents_are_colours_and_their_ink_reads_best(
        s in prop_oneof![colour(), "#[0-9a-zA-Z;:()]{0,8}", any_text(8)],
    ) {
        let accent = Accent::parse(&s);
        prop_assert_eq!(accent.is_some(), is_colour(&s), "{:?}", s);
        let Some(accent) = accent else { return Ok(()) };
        prop_assert_eq!(accent.as_str(), s.to_ascii_lowercase());
        let ink = accent.ink();
        prop_assert!(ink == "#000000" || ink == "#ffffff");
        let hex = long_form(accent.as_str());
        let long = Accent::parse(&format!("#{hex}")).expect("a colour");
        prop_assert_eq!(long.ink(), ink);
        // The ink chosen contrasts at least as much as the other one would
        // (WCAG 2's exact formula; the larger is always above 4.5:1).
        let l = luminance(&hex);
        let (with_black, with_white) = (contrast(l, 0.0), contrast(l, 1.0));
        let (chosen, other) = if ink == "#000000" {
            (with_black, with_white)
        } else {
            (with_white, with_black)
        };
        prop_assert!(chosen >= other - 1e-9, "#{}: {} gives {:.3}:1, the other {:.3}:1", hex, ink, chosen, other);
        prop_assert!(chosen >= 4.5);
    }
}

#[test]
fn accent_ink_near_the_black_white_boundary() {
    // Colours whose ink the WCAG exponent decides (2.4, not an approximation).
    for (colour, ink) in [
        ("#747b76", "#000000"),
        ("#767676", "#000000"),
        ("#777", "#000000"),
    ] {
        let hex = long_form(colour);
        let l = luminance(&hex);
        let better = if contrast(l, 0.0) >= contrast(l, 1.0) {
            "#000000"
        } else {
            "#ffffff"
        };
        assert_eq!(better, ink, "{colour}");
        assert_eq!(
            Accent::parse(colour).map(|a| a.ink()),
            Some(ink),
            "{colour}"
        );
    }
}

// ---------------------------------------------------------------------------
// 4. The catalog: the language packs (postcard) and the JSON files.

fn shipped_json() -> &'static [Value; 6] {
    static FILES_JSON: OnceLock<[Value; 6]> = OnceLock::new();
    FILES_JSON.get_or_init(|| {
        std::array::from_fn(|i| serde_json::from_str(EMBEDDED_FILES[i].1).expect("shipped JSON"))
    })
}

/// What one catalog file holds in a test: as shipped, edited, or replaced.
#[derive(Clone, Debug)]
enum FileText {
    Shipped,
    Edited(Vec<Edit>),
    Json(Value),
    Text(String),
}

fn file_text() -> impl Strategy<Value = FileText> {
    prop_oneof![
        4 => Just(FileText::Shipped),
        3 => edits(2).prop_map(FileText::Edited),
        1 => any_json().prop_map(FileText::Json),
        1 => any_text(32).prop_map(FileText::Text),
    ]
}

fn assert_reported(errors: &[azsim_domain::CatalogError]) -> Result<(), TestCaseError> {
    prop_assert!(!errors.is_empty(), "an error without a message");
    for e in errors {
        prop_assert!(FILES.contains(&e.file.as_str()), "{}", e);
        prop_assert!(!e.entry.is_empty() && !e.message.is_empty(), "{}", e);
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn catalog_files_are_read_or_their_errors_reported(
        texts in prop::array::uniform6(file_text()),
    ) {
        let owned: Vec<String> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| match t {
                FileText::Shipped => EMBEDDED_FILES[i].1.to_owned(),
                FileText::Edited(e) => edited(shipped_json()[i].clone(), e).to_string(),
                FileText::Json(v) => v.to_string(),
                FileText::Text(s) => s.clone(),
            })
            .collect();
        let files: [(&str, &str); 6] = std::array::from_fn(|i| (FILES[i], owned[i].as_str()));
        match Catalog::from_files(&files) {
            Ok(catalog) => {
                prop_assert!(catalog.validate().is_ok());
                // A file replaced by something else is refused, except an
                // empty list of channels (no rule asks for a channel).
                for (i, t) in texts.iter().enumerate() {
                    let replaced = match t {
                        FileText::Json(v) => !(i == 2 && *v == json!([])),
                        FileText::Text(s) => {
                            !(i == 2 && serde_json::from_str::<Value>(s).is_ok_and(|v| v == json!([])))
                        }
                        _ => false,
                    };
                    prop_assert!(!replaced, "{} accepted as {:?}", FILES[i], t);
                }
            }
            Err(errors) => {
                assert_reported(&errors)?;
                prop_assert!(texts.iter().any(|t| !matches!(t, FileText::Shipped)));
            }
        }
    }
}

// ---------------------------------------------------------------------------
// 5. Dates and wall-clock times (stored reminders, catalog dates).

/// The reference for `Date::parse`: `YYYY-MM-DD`, ASCII digits, a real day
/// of years 1 to 9999.
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits_at = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    if !(digits_at(0..4) && digits_at(5..7) && digits_at(8..10)) {
        return false;
    }
    let n = |r: std::ops::Range<usize>| s[r].parse::<u32>().expect("digits");
    let (y, m, d) = (n(0..4), n(5..7), n(8..10));
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let last = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => 0,
    };
    y >= 1 && (1..=last).contains(&d)
}

/// The reference for `LocalDateTime::parse`: a date, `T`, then `HH:MM` or
/// `HH:MM:SS`, each two ASCII digits of a real time.
fn is_date_time(s: &str) -> bool {
    let Some((date, time)) = s.split_once('T') else {
        return false;
    };
    let b = time.as_bytes();
    let two = |i: usize| {
        b[i..i + 2]
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| u32::from(b[i] - b'0') * 10 + u32::from(b[i + 1] - b'0'))
    };
    let hh_mm = b.len() >= 5
        && b[2] == b':'
        && two(0).is_some_and(|h| h < 24)
        && two(3).is_some_and(|m| m < 60);
    let seconds = b.len() == 5 || (b.len() == 8 && b[5] == b':' && two(6).is_some_and(|s| s < 60));
    is_date(date) && hh_mm && seconds
}

/// Near-valid text: a valid-looking shape with one character changed.
fn near(shape: &'static str) -> impl Strategy<Value = String> {
    (shape, prop::option::of((any::<Index>(), any::<char>()))).prop_map(|(s, change)| {
        let mut chars: Vec<char> = s.chars().collect();
        if let Some((at, c)) = change {
            let i = at.index(chars.len());
            chars[i] = c;
        }
        chars.into_iter().collect()
    })
}

proptest! {
    #![proptest_config(config(2048))]

    #[test]
    fn date_parse_accepts_exactly_real_dates(
        s in prop_oneof![
            any_text(12),
            near("[0-9]{4}-[0-9]{2}-[0-9]{2}"),
            "[0-9]{4}-(0[0-9]|1[0-3])-([0-2][0-9]|3[0-2])",
        ],
    ) {
        let parsed = Date::parse(&s);
        prop_assert_eq!(parsed.is_some(), is_date(&s), "{:?}", s);
        if let Some(d) = parsed {
            prop_assert_eq!(d.to_string(), s.clone());
            prop_assert!(is_iso_date(&s), "the catalog's check agrees: {:?}", s);
        }
    }

    #[test]
    fn date_time_parse_accepts_exactly_real_times(
        s in prop_oneof![
            any_text(20),
            near("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?"),
            "(19|20)[0-9]{2}-(0[1-9]|1[0-2])-[0-2][1-9]T[0-2][0-9]:[0-6][0-9](:[0-9]{2})?",
            "20[0-9]{2}-0[1-9]-1[0-9]T[01][0-9]:[0-5][0-9]:.{1,2}",
        ],
    ) {
        let parsed = LocalDateTime::parse(&s);
        prop_assert_eq!(parsed.is_some(), is_date_time(&s), "{:?}", s);
        if let Some(t) = parsed {
            // Seconds, when given, are dropped.
            prop_assert_eq!(t.to_string(), s.get(..16).unwrap_or_default());
        }
        // Read from JSON the same way.
        let from_json = serde_json::from_value::<LocalDateTime>(json!(s)).ok();
        prop_assert_eq!(from_json, parsed);
    }

    #[test]
    fn dates_and_times_round_trip(t in local_date_time(), seconds in 0u32..60) {
        prop_assert_eq!(Date::parse(&t.date.to_string()), Some(t.date));
        prop_assert_eq!(LocalDateTime::parse(&t.to_string()), Some(t));
        prop_assert_eq!(LocalDateTime::parse(&format!("{t}:{seconds:02}")), Some(t));
        let json = serde_json::to_string(&t).expect("serialises");
        prop_assert_eq!(serde_json::from_str::<LocalDateTime>(&json).ok(), Some(t));
        let json = serde_json::to_string(&t.date).expect("serialises");
        prop_assert_eq!(serde_json::from_str::<Date>(&json).ok(), Some(t.date));
        prop_assert_eq!(LocalDateTime::from_minutes_since_epoch(t.minutes_since_epoch()), Some(t));
    }
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn dates_from_any_json_never_panic(value in any_json()) {
        let expected = value.as_str().and_then(LocalDateTime::parse);
        prop_assert_eq!(serde_json::from_value::<LocalDateTime>(value.clone()).ok(), expected);
        let expected = value.as_str().and_then(Date::parse);
        prop_assert_eq!(serde_json::from_value::<Date>(value).ok(), expected);
    }
}

// ---------------------------------------------------------------------------
// The smallest cases the properties above found, kept as plain examples
// (the seeds in proptest-regressions only replay while the generators stay
// the same).

#[test]
fn cases_the_properties_found() {
    // An array is not a document, not "version 3".
    assert!(matches!(Document::decode("[3]"), Err(DecodeError::Damaged)));
    assert!(matches!(
        Document::decode("[null]"),
        Err(DecodeError::Damaged)
    ));
    assert_eq!(
        Document::from_backup(br#"[null, null, [], "azsim-backup"]"#),
        Err(DecodeError::NotABackup)
    );
    // Seconds are seconds.
    for bad in [
        "1900-01-01T00:00:60",
        "2026-12-01T09:00:xx",
        "2026-12-01T09:00:é",
    ] {
        assert_eq!(LocalDateTime::parse(bad), None, "{bad}");
    }
    // Two new reminders of one file under one id: the first is imported.
    let reminder = |label: &str| Reminder {
        id: ReminderId("a".into()),
        label: label.into(),
        due: LocalDateTime::parse("2026-12-01T09:00").expect("valid"),
        operator: None,
        channel: None,
        note: String::new(),
        repeat: Repeat::None,
        warn_days: 0,
    };
    let incoming = Document {
        reminders: vec![reminder("Nar"), reminder("Bakcell")],
        ..Document::default()
    };
    let added = Document::default().plan_import(&incoming);
    assert_eq!(added, [&incoming.reminders[0]]);
    // The ink that reads better by WCAG's exponent, not an approximation.
    assert_eq!(Accent::parse("#D33").map(|a| a.ink()), Some("#000000"));
}
