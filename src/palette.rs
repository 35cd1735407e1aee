//! Task colours, shared by the console, the timeline and the editor
//! markers so one task looks the same everywhere. Okabe and Ito's
//! colour-blind-safe set, darkened where needed to read as text on white;
//! the timeline adds patterns, so no state is told by colour alone.

const TASK_COLOURS: [&str; 8] = [
    "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#a66f00", "#3a8fc4", "#555555", "#882255",
];

/// The colour of task `id` (ids count from 1 in a run).
pub fn task_colour(id: u64) -> &'static str {
    TASK_COLOURS[(id.wrapping_sub(1) as usize) % TASK_COLOURS.len()]
}
