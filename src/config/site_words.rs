//! `site.<code>.toml`: site.toml's words in another of the site's
//! languages (its title, the bands' labels, the areas' titles, the
//! contacts' names, hours and notes, the helplines' names and notes). It
//! holds words only: numbers, addresses and settings stay in site.toml, so
//! a translation can never change a phone number. A word it leaves out is
//! shown in the site's own language, marked as such.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::{Config, Contact};
use crate::diagnostics::{Diagnostic, Location};
use crate::files::toml_error::toml_error;
use crate::files::{self, ReadError};

/// The file of site.toml's words in the language `code`: `site.ar.toml`.
pub fn file_name(code: &str) -> String {
    format!("site.{code}.toml")
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteWords {
    pub title: Option<String>,
    pub description: Option<String>,
    pub council: Option<String>,
    /// By band id: `[bands.0-11]`.
    #[serde(default)]
    pub bands: BTreeMap<Spanned<String>, BandWords>,
    /// By area id: `[areas.accommodation]`.
    #[serde(default)]
    pub areas: BTreeMap<Spanned<String>, AreaWords>,
    /// By contact key: `[contacts.moving-on]`.
    #[serde(default)]
    pub contacts: BTreeMap<Spanned<String>, ContactWords>,
    #[serde(default)]
    pub help: HelpWords,
    /// The words of site.toml these were translated from, by word, as
    /// `promise translations mark` recorded them: `"bands.0-11.label" =
    /// "1a2b3c4d"`.
    #[serde(default)]
    pub translated_from: BTreeMap<String, Spanned<String>>,
    /// The file's text, to say at which line a word is out of date.
    #[serde(skip)]
    pub text: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BandWords {
    pub label: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaWords {
    pub title: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactWords {
    pub name: Option<String>,
    pub hours: Option<String>,
    pub text: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HelpWords {
    /// The helplines of `[help]`, by their name in site.toml:
    /// `[help.lines.Childline]`.
    #[serde(default)]
    pub lines: BTreeMap<Spanned<String>, ContactWords>,
}

/// Reads `site.<code>.toml`, if the content folder has it, and holds every
/// section of it to site.toml: a band, area, contact or helpline that
/// site.toml does not have is an error at its line.
pub fn read(root: &Path, code: &str, config: &Config) -> Result<Option<SiteWords>, Vec<Diagnostic>> {
    let name = file_name(code);
    let file = Path::new(&name);
    let text = match files::read(root, file) {
        Ok(bytes) => files::utf8(file, bytes).map_err(|d| vec![d])?,
        Err(ReadError::Missing) => return Ok(None),
        Err(e) => return Err(vec![e.diagnostic(file)]),
    };
    let mut words: SiteWords = toml::from_str(&text).map_err(|e| vec![toml_error(file, &text, &e)])?;
    let mut problems = Vec::new();
    let mut known = |section: &str, keys: Vec<&Spanned<String>>, have: Vec<&str>| {
        for key in keys {
            if !have.contains(&key.get_ref().as_str()) {
                problems.push(
                    Diagnostic::error(
                        "unknown-site-word",
                        format!(
                            "site.toml has no {section} \"{}\" for {name} to translate",
                            key.get_ref()
                        ),
                    )
                    .at(Location::from_span(file, &text, key.span()))
                    .help(format!(
                        "use the name site.toml gives it, one of: {}",
                        if have.is_empty() {
                            "(none)".to_string()
                        } else {
                            have.join(", ")
                        }
                    )),
                );
            }
        }
    };
    known("band", words.bands.keys().collect(), config.band_ids());
    known("area", words.areas.keys().collect(), config.area_ids());
    known("contact", words.contacts.keys().collect(), config.contact_keys());
    let lines: Vec<&str> = config.help.lines.iter().map(|l| l.name.as_str()).collect();
    known("helpline", words.help.lines.keys().collect(), lines);
    if problems.is_empty() {
        words.text = text;
        Ok(Some(words))
    } else {
        Err(problems)
    }
}

impl SiteWords {
    /// The translation of site.toml's word `key` (as [`Config::words`]
    /// names it), if there is one.
    pub fn word(&self, key: &str) -> Option<&String> {
        let word = match parts(key) {
            Part::Site("title") => self.title.as_ref(),
            Part::Site("description") => self.description.as_ref(),
            Part::Site("council") => self.council.as_ref(),
            Part::Of("bands", id, "label") => find(&self.bands, id)?.1.label.as_ref(),
            Part::Of("areas", id, "title") => find(&self.areas, id)?.1.title.as_ref(),
            Part::Of("contacts", id, field) => contact_word(find(&self.contacts, id)?.1, field),
            Part::Of("help", name, field) => contact_word(find(&self.help.lines, name)?.1, field),
            _ => None,
        };
        word.filter(|w| !w.trim().is_empty())
    }
}

/// One of site.toml's words, by the name [`Config::words`] gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part<'k> {
    /// `title`, `description` or `council`.
    Site(&'k str),
    /// A section's (`bands`, `areas`, `contacts` or `help`), the id in it
    /// (a helpline's name for `help`) and the field: `bands.0-11.label` is
    /// `Of("bands", "0-11", "label")`.
    Of(&'k str, &'k str, &'k str),
}

/// The parts of the name of one of site.toml's words. The id is everything
/// up to the last dot: a helpline's name may have dots of its own.
pub fn parts(key: &str) -> Part<'_> {
    let Some((section, rest)) = key.split_once('.') else {
        return Part::Site(key);
    };
    let rest = if section == "help" {
        rest.strip_prefix("lines.").unwrap_or(rest)
    } else {
        rest
    };
    match rest.rsplit_once('.') {
        Some((id, field)) => Part::Of(section, id, field),
        None => Part::Site(key),
    }
}

fn contact_word<'w>(words: &'w ContactWords, field: &str) -> Option<&'w String> {
    match field {
        "name" => words.name.as_ref(),
        "hours" => words.hours.as_ref(),
        "text" => words.text.as_ref(),
        _ => None,
    }
}

impl Config {
    /// site.toml's words, each by the name `site.<code>.toml` knows it by
    /// (`title`, `bands.0-11.label`, `contacts.moving-on.hours`), in the
    /// order site.toml has them: what a translator translates.
    pub fn words(&self) -> Vec<(String, String)> {
        let mut words = vec![
            ("title".to_string(), self.title.clone()),
            ("description".to_string(), self.description.clone()),
            ("council".to_string(), self.council.clone()),
        ];
        words.extend(
            self.bands
                .iter()
                .map(|b| (format!("bands.{}.label", b.id), b.label.clone())),
        );
        words.extend(
            self.areas
                .iter()
                .map(|a| (format!("areas.{}.title", a.id), a.title.clone())),
        );
        let contacts = self.contacts.iter().map(|(key, c)| (format!("contacts.{key}"), c));
        let lines = self.help.lines.iter().map(|l| (format!("help.lines.{}", l.name), l));
        for (key, contact) in contacts.chain(lines) {
            words.push((format!("{key}.name"), contact.name.clone()));
            words.push((format!("{key}.hours"), contact.hours.clone()));
            words.push((format!("{key}.text"), contact.text.clone()));
        }
        words.retain(|(_, text)| !text.trim().is_empty());
        words
    }

    /// site.toml as readers of another language see it: its words from
    /// `words` where it has them. What it leaves out stays in the site's
    /// language and is named in `untranslated`.
    pub fn in_language(&self, words: Option<&SiteWords>) -> Config {
        let none = SiteWords::default();
        let words = words.unwrap_or(&none);
        let mut config = self.clone();
        let mut missing = BTreeSet::new();
        let mut take = |key: String, into: &mut String, from: Option<&String>| match from {
            Some(word) if !word.trim().is_empty() => {
                *into = word.clone();
                true
            }
            _ if into.trim().is_empty() => true,
            _ => {
                missing.insert(key);
                false
            }
        };
        config.title_fallback = !take("title".into(), &mut config.title, words.title.as_ref());
        take(
            "description".into(),
            &mut config.description,
            words.description.as_ref(),
        );
        config.council_fallback = !take("council".into(), &mut config.council, words.council.as_ref());
        for band in &mut config.bands {
            let given = find(&words.bands, &band.id).and_then(|(_, w)| w.label.as_ref());
            band.label_fallback = !take(format!("bands.{}.label", band.id), &mut band.label, given);
        }
        for area in &mut config.areas {
            let given = find(&words.areas, &area.id).and_then(|(_, w)| w.title.as_ref());
            area.title_fallback = !take(format!("areas.{}.title", area.id), &mut area.title, given);
        }
        for (key, contact) in &mut config.contacts {
            let given = find(&words.contacts, key).map(|(_, w)| w);
            contact_words(&mut take, &format!("contacts.{key}"), contact, given);
        }
        for line in &mut config.help.lines {
            let given = find(&words.help.lines, &line.name).map(|(_, w)| w);
            contact_words(&mut take, &format!("help.lines.{}", line.name), line, given);
        }
        config.untranslated = missing;
        config
    }
}

/// The words given for `key`.
fn find<'w, T>(map: &'w BTreeMap<Spanned<String>, T>, key: &str) -> Option<(&'w Spanned<String>, &'w T)> {
    map.iter().find(|(k, _)| k.get_ref() == key)
}

/// A contact's words: it is marked as in the site's language unless all
/// of them are translated.
fn contact_words(
    take: &mut impl FnMut(String, &mut String, Option<&String>) -> bool,
    key: &str,
    contact: &mut Contact,
    given: Option<&ContactWords>,
) {
    let name = take(
        format!("{key}.name"),
        &mut contact.name,
        given.and_then(|w| w.name.as_ref()),
    );
    let hours = take(
        format!("{key}.hours"),
        &mut contact.hours,
        given.and_then(|w| w.hours.as_ref()),
    );
    let text = take(
        format!("{key}.text"),
        &mut contact.text,
        given.and_then(|w| w.text.as_ref()),
    );
    contact.fallback = !(name && hours && text);
}
