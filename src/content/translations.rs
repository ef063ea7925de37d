//! A translation says the same as its original: it translates a file that
//! is there, and keeps what must not change from one language to another
//! (where a theme comes in its band, who an offer is for, who to contact).

use std::path::Path;

use super::fields::TRANSLATED_FROM;
use super::front_matter::field_location;
use super::units::Units;
use super::{Origin, Site, Translations, Written};
use crate::diagnostics::Diagnostic;

/// Every translation without an original, and every field a translation
/// changes that it must keep.
pub fn check(site: &Site) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for t in site.translations.values() {
        against(&mut problems, &t.promise_pages, &site.promise_pages);
        against(&mut problems, &t.offer, &site.offer);
        against(&mut problems, &t.messages, &site.messages);
        against(&mut problems, &t.events, &site.events);
        against(&mut problems, &t.pages, &site.pages);
    }
    problems
}

/// Each of `translated` held to its original among `originals`.
fn against<T: Written>(problems: &mut Vec<Diagnostic>, translated: &[T], originals: &[T]) {
    for t in translated {
        match originals.iter().find(|o| o.same_file(t)) {
            Some(o) => {
                for ((key, here), (_, there)) in t.kept().into_iter().zip(o.kept()) {
                    if here != there {
                        problems.push(differs(t.origin(), o.origin(), key, &here, &there));
                    }
                }
            }
            None => problems.push(no_original(t.origin())),
        }
    }
}

/// Every translation whose original has changed since it was marked. Kept
/// out of loading, so that `promise translations mark` can load a site whose
/// safety page's translation is stale, to mark it once it is put right.
pub fn stale_translations(site: &Site) -> Vec<Diagnostic> {
    fn each<T: Written + Units>(problems: &mut Vec<Diagnostic>, translated: &[T], originals: &[T]) {
        for t in translated {
            if let Some(o) = originals.iter().find(|o| o.same_file(t)) {
                problems.extend(stale(t, o));
            }
        }
    }
    let mut problems = Vec::new();
    for t in site.translations.values() {
        each(&mut problems, &t.promise_pages, &site.promise_pages);
        each(&mut problems, &t.offer, &site.offer);
        each(&mut problems, &t.messages, &site.messages);
        each(&mut problems, &t.events, &site.events);
        each(&mut problems, &t.pages, &site.pages);
    }
    problems.extend(super::stale_words::stale_words(site));
    problems
}

/// The pieces of `original` that changed since `translation` was made from
/// it, as its record says: none when it has no record yet.
pub fn changed<T: Units>(translation: &Origin, original: &T) -> Vec<super::units::Unit> {
    let record = &translation.translated_from;
    if record.is_empty() {
        return Vec::new();
    }
    original
        .units()
        .into_iter()
        .filter(|unit| record.get(&unit.id) != Some(&unit.hash()))
        .collect()
}

/// A translation whose original has changed since: a warning, or an error
/// on a page about keeping safe, where an old promise can hurt.
fn stale<T: Written + Units>(translation: &T, original: &T) -> Option<Diagnostic> {
    let t = translation.origin();
    let changed = changed(t, original);
    if changed.is_empty() {
        return None;
    }
    let promises = t.file.starts_with(crate::layout::PROMISES);
    let named: Vec<String> = changed
        .iter()
        .take(4)
        .map(|u| {
            let words: String = u.text.split_whitespace().take(8).collect::<Vec<_>>().join(" ");
            format!("{} (“{words}…”)", u.name(promises))
        })
        .collect();
    let more = changed.len().saturating_sub(named.len());
    let message = format!(
        "{} has changed since this was translated: {}{}",
        original.origin().path(),
        named.join(", "),
        if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        }
    );
    let code = t.language.as_deref().unwrap_or_default();
    // An old safety promise, or an old number or address to contact, can
    // hurt: those stop the build until the translation is put right.
    let urgent = if original.safety() {
        Some("this page is about keeping safe")
    } else if changed.iter().any(|u| CONTACT.is_match(&u.text)) {
        Some("what changed has a phone number or an email address in it")
    } else {
        None
    };
    let d = match urgent {
        Some(_) => Diagnostic::error("translation-stale", message),
        None => Diagnostic::warning("translation-stale", message),
    };
    Some(
        d.at(field_location(&t.file, &t.front, t.front_line, TRANSLATED_FROM))
            .help(format!(
                "translate what changed, then run `promise translations mark --language {code}` to record that this translation says what its original says now{}",
                urgent.map_or(String::new(), |why| format!("; {why}, so the site is not built until then"))
            )),
    )
}

