//! Build-time checks and code generation:
//! - validates the catalog in `data/` (the same code the app runs), so a
//!   broken catalog fails the build with the file and entry named;
//! - checks `locales/{zh,en,az,ru}.json`, failing the build when a language
//!   lacks a key, has an extra one, leaves one blank or uses other
//!   `{placeholders}` than English;
//! - writes one language pack per language, in two parts (postcard, each
//!   with only that language's text): `OUT_DIR/lang/<code>-<hash>.bin`, the
//!   UI strings and what the picker and the ranked paths need, and
//!   `lang/<code>-more-<hash>.bin`, the rest of the catalog (sources,
//!   advice, the line's facts), fetched after the first paint
//!   (see `Catalog::split_for_packs`), with the claims no source states;
//!   `lang/<code>-validity-<hash>.bin`, the validity rules, which only the
//!   calculator's answer needs (the on-demand module fetches them);
//!   and, once for all four, the quoted claims (the sources' own words, in
//!   no language of the app's): `lang/evidence-<hash>.bin`, fetched when a
//!   reader opens a source list's quotes. The app
//!   fetches just the language it shows (the Trunk hook
//!   `scripts/post-build.mjs` copies them into the output);
//! - generates `Key` (one per UI string, the packs' order), `Fatal` (the few
//!   `fatal_*` strings compiled into the app, for when no pack can be used),
//!   `PACK_FILES`, `MORE_FILES`, `VALIDITY_FILES`, `EVIDENCE_FILE` and
//!   `REPORT_CONTACT`
//!   (`data/report.json`).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::{env, fs, path::Path};

use serde_json::Value;

// The app's own domain crate, so the build checks exactly what the app runs.
use azsim_domain::{catalog, evidence, lang, typography};

const LANGS: [&str; 4] = ["zh", "en", "az", "ru"];
/// Keys with this prefix are compiled into the app instead of the packs.
const FATAL_PREFIX: &str = "fatal_";
/// Keys with this prefix are compiled into the on-demand module
/// (`src/bin/extras.rs`) instead of the packs.
const EXTRA_PREFIX: &str = "extra_";
/// Keys with this prefix are only in the static page (scripts/essentials.mjs):
/// neither in the packs nor in the app.
const SHELL_PREFIX: &str = "shell_";

fn placeholders(s: &str) -> Vec<&str> {
    let mut out: Vec<&str> = s
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect();
    out.sort_unstable();
    out
}

