//! The stored document (`{ version, prefs, reminders }`) and the backup file,
//! with migration from older versions. Plain Rust: `storage.rs` moves the
//! document in and out of `localStorage` (gloo-storage), this decides what
//! it means. The JSON is serde's: the derives below are the format.
//!
//! Read as serde's derive reads a struct: unknown fields are ignored, a
//! missing field with a default takes it, an optional field may be `null`,
//! and a value of the wrong type is an error.

use serde::{Deserialize, Serialize};

use super::reminders::{Reminder, ReminderError, MAX_REMINDERS};

/// The current document version.
pub const VERSION: u32 = 2;
/// Largest backup file accepted, in bytes.
pub const MAX_BACKUP_BYTES: usize = 2 * 1024 * 1024;
/// Marks a backup file as AzSIM's.
const BACKUP_MARK: &str = "azsim-backup";

/// Saved preferences.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Prefs {
    /// The language the user chose (`zh`, `en`, `az`, `ru`).
    pub lang: Option<String>,
    /// The user opted in to notifications in the installed app.
    pub notify: bool,
    /// The phone number and amount typed in the card for the clerk, kept
    /// only when the user asked for them to be remembered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clerk: Option<ClerkInput>,
}

/// What the user typed in the card for the clerk.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct ClerkInput {
    /// The phone number to top up, as typed.
    pub number: String,
    /// The amount in manat, as typed.
    pub amount: String,
}

/// Everything AzSIM stores, written as this struct's serde derive writes it
/// and read back through [`AnyVersion`].
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Document {
    /// The format version: [`VERSION`] once read (older ones are migrated).
    pub version: u32,
    /// The user's language and notification choices.
    pub prefs: Prefs,
    /// The user's reminders, at most [`MAX_REMINDERS`].
    pub reminders: Vec<Reminder>,
}

impl Default for Document {
    fn default() -> Self {
        Document {
            version: VERSION,
            prefs: Prefs::default(),
            reminders: Vec::new(),
        }
    }
}

/// Why a stored document or a backup cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Not JSON, or not the shape of any version.
    Damaged,
    /// Written by a newer AzSIM: never overwritten by this one.
    TooNew(u32),
    /// A file that is not an AzSIM backup.
    NotABackup,
    /// Larger than [`MAX_BACKUP_BYTES`].
    TooLarge,
    /// More reminders than [`MAX_REMINDERS`].
    TooMany,
    /// A reminder breaks the field limits (its position).
    BadReminder(usize),
}

impl DecodeError {
    /// A short name for why, as the on-demand module tells the app that a
    /// backup was refused.
    pub fn name(&self) -> &'static str {
        match self {
            DecodeError::Damaged => "damaged",
            DecodeError::TooNew(_) => "too_new",
            DecodeError::NotABackup => "not_a_backup",
            DecodeError::TooLarge => "too_large",
            DecodeError::TooMany => "too_many",
            DecodeError::BadReminder(_) => "bad_reminder",
        }
    }
}

/// `value` as JSON. Serializing plain structs of strings, whole numbers and
/// booleans cannot fail.
fn json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// Only a document's version, read when the whole does not read: tells a
/// newer document (left alone) from a damaged one ([`Versioned::verdict`]).
#[derive(Deserialize)]
pub struct Versioned {
    /// The document's `version`, if it has one.
    #[serde(default)]
    pub version: Option<u32>,
}

impl Versioned {
    /// Why a document that does not read as a whole does not: written by a
    /// newer AzSIM when its version (`read`, if that reads) says so, else
    /// damaged.
    pub fn verdict(read: Option<Versioned>) -> DecodeError {
        match read.and_then(|v| v.version) {
            Some(v) if v > VERSION => DecodeError::TooNew(v),
            _ => DecodeError::Damaged,
        }
    }
}

/// Every version's fields at once; [`AnyVersion::migrate`] brings them up
/// to date: v0 (unversioned, `{ "lang": .. }`) → v1 (`{ version: 1, prefs }`)
/// → v2 (adds `reminders`). Unknown fields are ignored.
#[derive(Deserialize)]
pub struct AnyVersion {
    #[serde(default)]
    version: Option<u32>,
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    prefs: Option<Prefs>,
    #[serde(default)]
    reminders: Vec<Reminder>,
    #[serde(default)]
    app: Option<String>,
}

