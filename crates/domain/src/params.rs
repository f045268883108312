//! The URL query: the picker's state and the display settings, a public
//! interface for links and embedding sites (see DESIGN.md). Unknown parameters
//! are ignored and an unknown value falls back to the default, so any query,
//! however hostile, parses.

use super::catalog::{OperatorId, Payment, Plan, SimKind};
use super::lang::Lang;

/// The operator choice: a known operator or provider, or "not sure".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OperatorChoice {
    /// A named operator or provider (`op=nar`).
    Known(OperatorId),
    /// "Not sure" (`op=unsure`): every network operator's paths, or every
    /// provider's for a travel eSIM, each marked with its operator.
    Unsure,
}

impl OperatorChoice {
    /// The value used in the URL query.
    pub fn as_str(self) -> &'static str {
        match self {
            OperatorChoice::Known(id) => id.as_str(),
            OperatorChoice::Unsure => "unsure",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        if s == "unsure" {
            return Some(OperatorChoice::Unsure);
        }
        OperatorId::ALL
            .into_iter()
            .find(|o| o.as_str() == s)
            .map(OperatorChoice::Known)
    }
}

/// The picker's inputs: what the ranking needs to know.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Query {
    /// The SIM kind (`sim=`); `None` until chosen, matching every kind.
    pub sim: Option<SimKind>,
    /// The operator (`op=`); `None` until chosen, matching every operator.
    pub op: Option<OperatorChoice>,
    /// How the user will pay (`pay=`); `None` until chosen, blocking no path.
    pub pay: Option<Payment>,
    /// "I have internet now".
    pub online: bool,
    /// "I am in Azerbaijan now".
    pub in_az: bool,
    /// Prepaid or postpaid (`plan=`); prepaid by default.
    pub plan: Plan,
}

impl Default for Query {
    fn default() -> Self {
        Query {
            sim: None,
            op: None,
            pay: None,
            online: true,
            in_az: true,
            plan: Plan::Prepaid,
        }
    }
}

impl Query {
    /// The operator chosen, when the user named one (not "not sure").
    pub fn known_operator(&self) -> Option<OperatorId> {
        match self.op {
            Some(OperatorChoice::Known(op)) => Some(op),
            _ => None,
        }
    }

    /// Every query the picker can produce: 4 SIM choices (none chosen or one
    /// of three) × 8 operator choices × 6 payments × online × in Azerbaijan
    /// × 2 plans = 1,536. For exhaustive tests and the benchmark.
    pub fn every() -> Vec<Query> {
        let sims: Vec<Option<SimKind>> = [None].into_iter().chain(SimKind::ALL.map(Some)).collect();
        let ops: Vec<Option<OperatorChoice>> = [None, Some(OperatorChoice::Unsure)]
            .into_iter()
            .chain(OperatorId::ALL.map(|o| Some(OperatorChoice::Known(o))))
            .collect();
        let pays: Vec<Option<Payment>> = [None].into_iter().chain(Payment::ALL.map(Some)).collect();
        let mut all = Vec::with_capacity(1536);
        for &sim in &sims {
            for &op in &ops {
                for &pay in &pays {
                    for online in [true, false] {
                        for in_az in [true, false] {
                            for plan in Plan::ALL {
                                all.push(Query {
                                    sim,
                                    op,
                                    pay,
                                    online,
                                    in_az,
                                    plan,
                                });
                            }
                        }
                    }
                }
            }
        }
        all
    }

    /// Sets one picker parameter from its URL name and value, as the URL
    /// parser and the picker's chips both do. Returns false (and changes
    /// nothing) for an unknown name; an unknown value sets the default.
    pub fn set(&mut self, name: &str, value: &str) -> bool {
        match name {
            "sim" => self.sim = pick(&SimKind::ALL, SimKind::as_str, value),
            "op" => self.op = OperatorChoice::parse(value),
            "pay" => self.pay = pick(&Payment::ALL, Payment::as_str, value),
            "online" => self.online = flag(value).unwrap_or(true),
            "inaz" => self.in_az = flag(value).unwrap_or(true),
            "plan" => self.plan = pick(&Plan::ALL, Plan::as_str, value).unwrap_or_default(),
            _ => return false,
        }
        true
    }
}

/// Light, dark or following the system.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    /// Always the light colours (`theme=light`).
    Light,
    /// Always the dark colours (`theme=dark`).
    Dark,
    /// The system's choice (`theme=auto`); the default.
    #[default]
    Auto,
}

impl Theme {
    /// The value used in the URL query.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

/// An accent colour, validated as `#rgb` or `#rrggbb` and kept lowercase, so
/// it is safe to put into a CSS custom property.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Accent(String);

impl Accent {
    /// Parses `#rgb` or `#rrggbb`; anything else is `None`.
    pub fn parse(s: &str) -> Option<Accent> {
        let hex = s.strip_prefix('#')?;
        ((hex.len() == 3 || hex.len() == 6) && hex.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| Accent(s.to_ascii_lowercase()))
    }

