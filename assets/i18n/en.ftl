## groupdesk — English. Every string the console shows; ids are shared with zh-CN.ftl.
## Numbers passed as numbers get thousands separators; ids and codes are passed as text.

## Common words

cancel = Cancel
confirm = Confirm
none = none
not-set = (not set)
on = on
off = off
yes = yes
and-more = { " " }and { $count } more
request-id = Request id { $id }
error-code-http = { $message } (code { $code }, HTTP { $status })
error-http = { $message } (HTTP { $status })
error-summary = { $what }: { $error }. { $explanation }
limit-chars = { $label }: at most { $max } characters (got { $count })
field-required = { $label }: required

## The shell: top bar, navigation, status bar

production-banner = PRODUCTION — changes affect real users
starting-sandbox = Starting the built-in sandbox…
not-connected = Not connected
connecting = connecting…
env-production = PRODUCTION
env-staging = STAGING
env-sandbox = SANDBOX
nav-groups = Groups
nav-extkeys = extProfile keys
nav-connections = Connections
nav-audit = Audit
nav-log = Log
language-hint = Language of the console
view-menu = View
view-light = Light theme
view-dark = Dark theme
view-zoom-out = Zoom −
view-zoom-in = Zoom +
view-times = Times
view-times-local = Local time ({ $zone })
view-times-utc = UTC
status-running = { $count ->
    [one] 1 request running
   *[other] { $count } requests running
}
status-ready = Ready
status-dismiss = Dismiss notice
status-dismiss-hint = Hide this problem from the status bar (it stays in the Log)
status-more-problems = { $count ->
    [one] +1 more problem in the Log
   *[other] +{ $count } more problems in the Log
}
deeplink-no-connection = No saved connection is named “{ $name }”; using the last connection instead.

## Log screen

log-title = Log
log-intro = Every notification of this run, newest first (times in { $zone }).
log-dismiss-all = Dismiss all problems
level-info = info
level-warning = warning
level-error = error

## Notifications

note-groups-failed = Loading groups failed
note-created = Group { $group } created
note-create-failed = Creating group { $group } failed
note-changed = { $action }: done for group { $group }; reading it back from the server
note-change-failed = { $action } failed for group { $group }
note-dismissed = Group { $group } dismissed
note-dismiss-failed = Dismissing { $group } failed
note-job-done = { $action } in { $group }
note-exported = Exported { $count ->
    [one] 1 member
   *[other] { $count } members
} to { $path }
note-export-failed = Export to { $path } failed
note-audit-exported = { $count ->
    [one] 1 audit entry exported
   *[other] { $count } audit entries exported
} to { $path }
note-registry-exported = extProfile registry exported to { $path }
note-outcomes-written = Outcomes written to { $path }
note-write-failed = Cannot write { $path }
note-registry-imported = Imported { $count ->
    [one] 1 extProfile key
   *[other] { $count } extProfile keys
} from { $path }
note-import-failed = Cannot import { $path }
note-connection-saved-keyring = Connection { $name } saved; its App Secret is in the OS keyring
note-connection-saved-memory = Connection { $name } saved; no keyring here, so its App Secret is kept for this run only
note-audit-failed = The audit log { $path } could not be written
note-connected = Connected to { $name } ({ $count ->
    [one] 1 group
   *[other] { $count } groups
})
note-sandbox-failed = The built-in sandbox did not start: { $error }
note-connect-failed = Connecting failed: { $error }
note-open-failed = Opening group { $group } failed

## Changes (as the page and the notifications name them)

change-save-profile = Save { $fields }
change-import = Import into hosting
change-alias = Set group alias
change-group-action = { $action } — reason: { $reason }
change-make-admin = make admin: { $users }
change-remove-admin = remove admin: { $users }
change-member = set nickname/extra of { $user }

## Bulk actions and confirmations

duration-permanent = permanently
duration-minutes = for { $count ->
    [one] 1 minute
   *[other] { $count } minutes
}
duration-hours = for { $count ->
    [one] 1 hour
   *[other] { $count } hours
}
duration-days = for { $count ->
    [one] 1 day
   *[other] { $count } days
}
action-mute = mute { $duration }
action-unmute = unmute
action-kick = kick
action-allowlist-add = add to the mute-all allowlist
action-allowlist-remove = remove from the mute-all allowlist
action-add = add as members
confirm-mute-title = Mute { $count ->
    [one] 1 user
   *[other] { $count } users
} { $duration }?
confirm-mute-permanent-title = Mute { $count ->
    [one] 1 user
   *[other] { $count } users
} permanently?
confirm-unmute-title = Unmute { $count ->
    [one] 1 user
   *[other] { $count } users
}?
confirm-kick-title = Kick { $count ->
    [one] 1 user
   *[other] { $count } users
} out of the group?
confirm-allowlist-add-title = Add { $count ->
    [one] 1 user
   *[other] { $count } users
} to the mute-all allowlist?
confirm-allowlist-remove-title = Remove { $count ->
    [one] 1 user
   *[other] { $count } users
} from the mute-all allowlist?
confirm-add-title = Add { $count ->
    [one] 1 user
   *[other] { $count } users
} as members?
group-action-mute-all-on = mute-all on
group-action-mute-all-off = mute-all off
group-action-transfer = transfer ownership to { $user }
group-action-transfer-leave = transfer ownership to { $user } (old owner leaves)
confirm-mute-all-on-title = Turn mute-all on in { $group }?
confirm-mute-all-off-title = Turn mute-all off in { $group }?
confirm-transfer-title = Make { $user } the owner of { $group }?
reason-label = Reason (recorded in the audit log)
reason-hint = why, e.g. a ticket number
reason-use-last = Use the last reason: “{ $reason }”
type-count-to-confirm = Type { $count } to confirm
type-count-hint = the number of users
type-group-id-to-confirm = Type the group id ({ $group }) to confirm
group-id-hint = group id
kick-remove-mute = also remove their mute in this group
kick-remove-allowlist = also remove them from the mute-all allowlist
kick-remove-follows = also remove the members they follow
skips-heading = { $count ->
    [one] 1 user will be skipped
   *[other] { $count } users will be skipped
} ({ $acted } acted on):
skip-owner = group owner: transfer ownership first
skip-not-member = not a member of the group
skip-already-member = already a member

