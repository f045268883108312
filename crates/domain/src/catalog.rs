//! The catalog: every domain fact the app shows (operators, channels, codes,
//! warnings, advice and their sources), loaded from the JSON files in `data/`
//! and validated before use.
//!
//! Each file is parsed entry by entry so that an error names the file and the
//! entry (`data/channels.json: channel "nar_kiosk": unknown source "x"`).

use std::collections::HashSet;
use std::fmt;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::date::Date;
use super::evidence::{self, Claim, MAX_QUOTE_CHARS};
use super::lang::Text;

/// The catalog's files, in the order [`Catalog::from_files`] takes them.
pub const FILES: [&str; 6] = [
    "data/sources.json",
    "data/operators.json",
    "data/channels.json",
    "data/notes.json",
    "data/validity.json",
    "data/line.json",
];

/// The catalog files as (path, contents). `build.rs` validates them and
/// compiles them into the app in a compact binary form (see `builtin`).
pub const EMBEDDED_FILES: [(&str, &str); 6] = [
    (FILES[0], include_str!("../../../data/sources.json")),
    (FILES[1], include_str!("../../../data/operators.json")),
    (FILES[2], include_str!("../../../data/channels.json")),
    (FILES[3], include_str!("../../../data/notes.json")),
    (FILES[4], include_str!("../../../data/validity.json")),
    (FILES[5], include_str!("../../../data/line.json")),
];

/// The kind of SIM the user has. URL values: `physical`, `esim`, `travel_esim`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SimKind {
    /// A physical SIM card of an Azerbaijani operator.
    Physical,
    /// An eSIM of an Azerbaijani operator.
    Esim,
    /// A travel eSIM from a foreign provider (Airalo, Holafly, …).
    TravelEsim,
}

impl SimKind {
    /// Every SIM kind, in the order the picker offers them.
    pub const ALL: [SimKind; 3] = [SimKind::Physical, SimKind::Esim, SimKind::TravelEsim];

    /// The value used in the URL query.
    pub fn as_str(self) -> &'static str {
        match self {
            SimKind::Physical => "physical",
            SimKind::Esim => "esim",
            SimKind::TravelEsim => "travel_esim",
        }
    }
}

/// A network operator or a travel-eSIM provider.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OperatorId {
    /// Azercell, a network operator.
    Azercell,
    /// Bakcell, a network operator.
    Bakcell,
    /// Nar (Azerfon LLC, not Bakcell), a network operator.
    Nar,
    /// Airalo, a travel-eSIM reseller.
    Airalo,
    /// Holafly, a travel-eSIM provider.
    Holafly,
    /// Any other travel-eSIM provider (aloSIM, Nomad, Ubigi, …).
    OtherEsim,
}

impl OperatorId {
    /// Every operator and provider, in the order the picker offers them.
    pub const ALL: [OperatorId; 6] = [
        OperatorId::Azercell,
        OperatorId::Bakcell,
        OperatorId::Nar,
        OperatorId::Airalo,
        OperatorId::Holafly,
        OperatorId::OtherEsim,
    ];

    /// The value used in the URL query.
    pub fn as_str(self) -> &'static str {
        match self {
            OperatorId::Azercell => "azercell",
            OperatorId::Bakcell => "bakcell",
            OperatorId::Nar => "nar",
            OperatorId::Airalo => "airalo",
            OperatorId::Holafly => "holafly",
            OperatorId::OtherEsim => "other_esim",
        }
    }

    /// True for travel-eSIM providers, false for Azerbaijani network operators.
    pub fn is_travel_esim(self) -> bool {
        matches!(
            self,
            OperatorId::Airalo | OperatorId::Holafly | OperatorId::OtherEsim
        )
    }
}

/// How the user can pay. URL values: `cash`, `local_card`, `foreign_card`,
/// `wallet`, `transfer`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Payment {
    /// Cash, at a payment terminal, an office or a card seller.
    Cash,
    /// A card issued by an Azerbaijani bank.
    LocalCard,
    /// A card issued by a bank abroad.
    ForeignCard,
    /// Apple Pay or Google Pay.
    Wallet,
    /// Someone else's balance, sent from their number of the same operator.
    Transfer,
}

impl Payment {
    /// Every payment method, in the order the picker offers them.
    pub const ALL: [Payment; 5] = [
        Payment::Cash,
        Payment::LocalCard,
        Payment::ForeignCard,
        Payment::Wallet,
        Payment::Transfer,
    ];

    /// The value used in the URL query.
    pub fn as_str(self) -> &'static str {
        match self {
            Payment::Cash => "cash",
            Payment::LocalCard => "local_card",
            Payment::ForeignCard => "foreign_card",
            Payment::Wallet => "wallet",
            Payment::Transfer => "transfer",
        }
    }
}

/// Prepaid or postpaid line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Plan {
    /// Topped up in advance; the default.
    #[default]
    Prepaid,
    /// Billed by the operator after use.
    Postpaid,
}

impl Plan {
    /// Both plans, prepaid first, in the order the picker offers them.
    pub const ALL: [Plan; 2] = [Plan::Prepaid, Plan::Postpaid];

    /// The value used in the URL query.
    pub fn as_str(self) -> &'static str {
        match self {
            Plan::Prepaid => "prepaid",
            Plan::Postpaid => "postpaid",
        }
    }
}

/// How sure the catalog is of a fact, from its sources.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// No source confirms it: general practice or an inference.
    Unconfirmed,
    /// A blog, forum, aggregator or third-party code.
    Low,
    /// A news agency, an established publication or a vendor's help centre.
    Medium,
    /// The operator's or the government's own page.
    High,
}

/// Id of a channel (`nar_kiosk`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ChannelId(pub String);

/// Id of a source (`nar_plus`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SourceId(pub String);

/// Id of a warning (`keep_receipt`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct WarningId(pub String);

/// Where a fact comes from.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Unique id, by which catalog entries and quotes cite the source.
    pub id: SourceId,
    /// An `https:` address.
    pub url: String,
    /// Who published it, as shown to the user (`azercell.com`).
    pub publisher: String,
    /// The page's own date (`YYYY-MM-DD`), when it shows one.
    #[serde(default)]
    pub published: Option<String>,
    /// When the catalog last checked its facts against it (`YYYY-MM-DD`).
    pub checked: String,
    /// How that check was made: the live page, or a stored copy of it.
    pub how: CheckedHow,
    /// The stored copy's own date (`YYYY-MM-DD`), when known.
    #[serde(default)]
    pub copy_date: Option<String>,
    /// The language of the page, in which its quotes are given (`en`, `az`,
    /// `ru`, …).
    pub lang: String,
    /// How far the publisher can be trusted: `high` for the operator's or the
    /// government's own page, down to `low` for blogs and forums.
    pub confidence: Confidence,
}

