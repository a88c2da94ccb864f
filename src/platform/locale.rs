//! The operator's locale, as BCP 47 (`zh-CN`, `en-US`), from the system.

/// The system locale, or `en` when it cannot be told.
pub fn system() -> String {
    sys_locale::get_locale().unwrap_or_else(|| "en".to_owned())
}

/// Which CJK variant a locale prefers for Han characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HanVariant {
    Simplified,
    Traditional,
    Japanese,
    Korean,
}

impl HanVariant {
    pub fn of(locale: &str) -> Self {
        let l = locale.to_ascii_lowercase().replace('_', "-");
        if l.starts_with("ja") {
            Self::Japanese
        } else if l.starts_with("ko") {
            Self::Korean
        } else if l.starts_with("zh") && (l.contains("tw") || l.contains("hk") || l.contains("mo") || l.contains("hant")) {
            Self::Traditional
        } else {
            Self::Simplified
        }
    }

    /// The suffix font families use for this variant ("Noto Sans CJK SC").
    pub fn suffix(self) -> &'static str {
        match self {
            Self::Simplified => "SC",
            Self::Traditional => "TC",
            Self::Japanese => "JP",
            Self::Korean => "KR",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_variant_by_locale() {
        assert_eq!(HanVariant::of("zh-CN"), HanVariant::Simplified);
        assert_eq!(HanVariant::of("zh_TW.UTF-8"), HanVariant::Traditional);
        assert_eq!(HanVariant::of("ja-JP"), HanVariant::Japanese);
        assert_eq!(HanVariant::of("en-US"), HanVariant::Simplified);
    }
}
