"""The official Python SDK (rc-server-sdk 3.2.0) muting then unmuting users, one call after
another (20 users per call, as the API allows). Prints the two wall times in seconds as JSON.

Usage: python python_sdk_mute.py BASE_URL APP_KEY GROUP FIRST_USER_NUMBER COUNT  (secret in env)
"""

import json
import os
import sys
import time

from rongcloud.rongcloud import RongCloud

base, key, group, first, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
rc = RongCloud(key, os.environ["GROUPDESK_SDK_SECRET"], host_url=base)
gag = rc.get_group().get_user().get_gag()
users = [f"u{n}" for n in range(first, first + count)]
chunks = [users[i:i + 20] for i in range(0, len(users), 20)]

t = time.perf_counter()
for c in chunks:
    r = gag.add(c, group, 60)
    assert r.get("code") == 200, r
mute = time.perf_counter() - t
t = time.perf_counter()
for c in chunks:
    r = gag.remove(c, group)
    assert r.get("code") == 200, r
unmute = time.perf_counter() - t
print(json.dumps({"mute": mute, "unmute": unmute, "calls": 2 * len(chunks)}))
