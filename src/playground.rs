//! The playground page: a [`Runner`] on free code, with share links and
//! autosave.

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::browser;
use crate::runner::{use_driver, Runner};
use crate::share;

/// What a first visit shows: two tasks interleaving in real time.
const WELCOME: &str = r#"import asyncio

async def count(name, delay):
    for i in range(1, 4):
        await asyncio.sleep(delay)
        print(f"{name}: {i}")

async def main():
    print("start")
    await asyncio.gather(
        count("fast", 0.5),
        count("slow", 1.0),
    )
    print("done")

asyncio.run(main())
"#;

/// The autosave key of this page.
fn autosave_key() -> String {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    format!("looplab:code:{path}")
}

/// The code of the share link in the address bar, if it is one.
fn shared_code() -> Option<String> {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    share::code_from_fragment(&hash)
}

/// The code to open with: a share link's, else the autosaved, else the welcome program.
fn initial_code() -> String {
    shared_code()
        .or_else(|| browser::load(&autosave_key()))
        .unwrap_or_else(|| WELCOME.to_string())
}

/// Puts the share link in the address bar and on the clipboard; returns it.
fn share_link(code: &str) -> Option<String> {
    let window = web_sys::window()?;
    let loc = window.location();
    let url = format!(
        "{}{}{}",
        loc.origin().ok()?,
        loc.pathname().ok()?,
        share::fragment_for(code)
    );
    let _ =
        window
            .history()
            .ok()?
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    let _ = window.navigator().clipboard().write_text(&url);
    Some(url)
}

#[function_component]
pub fn Playground() -> Html {
    let driver = use_driver();
    // The code the runner opened with, and how many times one was opened:
    // a share link pasted into the address bar of an open page opens its
    // code too (a new runner, as a page showing other code does).
    let opened = use_state(|| (0u32, AttrValue::from(initial_code())));
    let code = use_mut_ref(|| opened.1.to_string());
    let shared = use_state(|| false);
    {
        let (opened, code) = (opened.clone(), code.clone());
        use_effect_with((), move |_| {
            // The listener outlives renders: it counts openings itself.
            let mut count = 0;
            browser::on_hashchange(move || {
                let Some(next) = shared_code() else { return };
                if next != *code.borrow() {
                    *code.borrow_mut() = next.clone();
                    count += 1;
                    opened.set((count, AttrValue::from(next)));
                }
            })
        });
    }

    let on_change = {
        let code = code.clone();
        Callback::from(move |text: String| {
            browser::save(&autosave_key(), &text);
            *code.borrow_mut() = text;
        })
    };
    let on_share = {
        let (code, shared) = (code.clone(), shared.clone());
        Callback::from(move |_: MouseEvent| {
            if share_link(&code.borrow()).is_some() {
                shared.set(true);
                let shared = shared.clone();
                Timeout::new(2000, move || shared.set(false)).forget();
            }
        })
    };
    html! {
        <Runner key={opened.0} {driver} initial={opened.1.clone()} {on_change}>
            <button class="btn" data-testid="share" onclick={on_share} title="Copy a link to this code">
                { if *shared { "✓ Link copied" } else { "Share" } }
            </button>
        </Runner>
    }
}
