//! Which page the address shows. Course pages live in the fragment
//! (`#/learn`, `#/lesson/ID`, `#/exercise/ID`, `#/quiz/LESSON-ID`,
//! `#/progress`), so the site stays static files and every page has a
//! stable URL. Everything else — no fragment, a `#code=` share link,
//! `#/playground` — is the playground, exactly as before the course existed.
//!
//! The playground and the course are two pages ([`Site`]): the course's
//! routes live on `learn/`, the playground's on the root. [`Route::link_from`]
//! gives the address to use from either page.

use crate::Site;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Playground,
    Learn,
    Lesson(String),
    Exercise(String),
    Quiz(String),
    Progress,
    /// A `#/...` address that names no page.
    NotFound(String),
}

impl Route {
    /// The route for a `location.hash` value (with or without the `#`).
    pub fn parse(hash: &str) -> Route {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let Some(path) = hash.strip_prefix('/') else {
            return Route::Playground;
        };
        let path = path.trim_end_matches('/');
        let (page, id) = path.split_once('/').unwrap_or((path, ""));
        let valid = !id.is_empty() && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        match (page, id) {
            ("" | "playground", "") => Route::Playground,
            ("learn", "") => Route::Learn,
            ("progress", "") => Route::Progress,
            ("lesson", id) if valid => Route::Lesson(id.to_string()),
            ("exercise", id) if valid => Route::Exercise(id.to_string()),
            ("quiz", id) if valid => Route::Quiz(id.to_string()),
            _ => Route::NotFound(path.to_string()),
        }
    }

    /// The `href` of this page.
    pub fn href(&self) -> String {
        match self {
            Route::Playground => "#/playground".into(),
            Route::Learn => "#/learn".into(),
            Route::Lesson(id) => format!("#/lesson/{id}"),
            Route::Exercise(id) => format!("#/exercise/{id}"),
            Route::Quiz(id) => format!("#/quiz/{id}"),
            Route::Progress => "#/progress".into(),
            Route::NotFound(path) => format!("#/{path}"),
        }
    }

    /// The page that shows this route.
    pub fn site(&self) -> Site {
        match self {
            Route::Playground => Site::Playground,
            _ => Site::Course,
        }
    }

    /// The link to this route from a page of `here`: the fragment alone on
    /// its own page, else the other page's path with the fragment.
    pub fn link_from(&self, here: Site) -> String {
        let prefix = match (here, self.site()) {
            (a, b) if a == b => "",
            (Site::Playground, _) => "learn/",
            (Site::Course, _) => "../",
        };
        format!("{prefix}{}", self.href())
    }

    /// Whether the header's Course link is the current section.
    pub fn in_course(&self) -> bool {
        matches!(self, Route::Learn | Route::Lesson(_) | Route::Exercise(_) | Route::Quiz(_))
    }
}

#[cfg(test)]
mod tests {
    use super::Route;

    #[test]
    fn the_playground_keeps_the_root_and_share_links() {
        for hash in ["", "#", "#code=aW1wb3J0", "#/", "#/playground", "#anything"] {
            assert_eq!(Route::parse(hash), Route::Playground, "{hash:?}");
        }
    }

    #[test]
    fn course_pages_round_trip() {
        for r in [
            Route::Learn,
            Route::Progress,
            Route::Lesson("gather".into()),
            Route::Exercise("first-await".into()),
            Route::Quiz("coroutines".into()),
        ] {
            assert_eq!(Route::parse(&r.href()), r);
        }
        assert_eq!(Route::parse("#/lesson/gather/"), Route::Lesson("gather".into()));
        assert_eq!(Route::parse("#/lesson/"), Route::NotFound("lesson".into()));
        assert_eq!(Route::parse("#/exercise/<b>"), Route::NotFound("exercise/<b>".into()));
    }

    #[test]
    fn links_cross_between_the_two_pages() {
        use crate::Site;
        let lesson = Route::Lesson("gather".into());
        assert_eq!(lesson.link_from(Site::Course), "#/lesson/gather");
        assert_eq!(lesson.link_from(Site::Playground), "learn/#/lesson/gather");
        assert_eq!(Route::Playground.link_from(Site::Course), "../#/playground");
        assert_eq!(Route::Playground.link_from(Site::Playground), "#/playground");
        // An unknown course address is the course page's to explain.
        assert_eq!(Route::NotFound("nope".into()).site(), Site::Course);
    }
}
