//! site.toml's words whose translation in `site.<code>.toml` was made from
//! words site.toml no longer has: `translation-stale`, and an error for a
//! contact's or helpline's words, since old hours or an old note on who to
//! call can leave a young person with nobody to talk to.

use std::path::Path;

use super::Site;
use super::units::hash;
use crate::config::Config;
use crate::config::site_words::{Part, SiteWords, file_name, parts};
use crate::diagnostics::{Diagnostic, Location};

/// site.toml's words, by name, that changed since `words` translated them
/// (none when `promise translations mark` has not recorded them yet).
pub fn changed_words(config: &Config, words: &SiteWords) -> Vec<(String, String)> {
    if words.translated_from.is_empty() {
        return Vec::new();
    }
    config
        .words()
        .into_iter()
        .filter(|(key, text)| {
            words.word(key).is_some() && recorded(words, key).map(|r| r.get_ref()) != Some(&hash(text))
        })
        .collect()
}

/// Every out-of-date word of every language's `site.<code>.toml`.
pub fn stale_words(site: &Site) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for (code, t) in &site.translations {
        let Some(words) = &t.words else { continue };
        let name = file_name(code);
        let file = Path::new(&name);
        for (key, text) in changed_words(&site.config, words) {
            let contact = key.starts_with("contacts.") || key.starts_with("help.");
            let message = format!(
                "site.toml's words for the {} have changed since {name} translated them: they now say \"{}\"",
                word_name(&key),
                shown(&text)
            );
            let d = if contact {
                Diagnostic::error("translation-stale", message)
            } else {
                Diagnostic::warning("translation-stale", message)
            };
            let d = match recorded(words, &key) {
                Some(record) => d.at(Location::from_span(file, &words.text, record.span())),
                None => d.in_file(file),
            };
            problems.push(d.help(format!(
                "translate it again in {name}, then run `promise translations mark --language {code}` to record that it says what site.toml says now{}",
                if contact {
                    "; old words on who to contact, or when, can leave someone with nobody to call, so the site is not built until then"
                } else {
                    ""
                }
            )));
        }
    }
    problems
}

/// The start of a word's new text, enough to find it by.
fn shown(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() > 12 {
        format!("{}…", words[..12].join(" "))
    } else {
        words.join(" ")
    }
}

fn recorded<'w>(words: &'w SiteWords, key: &str) -> Option<&'w toml::Spanned<String>> {
    words.translated_from.get(key)
}

/// How a council knows a word: `bands.0-11.label` is the label of band
/// "0-11".
fn word_name(key: &str) -> String {
    match parts(key) {
        Part::Of(section, id, field) => {
            let what = match section {
                "bands" => "band",
                "areas" => "area",
                "contacts" => "contact",
                _ => "helpline",
            };
            format!("{field} of the {what} \"{id}\"")
        }
        Part::Site(_) => key.to_string(),
    }
}