/// How a source was last read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckedHow {
    /// The page as it was online on the day checked.
    Live,
    /// A stored (archived) copy of the page, read on the day checked.
    StoredCopy,
}

/// Days after its check that a source's facts are flagged as possibly
/// outdated.
pub const STALE_AFTER_DAYS: i64 = 365;

impl Source {
    /// True when the source was checked more than [`STALE_AFTER_DAYS`]
    /// before `today` (a date that does not parse counts as stale).
    pub fn is_stale(&self, today: Date) -> bool {
        Date::parse(&self.checked)
            .is_none_or(|c| today.days_since_epoch() - c.days_since_epoch() > STALE_AFTER_DAYS)
    }
}

/// What a short code does on the phone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CodeKind {
    /// Dialled as USSD: `*100#`.
    Ussd,
    /// A short number to call: `1001`.
    Call,
    /// A short number to text, with an optional body.
    Sms,
}

/// A code the user can dial or text, with what it does.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Code {
    /// Whether it is dialled as USSD, called or texted.
    pub kind: CodeKind,
    /// What to dial or the number to text. For templates, placeholders such as
    /// `{card}` stand where the user types something.
    pub dial: String,
    /// The SMS text, for `sms` codes.
    #[serde(default)]
    pub body: Option<String>,
    /// What the code does, shown next to it.
    pub what: Text,
    /// The source that gives this code.
    pub source: SourceId,
}

/// The placeholders a code template may contain, in order of the UI's labels.
pub const CODE_PLACEHOLDERS: [&str; 3] = ["{card}", "{number}", "{amount}"];

impl Code {
    /// True when the code has a placeholder the user fills in, so it cannot be
    /// offered as a tap-to-dial link.
    pub fn is_template(&self) -> bool {
        self.dial.contains('{')
    }

    /// The `tel:` or `sms:` link for a fixed code (`#` written `%23`), or
    /// `None` for a template.
    pub fn href(&self) -> Option<String> {
        if self.is_template() {
            return None;
        }
        let number = self.dial.replace('#', "%23");
        Some(match (self.kind, &self.body) {
            (CodeKind::Sms, Some(body)) => format!("sms:{number}?body={body}"),
            (CodeKind::Sms, None) => format!("sms:{number}"),
            _ => format!("tel:{number}"),
        })
    }
}

/// The broad kind of a renewal channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChannelKind {
    /// A cash payment terminal in the street or a shop.
    Kiosk,
    /// An operator's customer service office or centre.
    Office,
    /// A bank branch, post office or ATM.
    BankPost,
    /// The operator's own phone app.
    App,
    /// The operator's website.
    Website,
    /// A bank's app with a linked card; it can top up automatically.
    BankApp,
    /// A scratch (payment) card bought from a dealer and entered by USSD.
    ScratchCard,
    /// Balance sent from another number of the same operator.
    Transfer,
    /// Emergency credit from the operator: nothing is paid now.
    Credit,
    /// A travel-eSIM provider's app or website.
    EsimApp,
}

impl ChannelKind {
    /// True where a person serves the user (a terminal's helper, an office, a
    /// bank or post office, a shop selling scratch cards): those paths offer
    /// the card to show the clerk.
    pub fn served_in_person(self) -> bool {
        matches!(
            self,
            ChannelKind::Kiosk
                | ChannelKind::Office
                | ChannelKind::BankPost
                | ChannelKind::ScratchCard
        )
    }
}

/// A way to renew: one channel of one operator or provider.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Channel {
    /// Unique id (`nar_kiosk`), also kept by reminders made from the path.
    pub id: ChannelId,
    /// What sort of channel it is; a bank app earns the auto top-up merit.
    pub kind: ChannelKind,
    /// The operator or provider whose lines it tops up.
    pub operator: OperatorId,
    /// SIM kinds it serves; a travel-eSIM provider's channels serve `travel_esim`
    /// only, and only they do.
    pub sims: Vec<SimKind>,
    /// Plans it serves: prepaid, postpaid or both.
    pub plans: Vec<Plan>,
    /// Payment methods sources confirm for this channel.
    #[serde(default)]
    pub payments: Vec<Payment>,
    /// Payment methods that may work but that no source confirms.
    #[serde(default)]
    pub payments_unconfirmed: Vec<Payment>,
    /// True when nothing is paid now (credit, repaid from the next top-up).
    #[serde(default)]
    pub pay_later: bool,
    /// True when the user needs a working internet connection (an app, a website).
    pub needs_internet: bool,
    /// True when the user must be in Azerbaijan (a place to go to).
    pub needs_presence: bool,
    /// True when it only works with a card issued by an Azerbaijani bank.
    #[serde(default)]
    pub needs_local_card: bool,
    /// Typical minutes until the money is on the line: 0 instant, `None` unknown.
    #[serde(default)]
    pub credit_minutes: Option<u32>,
    /// How sure the catalog is of the path: `high` adds the official-source
    /// merit, `low` or less the weak-source caveat.
    pub confidence: Confidence,
    /// The path's title (`Payment terminal, Nar`).
    pub name: Text,
    /// Where to go or what to open.
    #[serde(rename = "where")]
    pub place: Text,
    /// What to bring (a passport), when the place may ask for it.
    #[serde(default)]
    pub bring: Option<Text>,
    /// What to do, in order; never empty.
    pub steps: Vec<Text>,
    /// Codes used on the path: to enter a card, send or borrow balance, check it after.
    #[serde(default)]
    pub codes: Vec<Code>,
    /// Warnings shown with the path: ids of `warnings` in `data/notes.json`.
    #[serde(default)]
    pub warnings: Vec<WarningId>,
    /// Where the path's facts come from; at least one.
    pub sources: Vec<SourceId>,
    /// A caveat shown with the path (unconfirmed parts, conflicting sources).
    #[serde(default)]
    pub note: Option<Text>,
}

impl Channel {
    /// True when the channel works for this payment method, confirmed or not.
    pub fn takes(&self, pay: Payment) -> bool {
        self.payments.contains(&pay) || self.payments_unconfirmed.contains(&pay)
    }
}

