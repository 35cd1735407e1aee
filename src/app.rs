//! The page shell: the header with the site navigation, then the page the
//! address shows ([`Route`]). The route follows `hashchange`, so the back
//! button and links between course pages work without reloading.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::course::{ExercisePage, LearnPage, LessonPage, NotFound, ProgressPage, QuizPage};
use crate::playground::Playground;
use crate::progress;
use crate::route::Route;

fn current_route() -> Route {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    Route::parse(&hash)
}

/// The current route, updated on every `hashchange`.
#[hook]
fn use_route() -> Route {
    let route = use_state(current_route);
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = Closure::<dyn Fn()>::new(move || {
                let next = current_route();
                // A share link rewrites the fragment of the same page.
                if *route != next {
                    route.set(next);
                }
            });
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(w) = window {
                    let _ = w.remove_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
                }
            }
        });
    }
    (*route).clone()
}

#[function_component]
pub fn App() -> Html {
    let route = use_route();
    // Read once before any page does: unreadable progress is reset here,
    // and the notice stays until dismissed.
    let notice = use_state(|| progress::load().1);
    let dismiss = {
        let notice = notice.clone();
        Callback::from(move |_: MouseEvent| notice.set(None))
    };
    let nav = |label: &str, href: String, current: bool, testid: &'static str| {
        html! {
            <a class={classes!("nav-link", current.then_some("current"))} {href}
               aria-current={current.then_some("page")} data-testid={testid}>{ label.to_string() }</a>
        }
    };
    let page = match &route {
        Route::Playground => html! { <Playground /> },
        Route::Learn => html! { <LearnPage /> },
        Route::Lesson(id) => html! { <LessonPage key={id.clone()} id={id.clone()} /> },
        Route::Exercise(id) => html! { <ExercisePage key={id.clone()} id={id.clone()} /> },
        Route::Quiz(id) => html! { <QuizPage key={id.clone()} id={id.clone()} /> },
        Route::Progress => html! { <ProgressPage /> },
        Route::NotFound(path) => html! { <NotFound path={path.clone()} /> },
    };
    html! {
        <div class="app">
            <header class="top">
                <a class="brand" href="#/playground">
                    <span class="logo" aria-hidden="true">{"⟳"}</span>
                    <span class="name">{"Looplab"}</span>
                    <span class="tagline">{"watch asyncio run"}</span>
                </a>
                <nav class="site-nav" aria-label="Site">
                    { nav("Playground", Route::Playground.href(), route == Route::Playground, "nav-playground") }
                    { nav("Course", Route::Learn.href(), route.in_course(), "nav-course") }
                    { nav("Progress", Route::Progress.href(), route == Route::Progress, "nav-progress") }
                </nav>
            </header>
            if let Some(text) = (*notice).clone() {
                <div class="notice" role="alert" data-testid="storage-notice">
                    <span>{ text }</span>
                    <button class="notice-close" onclick={dismiss} aria-label="Dismiss">{"×"}</button>
                </div>
            }
            { page }
        </div>
    }
}
