//! Looplab's browser app. The engine (crates/engine) runs the learner's
//! program; this crate only drives it ([`driver`]) and draws: [`app`] (the
//! shell, routed by [`route`]), [`playground`], the [`course`] pages with
//! the learner's [`progress`], and [`runner`] (toolbar, [`editor`],
//! [`console`]) that both embed.

mod app;
mod browser;
mod clock;
mod console;
mod console_model;
mod course;
mod driver;
mod editor;
mod json;
mod palette;
mod panels;
mod playground;
mod progress;
mod route;
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