fn camel(key: &str) -> String {
    key.split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

fn main() {
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=locales");

    let out_dir = env::var("OUT_DIR").expect("OUT_DIR");
    let catalog = match catalog::Catalog::from_files(&catalog::EMBEDDED_FILES) {
        Ok(catalog) => catalog,
        Err(errors) => {
            for e in &errors {
                println!("cargo:warning={e}");
            }
            panic!(
                "the catalog in data/ has {} problem(s), listed above",
                errors.len()
            );
        }
    };

    let mut tables: Vec<BTreeMap<String, String>> = Vec::new();
    for lang in LANGS {
        let path = format!("locales/{lang}.json");
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let map: BTreeMap<String, String> =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
        tables.push(map);
    }
    let english = &tables[1];
    let mut problems = Vec::new();
    for (lang, table) in LANGS.iter().zip(&tables) {
        for key in english.keys().filter(|k| !table.contains_key(*k)) {
            problems.push(format!("locales/{lang}.json: missing key \"{key}\""));
        }
        for (key, value) in table {
            match english.get(key) {
                None => problems.push(format!("locales/{lang}.json: unknown key \"{key}\"")),
                Some(en) if placeholders(en) != placeholders(value) => problems.push(format!(
                    "locales/{lang}.json: \"{key}\" has placeholders {:?}, English has {:?}",
                    placeholders(value),
                    placeholders(en)
                )),
                Some(_) if value.trim().is_empty() => {
                    problems.push(format!("locales/{lang}.json: \"{key}\" is blank"))
                }
                Some(_) => {}
            }
        }
    }
    if !problems.is_empty() {
        for p in &problems {
            println!("cargo:warning={p}");
        }
        panic!("{} locale problem(s), listed above", problems.len());
    }

    let second_part = second_part_keys(english);
    let out_dir = Path::new(&out_dir);
    let compiled_in = |key: &str| key.starts_with(FATAL_PREFIX) || key.starts_with(EXTRA_PREFIX);
    let is_later = |key: &str| second_part.iter().any(|k| k == key);
    // The packs' order: the first part's strings, then the second part's.
    let key_order: Vec<&str> = english
        .keys()
        .map(String::as_str)
        .filter(|k| !compiled_in(k) && !is_later(k) && !k.starts_with(SHELL_PREFIX))
        .chain(second_part.iter().map(String::as_str))
        .collect();
    let first_strings = key_order.len() - second_part.len();
    let catalog_json = serde_json::to_value(&catalog).expect("catalog as JSON");
    fs::create_dir_all(out_dir.join("lang")).expect("create OUT_DIR/lang");
    let mut files = Vec::new();
    let mut more_files = Vec::new();
    let mut validity_files = Vec::new();
    let mut evidence = None;
    for (lang, table) in LANGS.iter().zip(&tables) {
        let language = lang::Lang::from_code(lang).expect("one of the app's languages");
        let mut strings: Vec<String> = key_order
            .iter()
            .map(|k| typography::polish(language, &table[*k]))
            .collect();
        let later_strings = strings.split_off(first_strings);
        let mut text = catalog_json.clone();
        keep_language(&mut text, lang);
        polish_texts(&mut text, language);
        let one_language: catalog::Catalog =
            serde_json::from_value(text).expect("catalog with one language");
        let (first, mut more) = one_language.split_for_packs();
        // The evidence is the same in every language. The claims no source
        // states stay in the second part, which flags them in every source
        // list; the quoted ones (the sources' own words, the bulk) travel
        // once, in a file of their own, fetched when a reader opens the
        // quotes. The editors' reasons for an assumption are never shown:
        // they stay in `data/`.
        let (assumed, quoted): (Vec<_>, Vec<_>) = std::mem::take(&mut more.evidence)
            .into_iter()
            .map(|claim| evidence::Claim {
                assumption: None,
                ..claim
            })
            .partition(evidence::Claim::is_assumption);
        more.evidence = assumed;
        // The validity rules are for the calculator's answer, which the
        // on-demand module works out: they travel in a part of their own,
        // which it fetches.
        let validity = catalog::Catalog {
            validity: std::mem::take(&mut more.validity),
            validity_notes: std::mem::take(&mut more.validity_notes),
            validity_unknown: std::mem::take(&mut more.validity_unknown),
            ..Default::default()
        };
        validity_files.push(write_hashed(
            out_dir,
            &format!("lang/{lang}-validity"),
            &postcard::to_allocvec(&validity).expect("encode the validity rules"),
        ));
        match &evidence {
            None => evidence = Some(quoted),
            Some(shared) => assert!(
                *shared == quoted,
                "{lang}: the evidence differs by language"
            ),
        }
        // The same layout as `i18n::Pack { strings, catalog }`.
        files.push(write_hashed(
            out_dir,
            &format!("lang/{lang}"),
            &postcard::to_allocvec(&(strings, first)).expect("encode a pack"),
        ));
        // The same layout as `i18n::More { strings, catalog }`.
        more_files.push(write_hashed(
            out_dir,
            &format!("lang/{lang}-more"),
            &postcard::to_allocvec(&(later_strings, more)).expect("encode a pack's second part"),
        ));
    }

    // A catalog with only the quoted claims: the app decodes it with the packs'
    // own decoder (a decoder of its own would cost the wasm a second copy).
    let evidence_only = catalog::Catalog {
        evidence: evidence.expect("four languages"),
        ..Default::default()
    };
    let evidence_file = write_hashed(
        out_dir,
        "lang/evidence",
        &postcard::to_allocvec(&evidence_only).expect("encode the evidence"),
    );

    let contact = report_contact();

    let mut out = String::new();
    write_enum(
        &mut out,
        "A UI string's key, in the packs' order: the entries of `locales/en.json`\n/// except the `fatal_` ones, the first part's, then the second part's\n/// (`locales/second-part.json`).",
        "Key",
        key_order.iter().copied(),
    );
    let _ = writeln!(
        out,
        "/// How many strings the first part of a pack holds: [`Key`]s from this\n/// index on are in the second part.\npub const FIRST_STRINGS: usize = {first_strings};\n"
    );
    write_compiled_in(
        &mut out,
        english,
        &tables,
        FATAL_PREFIX,
        "Fatal",
        "A string shown when no pack can be used (a crash, a pack that does not load):\n/// the `fatal_` entries of the locales, compiled into the app in every language.",
    );
    write_compiled_in(
        &mut out,
        english,
        &tables,
        EXTRA_PREFIX,
        "Extra",
        "A string of the on-demand module (`crate::extras`): the `extra_` entries of\n/// the locales, compiled into it in every language (the app's own binary\n/// never uses them, so it does not carry them).",
    );
    write_files(
        &mut out,
        out_dir,
        "PACK",
        "Each language's pack, relative to the page (zh, en, az, ru)",
        &files,
    );
    write_files(
        &mut out,
        out_dir,
        "MORE",
        "Each language's pack's second part (`i18n::more`): the catalog's\n/// sources, advice and facts, fetched after the first paint",
        &more_files,
    );
    write_files(
        &mut out,
        out_dir,
        "VALIDITY",
        "Each language's validity rules (`i18n::validity`), fetched by the\n/// on-demand module for the calculator's answer",
        &validity_files,
    );
    let _ = writeln!(
        out,
        "/// The catalog's evidence (`i18n::evidence`), the same in every language:\n/// fetched after a pack's second part.\npub const EVIDENCE_FILE: &str = {evidence_file:?};\n\n/// The bytes of `EVIDENCE_FILE`, for native tests and tools.\npub static EVIDENCE_BYTES: &[u8] = include_bytes!({:?});\n",
        out_dir.join(&evidence_file)
    );
    out.push_str("/// Where \"Report a mistake\" sends its description (`data/report.json`);\n/// empty: it is copied to the clipboard instead.\n");
    let _ = writeln!(out, "pub const REPORT_CONTACT: &str = {contact:?};");
    fs::write(out_dir.join("locales.rs"), out).expect("write locales.rs");
}

/// Writes `<NAME>_FILES` (the files' paths, relative to the page) and
/// `<NAME>_BYTES` (their bytes, for native tests and tools: the app fetches
/// them instead, and nothing in it refers to these, so the wasm does not
/// hold them).
fn write_files(out: &mut String, out_dir: &Path, name: &str, doc: &str, files: &[String]) {
    let _ = writeln!(
        out,
        "/// {doc}.\npub const {name}_FILES: [&str; 4] = {files:?};\n"
    );
    let _ = writeln!(
        out,
        "/// The bytes of `{name}_FILES`, for native tests and tools."
    );
    let _ = writeln!(out, "pub static {name}_BYTES: [&[u8]; 4] = [");
    for file in files {
        let _ = writeln!(out, "    include_bytes!({:?}),", out_dir.join(file));
    }
    out.push_str("];\n\n");
}

/// Writes `bytes` to `OUT_DIR/<stem>-<hash of bytes>.bin` and returns that
/// name, relative to `OUT_DIR`.
fn write_hashed(out_dir: &Path, stem: &str, bytes: &[u8]) -> String {
    let mut hasher = DefaultHasher::new();
    bytes.hash(&mut hasher);
    let file = format!("{stem}-{:016x}.bin", hasher.finish());
    fs::write(out_dir.join(&file), bytes).expect("write a pack");
    file
}

/// The deployer's contact address for corrections, from `data/report.json`
/// (`{"contact": "fixes@example.org"}`, or `""` for none). Fails the build on
/// anything but an e-mail address.
fn report_contact() -> String {
    const PATH: &str = "data/report.json";
    let text = fs::read_to_string(PATH).unwrap_or_else(|e| panic!("{PATH}: {e}"));
    let value: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{PATH}: {e}"));
    let contact = value
        .get("contact")
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("{PATH}: \"contact\" must be a string (\"\" for none)"))
        .trim()
        .to_owned();
    let is_address = |s: &str| {
        s.split_once('@').is_some_and(|(user, host)| {
            !user.is_empty() && host.contains('.') && !host.starts_with('.') && !host.ends_with('.')
        }) && !s.contains(|c: char| c.is_whitespace() || "<>\"?&,;:/\\".contains(c))
    };
    if !contact.is_empty() && !is_address(&contact) {
        panic!("{PATH}: contact \"{contact}\" is not an e-mail address");
    }
    contact
}

