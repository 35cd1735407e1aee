//! A queue as a pipe of boxes: the tasks waiting to put on the left (they
//! bring items), its items (reprs) with the next to get on the right, the
//! empty slots left when it has a maxsize, and the tasks waiting to get on
//! the right (they take them). Items are keyed by how many were gotten
//! before them, so a put slides a box in from the left and a get slides the
//! gotten box out to the right.

use std::rc::Rc;

use looplab_engine::trace::SyncKind;
use yew::prelude::*;

use super::task_chips;
use crate::timeline::model::{Snap, Timeline};

/// Empty slots drawn at most (a bigger maxsize shows a count instead).
const SLOTS_SHOWN: usize = 12;

pub fn queues(tl: &Timeline, cursor: usize) -> Html {
    let views = tl
        .syncs
        .iter()
        .filter(|q| q.kind == SyncKind::Queue && q.created < cursor)
        .map(|q| {
            let (snapshot, first_key) = match q.state_at(cursor) {
                Some(Snap::Queue {
                    snapshot,
                    first_key,
                }) => (Some(snapshot), *first_key),
                _ => (None, 0),
            };
            let props = QueueProps {
                name: q.name.clone().into(),
                class: q.class.clone().into(),
                items: snapshot.map_or_else(|| Rc::from([]), |s| Rc::from(s.items.as_slice())),
                first_key,
                size: snapshot.map_or(0, |s| s.size),
                maxsize: snapshot.map_or(0, |s| s.maxsize),
                putters: snapshot
                    .filter(|s| !s.putters.is_empty())
                    .map(|s| task_chips(tl, &s.putters)),
                getters: snapshot
                    .filter(|s| !s.getters.is_empty())
                    .map(|s| task_chips(tl, &s.getters)),
            };
            html! { <QueueView key={q.id.to_string()} ..props /> }
        });
    html! { <>{ for views }</> }
}

/// One queue at the cursor.
#[derive(Properties, PartialEq, Clone)]
pub struct QueueProps {
    name: AttrValue,
    class: AttrValue,
    /// The first items' reprs, next to get first.
    items: Rc<[Rc<str>]>,
    /// The key of `items[0]`: how many items were gotten before it.
    first_key: u64,
    size: usize,
    maxsize: i64,
    /// Chips of the tasks waiting in put() / get() (None: none).
    putters: Option<Html>,
    getters: Option<Html>,
}

/// What the view showed last, so the items gotten since can be drawn
/// leaving instead of vanishing.
#[derive(Default)]
struct Shown {
    first_key: u64,
    items: Rc<[Rc<str>]>,
    /// The items leaving now (key, repr), kept while this state is shown.
    leaving: Vec<(u64, Rc<str>)>,
}

#[function_component]
fn QueueView(p: &QueueProps) -> Html {
    let shown = use_mut_ref(Shown::default);
    let leaving = {
        let mut shown = shown.borrow_mut();
        if shown.first_key != p.first_key || *shown.items != *p.items {
            // Only later states lose items: scrubbing back never shows a
            // get, and the items gotten since come back as puts would.
            let gotten = p.first_key.saturating_sub(shown.first_key) as usize;
            let leaving: Vec<(u64, Rc<str>)> = shown
                .items
                .iter()
                .take(gotten)
                .enumerate()
                .map(|(i, item)| (shown.first_key + i as u64, item.clone()))
                .collect();
            *shown = Shown {
                first_key: p.first_key,
                items: p.items.clone(),
                leaving,
            };
        }
        shown.leaving.clone()
    };
    let gone = leaving.into_iter().map(|(key, item)| {
        html! { <li key={key.to_string()} class="q-item leaving" data-testid="queue-item-leaving" aria-hidden="true">{ item }</li> }
    });
    let boxes = p.items.iter().enumerate().map(|(i, item)| {
        html! { <li key={(p.first_key + i as u64).to_string()} class="q-item" data-testid="queue-item" title={item.clone()}>{ item.clone() }</li> }
    });
    let (size, maxsize) = (p.size, p.maxsize);
    let hidden = size.saturating_sub(p.items.len());
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
    let waiting = |chips: &Option<Html>, label: &str| match chips {
        Some(chips) => {
            html! { <><span class="q-wait-label">{ label.to_string() }</span>{ chips.clone() }</> }
        }
        None => html! {},
    };
    html! {
        <section class={classes!("panel-item", "queue", full.then_some("full"))} data-testid="queue-view"
                 data-name={p.name.clone()} data-size={size.to_string()} data-maxsize={maxsize.to_string()}
                 aria-label={format!("queue {}: {capacity} items", p.name)}>
            <header>
                <strong>{ p.name.clone() }</strong>
                <span class="muted">{ format!(" {}", p.class) }</span>
                <span class={classes!("q-capacity", full.then_some("full"))}>{ capacity }{ if full { " · full" } else if size == 0 { " · empty" } else { "" } }</span>
            </header>
            <div class="q-row">
                <div class="q-waiters put" title="Tasks waiting in put(): the queue is full">
                    { waiting(&p.putters, "put() waits:") }
                </div>
                <div class="q-pipe">
                    <span class="q-end" aria-hidden="true"><span class="q-word">{"put "}</span>{"→"}</span>
                    <ol class="q-items" aria-label="items, next to get first">
                        { for gone }
                        { for boxes }
                        if hidden > 0 { <li key="more" class="q-more">{ format!("+{hidden}") }</li> }
                        { for slots }
                        if free > SLOTS_SHOWN { <li key="more-free" class="q-more">{ format!("+{} free", free - SLOTS_SHOWN) }</li> }
                    </ol>
                    <span class="q-end" aria-hidden="true">{"→"}<span class="q-word">{" get"}</span></span>
                </div>
                <div class="q-waiters get" title="Tasks waiting in get(): the queue is empty">
                    { waiting(&p.getters, "get() waits:") }
                </div>
            </div>
        </section>
    }
}
