//! The installed-app side: service worker registration and "update
//! available", the online/offline state, and the install prompt. None of it
//! runs in embed mode (a frame must not register a service worker).

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerRegistration, ServiceWorkerState};

/// Set when the user asked for the update, so that only then does the page
/// reload on `controllerchange` (the first install also changes controller).
static RELOAD_ON_CONTROLLER_CHANGE: AtomicBool = AtomicBool::new(false);

thread_local! {
    /// The deferred `beforeinstallprompt` event, if the browser offered one.
    static INSTALL_PROMPT: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

/// What the UI shows about the installed app.
#[derive(Clone, Copy)]
pub struct PwaState {
    /// A new version is installed and waiting.
    pub update_ready: RwSignal<bool>,
    /// `navigator.onLine`.
    pub online: RwSignal<bool>,
    /// The browser offered installation (`beforeinstallprompt`).
    pub can_install: RwSignal<bool>,
    /// iOS Safari, not installed: show the "Add to Home Screen" hint.
    pub ios_hint: bool,
}

fn listen(target: &web_sys::EventTarget, event: &str, f: impl FnMut(web_sys::Event) + 'static) {
    let closure = Closure::<dyn FnMut(web_sys::Event)>::new(f);
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    // The listeners live as long as the page.
    closure.forget();
}

/// Starts watching the network and (outside embed mode) the install prompt.
/// The service worker is registered later, by [`register_worker`].
pub fn start(embed: bool) -> PwaState {
    let Some(window) = web_sys::window() else {
        return PwaState {
            update_ready: RwSignal::new(false),
            online: RwSignal::new(true),
            can_install: RwSignal::new(false),
            ios_hint: false,
        };
    };
    let navigator = window.navigator();
    let standalone = window
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    let ua = navigator.user_agent().unwrap_or_default();
    let state = PwaState {
        update_ready: RwSignal::new(false),
        online: RwSignal::new(navigator.on_line()),
        can_install: RwSignal::new(false),
        ios_hint: !embed
            && !standalone
            && ["iPhone", "iPad", "iPod"].iter().any(|d| ua.contains(d)),
    };
    listen(&window, "online", move |_| state.online.set(true));
    listen(&window, "offline", move |_| state.online.set(false));
    if embed {
        return state;
    }
    listen(&window, "beforeinstallprompt", move |e| {
        e.prevent_default();
        INSTALL_PROMPT.with(|p| *p.borrow_mut() = Some(e.into()));
        state.can_install.set(true);
    });
    listen(&window, "appinstalled", move |_| {
        state.can_install.set(false)
    });
    state
}

fn service_workers() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Absent in some contexts (insecure origins, some in-app browsers).
    js_sys::Reflect::has(&navigator, &"serviceWorker".into())
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

/// Registers the service worker (not in embed mode: see the module). Call it once the page
/// has finished starting: a first install downloads every file again and
/// works on the browser's threads, which must not compete with the first
/// render (it doubled the time the page was unresponsive in Lighthouse).
pub fn register_worker(state: PwaState) {
    let Some(container) = service_workers() else {
        return;
    };
    listen(&container, "controllerchange", |_| {
        if RELOAD_ON_CONTROLLER_CHANGE.load(Ordering::Relaxed) {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        }
    });
    // An installed app can stay open for days: look for a new version
    // whenever it comes back to the foreground.
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        let doc = document.clone();
        listen(&document, "visibilitychange", move |_| {
            if doc.visibility_state() != web_sys::VisibilityState::Visible {
                return;
            }
            let Some(container) = service_workers() else {
                return;
            };
            let promise = container.get_registration();
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(reg) = JsFuture::from(promise)
                    .await
                    .ok()
                    .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok())
                {
                    if let Ok(p) = reg.update() {
                        let _ = JsFuture::from(p).await;
                    }
                }
            });
        });
    }
    let has_controller = container.controller().is_some();
    let promise = container.register("./sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(reg) = JsFuture::from(promise).await else {
            return;
        };
        let Ok(reg) = reg.dyn_into::<ServiceWorkerRegistration>() else {
            return;
        };
        if has_controller && reg.waiting().is_some() {
            state.update_ready.set(true);
        }
        let reg_for_update = reg.clone();
        listen(&reg, "updatefound", move |_| {
            let Some(installing) = reg_for_update.installing() else {
                return;
            };
            let worker = installing.clone();
            listen(&installing, "statechange", move |_| {
                let controlled = service_workers().is_some_and(|c| c.controller().is_some());
                if worker.state() == ServiceWorkerState::Installed && controlled {
                    state.update_ready.set(true);
                }
            });
        });
    });
}

/// Activates the waiting version; the page reloads into it.
pub fn apply_update() {
    let Some(container) = service_workers() else {
        return;
    };
    RELOAD_ON_CONTROLLER_CHANGE.store(true, Ordering::Relaxed);
    let promise = container.get_registration();
    wasm_bindgen_futures::spawn_local(async move {
        let reg = JsFuture::from(promise)
            .await
            .ok()
            .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok());
        match reg.and_then(|r| r.waiting()) {
            Some(waiting) => {
                let message = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into());
                let _ = waiting.post_message(&message);
            }
            // Nothing waiting any more (another tab applied it): just reload.
            None => {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            }
        }
    });
}

/// Shows the browser's install dialog, if it offered one.
pub fn prompt_install(state: PwaState) {
    let Some(event) = INSTALL_PROMPT.with(|p| p.borrow_mut().take()) else {
        return;
    };
    if let Ok(prompt) = js_sys::Reflect::get(&event, &"prompt".into()) {
        if let Some(f) = prompt.dyn_ref::<js_sys::Function>() {
            let _ = f.call0(&event);
        }
    }
    state.can_install.set(false);
}
