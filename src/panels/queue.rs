//! A queue as a row of boxes: its items (reprs) in get order, the empty
//! slots left when it has a maxsize, and the tasks waiting to put (left:
//! they bring items) or to get (right: they take them). Items are keyed by
//! how many were gotten before, so a put slides a box in and a get slides
//! the row left.

use looplab_engine::trace::SyncKind;
use yew::prelude::*;

use super::task_chips;
use crate::timeline::model::{Snap, SyncObject, Timeline};

/// Empty slots drawn at most (a bigger maxsize shows a count instead).
const SLOTS_SHOWN: usize = 12;

pub fn queues(tl: &Timeline, cursor: usize) -> Html {
    let views = tl
        .syncs
        .iter()
        .filter(|q| q.kind == SyncKind::Queue && q.created < cursor)
        .map(|q| queue(tl, q, cursor));
    html! { <>{ for views }</> }
}

fn queue(tl: &Timeline, q: &SyncObject, cursor: usize) -> Html {
    let (snapshot, first_key) = match q.state_at(cursor) {
        Some(Snap::Queue {
            snapshot,
            first_key,
        }) => (Some(snapshot), *first_key),
        _ => (None, 0),
    };
    let size = snapshot.map_or(0, |s| s.size);
    let maxsize = snapshot.map_or(0, |s| s.maxsize);
    let items = snapshot.map(|s| s.items.as_slice()).unwrap_or_default();
    let boxes = items.iter().enumerate().map(|(i, item)| {
        html! { <li key={(first_key + i as u64).to_string()} class="q-item" data-testid="queue-item" title={item.clone()}>{ item.clone() }</li> }
    });
    let hidden = size.saturating_sub(items.len());
    let free = if maxsize > 0 {
        (maxsize as usize).saturating_sub(size)
    } else {
        0
    };
    let slots = (0..free.min(SLOTS_SHOWN))
        .map(|i| html! { <li key={format!("free-{i}")} class="q-slot" aria-hidden="true"></li> });
    let full = maxsize > 0 && size >= maxsize as usize;
    let capacity = if maxsize > 0 {
        format!("{size} / {maxsize}")
    } else {
        format!("{size} (no maxsize)")
    };
    let putters = snapshot.map(|s| s.putters.as_slice()).unwrap_or_default();
    let getters = snapshot.map(|s| s.getters.as_slice()).unwrap_or_default();
    html! {
        <section class={classes!("panel-item", "queue", full.then_some("full"))} data-testid="queue-view"
                 data-name={q.name.clone()} data-size={size.to_string()} data-maxsize={maxsize.to_string()}
                 aria-label={format!("queue {}: {capacity} items", q.name)}>
            <header>
                <strong>{ q.name.clone() }</strong>
                <span class="muted">{ format!(" {}", q.class) }</span>
                <span class={classes!("q-capacity", full.then_some("full"))}>{ capacity }{ if full { " · full" } else if size == 0 { " · empty" } else { "" } }</span>
            </header>
            <div class="q-row">
                <div class="q-waiters put" title="Tasks waiting in put(): the queue is full">
                    if !putters.is_empty() { <span class="q-wait-label">{"put() waits:"}</span>{ task_chips(tl, putters) } }
                </div>
                <ol class="q-items" aria-label="items, next to get first">
                    { for boxes }
                    if hidden > 0 { <li key="more" class="q-more">{ format!("+{hidden}") }</li> }
                    { for slots }
                    if free > SLOTS_SHOWN { <li key="more-free" class="q-more">{ format!("+{} free", free - SLOTS_SHOWN) }</li> }
                </ol>
                <div class="q-waiters get" title="Tasks waiting in get(): the queue is empty">
                    if !getters.is_empty() { <span class="q-wait-label">{"get() waits:"}</span>{ task_chips(tl, getters) } }
                </div>
            </div>
        </section>
    }
}
