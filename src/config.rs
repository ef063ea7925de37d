//! `site.toml`: the council's settings, with defaults for everything a new
//! council would not think to change.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostics::{Diagnostic, Location, display_path, suggest};

pub const FILE_NAME: &str = "site.toml";

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
}

impl Config {
    /// The `[[languages]]` entry with this code, whatever its capitals.
    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages
            .iter()
            .find(|l| l.code.get_ref().eq_ignore_ascii_case(code))
    }
}

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

/// Settings for `promise check`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Checks {
    /// The band whose reading targets apply to what every age reads: the
    /// local offer, the messages and the other pages. The middle band when
    /// not set.
    pub shared_band: Option<Spanned<String>>,
    /// Who readers tell about a problem using the site: a key of `[contacts]`,
    /// named in the accessibility statement.
    pub accessibility_contact: Option<Spanned<String>>,
}

/// The "Need help now?" page, linked from the top of every page.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Help {
    /// Keys of `[contacts]` to call, in order; every band's contact when
    /// left out.
    pub contacts: Vec<Spanned<String>>,
    /// National helplines, free to call: a name, a phone number and who
    /// they are for, like any contact.
    pub lines: Vec<Contact>,
    /// Where "Exit this page" goes: a page that gives nothing away about
    /// what the reader was looking at.
    pub exit_url: Spanned<String>,
}

impl Default for Help {
    fn default() -> Self {
        let line = |name: &str, phone: &str, text: &str| Contact {
            name: name.to_string(),
            phone: phone.to_string(),
            text: text.to_string(),
            ..Contact::default()
        };
        Help {
            contacts: Vec::new(),
            lines: vec![
                line(
                    "Childline",
                    "0800 1111",
                    "Free and private, for anyone under 19, any time of day or night.",
                ),
                line(
                    "Samaritans",
                    "116 123",
                    "Free, any time, for anyone who is finding things hard.",
                ),
            ],
            exit_url: Spanned::new(0..0, "https://www.bbc.co.uk/weather".to_string()),
        }
    }
}

/// The last manual accessibility audit, for the accessibility statement:
/// without one the site claims no more than partial compliance, because
/// automated checks cannot find every problem.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Accessibility {
    /// The day the audit was finished: `audited = 2026-05-01`.
    pub audited: Option<Spanned<toml::value::Datetime>>,
    /// Who did it: "the Digital Accessibility Centre".
    pub by: Option<String>,
}

impl Accessibility {
    /// The audit's day and who did it, when both are written.
    pub fn audit(&self) -> Option<(jiff::civil::Date, &str)> {
        let date = self.audited.as_ref()?.get_ref().date?;
        let day = jiff::civil::Date::new(date.year as i16, date.month as i8, date.day as i8).ok()?;
        Some((day, self.by.as_deref().filter(|b| !b.trim().is_empty())?))
    }
}

/// How easy a band's pages must be to read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reading {
    /// The highest Flesch-Kincaid grade for a page of 100 words or more.
    pub grade: f64,
    /// The most words in one sentence.
    pub sentence_words: usize,
    /// Whether words of four or more syllables are pointed out.
    pub long_words: bool,
}

/// Where the site is put online.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Publish {
    /// The host, for the files it reads beside the pages: the headers every
    /// answer carries and where old addresses lead.
    pub host: Host,
}

/// A kind of web host, by what it reads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Host {
    /// `_headers` and `_redirects`, later rules replacing earlier ones.
    Netlify,
    /// `_headers` and `_redirects`, matching rules added together.
    CloudflarePages,
    /// `.htaccess`.
    Apache,
    /// A file to include in the server's configuration.
    Nginx,
    /// Nothing: it cannot send headers, so the pages' own policy is all.
    GithubPages,
    /// Nothing: the README says what to set.
    #[default]
    Other,
}

/// How leaflets are made for the print shop.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Print {
    pub paper: Paper,
    /// How far backgrounds run past the trim on every side, in millimetres.
    pub bleed_mm: f64,
    /// How many pages a leaflet has; it grows by whole booklets of four when
    /// its content needs more.
    pub pages: usize,
    /// The same for the local offer, which is usually longer.
    pub offer_pages: usize,
    /// The most pages any leaflet may have: past it, a leaflet prints the
    /// first themes or entries that fit and sends readers to the website
    /// for the rest.
    pub max_pages: usize,
}

