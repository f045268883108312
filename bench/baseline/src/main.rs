//! The benchmark baseline: a Leptos "hello" page, nothing else.
use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| {
        view! {
            <main>
                <h1>"Hello from Leptos"</h1>
            </main>
        }
    });
}
