//! `site.toml`: the council's settings, with defaults for everything a new
//! council would not think to change.

mod areas;
mod bands;
mod checks;
mod contacts;
mod languages;
mod newsletter;
mod print;
mod publish;
pub mod site_words;
mod validate;

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostics::{Diagnostic, display_path};
use crate::files::toml_error::toml_error;
use crate::files::{self, ReadError};
pub use areas::Area;
use areas::default_areas;
use bands::default_bands;
pub use bands::{Ages, Band, Look, Reading};
pub use checks::{Accessibility, Checks};
pub use contacts::{Contact, Help};
pub use languages::{Language, direction, language_tag};
pub use newsletter::{Newsletter, Period};
pub use print::{Paper, Print};
pub use publish::{Host, Publish};
use validate::validate;
pub use validate::{is_slug, phone_problems, unknown_band, unknown_contact};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The site's name, shown in every page title and header.
    pub title: String,
    /// The council, shown in the footer.
    pub council: String,
    /// Where the site is published, ending in `/`.
    pub base_url: Spanned<String>,
    #[serde(default = "default_language")]
    pub language: String,
    /// Where the council is, as the time zone database names it: the
    /// clock events' times are written in, across its changes.
    #[serde(default = "default_time_zone")]
    pub time_zone: Spanned<String>,
    /// One sentence for search engines and link previews.
    #[serde(default)]
    pub description: String,
    #[serde(default = "default_bands")]
    pub bands: Vec<Band>,
    /// The areas of the local offer, in the order they are shown.
    #[serde(default = "default_areas")]
    pub areas: Vec<Area>,
    #[serde(default)]
    pub contacts: BTreeMap<String, Contact>,
    #[serde(default)]
    pub print: Print,
    #[serde(default)]
    pub publish: Publish,
    #[serde(default)]
    pub newsletter: Newsletter,
    #[serde(default)]
    pub checks: Checks,
    #[serde(default)]
    pub accessibility: Accessibility,
    #[serde(default)]
    pub help: Help,
    /// The languages the site is translated into, besides `language`.
    #[serde(default)]
    pub languages: Vec<Language>,
    /// The text of site.toml, so a later check can point at a line of it.
    #[serde(skip)]
    pub source: String,
    /// In another language ([`Config::in_language`]): whether the title
    /// and the council are still in the site's own, and every word that is
    /// (`bands.0-11.label`).
    #[serde(skip)]
    pub title_fallback: bool,
    #[serde(skip)]
    pub council_fallback: bool,
    #[serde(skip)]
    pub untranslated: std::collections::BTreeSet<String>,
}

impl Config {
    /// The `[[languages]]` entry with this code, whatever its capitals.
    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages
            .iter()
            .find(|l| l.code.get_ref().eq_ignore_ascii_case(code))
    }

    /// A language's tag and which way it is written: one of `[[languages]]`,
    /// or the site's own when none.
    pub fn tag_and_dir<'c>(&'c self, language: Option<&'c Language>) -> (&'c str, &'c str) {
        match language {
            Some(l) => (l.code.get_ref(), l.direction()),
            None => (&self.language, direction(&self.language)),
        }
    }

    pub fn band(&self, id: &str) -> Option<&Band> {
        self.bands.iter().find(|b| b.id == id)
    }

    pub fn area(&self, id: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.id == id)
    }

    pub fn band_ids(&self) -> Vec<&str> {
        self.bands.iter().map(|b| b.id.as_str()).collect()
    }

    pub fn area_ids(&self) -> Vec<&str> {
        self.areas.iter().map(|a| a.id.as_str()).collect()
    }

    pub fn contact_keys(&self) -> Vec<&str> {
        self.contacts.keys().map(String::as_str).collect()
    }

    /// The base URL, always ending in `/`.
    pub fn base_url(&self) -> String {
        let url = self.base_url.get_ref().trim();
        if url.ends_with('/') {
            url.to_string()
        } else {
            format!("{url}/")
        }
    }

    /// The site's time zone; `validate` has refused a name the database
    /// does not have, so UTC is never reached from a site that loaded.
    /// The zones come from the copy of the database inside `promise`, so a
    /// build gives the same times on every computer.
    pub fn zone(&self) -> jiff::tz::TimeZone {
        jiff::tz::TimeZoneDatabase::bundled()
            .get(self.time_zone.get_ref())
            .unwrap_or(jiff::tz::TimeZone::UTC)
    }

    /// The band whose reading targets apply to pages every age reads.
    pub fn shared_band(&self) -> Option<&Band> {
        match &self.checks.shared_band {
            Some(id) => self.band(id.get_ref()),
            None => self.bands.get(self.bands.len() / 2),
        }
    }
}

/// Reads `site.toml` from the content folder. `file` is the name to show in
/// diagnostics. A base URL from the command line replaces the file's.
pub fn load(root: &Path, file: &Path, base_url: Option<&str>) -> Result<Config, Vec<Diagnostic>> {
    let config = read(root, file, base_url)?;
    let problems = phone_problems(&config, file);
    if problems.is_empty() { Ok(config) } else { Err(problems) }
}

/// `load` without the check of its phone numbers, which the caller makes
/// with `phone_problems`: reading the first number loads every country's
/// rules, so a build does that while it reads the content.
pub fn read(root: &Path, file: &Path, base_url: Option<&str>) -> Result<Config, Vec<Diagnostic>> {
    let bytes = files::read(root, file).map_err(|e| match e {
        ReadError::Missing => vec![
            Diagnostic::error(
                "missing-site-toml",
                format!("there is no {} in {}", display_path(file), display_path(root)),
            )
            .help("run promise from the folder that holds the content folder, or say where it is with --content DIR; to start a new site, `promise new DIR` writes one"),
        ],
        other => vec![other.diagnostic(file)],
    })?;
    let text = files::utf8(file, bytes).map_err(|d| vec![d])?;
    let mut config: Config = toml::from_str(&text).map_err(|e| vec![toml_error(file, &text, &e)])?;
    if let Some(url) = base_url {
        config.base_url = Spanned::new(0..0, url.to_string());
    }
    let mut problems = validate(&config, file, &text);
    config.source = text;
    if problems.iter().any(Diagnostic::is_error) {
        // Every problem of site.toml at once, its numbers' too.
        problems.extend(phone_problems(&config, file));
        return Err(problems);
    }
    Ok(config)
}

fn default_time_zone() -> Spanned<String> {
    Spanned::new(0..0, "Europe/London".to_string())
}

fn default_language() -> String {
    "en-GB".to_string()
}

#[cfg(test)]
pub(crate) fn test_config() -> Config {
    toml::from_str(
        r#"
title = "T"
council = "C"
base_url = "https://x.example/"
[[bands]]
id = "0-11"
label = "Young"
ages = "0-11"
look = "young"
[[bands]]
id = "16-25"
label = "Older"
ages = "16-25"
look = "adult"
"#,
    )
    .unwrap_or_else(|e| unreachable!("a fixed test config: {e}"))
}
