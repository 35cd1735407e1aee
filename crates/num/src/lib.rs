//! Numbers for Looplab's parser and engine: [`bigint`] (Python's `int`
//! beyond i64) and [`decimal`] (decimal text to the nearest double). Both
//! are written for small wasm rather than asymptotic speed.

pub mod bigint;
pub mod decimal;