## Jobs and outcomes

job-label = { $action }: { $count ->
    [one] 1 user
   *[other] { $count } users
} in { $group }
job-time-left = about { $seconds } s left
job-cancel = Cancel job
job-queued = { $count ->
    [one] 1 more job queued
   *[other] { $count } more jobs queued
}
outcomes-title = Outcomes of the last job
outcomes-all = All
outcomes-failed = Failed
outcomes-skipped = Skipped
outcomes-unknown = Unknown
outcomes-retry = Retry failed
outcomes-export = Export outcomes…
outcomes-summary = { $done } done, { $failed } failed, { $skipped } skipped
outcomes-summary-unknown = { $unknown } unknown
outcome-done = done
outcome-failed = failed
outcome-skipped = skipped
outcome-unknown = unknown

## Group browser

browser-title = Groups
browser-new = New group
browser-refresh = Refresh
browser-refresh-hint = Reload the group list
browser-filter = Filter by id or name
browser-filter-hint = type to filter
browser-open-label = Open by exact group id
browser-open-hint = group id
browser-open = Open
browser-sort = Sort by
browser-sort-name = Name
browser-sort-members = Member count
browser-sort-created = Creation time
browser-sort-reverse = Reverse
browser-sort-reverse-hint = Reverse the order (Z to A, smallest or oldest first)
browser-count = { $shown } of { $total ->
    [one] 1 hosted group
   *[other] { $total } hosted groups
}
browser-row-members = { $count ->
    [one] 1 member
   *[other] { $count } members
}
browser-row-hint = Created { $created } ({ $zone })
lookup-title = User lookup
lookup-user = User id
lookup-user-hint = user id
lookup-find = Find groups
lookup-none = { $user } is in no group.
lookup-found = { $user } is in { $count ->
    [one] 1 hosted group:
   *[other] { $count } hosted groups:
}
create-title = New hosted group
create-id = Group ID
create-name = Group name
create-owner = Owner user id
create-members = Members to add (up to { $max }; commas or new lines)
create-members-hint = user ids
create-button = Create
create-too-many = Members: at most { $max } invitees (got { $count })

## Group page

tab-profile = Profile
tab-members = Members
group-none-title = Pick a group on the left, or open one by id.
group-none-count = { $count ->
    [one] 1 hosted group on this connection.
   *[other] { $count } hosted groups on this connection.
}
group-loading = Loading { $group }…
group-legacy-title = { $group } (legacy group)
group-facts = Owner { $owner } · { $members ->
    [one] 1 member
   *[other] { $members } members
} · created { $created } ({ $zone }) · mute-all { $mute_all }
group-facts-legacy = { $members ->
    [one] 1 member
   *[other] { $members } members
} · mute-all { $mute_all }
legacy-intro = Legacy groups have no hosted profile; import it to manage name, profile and permissions here.
legacy-owner = Owner after import
legacy-import = Import into group hosting
profile-heading = Profile
field-name = Name
field-portrait = Portrait URL
field-introduction = Introduction
field-announcement = Announcement
portrait-preview = Preview portrait
portrait-alt = Portrait preview
profile-review-save = Review and save…
profile-discard = Discard changes
permissions-heading = Permissions
perm-join = Who can join
perm-remove = Who can remove members
perm-invite = Who can invite
perm-invite-handling = Invitations
perm-profile-edit = Who can edit the group profile
perm-member-edit = Who can edit a member's nickname
ext-heading = extProfile
ext-none = No extProfile keys defined for this connection (see the extProfile keys screen).
ext-unregistered = { $key } (not in the registry)
ext-not-registered = { $key }: not in the app's extProfile key registry
ext-too-many = extProfile: at most { $max } keys per group (got { $count })
alias-heading = Group alias for a user
alias-intro = The name one user sees for this group (remark name; ≤ 64 characters).
alias-user = Member user id
alias-alias = Alias
alias-set = Set alias
danger-zone = Danger zone
dismiss-button = Dismiss group…
dismiss-title = Dismiss { $group }?
dismiss-intro = Every member loses the group. This cannot be undone.
dismiss-confirm = Dismiss
review-title = Save changes to { $group }?
review-intro = Only these fields are sent:
review-field = Field
review-before = Before
review-after = After
review-empty = (empty)
review-save = Save
confirmed-by-server = { $action }: confirmed by the server.
confirmed-exact = { $action }: confirmed — the server now holds exactly these values.
confirmed-different = { $action }: the server holds different values than sent; please review.

## Members tab

