//! The rate limit: a token bucket (governor) per caller and route, with the configured quota or
//! a route's own documented one.

use std::collections::HashMap;
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

type Limiter = DefaultKeyedRateLimiter<(String, &'static str)>;

pub struct RateLimit {
    per_second: u32,
    /// One keyed limiter per quota in use (the configured one and routes' own).
    limiters: Mutex<HashMap<u32, Arc<Limiter>>>,
}

impl RateLimit {
    /// `per_second` requests per second per caller and route; `None` when 0 (off).
    pub fn new(per_second: u32) -> Option<Self> {
        NonZeroU32::new(per_second)?;
        Some(Self { per_second, limiters: Mutex::default() })
    }

    /// The quota for a route: its own when it has one, else the configured one.
    pub fn per_second(&self, route_quota: Option<u32>) -> u32 {
        route_quota.filter(|q| *q > 0).unwrap_or(self.per_second)
    }

    /// Counts one request; over the limit, how long until the next one would pass.
    pub fn check(&self, caller: String, route: &'static str, route_quota: Option<u32>) -> Result<(), Duration> {
        let per_second = self.per_second(route_quota);
        let limiter = {
            let mut limiters = self.limiters.lock().unwrap_or_else(|p| p.into_inner());
            limiters
                .entry(per_second)
                .or_insert_with(|| {
                    let quota = Quota::per_second(NonZeroU32::new(per_second).expect("quota is positive"));
                    Arc::new(RateLimiter::keyed(quota))
                })
                .clone()
        };
        limiter
            .check_key(&(caller, route))
            .map_err(|not_until| not_until.wait_time_from(DefaultClock::default().now()))
    }
}