    /// The colour, as `#rgb` or `#rrggbb` in lowercase.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Black or white, whichever reads better on this colour (WCAG relative
    /// luminance against the contrast of each).
    pub fn ink(&self) -> &'static str {
        // The hex digits after `#` (checked by `parse`), read byte by byte.
        let hex = self.0.as_bytes().get(1..).unwrap_or_default();
        let digit = |at: usize| {
            hex.get(at)
                .and_then(|&b| char::from(b).to_digit(16))
                .unwrap_or(0)
        };
        let channel = |i: usize| -> f64 {
            let v = if hex.len() == 3 {
                digit(i) * 17
            } else {
                digit(2 * i) * 16 + digit(2 * i + 1)
            } as f64
                / 255.0;
            // sRGB to linear: x^2.4 = x^2 * y, where y = x^0.4 solves
            // y^5 = x^2; five Newton steps from sqrt(x) find it to 1e-9,
            // with no `pow` in the wasm. (x^2.5 instead picked the worse
            // ink for 2% of colours, some below 4.5:1.)
            if v <= 0.04045 {
                v / 12.92
            } else {
                let x = (v + 0.055) / 1.055;
                let mut y = x.sqrt();
                for _ in 0..5 {
                    y = (4.0 * y + x * x / (y * y * y * y)) / 5.0;
                }
                x * x * y
            }
        };
        let l = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
        // Contrast with black is (l + 0.05) / 0.05, with white 1.05 / (l + 0.05).
        if (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) {
            "#000000"
        } else {
            "#ffffff"
        }
    }
}

/// Everything the URL query can set.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct AppParams {
    /// The picker's state.
    pub query: Query,
    /// The language asked for in the URL, if any.
    pub lang: Option<Lang>,
    /// `embed=1`: the compact layout for an iframe on another site.
    pub embed: bool,
    /// The colour scheme (`theme=`).
    pub theme: Theme,
    /// The accent colour (`accent=`); `None` keeps the app's own.
    pub accent: Option<Accent>,
}

fn pick<T: Copy>(all: &[T], name: impl Fn(T) -> &'static str, value: &str) -> Option<T> {
    all.iter().copied().find(|v| name(*v) == value)
}

fn flag(value: &str) -> Option<bool> {
    match value {
        "1" => Some(true),
        "0" => Some(false),
        _ => None,
    }
}

impl AppParams {
    /// Every parameter name [`AppParams::from_pairs`] reads (and
    /// [`AppParams::pairs`] writes): a reader that looks names up one by one
    /// (the browser's `URLSearchParams`) needs no others.
    pub const NAMES: [&'static str; 10] = [
        "sim", "op", "pay", "online", "inaz", "plan", "lang", "embed", "theme", "accent",
    ];

    /// Reads the parameters from a query string's `pairs` (names and values,
    /// decoded), in their order. The first occurrence of a parameter wins;
    /// bad values keep the default. The app hands it what the browser's
    /// `URLSearchParams` reads (see the app's `address`), natively
    /// [`AppParams::parse`] does.
    pub fn from_pairs<K: AsRef<str>, V: AsRef<str>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> AppParams {
        let mut p = AppParams::default();
        let mut seen: Vec<K> = Vec::new();
        for (key, value) in pairs {
            if seen.iter().any(|k| k.as_ref() == key.as_ref()) {
                continue;
            }
            let v = value.as_ref();
            if !p.query.set(key.as_ref(), v) {
                match key.as_ref() {
                    "lang" => p.lang = Lang::from_code(v),
                    "embed" => p.embed = v == "1",
                    "theme" => {
                        p.theme = pick(&[Theme::Light, Theme::Dark, Theme::Auto], Theme::as_str, v)
                            .unwrap_or_default()
                    }
                    "accent" => p.accent = Accent::parse(v),
                    _ => {}
                }
            }
            seen.push(key);
        }
        p
    }

    /// Parses a query string, with or without the leading `?` (see
    /// [`AppParams::from_pairs`]).
    pub fn parse(search: &str) -> AppParams {
        let search = search.strip_prefix('?').unwrap_or(search);
        AppParams::from_pairs(form_urlencoded::parse(search.as_bytes()))
    }

    /// The parameters to write in a query string (names and values, not
    /// encoded), leaving out defaults, in the order of DESIGN.md's table.
    pub fn pairs(&self) -> Vec<(&'static str, &str)> {
        let q = &self.query;
        let mut out = Vec::new();
        if let Some(sim) = q.sim {
            out.push(("sim", sim.as_str()));
        }
        if let Some(op) = q.op {
            out.push(("op", op.as_str()));
        }
        if let Some(pay) = q.pay {
            out.push(("pay", pay.as_str()));
        }
        if !q.online {
            out.push(("online", "0"));
        }
        if !q.in_az {
            out.push(("inaz", "0"));
        }
        if q.plan != Plan::Prepaid {
            out.push(("plan", q.plan.as_str()));
        }
        if let Some(lang) = self.lang {
            out.push(("lang", lang.code()));
        }
        if self.embed {
            out.push(("embed", "1"));
        }
        if self.theme != Theme::Auto {
            out.push(("theme", self.theme.as_str()));
        }
        if let Some(accent) = &self.accent {
            out.push(("accent", accent.as_str()));
        }
        out
    }