impl Default for Print {
    fn default() -> Self {
        Print {
            paper: Paper::A5,
            bleed_mm: 3.0,
            pages: 4,
            offer_pages: 8,
            max_pages: 24,
        }
    }
}

/// A finished leaflet's size.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    A4,
    #[default]
    A5,
    A6,
    /// A third of A4, for a leaflet rack.
    Dl,
}

impl Paper {
    /// Width and height of the trimmed page, in millimetres.
    pub fn size_mm(self) -> (f64, f64) {
        match self {
            Paper::A4 => (210.0, 297.0),
            Paper::A5 => (148.0, 210.0),
            Paper::A6 => (105.0, 148.0),
            Paper::Dl => (99.0, 210.0),
        }
    }

    /// The smallest a QR code may be printed and still scan from a distance.
    pub fn qr_mm(self) -> f64 {
        if self == Paper::A6 { 22.0 } else { 25.0 }
    }
}

/// An age band: who its promises speak to, and how its pages look.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// The folder under `promises/` and the page address, such as `0-11`.
    pub id: String,
    /// What a reader taps to choose this band, such as "I am 0 to 11".
    pub label: String,
    pub ages: Spanned<String>,
    #[serde(default)]
    pub look: Look,
    /// Who a reader of this band can talk to: a key of `[contacts]`.
    #[serde(default)]
    pub contact: Option<Spanned<String>>,
    /// Reading targets; the defaults come from the band's look.
    #[serde(default)]
    pub reading_grade: Option<f64>,
    #[serde(default)]
    pub sentence_words: Option<usize>,
    #[serde(default)]
    pub long_words: Option<bool>,
    /// Pages in this band's leaflet, when not [print]'s `pages`: a band
    /// with more promises, or larger type, needs more.
    #[serde(default)]
    pub pages: Option<usize>,
    /// The addresses the band's page had before its id changed: each leads
    /// to it now, so the QR codes of leaflets already printed still work.
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
}

/// A band's look and feel, from the theme's stylesheet.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Look {
    /// Large type, an icon for each theme, short lines, big buttons.
    Young,
    /// Calmer and practical.
    #[default]
    Teen,
    /// Plain and practical, for young adults.
    Adult,
}

impl fmt::Display for Look {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Look::Young => "young",
            Look::Teen => "teen",
            Look::Adult => "adult",
        })
    }
}

/// One area of the local offer, such as "accommodation".
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub id: String,
    pub title: String,
}

/// Someone a young person can get in touch with.
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
    /// When someone answers, in words: "Monday to Friday, 9am to 5pm".
    #[serde(default)]
    pub hours: String,
    /// A sentence on what they can help with.
    #[serde(default)]
    pub text: String,
}

/// An inclusive range of ages in years, written `16-25`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Ages {
    pub from: u8,
    pub to: u8,
}

impl Ages {
    /// Reads `16-25`; `None` for anything else.
    pub fn parse(text: &str) -> Option<Ages> {
        let (from, to) = text.split_once(['-', '–'])?;
        let from: u8 = from.trim().parse().ok()?;
        let to: u8 = to.trim().parse().ok()?;
        (from <= to).then_some(Ages { from, to })
    }

    pub fn contains(self, age: u8) -> bool {
        (self.from..=self.to).contains(&age)
    }

    pub fn overlaps(self, other: Ages) -> bool {
        self.from <= other.to && other.from <= self.to
    }

    pub const HELP: &str =
        "write the ages as two whole numbers with a dash between them, youngest first, such as 16-25";
}

impl fmt::Display for Ages {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} to {}", self.from, self.to)
    }
}

impl Config {
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
}

impl Band {
    /// The band's ages; a band whose ages did not parse was already reported.
    pub fn ages(&self) -> Ages {
        Ages::parse(self.ages.get_ref()).unwrap_or(Ages { from: 0, to: 0 })
    }

    /// The band's reading targets: its own settings, else those of its look
    /// (grade 3 and 15 words for young, 5 and 20 for teen, 6 and 25 for adult).
    pub fn reading(&self) -> Reading {
        let (grade, sentence_words) = match self.look {
            Look::Young => (3.0, 15),
            Look::Teen => (5.0, 20),
            Look::Adult => (6.0, 25),
        };
        Reading {
            grade: self.reading_grade.unwrap_or(grade),
            sentence_words: self.sentence_words.unwrap_or(sentence_words),
            long_words: self.long_words.unwrap_or(self.look == Look::Young),
        }
    }
}

