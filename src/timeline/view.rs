//! The timeline SVG: one lane per task, the event loop and each worker
//! thread; spans drawn by state with patterns as well as colours. Only the
//! lanes and spans in view are in the DOM (lanes have a fixed height and
//! spans are in time order, so both are found by binary search), so a run
//! of 1,000 tasks and 100,000 events draws one screenful per frame.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::model::{time_label, Lane, LaneKind, Mark, MarkKind, Pos, Scale, Span, State, Timeline};
use crate::driver::Driver;
use crate::editor::goto_line;
use crate::palette::task_colour;

/// Lane height in px.
const LANE: f64 = 28.0;
/// The time axis above the lanes.
const AXIS: f64 = 22.0;
/// The names column.
const NAMES: f64 = 128.0;
/// Lanes and pixels drawn beyond the visible ones.
const OVERSCAN_LANES: usize = 6;
const OVERSCAN_PX: f64 = 300.0;
/// Room kept right of the end when the run fits (for the last marks).
const FIT_MARGIN: f64 = 48.0;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub driver: Driver,
    pub version: u64,
    /// The time-travel cursor: the state after this many events.
    pub cursor: usize,
    /// Whether the cursor can be moved (the run is paused or over).
    pub seekable: bool,
    pub on_seek: Callback<usize>,
}

/// Which span the details line describes.
#[derive(Clone, Copy, PartialEq)]
struct Picked {
    lane: usize,
    span: usize,
}

#[function_component]
pub fn TimelineView(props: &TimelineProps) -> Html {
    let scroller = use_node_ref();
    let view = use_state_eq(|| (0.0f64, 0.0f64)); // scroll left, top
    // Following the cursor: (the cursor's x last drawn, the scroll left
    // asked for and not yet reported back by a scroll event).
    let follow = use_mut_ref(|| (None::<i64>, None::<f64>));
    let picked = use_state(|| None::<Picked>);
    // The viewport's size, from a ResizeObserver: reading it while
    // drawing would force a layout on every frame.
    let size = use_state(|| (800.0f64, 300.0f64));
    {
        let (scroller, size) = (scroller.clone(), size.clone());
        use_effect_with((), move |_| {
            crate::browser::on_resize(scroller.cast::<web_sys::Element>(), move |el| {
                size.set((el.client_width() as f64, el.client_height() as f64))
            })
        });
    }
    let (width, height) = *size;
    let onscroll = {
        let (scroller, view, follow) = (scroller.clone(), view.clone(), follow.clone());
        Callback::from(move |_: Event| {
            if let Some(el) = scroller.cast::<web_sys::Element>() {
                // Whoever scrolled, the box's own scroll is now the truth.
                follow.borrow_mut().1 = None;
                view.set((el.scroll_left() as f64, el.scroll_top() as f64));
            }
        })
    };
    let (cursor_x, content_w) = props.driver.with_session(|s| {
        let tl = &s.timeline;
        let scale = Scale::fit(tl.end(), width - NAMES - FIT_MARGIN);
        (
            cursor_pos(tl, props.cursor).map(|p| scale.x(p)),
            scale.x(tl.end()) + FIT_MARGIN,
        )
    });
    // Keep the cursor in view: the live end while running, the scrubbed
    // moment while time travelling. When it moves out of view the new
    // scroll is drawn at once (from what is known, without reading the
    // layout back), so the scroll event that follows finds it done and a
    // scrubbed frame is drawn once, not twice.
    let left = {
        let mut follow = follow.borrow_mut();
        let seen = cursor_x.map(|x| x as i64);
        let w = width - NAMES;
        if follow.0 != seen {
            follow.0 = seen;
            let max_left = (NAMES + content_w - 8.0 - width).max(0.0);
            follow.1 = cursor_x
                .filter(|x| content_w > w && (*x < view.0 || *x > view.0 + w - 20.0))
                .map(|x| (x - w * 0.6).clamp(0.0, max_left).round());
        } else if follow.1.is_some_and(|l| (l - view.0).abs() < 1.0) {
            follow.1 = None;
        }
        follow.1.unwrap_or(view.0)
    };
    {
        let scroller = scroller.clone();
        let asked = follow.borrow().1.map(|l| l as i64);
        use_effect_with(asked, move |asked| {
            if let (Some(el), Some(l)) = (scroller.cast::<web_sys::Element>(), asked) {
                el.set_scroll_left(*l as i32);
            }
        });
    }
    let on_key = {
        let (on_seek, cursor, seekable) = (props.on_seek.clone(), props.cursor, props.seekable);
        Callback::from(move |e: KeyboardEvent| {
            if !seekable {
                return;
            }
            match e.key().as_str() {
                "ArrowLeft" => on_seek.emit(cursor.saturating_sub(1)),
                "ArrowRight" => on_seek.emit(cursor + 1),
                _ => return,
            }
            e.prevent_default();
        })
    };
    let body = props.driver.with_session(|s| {
        let tl = &s.timeline;
        let draw = Draw {
            tl,
            scale: Scale::fit(tl.end(), width - NAMES - FIT_MARGIN),
            view: (left, view.1, width, height),
            picked: *picked,
            on_pick: {
                let picked = picked.clone();
                Callback::from(move |p| picked.set(p))
            },
            on_seek: props.on_seek.clone(),
            seekable: props.seekable,
            cursor_x,
        };
        (draw.svg(), draw.details())
    });
    html! {
        <div class="tl">
            <div class="tl-scroll" ref={scroller} {onscroll} onkeydown={on_key}>
                { body.0 }
            </div>
            <div class="tl-details" aria-live="polite">{ body.1 }</div>
        </div>
    }
}

