//! The state panels beside the timeline, at the time-travel cursor:
//! [`queue`] (items, capacity, who waits to put or get) and [`sync`]
//! (locks, semaphores, events, conditions, barriers).

pub mod queue;
pub mod sync;

use yew::prelude::*;

use crate::palette::task_colour;
use crate::timeline::model::Timeline;

/// Task chips in their colours (`producer`, `consumer-2`).
pub fn task_chips(tl: &Timeline, tasks: &[u64]) -> Html {
    html! {
        { for tasks.iter().map(|t| html! {
            <span class="chip" style={format!("--task: {}", task_colour(*t))}>{ tl.task_name(*t) }</span>
        }) }
    }
}
