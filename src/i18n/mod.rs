//! The message catalogue: every string the console shows, in English and Simplified Chinese,
//! with Fluent (`assets/i18n/*.ftl`) for plurals and word order ("Mute 5 users for 1 hour?").
//! The language follows the system locale until the operator picks one (remembered in the
//! settings). Numbers get thousands separators; times are shown in the operator's time zone
//! with the zone named, or in UTC.
//!
//! Use [`tr!`](crate::tr): `tr!("members-count", count = 3000)`.

mod format;

use std::sync::{Arc, RwLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

pub use format::{number, time_ms, utc_offset_label};

/// A language of the console.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Language {
    English,
    SimplifiedChinese,
}

impl Language {
    pub const ALL: [Language; 2] = [Self::English, Self::SimplifiedChinese];

    /// The language's own name, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::English => "English",
            Self::SimplifiedChinese => "简体中文",
        }
    }

    /// The best match for a BCP 47 locale (`zh-CN`, `zh_TW.UTF-8`, `en-US`).
    pub fn for_locale(locale: &str) -> Self {
        if locale.to_ascii_lowercase().starts_with("zh") { Self::SimplifiedChinese } else { Self::English }
    }

    fn source(self) -> (&'static str, &'static str) {
        match self {
            Self::English => ("en-US", include_str!("../../assets/i18n/en.ftl")),
            Self::SimplifiedChinese => ("zh-CN", include_str!("../../assets/i18n/zh-CN.ftl")),
        }
    }
}

/// One language's messages.
pub struct Catalog {
    language: Language,
    bundle: FluentBundle<FluentResource>,
}

impl Catalog {
    /// Parses the language's catalogue; a syntax error is a bug caught by the tests.
    pub fn new(language: Language) -> Self {
        let (tag, text) = language.source();
        let resource = FluentResource::try_new(text.to_owned()).unwrap_or_else(|(partial, errors)| {
            tracing::error!(?errors, "message catalogue {tag} has errors");
            partial
        });
        let mut bundle = FluentBundle::new_concurrent(vec![tag.parse().expect("valid language tag")]);
        // No Unicode isolation marks: egui would draw them as boxes.
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(format::fluent_value));
        if let Err(errors) = bundle.add_resource(resource) {
            tracing::error!(?errors, "message catalogue {tag} has duplicate messages");
        }
        Self { language, bundle }
    }

    pub fn language(&self) -> Language {
        self.language
    }

    /// The message `id` with `args`; the id itself when the catalogue lacks it.
    pub fn get(&self, id: &str, args: Option<&FluentArgs>) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            tracing::debug!(id, "message missing from the catalogue");
            return id.to_owned();
        };
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::debug!(id, ?errors, "message formatted with errors");
        }
        text.into_owned()
    }

    /// Every message id (for the completeness test).
    pub fn ids(&self) -> Vec<String> {
        let (_, text) = self.language.source();
        let resource = FluentResource::try_new(text.to_owned()).unwrap_or_else(|(partial, _)| partial);
        resource
            .entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                _ => None,
            })
            .collect()
    }
}

static CURRENT: RwLock<Option<Arc<Catalog>>> = RwLock::new(None);

thread_local! {
    /// Set by [`scope_language_to_this_thread`]: this thread's own language (English at first).
    static THREAD: std::cell::RefCell<Option<Arc<Catalog>>> = const { std::cell::RefCell::new(None) };
}

/// From now on, on this thread only, [`set_language`] and every lookup use a language of the
/// thread's own; other threads keep the process's. For tests that run apps in several
/// languages side by side (each UI test drives its app from its own thread; work the app runs
/// on other threads formats in the process's language).
#[doc(hidden)]
pub fn scope_language_to_this_thread() {
    THREAD.with(|t| {
        let mut t = t.borrow_mut();
        if t.is_none() {
            *t = Some(Arc::new(Catalog::new(Language::English)));
        }
    });
}

/// The thread's own catalogue, when [`scope_language_to_this_thread`] was called on it.
fn thread_catalog() -> Option<Arc<Catalog>> {
    THREAD.with(|t| t.borrow().clone())
}

