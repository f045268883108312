//! The browser app: state, URL sync and the page's sections. Components stay
//! thin: decisions live in `domain`.

mod advice;
mod clock;
mod dom;
pub mod fatal;
mod files;
mod notify;
mod path_card;
mod picker;
mod reminders;
mod results;
mod tools;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::domain::{AppParams, Catalog, Lang, Query};
use crate::i18n::{t, Key, Pack};
use crate::pwa::{self, PwaState};
use crate::storage::Loaded;
use crate::{embed, i18n, packs};

/// What [`App`] starts from: read before the first language pack loads.
pub struct Boot {
    pub params: AppParams,
    pub stored: Loaded,
    /// The language to show; its pack is installed.
    pub lang: Lang,
    pub pack: &'static Pack,
}

/// The app's shared state, provided once as context.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The first language's pack, which is always installed.
    first_pack: &'static Pack,
    /// The language shown. It changes only once its pack is installed.
    pub lang: RwSignal<Lang>,
    pub query: RwSignal<Query>,
    /// Display settings from the URL (language chosen there, embed, theme).
    pub params: RwSignal<AppParams>,
    /// Stored reminders and preferences.
    pub reminders: reminders::ReminderState,
}

impl AppState {
    /// The state provided by [`App`].
    pub fn get() -> AppState {
        expect_context::<AppState>()
    }

    /// The catalog with the current language's text (reactive).
    pub fn catalog(&self) -> &'static Catalog {
        &i18n::pack(self.lang.get())
            .unwrap_or(self.first_pack)
            .catalog
    }

    /// The UI string `key` in the current language (reactive).
    pub fn t(&self, key: Key) -> &'static str {
        t(self.lang.get(), key)
    }

    /// A reactive text for a view. Every call returns the same closure type,
    /// so the view code for it is compiled once, not once per string.
    pub fn text(self, key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.t(key)
    }
}

/// The page's query string (`?…`).
pub fn current_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
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

/// Keeps the URL, `<html lang>` and the title in step with the state.
fn sync_page(state: AppState) {
    Effect::new(move || {
        let mut params = state.params.get();
        params.query = state.query.get();
        let search = params.to_search();
        let Some(w) = web_sys::window() else { return };
        // replaceState is a round trip to the browser process: skip it when the
        // address already says this (always so at start).
        if w.location().search().is_ok_and(|now| now == search) {
            return;
        }
        let path = w.location().pathname().unwrap_or_else(|_| "/".into());
        if let Ok(history) = w.history() {
            let _ = history.replace_state_with_url(
                &JsValue::NULL,
                "",
                Some(&format!("{path}{search}")),
            );
        }
    });
    Effect::new(move || {
        let lang = state.lang.get();
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(root) = doc.document_element() {
                let _ = root.set_attribute("lang", lang.code());
            }
            doc.set_title(&format!(
                "{} · {}",
                t(lang, Key::AppTitle),
                t(lang, Key::ResultsHeading)
            ));
            // The masthead is static HTML (painted before the wasm loads);
            // its text changes only when the language does.
            if let Some(tagline) = doc.get_element_by_id("tagline") {
                let text = t(lang, Key::Tagline);
                if tagline.text_content().as_deref() != Some(text) {
                    tagline.set_text_content(Some(text));
                }
            }
        }
    });
}

/// The root component: reads the URL and saved preferences, then renders the
/// picker, the results and the advice.
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
    }
    let pwa = pwa::start(embedded);
    let state = AppState {
        first_pack: pack,
        lang: RwSignal::new(lang),
        query: RwSignal::new(params.query),
        params: RwSignal::new(params),
        reminders: reminders::ReminderState::new(stored),
    };
    provide_context(state);
    sync_page(state);

    // The page is built in steps, each in its own task after the first
    // paint, so that no task blocks the page for long (Lighthouse: TBT):
    // 0 the picker, 1 the results, 2 the reminders, 3 tools and advice.
    let stage = RwSignal::new(0u8);
    step_up(stage, 3);
    view! {
        <div class="toolbar">
            <a class="skip" href="#results">{state.text(Key::SkipToResults)}</a>
            <InstallButton pwa />
            <LanguageSwitcher />
        </div>
        <StatusBar pwa embedded />
        <reminders::DueBanner />
        <picker::Picker />
        <results::Results ready=Memo::new(move |_| stage.get() >= 1) />
        <Show when=move || { stage.get() >= 2 }>
            <reminders::RemindersSection />
            <notify::NotifyOptIn embedded />
        </Show>
        <Show when=move || { stage.get() >= 3 }>
            <tools::Tools />
            <advice::Advice />
            <div class="foot">
                <p data-testid="checked">
                    {move || crate::i18n::t_with(state.lang.get(), Key::CatalogChecked, "date", &state.catalog().checked)}
                </p>
                <p>{state.text(Key::Privacy)}</p>
                {embedded.then(|| view! { <p>{state.text(Key::EmbedStorageNote)}</p> })}
            </div>
        </Show>
    }
}

