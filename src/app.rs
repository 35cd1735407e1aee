//! The page shell: the header, then the page the address shows.

use yew::prelude::*;

use crate::playground::Playground;

#[function_component]
pub fn App() -> Html {
    html! {
        <div class="app">
            <header class="top">
                <div class="brand">
                    <span class="logo" aria-hidden="true">{"⟳"}</span>
                    <span class="name">{"Looplab"}</span>
                    <span class="tagline">{"watch asyncio run"}</span>
                </div>
            </header>
            <Playground />
        </div>
    }
}
