//! Timelines drawn from the trace: [`model`] turns events into lanes and
//! spans (pure, tested natively), [`view`] draws them, [`scrubber`] moves
//! the time-travel cursor, [`legend`] says how to read it all, and
//! [`export`] downloads the run for Perfetto.

pub mod export;
pub mod legend;
pub mod model;
pub mod scrubber;
pub mod view;
