//! Deep links into the console: `groupdesk open GROUP [--tab profile|members] [--connection
//! NAME]` and the URL `groupdesk://open?group=GROUP&tab=members&connection=NAME` (registered by
//! the `.desktop` file), so a support ticket can link straight to a group.

/// The tab a deep link opens.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Tab {
    #[default]
    Profile,
    Members,
}

/// Where the console opens.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OpenRequest {
    pub group: String,
    pub tab: Tab,
    /// A saved connection's name; `None` keeps the last one (or the built-in sandbox).
    pub connection: Option<String>,
}

/// The URL scheme the `.desktop` file registers.
pub const SCHEME: &str = "groupdesk://";

impl OpenRequest {
    /// Parses `groupdesk://open?group=…&tab=…&connection=…`; errors name the part at fault.
    pub fn from_url(url: &str) -> Result<Self, String> {
        let parsed = url::Url::parse(url.trim()).map_err(|e| format!("{url}: not a URL ({e})"))?;
        if parsed.scheme() != "groupdesk" {
            return Err(format!("{url}: the scheme must be groupdesk://"));
        }
        if parsed.host_str() != Some("open") {
            return Err(format!("{url}: only groupdesk://open?group=… is understood"));
        }
        let mut req = OpenRequest::default();
        for (k, v) in parsed.query_pairs() {
            match k.as_ref() {
                "group" => req.group = v.trim().to_owned(),
                "tab" => {
                    req.tab = match v.as_ref() {
                        "profile" => Tab::Profile,
                        "members" => Tab::Members,
                        other => return Err(format!("{url}: tab must be profile or members (got {other:?})")),
                    }
                }
                "connection" => req.connection = Some(v.into_owned()).filter(|c| !c.is_empty()),
                other => return Err(format!("{url}: unknown parameter {other:?}")),
            }
        }
        if req.group.is_empty() {
            return Err(format!("{url}: group is required (groupdesk://open?group=ID)"));
        }
        Ok(req)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_links_and_names_what_is_wrong() {
        let r = OpenRequest::from_url("groupdesk://open?group=%40TGS%23_community&tab=members&connection=tencent-demo").unwrap();
        assert_eq!((r.group.as_str(), r.tab, r.connection.as_deref()), ("@TGS#_community", Tab::Members, Some("tencent-demo")));
        assert_eq!(OpenRequest::from_url("groupdesk://open?group=community").unwrap().tab, Tab::Profile);
        assert!(OpenRequest::from_url("groupdesk://open?tab=members").unwrap_err().contains("group is required"));
        assert!(OpenRequest::from_url("groupdesk://open?group=g&tab=x").unwrap_err().contains("tab must be"));
        assert!(OpenRequest::from_url("https://open?group=g").unwrap_err().contains("scheme"));
    }
}
