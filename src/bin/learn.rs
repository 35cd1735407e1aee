//! The course page (`learn.html`, served under `learn/`): lessons,
//! exercises with their checker, quizzes and progress.

use looplab_web::Site;

fn main() {
    looplab_web::start(Site::Course, looplab_web::course::page_for);
}
