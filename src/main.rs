//! Looplab's browser app. The engine (crates/engine) runs the learner's
//! program; this crate only drives it ([`driver`]) and draws: [`app`] (the
//! shell), [`playground`], and [`runner`] (toolbar, [`editor`], [`console`]).

mod app;
mod browser;
mod clock;
mod console;
mod console_model;
mod driver;
mod editor;
mod palette;
mod panels;
mod playground;
mod runner;
mod share;
mod timeline;
mod traceback;

fn main() {
    register_service_worker();
    yew::Renderer::<app::App>::new().render();
}

/// After the first visit the app works offline (static/sw.js caches it).
fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if window.location().protocol().ok().as_deref() == Some("file:") {
        return;
    }
    let _ = window.navigator().service_worker().register("./sw.js");
}
