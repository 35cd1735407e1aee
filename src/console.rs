//! The console view: one row per output line with its virtual time and the
//! task that printed it. Text is always rendered as text nodes, never HTML;
//! `File "main.py", line N` becomes a link to line N in the editor.
//!
//! Rows have a fixed height and long lines wrap onto whole rows (the line
//! knows its width in columns, the console its width from a
//! ResizeObserver), so only the rows in view (plus a margin) are in the
//! DOM: a program printing thousands of lines a second costs one
//! screenful of rendering per frame.

use looplab_engine::Stream;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::console_model::{window, ConsoleModel, Line, Notice, MAX_LINES};
use crate::driver::Driver;
use crate::editor::goto_line;
use crate::palette::task_colour;
use crate::traceback::line_ref;

/// Row height in px; must match `.line` in static/style.css.
const ROW: f64 = 22.0;
/// Rows rendered beyond the visible ones, above and below.
const OVERSCAN: usize = 20;
/// What precedes a line's text, in px: the time and task columns (12.7em
/// of the 14 px console font) and the row's right padding; must match
/// `.line` in static/style.css.
const GUTTER_PX: f64 = 12.7 * 14.0 + 14.0;

/// Columns of text that fit in a row of `console`: the width of a
/// character is measured on a probe in the console's own font.
fn text_columns(console: &web_sys::Element) -> Option<usize> {
    let document = web_sys::window()?.document()?;
    let probe = document.create_element("span").ok()?;
    probe.set_class_name("line-probe");
    probe.set_text_content(Some(&"0".repeat(100)));
    console.append_child(&probe).ok()?;
    let ch = probe.dyn_ref::<web_sys::HtmlElement>().map_or(0.0, |p| p.offset_width() as f64 / 100.0);
    probe.remove();
    let width = console.client_width() as f64 - GUTTER_PX;
    // One column spare: a fraction of a pixel must not wrap a row early.
    (ch > 0.0).then(|| ((width / ch).floor() as usize).saturating_sub(1).max(16))
}

#[derive(Properties, PartialEq)]
pub struct ConsoleProps {
    pub driver: Driver,
    /// The session version: a new one means new lines.
    pub version: u64,
    /// Time travel: show only the lines started by the first `upto` trace
    /// events (None: all of them).
    #[prop_or_default]
    pub upto: Option<u64>,
}

#[function_component]
pub fn Console(props: &ConsoleProps) -> Html {
    let scroller = use_node_ref();
    // Follow new output unless the reader scrolled up.
    let follow = use_mut_ref(|| true);
    // The scroll position as last seen, to pick the rows to render.
    let scroll_top = use_state(|| 0.0f64);
    // Columns of text per row (None until measured: no wrapping).
    let columns = use_state(|| None::<usize>);
    {
        let (scroller, columns) = (scroller.clone(), columns.clone());
        use_effect_with((), move |_| {
            crate::browser::on_resize(scroller.cast::<web_sys::Element>(), move |el| {
                let n = text_columns(el);
                if *columns != n {
                    columns.set(n);
                }
            })
        });
    }
    {
        let (scroller, follow) = (scroller.clone(), follow.clone());
        // Only a new line (or a time-travel jump) moves the scroll, on the
        // next frame: reading the scroll height forces a layout.
        let shown = props.driver.with_session(|s| {
            let n = props
                .upto
                .map_or(s.console.lines.len(), |u| s.console.lines_before(u));
            (n, s.console.dropped)
        });
        use_effect_with(shown, move |_| {
            crate::browser::on_next_frame(move || {
                if let Some(el) = scroller.cast::<web_sys::Element>() {
                    if *follow.borrow() {
                        el.set_scroll_top(el.scroll_height());
                    }
                }
            })
        });
    }
    let onscroll = {
        let (scroller, follow, scroll_top) = (scroller.clone(), follow.clone(), scroll_top.clone());
        Callback::from(move |_: Event| {
            if let Some(el) = scroller.cast::<web_sys::Element>() {
                *follow.borrow_mut() =
                    el.scroll_height() - el.scroll_top() - el.client_height() < 24;
                scroll_top.set(el.scroll_top() as f64);
            }
        })
    };
    let following = *follow.borrow();
    // The console is never taller than the window; reading its own height
    // here would force a layout on every redraw.
    let height = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(800.0);
    let body = props
        .driver
        .with_session(|s| render(&s.console, props.upto, (*scroll_top, height), following, *columns));
    html! {
        <div class="console" data-testid="console" ref={scroller} {onscroll} role="log" aria-live="polite">
            { body }
        </div>
    }
}

