//! Entry point: mounts the app in the browser.

#[cfg(target_arch = "wasm32")]
fn main() {
    azsim::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
