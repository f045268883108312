//! The calculators' answers ("Plan ahead"): how long a top-up keeps the line
//! active, from the catalog's dated rules, and when the data runs out. The
//! app builds the two forms (`ui::tools`); a submit comes here, in the
//! on-demand module, which reads the form, works the answer out and shows it
//! in the form's answer box, with a "Remind me" button that carries the
//! reminder's date (`data-due`) and operator (`data-op`) for the app.

use web_sys::Element;

use crate::domain::catalog::{OperatorId, Topic};
use crate::domain::date::Date;
use crate::domain::planner::{data_run_out, RunOutCause};
use crate::domain::validity::{line_validity, parse_azn, BandAnswer};
use crate::domain::{date_text, typography};
use crate::domain::{Catalog, Lang};
use crate::i18n::{fill, t, t_with, Key};
use crate::packs;
use crate::ui::advice::fact_list;
use crate::ui::clock;
use crate::ui::dom::{replace_children, value_in, Action, El};
use crate::ui::sources::source_list;
use crate::ui::tools::{Tool, FIELDS, PLANNER_WARN_DAYS};

fn text_with2(lang: Lang, key: Key, date: &str, n: &str) -> String {
    fill(&t_with(lang, key, "date", date), "{n}", n)
}

/// "Remind me" under an answer, for `due` (and `op`).
fn remind_button(label: &str, tool: Tool, due: Date, op: Option<OperatorId>) -> El {
    let button = El::button(tool, label)
        .class("secondary")
        .attr("data-due", &due.to_string());
    match op {
        Some(op) => button.attr("data-op", op.as_str()),
        None => button,
    }
}

/// The validity calculator's answer for a top-up of `amount` paid on
/// `paid` to `op`, from the validity `rules` (`i18n::validity`) and the
/// line's facts in `more` (the pack's second part).
fn validity_answer(
    lang: Lang,
    catalog: &Catalog,
    more: &Catalog,
    rules: &Catalog,
    op: OperatorId,
    amount: &str,
    paid: &str,
) -> Vec<El> {
    let (Some(qepik), Some(paid_on)) = (parse_azn(amount), Date::parse(paid)) else {
        let key = if parse_azn(amount).is_none() {
            Key::ValidityBadAmount
        } else {
            Key::BadDate
        };
        return vec![El::new("p")
            .class("error")
            .attr("role", "alert")
            .text(t(lang, key))];
    };
    let answer = line_validity(rules, op, qepik, paid_on);
    let mut out = Vec::new();
    if let Some(unknown) = &answer.unknown {
        out.push(El::new("p").text(unknown.text.get(lang)));
        out.push(source_list(
            lang,
            &unknown.sources,
            &format!("no_rule:{}", unknown.operator.as_str()),
        ));
    }
    let mut remind_on = None;
    if let Some(current) = &answer.current {
        match &current.answer {
            BandAnswer::TooSmall { min_qepik } => out.push(El::new("p").text(&t_with(
                lang,
                Key::ValidityTooSmall,
                "n",
                &typography::amount(lang, *min_qepik),
            ))),
            BandAnswer::Active(period) => {
                let ends = date_text::date_long(lang, period.ends);
                out.push(El::new("p").class("answer").text(&text_with2(
                    lang,
                    Key::ValidityResult,
                    &ends,
                    &period.days.to_string(),
                )));
                if let Some(w) = period.window_ends {
                    out.push(El::new("p").text(&t_with(
                        lang,
                        Key::ValidityWindow,
                        "date",
                        &date_text::date_long(lang, w),
                    )));
                }
                if period.extrapolated {
                    out.push(
                        El::new("p")
                            .class("caveat")
                            .text(t(lang, Key::ValidityEstimate)),
                    );
                }
                remind_on = period.ends.add_days(-1);
            }
        }
        let rule = &current.rule;
        out.push(
            El::new("p")
                .child(El::new("strong").text(&t_with(
                    lang,
                    Key::ValidityRuleFrom,
                    "date",
                    &date_text::date_long(lang, rule.effective),
                )))
                .text(typography::space_after(t(lang, Key::ValidityRuleFrom)))
                .text(rule.note.get(lang)),
        );
        out.push(source_list(
            lang,
            &rule.sources,
            &format!("rule:{}", rule.id),
        ));
    }
    for (other, key) in [
        (&answer.superseded, Key::ValidityBefore),
        (&answer.upcoming, Key::ValidityAfter),
    ] {
        if let Some(other) = other {
            if let BandAnswer::Active(p) = &other.answer {
                let date = date_text::date_long(lang, other.rule.effective);
                out.push(El::new("p").text(&text_with2(lang, key, &date, &p.days.to_string())));
            }
        }
    }
    for note in &answer.notes {
        out.push(El::new("p").class("caveat").text(note.text.get(lang)));
        out.push(source_list(
            lang,
            &note.sources,
            &format!("note:{}", note.id),
        ));
    }
    // What keeps this line alive beyond the table: payments that do not
    // count, what happens when the period ends.
    if let Some(facts) = fact_list(lang, catalog, more, Topic::Lifecycle, Some(op)) {
        out.push(El::new("h4").text(t(lang, Key::LifecycleHeading)));
        out.push(facts);
    }
    if let Some(due) = remind_on {
        out.push(remind_button(
            t(lang, Key::RemindBeforeEnd),
            Tool::Validity,
            due,
            Some(op),
        ));
    }
    out
}