/// The keys whose strings travel in the packs' second part
/// (`locales/second-part.json`); each must be a key of the locales.
fn second_part_keys(english: &BTreeMap<String, String>) -> Vec<String> {
    const PATH: &str = "locales/second-part.json";
    #[derive(serde::Deserialize)]
    struct SecondPart {
        keys: Vec<String>,
    }
    let text = fs::read_to_string(PATH).unwrap_or_else(|e| panic!("{PATH}: {e}"));
    let part: SecondPart = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{PATH}: {e}"));
    for key in &part.keys {
        let compiled_in = [FATAL_PREFIX, EXTRA_PREFIX, SHELL_PREFIX];
        if !english.contains_key(key) || compiled_in.iter().any(|p| key.starts_with(p)) {
            panic!("{PATH}: \"{key}\" is not a key of the locales' packs");
        }
    }
    part.keys
}

/// Writes the enum `name` of the keys starting with `prefix` (without it) and
/// their strings in each language, `static {NAME}_TEXT: [[&str; n]; 4]`.
fn write_compiled_in(
    out: &mut String,
    english: &BTreeMap<String, String>,
    tables: &[BTreeMap<String, String>],
    prefix: &str,
    name: &str,
    doc: &str,
) {
    let keys: Vec<&str> = english
        .keys()
        .filter(|k| k.starts_with(prefix))
        .map(String::as_str)
        .collect();
    write_enum(out, doc, name, keys.iter().map(|k| &k[prefix.len()..]));
    let _ = writeln!(
        out,
        "/// The `{name}` strings of each language (zh, en, az, ru)."
    );
    let _ = writeln!(
        out,
        "static {}_TEXT: [[&str; {}]; 4] = [",
        name.to_uppercase(),
        keys.len()
    );
    for (lang, table) in LANGS.iter().zip(tables) {
        let language = lang::Lang::from_code(lang).expect("one of the app's languages");
        let strings: Vec<String> = keys
            .iter()
            .map(|k| typography::polish(language, &table[*k]))
            .collect();
        let _ = writeln!(out, "    {strings:?},");
    }
    out.push_str("];\n\n");
}

