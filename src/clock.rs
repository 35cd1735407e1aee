//! Maps the engine's virtual clock to real time at a chosen speed.
//!
//! Virtual time stands still while the program computes and jumps when
//! every task waits, so the host decides when each jump happens: the
//! deadline `t` is due at `real0 + (t - virt0) / speed`. Anchoring on the
//! scheduled time (not the time a timer actually fired) keeps timer
//! latency from accumulating across sleeps; re-anchoring when computation
//! made us late keeps a long computation from being "caught up" with a
//! burst of output.

/// How late (real ms) the program may fall behind its schedule through
/// computation before the schedule is moved instead of caught up.
pub const REANCHOR_AFTER_MS: f64 = 10.0;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Speed {
    /// Virtual seconds per real second.
    Times(f64),
    /// Sleeps take no real time.
    Instant,
}

impl Speed {
    pub const CHOICES: [(&'static str, &'static str); 6] = [
        ("0.25", "0.25×"),
        ("0.5", "0.5×"),
        ("1", "1×"),
        ("2", "2×"),
        ("4", "4×"),
        ("instant", "instant"),
    ];

    pub fn parse(value: &str) -> Option<Speed> {
        match value {
            "instant" => Some(Speed::Instant),
            v => looplab_engine::decimal::parse(v)
                .filter(|x: &f64| *x > 0.0 && x.is_finite())
                .map(Speed::Times),
        }
    }

    pub fn value(self) -> String {
        match self {
            Speed::Instant => "instant".into(),
            Speed::Times(x) => format!("{x}"),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Schedule {
    /// Real milliseconds (performance.now()) at which virtual time was `virt0`.
    real0: f64,
    virt0: f64,
    speed: f64,
}

impl Schedule {
    pub fn new(real_now: f64, virt_now: f64, speed: f64) -> Schedule {
        Schedule {
            real0: real_now,
            virt0: virt_now,
            speed,
        }
    }

    /// The virtual time the schedule says it is now, never before the
    /// engine's `clock` nor past the `deadline` it is waiting for.
    pub fn virtual_now(&self, real_now: f64, clock: f64, deadline: Option<f64>) -> f64 {
        let v = self.virt0 + (real_now - self.real0) * self.speed / 1000.0;
        let v = v.max(clock);
        deadline.map_or(v, |d| v.min(d))
    }

    /// Real ms at which the virtual `deadline` is due. First moves the
    /// schedule if computation since the anchor made us late by more than
    /// [`REANCHOR_AFTER_MS`] (`clock` is the engine's virtual time now).
    pub fn due(&mut self, deadline: f64, clock: f64, real_now: f64) -> f64 {
        let clock_due = self.real_at(clock);
        if real_now - clock_due > REANCHOR_AFTER_MS {
            *self = Schedule::new(real_now, clock, self.speed);
        }
        self.real_at(deadline)
    }

    fn real_at(&self, virt: f64) -> f64 {
        self.real0 + (virt - self.virt0) * 1000.0 / self.speed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deadlines_follow_the_anchor_at_any_speed() {
        let mut s = Schedule::new(1000.0, 0.0, 1.0);
        assert_eq!(s.due(0.5, 0.0, 1002.0), 1500.0);
        // The timer fired late (1503): the next deadline is still on schedule.
        assert_eq!(s.due(1.0, 0.5, 1504.0), 2000.0);
        let mut fast = Schedule::new(0.0, 0.0, 2.0);
        assert_eq!(fast.due(1.0, 0.0, 1.0), 500.0);
    }

    #[test]
    fn long_computation_moves_the_schedule() {
        let mut s = Schedule::new(0.0, 0.0, 1.0);
        // 300 ms of computing at virtual time 0, then a 0.5 s sleep.
        assert_eq!(s.due(0.5, 0.0, 300.0), 800.0);
    }

    #[test]
    fn virtual_now_is_clamped() {
        let s = Schedule::new(0.0, 1.0, 1.0);
        assert_eq!(s.virtual_now(250.0, 1.0, Some(2.0)), 1.25);
        assert_eq!(s.virtual_now(5000.0, 1.0, Some(2.0)), 2.0);
        assert_eq!(s.virtual_now(0.0, 1.5, None), 1.5);
    }

    #[test]
    fn speeds_parse() {
        for (v, _) in Speed::CHOICES {
            assert_eq!(Speed::parse(v).map(Speed::value).as_deref(), Some(v));
        }
        assert_eq!(Speed::parse("0"), None);
        assert_eq!(Speed::parse("fast"), None);
    }
}
