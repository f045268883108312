//! Evidence: for every claim the app shows (an attribute that changes the
//! ranking, a code, a sentence the user reads), the verbatim quotes from its
//! sources that support it, or the assumption it rests on.
//!
//! In `data/*.json` an entry carries an `evidence` object, attribute by
//! attribute:
//!
//! ```json
//! "evidence": {
//!   "plans": [{"source": "nar_credit", "quote": "only available for prepaid subscribers", "at": "Notes"}],
//!   "needs_internet": {"assumption": "a terminal is a machine in the street; no page says it needs none"}
//! }
//! ```
//!
//! An entry may also carry `review`: what the last re-check of its sources
//! found, for the next editor (never shown).
//!
//! The catalog takes `evidence` out of each entry before parsing the entry
//! itself and keeps it as a list of [`Claim`]s (`Catalog::evidence`). The
//! claims no source states travel, with the sources, in the second part of
//! each language pack (`Catalog::split_for_packs`), fetched after the first
//! paint; the quoted ones, in the pages' own languages, in a file of their
//! own, fetched when a reader opens the quotes (see the app's `build.rs`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::catalog::SourceId;

/// The longest quote accepted: a quote is a short excerpt, not a copy.
pub const MAX_QUOTE_CHARS: usize = 400;

/// A verbatim excerpt of a source that supports a claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    /// The source quoted (an id of `data/sources.json`).
    pub source: SourceId,
    /// The words as the page has them, in the page's language.
    pub quote: String,
    /// Where on the page (a heading, a table row, a list item).
    pub at: String,
}

/// What supports one attribute of one catalog entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// The entry, as `kind:id` (`channel:nar_credit`, `operator:nar`,
    /// `note:keep_receipt`, `rule:nar_2024`, `fact:azercell_restore`).
    pub entry: String,
    /// The attribute (`plans`, `needs_presence`, `code:*700#`, `text`).
    pub attribute: String,
    /// The quotes that support it; empty for an assumption.
    pub quotes: Vec<Quote>,
    /// Why the claim is assumed, when no source states it: for the editors
    /// (the packs leave it out).
    pub assumption: Option<String>,
}

impl Claim {
    /// True when no source states the claim.
    pub fn is_assumption(&self) -> bool {
        self.quotes.is_empty()
    }
}

/// One attribute's evidence as the data files write it.
#[derive(Deserialize)]
#[serde(untagged)]
enum Written {
    Quotes(Vec<Quote>),
    Assumption { assumption: String },
}

/// Takes the `evidence` object out of an entry's JSON and reads it into
/// claims about `entry`; takes out the editors' `review` too (a string: what
/// the last re-check found, for the next editor, never shown). An evidence
/// object that cannot be read is an error naming the attribute.
pub fn take(entry: &str, value: &mut Value) -> Result<Vec<Claim>, String> {
    let Some(map) = value.as_object_mut() else {
        return Ok(Vec::new());
    };
    if map.remove("review").is_some_and(|r| !r.is_string()) {
        return Err("review: must be a string".into());
    }
    let Some(written) = map.remove("evidence") else {
        return Ok(Vec::new());
    };
    let by_attribute: BTreeMap<String, Value> = serde_json::from_value(written)
        .map_err(|e| format!("evidence: not an object of attributes ({e})"))?;
    by_attribute
        .into_iter()
        .map(|(attribute, v)| {
            let written: Written = serde_json::from_value(v).map_err(|_| {
                format!(
                    "evidence \"{attribute}\": expected a list of {{source, quote, at}} or {{\"assumption\": why}}"
                )
            })?;
            let (quotes, assumption) = match written {
                Written::Quotes(q) => (q, None),
                Written::Assumption { assumption } => (Vec::new(), Some(assumption)),
            };
            Ok(Claim {
                entry: entry.to_owned(),
                attribute,
                quotes,
                assumption,
            })
        })
        .collect()
}
