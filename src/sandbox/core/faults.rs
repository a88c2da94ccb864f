//! Fault injection: a configured fraction of requests fails, evenly spread over four ways a real
//! network and server fail — a 503 or a dropped connection, before or after the change applied.

use rand::Rng;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    UnavailableBefore,
    DropBefore,
    UnavailableAfter,
    DropAfter,
}

impl Fault {
    /// Draws the fault of one request: none with probability `1 - rate`.
    pub fn pick(rate: f64) -> Option<Fault> {
        if rate <= 0.0 {
            return None;
        }
        let mut rng = rand::rng();
        if !rng.random_bool(rate.min(1.0)) {
            return None;
        }
        Some(match rng.random_range(0..4) {
            0 => Fault::UnavailableBefore,
            1 => Fault::DropBefore,
            2 => Fault::UnavailableAfter,
            _ => Fault::DropAfter,
        })
    }

    /// Whether it strikes before the request is applied (nothing changes).
    pub fn before(self) -> bool {
        matches!(self, Fault::UnavailableBefore | Fault::DropBefore)
    }

    /// Whether the connection is dropped instead of answered.
    pub fn drops(self) -> bool {
        matches!(self, Fault::DropBefore | Fault::DropAfter)
    }
}

/// Returned as the service error to make hyper close the connection without an answer.
#[derive(Debug)]
pub struct DropConnection;

impl std::fmt::Display for DropConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("sandbox fault injection: connection dropped")
    }
}

impl std::error::Error for DropConnection {}
