//! The runner: run controls, the editor and the console around one
//! [`Driver`]. Every page that runs code (the playground, a lesson's
//! example, an exercise) embeds one; the page owns the driver, so it can
//! read the run's trace too, and adds its own buttons to the toolbar.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use gloo_timers::callback::Timeout;

use crate::browser::now_ms;
use crate::clock::Speed;
use crate::console::Console;
use crate::driver::{Driver, RunStatus};
use crate::editor::{mark_line, set_markers, Editor, Marker};
use crate::palette::task_colour;
use crate::panels::{queue::queues, sync::syncs};
use crate::timeline::export;
use crate::timeline::legend::Legend;
use crate::timeline::model::{Lane, LaneKind, Span, State, Timeline};
use crate::timeline::scrubber::Scrubber;
use crate::timeline::view::TimelineView;

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
    /// Each start of a run from the toolbar or Ctrl+Enter.
    #[prop_or_default]
    pub on_run: Callback<()>,
    /// A moment the page wants shown (a verdict's "at 1.0 s").
    #[prop_or_default]
    pub seek: Option<Seek>,
}

/// A request to move the time-travel cursor to virtual time `t`: to the
/// point where everything at that instant has happened. A run still
/// playing is paused there once it gets that far. `request` tells two
/// requests for the same moment apart (the learner clicks it again).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Seek {
    pub t: f64,
    pub request: u32,
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
        let (driver, code, on_run) = (driver.clone(), code.clone(), props.on_run.clone());
        Callback::from(move |_: ()| {
            driver.start(&code.borrow());
            on_run.emit(());
        })
    };
    let (status, clock, error_line, runs, version) =
        driver.with_session(|s| (s.status, s.clock, s.error_line, s.runs, s.version));
    use_effect_with((runs, error_line), move |(_, line)| mark_line(*line));

    // Time travel: None follows the live end; a new run or a new step
    // (new events) goes back there.
    let cursor = use_state_eq(|| None::<usize>);
    let events = driver.with_session(|s| s.timeline.len());
    {
        let cursor = cursor.clone();
        use_effect_with((runs, events), move |_| cursor.set(None));
    }
    let seekable = !matches!(status, RunStatus::Idle | RunStatus::Running);
    {
        // The page's latest request (by number) and the moment still to show.
        let wanted = use_mut_ref(|| (None::<u32>, None::<f64>));
        let (cursor, driver) = (cursor.clone(), driver.clone());
        use_effect_with((props.seek, events, status), move |(seek, _, status)| {
            let mut wanted = wanted.borrow_mut();
            if let Some(s) = seek.filter(|s| wanted.0 != Some(s.request)) {
                *wanted = (Some(s.request), Some(s.t));
            }
            let Some(t) = wanted.1 else { return };
            let (reached, at) = driver.with_session(|s| {
                let p = &s.timeline.positions;
                (p.last().is_some_and(|e| e.t > t + 1e-9), p.partition_point(|e| e.t <= t + 1e-9))
            });
            match status {
                RunStatus::Idle => {}
                RunStatus::Running if reached => driver.pause(),
                RunStatus::Running => {}
                RunStatus::Paused if !reached => driver.resume(),
                _ => {
                    cursor.set(Some(at));
                    wanted.1 = None;
                }
            }
        });
    }
    let at = if seekable {
        cursor.unwrap_or(events).min(events)
    } else {
        events
    };
    let on_seek = {
        let cursor = cursor.clone();
        Callback::from(move |c: usize| cursor.set(Some(c.min(events))))
    };
    let markers = driver.with_session(|s| editor_markers(&s.timeline, at));
    {
        let sync = use_mut_ref(MarkerSync::default);
        use_effect_with((markers, runs), move |(markers, _)| {
            MarkerSync::want(&sync, markers.clone())
        });
    }
    let at_t = driver.with_session(|s| match at {
        0 => 0.0,
        n => s
            .timeline
            .positions
            .get(n - 1)
            .map_or(s.timeline.end().t, |p| p.t),
    });
    let (panels, has_trace) = driver.with_session(|s| {
        let tl = &s.timeline;
        let empty = tl.syncs.iter().all(|q| q.created >= at);
        let panels = if empty {
            html! { <p class="panel-empty">{"Queues, locks, semaphores and events the program creates show here, at the moment under the cursor."}</p> }
        } else {
            html! { <>{ queues(tl, at) }{ syncs(tl, at) }</> }
        };
        (panels, tl.len() > 0)
    });
    let on_export = {
        let driver = driver.clone();
        Callback::from(move |_: MouseEvent| {
            driver.with_trace(|t| {
                if let Some(t) = t {
                    export::download(t);
                }
            })
        })
    };
    let upto = (seekable && cursor.is_some()).then_some(at as u64);

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
                    <Console driver={driver.clone()} {version} {upto} />
                </section>
            </div>
            <div class="viz">
                <div class="viz-bar">
                    <Scrubber {events} cursor={at} t={at_t} {seekable} on_seek={on_seek.clone()} />
                    <button class="btn light" data-testid="export" onclick={on_export} disabled={!has_trace}
                            title="Download this run as a Chrome Trace Event file (open it in ui.perfetto.dev)">{"↓ Perfetto"}</button>
                </div>
                <div class="viz-body">
                    <section class="pane timeline-pane" aria-label="Timeline">
                        <TimelineView driver={driver.clone()} {version} cursor={at} {seekable} {on_seek} />
                        <Legend />
                    </section>
                    <aside class="pane state-pane" aria-label="Queues and locks">
                        <div class="pane-head"><span>{"Queues & locks"}</span><span class="clock">{ format!("t = {at_t:.3} s") }</span></div>
                        <div class="panels">{ panels }</div>
                    </aside>
                </div>
            </div>
        </div>
    }
}