members-loading = Loading members…
members-filter = Filter members
members-filter-hint = id or nickname
members-shown = { $shown } of { $total } shown · { $selected } selected
members-select-all = Select all shown
members-clear-selection = Clear selection
members-reload = Reload members
members-mute-menu = Mute
members-mute-menu-hint = Mute the selected members for a while, or permanently
members-mute-choice = Mute { $duration }
members-mute-custom = Mute for minutes
members-minutes = Minutes
members-minutes-hint = minutes
members-minutes-invalid = Minutes: a whole number from 0 (permanent) to { $max }
members-unmute = Unmute
members-kick = Kick…
members-allowlist-add = Allowlist add
members-allowlist-remove = Allowlist remove
members-select-first = select members to act on them
members-mute-all-on = ON
members-mute-all-off = off
msgflag-notify = Notify
msgflag-silent = Silent
msgflag-discard = Blocked
msgflag-silent-except-at = Silent except @
members-mute-all-only = Mute-all is { $state }
members-mute-all-state = Mute-all is { $state } · { $allowlisted ->
    [one] 1 allowlisted member
   *[other] { $allowlisted } allowlisted members
}
members-show-allowlist = Show allowlist
members-mute-all-turn-on = Turn mute-all on…
members-mute-all-turn-off = Turn mute-all off…
members-export-menu = Export
members-select-row = Select { $user }
export-which = Which members
export-scope-all = all members
export-scope-shown = shown members
export-scope-selected = selected members
export-bom = BOM for Excel
export-columns = Columns
export-csv = Export CSV…
export-progress = export { $done }/{ $total }
allowlist-empty = empty
allowlist-shown = Allowlist ({ $count }): { $list }
col-user = User
col-nickname = Nickname
col-role = Role
col-joined = Joined ({ $zone })
col-extra = Extra
col-muted-until = Muted until
col-allowlisted = Allowlisted
col-sort-hint = Sort by this column (again: reverse)
role-owner = owner
role-admin = admin
role-member = member
editor-none = Select members to edit them: click a row (ctrl-click adds, shift-click extends) or tick the boxes.
editor-member = Member { $user }
editor-member-facts = { $role } · joined { $joined }
editor-selected = { $count } members selected
editor-nickname = Nickname
editor-nickname-hint = nickname
editor-extra = Extra
editor-extra-hint = extra
editor-nickname-limit = Nickname: 1 to { $max } characters
editor-extra-limit = Extra: at most { $max } characters
editor-save = Save member
editor-make-admin = Make admin
editor-remove-admin = Remove admin
editor-admin-limit = select 1 to { $max } members
editor-old-owner-leaves = old owner leaves
editor-make-owner = Make selected the owner…
editor-make-owner-hint = select exactly one member
import-title = Act on a pasted list or a file
import-label = User ids: one per line, or CSV with a header
import-hint = user ids or CSV
import-load-file = Load file…
import-column = Column
import-column-detected = userId (detected)
import-check = Check list
import-preview = { $valid } valid ids ({ $non_members } not members of this group); { $duplicates } duplicates and { $invalid } invalid ids will not be sent.
import-add = Add listed as members
import-mute = Mute listed for 1 h
import-kick = Kick listed…
import-allowlist = Allowlist listed
import-cannot-read = cannot read { $path }: { $error }

## Files

files-save-title = Save as
files-open-title = Open a file
files-native-failed = The system's file dialog is not available here (it answered in { $ms } ms: no file-chooser portal or zenity). Pick or type the path here instead.
files-folder = Folder
files-folder-hint = e.g. /home/you/Downloads
files-name = File name
files-name-open = File name ({ $extensions })
files-name-hint = file name, or a full path
files-save = Save file
files-open = Open file
files-up = .. (up one folder)
files-list-failed = This folder cannot be listed: { $error }
files-list-empty = No matching files in this folder.

## Audit screen

audit-title = Audit log
audit-filter = Filter entries
audit-filter-hint = action, group, operator, reason or user id
audit-reload = Reload
audit-export = Export…
audit-count = { $shown } of { $total ->
    [one] 1 entry
   *[other] { $total } entries
}
audit-more = { $count } older entries not shown: narrow the filter.
audit-read-failed = Cannot read the audit log
audit-users = { $count ->
    [one] 1 user
   *[other] { $count } users
}
audit-reason = Reason: { $reason }
audit-entry-hint = Show the users, outcomes and request ids
audit-detail-title = Entry
audit-detail-close = Close
audit-detail-time = Time ({ $zone })
audit-detail-operator = Operator
audit-detail-connection = Connection
audit-detail-action = Action
audit-detail-group = Group
audit-detail-result = Result
audit-detail-reason = Reason
audit-detail-error = Error
audit-no-reason = (none given)
audit-detail-request-ids = { $count ->
    [one] Request id
   *[other] Request ids ({ $count })
}

## extProfile keys screen