/// The planner's answer for `left_gb` left, `per_day` MB a day and a pack
/// that ends on `pack_end` (if given).
fn planner_answer(lang: Lang, left_gb: &str, per_day: &str, pack_end: &str) -> Vec<El> {
    let gb = parse_azn(left_gb); // the same "2", "2.5", "2,50" parsing, in hundredths
    let per_day: Option<u32> = per_day.trim().parse().ok();
    let pack_ends = Date::parse(pack_end);
    let (Some(gb_hundredths), Some(per_day)) = (gb, per_day) else {
        return vec![El::new("p")
            .class("error")
            .attr("role", "alert")
            .text(t(lang, Key::PlannerBad))];
    };
    let left_mb = gb_hundredths.saturating_mul(1024) / 100;
    let today = clock::now().date;
    let Some(run_out) = data_run_out(left_mb, per_day, today, pack_ends) else {
        return vec![El::new("p").text(t(lang, Key::PlannerNever))];
    };
    let date = date_text::date_long(lang, run_out.on);
    let key = match run_out.cause {
        RunOutCause::PackEnds => Key::PlannerPackFirst,
        RunOutCause::DataUsedUp | RunOutCause::Both => Key::PlannerDataGone,
    };
    let label = t_with(
        lang,
        Key::PlannerRemind,
        "n",
        &PLANNER_WARN_DAYS.to_string(),
    );
    vec![
        El::new("p")
            .class("answer")
            .text(&t_with(lang, key, "date", &date)),
        remind_button(
            &label,
            Tool::Planner,
            run_out.remind_on(PLANNER_WARN_DAYS),
            None,
        ),
    ]
}

/// Works out the answer of the calculator `form` in `lang` and shows it in
/// its answer box. The packs come from the browser's cache (the app has
/// loaded them); if they cannot be read, the box says the answer is still
/// loading.
pub async fn answer(form: Element, lang: Lang) {
    let Ok(Some(answer_box)) = form.query_selector(".answer-box") else {
        return;
    };
    let tool = form.get_attribute("data-tool");
    let tool = tool.as_deref().and_then(Tool::parse);
    // The validity rules (a part of their own) only for the validity
    // calculator.
    let rules = async {
        match tool {
            Some(Tool::Validity) => packs::load_validity(lang).await.map(Some),
            _ => Ok(None),
        }
    };
    let (Ok(pack), Ok(more), Ok(rules)) = (
        packs::load(lang).await,
        packs::load_more(lang).await,
        rules.await,
    ) else {
        replace_children(&answer_box, [El::new("p").text(t(lang, Key::Loading))]);
        return;
    };
    let field = |i: usize| value_in(&form, FIELDS[i]);
    let content = match (tool, rules) {
        (Some(Tool::Validity), Some(rules)) => {
            let chosen = field(0);
            let op = OperatorId::ALL
                .into_iter()
                .find(|o| o.as_str() == chosen)
                .unwrap_or(OperatorId::Azercell);
            validity_answer(lang, &pack.catalog, more, rules, op, &field(1), &field(2))
        }
        (Some(Tool::Planner), _) => planner_answer(lang, &field(3), &field(4), &field(5)),
        _ => return,
    };
    replace_children(&answer_box, content);
}