/// Real ms between editor marker updates: scrubbing moves the cursor every
/// frame, and redecorating the editor each time would cost more than the
/// timeline itself; the last state is always shown.
const MARKERS_MS: f64 = 80.0;

/// The editor's task markers: what is shown, and what is to be shown when
/// the next update is due.
#[derive(Default)]
struct MarkerSync {
    shown: Vec<Marker>,
    wanted: Vec<Marker>,
    /// Real ms of the last update.
    at: f64,
    pending: Option<Timeout>,
}

impl MarkerSync {
    fn want(sync: &Rc<RefCell<MarkerSync>>, markers: Vec<Marker>) {
        let mut s = sync.borrow_mut();
        s.wanted = markers;
        if s.pending.is_some() {
            return;
        }
        // Always from a timer, never inside the render: CodeMirror lays
        // the editor out as it takes the new decorations.
        let wait = (s.at + MARKERS_MS - now_ms()).max(0.0);
        let sync2 = sync.clone();
        s.pending = Some(Timeout::new(wait.ceil() as u32, move || {
            let mut s = sync2.borrow_mut();
            s.pending = None;
            s.apply();
        }));
    }

    fn apply(&mut self) {
        self.at = now_ms();
        if self.shown != self.wanted {
            set_markers(&self.wanted);
            self.shown = self.wanted.clone();
        }
    }
}

/// Each waiting task's line in its colour, and the running task's line,
/// once the first `cursor` events have happened. Many tasks waiting on one
/// line share one tag (a thousand tags would bury the code).
fn editor_markers(tl: &Timeline, cursor: usize) -> Vec<Marker> {
    /// Waiting tasks named one by one on a line; more are counted.
    const NAMED: usize = 2;
    let mut lines: BTreeMap<u32, (Option<&Lane>, Vec<(&Lane, &Span)>)> = BTreeMap::new();
    for lane in tl.lanes.iter().filter(|l| l.kind == LaneKind::Task) {
        let Some(span) = lane.span_at(cursor) else {
            continue;
        };
        let Some(line) = span.line else {
            continue;
        };
        match span.state {
            State::Running => lines.entry(line).or_default().0 = Some(lane),
            State::Waiting => lines.entry(line).or_default().1.push((lane, span)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for (line, (running, waiting)) in lines {
        if let Some(lane) = running {
            out.push(Marker {
                line,
                colour: task_colour(lane.id),
                running: true,
                text: format!("▶ {} runs", lane.name),
            });
        }
        if waiting.len() <= NAMED {
            for (lane, span) in &waiting {
                out.push(Marker {
                    line,
                    colour: task_colour(lane.id),
                    running: false,
                    text: format!("{} waits: {}", lane.name, span.label),
                });
            }
        } else {
            let names: Vec<&str> = waiting[..NAMED]
                .iter()
                .map(|(l, _)| l.name.as_str())
                .collect();
            out.push(Marker {
                line,
                colour: task_colour(waiting[0].0.id),
                running: false,
                text: format!(
                    "{} +{} more wait here",
                    names.join(", "),
                    waiting.len() - NAMED
                ),
            });
        }
    }
    out
}
