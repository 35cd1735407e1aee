//! The time-travel scrubber: a range over the trace's events. While the
//! program runs it follows the live end; once paused or over it can be
//! dragged (or moved with ←/→) and every view shows that moment.

use yew::prelude::*;

use super::model::time_label;
use super::view::input_value;

#[derive(Properties, PartialEq)]
pub struct ScrubberProps {
    /// Events in the trace so far.
    pub events: usize,
    pub cursor: usize,
    /// Virtual time at the cursor.
    pub t: f64,
    pub seekable: bool,
    pub on_seek: Callback<usize>,
}

#[function_component]
pub fn Scrubber(props: &ScrubberProps) -> Html {
    let oninput = props
        .on_seek
        .reform(|e: InputEvent| input_value(&e).unwrap_or(0));
    let live = props.cursor >= props.events;
    let on_live = props.on_seek.reform({
        let n = props.events;
        move |_: MouseEvent| n
    });
    html! {
        <div class="scrub">
            <label class="scrub-label" for="scrubber">{"Time travel"}</label>
            <input id="scrubber" type="range" data-testid="scrubber" min="0" max={props.events.to_string()}
                   value={props.cursor.min(props.events).to_string()} disabled={!props.seekable} {oninput}
                   data-t={props.t.to_string()}
                   aria-valuetext={format!("t = {} s, event {} of {}", time_label(props.t), props.cursor.min(props.events), props.events)}
                   title={if props.seekable { "Drag, or use ← and →, to see any moment of the run" } else { "Pause or let the run finish to travel back in time" }} />
            <span class="scrub-at">{ format!("t = {} s · event {}/{}", time_label(props.t), props.cursor.min(props.events), props.events) }</span>
            if props.seekable && !live {
                <button class="scrub-live" onclick={on_live}>{"⇥ End"}</button>
            }
        </div>
    }
}
