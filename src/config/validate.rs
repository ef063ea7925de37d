//! What serde cannot check in site.toml: addresses, language tags, ids,
//! ages, and every contact and band a setting names.

use std::path::Path;

use super::{Ages, Config, Period, language_tag};
use crate::diagnostics::{Diagnostic, Location, suggest};

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

/// Every contact's and help line's email must be an address mail reaches.
fn email_problems(config: &Config, file: &Path, text: &str) -> Vec<Diagnostic> {
    config
        .contacts
        .values()
        .chain(&config.help.lines)
        .filter(|c| !c.email.trim().is_empty())
        .filter_map(|c| {
            let (message, help) = crate::email::problem(&c.email)?;
            Some(
                Diagnostic::error("bad-email", message)
                    .at(Location::of_text(file, text, &format!("\"{}\"", c.email)))
                    .help(help),
            )
        })
        .collect()
}

/// Every mistake in site.toml that its shape alone does not show.
pub(super) fn validate(config: &Config, file: &Path, text: &str) -> Vec<Diagnostic> {
    let mut problems = base_url(config, file, text);
    problems.extend(line_ages(config, file, text));
    problems.extend(print_contact(config, file, text));
    problems.extend(email_problems(config, file, text));
    problems.extend(languages(config, file, text));
    problems.extend(bands(config, file, text));
    problems.extend(references(config, file, text));
    problems.extend(audit(config, file, text));
    problems.extend(areas(config, file, text));
    problems.extend(time_zone(config, file, text));
    problems.extend(quarters(config, file, text));
    problems
}

/// `[newsletter] quarters`: each one a quarter of a year.
fn quarters(config: &Config, file: &Path, text: &str) -> Vec<Diagnostic> {
    config
        .newsletter
        .quarters
        .iter()
        .filter(|q| Period::quarter(q.get_ref()).is_none())
        .map(|q| {
            Diagnostic::error("bad-quarter", format!("\"{}\" is not a quarter of a year", q.get_ref()))
                .at(Location::from_span(file, text, q.span()))
                .label("a newsletter is made for each quarter here")
                .help(Period::HELP)
        })
        .collect()
}

/// `time_zone`: a name the time zone database has.
fn time_zone(config: &Config, file: &Path, text: &str) -> Option<Diagnostic> {
    let name = config.time_zone.get_ref();
    let zones = jiff::tz::TimeZoneDatabase::bundled();
    if zones.get(name).is_ok() {
        return None;
    }
    let names: Vec<String> = zones.available().map(|n| n.as_str().to_string()).collect();
    let near = crate::diagnostics::nearest(name, names.iter().map(String::as_str))
        .map(|n| format!("; did you mean \"{n}\"?"))
        .unwrap_or_default();
    Some(
        Diagnostic::error("unknown-time-zone", format!("there is no time zone called \"{name}\""))
            .at(Location::from_span(file, text, config.time_zone.span()))
            .label("events' times are in this zone")
            .help(format!(
                "write the zone as the time zone database names it, such as \"Europe/London\" for England{near}"
            )),
    )
}

/// Each helpline's ages, if it has them.
fn line_ages(config: &Config, file: &Path, text: &str) -> Vec<Diagnostic> {
    config
        .help
        .lines
        .iter()
        .filter_map(|line| line.ages.as_ref())
        .filter(|ages| Ages::parse(ages.get_ref()).is_none())
        .map(|ages| {
            Diagnostic::error("bad-ages", format!("\"{}\" is not a range of ages", ages.get_ref()))
                .at(Location::from_span(file, text, ages.span()))
                .help(Ages::HELP)
        })
        .collect()
}

/// The contact the print shop is told to ask.
fn print_contact(config: &Config, file: &Path, text: &str) -> Vec<Diagnostic> {
    let contacts = config.contact_keys();
    config
        .print
        .contact
        .iter()
        .filter(|key| !config.contacts.contains_key(key.get_ref()))
        .map(|key| unknown_contact(key.get_ref(), &contacts, Location::from_span(file, text, key.span())))
        .collect()
}

/// The site's own address.
fn base_url(config: &Config, file: &Path, text: &str) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let url = config.base_url.get_ref();
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        problems.push(
            Diagnostic::error("bad-base-url", format!("\"{url}\" is not a web address"))
                .at(Location::from_span(file, text, config.base_url.span()))
                .help("write the full address the site is published at, such as \"https://promise.example.gov.uk/\""),
        );
    }
    problems
}

/// Each band: its old addresses, id, ages and contact.
fn bands(config: &Config, file: &Path, text: &str) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let contacts = config.contact_keys();
    let mut seen = Vec::new();
    for band in &config.bands {
        for alias in &band.aliases {
            if crate::layout::alias_path(alias.get_ref(), &config.base_url()).is_none() {
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
    problems
}

/// The band and contacts `[checks]` and `[help]` name, and the page "Exit
/// this page" leads to.
fn references(config: &Config, file: &Path, text: &str) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let contacts = config.contact_keys();
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
    problems
}

/// The last audit, which needs both its day and who did it.
fn audit(config: &Config, file: &Path, text: &str) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
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
    problems
}

/// Each area's id: its own, and fit for a web address.
fn areas(config: &Config, file: &Path, text: &str) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
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

/// The site's language, and each `[[languages]]` entry: a real language
/// tag, not the site's own language, named once, with a direction that is
/// "ltr" or "rtl".
fn languages(config: &Config, file: &Path, text: &str) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(is_slug("16-25"));
        assert!(!is_slug("Sixteen"));
        assert!(!is_slug("a b"));
        assert!(!is_slug("-a"));
    }
}
