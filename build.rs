//! Build-time checks and code generation:
//! - validates the catalog in `data/` (the same code the app runs), so a
//!   broken catalog fails the build with the file and entry named;
//! - turns `locales/{zh,en,az,ru}.json` into a `Key` enum and lookup tables,
//!   failing the build when a language lacks a key, has an extra one, leaves
//!   one blank or uses other `{placeholders}` than English.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::{env, fs, path::Path};

// The app's own catalog code, so the build checks exactly what the app runs.
#[allow(dead_code)]
#[path = "src/domain/catalog.rs"]
mod catalog;
#[allow(dead_code)]
#[path = "src/domain/date.rs"]
mod date;
#[allow(dead_code)]
#[path = "src/domain/lang.rs"]
mod lang;

const LANGS: [&str; 4] = ["zh", "en", "az", "ru"];

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
    println!("cargo:rerun-if-changed=src/domain/catalog.rs");
    println!("cargo:rerun-if-changed=src/domain/date.rs");
    println!("cargo:rerun-if-changed=src/domain/lang.rs");

    let out_dir = env::var("OUT_DIR").expect("OUT_DIR");
    match catalog::Catalog::from_files(&catalog::EMBEDDED_FILES) {
        Ok(catalog) => {
            let bytes = postcard::to_allocvec(&catalog).expect("encode the catalog");
            fs::write(Path::new(&out_dir).join("catalog.postcard"), bytes)
                .expect("write catalog.postcard");
        }
        Err(errors) => {
            for e in &errors {
                println!("cargo:warning={e}");
            }
            panic!(
                "the catalog in data/ has {} problem(s), listed above",
                errors.len()
            );
        }
    }

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

    let mut out = String::from("/// A UI string's key; one per entry of `locales/en.json`.\n");
    out.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq)]\npub enum Key {\n");
    for key in english.keys() {
        let _ = writeln!(out, "    {},", camel(key));
    }
    out.push_str("}\n\nimpl Key {\n    /// Every key, in table order.\n");
    let _ = writeln!(out, "    pub const ALL: [Key; {}] = [", english.len());
    for key in english.keys() {
        let _ = writeln!(out, "        Key::{},", camel(key));
    }
    out.push_str("    ];\n}\n\n");
    for (lang, table) in LANGS.iter().zip(&tables) {
        let _ = writeln!(
            out,
            "static {}: [&str; {}] = [",
            lang.to_uppercase(),
            table.len()
        );
        for value in table.values() {
            let _ = writeln!(out, "    {value:?},");
        }
        out.push_str("];\n\n");
    }
    out.push_str("fn table(lang: Lang) -> &'static [&'static str] {\n    match lang {\n");
    for lang in LANGS {
        let _ = writeln!(
            out,
            "        Lang::{} => &{},",
            camel(lang),
            lang.to_uppercase()
        );
    }
    out.push_str("    }\n}\n");
    let dest = Path::new(&out_dir).join("locales.rs");
    fs::write(dest, out).expect("write locales.rs");
}
