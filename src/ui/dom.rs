//! A tiny, non-generic DOM builder for the large read-only parts of the page
//! (results, advice). Leptos' typed views monomorphize per element tree, which
//! cost about 60 KB of brotli'd wasm for these sections; built here with plain
//! web-sys calls they cost a few KB. Text is only ever set as text nodes, so
//! nothing a catalog or a URL holds can become markup.

use leptos::prelude::Owner;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

use crate::domain::{typography, Lang};

/// An element under construction.
pub struct El(Element);

thread_local! {
    /// The page's document, looked up once: every element and text node is
    /// made from it, and each lookup is two calls into JavaScript.
    static DOCUMENT: Option<Document> = web_sys::window().and_then(|w| w.document());
}

fn document() -> Option<Document> {
    DOCUMENT.with(Clone::clone)
}

impl El {
    /// A new, detached element.
    pub fn new(tag: &str) -> El {
        match document().and_then(|d| d.create_element(tag).ok()) {
            Some(el) => El(el),
            None => no_document(),
        }
    }

    /// Sets an attribute.
    pub fn attr(self, name: &str, value: &str) -> El {
        let _ = self.0.set_attribute(name, value);
        self
    }

    /// Sets the `class` attribute.
    pub fn class(self, class: &str) -> El {
        self.attr("class", class)
    }

    /// Appends a text node.
    pub fn text(self, text: &str) -> El {
        if let Some(d) = document() {
            let _ = self.0.append_child(&d.create_text_node(text));
        }
        self
    }

    /// Appends a child element.
    pub fn child(self, child: El) -> El {
        let _ = self.0.append_child(&child.0);
        self
    }

    /// Appends a child element if there is one.
    pub fn maybe(self, child: Option<El>) -> El {
        match child {
            Some(c) => self.child(c),
            None => self,
        }
    }

    /// Appends every child.
    pub fn children(mut self, children: impl IntoIterator<Item = El>) -> El {
        for c in children {
            self = self.child(c);
        }
        self
    }

    /// Appends a title in bold with the language's colon, then `text`:
    /// "**Keep the receipt:** …", "**保留收据：**…".
    pub fn titled(self, lang: Lang, title: &str, text: &str) -> El {
        self.child(El::new("strong").text(&typography::label(lang, title, "")))
            .text(text)
    }

    /// Calls `handler` on every `event` at the element (or bubbling to it),
    /// in the reactive owner current now, as Leptos' `on:` does. For the
    /// sections, which stay for the page's life: the listener is never removed.
    pub fn on<E: JsCast + 'static>(self, event: &str, handler: impl Fn(E) + 'static) -> El {
        let owner = Owner::current().unwrap_or_default();
        let handler = move |ev: web_sys::Event| owner.with(|| handler(ev.unchecked_into()));
        listen(&self.0, event, Closure::new(handler));
        self
    }

    /// The finished element.
    pub fn into_element(self) -> Element {
        self.0
    }

    /// Another handle to the same element (to fill it in later).
    pub fn element(&self) -> Element {
        self.0.clone()
    }
}

impl From<Element> for El {
    /// Builds on an element that already exists (appending to it).
    fn from(element: Element) -> El {
        El(element)
    }
}

/// Adds `listener` to `element` for the page's life (one copy of this code
/// for every [`El::on`]).
fn listen(element: &Element, event: &str, listener: Closure<dyn Fn(web_sys::Event)>) {
    let _ = element.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
    listener.forget();
}

/// A document always exists where this code runs (a window's page); should
/// it not, this throws a JavaScript error rather than panicking.
fn no_document() -> ! {
    wasm_bindgen::throw_str("AzSIM: no document to build elements in")
}

/// Replaces the children of `parent` with `children`.
pub fn replace_children(parent: &Element, children: impl IntoIterator<Item = El>) {
    parent.set_text_content(None);
    for c in children {
        let _ = parent.append_child(&c.0);
    }
}

/// The page's width in CSS pixels, without a scroll bar.
pub fn page_width() -> Option<i32> {
    let root = web_sys::window()?.document()?.document_element()?;
    Some(root.client_width())
}

/// What a button does: written in its `data-action` by [`El::button`] and
/// read back by [`clicked`], in the one click listener of its section. Each
/// section has its own enum, matched exhaustively there.
pub trait Action: Copy + 'static {
    /// Every action of the section.
    const ALL: &'static [Self];

    /// The `data-action` value.
    fn as_str(self) -> &'static str;

    /// The action a `data-action` value names, if it is one of this section's.
    fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|a| a.as_str() == value)
    }
}

impl El {
    /// A `<button type="button">` that does `action`, labelled `label`.
    pub fn button(action: impl Action, label: &str) -> El {
        El::action_button(action.as_str(), label)
    }

    fn action_button(action: &str, label: &str) -> El {
        El::new("button")
            .attr("type", "button")
            .attr("data-action", action)
            .text(label)
    }
}

/// The action of the button a click landed in (or on), with the button.
/// Every button in a section is built from that section's enum, so a value
/// that does not parse is a bug: a debug build stops on it.
pub fn clicked<A: Action>(ev: &web_sys::Event) -> Option<(A, Element)> {
    let (value, button) = clicked_action(ev)?;
    let action = A::parse(&value);
    debug_assert!(action.is_some(), "a button with an unknown action: {value}");
    Some((action?, button))
}

/// The `data-action` of the button a click landed in, with the button.
fn clicked_action(ev: &web_sys::Event) -> Option<(String, Element)> {
    use wasm_bindgen::JsCast;
    let button = ev
        .target()?
        .dyn_into::<Element>()
        .ok()?
        .closest("button[data-action]")
        .ok()
        .flatten()?;
    Some((button.get_attribute("data-action")?, button))
}

/// The value of the form control named `name` inside `scope` (input, select
/// or textarea), or "" if there is none.
pub fn value_in(scope: &Element, name: &str) -> String {
    control_in(scope, name)
        .and_then(|e| js_sys::Reflect::get(&e, &"value".into()).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// Sets the value of the form control named `name` inside `scope`, if there
/// is one.
pub fn set_value_in(scope: &Element, name: &str, value: &str) {
    if let Some(e) = control_in(scope, name) {
        let _ = js_sys::Reflect::set(&e, &"value".into(), &value.into());
    }
}

fn control_in(scope: &Element, name: &str) -> Option<Element> {
    scope
        .query_selector(&format!("[name=\"{name}\"]"))
        .ok()
        .flatten()
}

/// A form control with its label: `control` gets the id and the name `id`
/// (the id for its label, the name for [`value_in`]).
pub fn labelled(id: &str, label: &str, control: El) -> [El; 2] {
    [
        El::new("label").attr("for", id).text(label),
        control.attr("id", id).attr("name", id),
    ]
}

/// An `<option>`.
pub fn option(value: &str, text: &str, selected: bool) -> El {
    let o = El::new("option").attr("value", value).text(text);
    if selected {
        o.attr("selected", "")
    } else {
        o
    }
}
