//! The editor view: CodeMirror 6, loaded as `window.LooplabEditor` by the
//! bundled script (static/editor/main.js). This module is the only Rust
//! code that talks to it.

use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = LooplabEditor, js_name = create)]
    fn create(
        parent: &web_sys::Element,
        doc: &str,
        on_run: &js_sys::Function,
        on_change: &js_sys::Function,
    ) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_namespace = LooplabEditor, js_name = markLine)]
    fn mark_line_js(line: Option<u32>) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_namespace = LooplabEditor, js_name = setMarkers)]
    fn set_markers_js(markers: &js_sys::Array) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_namespace = LooplabEditor, js_name = gotoLine)]
    fn goto_line_js(line: u32) -> Result<(), JsValue>;
}

/// Marks the program's line `line` (1-based) as failing; None clears it.
pub fn mark_line(line: Option<usize>) {
    let _ = mark_line_js(line.map(|n| n as u32));
}

/// A task's place in the code: where it waits, or where it runs.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    pub line: u32,
    pub colour: &'static str,
    pub running: bool,
    /// Shown at the end of the line (`producer waits: q.put() · full`).
    pub text: String,
}

/// Shows the tasks' lines (replacing the previous markers).
pub fn set_markers(markers: &[Marker]) {
    let list = js_sys::Array::new();
    for m in markers {
        let item = js_sys::Array::of4(
            &JsValue::from(m.line),
            &JsValue::from_str(m.colour),
            &JsValue::from_bool(m.running),
            &JsValue::from_str(&m.text),
        );
        list.push(&item);
    }
    let _ = set_markers_js(&list);
}

/// Puts the cursor on line `line` and focuses the editor.
pub fn goto_line(line: usize) {
    let _ = goto_line_js(line as u32);
}

/// Runs `f` once the editor's script has defined `window.LooplabEditor`
/// (it announces itself with a `looplab-editor` event).
fn when_loaded(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let loaded = js_sys::Reflect::get(&window, &JsValue::from_str("LooplabEditor")).map(|v| !v.is_undefined()).unwrap_or(false);
    if loaded {
        f();
        return;
    }
    let once = Closure::once_into_js(f);
    let opts = web_sys::AddEventListenerOptions::new();
    opts.set_once(true);
    let _ = window.add_event_listener_with_callback_and_add_event_listener_options("looplab-editor", once.unchecked_ref(), &opts);
}

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub initial: AttrValue,
    /// Ctrl/Cmd-Enter.
    pub on_run: Callback<()>,
    pub on_change: Callback<String>,
}

#[function_component]
pub fn Editor(props: &EditorProps) -> Html {
    let host = use_node_ref();
    let failed = use_state(|| false);
    {
        let host = host.clone();
        let (initial, on_run, on_change, failed) = (
            props.initial.clone(),
            props.on_run.clone(),
            props.on_change.clone(),
            failed.clone(),
        );
        use_effect_with((), move |_| {
            let Some(el) = host.cast::<web_sys::Element>() else { return };
            let mount = move || {
                // The closures live as long as the page (one editor per page).
                let run = Closure::<dyn Fn()>::new(move || on_run.emit(()));
                let change = Closure::<dyn Fn(String)>::new(move |text| on_change.emit(text));
                if create(
                    &el,
                    &initial,
                    run.as_ref().unchecked_ref(),
                    change.as_ref().unchecked_ref(),
                )
                .is_err()
                {
                    failed.set(true);
                }
                run.forget();
                change.forget();
            };
            when_loaded(mount);
        });
    }
    html! {
        <div class="editor-host" ref={host}>
            if *failed { <p class="editor-failed">{"The editor could not load. Reload the page to try again."}</p> }
        </div>
    }
}