impl AnyVersion {
    /// Reads `text` as a document of any version. A document is only ever a
    /// JSON object (serde's derives would also read a list of the fields).
    /// When it does not read, its version alone decides: newer, or damaged.
    fn read(text: &str) -> Result<AnyVersion, DecodeError> {
        if !text.trim_start().starts_with('{') {
            return Err(DecodeError::Damaged);
        }
        serde_json::from_str(text).map_err(|_| Versioned::verdict(serde_json::from_str(text).ok()))
    }

    /// The document in today's version, refusing a newer one and one whose
    /// reminders break the limits.
    pub fn migrate(self) -> Result<Document, DecodeError> {
        if let Some(v) = self.version.filter(|v| *v > VERSION) {
            return Err(DecodeError::TooNew(v));
        }
        let prefs = self.prefs.unwrap_or(Prefs {
            lang: self.lang,
            ..Prefs::default()
        });
        if self.reminders.len() > MAX_REMINDERS {
            return Err(DecodeError::TooMany);
        }
        if let Some(i) = self.reminders.iter().position(|r| r.check().is_err()) {
            return Err(DecodeError::BadReminder(i));
        }
        Ok(Document {
            version: VERSION,
            prefs,
            reminders: self.reminders,
        })
    }
}

impl Document {
    /// Reads a stored document of any known version.
    pub fn decode(text: &str) -> Result<Document, DecodeError> {
        AnyVersion::read(text)?.migrate()
    }

    /// The document as stored: one line.
    pub fn encode(&self) -> String {
        json(self)
    }

    /// A backup file: the document, marked as AzSIM's, with when it was
    /// made, laid out one reminder a line for people who open it.
    pub fn to_backup(&self, exported: &str) -> String {
        let reminders: Vec<String> = self
            .reminders
            .iter()
            .map(|r| format!("    {}", json(r)))
            .collect();
        let reminders = if reminders.is_empty() {
            "[]".to_owned()
        } else {
            format!("[\n{}\n  ]", reminders.join(",\n"))
        };
        format!(
            "{{\n  \"app\": {},\n  \"exported\": {},\n  \"version\": {},\n  \"prefs\": {},\n  \"reminders\": {}\n}}",
            json(BACKUP_MARK),
            json(exported),
            self.version,
            json(&self.prefs),
            reminders,
        )
    }

