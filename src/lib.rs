//! Looplab's browser app. The engine (crates/engine) runs the learner's
//! program; this crate only drives it ([`driver`]) and draws: [`app`] (the
//! shell, routed by [`route`]), [`playground`], the [`course`] pages with
//! the learner's [`progress`], and [`runner`] (toolbar, [`editor`],
//! [`console`]) that both embed.
//!
//! The site is two pages, each its own wasm binary: the playground
//! (`src/main.rs`, `index.html`) and the course (`src/bin/learn.rs`,
//! `learn.html`, served under `learn/`). The playground is the first load,
//! so it must not carry the course's pages, content and checker; the
//! course page is loaded only by those who open it.

pub mod app;
mod browser;
mod clock;
mod console;
mod console_model;
pub mod course;
mod driver;
mod editor;
mod json;
mod modules;
mod palette;
mod panels;
pub mod playground;
mod progress;
pub mod route;
mod runner;
mod share;
mod timeline;
mod traceback;

/// Which of the two pages this binary is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Site {
    Playground,
    Course,
}

/// Starts the app of `site`, showing `page(route)` under the shared header.
/// An address that belongs to the other page (an old `#/lesson/...` link
/// on the playground, say) is sent there first.
pub fn start(site: Site, page: fn(&route::Route) -> yew::Html) {
    if app::send_elsewhere(site) {
        return;
    }
    register_service_worker(site);
    remove_loading_page();
    yew::Renderer::<app::App>::with_props(app::AppProps { site, page }).render();
}

/// The page's own HTML shows a header and "Loading…" until the app runs.
fn remove_loading_page() {
    let boot = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("boot"));
    if let Some(boot) = boot {
        boot.remove();
    }
}

/// After the first visit the app works offline (static/sw.js caches it).
/// The worker lives at the site's root so it serves both pages. It is
/// registered a little after start-up: installing it fetches and compiles
/// every asset again, which on a cold load would compete with the page's
/// own start and the learner's first run.
fn register_service_worker(site: Site) {
    gloo_timers::callback::Timeout::new(SERVICE_WORKER_DELAY_MS, move || register_now(site)).forget();
}

/// Real ms after start-up before the service worker is registered.
const SERVICE_WORKER_DELAY_MS: u32 = 2000;

fn register_now(site: Site) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if window.location().protocol().ok().as_deref() == Some("file:") {
        return;
    }
    let url = match site {
        Site::Playground => "./sw.js",
        Site::Course => "../sw.js",
    };
    let _ = window.navigator().service_worker().register(url);
}