/// The x of the cursor: where its last event happened.
fn cursor_pos(tl: &Timeline, cursor: usize) -> Option<Pos> {
    if tl.len() == 0 {
        return None;
    }
    if cursor >= tl.len() {
        return Some(tl.end());
    }
    Some(if cursor == 0 {
        Pos { slot: 0.0, t: 0.0 }
    } else {
        tl.positions[cursor - 1]
    })
}

struct Draw<'a> {
    tl: &'a Timeline,
    scale: Scale,
    /// scroll left, scroll top, width, height of the viewport.
    view: (f64, f64, f64, f64),
    picked: Option<Picked>,
    on_pick: Callback<Option<Picked>>,
    on_seek: Callback<usize>,
    seekable: bool,
    cursor_x: Option<f64>,
}

impl Draw<'_> {
    fn svg(&self) -> Html {
        let tl = self.tl;
        let (left, top, width, height) = self.view;
        let content = self.scale.x(tl.end()) + FIT_MARGIN - 8.0;
        let w = (NAMES + content).max(width);
        let h = AXIS + LANE * tl.lanes.len() as f64 + 4.0;
        let first = ((top / LANE) as usize).saturating_sub(OVERSCAN_LANES);
        let last = (((top + height) / LANE) as usize + OVERSCAN_LANES).min(tl.lanes.len());
        let (x0, x1) = (left - OVERSCAN_PX, left + width + OVERSCAN_PX);
        let lanes = (first..last).map(|i| self.lane(i, &tl.lanes[i], x0, x1));
        let cursor = self.cursor_x.map(|x| {
            html! { <line class="tl-cursor" x1={f(NAMES + x)} x2={f(NAMES + x)} y1="0" y2={f(h)} /> }
        });
        // The scroll area is a spacer the size of the whole run; the SVG is
        // only the viewport, pinned (sticky) and drawn shifted by the
        // scroll, so painting costs one screenful however long the run.
        let space = format!("width: {}px; height: {}px", f(w), f(h.max(height)));
        html! {
            <div class="tl-space" style={space}>
                <svg data-testid="timeline" class="tl-svg" role="group" width={f(width)} height={f(height)}
                     aria-label={format!("Timeline: {} tasks; Tab moves between spans", tl.lanes.len() - 1)}>
                    <defs>{ patterns() }</defs>
                    <g transform={format!("translate({} {})", f(-left), f(-top))}>
                        { self.blocked_bands(h) }
                        { self.axis(left, x0, x1, top, h) }
                        <g>{ for lanes }</g>
                        { for cursor }
                        { self.names(left, first, last) }
                    </g>
                </svg>
            </div>
        }
    }

    /// `time.sleep` freezes every lane: a band across all of them.
    fn blocked_bands(&self, h: f64) -> Html {
        let bands = self.tl.blocked.iter().map(|b| {
            let x = self.scale.x(b.from);
            let w = self.scale.x(self.tl.shown_to(b.to)) - x;
            html! { <rect class="tl-band" x={f(NAMES + x)} y={f(AXIS)} width={f(w.max(1.0))} height={f(h - AXIS)} /> }
        });
        html! { <g>{ for bands }</g> }
    }

    /// A tick where each new instant begins (labelled when there is room)
    /// and a faint line down the lanes, so steps of one moment read as one.
    fn axis(&self, left: f64, x0: f64, x1: f64, top: f64, h: f64) -> Html {
        let inst = &self.tl.instants;
        let start = inst.partition_point(|p| self.scale.x(*p) < x0);
        let mut last_label = f64::NEG_INFINITY;
        let mut ticks = Vec::new();
        let origin = (start == 0).then_some(Pos { slot: 0.0, t: 0.0 });
        for p in origin.into_iter().chain(inst[start..].iter().copied()) {
            let x = self.scale.x(p);
            if x > x1 {
                break;
            }
            let label = (x - last_label >= 44.0).then(|| {
                last_label = x;
                html! { <text class="tl-tick" x={f(NAMES + x + 3.0)} y={f(top + 14.0)}>{ format!("{} s", time_label(p.t)) }</text> }
            });
            ticks.push(html! {
                <>
                    <line class="tl-grid" x1={f(NAMES + x)} x2={f(NAMES + x)} y1={f(top)} y2={f(h)} />
                    { for label }
                </>
            });
        }
        html! {
            <g class="tl-axis">
                <rect class="tl-axis-bg" x={f(left)} y={f(top)} width={f(self.view.2)} height={f(AXIS)} />
                { for ticks }
            </g>
        }
    }

    /// The names column, pinned to the left edge.
    fn names(&self, left: f64, first: usize, last: usize) -> Html {
        let rows = (first..last).map(|i| {
            let lane = &self.tl.lanes[i];
            let y = AXIS + LANE * i as f64;
            let colour = lane_colour(lane);
            let title = match lane.kind {
                LaneKind::Task if !lane.coro.is_empty() && lane.coro != lane.name => format!("{} — {}()", lane.name, lane.coro),
                LaneKind::Task => lane.name.clone(),
                LaneKind::Loop => "The event loop: idle while every task waits for a timer; blocked when code stops it".into(),
                LaneKind::Thread => format!("worker thread {}", lane.name),
            };
            html! {
                <g class={classes!("tl-name", lane.kind.as_str())}>
                    <title>{ title }</title>
                    <rect x={f(left)} y={f(y)} width={f(NAMES)} height={f(LANE)} class="tl-name-bg" />
                    <rect x={f(left + 4.0)} y={f(y + 6.0)} width="5" height={f(LANE - 12.0)} fill={colour} />
                    <text x={f(left + 14.0)} y={f(y + LANE / 2.0 + 4.5)}>{ clip(&lane.name, 15) }</text>
                </g>
            }
        });
        html! {
            <g>
                <rect class="tl-axis-bg" x={f(left)} y={f(self.view.1)} width={f(NAMES)} height={f(AXIS)} />
                { for rows }
            </g>
        }
    }

    fn lane(&self, index: usize, lane: &Lane, x0: f64, x1: f64) -> Html {
        let y = AXIS + LANE * index as f64;
        let to_x = |s: &Span| self.scale.x(self.tl.shown_to(s.to));
        let first = lane.spans.partition_point(|s| to_x(s) < x0);
        let spans = lane.spans[first..]
            .iter()
            .enumerate()
            .take_while(|(_, s)| self.scale.x(s.from) <= x1)
            .map(|(k, s)| self.span(index, first + k, lane, s, y));
        let m0 = lane.marks.partition_point(|m| self.scale.x(m.at) < x0);
        let marks = lane.marks[m0..]
            .iter()
            .take_while(|m| self.scale.x(m.at) <= x1)
            .map(|m| self.mark(m, y));
        html! {
            <g data-testid="timeline-lane" data-task={lane.name.clone()} data-kind={lane.kind.as_str()}
               role="list" aria-label={format!("{} lane", lane.name)}>
                <line class="tl-lane-rule" x1={f(NAMES)} x2={f(x1)} y1={f(y + LANE)} y2={f(y + LANE)} />
                { for spans }
                { for marks }
            </g>
        }
    }

    fn span(&self, lane_index: usize, span_index: usize, lane: &Lane, s: &Span, y: f64) -> Html {
        let end = self.tl.end();
        let to = self.tl.shown_to(s.to);
        let x = NAMES + self.scale.x(s.from);
        let w = self.scale.x(to) - self.scale.x(s.from);
        let colour = lane_colour(lane);
        let picked = self.picked
            == Some(Picked {
                lane: lane_index,
                span: span_index,
            });
        let pick = Some(Picked {
            lane: lane_index,
            span: span_index,
        });
        let onfocus = self.on_pick.reform(move |_: FocusEvent| pick);
        let onmouseenter = self.on_pick.reform(move |_: MouseEvent| pick);
        let onclick = {
            let (on_seek, seekable, line, event) =
                (self.on_seek.clone(), self.seekable, s.line, s.event);
            Callback::from(move |_: MouseEvent| {
                if seekable {
                    on_seek.emit(event + 1);
                }
                if let Some(l) = line {
                    goto_line(l as usize);
                }
            })
        };
        let onkeydown = {
            let line = s.line;
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Enter" {
                    if let Some(l) = line {
                        goto_line(l as usize);
                    }
                }
            })
        };
        let shape = if s.state.is_end() {
            end_mark(s.state, x, y)
        } else {
            let (cls, fill, stroke) = match s.state {
                State::Running => ("run", colour.to_string(), "none".to_string()),
                State::Ready => ("ready", "url(#tl-ready)".into(), "#64748b".into()),
                State::Waiting => ("wait", "#eef2f7".into(), colour.to_string()),
                State::Idle => ("idle", "url(#tl-idle)".into(), "none".into()),
                _ => ("blocked", "url(#tl-blocked)".into(), "#000".into()),
            };
            let (dy, hh) = match s.state {
                State::Running | State::Blocked => (4.0, LANE - 8.0),
                _ => (7.0, LANE - 14.0),
            };
            let text = (s.state == State::Waiting || s.state == State::Blocked)
                .then(|| fit_label(&s.label, w - 8.0))
                .flatten()
                .map(|t| {
                    let cls = if s.state == State::Blocked { "tl-label on-dark" } else { "tl-label" };
                    html! { <text class={cls} x={f(x + 4.0)} y={f(y + LANE / 2.0 + 4.0)}>{ t }</text> }
                });
            html! {
                <>
                    <rect class={classes!("tl-span", cls)} x={f(x)} y={f(y + dy)} width={f(w.max(1.0))} height={f(hh)}
                          fill={fill} stroke={stroke} rx="2" />
                    { for text }
                </>
            }
        };
        html! {
            <g data-testid="timeline-span" data-state={s.state.as_str()} data-reason={s.reason}
               data-from={s.from.t.to_string()} data-to={s.to.map(|p| p.t.to_string()).unwrap_or_default()}
               data-line={s.line.map(|l| l.to_string()).unwrap_or_default()}
               class={classes!("tl-hit", picked.then_some("picked"))} tabindex="0" role="listitem"
               aria-label={describe(lane, s, end)} {onfocus} {onmouseenter} {onclick} {onkeydown}>
                { shape }
            </g>
        }
    }

    fn mark(&self, m: &Mark, y: f64) -> Html {
        let x = NAMES + self.scale.x(m.at);
        match m.kind {
            MarkKind::Print => html! {
                <path class="tl-print" d={format!("M{} {}l-3.5 -5h7z", f(x), f(y + 6.0))}>
                    <title>{ match m.count {
                        1 => format!("print: {}", clip(&m.text, 80)),
                        n => format!("print: {} (and {} more outputs at this moment)", clip(&m.text, 80), n - 1),
                    } }</title>
                </path>
            },
            MarkKind::CancelRequested => html! {
                <g class="tl-cancel-req">
                    <title>{ m.text.clone() }</title>
                    <line x1={f(x)} x2={f(x)} y1={f(y + 2.0)} y2={f(y + LANE - 2.0)} />
                </g>
            },
        }
    }

    fn details(&self) -> Html {
        let Some(p) = self.picked else {
            return html! { <span class="tl-hint">{"Hover or focus a span for details; click it to show its line."}</span> };
        };
        let Some(lane) = self.tl.lanes.get(p.lane) else {
            return html! {};
        };
        let Some(s) = lane.spans.get(p.span) else {
            return html! {};
        };
        html! { <span>{ describe(lane, s, self.tl.end()) }</span> }
    }
}

