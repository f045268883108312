//! The section's notices: storage problems, undo, the import preview and
//! its outcome.

use leptos::prelude::*;
use web_sys::Element;

use super::focus::{self, Target};
use super::{action_button, form, isolated, Import, ReminderAction, ReminderState};
use crate::domain::reminders::MAX_REMINDERS;
use crate::domain::Lang;
use crate::i18n::{t, t_count, t_with, Key};
use crate::store::Problem;
use crate::ui::dom::{replace_children, El};
use crate::ui::AppState;

/// "Undo" after a delete: adds the reminder back, checked again (limit,
/// already here) against the document as it is now; focus goes to its row.
pub(super) fn undo(rem: ReminderState, lang: Lang) {
    let Some(r) = rem.undo.get_untracked() else {
        return;
    };
    let id = r.id.clone();
    let mut added = Ok(0);
    rem.store.commit(|d| added = d.add_new(vec![r]));
    match added {
        Ok(_) => {
            rem.undo.set(None);
            rem.reveal(&id);
            focus::later(Target::Row(id.0));
        }
        Err(e) => rem.say(form::error_text(lang, e)),
    }
}

/// The notices, in order.
fn notices(lang: Lang, rem: ReminderState) -> Vec<El> {
    let mut out = Vec::new();
    if let Some(problem) = rem.store.problem.get() {
        let key = match &problem {
            Problem::Blocked => Key::StorageBlocked,
            Problem::Damaged { .. } => Key::StorageDamaged,
            Problem::TooNew => Key::StorageTooNew,
            Problem::Full => Key::StorageFull,
        };
        let download = matches!(problem, Problem::Damaged { .. }).then(|| {
            action_button(
                ReminderAction::DownloadKept,
                lang,
                Key::StorageDamagedDownload,
                true,
            )
        });
        out.push(
            El::new("div")
                .class("notice")
                .attr("role", "alert")
                .attr("data-testid", "storage-notice")
                .child(El::new("p").text(t(lang, key)))
                .maybe(download),
        );
    }
    if let Some(r) = rem.undo.get() {
        out.push(
            El::new("div")
                .class("notice")
                .attr("role", "status")
                .attr("data-testid", "undo")
                .text(&t_with(lang, Key::Deleted, "label", &isolated(&r.label)))
                .text(" ")
                .child(action_button(ReminderAction::Undo, lang, Key::Undo, true)),
        );
    }
    let import = |role: &str| {
        El::new("div")
            .class("notice")
            .attr("role", role)
            .attr("data-testid", "import-result")
    };
    match rem.import.get() {
        None => {}
        Some(Import::Failed(key)) => out.push(import("alert").child(El::new("p").text(&t_with(
            lang,
            key,
            "n",
            &MAX_REMINDERS.to_string(),
        )))),
        Some(Import::Ready(add)) if add.is_empty() => {
            out.push(import("status").child(El::new("p").text(t(lang, Key::ImportNothing))))
        }
        Some(Import::Ready(add)) => out.push(
            import("status")
                .child(El::new("p").text(&t_count(
                    lang,
                    Key::ImportWillAdd,
                    Key::ImportWillAddOne,
                    add.len(),
                )))
                .child(
                    El::new("ul")
                        .children(add.iter().take(10).map(|r| El::new("li").text(&r.label))),
                )
                .child(
                    El::new("div")
                        .class("actions")
                        .child(
                            action_button(
                                ReminderAction::ImportConfirm,
                                lang,
                                Key::ImportConfirm,
                                false,
                            )
                            .attr("data-testid", "import-confirm"),
                        )
                        .child(action_button(
                            ReminderAction::ImportCancel,
                            lang,
                            Key::Cancel,
                            true,
                        )),
                ),
        ),
    }
    out
}

/// Keeps the notices in `notice_box`, and the last announcement in the
/// live region `announce` (its text only: the region itself stays).
pub(super) fn render(state: AppState, notice_box: Element, announce: Element) {
    let rem = ReminderState::get();
    Effect::new(move || {
        let lang = state.lang.get();
        replace_children(&notice_box, notices(lang, rem));
        announce.set_text_content(rem.announce.get().as_deref());
    });
}