/// An operator or travel-eSIM provider.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Operator {
    /// Which operator or provider it is; each appears exactly once.
    pub id: OperatorId,
    /// The brand name, as shown (`Nar`).
    pub name: String,
    /// The company behind the brand.
    pub company: Text,
    /// Number prefixes the operator issued (a hint only: numbers can be ported).
    #[serde(default)]
    pub prefixes: Vec<String>,
    /// Codes to check balance and data.
    #[serde(default)]
    pub codes: Vec<Code>,
    /// Where its codes and prefixes come from.
    pub sources: Vec<SourceId>,
}

/// An operator that no longer works, kept so the app can explain it.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClosedOperator {
    /// The brand name (`Naxtel`), which also identifies it in claims.
    pub name: String,
    /// The three-digit number prefixes it used (`060`).
    pub prefixes: Vec<String>,
    /// What happened to it and to its numbers.
    pub note: Text,
    /// Where the closure is reported; at least one.
    pub sources: Vec<SourceId>,
}

/// A piece of advice: a warning, a good habit or a traveller's checklist item.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// Unique id (`keep_receipt`); channels refer to warnings by it.
    pub id: WarningId,
    /// The short heading (`Keep the receipt`).
    pub title: Text,
    /// The advice itself, a sentence or two.
    pub text: Text,
    /// Empty only when `confidence` is `unconfirmed` (general practice).
    #[serde(default)]
    pub sources: Vec<SourceId>,
    /// How sure the catalog is of it: `unconfirmed` for general practice.
    pub confidence: Confidence,
}

/// Which top-ups a validity rule speaks of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TopUpKind {
    /// Scratch (payment) cards of fixed values.
    Card,
    /// Payments of any amount: kiosk, app, website, bank.
    Electronic,
    /// Both scratch cards and electronic payments.
    Both,
}

/// Which amounts the source gives a band's period for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BandCovers {
    /// Only exactly `min_qepik` (a card value); any other amount that falls
    /// in this band is an extrapolation.
    Exact,
    /// Every amount from `min_qepik` up to one qəpik below the next band.
    Range,
    /// `min_qepik` and every amount above it (last band only).
    AndAbove,
}

/// One row of a validity table: from `min_qepik` on, a top-up keeps the line
/// active for `days`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValidityBand {
    /// The smallest amount of the band, in qəpik (1 AZN = 100 qəpik).
    pub min_qepik: u32,
    /// Calendar days the line stays active.
    pub days: u32,
    /// Which amounts the source states `days` for; the others are estimates.
    pub covers: BandCovers,
}

/// How long a prepaid top-up keeps a line active, as one operator's rule from
/// one date on (`data/validity.json`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValidityRule {
    /// Unique id among rules and notes (`nar_2024`).
    pub id: String,
    /// The network operator; never a travel-eSIM provider.
    pub operator: OperatorId,
    /// The first day the rule applies.
    pub effective: Date,
    /// The last day the rule applies, once it is known to have ended;
    /// `None` while in force. A later `effective` replaces it either way.
    #[serde(default)]
    pub until: Option<Date>,
    /// Which top-ups the rule covers.
    pub kind: TopUpKind,
    /// Bands by strictly increasing `min_qepik`.
    pub bands: Vec<ValidityBand>,
    /// Extra days after the period in which a new top-up still keeps the
    /// number and its unused balance, when the source gives them.
    #[serde(default)]
    pub window_days: Option<u32>,
    /// Where the rule comes from; at least one.
    pub sources: Vec<SourceId>,
    /// How sure the catalog is of the rule; a newer rule less sure than the one
    /// it replaced is shown with that one.
    pub confidence: Confidence,
    /// What the rule is, where sources disagree or are thin, what it replaced.
    pub note: Text,
}

/// A validity fact that is not a band (Azercell's 19 June 2025 tariff-fee
/// rule), shown with every answer for its operator from `effective` on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValidityNote {
    /// Unique id among rules and notes (`azercell_tariff_fee_2025`).
    pub id: String,
    /// The network operator it concerns; never a travel-eSIM provider.
    pub operator: OperatorId,
    /// The first day it applies.
    pub effective: Date,
    /// The last day it applies, once it is known to have ended; `None` while in
    /// force.
    #[serde(default)]
    pub until: Option<Date>,
    /// Where the fact comes from; at least one.
    pub sources: Vec<SourceId>,
    /// How sure the catalog is of the fact.
    pub confidence: Confidence,
    /// The fact, as shown with the answer.
    pub text: Text,
}

/// What to tell a user of `operator` when no validity rule applies.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValidityUnknown {
    /// The network operator; one entry each for Azercell, Bakcell and Nar.
    pub operator: OperatorId,
    /// Why there is no answer, and whom to ask instead.
    pub text: Text,
    /// Where the text's claims come from, if any.
    #[serde(default)]
    pub sources: Vec<SourceId>,
}

/// What a fact of `data/line.json` is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    /// What keeps a number alive, and what happens when it lapses.
    Lifecycle,
    /// What happens when a data pack is used up, and how to see what is left.
    DataOut,
    /// Getting a first SIM as a visitor: who may, where, the phone's IMEI.
    FirstSim,
    /// How a travel eSIM provider's top-up works.
    TravelEsim,
}

impl Topic {
    /// Every topic, in the order the page shows them.
    pub const ALL: [Topic; 4] = [
        Topic::Lifecycle,
        Topic::DataOut,
        Topic::FirstSim,
        Topic::TravelEsim,
    ];
}

/// One fact about keeping a line (`data/line.json`): a sentence with its
/// sources, for one operator or for all of them.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    /// Unique id (`azercell_restore`).
    pub id: String,
    /// Which part of the page it belongs to.
    pub topic: Topic,
    /// The operator it is about; `None` when it holds for every operator.
    #[serde(default)]
    pub operator: Option<OperatorId>,
    /// The fact, as shown.
    pub text: Text,
    /// The day a price or an offer in the text was stated (`YYYY-MM-DD`):
    /// shown as "example as of", never as a current offer.
    #[serde(default)]
    pub as_of: Option<String>,
    /// Codes that go with the fact (`*111*1*7#` for the expiry date).
    #[serde(default)]
    pub codes: Vec<Code>,
    /// Where the fact comes from; at least one.
    pub sources: Vec<SourceId>,
    /// How sure the catalog is of the fact.
    pub confidence: Confidence,
}

