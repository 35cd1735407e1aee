//! The Python modules a program imports that the engine does not carry in
//! the browser (`looplab_engine::modules::on_demand`): the page fetches
//! their sources, files next to it (`py/NAME.py`, copied there by the
//! build), once per page and just before a run that needs them.

use looplab_engine::modules::on_demand;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Whether `code` imports a module the page has not fetched yet.
pub fn needs_fetch(code: &str) -> bool {
    !on_demand::missing(code).is_empty()
}

/// Fetches every module `code` imports that the page lacks, and what those
/// import in turn. One that cannot be fetched (offline, never cached) is
/// left out: the program's import then fails and says so.
pub async fn fetch_imports(code: &str) {
    let mut failed: Vec<&str> = Vec::new();
    loop {
        let missing: Vec<&str> = on_demand::missing(code).into_iter().filter(|n| !failed.contains(n)).collect();
        if missing.is_empty() {
            return;
        }
        // All requests first, so they are in flight together.
        let pending: Vec<_> = missing.iter().map(|name| (*name, request(&format!("py/{name}.py")))).collect();
        for (name, req) in pending {
            match text(req).await {
                Some(src) => on_demand::supply(name, &src),
                None => failed.push(name),
            }
        }
    }
}

fn request(url: &str) -> Option<js_sys::Promise> {
    Some(web_sys::window()?.fetch_with_str(url))
}

async fn text(req: Option<js_sys::Promise>) -> Option<String> {
    let resp: web_sys::Response = JsFuture::from(req?).await.ok()?.dyn_into().ok()?;
    if !resp.ok() {
        return None;
    }
    JsFuture::from(resp.text().ok()?).await.ok()?.as_string()
}
