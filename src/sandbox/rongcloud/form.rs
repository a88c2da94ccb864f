//! Form-body parsing that tolerates what the official SDKs really send (reference §1, §7.1):
//! repeated keys, comma-joined lists, raw unencoded UTF-8, empty values and `group[ID]` keys.

use super::error::{WireError, WireResult};

/// The decoded parameters of one request, in the order they were sent.
#[derive(Debug, Default, Clone)]
pub struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    /// Decodes `%XX` and `+`, takes raw bytes as they are (the Python SDK sends unencoded
    /// UTF-8) and a stray `%` literally. Bytes that are not UTF-8 — raw or percent-encoded —
    /// refuse the request (1002) naming the parameter: replacing them would make different ids
    /// collide.
    pub fn parse(body: &[u8]) -> WireResult<Self> {
        let mut pairs = Vec::new();
        for piece in body.split(|b| *b == b'&').filter(|p| !p.is_empty()) {
            let (k, v) = match piece.iter().position(|b| *b == b'=') {
                Some(i) => (&piece[..i], &piece[i + 1..]),
                None => (piece, &[][..]),
            };
            let key = decode(k).map_err(|at| WireError::param(format!("a parameter name is not valid UTF-8 (byte {at})")))?;
            let value = decode(v).map_err(|at| WireError::param(format!("{key} is not valid UTF-8 (byte {at} of the value)")))?;
            pairs.push((key, value));
        }
        Ok(Self { pairs })
    }

    /// The first non-empty value of `name`. An empty value (`pageToken=`) counts as absent, as
    /// the Java SDK sends blank optional fields.
    pub fn opt(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, v)| k == name && !v.is_empty())
            .map(|(_, v)| v.as_str())
    }

    pub fn req(&self, name: &str) -> WireResult<&str> {
        self.opt(name)
            .ok_or_else(|| WireError::param(format!("{name} is required")))
    }

    /// All values of a repeated key (legacy style: `userId=a&userId=b`), empty ones dropped.
    pub fn repeated(&self, name: &str) -> Vec<String> {
        self.pairs
            .iter()
            .filter(|(k, v)| k == name && !v.is_empty())
            .map(|(_, v)| v.clone())
            .collect()
    }

    /// A list parameter of the entrust family: repeated keys, comma-joined values, or a mix of
    /// both; empty items and duplicates dropped (first wins). An item with white space around
    /// it is refused (1002, naming the parameter), never trimmed: the legacy family refuses the
    /// same id, and trimming would act on a different id than the one sent.
    pub fn list(&self, names: &[&str]) -> WireResult<Vec<String>> {
        let mut out: Vec<String> = Vec::new();
        for (k, v) in &self.pairs {
            if !names.contains(&k.as_str()) {
                continue;
            }
            for item in v.split(',').filter(|s| !s.is_empty()) {
                if item.trim() != item {
                    return Err(WireError::param(format!("{k}: the item {item:?} has white space at its start or end")));
                }
                if !out.iter().any(|x| x == item) {
                    out.push(item.to_owned());
                }
            }
        }
        Ok(out)
    }

    /// An optional integer; present but not a number is a parameter error naming the field.
    pub fn int(&self, name: &str) -> WireResult<Option<i64>> {
        match self.opt(name) {
            None => Ok(None),
            Some(v) => v.trim().parse::<i64>().map(Some).map_err(|_| {
                WireError::bad(1501, format!("{name} must be an integer (got {v:?})"))
            }),
        }
    }

    /// An optional integer restricted to `lo..=hi`.
    pub fn int_in(&self, name: &str, lo: i64, hi: i64) -> WireResult<Option<i64>> {
        match self.int(name)? {
            Some(n) if n < lo || n > hi => Err(WireError::param(format!(
                "{name} must be between {lo} and {hi} (got {n})"
            ))),
            other => Ok(other),
        }
    }

    /// A 0/1 flag; booleans spelled `true`/`false` are accepted too.
    pub fn flag(&self, name: &str, default: bool) -> WireResult<bool> {
        match self.opt(name) {
            None => Ok(default),
            Some("1") | Some("true") => Ok(true),
            Some("0") | Some("false") => Ok(false),
            Some(v) => Err(WireError::param(format!("{name} must be 0 or 1 (got {v:?})"))),
        }
    }

    /// The `group[ID]=name` pairs of `/group/sync.json`, whether the brackets came encoded or not.
    pub fn bracketed(&self, prefix: &str) -> Vec<(String, String)> {
        let open = format!("{prefix}[");
        self.pairs
            .iter()
            .filter_map(|(k, v)| {
                let inner = k.strip_prefix(&open)?.strip_suffix(']')?;
                Some((inner.to_owned(), v.clone()))
            })
            .collect()
    }
}

