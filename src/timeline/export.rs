//! Downloads the run as a Chrome Trace Event file (opens in Perfetto),
//! converted by the engine exactly as `looplab run --perfetto` does.

use looplab_engine::timeline::perfetto_json;
use looplab_engine::Trace;
use wasm_bindgen::{JsCast, JsValue};

/// Offers `trace` as `looplab-trace.json`; does nothing if the browser
/// refuses (there is nothing the learner could do about it).
pub fn download(trace: &Trace) {
    let _ = try_download(&perfetto_json(trace));
}

fn try_download(json: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(json));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(JsValue::NULL)?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download("looplab-trace.json");
    a.click();
    // The download has started by the time this runs.
    gloo_timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
