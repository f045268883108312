//! The browser app: state, URL sync and the page's sections. Components stay
//! thin: decisions live in `domain`.

pub(crate) mod advice;
pub(crate) mod clock;
pub(crate) mod dom;
mod extras;
pub mod fatal;
mod notify;
mod path_card;
mod picker;
pub(crate) mod reminders;
pub(crate) mod reminders_link;
mod results;
pub(crate) mod sources;
pub(crate) mod tools;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use self::dom::{clicked, option, replace_children, Action, El};
use crate::domain::{AppParams, Catalog, Lang, Query};
use crate::i18n::{t, Key, Pack};
use crate::pwa::{self, PwaState};
use crate::storage::Stored;
use crate::{embed, i18n, packs};

/// What [`App`] starts from: read before the first language pack loads.
pub struct Boot {
    pub params: AppParams,
    /// What is stored, read by the reminders module (`reminders_link`).
    pub stored: Stored,
    /// The language to show; its pack is installed.
    pub lang: Lang,
    pub pack: &'static Pack,
}

/// The app's shared state: one per page, read with [`AppState::get`].
#[derive(Clone, Copy)]
pub struct AppState {
    /// The first language's pack, which is always installed.
    first_pack: &'static Pack,
    /// The language shown. It changes only once its pack is installed.
    pub lang: RwSignal<Lang>,
    pub query: RwSignal<Query>,
    /// Display settings from the URL (language chosen there, embed, theme).
    pub params: RwSignal<AppParams>,
    /// The second part of a language's pack (sources, advice, validity
    /// rules, facts), once installed after the first paint.
    more: RwSignal<Option<(Lang, &'static Catalog)>>,
}

thread_local! {
    /// The one [`AppState`] of this module, set by [`AppState::start`]. A plain cell, not a Leptos
    /// context: the page has one app, and the context's type map costs the
    /// wasm more than this.
    static STATE: std::cell::Cell<Option<AppState>> = const { std::cell::Cell::new(None) };
}

impl AppState {
    /// The page's state, showing `lang`, whose first part is `pack`: set
    /// before any component is built (by [`App`], or by the reminders
    /// module, which has state of its own).
    pub fn start(pack: &'static Pack, lang: Lang, params: AppParams) -> AppState {
        let state = AppState {
            first_pack: pack,
            lang: RwSignal::new(lang),
            query: RwSignal::new(params.query),
            params: RwSignal::new(params),
            more: RwSignal::new(None),
        };
        STATE.with(|cell| cell.set(Some(state)));
        state
    }

    /// Shows `lang` (its first part installed), with its second part `more`
    /// if it is installed.
    pub fn install(self, lang: Lang, more: Option<&'static Catalog>) {
        self.lang.set(lang);
        if let Some(more) = more {
            self.more.set(Some((lang, more)));
        }
    }

    /// The state set by [`AppState::start`] (which builds every component after it).
    pub fn get() -> AppState {
        STATE
            .with(std::cell::Cell::get)
            .expect("AppState::get: the app sets its state before building its components")
    }

    /// The catalog with the current language's text (reactive).
    pub fn catalog(&self) -> &'static Catalog {
        &i18n::pack(self.lang.get())
            .unwrap_or(self.first_pack)
            .catalog
    }

    /// The second part of the current language's pack, once installed
    /// (reactive): what the tools and the advice show.
    pub fn more(&self) -> Option<&'static Catalog> {
        let lang = self.lang.get();
        self.more
            .get()
            .and_then(|(l, more)| (l == lang).then_some(more))
    }

    /// [`AppState::more`], for event handlers (not tracked).
    pub fn more_untracked(&self) -> Option<&'static Catalog> {
        let lang = self.lang.get_untracked();
        self.more
            .get_untracked()
            .and_then(|(l, more)| (l == lang).then_some(more))
    }

    /// Fetches and installs the current language's second part, then fills
    /// the source lists waiting for it. If the
    /// language changed meanwhile (the switch does not wait for a part
    /// still on its way), it fetches the new language's part instead.
    fn load_more(self) {
        let lang = self.lang.get_untracked();
        leptos::task::spawn_local(async move {
            let Ok(more) = packs::load_more(lang).await else {
                return;
            };
            if self.lang.get_untracked() != lang {
                return self.load_more();
            }
            self.more.set(Some((lang, more)));
            // The sections it unlocks take their start-up steps from here
            // (see `App`); the source lists waiting for it are filled in a
            // task of their own.
            defer(move || sources::fill_page(self.lang.get_untracked()));
        });
    }

    /// [`AppState::catalog`], for event handlers (not tracked).
    pub fn catalog_untracked(&self) -> &'static Catalog {
        &i18n::pack(self.lang.get_untracked())
            .unwrap_or(self.first_pack)
            .catalog
    }

    /// The UI string `key` in the current language (reactive: on the
    /// language, and for a string of the pack's second part, on its arrival).
    pub fn t(&self, key: Key) -> &'static str {
        if key as usize >= i18n::FIRST_STRINGS {
            self.more.track();
        }
        t(self.lang.get(), key)
    }
}