impl Config {
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
    let bytes = crate::content::read(root, file).map_err(|e| match e {
        crate::content::ReadError::Missing => vec![
            Diagnostic::error(
                "missing-site-toml",
                format!("there is no {} in {}", display_path(file), display_path(root)),
            )
            .help("every site needs a site.toml beside its content folders; `promise new DIR` writes a starter one"),
        ],
        other => vec![other.diagnostic(file)],
    })?;
    let text = crate::content::utf8(file, bytes).map_err(|d| vec![d])?;
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

/// Every contact's and help line's number must be one a phone can dial.
pub fn phone_problems(config: &Config, file: &Path) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for contact in config.contacts.values().chain(&config.help.lines) {
        if contact.phone.trim().is_empty() {
            continue;
        }
        if let Err(problem) = crate::phone::parse(&contact.phone) {
            let (message, help) = problem.explain(&contact.phone);
            problems.push(
                Diagnostic::error("bad-phone", message)
                    .at(Location::of_text(
                        file,
                        &config.source,
                        &format!("\"{}\"", contact.phone),
                    ))
                    .help(help),
            );
        }
    }
    problems
}

/// A TOML syntax or shape error, in the participation team's words.
pub fn toml_error(file: &Path, text: &str, e: &toml::de::Error) -> Diagnostic {
    let (message, help) = explain_serde(e.message());
    let mut d = Diagnostic::error("bad-toml", message).in_file(file).help(help);
    if let Some(span) = e.span() {
        d = d.at(Location::from_span(file, text, span));
    }
    d
}

