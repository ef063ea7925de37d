//! A translation says the same as its original: it translates a file that
//! is there, and keeps what must not change from one language to another
//! (where a theme comes in its band, who an offer is for, who to contact).

use std::path::Path;

use super::front_matter::field_location;
use super::{Origin, Site};
use crate::diagnostics::Diagnostic;

/// Every translation without an original, and every field a translation
/// changes that it must keep.
pub fn check(site: &Site) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for translations in site.translations.values() {
        for page in &translations.promise_pages {
            let original = site
                .promise_pages
                .iter()
                .find(|p| p.band == page.band && p.slug == page.slug);
            match original {
                Some(o) => {
                    let order = |n: i64| if n == i64::MAX { String::new() } else { n.to_string() };
                    same(
                        &mut problems,
                        &page.origin,
                        &o.origin,
                        "order",
                        &order(page.order),
                        &order(o.order),
                    );
                    same(&mut problems, &page.origin, &o.origin, "icon", &page.icon, &o.icon);
                    same(
                        &mut problems,
                        &page.origin,
                        &o.origin,
                        "contacts",
                        &page.contacts.join(", "),
                        &o.contacts.join(", "),
                    );
                }
                None => problems.push(no_original(&page.origin)),
            }
        }
        for entry in &translations.offer {
            match site.offer.iter().find(|e| e.slug == entry.slug) {
                Some(o) => {
                    same(&mut problems, &entry.origin, &o.origin, "area", &entry.area, &o.area);
                    same(
                        &mut problems,
                        &entry.origin,
                        &o.origin,
                        "ages",
                        &entry.ages.to_string(),
                        &o.ages.to_string(),
                    );
                    same(
                        &mut problems,
                        &entry.origin,
                        &o.origin,
                        "kind",
                        &format!("{:?}", entry.kind),
                        &format!("{:?}", o.kind),
                    );
                    same(
                        &mut problems,
                        &entry.origin,
                        &o.origin,
                        "contact",
                        &entry.contact,
                        &o.contact,
                    );
                }
                None => problems.push(no_original(&entry.origin)),
            }
        }
        for message in &translations.messages {
            match site.messages.iter().find(|m| m.slug == message.slug) {
                Some(o) => same(
                    &mut problems,
                    &message.origin,
                    &o.origin,
                    "said",
                    &message.said.to_string(),
                    &o.said.to_string(),
                ),
                None => problems.push(no_original(&message.origin)),
            }
        }
        for page in &translations.pages {
            match site.pages.iter().find(|p| p.slug == page.slug) {
                Some(o) => same(
                    &mut problems,
                    &page.origin,
                    &o.origin,
                    "contacts",
                    &page.contacts.join(", "),
                    &o.contacts.join(", "),
                ),
                None => problems.push(no_original(&page.origin)),
            }
        }
    }
    problems
}

/// For each language in site.toml, the files not yet translated into it:
/// those pages are shown in the site's own language, with a note.
pub fn missing(site: &Site) -> Vec<Diagnostic> {
    let originals: Vec<&Origin> = site
        .promise_pages
        .iter()
        .map(|p| &p.origin)
        .chain(site.offer.iter().map(|e| &e.origin))
        .chain(site.messages.iter().map(|m| &m.origin))
        .chain(site.pages.iter().map(|p| &p.origin))
        .collect();
    let mut problems = Vec::new();
    for language in &site.config.languages {
        let code = language.code.get_ref();
        let done: Vec<&Origin> = site.translations.get(code).map_or_else(Vec::new, |t| {
            t.promise_pages
                .iter()
                .map(|p| &p.origin)
                .chain(t.offer.iter().map(|e| &e.origin))
                .chain(t.messages.iter().map(|m| &m.origin))
                .chain(t.pages.iter().map(|p| &p.origin))
                .collect()
        });
        let todo: Vec<String> = originals
            .iter()
            .filter(|o| {
                !done
                    .iter()
                    .any(|d| d.file.parent() == o.file.parent() && original_name(d) == original_name(o))
            })
            .map(|o| o.file.display().to_string().replace('\\', "/"))
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
                    "{} of {} files are not in {} ({code}) yet, so their pages are shown in the site's own language",
                    todo.len(),
                    originals.len(),
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

/// An error when the translation's `key` is not what the original says.
fn same(problems: &mut Vec<Diagnostic>, translation: &Origin, original: &Origin, key: &str, here: &str, there: &str) {
    if here == there {
        return;
    }
    let shown = |v: &str| {
        if v.is_empty() {
            "left out".to_string()
        } else {
            format!("\"{v}\"")
        }
    };
    let file: &Path = &translation.file;
    problems.push(
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
        )),
    );
}