extkey-title = extProfile keys
extkey-sandbox-note = On the built-in sandbox, saving a key here also enables it on the server.
extkey-console-note = On a RongCloud data centre these keys must also be enabled in the developer console; this registry only describes them for groupdesk.
extkey-count = { $count } of { $max } keys defined.
extkey-form-title = Add or edit a key
extkey-col-key = Key
extkey-col-label = Label
extkey-col-type = Type
extkey-col-max = Max length
extkey-col-description = Description
extkey-choice-of = Choice: { $options }
extkey-edit = Edit { $key }
extkey-remove = Remove { $key }
extkey-key = Key (ext_…)
extkey-label = Label
extkey-description = Description
extkey-type = Value type
extkey-kind-text = Text
extkey-kind-number = Number
extkey-kind-boolean = Yes / no
extkey-kind-choice = Choice list
extkey-kind-url = URL
extkey-choices = Choices (comma-separated)
extkey-max = Maximum length (1-256)
extkey-max-invalid = Maximum length must be a number from 1 to 256 (got “{ $got }”)
extkey-save = Save key
extkey-export = Export registry…
extkey-import = Import registry…
extkey-scan = Scan groups for keys in use
extkey-enabled = Enabled on the sandbox: { $keys }
extkey-in-use = Keys in use on groups: { $keys }
extkey-adopt = Add the missing ones to the registry
extkey-read-failed = Reading the extProfile keys failed
extkey-applied = extProfile keys applied to the sandbox
extkey-apply-failed = Applying extProfile keys failed
extkey-scan-failed = Scanning groups failed
extkey-saved = extProfile key { $key } saved
extkey-removed = extProfile key { $key } removed
extkey-replace-title = Replace the key { $key }?
extkey-replace-intro = A key with this name is defined already. Saving replaces its definition:
extkey-replace = Replace
extkey-reason = Reason for the change (audit log)
extkey-remove-title = Remove the key { $key }?
extkey-remove-intro = The key leaves this registry; on the built-in sandbox it is also disabled on the server. Values already on groups stay there.
extkey-remove-confirm = Remove key

## Connections and settings screen