/// Turns serde's messages about fields into plain words with a fix.
pub fn explain_serde(message: &str) -> (String, String) {
    let message = message.trim();
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (name, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        return (
            format!("\"{name}\" is not a setting that can go here"),
            suggest(name, "settings that can go here", &known),
        );
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let name = rest.split('`').next().unwrap_or(rest);
        return (
            format!("the setting \"{name}\" is missing"),
            format!("add a line for \"{name}\""),
        );
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let (name, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        return (
            format!("\"{name}\" is not one of the choices here"),
            suggest(name, "choices", &known),
        );
    }
    if message.starts_with("invalid type:") {
        let (what, example) = if message.ends_with("expected a sequence") {
            (
                "a list",
                "in square brackets, separated by commas: [\"first\", \"second\"]",
            )
        } else if message.ends_with("expected a string") {
            ("words", "in double quotes: \"like this\"")
        } else if message.ends_with("expected a boolean") {
            ("true or false", "as true or false, without quotes")
        } else {
            ("a number", "as digits without quotes, such as 4")
        };
        return (
            format!("this setting needs {what}"),
            format!("write the value {example}"),
        );
    }
    (
        message.to_string(),
        "check the spelling, quotes and brackets on this line against README.md".to_string(),
    )
}

fn validate(config: &Config, file: &Path, text: &str) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let url = config.base_url.get_ref();
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        problems.push(
            Diagnostic::error("bad-base-url", format!("\"{url}\" is not a web address"))
                .at(Location::from_span(file, text, config.base_url.span()))
                .help("write the full address the site is published at, such as \"https://promise.example.gov.uk/\""),
        );
    }
    if let Err(why) = language_tag(&config.language) {
        problems.push(
            Diagnostic::error(
                "bad-language",
                format!("\"{}\" is not a language tag: {why}", config.language),
            )
            .at(Location::of_text(file, text, &format!("\"{}\"", config.language)))
            .help("write the language as a BCP 47 tag, such as \"en-GB\" for English, \"cy\" for Welsh, \"ar\" for Arabic or \"pl\" for Polish"),
        );
    }
    problems.extend(languages(config, file, text));
    let contacts = config.contact_keys();
    let mut seen = Vec::new();
    for band in &config.bands {
        for alias in &band.aliases {
            if crate::publish::redirects::alias_path(alias.get_ref(), &config.base_url()).is_none() {
                problems.push(
                    Diagnostic::error(
                        "bad-alias",
                        format!("\"{}\" is not an old address of this site", alias.get_ref()),
                    )
                    .at(Location::from_span(file, text, alias.span()))
                    .help("write the band page's old address from the site's root, such as aliases = [\"/16-to-25/\"]"),
                );
            }
        }
        if !is_slug(&band.id) {
            problems.push(
                Diagnostic::error(
                    "bad-band-id",
                    format!("the band id \"{}\" cannot be used in a web address", band.id),
                )
                .at(Location::of_text(file, text, &band.id))
                .help("use only lower-case letters, numbers and dashes, such as \"16-25\""),
            );
        }
        if seen.contains(&band.id.as_str()) {
            problems.push(
                Diagnostic::error("duplicate-band", format!("there are two bands called \"{}\"", band.id))
                    .at(Location::of_text(file, text, &band.id))
                    .help("give every [[bands]] entry its own id"),
            );
        }
        seen.push(&band.id);
        if Ages::parse(band.ages.get_ref()).is_none() {
            problems.push(
                Diagnostic::error(
                    "bad-ages",
                    format!("\"{}\" is not a range of ages", band.ages.get_ref()),
                )
                .at(Location::from_span(file, text, band.ages.span()))
                .help(Ages::HELP),
            );
        }
        if let Some(contact) = &band.contact
            && !config.contacts.contains_key(contact.get_ref())
        {
            problems.push(unknown_contact(
                contact.get_ref(),
                &contacts,
                Location::from_span(file, text, contact.span()),
            ));
        }
    }
    if let Some(shared) = &config.checks.shared_band
        && config.band(shared.get_ref()).is_none()
    {
        problems.push(unknown_band(
            shared.get_ref(),
            &config.band_ids(),
            Location::from_span(file, text, shared.span()),
        ));
    }
    if let Some(contact) = &config.checks.accessibility_contact
        && !config.contacts.contains_key(contact.get_ref())
    {
        problems.push(unknown_contact(
            contact.get_ref(),
            &contacts,
            Location::from_span(file, text, contact.span()),
        ));
    }
    for key in &config.help.contacts {
        if !config.contacts.contains_key(key.get_ref()) {
            problems.push(unknown_contact(
                key.get_ref(),
                &contacts,
                Location::from_span(file, text, key.span()),
            ));
        }
    }
    let exit = config.help.exit_url.get_ref();
    if !exit.starts_with("https://") {
        problems.push(
            Diagnostic::error(
                "bad-exit-url",
                format!("\"{exit}\" is not a web address starting with https://"),
            )
            .at(Location::from_span(file, text, config.help.exit_url.span()))
            .help(
                "write the full address of a page that gives nothing away, such as \"https://www.bbc.co.uk/weather\"",
            ),
        );
    }
    let audit = &config.accessibility;
    if (audit.audited.is_some() || audit.by.is_some()) && audit.audit().is_none() {
        let at = match &audit.audited {
            Some(audited) => Location::from_span(file, text, audited.span()),
            None => Location::of_text(file, text, "[accessibility]"),
        };
        problems.push(
            Diagnostic::error(
                "bad-audit",
                "the accessibility audit needs its day and who did it",
            )
            .at(at)
            .help("under [accessibility], write the day the audit finished as audited = 2026-05-01, and who did it as by = \"the name of the auditor\""),
        );
    }
    let mut seen = Vec::new();
    for area in &config.areas {
        if !is_slug(&area.id) || seen.contains(&area.id.as_str()) {
            problems.push(
                Diagnostic::error(
                    "bad-area-id",
                    format!(
                        "the area id \"{}\" is used twice or cannot be used in a web address",
                        area.id
                    ),
                )
                .at(Location::of_text(file, text, &area.id))
                .help("give every [[areas]] entry its own id of lower-case letters, numbers and dashes"),
            );
        }
        seen.push(&area.id);
    }
    problems
}