/// Writes `pub enum name` with one variant per key (in CamelCase) and `ALL`.
fn write_enum<'a>(out: &mut String, doc: &str, name: &str, keys: impl Iterator<Item = &'a str>) {
    let keys: Vec<String> = keys.map(camel).collect();
    let _ = writeln!(
        out,
        "/// {doc}\n#[derive(Clone, Copy, Debug, PartialEq, Eq)]\npub enum {name} {{"
    );
    for key in &keys {
        let _ = writeln!(out, "    {key},");
    }
    let _ = writeln!(
        out,
        "}}\n\nimpl {name} {{\n    /// Every variant, in table order."
    );
    let _ = writeln!(out, "    pub const ALL: [{name}; {}] = [", keys.len());
    for key in &keys {
        let _ = writeln!(out, "        {name}::{key},");
    }
    out.push_str("    ];\n}\n\n");
}

/// Runs [`typography::polish`] over every translated text left in `value`
/// (after [`keep_language`]: objects with one language's string).
fn polish_texts(value: &mut Value, lang: lang::Lang) {
    match value {
        Value::Object(map) => {
            let is_text = is_text(map);
            for v in map.values_mut() {
                match v {
                    Value::String(s) if is_text => *s = typography::polish(lang, s),
                    _ => polish_texts(v, lang),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| polish_texts(v, lang)),
        _ => {}
    }
}

/// True for a translated text: an object with only `zh`, `en`, `az` and
/// `ru` strings.
fn is_text(map: &serde_json::Map<String, Value>) -> bool {
    !map.is_empty()
        && map
            .iter()
            .all(|(k, v)| LANGS.contains(&k.as_str()) && v.is_string())
}

/// Empties every translated text except its `lang` entry.
fn keep_language(value: &mut Value, lang: &str) {
    match value {
        Value::Object(map) => {
            if is_text(map) {
                map.retain(|k, _| k == lang);
            } else {
                map.values_mut().for_each(|v| keep_language(v, lang));
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| keep_language(v, lang)),
        _ => {}
    }
}
