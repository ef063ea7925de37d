//! `language` and `[[languages]]`: the languages of the pages, and which
//! way each is written.

use serde::Deserialize;
use toml::Spanned;

/// A language the site is translated into: its pages live under
/// `/<code>/` and its files are named `keeping-safe.<code>.md`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Language {
    /// A BCP 47 tag: "ar", "ps", "ti", "cy".
    pub code: Spanned<String>,
    /// The language's name in itself: "العربية", "Cymraeg".
    pub name: String,
    /// "rtl" or "ltr"; worked out from the language when left out.
    pub dir: Option<Spanned<String>>,
}

impl Language {
    /// Which way the language is written.
    pub fn direction(&self) -> &str {
        match &self.dir {
            Some(dir) => dir.get_ref(),
            None => direction(self.code.get_ref()),
        }
    }
}

/// A language tag (BCP 47) as written in site.toml, checked against the
/// registry of languages and regions.
pub fn language_tag(text: &str) -> Result<language_tags::LanguageTag, String> {
    let tag = language_tags::LanguageTag::parse(text).map_err(|e| e.to_string())?;
    tag.validate().map_err(|e| e.to_string())?;
    Ok(tag)
}

/// Scripts written from right to left (ISO 15924): Arabic, Hebrew, Thaana,
/// Syriac, N'Ko, Adlam, Samaritan, Mandaic and Old Hungarian's modern cousin
/// Hanifi Rohingya.
const RTL_SCRIPTS: &[&str] = &["Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Samr", "Mand", "Rohg"];

/// Languages whose usual script is written right to left: Arabic, Persian
/// and Dari, Pashto, Urdu, Sorani Kurdish, Hebrew, Yiddish, Dhivehi,
/// Sindhi, Uyghur and Balochi.
const RTL_LANGUAGES: &[&str] = &[
    "ar", "fa", "prs", "ps", "ur", "ckb", "he", "yi", "dv", "sd", "ug", "bal",
];

/// Which way `language` is written: `rtl` or `ltr`, for `<html dir>`. A
/// script in the tag decides (`ku-Arab` is right to left, `ku` is not).
pub fn direction(language: &str) -> &'static str {
    let Ok(tag) = language_tags::LanguageTag::parse(language) else {
        return "ltr";
    };
    let rtl = match tag.script() {
        Some(script) => RTL_SCRIPTS.iter().any(|s| s.eq_ignore_ascii_case(script)),
        None => RTL_LANGUAGES
            .iter()
            .any(|l| l.eq_ignore_ascii_case(tag.primary_language())),
    };
    if rtl { "rtl" } else { "ltr" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn right_to_left_languages_and_scripts() {
        for tag in ["ar", "ar-SY", "fa", "prs", "ps", "ckb", "ku-Arab", "ur-PK", "he"] {
            assert_eq!(direction(tag), "rtl", "{tag}");
        }
        for tag in ["en-GB", "cy", "ti", "ku", "ro", "pl", "az-Latn", "not a tag"] {
            assert_eq!(direction(tag), "ltr", "{tag}");
        }
    }
}
