//! The input rules the console checks as the operator types, before anything is sent: the
//! service's documented id and length rules, each error naming the field and the limit.
//! (RongCloud's today; a second service brings its own.)

use crate::backend::rongcloud::check;
use crate::model::{ApiError, Service};

/// An existing group's id, to open or act on.
pub fn group_id(field: &str, value: &str) -> Result<(), ApiError> {
    check::group_id("", field, value)
}

/// A new group's id (creation has the strictest rule).
pub fn new_group_id(field: &str, value: &str) -> Result<(), ApiError> {
    check::new_group_id("", field, value)
}

pub fn user_id(field: &str, value: &str) -> Result<(), ApiError> {
    check::user_id("", field, value)
}

/// The service's plain-language meaning of an error code, for reports.
pub fn explain(service: Service, code: u32) -> &'static str {
    match service {
        Service::RongCloud => crate::backend::rongcloud::codes::explain(code),
        Service::Tencent => crate::backend::tencent::codes::explain(code),
    }
}
