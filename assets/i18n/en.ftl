## groupdesk — English. Every string the console shows; ids are shared with zh-CN.ftl.

confirm-mute-title = Mute { $count ->
    [one] 1 user
   *[other] { $count } users
} { $duration }?
