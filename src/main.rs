//! The playground page (`index.html`): the site's first load, so it
//! carries only the runner — the course is its own page (`learn.html`).

use looplab_web::playground::Playground;
use looplab_web::route::Route;
use looplab_web::Site;
use yew::prelude::*;

fn page(_route: &Route) -> Html {
    html! { <Playground /> }
}

fn main() {
    looplab_web::start(Site::Playground, page);
}