/// A sentence about a span: who, what, why, from when to when, where.
fn describe(lane: &Lane, s: &Span, end: Pos) -> String {
    let what = match s.state {
        State::Waiting => format!("waiting: {}", s.label),
        State::Running if lane.kind == LaneKind::Task => "running a step".to_string(),
        _ => s.label.clone(),
    };
    let when = if s.state.is_end() {
        format!("at t = {} s", time_label(s.from.t))
    } else {
        let to = s.to.map_or_else(
            || format!("{} s (now)", time_label(end.t)),
            |p| format!("{} s", time_label(p.t)),
        );
        format!("from t = {} s to {to}", time_label(s.from.t))
    };
    let line = s.line.map(|l| format!(", line {l}")).unwrap_or_default();
    format!("{} — {what}, {when}{line}", lane.name)
}

/// ✓ done, ✗ failed, ⊘ cancelled: a shaped mark as well as a colour.
fn end_mark(state: State, x: f64, y: f64) -> Html {
    let cy = y + LANE / 2.0;
    let (cls, glyph) = match state {
        State::Done => ("done", "✓"),
        State::Failed => ("failed", "✗"),
        _ => ("cancelled", "⊘"),
    };
    html! {
        <g class={classes!("tl-end", cls)}>
            <circle cx={f(x + 8.0)} cy={f(cy)} r="8" />
            <text x={f(x + 8.0)} y={f(cy + 4.5)} text-anchor="middle">{ glyph }</text>
        </g>
    }
}