/// The catalog. [`Catalog::from_files`] and [`Catalog::embedded`] return it
/// only once [`Catalog::validate`] found nothing wrong.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Catalog {
    /// The newest `checked` date of all sources: how fresh the catalog is.
    pub checked: String,
    /// Every source, cited by id from the other entries.
    pub sources: Vec<Source>,
    /// The operators and travel-eSIM providers, one per [`OperatorId`].
    pub operators: Vec<Operator>,
    /// Operators that have closed (Naxtel), shown with the prefix hint.
    pub closed_operators: Vec<ClosedOperator>,
    /// The renewal paths the ranking chooses from.
    pub channels: Vec<Channel>,
    /// Warnings that channels refer to by id.
    pub warnings: Vec<Note>,
    /// Good habits shown below the results.
    pub habits: Vec<Note>,
    /// The checklist for travellers.
    pub traveller: Vec<Note>,
    /// What to do when no path fits.
    pub no_path: Vec<Note>,
    /// The caveat shown with the number-prefix hint.
    pub prefix_caveat: Text,
    /// How long a top-up keeps a line active, by operator and date.
    pub validity: Vec<ValidityRule>,
    /// Validity facts shown with the answer, not bands.
    pub validity_notes: Vec<ValidityNote>,
    /// One text per network operator for when no rule applies.
    pub validity_unknown: Vec<ValidityUnknown>,
    /// What keeps a line alive, when data runs out, a visitor's first SIM.
    pub facts: Vec<Fact>,
    /// The evidence of every claim (see [`evidence`](super::evidence)).
    pub evidence: Vec<Claim>,
}

/// One problem found in the catalog, naming the file and the entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogError {
    /// The catalog file (`data/channels.json`).
    pub file: String,
    /// The entry (`channel "nar_kiosk"`), or `file` when the whole file fails.
    pub entry: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.file, self.entry, self.message)
    }
}

/// A claim the catalog must evidence: an attribute of an entry that changes
/// the ranking or a sentence the user reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequiredClaim {
    /// The file the entry is in.
    pub file: &'static str,
    /// The entry as errors name it (`channel "nar_kiosk"`).
    pub entry: String,
    /// The entry as claims name it (`channel:nar_kiosk`).
    pub key: String,
    /// The attribute to evidence (`plans`, `needs_presence`, `code:*700#`,
    /// `text`).
    pub attribute: String,
    /// The sources the entry shows: a quote must come from one of them, so
    /// the user finds it under that source.
    pub sources: Vec<SourceId>,
}

/// The layout of `data/operators.json`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OperatorsFile {
    operators: Vec<Value>,
    closed_operators: Vec<Value>,
}

/// The layout of `data/notes.json`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NotesFile {
    warnings: Vec<Value>,
    habits: Vec<Value>,
    traveller: Vec<Value>,
    no_path: Vec<Value>,
    prefix_caveat: Value,
}

/// The layout of `data/line.json`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LineFile {
    facts: Vec<Value>,
}

/// The layout of `data/validity.json`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ValidityFile {
    rules: Vec<Value>,
    notes: Vec<Value>,
    no_rule: Vec<Value>,
}

/// Collects errors, and the entries' evidence, while the catalog is read.
struct Checker {
    errors: Vec<CatalogError>,
    claims: Vec<Claim>,
}

impl Checker {
    fn error(&mut self, file: &str, entry: &str, message: impl Into<String>) {
        self.errors.push(CatalogError {
            file: file.to_owned(),
            entry: entry.to_owned(),
            message: message.into(),
        });
    }

    /// Parses a whole file into `T`, or records why it cannot.
    fn file<T: DeserializeOwned>(&mut self, file: &str, text: &str) -> Option<T> {
        match serde_json::from_str(text) {
            Ok(value) => Some(value),
            Err(e) => {
                self.error(file, "file", e.to_string());
                None
            }
        }
    }

    /// Parses each entry of a section, naming a failing entry by its `id` (or
    /// `name`, or `operator`) when it has one, else by its index. Each entry's
    /// `evidence` is taken out first and kept as claims about `kind:id`.
    fn entries<T: DeserializeOwned>(
        &mut self,
        file: &str,
        section: &str,
        values: Vec<Value>,
    ) -> Vec<T> {
        let mut parsed = Vec::with_capacity(values.len());
        for (i, mut value) in values.into_iter().enumerate() {
            let entry = entry_name(section, i, &value);
            match evidence::take(&entry_key(section, &value), &mut value) {
                Ok(claims) => self.claims.extend(claims),
                Err(e) => self.error(file, &entry, e),
            }
            match serde_json::from_value(value) {
                Ok(item) => parsed.push(item),
                Err(e) => self.error(file, &entry, e.to_string()),
            }
        }
        parsed
    }

    fn text(&mut self, file: &str, entry: &str, field: &str, text: &Text) {
        for lang in text.missing() {
            self.error(
                file,
                entry,
                format!("{field}: missing {} translation", lang.code()),
            );
        }
    }

    fn date(&mut self, file: &str, entry: &str, field: &str, date: &str) {
        if !is_iso_date(date) {
            self.error(
                file,
                entry,
                format!("{field}: \"{date}\" is not a date (YYYY-MM-DD)"),
            );
        }
    }

    fn source_refs(&mut self, file: &str, entry: &str, known: &HashSet<&str>, refs: &[SourceId]) {
        for r in refs {
            if !known.contains(r.0.as_str()) {
                self.error(file, entry, format!("unknown source \"{}\"", r.0));
            }
        }
    }

    fn codes(&mut self, file: &str, entry: &str, known: &HashSet<&str>, codes: &[Code]) {
        for code in codes {
            if let Err(why) = check_code(code) {
                self.error(file, entry, format!("code \"{}\": {why}", code.dial));
            }
            self.text(file, entry, &format!("code \"{}\"", code.dial), &code.what);
            self.source_refs(file, entry, known, std::slice::from_ref(&code.source));
        }
    }

