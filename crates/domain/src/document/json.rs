//! The document's JSON, read and written through miniserde's `Value`. The
//! format is the one serde's derives on [`Document`], [`Prefs`] and
//! [`Reminder`] describe (the tests check both agree); reading it with
//! serde_json instead costs about 15 KB of brotli'd wasm, most of the
//! first load's budget for this.
//!
//! Read as serde's derive reads a struct: unknown fields are ignored, a
//! missing field with a default takes it, an optional field may be `null`,
//! and a value of the wrong type is an error that names its field.

use miniserde::json::{self, Array, Number, Object, Value};

use super::{AnyVersion, ClerkInput, DecodeError, Document, Prefs};
use crate::catalog::{ChannelId, OperatorId};
use crate::date::LocalDateTime;
use crate::reminders::{Reminder, ReminderId, Repeat};

fn wrong(field: &str, expected: &str) -> DecodeError {
    DecodeError::Damaged(format!("{field}: expected {expected}"))
}

/// `Some(n)` for a JSON number that is a `u32`.
fn as_u32(v: &Value) -> Option<u32> {
    match v {
        Value::Number(Number::U64(n)) => u32::try_from(*n).ok(),
        _ => None,
    }
}

/// The fields of one JSON object.
struct Fields<'a>(&'a Object);

impl<'a> Fields<'a> {
    fn of(v: &'a Value, what: &str) -> Result<Self, DecodeError> {
        match v {
            Value::Object(o) => Ok(Fields(o)),
            _ => Err(wrong(what, "an object")),
        }
    }

    /// A field that may be missing or `null`.
    fn optional(&self, key: &str) -> Option<&'a Value> {
        self.0.get(key).filter(|v| !matches!(v, Value::Null))
    }

    fn opt_str(&self, key: &str) -> Result<Option<&'a str>, DecodeError> {
        match self.optional(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(_) => Err(wrong(key, "a string")),
        }
    }

    /// A string that must be there.
    fn str(&self, key: &str) -> Result<&'a str, DecodeError> {
        self.opt_str(key)?.ok_or_else(|| wrong(key, "a string"))
    }

    /// A string whose default is empty (`null` is not a string).
    fn str_or_empty(&self, key: &str) -> Result<String, DecodeError> {
        match self.0.get(key) {
            None => Ok(String::new()),
            Some(Value::String(s)) => Ok(s.clone()),
            Some(_) => Err(wrong(key, "a string")),
        }
    }

    fn u32_or_zero(&self, key: &str) -> Result<u32, DecodeError> {
        self.0
            .get(key)
            .map_or(Some(0), as_u32)
            .ok_or_else(|| wrong(key, "a whole number"))
    }

    fn bool_or_false(&self, key: &str) -> Result<bool, DecodeError> {
        match self.0.get(key) {
            None => Ok(false),
            Some(Value::Bool(b)) => Ok(*b),
            Some(_) => Err(wrong(key, "true or false")),
        }
    }
}

fn prefs(v: &Value) -> Result<Prefs, DecodeError> {
    let f = Fields::of(v, "prefs")?;
    Ok(Prefs {
        lang: f.opt_str("lang")?.map(str::to_owned),
        notify: f.bool_or_false("notify")?,
        clerk: f.optional("clerk").map(clerk).transpose()?,
    })
}

fn clerk(v: &Value) -> Result<ClerkInput, DecodeError> {
    let f = Fields::of(v, "clerk")?;
    Ok(ClerkInput {
        number: f.opt_str("number")?.unwrap_or_default().to_owned(),
        amount: f.opt_str("amount")?.unwrap_or_default().to_owned(),
    })
}

fn repeat(v: Option<&Value>) -> Result<Repeat, DecodeError> {
    let every_days = |o: &Object| match (o.len(), o.get("every_days")) {
        (1, Some(n)) => as_u32(n),
        _ => None,
    };
    match v {
        None => Ok(Repeat::None),
        Some(Value::String(s)) if s == "none" => Ok(Repeat::None),
        Some(Value::String(s)) if s == "monthly" => Ok(Repeat::Monthly),
        Some(Value::Object(o)) => every_days(o)
            .map(Repeat::EveryDays)
            .ok_or_else(|| wrong("repeat", "{\"every_days\": n}")),
        Some(_) => Err(wrong(
            "repeat",
            "\"none\", \"monthly\" or {\"every_days\": n}",
        )),
    }
}

