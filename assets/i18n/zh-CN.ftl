## groupdesk — 简体中文。与 en.ftl 使用相同的消息 id。

confirm-mute-title = 禁言 { $count } 位用户 { $duration }？