    /// Checks `data/validity.json`: rules for network operators only, bands
    /// in order with real periods, dates in order, sourced and translated.
    fn validity(
        &mut self,
        file: &str,
        known: &HashSet<&str>,
        rules: &[ValidityRule],
        notes: &[ValidityNote],
        unknown: &[ValidityUnknown],
    ) {
        let mut ids = HashSet::new();
        let mut starts = HashSet::new();
        for rule in rules {
            let entry = format!("rule \"{}\"", rule.id);
            if !ids.insert(rule.id.as_str()) {
                self.error(file, &entry, "duplicate id");
            }
            self.operator_dates(file, &entry, rule.operator, rule.effective, rule.until);
            if !starts.insert((rule.operator, rule.effective)) {
                self.error(
                    file,
                    &entry,
                    "another rule of this operator starts the same day",
                );
            }
            if rule.bands.is_empty() {
                self.error(file, &entry, "no bands");
            }
            for (i, band) in rule.bands.iter().enumerate() {
                let last = i + 1 == rule.bands.len();
                if band.days == 0 {
                    self.error(
                        file,
                        &entry,
                        format!("bands[{i}]: days must be more than 0"),
                    );
                }
                if band.min_qepik == 0 {
                    self.error(
                        file,
                        &entry,
                        format!("bands[{i}]: min_qepik must be more than 0"),
                    );
                }
                if i > 0 && band.min_qepik <= rule.bands[i - 1].min_qepik {
                    self.error(
                        file,
                        &entry,
                        format!("bands[{i}]: min_qepik must be more than the band before"),
                    );
                }
                match band.covers {
                    BandCovers::Range if last => self.error(
                        file,
                        &entry,
                        format!(
                            "bands[{i}]: the last band cannot be a range (use exact or and_above)"
                        ),
                    ),
                    BandCovers::AndAbove if !last => self.error(
                        file,
                        &entry,
                        format!("bands[{i}]: only the last band can be and_above"),
                    ),
                    _ => {}
                }
            }
            if rule.window_days == Some(0) {
                self.error(file, &entry, "window_days must be more than 0 or left out");
            }
            self.sourced(file, &entry, known, &rule.sources);
            self.text(file, &entry, "note", &rule.note);
        }
        for note in notes {
            let entry = format!("note \"{}\"", note.id);
            if !ids.insert(note.id.as_str()) {
                self.error(file, &entry, "duplicate id");
            }
            self.operator_dates(file, &entry, note.operator, note.effective, note.until);
            self.sourced(file, &entry, known, &note.sources);
            self.text(file, &entry, "text", &note.text);
        }
        let mut covered = HashSet::new();
        for u in unknown {
            let entry = format!("no_rule \"{}\"", u.operator.as_str());
            if u.operator.is_travel_esim() {
                self.error(
                    file,
                    &entry,
                    "only Azercell, Bakcell and Nar have validity rules",
                );
            }
            if !covered.insert(u.operator) {
                self.error(file, &entry, "duplicate operator");
            }
            self.text(file, &entry, "text", &u.text);
            self.source_refs(file, &entry, known, &u.sources);
        }
        for op in OperatorId::ALL
            .into_iter()
            .filter(|op| !op.is_travel_esim())
        {
            if !covered.contains(&op) {
                self.error(
                    file,
                    "no_rule",
                    format!("operator \"{}\" has no no_rule text", op.as_str()),
                );
            }
        }
    }

    fn operator_dates(
        &mut self,
        file: &str,
        entry: &str,
        operator: OperatorId,
        effective: Date,
        until: Option<Date>,
    ) {
        if operator.is_travel_esim() {
            self.error(
                file,
                entry,
                "only Azercell, Bakcell and Nar have validity rules",
            );
        }
        if until.is_some_and(|u| u < effective) {
            self.error(file, entry, "until is before effective");
        }
    }

    /// Checks the claims: every required one is evidenced, by quotes from
    /// the entry's own sources or by an assumption with its reason; an
    /// assumed payment must be listed as unconfirmed instead; no evidence is
    /// given for an attribute that needs none.
    fn evidence(&mut self, catalog: &Catalog) {
        let required = catalog.required_claims();
        for r in &required {
            let claim = catalog
                .evidence
                .iter()
                .find(|c| c.entry == r.key && c.attribute == r.attribute);
            let Some(claim) = claim else {
                self.error(
                    r.file,
                    &r.entry,
                    format!(
                        "{}: no evidence: quote a source or mark it {{\"assumption\": why}}",
                        r.attribute
                    ),
                );
                continue;
            };
            let attribute = &r.attribute;
            match &claim.assumption {
                Some(why) if why.trim().is_empty() => self.error(
                    r.file,
                    &r.entry,
                    format!("{attribute}: assumption without a reason"),
                ),
                Some(_) if attribute == "payments" => self.error(
                    r.file,
                    &r.entry,
                    "payments: an assumed payment method belongs in payments_unconfirmed",
                ),
                _ => {}
            }
            for q in &claim.quotes {
                if !r.sources.contains(&q.source) {
                    self.error(
                        r.file,
                        &r.entry,
                        format!(
                            "{attribute}: quotes source \"{}\", which the entry does not list",
                            q.source.0
                        ),
                    );
                }
                let chars = q.quote.trim().chars().count();
                if chars == 0 || chars > MAX_QUOTE_CHARS {
                    self.error(
                        r.file,
                        &r.entry,
                        format!("{attribute}: a quote must have 1 to {MAX_QUOTE_CHARS} characters"),
                    );
                }
                if q.at.trim().is_empty() {
                    self.error(
                        r.file,
                        &r.entry,
                        format!("{attribute}: say where the quote is (at)"),
                    );
                }
            }
        }
        for claim in &catalog.evidence {
            if !required
                .iter()
                .any(|r| r.key == claim.entry && r.attribute == claim.attribute)
            {
                let (kind, id) = claim.entry.split_once(':').unwrap_or((&claim.entry, ""));
                self.error(
                    file_of(kind),
                    &format!("{kind} \"{id}\""),
                    format!(
                        "evidence for \"{}\", which needs none or does not exist",
                        claim.attribute
                    ),
                );
            }
        }
    }

    fn sourced(&mut self, file: &str, entry: &str, known: &HashSet<&str>, refs: &[SourceId]) {
        if refs.is_empty() {
            self.error(file, entry, "no source");
        }
        self.source_refs(file, entry, known, refs);
    }

    fn notes(&mut self, file: &str, section: &str, known: &HashSet<&str>, notes: &[Note]) {
        for note in notes {
            let entry = format!("{section} \"{}\"", note.id.0);
            self.text(file, &entry, "title", &note.title);
            self.text(file, &entry, "text", &note.text);
            self.source_refs(file, &entry, known, &note.sources);
            if note.sources.is_empty() && note.confidence != Confidence::Unconfirmed {
                self.error(file, &entry, "no source: add one or mark it unconfirmed");
            }
        }
    }
}

fn entry_id(value: &Value) -> Option<&str> {
    value
        .get("id")
        .or_else(|| value.get("name"))
        .or_else(|| value.get("operator"))
        .and_then(Value::as_str)
}

fn singular(section: &str) -> &str {
    section.strip_suffix('s').unwrap_or(section)
}

fn entry_name(section: &str, index: usize, value: &Value) -> String {
    match entry_id(value) {
        Some(id) => format!("{} \"{id}\"", singular(section)),
        None => format!("{section}[{index}]"),
    }
}