    /// Writes the query string of [`AppParams::pairs`] (with `?`, or empty).
    pub fn to_search(&self) -> String {
        let pairs = self.pairs();
        if pairs.is_empty() {
            return String::new();
        }
        let mut out = form_urlencoded::Serializer::for_suffix(String::from("?"), 1);
        out.extend_pairs(pairs);
        out.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn design_example_parses() {
        let p = AppParams::parse("?sim=esim&op=nar&pay=foreign_card&online=0");
        assert_eq!(p.query.sim, Some(SimKind::Esim));
        assert_eq!(p.query.op, Some(OperatorChoice::Known(OperatorId::Nar)));
        assert_eq!(p.query.pay, Some(Payment::ForeignCard));
        assert!(!p.query.online);
        assert!(p.query.in_az);
        assert_eq!(p.query.plan, Plan::Prepaid);
        assert_eq!(p.to_search(), "?sim=esim&op=nar&pay=foreign_card&online=0");
    }

    #[test]
    fn the_names_are_every_one_read_and_written() {
        // Each name changes what is read (so `NAMES` leaves none out that a
        // value could set)...
        let value = |name: &str| match name {
            "sim" => "esim",
            "op" => "nar",
            "pay" => "cash",
            "online" | "inaz" => "0",
            "plan" => "postpaid",
            "lang" => "ru",
            "embed" => "1",
            "theme" => "dark",
            _ => "#0a7",
        };
        for name in AppParams::NAMES {
            let p = AppParams::from_pairs([(name, value(name))]);
            assert_ne!(p, AppParams::default(), "{name}");
            // ...and is written back under the same name.
            assert_eq!(p.pairs(), vec![(name, value(name))], "{name}");
        }
        // A name not in the list changes nothing.
        assert_eq!(
            AppParams::from_pairs([("simm", "esim")]),
            AppParams::default()
        );
    }

    #[test]
    fn every_value_round_trips() {
        for sim in SimKind::ALL {
            for pay in Payment::ALL {
                for op in OperatorId::ALL
                    .map(OperatorChoice::Known)
                    .into_iter()
                    .chain([OperatorChoice::Unsure])
                {
                    for (online, in_az, plan) in
                        [(true, false, Plan::Postpaid), (false, true, Plan::Prepaid)]
                    {
                        let p = AppParams {
                            query: Query {
                                sim: Some(sim),
                                op: Some(op),
                                pay: Some(pay),
                                online,
                                in_az,
                                plan,
                            },
                            lang: Some(Lang::Zh),
                            embed: true,
                            theme: Theme::Dark,
                            accent: Accent::parse("#0A7"),
                        };
                        assert_eq!(AppParams::parse(&p.to_search()), p);
                    }
                }
            }
        }
    }

    #[test]
    fn hostile_values_fall_back_to_defaults() {
        let p = AppParams::parse(
            "sim=<script>&op=evil&pay=%22%3E%3Cimg%3E&online=2&inaz=yes&plan=x&lang=xx&embed=true&theme=red&accent=javascript:alert(1)&zzz=1",
        );
        assert_eq!(p, AppParams::default());
        assert_eq!(p.to_search(), "");
    }

    #[test]
    fn accent_accepts_only_hex_colours() {
        assert_eq!(Accent::parse("#0a7").map(|a| a.0), Some("#0a7".into()));
        assert_eq!(
            Accent::parse("#00AA77").map(|a| a.0),
            Some("#00aa77".into())
        );
        for bad in ["0a7", "#0a", "#0a77", "#ggg", "#0a7;color:red", "red", ""] {
            assert_eq!(Accent::parse(bad), None, "{bad}");
        }
        assert_eq!(
            AppParams::parse("accent=%230a7").accent,
            Accent::parse("#0a7")
        );
    }

    #[test]
    fn accent_ink_contrasts() {
        let ink = |s: &str| Accent::parse(s).map(|a| a.ink());
        assert_eq!(ink("#000"), Some("#ffffff"));
        assert_eq!(ink("#fff"), Some("#000000"));
        assert_eq!(ink("#0b6e4f"), Some("#ffffff"));
        assert_eq!(ink("#5fd3a8"), Some("#000000"));
        assert_eq!(ink("#ffcc00"), Some("#000000"));
    }

    #[test]
    fn first_occurrence_wins() {
        let p = AppParams::parse("sim=physical&sim=esim&sim=bad");
        assert_eq!(p.query.sim, Some(SimKind::Physical));
    }
}