/// One form component: `+` is a space, `%XX` a byte; the result must be UTF-8 (else the offset
/// of the first bad byte).
fn decode(raw: &[u8]) -> Result<String, usize> {
    let plus: Vec<u8> = raw.iter().map(|b| if *b == b'+' { b' ' } else { *b }).collect();
    let bytes: Vec<u8> = percent_encoding::percent_decode(&plus).collect();
    String::from_utf8(bytes).map_err(|e| e.utf8_error().valid_up_to())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_accept_both_styles_and_mixtures() {
        let p = Params::parse(b"userIds=a,b&userIds=c&userIds=&userIds=b,d,").unwrap();
        assert_eq!(p.list(&["userIds"]).unwrap(), ["a", "b", "c", "d"]);
        for padded in [&b"userIds=a,%20pad%20"[..], b"userIds=a,+b", b"userIds=a&userIds=b%09"] {
            let e = Params::parse(padded).unwrap().list(&["userIds"]).unwrap_err();
            assert!(e.message.contains("userIds: the item"), "{}", e.message);
        }
    }

    #[test]
    fn raw_utf8_and_spaces_survive() {
        let p = Params::parse("groupName=Group Name 测试&userId=u 2".as_bytes()).unwrap();
        assert_eq!(p.opt("groupName"), Some("Group Name 测试"));
        assert_eq!(p.repeated("userId"), ["u 2"]);
    }

    #[test]
    fn sync_keys_encoded_or_not() {
        let p = Params::parse(b"userId=u1&group[g1]=N1&group%5Bg2%5D=N%202").unwrap();
        assert_eq!(
            p.bracketed("group"),
            [("g1".to_owned(), "N1".to_owned()), ("g2".to_owned(), "N 2".to_owned())]
        );
    }

    #[test]
    fn empty_values_are_absent() {
        let p = Params::parse(b"pageToken=&size=10").unwrap();
        assert_eq!(p.opt("pageToken"), None);
        assert_eq!(p.int("size").unwrap(), Some(10));
        assert!(p.int("x").unwrap().is_none());
    }

    #[test]
    fn bytes_that_are_not_utf8_refuse_the_request() {
        for body in [&b"userId=%FF"[..], b"userId=%FE", b"userId=\xff\xfe", b"%FF=1"] {
            let e = Params::parse(body).unwrap_err();
            assert_eq!((e.http, e.code), (400, 1002), "{body:?}");
            assert!(e.message.contains("UTF-8"), "{}", e.message);
        }
        assert_eq!(Params::parse(b"q=100%&r=%zz").unwrap().opt("q"), Some("100%"), "a stray % stays");
    }

    mod properties {
        use proptest::prelude::*;

        use super::super::Params;

        proptest! {
            #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

            /// Arbitrary bytes: never a panic; either parameters or a 1002 naming the problem.
            #[test]
            fn arbitrary_bodies_never_panic(body in prop::collection::vec(any::<u8>(), 0..400)) {
                if let Err(e) = Params::parse(&body) {
                    prop_assert_eq!((e.http, e.code), (400, 1002));
                }
            }

            /// Any id, percent-encoded as a client sends it, comes back exactly as given.
            #[test]
            fn encoded_ids_round_trip(id in "\\PC{1,40}") {
                let body: String = form_urlencoded::Serializer::new(String::new()).append_pair("userId", &id).finish();
                prop_assert_eq!(Params::parse(body.as_bytes()).unwrap().repeated("userId"), vec![id]);
            }

            /// Raw (unencoded) UTF-8 without form syntax is taken byte for byte.
            #[test]
            fn raw_ids_are_taken_as_given(id in "[^%+&=]{1,40}") {
                let body = format!("userId={id}");
                prop_assert_eq!(Params::parse(body.as_bytes()).unwrap().repeated("userId"), vec![id]);
            }
        }
    }
}