/// The browser's preferred languages, most preferred first.
pub fn browser_languages() -> Vec<String> {
    web_sys::window()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|v| v.as_string())
                .collect()
        })
        .unwrap_or_default()
}

/// Keeps the URL, `<html lang>` and the title in step with the state (one
/// effect: each costs its own code in the wasm).
fn sync_page(state: AppState) {
    Effect::new(move |shown: Option<Lang>| {
        let lang = state.lang.get();
        let mut params = state.params.get();
        params.query = state.query.get();
        let Some(w) = web_sys::window() else {
            return lang;
        };
        if shown != Some(lang) {
            show_language(&w, lang);
        }
        let search = crate::address::search_of(&params);
        // replaceState is a round trip to the browser process: skip it when the
        // address already says this (always so at start), and let the change
        // paint first.
        if w.location().search().is_ok_and(|now| now == search) {
            return lang;
        }
        after_paint(move || replace_search(&search));
        lang
    });
}

/// Puts `search` in the address bar, keeping the path (no history entry).
fn replace_search(search: &str) {
    let Some(w) = web_sys::window() else {
        return;
    };
    let path = w.location().pathname().unwrap_or_else(|_| "/".into());
    if let Ok(history) = w.history() {
        let _ =
            history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{search}")));
    }
}

/// `<html lang>`, the title and the static masthead's tagline in `lang`.
fn show_language(w: &web_sys::Window, lang: Lang) {
    let Some(doc) = w.document() else {
        return;
    };
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("lang", lang.code());
    }
    doc.set_title(&format!(
        "{} · {}",
        t(lang, Key::AppTitle),
        t(lang, Key::ResultsHeading)
    ));
    // The masthead is static HTML (painted before the wasm loads); its text
    // changes only when the language does.
    if let Some(tagline) = doc.get_element_by_id("tagline") {
        let text = t(lang, Key::Tagline);
        if tagline.text_content().as_deref() != Some(text) {
            tagline.set_text_content(Some(text));
        }
    }
}

/// The root component: reads the URL and saved preferences, then appends
/// the toolbar, the status notices, the due banner and the picker to the
/// app's root, and the later sections in steps.
#[component]
pub fn App(boot: Boot) -> impl IntoView {
    let Boot {
        params,
        stored,
        lang,
        pack,
    } = boot;
    let embedded = params.embed;
    embed::apply_display(&params);
    if embedded {
        embed::watch_height();
        embed::submit_forms_in_script();
    }
    let pwa = pwa::start(embedded);
    let state = AppState::start(pack, lang, params);
    sync_page(state);
    // The pack's second part downloads while the page builds itself; what
    // it holds is shown from step 1 on.
    state.load_more();
    sources::fill_on_open(move || state.lang.get_untracked());

    // The page is built in steps, each in its own task after the first
    // paint, so that no task blocks the page for long (Lighthouse: TBT):
    // the mount builds the toolbar, the due banner's place and the picker;
    // step 0 adds the results; then, once the pack's second part is
    // installed (on a slow line long after the results), 1 the reminders'
    // place and the notifications' opt-in, 2 the calculators, 3 the advice
    // and the footer; 4 registers the service worker, so that its precaching
    // does not compete with the pack. Each section is appended to the app's
    // root when its step comes. The reminders module fills its places when
    // it has started (`reminders_link`). Building the results in the mount's
    // task instead was measured (2026-12-01, CPU ÷4): the paths' first frame
    // came 75 ms sooner on slow 4G and no sooner on the throttled line, and
    // the task that laid the page out took 76–79 ms, so it was not kept.
    let notify_saved = stored.saved_pref("notify").as_bool() == Some(true);
    let due_banner = reminders_link::banner_place(&stored, embedded);
    let stage = RwSignal::new(0u8);
    // Each run takes the next step in a task of its own (once: a step
    // another run took is not taken again).
    Effect::new(move || {
        let step = stage.get();
        if step < 5 && (step < 1 || state.more.get().is_some()) {
            defer(move || {
                if stage.get_untracked() != step {
                    return;
                }
                match step {
                    0 => build_in_app(|| vec![results::results()]),
                    1 => build_in_app(|| {
                        let mut sections = vec![reminders_link::section_place()];
                        sections.extend(notify::notify_opt_in(embedded, notify_saved));
                        sections
                    }),
                    2 => build_in_app(|| vec![tools::tools()]),
                    3 => build_in_app(|| vec![advice::advice(), footer(embedded)]),
                    _ if !embedded => pwa::register_worker(pwa),
                    _ => {}
                }
                stage.set(step + 1);
            });
        }
    });
    let skip = El::new("a").class("skip").attr("href", "#results");
    keep_text(&skip.element(), Key::SkipToResults);
    // "Install the app", once the browser offers it (filled by the status
    // bar): beside the language, so that appearing late moves nothing on
    // the page.
    let install = El::new("span")
        .class("install-slot")
        .on("click", move |ev| on_status_click(pwa, ev));
    let status = status_bar(pwa, embedded, install.element());
    let toolbar = El::new("div")
        .class("toolbar")
        .child(skip)
        .child(install)
        .children(language_switcher());
    append_to_app(vec![toolbar, status, due_banner, picker::picker()]);
}

