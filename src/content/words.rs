//! `words.toml`: the council's list of language that cares. The example's list
//! is built in, and applies when a site has none of its own.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::config::{self, Config};
use crate::diagnostics::{Diagnostic, Location, Severity};
use crate::files;
use crate::layout::WORDS;

const DEFAULTS: &str = include_str!("../../content/words.toml");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Words {
    #[serde(default)]
    pub rules: Vec<Rule>,
}

/// Words to point out, and what to write instead.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: Spanned<String>,
    pub words: Vec<String>,
    #[serde(default)]
    pub prefer: Vec<String>,
    pub reason: String,
    #[serde(default)]
    pub source: String,
    #[serde(default = "warning")]
    pub severity: Level,
    /// Empty for every band.
    #[serde(default)]
    pub bands: Vec<Spanned<String>>,
    #[serde(default)]
    pub except: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Warning,
    Error,
}

fn warning() -> Level {
    Level::Warning
}

impl Level {
    pub fn severity(self) -> Severity {
        match self {
            Level::Warning => Severity::Warning,
            Level::Error => Severity::Error,
        }
    }
}

impl Rule {
    /// Whether the rule applies to a page read by these bands.
    pub fn applies_to<'a>(&self, mut bands: impl Iterator<Item = &'a str>) -> bool {
        self.bands.is_empty() || bands.any(|b| self.bands.iter().any(|r| r.get_ref() == b))
    }
}

/// The lists for each language of the site.
#[derive(Debug, Clone)]
pub struct Lists {
    /// For the site's own language: the content folder's words.toml, or
    /// the built-in list when it has none.
    pub own: Words,
    /// For each of `[[languages]]` that has one, its `words.<code>.toml`.
    pub languages: BTreeMap<String, Words>,
}

/// Reads the word lists of the content folder.
pub fn load(root: &Path, config: &Config) -> Result<Lists, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let mut read = |file: &Path| match read_list(root, config, file) {
        Ok(words) => words,
        Err(found) => {
            problems.extend(found);
            None
        }
    };
    let own = read(Path::new(WORDS)).unwrap_or_else(|| defaults(config));
    let mut languages = BTreeMap::new();
    for language in &config.languages {
        let code = language.code.get_ref();
        if let Some(words) = read(Path::new(&language_file(code))) {
            languages.insert(code.clone(), words);
        }
    }
    if problems.is_empty() {
        Ok(Lists { own, languages })
    } else {
        Err(problems)
    }
}

/// The file of the list for one of `[[languages]]`: `words.ar.toml`.
fn language_file(code: &str) -> String {
    format!("words.{code}.toml")
}

/// Whether a file at the top of the content folder is one of its word lists.
pub fn is_list(name: &str, config: &Config) -> bool {
    name == WORDS || config.languages.iter().any(|l| name == language_file(l.code.get_ref()))
}

/// One list, if the content folder has the file.
fn read_list(root: &Path, config: &Config, file: &Path) -> Result<Option<Words>, Vec<Diagnostic>> {
    let text = match files::read(root, file) {
        Ok(bytes) => files::utf8(file, bytes).map_err(|d| vec![d])?,
        Err(files::ReadError::Missing) => return Ok(None),
        Err(e) => return Err(vec![e.diagnostic(file)]),
    };
    let words: Words =
        toml::from_str(&text).map_err(|e| vec![crate::files::toml_error::toml_error(file, &text, &e)])?;
    let problems = validate(&words, config, file, &text);
    if problems.is_empty() {
        Ok(Some(words))
    } else {
        Err(problems)
    }
}

/// The built-in list, for a site without its own. Its rules name the usual
/// bands; a site with other bands keeps each rule for the bands it has, and
/// drops a rule none of whose bands it has.
fn defaults(config: &Config) -> Words {
    let mut words: Words = toml::from_str(DEFAULTS).unwrap_or(Words { rules: Vec::new() });
    words.rules.retain_mut(|rule| {
        let named = !rule.bands.is_empty();
        rule.bands.retain(|b| config.band(b.get_ref()).is_some());
        !named || !rule.bands.is_empty()
    });
    words
}

fn validate(words: &Words, config: &Config, file: &Path, text: &str) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for rule in &words.rules {
        let id = rule.id.get_ref();
        let at = Location::from_span(file, text, rule.id.span());
        if !config::is_slug(id) || seen.contains(&id.as_str()) {
            problems.push(
                Diagnostic::error(
                    "bad-rule-id",
                    format!("the rule id \"{id}\" is used twice or has characters other than a-z, 0-9 and -"),
                )
                .at(at.clone())
                .help("give every rule its own id of lower-case letters, numbers and dashes, such as \"placement\""),
            );
        }
        seen.push(id);
        if rule.words.iter().all(|w| w.trim().is_empty()) {
            problems.push(
                Diagnostic::error("no-words", format!("the rule \"{id}\" has no words to look for"))
                    .at(at)
                    .help("list the words or phrases, such as words = [\"placement\", \"placements\"]"),
            );
        }
        for band in &rule.bands {
            if config.band(band.get_ref()).is_none() {
                problems.push(config::unknown_band(
                    band.get_ref(),
                    &config.band_ids(),
                    Location::from_span(file, text, band.span()),
                ));
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_list_fits_a_site_with_other_bands() {
        let mut config = crate::config::test_config();
        let all = defaults(&config);
        let siblings = all.rules.iter().find(|r| r.id.get_ref() == "siblings").unwrap();
        assert_eq!(siblings.bands.len(), 1, "only 0-11 of its bands is in the test site");
        config.bands.retain(|b| b.id == "16-25");
        let adults = defaults(&config);
        assert!(adults.rules.iter().all(|r| r.id.get_ref() != "siblings"));
        assert!(adults.rules.iter().any(|r| r.id.get_ref() == "placement"));
    }

    #[test]
    fn the_built_in_list_reads() {
        let words: Words = toml::from_str(DEFAULTS).unwrap();
        let ids: Vec<&str> = words.rules.iter().map(|r| r.id.get_ref().as_str()).collect();
        for id in [
            "placement",
            "lac",
            "contact",
            "respite",
            "care-plan",
            "pathway-plan",
            "siblings",
        ] {
            assert!(ids.contains(&id), "{id} missing from {ids:?}");
        }
    }
}
