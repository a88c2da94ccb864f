//! Every path the RongCloud sandbox serves, with its handler. Anything else is 404.

use super::Handler;
use super::entrust::{follows, groups, members, queries, remarks as remark_names};
use super::legacy::{self, mutes, remarks};
use super::admin;

pub static ROUTES: &[(&str, Handler)] = &[
    // §5 legacy groups
    ("/group/create.json", legacy::create),
    ("/group/join.json", legacy::join),
    ("/group/quit.json", legacy::quit),
    ("/group/dismiss.json", legacy::dismiss),
    ("/group/refresh.json", legacy::refresh),
    ("/group/user/query.json", legacy::members),
    ("/user/group/query.json", legacy::user_groups),
    ("/group/sync.json", legacy::sync),
    ("/group/user/gag/add.json", mutes::gag_add),
    ("/group/user/gag/rollback.json", mutes::gag_remove),
    ("/group/user/gag/list.json", mutes::gag_list),
    ("/group/ban/add.json", mutes::ban_add),
    ("/group/ban/rollback.json", mutes::ban_remove),
    ("/group/ban/query.json", mutes::ban_query),
    ("/group/user/ban/whitelist/add.json", mutes::whitelist_add),
    ("/group/user/ban/whitelist/rollback.json", mutes::whitelist_remove),
    ("/group/user/ban/whitelist/query.json", mutes::whitelist_query),
    ("/group/remarks/set.json", remarks::set),
    ("/group/remarks/get.json", remarks::get),
    ("/group/remarks/del.json", remarks::delete),
    // §6 group information hosting
    ("/entrust/group/create.json", groups::create),
    ("/entrust/group/profile/update.json", groups::profile_update),
    ("/entrust/group/profile/query.json", groups::profile_query),
    ("/entrust/group/quit.json", members::quit),
    ("/entrust/group/member/kick.json", members::quit),
    ("/entrust/group/member/kick/all.json", members::kick_all),
    ("/entrust/group/dismiss.json", groups::dismiss),
    ("/entrust/group/join.json", members::join),
    ("/entrust/group/transfer/owner.json", groups::transfer_owner),
    ("/entrust/group/import.json", groups::import),
    ("/entrust/group/manager/add.json", members::manager_add),
    ("/entrust/group/manager/remove.json", members::manager_remove),
    ("/entrust/group/member/query.json", queries::member_query),
    ("/entrust/group/member/specific/query.json", members::member_specific),
    ("/entrust/group/member/set.json", members::member_set),
    ("/entrust/group/remarkname/set.json", remark_names::set),
    ("/entrust/group/remarkname/delete.json", remark_names::delete),
    ("/entrust/group/remarkname/query.json", remark_names::query),
    ("/entrust/group/member/follow.json", follows::follow),
    ("/entrust/group/member/unfollow.json", follows::unfollow),
    ("/entrust/group/member/followed/get.json", follows::followed),
    ("/entrust/group/query.json", queries::group_query),
    ("/entrust/joined/group/query.json", queries::joined_query),
    // sandbox-only: the developer-console registry of extProfile keys
    ("/_sandbox/extkeys/list.json", admin::list),
    ("/_sandbox/extkeys/set.json", admin::set),
    ("/_sandbox/extkeys/delete.json", admin::delete),
];
