//! The few browser services the app needs, wrapped once: the clock, yielding
//! to the event loop, localStorage.

use std::cell::RefCell;
use std::collections::VecDeque;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Real milliseconds (monotonic).
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

thread_local! {
    static CHANNEL: Option<web_sys::MessageChannel> = make_channel();
    static WAITING: RefCell<VecDeque<js_sys::Function>> = const { RefCell::new(VecDeque::new()) };
}

/// One MessageChannel for every yield: a posted message is delivered as a
/// task after the browser has handled input and rendering, without the
/// 4 ms clamp that nested `setTimeout(0)` gets.
fn make_channel() -> Option<web_sys::MessageChannel> {
    let channel = web_sys::MessageChannel::new().ok()?;
    let on_message = Closure::<dyn FnMut()>::new(|| {
        if let Some(resolve) = WAITING.with(|w| w.borrow_mut().pop_front()) {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    channel
        .port1()
        .set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget(); // lives as long as the page
    Some(channel)
}

/// Lets the browser run (input, rendering, timers) before continuing.
pub async fn yield_to_browser() {
    let posted = CHANNEL.with(|c| {
        let c = c.as_ref()?;
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            WAITING.with(|w| w.borrow_mut().push_back(resolve))
        });
        c.port2().post_message(&JsValue::NULL).ok()?;
        Some(promise)
    });
    match posted {
        Some(promise) => {
            let _ = JsFuture::from(promise).await;
        }
        None => gloo_timers::future::TimeoutFuture::new(0).await,
    }
}

/// Calls `f` before the browser next lays out and paints the page: the
/// place for reading layout (a forced layout in the middle of a render
/// would lay the page out twice).
pub fn on_next_frame(f: impl FnOnce() + 'static) {
    if let Some(w) = web_sys::window() {
        let f = Closure::once_into_js(f);
        let _ = w.request_animation_frame(f.unchecked_ref());
    }
}

/// Continues after the microtasks queued so far, such as Yew's render of
/// a view asked to redraw: the DOM has changed, the screen not yet.
pub async fn after_microtasks() {
    let _ = JsFuture::from(js_sys::Promise::resolve(&JsValue::NULL)).await;
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?
}

/// Best effort: a full or disabled storage only loses the autosave.
pub fn save(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Calls `f` on every `hashchange` until the returned function is called
/// (an effect's clean-up).
pub fn on_hashchange(f: impl FnMut() + 'static) -> impl FnOnce() {
    let listener = Closure::<dyn FnMut()>::new(f);
    let window = web_sys::window();
    if let Some(w) = &window {
        let _ = w.add_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
    }
    move || {
        if let Some(w) = window {
            let _ = w.remove_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
        }
    }
}

/// Calls `f` with `el` whenever its size changes (and once when observing
/// starts) until the returned function is called (an effect's clean-up).
/// Views read their size this way: reading it while drawing would force a
/// layout on every frame.
pub fn on_resize(el: Option<web_sys::Element>, f: impl Fn(&web_sys::Element) + 'static) -> impl FnOnce() {
    let observer = el.and_then(|el| {
        let measure = Closure::<dyn Fn()>::new({
            let el = el.clone();
            move || f(&el)
        });
        let observer = web_sys::ResizeObserver::new(measure.as_ref().unchecked_ref()).ok()?;
        observer.observe(&el);
        Some((observer, measure))
    });
    move || {
        if let Some((observer, _measure)) = observer {
            observer.disconnect();
        }
    }
}