/// A phone number or an email address.
static CONTACT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    let pattern = format!(r"{}|[^\s@]+@[^\s@]+\.[^\s@]+", crate::phone::LOOKS_LIKE);
    regex::Regex::new(&pattern).unwrap_or_else(|e| unreachable!("a fixed pattern: {e}"))
});

/// For each language in site.toml, the files and site words not yet
/// translated into it (but for the languages in `unread`, whose words file
/// has errors): those are shown in the site's own language, with a note.
pub fn missing(site: &Site, unread: &[&str]) -> Vec<Diagnostic> {
    fn untranslated<'a, T: Written>(originals: &'a [T], translated: &[T]) -> impl Iterator<Item = &'a Origin> {
        originals
            .iter()
            .filter(|o| !translated.iter().any(|t| o.same_file(t)))
            .map(Written::origin)
    }
    let total =
        site.promise_pages.len() + site.offer.len() + site.messages.len() + site.pages.len() + site.events.len();
    let none = Translations::default();
    let mut problems = Vec::new();
    for language in &site.config.languages {
        let code = language.code.get_ref();
        let t = site.translations.get(code).unwrap_or(&none);
        if !unread.contains(&code.as_str()) {
            problems.extend(missing_words(site, language, t));
        }
        let todo: Vec<String> = untranslated(&site.promise_pages, &t.promise_pages)
            .chain(untranslated(&site.offer, &t.offer))
            .chain(untranslated(&site.messages, &t.messages))
            .chain(untranslated(&site.pages, &t.pages))
            .chain(untranslated(&site.events, &t.events))
            .map(Origin::path)
            .collect();
        if todo.is_empty() {
            continue;
        }
        let shown: Vec<&str> = todo.iter().take(6).map(String::as_str).collect();
        let more = todo.len().saturating_sub(shown.len());
        problems.push(
            Diagnostic::warning(
                "untranslated",
                format!(
                    "{} of {total} files are not in {} ({code}) yet, so their pages are shown in the site's own language",
                    todo.len(),
                    language.name
                ),
            )
            .help(format!(
                "to translate one, copy it to a file with .{code} before .md, such as {}: {}{}",
                shown[0].replacen(".md", &format!(".{code}.md"), 1),
                shown.join(", "),
                if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                }
            )),
        );
    }
    problems
}

/// site.toml's words not yet in `language`'s `site.<code>.toml`: they are
/// shown in the site's own language.
fn missing_words(site: &Site, language: &crate::config::Language, t: &Translations) -> Option<Diagnostic> {
    let code = language.code.get_ref();
    let untranslated = site.config.in_language(t.words.as_ref()).untranslated;
    let first = untranslated.iter().next()?;
    let file = crate::config::site_words::file_name(code);
    let shown: Vec<&str> = untranslated.iter().take(6).map(String::as_str).collect();
    let more = untranslated.len() - shown.len();
    let (section, key) = first.rsplit_once('.').unwrap_or(("", first));
    let example = if section.is_empty() {
        format!("{key} = \"...\"")
    } else {
        format!("{key} = \"...\" under [{section}]")
    };
    Some(
        Diagnostic::warning(
            "untranslated-site-words",
            format!(
                "{} of site.toml's words are not in {} ({code}) yet, so they are shown in the site's own language",
                untranslated.len(),
                language.name
            ),
        )
        .help(format!(
            "write them in {file}, beside site.toml, such as {example}: {}{}",
            shown.join(", "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        )),
    )
}

/// The file a translation translates: `keeping-safe.ar.md` is of `keeping-safe.md`.
fn original_name(origin: &Origin) -> String {
    let name = origin
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match &origin.language {
        Some(code) => name.replacen(&format!(".{code}.md"), ".md", 1),
        None => name,
    }
}

fn no_original(origin: &Origin) -> Diagnostic {
    let original = original_name(origin);
    Diagnostic::error(
        "no-original",
        format!("this is a translation of {original}, which is not in the same folder"),
    )
    .in_file(&origin.file)
    .help(format!(
        "write {original} in the site's own language first, or check that this file's name matches it"
    ))
}

/// The translation's `key` is not what the original says.
fn differs(translation: &Origin, original: &Origin, key: &str, here: &str, there: &str) -> Diagnostic {
    let shown = |v: &str| {
        if v.is_empty() {
            "left out".to_string()
        } else {
            format!("\"{v}\"")
        }
    };
    let file: &Path = &translation.file;
    Diagnostic::error(
        "translation-differs",
        format!(
            "\"{key}\" is {} here but {} in {}",
            shown(here),
            shown(there),
            original_name(translation)
        ),
    )
    .at(field_location(file, &translation.front, translation.front_line, key))
    .help(format!(
        "a translation keeps the {key} of the page it translates: write the same here, or change both ({})",
        original.file.display()
    ))
}
