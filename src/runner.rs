//! The runner: run controls, the editor and the console around one
//! [`Driver`]. Every page that runs code (the playground, a lesson's
//! example, an exercise) embeds one; the page owns the driver, so it can
//! read the run's trace too, and adds its own buttons to the toolbar.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::clock::Speed;
use crate::console::Console;
use crate::driver::{Driver, RunStatus};
use crate::editor::{mark_line, Editor};

/// A driver for this component's lifetime, warmed up once it is drawn.
#[hook]
pub fn use_driver() -> Driver {
    let driver = (*use_memo((), |_| Driver::new())).clone();
    {
        let driver = driver.clone();
        use_effect_with((), move |_| driver.warm_up());
    }
    driver
}

/// Redraws the calling component whenever `driver` reports a change.
#[hook]
pub fn use_driver_updates(driver: &Driver) {
    let redraw = use_force_update();
    let driver = driver.clone();
    use_effect_with(driver, move |driver| {
        let id = driver.subscribe(move || redraw.force_update());
        let driver = driver.clone();
        move || driver.unsubscribe(id)
    });
}

#[derive(Properties, PartialEq)]
pub struct RunnerProps {
    pub driver: Driver,
    /// The code the editor opens with.
    pub initial: AttrValue,
    /// Every edit, with the whole text.
    pub on_change: Callback<String>,
    /// Name shown above the editor.
    #[prop_or(AttrValue::Static("main.py"))]
    pub file: AttrValue,
    /// Page-specific toolbar buttons (Share, Check, ...).
    #[prop_or_default]
    pub children: Html,
}

#[function_component]
pub fn Runner(props: &RunnerProps) -> Html {
    let driver = props.driver.clone();
    use_driver_updates(&driver);
    let code: Rc<RefCell<String>> = use_mut_ref(|| props.initial.to_string());

    let on_change = {
        let (code, outer) = (code.clone(), props.on_change.clone());
        Callback::from(move |text: String| {
            *code.borrow_mut() = text.clone();
            outer.emit(text);
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
    let speed = driver.speed().value();
    let live = status.is_live();

    html! {
        <div class="runner">
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
                <span class="toolbar-extra">{ props.children.clone() }</span>
            </nav>
            <div class="panes">
                <section class="pane editor-pane" aria-label="Code">
                    <div class="pane-head"><span>{ props.file.clone() }</span></div>
                    <Editor initial={props.initial.clone()} on_run={run} {on_change} />
                </section>
                <section class="pane console-pane" aria-label="Output">
                    <div class="pane-head">
                        <span>{"Console"}</span>
                        <span class="clock" title="Virtual time">{ format!("t = {clock:.3} s") }</span>
                        <span class={classes!("status", status.as_str())} data-testid="run-status">{ status.as_str() }</span>
                    </div>
                    <Console driver={driver.clone()} {version} />
                </section>
            </div>
        </div>
    }
}
