//! Every command the Tencent sandbox serves, with its handler and its own rate limit where the
//! reference documents one. Paths not here (nor in `extras::EXTRA_ROUTES`) answer 10003 when
//! the service is known, else 60009.

use super::Command;
use super::handlers::{accounts, fields, groups, info, joined, members, mutes};
use crate::protocol::tencent::limits;

pub static ROUTES: &[Command] = &[
    cmd!("group_open_http_svc", "create_group", groups::create),
    cmd!("group_open_http_svc", "get_appid_group_list", groups::list, limits::GROUP_LIST_RATE_PER_SECOND),
    cmd!("group_open_http_svc", "get_group_info", info::get_group_info),
    cmd!("group_open_http_svc", "modify_group_base_info", groups::modify),
    cmd!("group_open_http_svc", "destroy_group", groups::destroy),
    cmd!("group_open_http_svc", "change_group_owner", groups::change_owner),
    cmd!("group_open_http_svc", "import_group", groups::import),
    cmd!("group_open_http_svc", "get_group_member_info", info::get_group_member_info),
    cmd!("group_open_http_svc", "add_group_member", members::add),
    cmd!("group_open_http_svc", "delete_group_member", members::delete),
    cmd!("group_open_http_svc", "import_group_member", members::import),
    cmd!("group_open_http_svc", "modify_group_member_info", members::modify),
    cmd!("group_open_http_svc", "get_role_in_group", members::roles),
    cmd!("group_open_http_svc", "forbid_send_msg", mutes::forbid),
    cmd!("group_open_http_svc", "get_group_muted_account", mutes::muted),
    cmd!("group_open_http_svc", "get_group_shutted_uin", mutes::shutted),
    cmd!("group_open_http_svc", "get_joined_group_list", joined::get_joined_group_list),
    cmd!("im_open_login_svc", "account_import", accounts::import),
    cmd!("im_open_login_svc", "multiaccount_import", accounts::import_many),
    cmd!("im_open_login_svc", "account_check", accounts::check),
    // sandbox-only: the Chat console's custom field configuration
    cmd!("_sandbox", "get_custom_fields", fields::get),
    cmd!("_sandbox", "add_custom_fields", fields::add),
];
