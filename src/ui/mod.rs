//! The browser app: state, URL sync and the page's sections. Components stay
//! thin: decisions live in `domain`.

mod advice;
mod clock;
mod dom;
mod files;
mod notify;
mod path_card;
mod picker;
mod reminders;
mod results;
mod tools;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::domain::{AppParams, Catalog, CatalogError, Lang, Query};
use crate::embed;
use crate::i18n::{t, Key};
use crate::pwa::{self, PwaState};

/// The app's shared state, provided once as context.
#[derive(Clone, Copy)]
pub struct AppState {
    pub catalog: &'static Catalog,
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

fn current_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

fn browser_languages() -> Vec<String> {
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
        if let Some(w) = web_sys::window() {
            let path = w.location().pathname().unwrap_or_else(|_| "/".into());
            if let Ok(history) = w.history() {
                let _ = history.replace_state_with_url(
                    &JsValue::NULL,
                    "",
                    Some(&format!("{path}{search}")),
                );
            }
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
pub fn App(catalog: Result<&'static Catalog, Vec<CatalogError>>) -> impl IntoView {
    let params = AppParams::parse(&current_search());
    let stored = reminders::ReminderState::load();
    let saved = stored.doc.with_untracked(|d| d.prefs.lang.clone());
    let languages = browser_languages();
    let lang = Lang::detect(
        params.lang,
        saved.as_deref(),
        languages.iter().map(String::as_str),
    );

    let catalog = match catalog {
        Ok(c) => c,
        Err(errors) => return view! { <CatalogBroken lang errors /> }.into_any(),
    };
    let embedded = params.embed;
    embed::apply_display(&params);
    if embedded {
        embed::watch_height();
    }
    let pwa = pwa::start(embedded);
    let state = AppState {
        catalog,
        lang: RwSignal::new(lang),
        query: RwSignal::new(params.query),
        params: RwSignal::new(params),
        reminders: stored,
    };
    provide_context(state);
    sync_page(state);

    // The sections below the results render a moment later, so that the
    // first task after the wasm loads stays short (Lighthouse: TBT).
    let later = RwSignal::new(false);
    defer(move || later.set(true));
    view! {
        <div class="toolbar">
            <a class="skip" href="#results">{state.text(Key::SkipToResults)}</a>
            <LanguageSwitcher />
        </div>
        <StatusBar pwa embedded />
        <reminders::DueBanner />
        <picker::Picker />
        <results::Results />
        <Show when=move || later.get()>
            <reminders::RemindersSection />
            <notify::NotifyOptIn embedded />
            <tools::Tools />
            <advice::Advice />
            <div class="foot">
                <p data-testid="checked">
                    {move || crate::i18n::t_with(state.lang.get(), Key::CatalogChecked, "date", &state.catalog.checked)}
                </p>
                <p>{state.text(Key::Privacy)}</p>
                {embedded.then(|| view! { <p>{state.text(Key::EmbedStorageNote)}</p> })}
            </div>
        </Show>
    }
    .into_any()
}

/// Runs `f` after the browser has had a chance to paint.
fn defer(f: impl FnOnce() + 'static) {
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
            <Show when=move || pwa.can_install.get()>
                <button type="button" class="install" data-testid="install" on:click=move |_| pwa::prompt_install(pwa)>
                    {state.text(Key::InstallButton)}
                </button>
            </Show>
            {pwa.ios_hint.then(|| view! { <p class="notice">{state.text(Key::IosInstallHint)}</p> })}
        </div>
    }
}

/// The language `<select>`; the choice is saved and put in the URL.
#[component]
fn LanguageSwitcher() -> impl IntoView {
    let state = AppState::get();
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(lang) = Lang::from_code(&event_target_value(&ev)) {
            state.lang.set(lang);
            state.params.update(|p| p.lang = Some(lang));
            state
                .reminders
                .commit(|d| d.prefs.lang = Some(lang.code().to_owned()));
        }
    };
    view! {
        <label class="lang">
            <span>{state.text(Key::LangLabel)}</span>
            <select id="lang" on:change=on_change>
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
    }
}

/// Shown instead of the app when the built-in catalog fails validation.
#[component]
fn CatalogBroken(lang: Lang, errors: Vec<CatalogError>) -> impl IntoView {
    view! {
        <div>
            <h1>{t(lang, Key::AppTitle)}</h1>
            <p role="alert">{t(lang, Key::CatalogBroken)}</p>
            <ul>{errors.into_iter().map(|e| view! { <li>{e.to_string()}</li> }).collect_view()}</ul>
        </div>
    }
}