settings-operator = Operator
settings-operator-name = Operator name (recorded in the audit log)
conn-heading = Connections
conn-add-heading = Add a connection
conn-builtin-note = local sandbox with demo data
conn-builtin-connect = Connect to the built-in sandbox
conn-app-key-value = App Key { $key }
conn-connect-to = Connect to { $name }
conn-remove = Remove { $name }
conn-name = Name
conn-server = Server
conn-custom-url = Custom URL
conn-base-url = Base URL
conn-app-key = App Key
conn-app-secret = App Secret
conn-environment = Environment
conn-mute-clock = Mute end times from the server are in
conn-mute-clock-default = the data centre's time (Beijing for China, else UTC)
conn-mute-clock-beijing = Beijing time (UTC+08:00)
conn-mute-clock-utc = UTC
conn-save = Save connection
conn-exists = A connection named “{ $name }” exists already
conn-secret-required = App Secret is required
conn-keyring = App Secrets are stored in the OS keyring, never in plain text.
conn-no-keyring = No OS keyring is available: App Secrets are kept in memory for this run only.
secret-title = App Secret for { $name }
secret-intro = No keyring entry was found. The secret is kept in memory for this run only.
secret-connect = Connect
settings-display = Display and files
fonts-scanning = Looking for fonts for Chinese, Japanese and Korean names…
fonts-system = Chinese, Japanese and Korean names use the system font { $face }.
fonts-file = Chinese, Japanese and Korean names use the font file { $path }.
fonts-none = No font for Chinese, Japanese or Korean names was found: they show as boxes. Install { $package }, or choose a font file below.
fonts-file-label = CJK font file
fonts-load = Load font
fonts-choose = Choose…
fonts-choose-hint = Pick a .ttf, .otf or .ttc font file that has Chinese characters
settings-in-app-chooser = Choose files with the in-app path chooser (not the system's file dialog)
fonts-scan-failed = The system's fonts could not be read: { $error }
fonts-file-no-cjk = { $path } has no Chinese characters; choose a CJK font file (.ttf, .otf or .ttc).
fonts-file-loaded = Font for CJK names: { $path }
fonts-file-failed = Cannot use the font file { $path }: { $error }
fonts-missing-notice = No font for Chinese, Japanese or Korean names was found, so they show as boxes. Install { $package }, or choose a font file under Connections → CJK font file.
error-not-connected = not connected
error-not-open = group { $group } is not open

## Phrases of the model (permissions, environments, roles, results, field names)

m-owner-approves-requests = Owner approves requests
m-anyone-can-join = Anyone can join
m-owner-or-an-admin-approves-requests = Owner or an admin approves requests
m-nobody-can-join = Nobody can join
m-only-the-owner = Only the owner
m-owner-and-admins = Owner and admins
m-every-member = Every member
m-invitees-join-directly = Invitees join directly
m-invitees-must-accept = Invitees must accept
m-owner-admins-and-the-member = Owner, admins and the member
m-owner-and-the-member = Owner and the member
m-only-the-member = Only the member
m-production = production
m-staging = staging
m-sandbox = sandbox
m-owner = owner
m-admin = admin
m-member = member
m-done = done
m-partial = partial
m-failed = failed
m-skipped = skipped
m-unknown = unknown
m-text = Text
m-number = Number
m-yes-no = Yes / no
m-choice-list = Choice list
m-url = URL
m-name = Name
m-portrait-url = Portrait URL
m-introduction = Introduction
m-announcement = Announcement
m-who-can-join = Who can join
m-who-can-remove-members = Who can remove members
m-who-can-invite = Who can invite
m-invitations = Invitations
m-who-can-edit-the-group-profile = Who can edit the group profile
m-who-can-edit-a-member-s-nickname = Who can edit a member's nickname
m-group-owner-transfer-ownership-first = group owner: transfer ownership first
m-not-a-member-of-the-group = not a member of the group
m-already-a-member = already a member
m-duplicate-in-the-list = duplicate in the list
m-cancelled = cancelled

## #13 part h6: connections (Tencent profiles, demo connections, switching)
conn-switch = Connection
conn-switch-hint = Switch to another connection: the built-in sandbox's two demo connections, or a saved profile
conn-demo = built-in demo
conn-service-hint = The chat service this connection talks to

## #13 part h7: Tencent group page (item 3), custom-fields console (item 4), permission groups (item 7)
tab-permission-groups = Permission groups
tc-byte-counter = { $chars } chars · { $bytes }/{ $max } bytes
tc-limit-bytes = { $label }: at most { $max } bytes (got { $bytes } bytes in { $chars } characters; a Chinese character is 3 bytes)
tc-field-notification = Announcement (Notification)
tc-field-face-url = Face URL
tc-field-apply-join = Joining
tc-field-invite-join = Invitations
tc-field-max-members = Max members
tc-field-mute-all = Mute all members
tc-max-members-number = { $label }: a whole number
tc-settings-heading = Settings
tc-group-type = Type: { $kind } ({ $wire }, cannot be changed)
tc-join-free = Anyone can join
tc-join-approval = Joining needs approval
tc-join-disabled = Nobody can apply to join
tc-invite-free = Invitations join directly
tc-invite-approval = Invitations need approval
tc-invite-disabled = Nobody can invite
tc-custom-heading = Custom fields
tc-custom-none = The app defines no group custom fields.
tc-custom-empty-deletes = An empty value deletes the field from the group.
tc-type-string = text
tc-type-integer = integer
tc-type-boolean = yes/no
tc-type-json = JSON
tc-value-type = { $key }: must be { $kind }
tc-yes = yes
tc-no = no
tc-disband-button = Disband group…
m-this-group-cannot-be-muted-as-a-whole = This group type cannot be muted as a whole (Work groups)
m-this-group-cannot-have-admins = This group type cannot have admins
m-members-of-this-group-cannot-be-muted = Members of this group type cannot be muted
m-this-group-has-no-member-list = This group type keeps no member list: members cannot be listed, added or kicked
pg-heading = Permission groups
pg-row = { $name } ({ $id }) · { $members } members
pg-new-name = New permission group name
pg-create = Create permission group…
pg-edit-heading = Edit { $id }
pg-name = Permission group name
pg-group-bits = Group permissions
pg-topics = Topics it applies to
pg-topic-applies = Applies to topic { $topic }
pg-unknown-bits = Undocumented bits also set: { $bits }
pg-save = Save permission group…
pg-destroy = Destroy permission group…
pg-members-heading = Members of the permission group
pg-members-count = { $count } members
pg-users = User IDs (comma or space separated)
pg-members-add = Add to permission group…
pg-members-remove = Remove from permission group…
pg-member-added = { $user }: added
pg-member-already = { $user }: already in the permission group
pg-member-not-member = { $user }: not added — not a member of this Community
pg-member-removed = { $user }: removed
pg-member-not-in = { $user }: was not in the permission group
pg-confirm-title = Change permission groups of { $group }?
pg-type-id = Type { $id } to confirm
pg-apply = Apply
pg-destroy-confirm = Destroy
pg-done = Done and read back: { $action }
m-managegroupinfo = Manage group profile
m-managegroupmember = Manage group members
m-managepermissiongroupinfo = Manage permission groups
m-managepermissiongroupmember = Manage permission group members
m-managetopic = Manage topics
m-groupmutemember = Mute members
m-sendgroupmessage = Send group messages
m-groupatall = @ everyone in the group
m-getgrouphistorymessage = Read group message history
m-revokeothermembergroupmessage = Recall others' group messages
m-banmembergroupmessage = Ban members
m-managetopicinfo = Manage topic profile
m-managepermissiontopicinfo = Manage topic permissions
m-topicmutemember = Mute members in the topic
m-sendtopicmessage = Send topic messages
m-gettopichistorymessage = Read topic message history
m-revokeothermembertopicmessage = Recall others' topic messages
m-topicatall = @ everyone in the topic
note-tc-fields-exported = Custom-field keys exported to { $path }
nav-tc-fields = Custom fields
tcf-live-intro = This connection is the real service: its keys cannot be read over REST. Import your keys' JSON (or draft them here) to export them again and to scan the groups for values under them.
tcf-scan-needs-keys = Import or draft the keys to look for first
tcf-title = Custom fields (Tencent Cloud Chat)
tcf-immutable-intro = On Tencent Cloud Chat, custom-field keys are configured in the Chat console and can never be deleted or changed once configured. New keys drafted here are applied to the built-in sandbox only, after a typed confirmation.
tcf-group-keys = Group keys: { $count } of { $max }
tcf-member-keys = Member keys: { $count } of { $max }
tcf-key = Key
tcf-label = Label
tcf-type = Value type
tcf-read = Read level
tcf-write = Write level
tcf-group-types = Group types
tcf-state = State
tcf-state-configured = configured
tcf-state-in-use = configured, in use
tcf-state-draft = draft (not applied)
tcf-new-heading = New key
tcf-scope-group = Group key
tcf-scope-member = Member key
tcf-add-draft = Add to drafts
tcf-immutable = { $key } is configured already and can never be changed or deleted
tcf-drafted = { $key } is drafted already
tcf-too-many = At most { $max } keys of this kind per app
tcf-apply = Apply { $count } keys to the sandbox…
tcf-sandbox-only = Only on the built-in sandbox: on the real service keys are configured in Tencent's Chat console
tcf-discard-drafts = Discard drafts
tcf-export = Export JSON…
tcf-import = Import JSON…
tcf-import-invalid = Not a custom-field file: { $error }
tcf-scan = Scan groups for keys in use
tcf-in-use = Keys holding values on groups: { $keys }
tcf-in-use-none = No group holds a custom-field value.
tcf-read-failed = Reading the custom fields failed
tcf-apply-failed = Applying the custom fields failed
tcf-import-read-failed = Reading the import file failed
tcf-scan-failed = Scanning the groups failed
tcf-applied = Custom fields applied to the sandbox
tcf-apply-title = Add { $count } keys for good?
tcf-apply-warning = Configured keys can never be deleted or changed — not here, not in Tencent's console.
tcf-type-keys = Type the new keys to confirm: { $keys }
tcf-apply-confirm = Add for good
tcf-level-app-admin = App admin
tcf-level-owner = Owner
tcf-level-admin = Admins
tcf-level-member = Members
tcf-level-anyone = Anyone

conn-service = Service
conn-region = Region
conn-sdkappid = SDKAppID
conn-identifier = App admin identifier
conn-secret-key = Secret key
conn-sdkappid-required = SDKAppID is required
conn-sdkappid-number = SDKAppID: must be a positive number (got “{ $value }”)
conn-secret-key-required = Secret key is required
secret-key-title = Secret key for { $name }
conn-sdkappid-value = SDKAppID { $id } as { $admin }

## #13 part h6: group browser on Tencent (types, progressive listing, user lookup, app-wide mute)
browser-type = Group type
browser-type-all = All types
browser-type-rongcloud = RongCloud groups have no type (Tencent Cloud Chat only)
browser-type-work = Work
browser-type-public = Public
browser-type-meeting = Meeting
browser-type-avchatroom = AVChatRoom
browser-type-community = Community
browser-loaded = loading: { $loaded } of { $total } read
browser-count-tc = { $shown } of { $total ->
    [one] 1 group
   *[other] { $total } groups
}
browser-row-owner = owner { $owner }
lookup-joined = joined { $time }
appmute-title = App-wide mute:
appmute-rongcloud = only Tencent Cloud Chat has an app-wide mute
appmute-none = not muted
appmute-permanent = muted in every group, permanently
appmute-until = muted in every group until { $until } ({ $zone })
appmute-wait = wait until the app-wide mute has been read
appmute-not-muted = the user is not muted app-wide
appmute-set = Mute in every group…
appmute-lift = Lift app-wide mute…
appmute-set-title = Mute { $user } in every group?
appmute-lift-title = Lift the app-wide mute of { $user }?
appmute-intro = The app-wide mute applies to every group of the app, whatever each group's own mutes say. It is recorded in the audit log.
appmute-length = Length
appmute-confirm-set = Mute app-wide
appmute-confirm-lift = Lift app-wide mute
note-appmute-set = { $user } is muted in every group
note-appmute-lifted = The app-wide mute of { $user } is lifted
note-appmute-failed = Changing the app-wide mute of { $user } failed


## #13 part h8: members on Tencent, large communities
members-loading-progress = Loading members: { $loaded } of { $total }
members-loading-usable = the table is usable while the rest arrives
members-loading-stop = Stop loading
members-no-list = An AVChatRoom (live-streaming group) has no member list: members cannot be listed, added or kicked here.
caps-no-mute = Members of this group cannot be muted (a Work group has no mutes)
caps-no-mute-all = This group cannot be muted as a whole (a Work group has no mutes)
caps-no-allowlist = This group has no mute-all allowlist
caps-no-admins = This group cannot have admins (Work groups and AVChatRooms have none)
caps-no-transfer = This group's ownership cannot be transferred
caps-no-members = This group has no member list: members cannot be added or kicked
duration-seconds = for { $count ->
    [one] 1 second
   *[other] { $count } seconds
}
members-seconds = Seconds
members-seconds-hint = seconds
members-seconds-invalid = Seconds: a whole number from 1 to { $max } (use "permanently" for longer)
col-name-card = Name card
col-msg-flag = Message flag
col-last-message = Last message ({ $zone })
editor-name-card = Name card
editor-name-card-hint = name card
editor-member-field = { $label } ({ $key }, member field)
editor-bytes = { $bytes } / { $max } bytes ({ $chars } characters; a Chinese character is 3 bytes)
change-tencent-member = set name card/custom fields of { $user }
m-no-such-account = no such account

## Error explanations: one per kind, and one per service code (the English texts are the
## service tables' own, `src/backend/*/codes.rs`; the UI finds a code's message by its text).
err-kind-invalid = The request was not sent: a value breaks a documented limit.
err-kind-transport = No answer from the server (network or server trouble); if this was a change, it may or may not have been applied.
err-kind-cancelled = The operation was cancelled before this request was sent.
err-kind-server = The server refused the request.
err-rc-400 = The user ID does not exist.
err-rc-404 = The endpoint does not exist on this server.
err-rc-405 = The endpoint only accepts POST.
err-rc-1000 = The service had an internal error; retry later.
err-rc-1001 = The App Secret does not match the App Key.
err-rc-1002 = A parameter is missing or wrong (the message says which), or the App Key is unknown.
err-rc-1003 = The request had no data, or the mute duration is invalid.
err-rc-1004 = The signature was refused: check the App Secret and the machine's clock.
err-rc-1005 = A parameter is longer than allowed.
err-rc-1006 = The app is locked, deleted or offline.
err-rc-1007 = This method is restricted for the app, or the calling IP is not allowed.
err-rc-1008 = Too many calls: the rate limit (100 per second per endpoint) was exceeded; retry shortly.
err-rc-1009 = The service is not enabled for this app (e.g. group information hosting).
err-rc-1015 = The data to delete does not exist.
err-rc-1050 = An internal service timed out; retry later.
err-rc-1501 = A parameter has the wrong type.
err-rc-1502 = Too many items in one request.
err-rc-1508 = The request body is too large (the limit is under 100 KB).
err-rc-25402 = The group hosting service had an error.
err-rc-25403 = The group hosting service rejected a parameter.
err-rc-25404 = That change is not allowed (e.g. only the owner may change permissions).
err-rc-25405 = No permission for this operation.
err-rc-25406 = A value is longer than allowed.
err-rc-25407 = A value contains characters that are not allowed.
err-rc-25408 = A value must be a number.
err-rc-25409 = A group with this ID already exists.
err-rc-25410 = The group does not exist.
err-rc-25411 = The group would have more members than allowed.
err-rc-25412 = The user is already a member of the group.
err-rc-25413 = This operation is not allowed through the client SDK.
err-rc-25414 = Nobody may join this group (join permission is 'nobody').
err-rc-25415 = An extProfile key is not configured for this app; enable it in the developer console first.
err-rc-25416 = Queries are too frequent; slow down.
err-rc-25417 = The group owner cannot leave or be removed; transfer ownership first.
err-rc-25418 = The user is not a member of the group.
err-rc-25419 = Too many admins (at most 10) or followed members.
err-rc-25420 = The user is not an admin of the group.
err-rc-25421 = There is no matching invitation or application.
err-rc-25422 = Too many groups in one query (at most 50).
err-rc-25423 = The group name is empty.
err-rc-25424 = Joining needs an admin's approval.
err-rc-25425 = The owner cannot be made an admin.
err-rc-25426 = No permission to invite.
err-rc-25427 = The invitee must accept the invitation.
err-rc-25428 = Another admin already handled this.
err-rc-25429 = This is a legacy group: import it into group hosting first.
err-rc-25430 = The group ID contains characters that are not allowed (letters and digits only).
err-rc-25432 = The page token could not be parsed; start again from the first page.
err-rc-25480 = The group information failed content review.
err-rc-other = The server refused the request with an undocumented code.
err-tc-60002 = The request body or URL could not be parsed (HTTP or JSON format error).
err-tc-60003 = The request body is not valid JSON or is missing required fields.
err-tc-60004 = The account or the UserSig in the URL is wrong: check the admin identifier and the secret key.
err-tc-60006 = The SDKAppID is not valid.
err-tc-60007 = Too many calls: the REST rate limit (200 per second per command; 1 per second for the group list) was exceeded; retry shortly.
err-tc-60008 = The service timed out or the HTTP request was malformed; retry.
err-tc-60009 = The URL or command does not exist.
err-tc-60010 = This call needs an App admin account: the identifier is not one of the app's admins.
err-tc-60011 = The app's total REST rate limit was exceeded; retry shortly.
err-tc-60012 = The SDKAppID is missing from the URL.
err-tc-60013 = The service could not parse its own JSON answer; retry.
err-tc-60014 = The account swap timed out; retry.
err-tc-60015 = The account type is wrong (the identifier must be a string).
err-tc-60016 = The SDKAppID is disabled.
err-tc-60017 = This request is disabled for the app.
err-tc-60018 = Requests are too frequent; slow down and retry.
err-tc-60020 = The app's paid package has expired.
err-tc-60021 = The calling IP address is not allowed for this app.
err-tc-70001 = The UserSig has expired: sign a new one (the client does this itself; check the machine's clock).
err-tc-70003 = The UserSig is malformed.
err-tc-70009 = The UserSig does not verify: the secret key does not belong to this SDKAppID.
err-tc-70013 = The UserSig was made for another identifier than the one in the URL.
err-tc-70014 = The UserSig was made for another SDKAppID than the one in the URL.
err-tc-70000 = The UserSig was refused: check the SDKAppID, the admin identifier, the secret key and the clock.
err-tc-80001 = The text failed content moderation.
err-tc-10002 = The service had an internal error; retry later.
err-tc-10003 = The command word is not valid (no such API).
err-tc-10004 = A parameter is not valid; the service's message says which.
err-tc-10005 = Too many accounts in one request (e.g. more than 300 members added or 500 muted at once).
err-tc-10006 = The operation was rate-limited; retry shortly.
err-tc-10007 = No permission: the operator may not do this, or the group's type does not allow it (e.g. muting in a Work group, adding members to an AVChatRoom).
err-tc-10008 = The request is not valid (signature check failed).
err-tc-10009 = The owner may not leave this group; transfer ownership first.
err-tc-10010 = The group does not exist or was disbanded.
err-tc-10011 = The JSON body could not be parsed.
err-tc-10012 = The operator account is not valid.
err-tc-10013 = The user is already a member of the group.
err-tc-10014 = The group is full: reduce the batch or raise the group's maximum member count.
err-tc-10015 = The group ID is not valid, or there is no group with that ID.
err-tc-10016 = The app's backend rejected the operation through a third-party callback.
err-tc-10017 = The sender is muted and cannot send messages.
err-tc-10018 = The answer would exceed 1 MB: page with Limit/Offset/Next.
err-tc-10019 = An account does not exist: import it first (account_import).
err-tc-10021 = The group ID is already in use.
err-tc-10023 = The message rate limit was exceeded.
err-tc-10024 = The invitation or application was already processed.
err-tc-10025 = The group ID is already in use, and the operator owns that group.
err-tc-10026 = This command is disabled for the app.
err-tc-10030 = The message could not be recalled or deleted.
err-tc-10036 = The AVChatRoom creation quota is used up.
err-tc-10037 = The user has joined or created too many groups for the app's package.
err-tc-10038 = The member count exceeds the app's package limit.
err-tc-10041 = The app does not allow recalling group messages.
err-tc-10050 = The group attribute key does not exist.
err-tc-10056 = The group attributes were changed by someone else meanwhile; read them again.
err-tc-10059 = This feature needs the Premium (Ultimate) edition.
err-tc-other = The service refused the request with an undocumented code.
err-msg-cancelled = cancelled
err-invalid-field = { $field }: { $problem }
err-invalid-needs-tencent = this needs a Tencent Cloud Chat connection
err-invalid-member-fields-tencent = member custom fields are Tencent Cloud Chat's
err-invalid-app-mute-tencent = only Tencent Cloud Chat has an app-wide mute
err-invalid-extkeys-rongcloud = extProfile keys are RongCloud's
err-invalid-task-stopped = it stopped unexpectedly
err-invalid-required = is required
err-invalid-not-empty = must not be empty
err-invalid-nothing = nothing to change
err-invalid-one-user = at least one user is required
err-invalid-no-allowlist = Tencent Cloud Chat has no mute-all allowlist
err-invalid-avchat-kick = an AVChatRoom has no member list: members cannot be kicked (mute or ban them)
err-invalid-avchat-add = members cannot be added to an AVChatRoom (10007)
err-invalid-not-available = { $what } is not available on this service
err-invalid-no-group = group { $group } does not exist (no hosted profile and no members)
err-invalid-too-long = at most { $max } characters (got { $got })
m-group-id = Group ID
m-user-id = User ID
m-service = service
m-connection = Connection
m-background-task = background task
m-app-wide-mute = app-wide mute
m-groupid = groupId
m-userids = userIds
m-importing-a-legacy-group = importing a legacy group
m-a-group-alias = a group alias
service-rongcloud = RongCloud
service-tencent = Tencent Cloud Chat
dc-bj = China (Beijing)
dc-sg = Singapore
dc-sg-b = Singapore B
dc-na = North America
dc-sau = Saudi Arabia
region-china = China
region-sg = Singapore
region-kr = Seoul
region-jp = Tokyo
region-ger = Frankfurt
region-ind = Mumbai
region-usa = Silicon Valley
region-idn = Jakarta
region-ksa = Riyadh
list-separator = {", "}
audit-detail-stored-action = Action as stored
audit-act-add-members = add members
audit-act-kick = kick
audit-act-unmute = unmute
audit-act-allowlist-add = allowlist add
audit-act-allowlist-remove = allowlist remove
audit-act-make-admin = make admin
audit-act-remove-admin = remove admin
audit-act-set-nickname = set member nickname/extra
audit-act-mute-all-on = mute-all on
audit-act-mute-all-off = mute-all off
audit-act-transfer = transfer ownership
audit-act-transfer-leave = transfer ownership (old owner leaves)
audit-act-create-group = create group
audit-act-dismiss-group = dismiss group
audit-act-import-hosting = import into hosting
audit-act-mute = mute { $duration }
audit-duration-permanent = permanently
audit-duration-minutes = for { $minutes } minutes
audit-duration-seconds = for { $seconds } seconds
audit-act-save-profile = save profile: { $fields }
audit-act-set-member = set member { $fields }
audit-act-set-alias = set alias of { $user }
audit-act-app-unmute = app-wide unmute { $user }
audit-act-app-mute-permanent = app-wide mute { $user } permanently
audit-act-app-mute = app-wide mute { $user } for { $seconds } seconds
audit-act-add-custom-fields = add custom fields: { $keys }
audit-act-extkey-defined = extProfile key { $key } defined
audit-act-extkey-removed = extProfile key { $key } removed
audit-act-pg-create = create permission group { $name } (permissions { $permissions })
audit-act-pg-name = name { $name }
audit-act-pg-permissions = permissions { $permissions }
audit-act-pg-modify = modify permission group { $group }: { $changes }
audit-act-pg-destroy = destroy permission group { $group }
audit-act-pg-add = add to permission group { $group }: { $users }
audit-act-pg-remove = remove from permission group { $group }: { $users }
audit-act-pg-topics = topic permissions of { $group }: add [{ $add }], set [{ $set }], remove [{ $remove }]
m-permissions = permissions
m-apply-join-option = apply-join option
m-invite-join-option = invite-join option
m-max-members = max members
m-name-card = name card
err-invalid-id-chars = { $value } contains a comma, a control character or surrounding spaces
err-invalid-user-id-chars = { $value } contains a comma or a control character
err-invalid-letters-digits = only letters A-Z, a-z and digits 0-9 are allowed (found { $found })
m-members = Members