fn lane_colour(lane: &Lane) -> &'static str {
    match lane.kind {
        LaneKind::Task => task_colour(lane.id),
        LaneKind::Loop => "#000000",
        LaneKind::Thread => "#6b7280",
    }
}

/// The SVG patterns behind states (shared with the legend).
pub fn patterns() -> Html {
    html! {
        <>
            <pattern id="tl-ready" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="6" height="6" fill="#f8fafc" />
                <rect width="2.5" height="6" fill="#94a3b8" />
            </pattern>
            <pattern id="tl-idle" width="6" height="6" patternUnits="userSpaceOnUse">
                <circle cx="3" cy="3" r="1" fill="#94a3b8" />
            </pattern>
            <pattern id="tl-blocked" width="14" height="14" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="14" height="14" fill="#f0e442" />
                <rect width="7" height="14" fill="#111827" />
            </pattern>
        </>
    }
}

/// The label, cut to fit `px` (None when not even a few letters fit).
fn fit_label(label: &str, px: f64) -> Option<String> {
    let chars = (px / 6.6) as usize;
    (chars >= 4).then(|| clip(label, chars))
}

fn clip(s: &str, chars: usize) -> String {
    if s.chars().count() <= chars {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(chars.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// A coordinate, rounded to a tenth of a pixel.
fn f(v: f64) -> String {
    format!("{:.1}", v)
}

/// The range input the scrubber is, read from an input event.
pub fn input_value(e: &InputEvent) -> Option<usize> {
    let input = e.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    input.value().parse().ok()
}
