//! The playground page: toolbar, editor and console around one [`Driver`].

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::browser;
use crate::clock::Speed;
use crate::console::Console;
use crate::driver::{Driver, RunStatus};
use crate::editor::{mark_line, Editor};
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

/// The code to open with: a share link's, else the autosaved, else the welcome program.
fn initial_code() -> String {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    share::code_from_fragment(&hash)
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
pub fn App() -> Html {
    let redraw = use_force_update();
    let driver = use_memo((), move |_| Driver::new(move || redraw.force_update()));
    let driver = (*driver).clone();
    {
        let driver = driver.clone();
        use_effect_with((), move |_| driver.warm_up());
    }
    let initial = use_memo((), |_| AttrValue::from(initial_code()));
    let code: Rc<RefCell<String>> = use_mut_ref(|| initial.to_string());
    let shared = use_state(|| false);

    let on_change = {
        let code = code.clone();
        Callback::from(move |text: String| {
            browser::save(&autosave_key(), &text);
            *code.borrow_mut() = text;
        })
    };
    let run = {
        let (driver, code) = (driver.clone(), code.clone());
        Callback::from(move |_: ()| driver.start(&code.borrow()))
    };
    let (status, clock, error_line, runs, version) =
        driver.with_session(|s| (s.status, s.clock, s.error_line, s.runs, s.version));
    use_effect_with((runs, error_line), move |(_, line)| mark_line(*line));

    let on_run_click = run.reform(|_: MouseEvent| ());
    let on_pause = {
        let driver = driver.clone();
        Callback::from(move |_: MouseEvent| match status {
            RunStatus::Paused => driver.resume(),
            _ => driver.pause(),
        })
    };
    let on_step = {
        let (driver, code) = (driver.clone(), code.clone());
        Callback::from(move |_: MouseEvent| driver.step(&code.borrow()))
    };
    let on_stop = {
        let driver = driver.clone();
        Callback::from(move |_: MouseEvent| driver.stop())
    };
    let on_speed = {
        let driver = driver.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
                .map(|s| s.value());
            if let Some(speed) = value.as_deref().and_then(Speed::parse) {
                driver.set_speed(speed);
            }
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
    let speed = driver.speed().value();
    let live = status.is_live();

    html! {
        <div class="app">
            <header class="top">
                <div class="brand">
                    <span class="logo" aria-hidden="true">{"⟳"}</span>
                    <span class="name">{"Looplab"}</span>
                    <span class="tagline">{"watch asyncio run"}</span>
                </div>
                <nav class="toolbar" aria-label="Run controls">
                    <button class="btn primary" data-testid="run" onclick={on_run_click} title="Run (Ctrl+Enter)">
                        { if live { "↻ Restart" } else { "▶ Run" } }
                    </button>
                    <button class="btn" data-testid="pause" onclick={on_pause} disabled={!live}>
                        { if status == RunStatus::Paused { "▶ Resume" } else { "❚❚ Pause" } }
                    </button>
                    <button class="btn" data-testid="step" onclick={on_step} title="Run one scheduler step">{"⇥ Step"}</button>
                    <button class="btn danger" data-testid="stop" onclick={on_stop} disabled={!live}>{"■ Stop"}</button>
                    <label class="speed">
                        <span>{"Speed"}</span>
                        <select data-testid="speed" onchange={on_speed}>
                            { for Speed::CHOICES.iter().map(|(value, label)| html! {
                                <option value={*value} selected={*value == speed}>{ *label }</option>
                            }) }
                        </select>
                    </label>
                    <button class="btn" data-testid="share" onclick={on_share} title="Copy a link to this code">
                        { if *shared { "✓ Link copied" } else { "Share" } }
                    </button>
                </nav>
            </header>
            <main class="panes">
                <section class="pane editor-pane" aria-label="Code">
                    <div class="pane-head"><span>{"main.py"}</span></div>
                    <Editor initial={(*initial).clone()} on_run={run} {on_change} />
                </section>
                <section class="pane console-pane" aria-label="Output">
                    <div class="pane-head">
                        <span>{"Console"}</span>
                        <span class="clock" title="Virtual time">{ format!("t = {clock:.3} s") }</span>
                        <span class={classes!("status", status.as_str())} data-testid="run-status">{ status.as_str() }</span>
                    </div>
                    <Console driver={driver.clone()} {version} />
                </section>
            </main>
        </div>
    }
}