/// Switches the console's language.
pub fn set_language(language: Language) {
    let scoped = THREAD.with(|t| {
        let mut t = t.borrow_mut();
        let Some(slot) = t.as_mut() else { return false };
        if slot.language != language {
            *slot = Arc::new(Catalog::new(language));
        }
        true
    });
    if scoped {
        return;
    }
    let mut current = CURRENT.write().unwrap_or_else(|p| p.into_inner());
    if current.as_ref().is_none_or(|c| c.language != language) {
        *current = Some(Arc::new(Catalog::new(language)));
    }
}

/// The catalogue in use (English until [`set_language`] is called).
pub fn catalog() -> Arc<Catalog> {
    if let Some(c) = thread_catalog() {
        return c;
    }
    if let Some(c) = CURRENT.read().unwrap_or_else(|p| p.into_inner()).as_ref() {
        return c.clone();
    }
    set_language(Language::English);
    catalog()
}

pub fn language() -> Language {
    catalog().language()
}

/// A message without arguments.
pub fn text(id: &str) -> String {
    catalog().get(id, None)
}

/// A message with arguments.
pub fn text_args(id: &str, args: &FluentArgs) -> String {
    catalog().get(id, Some(args))
}

/// Builds Fluent arguments from `name = value` pairs (numbers select plural forms).
pub fn args<'a>(pairs: impl IntoIterator<Item = (&'a str, FluentValue<'a>)>) -> FluentArgs<'a> {
    let mut a = FluentArgs::new();
    for (k, v) in pairs {
        a.set(k, v);
    }
    a
}

/// `tr!("id")` or `tr!("id", count = n, group = g)`: the message in the current language.
#[macro_export]
macro_rules! tr {
    ($id:expr) => {
        $crate::i18n::text($id)
    };
    ($id:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text_args($id, &$crate::i18n::args([$((stringify!($name), ::fluent_bundle::FluentValue::from($value))),+]))
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_catalogues_parse_and_have_the_same_messages() {
        let en = Catalog::new(Language::English);
        let zh = Catalog::new(Language::SimplifiedChinese);
        let (mut a, mut b) = (en.ids(), zh.ids());
        a.sort();
        b.sort();
        let only_en: Vec<_> = a.iter().filter(|i| !b.contains(i)).collect();
        let only_zh: Vec<_> = b.iter().filter(|i| !a.contains(i)).collect();
        assert!(only_en.is_empty() && only_zh.is_empty(), "missing in zh-CN: {only_en:?}; missing in en: {only_zh:?}");
        for (lang, src) in [Language::English, Language::SimplifiedChinese].map(|l| (l, l.source().1)) {
            assert!(FluentResource::try_new(src.to_owned()).is_ok(), "{lang:?} catalogue has syntax errors");
        }
    }

    #[test]
    fn a_scoped_thread_switches_alone() {
        let before = language();
        std::thread::spawn(|| {
            scope_language_to_this_thread();
            assert_eq!(language(), Language::English);
            set_language(Language::SimplifiedChinese);
            assert_eq!(text("nav-groups"), "群组");
        })
        .join()
        .unwrap();
        assert_eq!(language(), before, "the process's language is untouched");
    }

    #[test]
    fn plurals_numbers_and_isolation() {
        let en = Catalog::new(Language::English);
        let one = en.get("confirm-mute-title", Some(&args([("count", FluentValue::from(1)), ("duration", FluentValue::from("for 1 hour"))])));
        let many = en.get("confirm-mute-title", Some(&args([("count", FluentValue::from(3000)), ("duration", FluentValue::from("for 1 hour"))])));
        assert_eq!(one, "Mute 1 user for 1 hour?");
        assert_eq!(many, "Mute 3,000 users for 1 hour?");
        let zh = Catalog::new(Language::SimplifiedChinese);
        let text = zh.get("confirm-mute-title", Some(&args([("count", FluentValue::from(3000)), ("duration", FluentValue::from("1 小时"))])));
        assert!(text.contains("3,000") && !text.contains('\u{2068}'), "{text}");
        assert_eq!(en.get("no-such-message", None), "no-such-message");
    }
}