/// Each `[[languages]]` entry: a real language tag, not the site's own
/// language, named once, with a direction that is "ltr" or "rtl".
fn languages(config: &Config, file: &Path, text: &str) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut seen: Vec<String> = vec![config.language.to_lowercase()];
    for language in &config.languages {
        let code = language.code.get_ref();
        let at = Location::from_span(file, text, language.code.span());
        if let Err(why) = language_tag(code) {
            problems.push(
                Diagnostic::error("bad-language", format!("\"{code}\" is not a language tag: {why}"))
                    .at(at)
                    .help("write the language as a BCP 47 tag, such as \"ar\" for Arabic, \"ps\" for Pashto, \"ti\" for Tigrinya or \"cy\" for Welsh"),
            );
        } else if seen.contains(&code.to_lowercase()) {
            let what = if code.eq_ignore_ascii_case(&config.language) {
                "the site's own language"
            } else {
                "listed twice"
            };
            problems.push(
                Diagnostic::error("duplicate-language", format!("\"{code}\" is {what}"))
                    .at(at)
                    .help(
                        "list each language the site is translated into once, and not the language set by `language`",
                    ),
            );
        }
        seen.push(code.to_lowercase());
        if let Some(dir) = &language.dir
            && !matches!(dir.get_ref().as_str(), "ltr" | "rtl")
        {
            problems.push(
                Diagnostic::error("bad-direction", format!("\"{}\" is not a direction", dir.get_ref()))
                    .at(Location::from_span(file, text, dir.span()))
                    .help("write dir = \"rtl\" for a language written from right to left, dir = \"ltr\" for one written from left to right, or leave it out"),
            );
        }
    }
    problems
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

/// The same message wherever a contact key is used.
pub fn unknown_contact(key: &str, known: &[&str], at: Location) -> Diagnostic {
    Diagnostic::error(
        "unknown-contact",
        format!("there is no contact called \"{key}\" in site.toml"),
    )
    .at(at)
    .label("not one of the [contacts] in site.toml")
    .help(suggest(key, "contacts", known))
}

/// The same message wherever a band is named in a settings file.
pub fn unknown_band(id: &str, known: &[&str], at: Location) -> Diagnostic {
    Diagnostic::error("unknown-band", format!("there is no band called \"{id}\" in site.toml"))
        .at(at)
        .help(suggest(id, "bands", known))
}

/// Lower-case letters, digits and single dashes: safe in a web address.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !text.starts_with('-')
        && !text.ends_with('-')
}

fn default_language() -> String {
    "en-GB".to_string()
}

fn default_bands() -> Vec<Band> {
    [
        ("0-11", "I am 11 or under", Look::Young),
        ("12-15", "I am 12 to 15", Look::Teen),
        ("16-25", "I am 16 to 25", Look::Adult),
    ]
    .into_iter()
    .map(|(id, label, look)| Band {
        id: id.to_string(),
        label: label.to_string(),
        ages: Spanned::new(0..0, id.to_string()),
        look,
        contact: None,
        reading_grade: None,
        sentence_words: None,
        long_words: None,
        pages: None,
        aliases: Vec::new(),
    })
    .collect()
}

/// The six areas of a local offer named by the Children and Social Work Act
/// 2017, section 2.
fn default_areas() -> Vec<Area> {
    [
        ("health-and-wellbeing", "Health and wellbeing"),
        ("relationships", "Relationships"),
        ("education-and-training", "Education and training"),
        ("employment", "Work"),
        ("accommodation", "Somewhere to live"),
        ("participation-in-society", "Having your say and taking part"),
    ]
    .into_iter()
    .map(|(id, title)| Area {
        id: id.to_string(),
        title: title.to_string(),
    })
    .collect()
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

    #[test]
    fn ages_parse_and_overlap() {
        assert_eq!(Ages::parse("16-25"), Some(Ages { from: 16, to: 25 }));
        assert_eq!(Ages::parse(" 18 - 21 "), Some(Ages { from: 18, to: 21 }));
        assert_eq!(Ages::parse("25-16"), None);
        assert_eq!(Ages::parse("sixteen"), None);
        let leavers = Ages { from: 16, to: 25 };
        assert!(leavers.overlaps(Ages { from: 12, to: 16 }));
        assert!(!leavers.overlaps(Ages { from: 0, to: 11 }));
    }

    #[test]
    fn serde_messages_become_plain_words() {
        let (message, help) = explain_serde("unknown field `titel`, expected one of `title`, `council`");
        assert_eq!(message, "\"titel\" is not a setting that can go here");
        assert!(help.starts_with("did you mean \"title\"?"), "{help}");
    }

    #[test]
    fn wrong_types_say_what_to_write() {
        let (message, help) = explain_serde("invalid type: string \"placement\", expected a sequence");
        assert_eq!(message, "this setting needs a list");
        assert!(help.contains("square brackets"), "{help}");
    }

    #[test]
    fn slugs() {
        assert!(is_slug("16-25"));
        assert!(!is_slug("Sixteen"));
        assert!(!is_slug("a b"));
        assert!(!is_slug("-a"));
    }
}
