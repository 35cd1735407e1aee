//! The console view: one row per output line with its virtual time and the
//! task that printed it. Text is always rendered as text nodes, never HTML;
//! `File "main.py", line N` becomes a link to line N in the editor.

use std::rc::Rc;

use looplab_engine::Stream;
use yew::prelude::*;

use crate::console_model::{ConsoleModel, Line, Notice, MAX_LINES};
use crate::driver::Driver;
use crate::editor::goto_line;
use crate::traceback::line_ref;

/// Task colours (readable on the console's light background).
const TASK_COLOURS: [&str; 8] = ["#2563eb", "#c2410c", "#047857", "#7c3aed", "#be185d", "#0e7490", "#a16207", "#4d7c0f"];

#[derive(Properties, PartialEq)]
pub struct ConsoleProps {
    pub driver: Driver,
    /// The session version: a new one means new lines.
    pub version: u64,
}

#[function_component]
pub fn Console(props: &ConsoleProps) -> Html {
    let scroller = use_node_ref();
    // Follow new output unless the reader scrolled up.
    let follow = use_mut_ref(|| true);
    {
        let (scroller, follow) = (scroller.clone(), follow.clone());
        use_effect_with(props.version, move |_| {
            if let Some(el) = scroller.cast::<web_sys::Element>() {
                if *follow.borrow() {
                    el.set_scroll_top(el.scroll_height());
                }
            }
        });
    }
    let onscroll = {
        let (scroller, follow) = (scroller.clone(), follow.clone());
        Callback::from(move |_: Event| {
            if let Some(el) = scroller.cast::<web_sys::Element>() {
                *follow.borrow_mut() = el.scroll_height() - el.scroll_top() - el.client_height() < 24;
            }
        })
    };
    let body = props.driver.with_session(|s| render_lines(&s.console));
    html! {
        <div class="console" data-testid="console" ref={scroller} {onscroll} role="log" aria-live="polite">
            { body }
        </div>
    }
}

fn render_lines(console: &ConsoleModel) -> Html {
    if console.lines.is_empty() && console.dropped == 0 {
        return html! { <p class="console-empty">{"Output appears here as it is printed. Press Run or Ctrl+Enter."}</p> };
    }
    let dropped = (console.dropped > 0).then(|| {
        html! {
            <div class="console-note">{ format!("… {} earlier lines not shown (the console keeps the last {MAX_LINES})", console.dropped) }</div>
        }
    });
    let notices = console.notices.iter().map(|n| match n {
        Notice::OutputCapReached => html! { <div class="console-note">{"Output limit reached: later output was not kept."}</div> },
    });
    html! {
        <>
            { for dropped }
            { for console.lines.iter().map(|l| render_line(console, l)) }
            { for notices }
        </>
    }
}

fn render_line(console: &ConsoleModel, line: &Line) -> Html {
    let stream = match line.stream {
        Stream::Stdout => "stdout",
        Stream::Stderr => "stderr",
    };
    let task = console.task_name(line.task);
    let colour = line.task.map(|id| TASK_COLOURS[(id as usize) % TASK_COLOURS.len()]);
    let badge = match colour {
        Some(c) => html! { <span class="task" style={format!("--task: {c}")} title={task.to_string()}>{ task.to_string() }</span> },
        None => html! { <span class="task task-none"></span> },
    };
    html! {
        <div key={line.id} class={classes!("line", stream)} data-testid="console-line"
             data-t={format!("{}", line.t)} data-task={task.to_string()} data-stream={stream}>
            <span class="t">{ format!("{:.3}", line.t) }</span>
            { badge }
            <span class="text">{ text_with_links(&line.text, line.stream) }</span>
        </div>
    }
}

/// The line's text, with a traceback's `line N` as a link to the editor.
fn text_with_links(text: &str, stream: Stream) -> Html {
    let link = if stream == Stream::Stderr { line_ref(text) } else { None };
    let Some((span, n)) = link else { return html! { { text.to_string() } } };
    let onclick = Callback::from(move |_: MouseEvent| goto_line(n));
    let label: Rc<str> = Rc::from(&text[span.clone()]);
    html! {
        <>
            { text[..span.start].to_string() }
            <button class="line-link" {onclick} title={format!("Show line {n} in the editor")}>{ label.to_string() }</button>
            { text[span.end..].to_string() }
        </>
    }
}