fn render(
    console: &ConsoleModel,
    upto: Option<u64>,
    (scroll_top, height): (f64, f64),
    following: bool,
    columns: Option<usize>,
) -> Html {
    if console.lines.is_empty() && console.dropped == 0 {
        return html! { <p class="console-empty">{"Output appears here as it is printed. Press Run or Ctrl+Enter."}</p> };
    }
    let dropped = (console.dropped > 0).then(|| {
        html! {
            <div class="console-note">{ format!("… {} earlier lines not kept (the console keeps the last {MAX_LINES})", console.dropped) }</div>
        }
    });
    let notices = console.notices.iter().map(|n| match n {
        Notice::OutputCapReached => html! { <div class="console-note">{"Output limit reached: later output was not kept."}</div> },
    });
    let n = upto.map_or(console.lines.len(), |u| console.lines_before(u));
    let width = columns.unwrap_or(0);
    let rows: Vec<usize> = console.lines.range(..n).map(|l| l.rows(width)).collect();
    let visible = (height / ROW).ceil() as usize + 1;
    let top = (!following).then(|| (scroll_top / ROW) as usize);
    let (range, above, below) = window(&rows, top, visible, OVERSCAN);
    // The rows not rendered are stood in for by padding, so the keyed rows
    // are the container's only children and new ones are simply appended.
    let pad = format!(
        "padding-top: {}px; padding-bottom: {}px",
        above as f64 * ROW,
        below as f64 * ROW
    );
    html! {
        <>
            { for dropped }
            <div class="rows" style={pad}>
                { for console.lines.range(range).map(|l| render_line(console, l, columns)) }
            </div>
            { for notices }
        </>
    }
}

fn render_line(console: &ConsoleModel, line: &Line, columns: Option<usize>) -> Html {
    let stream = match line.stream {
        Stream::Stdout => "stdout",
        Stream::Stderr => "stderr",
    };
    let task = console.task_name(line.task);
    let colour = line.task.map(task_colour);
    let badge = match colour {
        Some(c) => {
            html! { <span class="task" style={format!("--task: {c}")} title={task.to_string()}>{ task.to_string() }</span> }
        }
        None => html! { <span class="task task-none"></span> },
    };
    // A line longer than a row wraps onto as many whole rows as it needs;
    // its text is exactly that many columns wide, so the browser breaks
    // it where `Line::rows` counted.
    let wrap = columns.filter(|&w| line.rows(w) > 1);
    let (class, style, text_style) = match wrap {
        Some(w) => (
            Some("wrapped"),
            Some(format!("height: {}px", line.rows(w) as f64 * ROW)),
            Some(format!("width: {w}ch")),
        ),
        None => (None, None, None),
    };
    html! {
        <div key={line.id} class={classes!("line", stream, class)} {style} data-testid="console-line"
             data-t={format!("{}", line.t)} data-task={task.to_string()} data-stream={stream}>
            <span class="t">{ format!("{:.3}", line.t) }</span>
            { badge }
            <span class="text" style={text_style}>{ text_with_links(&line.text, line.stream) }</span>
        </div>
    }
}

/// The line's text, with a traceback's `line N` as a link to the editor.
fn text_with_links(text: &str, stream: Stream) -> Html {
    let link = if stream == Stream::Stderr {
        line_ref(text)
    } else {
        None
    };
    let Some((span, n)) = link else {
        return html! { { text.to_string() } };
    };
    let onclick = Callback::from(move |_: MouseEvent| goto_line(n));
    html! {
        <>
            { text[..span.start].to_string() }
            <button class="line-link" {onclick} title={format!("Show line {n} in the editor")}>{ text[span.clone()].to_string() }</button>
            { text[span.end..].to_string() }
        </>
    }
}
