//! How to read the timeline: each state's swatch (patterns as well as
//! colours, so nothing depends on telling colours apart) and the time axis.

use yew::prelude::*;

/// (class, fill, stroke, name, what it means)
const STATES: [(&str, &str, &str, &str, &str); 6] = [
    (
        "run",
        "#0072b2",
        "none",
        "running",
        "the task's step runs (in the task's colour)",
    ),
    (
        "ready",
        "url(#tl-ready)",
        "#64748b",
        "ready",
        "can run, waits for its turn",
    ),
    (
        "wait",
        "#eef2f7",
        "#0072b2",
        "waiting",
        "suspended in an await; the label says on what",
    ),
    (
        "blocked",
        "url(#tl-blocked)",
        "#000",
        "blocked",
        "time.sleep or long computation: everything stops",
    ),
    (
        "idle",
        "url(#tl-idle)",
        "none",
        "idle",
        "the loop waits for the next timer",
    ),
    ("print", "", "", "▾ print", "a line of output"),
];

#[function_component]
pub fn Legend() -> Html {
    let items = STATES.iter().map(|(cls, fill, stroke, name, what)| {
        let swatch = if fill.is_empty() {
            html! { <span class="legend-glyph tl-print-glyph">{"▾"}</span> }
        } else {
            html! {
                <svg class="legend-swatch" width="22" height="12" aria-hidden="true">
                    <rect class={classes!("tl-span", *cls)} x="0.5" y="0.5" width="21" height="11" rx="2" fill={*fill} stroke={*stroke} />
                </svg>
            }
        };
        html! { <li title={*what}>{ swatch }<span>{ name.trim_start_matches("▾ ") }</span></li> }
    });
    html! {
        <div class="legend">
            <ul class="legend-states" aria-label="Legend">
                { for items }
                <li><span class="legend-glyph done">{"✓"}</span>{"done"}</li>
                <li><span class="legend-glyph failed">{"✗"}</span>{"failed"}</li>
                <li><span class="legend-glyph cancelled">{"⊘"}</span>{"cancelled"}</li>
                <li title="task.cancel() was called">
                    <svg class="legend-swatch" width="8" height="14" aria-hidden="true"><g class="tl-cancel-req"><line x1="4" x2="4" y1="0" y2="14" /></g></svg>
                    {"cancel requested"}
                </li>
            </ul>
            <p class="legend-axis">
                {"Left to right is the run: each step (a task running up to its next "}<code>{"await"}</code>
                {") gets its own column, so steps at the same moment stand side by side in the order they ran; \
                  the space between moments is virtual time, to scale."}
            </p>
        </div>
    }
}
