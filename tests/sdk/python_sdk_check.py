"""Drives the official RongCloud Python server SDK (rc-server-sdk 3.2.0) against a sandbox.

Usage: python python_sdk_check.py BASE_URL APP_KEY   (App Secret in GROUPDESK_SDK_SECRET)
Every call goes through the SDK unchanged; each result is checked, and the state it changed
is read back through the SDK's own query calls. Exit status 0 only if every check passed.
"""

import os
import sys

from rongcloud.rongcloud import RongCloud

base, app_key = sys.argv[1], sys.argv[2]
rc = RongCloud(app_key, os.environ["GROUPDESK_SDK_SECRET"], host_url=base)
group = rc.get_group()
user = group.get_user()
gag = user.get_gag()
ban = user.get_ban()
whitelist = ban.get_whitelist()

checks = 0


def check(label, got, expected):
    global checks
    checks += 1
    if got != expected:
        print(f"FAIL {label}: got {got!r}, expected {expected!r}")
        sys.exit(1)
    print(f"ok   {label}")


def ids(result, key="users", field="id"):
    return sorted(u[field] for u in result[key])


# The demo data, read through the SDK.
members = user.query("community")
check("query demo group: code", members["code"], 200)
check("query demo group: 3000 members", len(members["users"]), 3000)
joined = group.query_user_group("u10000")
check("query_user_group: includes community", "community" in [g["id"] for g in joined["groups"]], True)
check("ban query demo: announcements muted", ban.query(["announcements"])["groupinfo"], [{"groupId": "announcements", "stat": 1}])
check("whitelist query demo: has moderators", len(whitelist.query("announcements")["userIds"]) >= 3, True)
check("gag query demo: muted members listed", len(gag.query("community")["users"]) >= 5, True)

# Create with an unencoded name (the SDK sends raw UTF-8 and spaces).
check("create", group.create(["sdk1", "sdk2"], "sdkgroup", "SDK Group 测试"), {"code": 200})
check("create: members", ids(user.query("sdkgroup")), ["sdk1", "sdk2"])
groups = {g["id"]: g["name"] for g in group.query_user_group("sdk1")["groups"]}
check("create: name stored raw", groups.get("sdkgroup"), "SDK Group 测试")
check("join", group.join(["sdk3", "sdk4"], "sdkgroup", "SDK Group 测试"), {"code": 200})
check("join: members", ids(user.query("sdkgroup")), ["sdk1", "sdk2", "sdk3", "sdk4"])
check("quit", group.quit(["sdk4"], "sdkgroup"), {"code": 200})
check("quit: members", ids(user.query("sdkgroup")), ["sdk1", "sdk2", "sdk3"])
check("update (refresh)", group.update("sdkgroup", "Renamed"), {"code": 200})
groups = {g["id"]: g["name"] for g in group.query_user_group("sdk1")["groups"]}
check("update: name", groups.get("sdkgroup"), "Renamed")

# Sync replaces the user's groups.
check("sync", group.sync("sdk9", [("sdkA", "Group A"), ("sdkB", "Group B")]), {"code": 200})
check("sync: groups", sorted(g["id"] for g in group.query_user_group("sdk9")["groups"]), ["sdkA", "sdkB"])
check("sync again", group.sync("sdk9", [("sdkB", "Group B")]), {"code": 200})
check("sync: replaced", [g["id"] for g in group.query_user_group("sdk9")["groups"]], ["sdkB"])

# Member mute.
check("gag add", gag.add(["sdk1", "sdk2"], "sdkgroup", 30), {"code": 200})
gagged = gag.query("sdkgroup")
check("gag query: users", ids(gagged, field="userId"), ["sdk1", "sdk2"])
check("gag query: time format", len(gagged["users"][0]["time"]), 19)
check("gag remove", gag.remove(["sdk1"], "sdkgroup"), {"code": 200})
check("gag query after remove", ids(gag.query("sdkgroup"), field="userId"), ["sdk2"])

# Mute all and its allowlist.
check("ban add", ban.add(["sdkgroup"]), {"code": 200})
check("ban query", ban.query(["sdkgroup"])["groupinfo"], [{"groupId": "sdkgroup", "stat": 1}])
check("whitelist add", whitelist.add(["sdk3"], "sdkgroup"), {"code": 200})
check("whitelist query", whitelist.query("sdkgroup")["userIds"], ["sdk3"])
check("whitelist remove", whitelist.remove(["sdk3"], "sdkgroup"), {"code": 200})
check("whitelist query after remove", whitelist.query("sdkgroup")["userIds"], [])
check("ban remove", ban.remove(["sdkgroup"]), {"code": 200})
check("ban query after remove", ban.query(["sdkgroup"])["groupinfo"], [{"groupId": "sdkgroup", "stat": 0}])

# Dismiss.
check("dismiss", group.dismiss("sdk1", "sdkgroup"), {"code": 200})
check("dismiss: no members", user.query("sdkgroup")["users"], [])

# A server-side error reaches the SDK as the documented body.
bad = gag.add(["sdk1"], "sdkgroup", 50000)
check("gag add minute 50000: code 1002", bad.get("code"), 1002)

print(f"{checks} checks passed")