/// Raises `stage` by one a task until it reaches `last`.
fn step_up(stage: RwSignal<u8>, last: u8) {
    defer(move || {
        stage.update(|s| *s += 1);
        if stage.get_untracked() < last {
            step_up(stage, last);
        }
    });
}

/// Runs `f` in a task of its own, after the browser has had a chance to paint.
pub(crate) fn defer(f: impl FnOnce() + 'static) {
    defer_boxed(Box::new(f));
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
    params.embed = false;
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_else(|| "/".into());
    format!("{path}{}", params.to_search())
}

/// Notices above the picker: offline, update ready, install; in embed mode
/// the link to the full app.
#[component]
fn StatusBar(pwa: PwaState, embedded: bool) -> impl IntoView {
    let state = AppState::get();
    view! {
        <div class="status">
            {embedded.then(|| view! {
                <a class="open-full" data-testid="open-full-app" href=move || full_app_href(state) target="_blank" rel="noopener">
                    {state.text(Key::OpenFullApp)}
                </a>
            })}
            <Show when=move || !pwa.online.get()>
                <p class="notice offline" data-testid="offline" role="status">{state.text(Key::OfflineBadge)}</p>
            </Show>
            <Show when=move || pwa.update_ready.get()>
                <div class="notice update" data-testid="update-banner" role="status">
                    <span>{state.text(Key::UpdateAvailable)}</span>
                    " "
                    <button type="button" on:click=move |_| pwa::apply_update()>{state.text(Key::UpdateButton)}</button>
                </div>
            </Show>
            {pwa.ios_hint.then(|| view! { <p class="notice">{state.text(Key::IosInstallHint)}</p> })}
        </div>
    }
}

/// "Install the app", once the browser offers it. It sits in the toolbar, beside
/// the language, so that appearing late moves nothing on the page.
#[component]
fn InstallButton(pwa: PwaState) -> impl IntoView {
    let state = AppState::get();
    view! {
        <Show when=move || pwa.can_install.get()>
            <button type="button" class="install" data-testid="install" on:click=move |_| pwa::prompt_install(pwa)>
                {state.text(Key::InstallButton)}
            </button>
        </Show>
    }
}

/// The language `<select>`. A language is shown once its pack has loaded
/// (at once when it is cached); the choice is saved and put in the URL.
#[component]
fn LanguageSwitcher() -> impl IntoView {
    let state = AppState::get();
    let loading = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let on_change = move |ev: leptos::ev::Event| {
        let Some(lang) = Lang::from_code(&event_target_value(&ev)) else {
            return;
        };
        loading.set(true);
        failed.set(false);
        leptos::task::spawn_local(async move {
            let loaded = packs::load(lang).await;
            loading.set(false);
            if loaded.is_err() {
                failed.set(true);
                // Puts the `<select>` back on the language still shown.
                state.lang.notify();
                return;
            }
            fatal::set_lang(lang);
            state.lang.set(lang);
            state.params.update(|p| p.lang = Some(lang));
            state
                .reminders
                .commit(|d| d.prefs.lang = Some(lang.code().to_owned()));
        });
    };
    view! {
        <label class="lang">
            <span>{state.text(Key::LangLabel)}</span>
            <select id="lang" on:change=on_change aria-busy=move || loading.get().then_some("true")>
                {Lang::ALL
                    .into_iter()
                    .map(|l| {
                        view! {
                            <option value=l.code() lang=l.code() prop:selected=move || state.lang.get() == l>
                                {l.native_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
        <Show when=move || failed.get()>
            <p class="notice" role="alert" data-testid="lang-failed">{state.text(Key::LangLoadFailed)}</p>
        </Show>
    }
}