/// The file that holds entries of `kind` (the first part of a claim's key).
fn file_of(kind: &str) -> &'static str {
    let [_, ops, channels, notes, validity, line] = FILES;
    match kind {
        "channel" => channels,
        "operator" | "closed_operator" => ops,
        "rule" | "note" | "no_rule" => validity,
        "fact" => line,
        _ => notes,
    }
}

/// The key claims use for an entry: `channel:nar_kiosk`.
pub fn entry_key(section: &str, value: &Value) -> String {
    format!("{}:{}", singular(section), entry_id(value).unwrap_or(""))
}

/// True for a real calendar date written `YYYY-MM-DD`.
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = &s[r];
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// Checks a code's syntax: USSD is `*` or `#`, then digits, `*` and `#`,
/// ending in `#`; call and SMS numbers are 3 to 6 digits (a leading `*`
/// allowed for calls). Templates are checked with their placeholders filled.
pub fn check_code(code: &Code) -> Result<(), String> {
    let mut dial = code.dial.clone();
    for p in CODE_PLACEHOLDERS {
        dial = dial.replace(p, "1");
    }
    if dial.contains(['{', '}']) {
        return Err(format!(
            "unknown placeholder (allowed: {})",
            CODE_PLACEHOLDERS.join(", ")
        ));
    }
    let valid = match code.kind {
        CodeKind::Ussd => {
            (3..=40).contains(&dial.len())
                && dial.starts_with(['*', '#'])
                && dial.ends_with('#')
                && dial
                    .bytes()
                    .all(|c| c.is_ascii_digit() || c == b'*' || c == b'#')
                && !dial.contains("**")
                && dial.bytes().any(|c| c.is_ascii_digit())
        }
        CodeKind::Call | CodeKind::Sms => {
            let digits = dial
                .strip_prefix('*')
                .filter(|_| code.kind == CodeKind::Call)
                .unwrap_or(&dial);
            (3..=6).contains(&digits.len()) && digits.bytes().all(|c| c.is_ascii_digit())
        }
    };
    if !valid {
        return Err(match code.kind {
            CodeKind::Ussd => {
                "not valid USSD (start with * or #, digits, * and #, end with #)".into()
            }
            CodeKind::Call => "not a short number to call".into(),
            CodeKind::Sms => "not a short number to text".into(),
        });
    }
    if code.kind == CodeKind::Sms {
        if let Some(body) = &code.body {
            if body.is_empty() || !body.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'#') {
                return Err("SMS body must be letters, digits or #".into());
            }
        }
    } else if code.body.is_some() {
        return Err("only SMS codes have a body".into());
    }
    Ok(())
}

impl Catalog {
    /// Parses catalog files given as (path, contents), in the order of
    /// [`FILES`], then validates them. Returns every problem found, not just
    /// the first, each naming its file and entry.
    pub fn from_files(files: &[(&str, &str); 6]) -> Result<Catalog, Vec<CatalogError>> {
        let [(sources_path, sources_text), (ops_path, ops_text), (ch_path, ch_text), (notes_path, notes_text), (validity_path, validity_text), (line_path, line_text)] =
            *files;
        let mut c = Checker {
            errors: Vec::new(),
            claims: Vec::new(),
        };

        let sources: Vec<Source> = c
            .file::<Vec<Value>>(sources_path, sources_text)
            .map(|v| c.entries(sources_path, "sources", v))
            .unwrap_or_default();
        let ops_file = c.file::<OperatorsFile>(ops_path, ops_text);
        let channel_values = c.file::<Vec<Value>>(ch_path, ch_text);
        let notes_file = c.file::<NotesFile>(notes_path, notes_text);
        let validity_file = c.file::<ValidityFile>(validity_path, validity_text);
        let line_file = c.file::<LineFile>(line_path, line_text);

        let (operators, closed_operators) = match ops_file {
            Some(f) => (
                c.entries(ops_path, "operators", f.operators),
                c.entries(ops_path, "closed_operators", f.closed_operators),
            ),
            None => Default::default(),
        };
        let channels = channel_values
            .map(|v| c.entries(ch_path, "channels", v))
            .unwrap_or_default();
        let (warnings, habits, traveller, no_path, prefix_caveat) = match notes_file {
            Some(f) => {
                let caveat = match serde_json::from_value::<Text>(f.prefix_caveat) {
                    Ok(t) => t,
                    Err(e) => {
                        c.error(notes_path, "prefix_caveat", e.to_string());
                        Text::default()
                    }
                };
                (
                    c.entries(notes_path, "warnings", f.warnings),
                    c.entries(notes_path, "habits", f.habits),
                    c.entries(notes_path, "traveller", f.traveller),
                    c.entries(notes_path, "no_path", f.no_path),
                    caveat,
                )
            }
            None => Default::default(),
        };
        let (validity, validity_notes, validity_unknown) = match validity_file {
            Some(f) => (
                c.entries(validity_path, "rules", f.rules),
                c.entries(validity_path, "notes", f.notes),
                c.entries(validity_path, "no_rule", f.no_rule),
            ),
            None => Default::default(),
        };
        let facts = line_file
            .map(|f| c.entries(line_path, "facts", f.facts))
            .unwrap_or_default();
        if !c.errors.is_empty() {
            return Err(c.errors);
        }
        let checked = sources
            .iter()
            .map(|s| s.checked.clone())
            .max()
            .unwrap_or_default();
        let catalog = Catalog {
            checked,
            sources,
            operators,
            closed_operators,
            channels,
            warnings,
            habits,
            traveller,
            no_path,
            prefix_caveat,
            validity,
            validity_notes,
            validity_unknown,
            facts,
            evidence: c.claims,
        };
        let mut errors = catalog.validate().err().unwrap_or_default();
        errors.extend(catalog.validate_evidence().err().unwrap_or_default());
        if errors.is_empty() {
            Ok(catalog)
        } else {
            Err(errors)
        }
    }