/// Appends `sections` to the app's root: `#app`, or the body, where
/// `crate::mount` mounted the app.
fn append_to_app(sections: Vec<El>) {
    let document = web_sys::window().and_then(|w| w.document());
    let root = document
        .as_ref()
        .and_then(|d| d.get_element_by_id("app"))
        .or_else(|| document.and_then(|d| d.body()).map(Into::into));
    if let Some(root) = root {
        El::from(root).children(sections);
    }
}

/// Builds a start-up step's sections (`build`, with the `dom` builder) in a
/// reactive owner of their own that lives as long as the page, and appends
/// them to the app's root.
fn build_in_app(build: impl FnOnce() -> Vec<El>) {
    let owner = Owner::new();
    append_to_app(owner.with(build));
    std::mem::forget(owner);
}

/// Keeps `el`'s text the string `key` in the page's language (a heading).
pub(crate) fn keep_text(el: &web_sys::Element, key: Key) {
    let state = AppState::get();
    let el = el.clone();
    Effect::new(move || el.set_text_content(Some(state.t(key))));
}

/// The page's foot: when the catalog was checked, and what stays private.
fn footer(embedded: bool) -> El {
    let state = AppState::get();
    let footer = El::new("div").class("foot");
    let foot = footer.element();
    Effect::new(move || {
        let checked = i18n::fill(
            state.t(Key::CatalogChecked),
            "{date}",
            &state.catalog().checked,
        );
        let lines = [
            Some(El::new("p").attr("data-testid", "checked").text(&checked)),
            Some(El::new("p").text(state.t(Key::Privacy))),
            embedded.then(|| El::new("p").text(state.t(Key::EmbedStorageNote))),
        ];
        replace_children(&foot, lines.into_iter().flatten());
    });
    footer
}

/// Runs `f` in a task of its own, after the browser has had a chance to paint.
pub(crate) fn defer(f: impl FnOnce() + 'static) {
    defer_boxed(Box::new(f));
}

/// Runs `f` in a task after the next frame: for the work a change leaves
/// behind (closed cards' details, the advice, the address bar), so that the
/// change itself paints first. A hidden page paints no frames; there `f`
/// just runs in a task of its own.
pub(crate) fn after_paint(f: impl FnOnce() + 'static) {
    let Some(w) = web_sys::window() else {
        return;
    };
    if w.document().is_none_or(|d| d.hidden()) {
        return defer(f);
    }
    let next_frame = wasm_bindgen::closure::Closure::once_into_js(move || defer(f));
    let _ = w.request_animation_frame(next_frame.unchecked_ref());
}

/// [`defer`] for one closure type: the JavaScript callback is compiled once.
fn defer_boxed(f: Box<dyn FnOnce()>) {
    let callback = wasm_bindgen::closure::Closure::once_into_js(f);
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 0);
    }
}

/// The app's own URL with the current state, outside embed mode.
fn full_app_href(state: AppState) -> String {
    let mut params = state.params.get();
    params.query = state.query.get();
    full_app_path(params)
}

/// The page's path and the search of `params` with embed mode off: the
/// full app's address (also what Share shares, from `crate::extras`).
pub(crate) fn full_app_path(mut params: AppParams) -> String {
    params.embed = false;
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_else(|| "/".into());
    format!("{path}{}", crate::address::search_of(&params))
}

