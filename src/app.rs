//! The page shell: the header with the site navigation, then the page the
//! address shows ([`Route`]). The route follows `hashchange`, so the back
//! button and links between course pages work without reloading; a route
//! of the other page ([`Site`]) loads that page.

use yew::prelude::*;

use crate::route::Route;
use crate::Site;

fn current_route() -> Route {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    Route::parse(&hash)
}

/// Loads the other page when the address is one of its routes; true when
/// it did (this page then shows nothing).
pub fn send_elsewhere(here: Site) -> bool {
    let route = current_route();
    if route.site() == here {
        return false;
    }
    if let Some(w) = web_sys::window() {
        // `replace`: the back button should not bounce through this page.
        let _ = w.location().replace(&route.link_from(here));
    }
    true
}

/// The current route, updated on every `hashchange`.
#[hook]
fn use_route(here: Site) -> Route {
    let route = use_state(current_route);
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            crate::browser::on_hashchange(move || {
                if send_elsewhere(here) {
                    return;
                }
                let next = current_route();
                // A share link rewrites the fragment of the same page.
                if *route != next {
                    route.set(next);
                }
            })
        });
    }
    (*route).clone()
}

#[derive(Properties)]
pub struct AppProps {
    /// Which page this is.
    pub site: Site,
    /// What the page shows for a route of its own.
    pub page: fn(&Route) -> Html,
}

/// Each binary passes one fixed `page`, so the site alone tells props apart
/// (comparing function pointers means nothing).
impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        self.site == other.site
    }
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let here = props.site;
    let route = use_route(here);
    let nav = |label: &str, href: String, current: bool, testid: &'static str| {
        html! {
            <a class={classes!("nav-link", current.then_some("current"))} {href}
               aria-current={current.then_some("page")} data-testid={testid}>{ label.to_string() }</a>
        }
    };
    html! {
        <div class="app">
            <header class="top">
                <a class="brand" href={Route::Playground.link_from(here)}>
                    <span class="logo" aria-hidden="true">{"⟳"}</span>
                    <span class="name">{"Looplab"}</span>
                    <span class="tagline">{"watch asyncio run"}</span>
                </a>
                <nav class="site-nav" aria-label="Site">
                    { nav("Playground", Route::Playground.link_from(here), route == Route::Playground, "nav-playground") }
                    { nav("Course", Route::Learn.link_from(here), route.in_course(), "nav-course") }
                    { nav("Progress", Route::Progress.link_from(here), route == Route::Progress, "nav-progress") }
                </nav>
            </header>
            { (props.page)(&route) }
        </div>
    }
}