    /// Reads a backup file (of any known version), refusing anything else.
    pub fn from_backup(bytes: &[u8]) -> Result<Document, DecodeError> {
        if bytes.len() > MAX_BACKUP_BYTES {
            return Err(DecodeError::TooLarge);
        }
        let text = std::str::from_utf8(bytes).map_err(|_| DecodeError::NotABackup)?;
        // A byte-order mark, as Windows Notepad writes when the file is
        // saved again, is not part of the JSON.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let any = match AnyVersion::read(text) {
            Err(DecodeError::Damaged) => return Err(DecodeError::NotABackup),
            other => other?,
        };
        if any.app.as_deref() != Some(BACKUP_MARK) {
            return Err(DecodeError::NotABackup);
        }
        any.migrate()
    }

    /// What importing `incoming` would add: its reminders that are neither
    /// here already (same id) nor the same reminder under another id (same
    /// label and due time), nor share an id with one added before them.
    /// Nothing is changed.
    ///
    /// Plain lists, not hash sets: at most [`MAX_REMINDERS`] each, and a
    /// hash set's code weighs more in the wasm than this takes to run.
    pub fn plan_import<'a>(&self, incoming: &'a Document) -> Vec<&'a Reminder> {
        let mut ids: Vec<&str> = self.reminders.iter().map(|r| r.id.0.as_str()).collect();
        let mut same: Vec<(&str, _)> = self
            .reminders
            .iter()
            .map(|r| (r.label.as_str(), r.due))
            .collect();
        incoming
            .reminders
            .iter()
            .filter(|r| {
                let key = (r.label.as_str(), r.due);
                if ids.contains(&r.id.0.as_str()) || same.contains(&key) {
                    return false;
                }
                ids.push(&r.id.0);
                same.push(key);
                true
            })
            .collect()
    }

    /// Adds what [`Document::plan_import`] finds new in `incoming` (an
    /// import confirmed, a deletion undone), planned against the document
    /// as it is now: another tab, or this one, may have changed it since the
    /// user was asked. Refuses (changing nothing) past [`MAX_REMINDERS`],
    /// which a stored document must never exceed. Returns how many were added.
    pub fn add_new(&mut self, incoming: Vec<Reminder>) -> Result<usize, ReminderError> {
        let incoming = Document {
            reminders: incoming,
            ..Document::default()
        };
        let add: Vec<Reminder> = self.plan_import(&incoming).into_iter().cloned().collect();
        if self.reminders.len() + add.len() > MAX_REMINDERS {
            return Err(ReminderError::TooMany);
        }
        let n = add.len();
        self.reminders.extend(add);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{ChannelId, OperatorId};
    use crate::date::LocalDateTime;
    use crate::reminders::{ReminderId, Repeat};

    fn reminder(id: &str, label: &str, due: &str) -> Reminder {
        Reminder {
            id: ReminderId(id.into()),
            label: label.into(),
            due: LocalDateTime::parse(due).expect("date"),
            operator: None,
            channel: None,
            note: String::new(),
            repeat: Repeat::None,
            warn_days: 0,
        }
    }

    #[test]
    fn v0_and_v1_documents_migrate() {
        let v0 = Document::decode(r#"{"lang":"ru"}"#).expect("v0");
        assert_eq!(v0.version, VERSION);
        assert_eq!(v0.prefs.lang.as_deref(), Some("ru"));
        assert!(v0.reminders.is_empty());
        let v1 = Document::decode(r#"{"version":1,"prefs":{"lang":"az"}}"#).expect("v1");
        assert_eq!(v1.prefs.lang.as_deref(), Some("az"));
        let fixture = include_str!("../tests/data/document-v0.json");
        let old = Document::decode(fixture).expect("v0 fixture");
        assert_eq!(old.prefs.lang.as_deref(), Some("zh"));
    }

    /// The document the fixtures in `tests/data` hold: a stored document and
    /// a backup, written by the release of 2026-11-30. Any change to how the
    /// document is read (a new JSON library, a new version) must read both
    /// back unchanged.
    fn fixture_document() -> Document {
        let mut kiosk = reminder(
            "k3x9-azercell",
            "Azercell data \"30 GB\" — 30 gün",
            "2026-12-24T09:30",
        );
        kiosk.operator = Some(OperatorId::Azercell);
        kiosk.channel = Some(ChannelId("azercell_kiosk".into()));
        kiosk.repeat = Repeat::EveryDays(30);
        kiosk.warn_days = 2;
        kiosk.note = "Kiosk near the metro\nline two <b>bold</b> & \\ backslash".into();
        let mut nar = reminder("m7_nar", "Нар интернет пакет", "2027-01-05T20:00");
        nar.operator = Some(OperatorId::Nar);
        nar.repeat = Repeat::Monthly;
        nar.warn_days = 1;
        let mut esim = reminder("z1", "eSIM 旅行 🚀", "2026-12-31T23:59");
        esim.operator = Some(OperatorId::Airalo);
        Document {
            version: 2,
            prefs: Prefs {
                lang: Some("az".into()),
                notify: true,
                clerk: None,
            },
            reminders: vec![kiosk, nar, esim],
        }
    }

    #[test]
    fn stored_documents_and_backups_of_a_past_release_read_back_unchanged() {
        let expected = fixture_document();
        let stored = include_str!("../tests/data/document-v2.json");
        assert_eq!(Document::decode(stored), Ok(expected.clone()));
        let backup = include_str!("../tests/data/backup-v2.json");
        assert_eq!(
            Document::from_backup(backup.as_bytes()),
            Ok(expected.clone())
        );
        // Written again by this release, both read back the same.
        assert_eq!(Document::decode(&expected.encode()), Ok(expected.clone()));
        let again = expected.to_backup("2026-11-30T08:30");
        assert_eq!(Document::from_backup(again.as_bytes()), Ok(expected));
    }

    #[test]
    fn round_trip_and_refusals() {
        let doc = Document {
            reminders: vec![reminder("a", "Nar", "2026-12-01T09:00")],
            ..Document::default()
        };
        assert_eq!(Document::decode(&doc.encode()), Ok(doc.clone()));
        assert_eq!(
            Document::decode(r#"{"version":9}"#),
            Err(DecodeError::TooNew(9))
        );
        assert!(matches!(
            Document::decode("{not json"),
            Err(DecodeError::Damaged)
        ));
        assert!(matches!(Document::decode("[]"), Err(DecodeError::Damaged)));
        let bad = r#"{"version":2,"reminders":[{"id":"a","label":"","due":"2026-12-01T09:00"}]}"#;
        assert_eq!(Document::decode(bad), Err(DecodeError::BadReminder(0)));
    }

    #[test]
    fn backups_round_trip_and_reject_strangers() {
        let doc = Document {
            reminders: vec![reminder("a", "Nar", "2026-12-01T09:00")],
            ..Document::default()
        };
        let file = doc.to_backup("2026-11-26T10:00");
        assert_eq!(Document::from_backup(file.as_bytes()), Ok(doc.clone()));
        assert_eq!(
            Document::from_backup(doc.encode().as_bytes()),
            Err(DecodeError::NotABackup)
        );
        assert_eq!(
            Document::from_backup(&[0xff, 0xfe, 0]),
            Err(DecodeError::NotABackup)
        );
        assert_eq!(
            Document::from_backup(br#"{"app":"other"}"#),
            Err(DecodeError::NotABackup)
        );
        let with_bom = format!("\u{feff}{}", file.replace('\n', "\r\n"));
        assert_eq!(Document::from_backup(with_bom.as_bytes()), Ok(doc.clone()));
        let big = vec![b' '; MAX_BACKUP_BYTES + 1];
        assert_eq!(Document::from_backup(&big), Err(DecodeError::TooLarge));
    }

    #[test]
    fn import_adds_only_what_is_new() {
        let here = Document {
            reminders: vec![
                reminder("a", "Nar", "2026-12-01T09:00"),
                reminder("b", "Azercell", "2026-12-05T09:00"),
            ],
            ..Document::default()
        };
        let incoming = Document {
            reminders: vec![
                reminder("a", "Nar", "2026-12-01T09:00"),      // same id
                reminder("z", "Azercell", "2026-12-05T09:00"), // same reminder, other id
                reminder("c", "Bakcell", "2026-12-09T09:00"),  // new
                reminder("d", "Bakcell", "2026-12-09T09:00"),  // duplicate within the file
            ],
            ..Document::default()
        };
        let added: Vec<&str> = here
            .plan_import(&incoming)
            .iter()
            .map(|r| r.id.0.as_str())
            .collect();
        assert_eq!(added, ["c"]);
    }

    #[test]
    fn add_new_skips_what_is_here_and_keeps_the_limit() {
        let mut doc = Document {
            reminders: vec![reminder("a", "Nar", "2026-12-01T09:00")],
            ..Document::default()
        };
        let incoming = vec![
            reminder("a", "Nar", "2026-12-01T09:00"),
            reminder("b", "Bakcell", "2026-12-09T09:00"),
        ];
        assert_eq!(doc.add_new(incoming.clone()), Ok(1));
        assert_eq!(doc.add_new(incoming), Ok(0), "added already");
        let full: Vec<Reminder> = (0..MAX_REMINDERS - 2)
            .map(|i| reminder(&format!("f{i}"), &format!("F{i}"), "2027-01-01T09:00"))
            .collect();
        assert_eq!(doc.add_new(full), Ok(MAX_REMINDERS - 2));
        let before = doc.clone();
        let one = || vec![reminder("z", "Over", "2027-02-01T09:00")];
        assert_eq!(doc.add_new(one()), Err(ReminderError::TooMany));
        assert_eq!(doc, before, "nothing changed");
        doc.reminders.pop();
        assert_eq!(doc.add_new(one()), Ok(1));
        assert_eq!(doc.reminders.len(), MAX_REMINDERS);
    }
}