fn reminder(v: &Value) -> Result<Reminder, DecodeError> {
    let f = Fields::of(v, "reminder")?;
    let due = f.str("due")?;
    let operator = match f.opt_str("operator")? {
        None => None,
        Some(s) => Some(
            OperatorId::ALL
                .into_iter()
                .find(|o| o.as_str() == s)
                .ok_or_else(|| wrong("operator", "an operator id"))?,
        ),
    };
    Ok(Reminder {
        id: ReminderId(f.str("id")?.to_owned()),
        label: f.str("label")?.to_owned(),
        due: LocalDateTime::parse(due)
            .ok_or_else(|| wrong("due", "a date and time (YYYY-MM-DDTHH:MM)"))?,
        operator,
        channel: f.opt_str("channel")?.map(|s| ChannelId(s.to_owned())),
        note: f.str_or_empty("note")?,
        repeat: repeat(f.0.get("repeat"))?,
        warn_days: f.u32_or_zero("warn_days")?,
    })
}

/// Reads a document of any known version, checking the version first (a
/// newer document is recognised even if the rest would not read).
pub(super) fn read_any(text: &str) -> Result<AnyVersion, DecodeError> {
    let value: Value = json::from_str(text).map_err(|_| DecodeError::Damaged("not JSON".into()))?;
    let f = Fields::of(&value, "the document")?;
    let version = match f.optional("version") {
        None => None,
        Some(v) => Some(as_u32(v).ok_or_else(|| wrong("version", "a whole number"))?),
    };
    if let Some(v) = version.filter(|v| *v > super::VERSION) {
        return Err(DecodeError::TooNew(v));
    }
    let reminders = match f.0.get("reminders") {
        None => Vec::new(),
        Some(Value::Array(items)) => items.iter().map(reminder).collect::<Result<_, _>>()?,
        Some(_) => return Err(wrong("reminders", "a list")),
    };
    Ok(AnyVersion {
        lang: f.opt_str("lang")?.map(str::to_owned),
        prefs: f.optional("prefs").map(prefs).transpose()?,
        reminders,
        app: f.opt_str("app")?.map(str::to_owned),
    })
}

fn string(s: &str) -> Value {
    Value::String(s.to_owned())
}

fn number(n: u32) -> Value {
    Value::Number(Number::U64(n.into()))
}

fn object<const N: usize>(fields: [(&str, Value); N]) -> Value {
    let mut o = Object::new();
    for (k, v) in fields {
        o.insert(k.to_owned(), v);
    }
    Value::Object(o)
}

fn prefs_value(p: &Prefs) -> Value {
    let mut v = object([
        ("lang", p.lang.as_deref().map_or(Value::Null, string)),
        ("notify", Value::Bool(p.notify)),
    ]);
    if let (Value::Object(o), Some(c)) = (&mut v, &p.clerk) {
        let clerk = object([("number", string(&c.number)), ("amount", string(&c.amount))]);
        o.insert("clerk".to_owned(), clerk);
    }
    v
}

fn reminder_value(r: &Reminder) -> Value {
    let repeat = match r.repeat {
        Repeat::None => string("none"),
        Repeat::Monthly => string("monthly"),
        Repeat::EveryDays(n) => object([("every_days", number(n))]),
    };
    object([
        ("id", string(&r.id.0)),
        ("label", string(&r.label)),
        ("due", string(&r.due.to_string())),
        (
            "operator",
            r.operator.map_or(Value::Null, |o| string(o.as_str())),
        ),
        (
            "channel",
            r.channel.as_ref().map_or(Value::Null, |c| string(&c.0)),
        ),
        ("note", string(&r.note)),
        ("repeat", repeat),
        ("warn_days", number(r.warn_days)),
    ])
}

/// The document as stored: one line.
pub(super) fn encode(doc: &Document) -> String {
    let reminders: Array = doc.reminders.iter().map(reminder_value).collect();
    json::to_string(&object([
        ("version", number(doc.version)),
        ("prefs", prefs_value(&doc.prefs)),
        ("reminders", Value::Array(reminders)),
    ]))
}

/// A backup file: the document marked as AzSIM's (`app`), with when it was
/// made, laid out one reminder a line for people who open it.
pub(super) fn backup(doc: &Document, app: &str, exported: &str) -> String {
    let reminders: Vec<String> = doc
        .reminders
        .iter()
        .map(|r| format!("    {}", json::to_string(&reminder_value(r))))
        .collect();
    let reminders = if reminders.is_empty() {
        "[]".to_owned()
    } else {
        format!("[\n{}\n  ]", reminders.join(",\n"))
    };
    format!(
        "{{\n  \"app\": {},\n  \"exported\": {},\n  \"version\": {},\n  \"prefs\": {},\n  \"reminders\": {}\n}}",
        json::to_string(app),
        json::to_string(exported),
        doc.version,
        json::to_string(&prefs_value(&doc.prefs)),
        reminders,
    )
}
