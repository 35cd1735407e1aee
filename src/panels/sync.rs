//! Locks, semaphores, events, conditions and barriers at the cursor: who
//! holds, what is left, who waits.

use looplab_engine::trace::{SyncKind, SyncState};
use yew::prelude::*;

use super::task_chips;
use crate::timeline::model::{Snap, SyncObject, Timeline};

pub fn syncs(tl: &Timeline, cursor: usize) -> Html {
    let views = tl
        .syncs
        .iter()
        .filter(|s| s.kind != SyncKind::Queue && s.created < cursor)
        .map(|s| sync(tl, s, cursor));
    html! { <>{ for views }</> }
}

fn sync(tl: &Timeline, obj: &SyncObject, cursor: usize) -> Html {
    let state = match obj.state_at(cursor) {
        Some(Snap::Sync(s)) => Some(s),
        _ => None,
    };
    let (status, busy, waiters): (Html, bool, &[u64]) = match state {
        None => (html! { { "not used yet" } }, false, &[]),
        Some(SyncState::Lock {
            locked,
            owner,
            waiters,
        }) => {
            let status = match (locked, owner) {
                (true, Some(t)) => html! { <>{"held by "}{ task_chips(tl, &[*t]) }</> },
                (true, None) => html! { {"held"} },
                _ => html! { {"free"} },
            };
            (status, *locked, waiters)
        }
        Some(SyncState::Semaphore { value, waiters }) => {
            let tokens = (0..(*value).clamp(0, 10))
                .map(|_| html! { <span class="token" aria-hidden="true"></span> });
            (
                html! { <>{ format!("{value} left ") }{ for tokens }</> },
                *value <= 0,
                waiters,
            )
        }
        Some(SyncState::Event { set, waiters }) => (
            html! { { if *set { "set" } else { "not set" } } },
            !*set,
            waiters,
        ),
        Some(SyncState::Condition { locked, waiters }) => (
            html! { { if *locked { "lock held" } else { "lock free" } } },
            *locked,
            waiters,
        ),
        Some(SyncState::Barrier {
            state,
            count,
            parties,
        }) => (
            html! { { format!("{count} of {parties} arrived ({state})") } },
            false,
            &[],
        ),
    };
    html! {
        <section class={classes!("panel-item", "sync", obj.kind.name(), busy.then_some("busy"))}
                 data-testid="sync-view" data-name={obj.name.clone()} data-kind={obj.kind.name()}>
            <header>
                <strong>{ obj.name.clone() }</strong>
                <span class="muted">{ format!(" {}", obj.class) }</span>
            </header>
            <div class="sync-status">{ status }</div>
            if !waiters.is_empty() {
                <div class="sync-waiters"><span class="q-wait-label">{"waiting:"}</span>{ task_chips(tl, waiters) }</div>
            }
        </section>
    }
}