/// The notices above the picker: in embed mode the link to the full app,
/// offline, an update ready, the iOS install hint.
fn status_notices(state: AppState, pwa: PwaState, embedded: bool) -> Vec<El> {
    let lang = state.lang.get();
    // The strings of the notices after the link travel in the pack's second
    // part: they show once it is there.
    let later = state.more().is_some();
    let mut out = Vec::new();
    if embedded {
        out.push(
            El::new("a")
                .class("open-full")
                .attr("data-testid", "open-full-app")
                .attr("href", &full_app_href(state))
                .attr("target", "_blank")
                .attr("rel", "noopener")
                .text(t(lang, Key::OpenFullApp)),
        );
    }
    if later && !pwa.online.get() {
        out.push(
            El::new("p")
                .class("notice offline")
                .attr("data-testid", "offline")
                .attr("role", "status")
                .text(t(lang, Key::OfflineBadge)),
        );
    }
    if later && pwa.update_ready.get() {
        out.push(
            El::new("div")
                .class("notice update")
                .attr("data-testid", "update-banner")
                .attr("role", "status")
                .child(El::new("span").text(t(lang, Key::UpdateAvailable)))
                .text(" ")
                .child(El::button(StatusAction::Update, t(lang, Key::UpdateButton))),
        );
    }
    if later && pwa.ios_hint {
        out.push(
            El::new("p")
                .class("notice")
                .text(t(lang, Key::IosInstallHint)),
        );
    }
    out
}

/// The buttons of the status notices and the toolbar.
#[derive(Clone, Copy)]
enum StatusAction {
    /// Reload into the waiting new version.
    Update,
    /// Show the browser's install prompt.
    Install,
}

impl Action for StatusAction {
    const ALL: &'static [Self] = &[StatusAction::Update, StatusAction::Install];

    fn as_str(self) -> &'static str {
        match self {
            StatusAction::Update => "update",
            StatusAction::Install => "install",
        }
    }
}

/// "Update" and "Install the app".
fn on_status_click(pwa: PwaState, ev: web_sys::MouseEvent) {
    match clicked(&ev) {
        Some((StatusAction::Update, _)) => pwa::apply_update(),
        Some((StatusAction::Install, _)) => pwa::prompt_install(pwa),
        None => {}
    }
}

/// The status notices (plain DOM, rebuilt when one changes), and "Install
/// the app" in the toolbar's `install` slot (one effect for both).
fn status_bar(pwa: PwaState, embedded: bool, install: web_sys::Element) -> El {
    let state = AppState::get();
    let status = El::new("div")
        .class("status")
        .on("click", move |ev| on_status_click(pwa, ev));
    let div = status.element();
    Effect::new(move || {
        replace_children(&div, status_notices(state, pwa, embedded));
        let button = (pwa.can_install.get() && state.more().is_some()).then(|| {
            El::button(StatusAction::Install, state.t(Key::InstallButton))
                .class("install")
                .attr("data-testid", "install")
        });
        replace_children(&install, button);
    });
    status
}

/// The language `<select>`. A language is shown once its pack has loaded
/// (at once when it is cached); the choice is saved and put in the URL.
fn language_switcher() -> [El; 2] {
    let state = AppState::get();
    let loading = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let on_change = move |ev: web_sys::Event| {
        let Some(lang) = Lang::from_code(&event_target_value(&ev)) else {
            return;
        };
        loading.set(true);
        failed.set(false);
        leptos::task::spawn_local(async move {
            // On failure: says so and puts the `<select>` back on the
            // language still shown.
            let fail = move || {
                loading.set(false);
                failed.set(true);
                state.lang.notify();
            };
            if packs::load(lang).await.is_err() {
                return fail();
            }
            // After start-up, the new language's second part too, so that
            // the reminders, the tools and the advice change language at
            // once: without it the switch fails as without the first part.
            let more = match state.more.get_untracked() {
                Some(_) => match packs::load_more(lang).await {
                    Ok(more) => Some(more),
                    Err(_) => return fail(),
                },
                None => None,
            };
            loading.set(false);
            fatal::set_lang(lang);
            state.install(lang, more);
            state.params.update(|p| p.lang = Some(lang));
            reminders_link::language(lang);
        });
    };
    // Options and notice are plain DOM: the `<select>` is never rebuilt, so
    // it keeps keyboard focus when the language changes.
    let label = El::new("span");
    keep_text(&label.element(), Key::LangLabel);
    let select = El::new("select").attr("id", "lang").on("change", on_change);
    let choices = select
        .element()
        .unchecked_into::<web_sys::HtmlSelectElement>();
    for l in Lang::ALL {
        let choice = option(l.code(), l.native_name(), false).attr("lang", l.code());
        let _ = choices.append_child(&choice.into_element());
    }
    let notice = El::new("div");
    let div = notice.element();
    Effect::new(move || {
        choices.set_value(state.lang.get().code());
        let _ = match loading.get() {
            true => choices.set_attribute("aria-busy", "true"),
            false => choices.remove_attribute("aria-busy"),
        };
        let alert = failed.get().then(|| {
            El::new("p")
                .class("notice")
                .attr("role", "alert")
                .attr("data-testid", "lang-failed")
                .text(state.t(Key::LangLoadFailed))
        });
        replace_children(&div, alert);
    });
    [
        El::new("label").class("lang").child(label).child(select),
        notice,
    ]
}