    /// Checks what parsing cannot: unique ids, references that resolve,
    /// every text in every language, a source for every channel, code syntax,
    /// dates, and channels whose attributes contradict each other.
    pub fn validate(&self) -> Result<(), Vec<CatalogError>> {
        let [sources_path, ops_path, ch_path, notes_path, validity_path, line_path] = FILES;
        let mut c = Checker {
            errors: Vec::new(),
            claims: Vec::new(),
        };
        let Catalog {
            sources,
            operators,
            closed_operators,
            channels,
            warnings,
            habits,
            traveller,
            no_path,
            prefix_caveat,
            validity,
            validity_notes,
            validity_unknown,
            facts,
            ..
        } = self;
        // Sources: unique ids, https addresses, real dates.
        let mut source_ids = HashSet::new();
        for s in sources {
            let entry = format!("source \"{}\"", s.id.0);
            if !source_ids.insert(s.id.0.as_str()) {
                c.error(sources_path, &entry, "duplicate id");
            }
            if !s.url.starts_with("https://") || s.url.contains(char::is_whitespace) {
                c.error(
                    sources_path,
                    &entry,
                    format!("url \"{}\" is not an https address", s.url),
                );
            }
            if s.publisher.trim().is_empty() {
                c.error(sources_path, &entry, "publisher is empty");
            }
            c.date(sources_path, &entry, "checked", &s.checked);
            if let Some(p) = &s.published {
                c.date(sources_path, &entry, "published", p);
            }
            if let Some(p) = &s.copy_date {
                c.date(sources_path, &entry, "copy_date", p);
            }
            if s.lang.len() != 2 || !s.lang.bytes().all(|b| b.is_ascii_lowercase()) {
                c.error(
                    sources_path,
                    &entry,
                    format!("lang \"{}\" is not a two-letter language code", s.lang),
                );
            }
        }

        // Operators: each id once, translated, sourced codes.
        let mut seen_ops = HashSet::new();
        for op in operators {
            let entry = format!("operator \"{}\"", op.id.as_str());
            if !seen_ops.insert(op.id) {
                c.error(ops_path, &entry, "duplicate id");
            }
            c.text(ops_path, &entry, "company", &op.company);
            c.source_refs(ops_path, &entry, &source_ids, &op.sources);
            c.codes(ops_path, &entry, &source_ids, &op.codes);
            for p in &op.prefixes {
                if p.len() != 3 || !p.bytes().all(|b| b.is_ascii_digit()) {
                    c.error(
                        ops_path,
                        &entry,
                        format!("prefix \"{p}\" is not three digits"),
                    );
                }
            }
        }
        for id in OperatorId::ALL {
            if !seen_ops.contains(&id) {
                c.error(
                    ops_path,
                    "operators",
                    format!("operator \"{}\" is missing", id.as_str()),
                );
            }
        }
        for closed in closed_operators {
            let entry = format!("closed_operator \"{}\"", closed.name);
            c.text(ops_path, &entry, "note", &closed.note);
            c.source_refs(ops_path, &entry, &source_ids, &closed.sources);
            if closed.sources.is_empty() {
                c.error(ops_path, &entry, "no source");
            }
        }

        // Notes first, so channels can refer to warnings.
        c.notes(notes_path, "warning", &source_ids, warnings);
        c.notes(notes_path, "habit", &source_ids, habits);
        c.notes(notes_path, "traveller", &source_ids, traveller);
        c.notes(notes_path, "no_path", &source_ids, no_path);
        c.text(notes_path, "prefix_caveat", "text", prefix_caveat);
        let warning_ids: HashSet<&str> = warnings.iter().map(|w| w.id.0.as_str()).collect();

        // Channels: unique ids, translated, sourced, coherent.
        let mut channel_ids = HashSet::new();
        for ch in channels {
            let entry = format!("channel \"{}\"", ch.id.0);
            if !channel_ids.insert(ch.id.0.as_str()) {
                c.error(ch_path, &entry, "duplicate id");
            }
            c.text(ch_path, &entry, "name", &ch.name);
            c.text(ch_path, &entry, "where", &ch.place);
            if let Some(bring) = &ch.bring {
                c.text(ch_path, &entry, "bring", bring);
            }
            if let Some(note) = &ch.note {
                c.text(ch_path, &entry, "note", note);
            }
            if ch.steps.is_empty() {
                c.error(ch_path, &entry, "no steps");
            }
            for (i, step) in ch.steps.iter().enumerate() {
                c.text(ch_path, &entry, &format!("steps[{i}]"), step);
            }
            if ch.sources.is_empty() {
                c.error(
                    ch_path,
                    &entry,
                    "no source: every channel needs at least one",
                );
            }
            c.source_refs(ch_path, &entry, &source_ids, &ch.sources);
            c.codes(ch_path, &entry, &source_ids, &ch.codes);
            for w in &ch.warnings {
                if !warning_ids.contains(w.0.as_str()) {
                    c.error(ch_path, &entry, format!("unknown warning \"{}\"", w.0));
                }
            }
            if ch.sims.is_empty() || ch.plans.is_empty() {
                c.error(ch_path, &entry, "sims and plans must not be empty");
            }
            if ch.payments.is_empty() && ch.payments_unconfirmed.is_empty() && !ch.pay_later {
                c.error(ch_path, &entry, "no payment method and not pay_later");
            }
            if ch.sims.contains(&SimKind::TravelEsim) != ch.operator.is_travel_esim()
                || (ch.operator.is_travel_esim() && ch.sims.len() != 1)
            {
                c.error(
                    ch_path,
                    &entry,
                    "travel-eSIM channels serve travel eSIMs only, and only they do",
                );
            }
            if ch.needs_local_card && (ch.takes(Payment::ForeignCard) || ch.takes(Payment::Cash)) {
                c.error(
                    ch_path,
                    &entry,
                    "needs a local card but lists cash or a foreign card",
                );
            }
        }

        c.validity(
            validity_path,
            &source_ids,
            validity,
            validity_notes,
            validity_unknown,
        );

        let mut fact_ids = HashSet::new();
        for fact in facts {
            let entry = format!("fact \"{}\"", fact.id);
            if !fact_ids.insert(fact.id.as_str()) {
                c.error(line_path, &entry, "duplicate id");
            }
            c.text(line_path, &entry, "text", &fact.text);
            if let Some(d) = &fact.as_of {
                c.date(line_path, &entry, "as_of", d);
            }
            c.codes(line_path, &entry, &source_ids, &fact.codes);
            c.sourced(line_path, &entry, &source_ids, &fact.sources);
        }
        for t in Topic::ALL {
            if !facts.iter().any(|f| f.topic == t) {
                c.error(line_path, "facts", format!("no fact about {t:?}"));
            }
        }

        if c.errors.is_empty() {
            Ok(())
        } else {
            Err(c.errors)
        }
    }

