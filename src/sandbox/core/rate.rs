//! The rate limit: a token bucket (governor) per caller and route.

use std::num::NonZeroU32;
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

pub struct RateLimit {
    per_second: u32,
    limiter: DefaultKeyedRateLimiter<(String, &'static str)>,
}

impl RateLimit {
    /// `per_second` requests per second per caller and route; `None` when 0 (off).
    pub fn new(per_second: u32) -> Option<Self> {
        let quota = Quota::per_second(NonZeroU32::new(per_second)?);
        Some(Self { per_second, limiter: RateLimiter::keyed(quota) })
    }

    pub fn per_second(&self) -> u32 {
        self.per_second
    }

    /// Counts one request; over the limit, how long until the next one would pass.
    pub fn check(&self, caller: String, route: &'static str) -> Result<(), Duration> {
        self.limiter
            .check_key(&(caller, route))
            .map_err(|not_until| not_until.wait_time_from(DefaultClock::default().now()))
    }
}
