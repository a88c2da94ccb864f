//! The signed RongCloud Server API client and its wire types. No UI code lives here.

pub mod sign;