    /// Checks the evidence (see [`evidence`](super::evidence)): every claim
    /// that needs it has quotes or an assumption, and every quote is sound.
    /// Only a catalog read from the files has all of it: the language packs
    /// split it, without the editors' reasons (see the app's `build.rs`).
    pub fn validate_evidence(&self) -> Result<(), Vec<CatalogError>> {
        let mut c = Checker {
            errors: Vec::new(),
            claims: Vec::new(),
        };
        c.evidence(self);
        if c.errors.is_empty() {
            Ok(())
        } else {
            Err(c.errors)
        }
    }

    /// Splits the catalog in two for the language packs: what the picker and
    /// the ranked paths need (channels, operators, warnings, what to do with
    /// no path), and the rest, shown after the first paint (sources and
    /// evidence, advice, validity rules, the line's facts). Each half keeps
    /// the other's fields empty, but for the operators and the channels: the
    /// first half has the operators' names and prefixes, the second all of
    /// them (with the check codes and company names the advice shows); the
    /// channels are in the first half without their notes, and those with a
    /// note in the second with it, their id and flags, but no lists or other
    /// text (a note is shown with the channel's sources). `checked` stays
    /// with the first.
    pub fn split_for_packs(self) -> (Catalog, Catalog) {
        let Catalog {
            checked,
            sources,
            operators,
            closed_operators,
            channels,
            warnings,
            habits,
            traveller,
            no_path,
            prefix_caveat,
            validity,
            validity_notes,
            validity_unknown,
            facts,
            evidence,
        } = self;
        // The operators' check codes and company names are for the advice:
        // the first half keeps their names and prefixes only.
        let first_operators = operators
            .iter()
            .map(|o| Operator {
                codes: Vec::new(),
                company: Text::default(),
                ..o.clone()
            })
            .collect();
        // The channels' notes are shown with their sources: the first half
        // has no notes, the second the notes, each with its channel's id and
        // flags but none of its lists or other text.
        let more_channels = channels
            .iter()
            .filter(|c| c.note.is_some())
            .map(|c| Channel {
                sims: Vec::new(),
                plans: Vec::new(),
                payments: Vec::new(),
                payments_unconfirmed: Vec::new(),
                name: Text::default(),
                place: Text::default(),
                bring: None,
                steps: Vec::new(),
                codes: Vec::new(),
                warnings: Vec::new(),
                sources: Vec::new(),
                ..c.clone()
            })
            .collect();
        let channels = channels
            .into_iter()
            .map(|c| Channel { note: None, ..c })
            .collect();
        let first = Catalog {
            checked,
            operators: first_operators,
            closed_operators,
            channels,
            warnings,
            no_path,
            prefix_caveat,
            ..Catalog::default()
        };
        let more = Catalog {
            sources,
            operators,
            channels: more_channels,
            habits,
            traveller,
            validity,
            validity_notes,
            validity_unknown,
            facts,
            evidence,
            ..Catalog::default()
        };
        (first, more)
    }

    /// Every claim that must carry evidence (see [`RequiredClaim`]).
    pub fn required_claims(&self) -> Vec<RequiredClaim> {
        let [_, ops_path, ch_path, notes_path, validity_path, line_path] = FILES;
        let mut out = Vec::new();
        let mut add = |file: &'static str,
                       kind: &str,
                       id: &str,
                       sources: Vec<SourceId>,
                       attributes: Vec<String>| {
            for attribute in attributes {
                out.push(RequiredClaim {
                    file,
                    entry: format!("{kind} \"{id}\""),
                    key: format!("{kind}:{id}"),
                    attribute,
                    sources: sources.clone(),
                });
            }
        };
        let code_attrs = |codes: &[Code]| {
            codes
                .iter()
                .map(|c| format!("code:{}", c.dial))
                .collect::<Vec<_>>()
        };
        let with_code_sources = |sources: &[SourceId], codes: &[Code]| {
            let mut all = sources.to_vec();
            all.extend(codes.iter().map(|c| c.source.clone()));
            all
        };
        for ch in &self.channels {
            let mut attrs: Vec<String> = [
                "sims",
                "plans",
                "needs_internet",
                "needs_presence",
                "needs_local_card",
            ]
            .map(String::from)
            .into();
            if !ch.payments.is_empty() {
                attrs.push("payments".into());
            }
            if ch.pay_later {
                attrs.push("pay_later".into());
            }
            if ch.credit_minutes.is_some() {
                attrs.push("credit_minutes".into());
            }
            attrs.extend(code_attrs(&ch.codes));
            add(
                ch_path,
                "channel",
                &ch.id.0,
                with_code_sources(&ch.sources, &ch.codes),
                attrs,
            );
        }
        for op in &self.operators {
            let mut attrs = code_attrs(&op.codes);
            if !op.prefixes.is_empty() {
                attrs.push("prefixes".into());
            }
            add(
                ops_path,
                "operator",
                op.id.as_str(),
                with_code_sources(&op.sources, &op.codes),
                attrs,
            );
        }
        for closed in &self.closed_operators {
            add(
                ops_path,
                "closed_operator",
                &closed.name,
                closed.sources.clone(),
                vec!["note".into(), "prefixes".into()],
            );
        }
        for (kind, notes) in [
            ("warning", &self.warnings),
            ("habit", &self.habits),
            ("traveller", &self.traveller),
            ("no_path", &self.no_path),
        ] {
            for n in notes {
                add(
                    notes_path,
                    kind,
                    &n.id.0,
                    n.sources.clone(),
                    vec!["text".into()],
                );
            }
        }
        for rule in &self.validity {
            let mut attrs = vec!["effective".to_owned(), "bands".to_owned()];
            if rule.window_days.is_some() {
                attrs.push("window_days".into());
            }
            add(validity_path, "rule", &rule.id, rule.sources.clone(), attrs);
        }
        for note in &self.validity_notes {
            add(
                validity_path,
                "note",
                &note.id,
                note.sources.clone(),
                vec!["text".into()],
            );
        }
        for fact in &self.facts {
            let mut attrs = vec!["text".to_owned()];
            attrs.extend(code_attrs(&fact.codes));
            add(
                line_path,
                "fact",
                &fact.id,
                with_code_sources(&fact.sources, &fact.codes),
                attrs,
            );
        }
        out
    }

    /// The source with this id.
    pub fn source(&self, id: &SourceId) -> Option<&Source> {
        self.sources.iter().find(|s| &s.id == id)
    }

    /// The operator with this id.
    pub fn operator(&self, id: OperatorId) -> Option<&Operator> {
        self.operators.iter().find(|o| o.id == id)
    }

    /// The warning with this id.
    pub fn warning(&self, id: &WarningId) -> Option<&Note> {
        self.warnings.iter().find(|w| &w.id == id)
    }
}
