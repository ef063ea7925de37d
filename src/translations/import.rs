//! `promise translations import ar.xlf`: a translation agency's XLIFF file
//! back into the content folder, as the `.ar.md` files and `site.ar.toml`.
//! A translation is its original with the translated words in place of its
//! own, and records the words it was translated from, so a piece whose
//! English changed while it was with the agency is out of date at once.
//! Only the content's own files are written, and only when their words
//! change; a file not wholly translated is left as it was, and said so.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::front::{self, Value};
use super::xliff::{self, Document};
use crate::config::Config;
use crate::config::site_words::{Part, SiteWords, file_name, parts};
use crate::content::front_matter;
use crate::content::units::{Units, blocks, hash};
use crate::content::{Site, Translations, Written};
use crate::diagnostics::Diagnostic;

/// What an import did.
#[derive(Debug, Default)]
pub struct Imported {
    /// The files it wrote, in the content folder.
    pub written: Vec<PathBuf>,
    /// Files whose translation it already had.
    pub unchanged: usize,
    /// Files it left as they were, and why; and pieces translated from
    /// older words than their originals have now.
    pub warnings: Vec<Diagnostic>,
}

/// What to do with one file.
enum Outcome {
    Write(PathBuf, String),
    Unchanged,
    Untranslated,
    Skip(Diagnostic),
}

/// Works out every file `document` translates into `code`, then writes
/// those that changed. `xliff` is the document's path, for what is said of it.
pub fn import(root: &Path, site: &Site, document: &Document, code: &str, xliff: &Path) -> std::io::Result<Imported> {
    let none = Translations::default();
    let t = site.translations.get(code).unwrap_or(&none);
    let mut imported = Imported::default();
    let mut writes = Vec::new();
    for file in &document.files {
        let outcome = if file.original == crate::layout::SITE_TOML {
            site_words(&site.config, t.words.as_ref(), file, code)?
        } else {
            content_file(root, site, t, file, code, xliff)?
        };
        match outcome {
            Outcome::Write(path, text) => writes.push((path, text)),
            Outcome::Unchanged => imported.unchanged += 1,
            Outcome::Untranslated => {}
            Outcome::Skip(d) => imported.warnings.push(d),
        }
    }
    imported.warnings.extend(older(site, document));
    for (path, text) in writes {
        write(&root.join(&path), &text)?;
        imported.written.push(path);
    }
    Ok(imported)
}

/// The file `file` translates, among each kind of content.
fn content_file(
    root: &Path,
    site: &Site,
    t: &Translations,
    file: &xliff::File,
    code: &str,
    xliff: &Path,
) -> std::io::Result<Outcome> {
    let found = translate(root, &site.promise_pages, &t.promise_pages, file, code)
        .or_else(|| translate(root, &site.offer, &t.offer, file, code))
        .or_else(|| translate(root, &site.messages, &t.messages, file, code))
        .or_else(|| translate(root, &site.pages, &t.pages, file, code))
        .or_else(|| translate(root, &site.events, &t.events, file, code));
    match found {
        Some(outcome) => outcome,
        None => Ok(Outcome::Skip(
            Diagnostic::warning(
                "not-in-content",
                format!(
                    "the translation of {} (line {} of the file) was not imported: the content folder does not have it",
                    file.original,
                    file.units.first().map_or(1, |u| u.line)
                ),
            )
            .in_file(xliff)
            .help("it was moved, renamed or deleted since the file was sent for translation: export the language again, and send the agency what is new"),
        )),
    }
}

/// The translation of `file` if it is one of `originals`, or `None`.
fn translate<T: Written + Units>(
    root: &Path,
    originals: &[T],
    translations: &[T],
    file: &xliff::File,
    code: &str,
) -> Option<std::io::Result<Outcome>> {
    let original = originals.iter().find(|o| o.origin().path() == file.original)?;
    let existing = translations.iter().find(|t| t.same_file(original));
    Some(translation(root, original, existing, file, code))
}

/// Each of the original's pieces in the other language, and the hash of
/// the words it was translated from: from the agency, or from the
/// translation there is.
fn translation<T: Written + Units>(
    root: &Path,
    original: &T,
    existing: Option<&T>,
    file: &xliff::File,
    code: &str,
) -> std::io::Result<Outcome> {
    let given: BTreeMap<&str, &xliff::Unit> = file.units.iter().map(|u| (u.name.as_str(), u)).collect();
    let theirs: BTreeMap<String, String> = existing
        .map(|t| t.units().into_iter().map(|u| (u.id, u.text)).collect())
        .unwrap_or_default();
    let record = existing.map(|t| &t.origin().translated_from);
    let units = original.units();
    let mut pieces = Vec::new();
    let mut missing = Vec::new();
    for unit in &units {
        let from_agency = given
            .get(unit.id.as_str())
            .and_then(|u| Some((u.target.clone()?, hash(&u.source))));
        let kept = || {
            let text = theirs.get(&unit.id)?.clone();
            let h = match record.and_then(|r| r.get(&unit.id)) {
                Some(h) => h.clone(),
                // Never marked: taken to say what its original says.
                None => unit.hash(),
            };
            Some((text, h))
        };
        match from_agency.or_else(kept) {
            Some((text, h)) => pieces.push((unit.id.clone(), text, h)),
            None => missing.push(unit.name(original.origin().file.starts_with(crate::layout::PROMISES))),
        }
    }
    let target = original.origin().file.with_extension(format!("{code}.md"));
    if !missing.is_empty() {
        if existing.is_none() && pieces.is_empty() {
            return Ok(Outcome::Untranslated);
        }
        let shown: Vec<&str> = missing.iter().take(4).map(String::as_str).collect();
        return Ok(Outcome::Skip(
            Diagnostic::warning(
                "not-all-translated",
                format!(
                    "{} was not written: {} of its {} pieces are not translated ({}{})",
                    target.display(),
                    missing.len(),
                    units.len(),
                    shown.join(", "),
                    if missing.len() > shown.len() { ", …" } else { "" }
                ),
            )
            .in_file(&original.origin().file)
            .help("ask the agency to translate the rest, then import the file again; nothing of this page was changed"),
        ));
    }
    let unchanged = existing.is_some_and(|t| {
        let record = &t.origin().translated_from;
        pieces.iter().all(|(id, text, h)| {
            theirs.get(id).map(|t| t.replace("\r\n", "\n")) == Some(text.replace("\r\n", "\n"))
                && (record.is_empty() || record.get(id) == Some(h))
        }) && (record.is_empty() || record.len() == pieces.len())
    });
    if unchanged {
        return Ok(Outcome::Unchanged);
    }
    let text = std::fs::read_to_string(root.join(&original.origin().file))?;
    Ok(match rewritten(&original.origin().file, &text, &pieces) {
        Some(text) => Outcome::Write(target, text),
        None => Outcome::Skip(
            Diagnostic::warning(
                "not-all-translated",
                "this file's front matter could not be read to translate it",
            )
            .in_file(&original.origin().file)
            .help("run `promise check` and put right what it says of this file, then import again"),
        ),
    })
}

/// The original's `text` with each piece in its place, and the record of
/// what each was translated from.
fn rewritten(file: &Path, text: &str, pieces: &[(String, String, String)]) -> Option<String> {
    let text = text.replace("\r\n", "\n");
    let parsed = front_matter::parse(file, &text).ok()?;
    let body_start = parsed.body.as_ptr() as usize - text.as_ptr() as usize;
    let by_id: BTreeMap<&str, &str> = pieces.iter().map(|(id, t, _)| (id.as_str(), t.as_str())).collect();
    let mut body = parsed.body.to_string();
    for unit in blocks(parsed.body).iter().rev() {
        if let (Some(span), Some(words)) = (&unit.span, by_id.get(unit.id.as_str())) {
            body.replace_range(span.clone(), words);
        }
    }
    let mut fields: Vec<(&str, Value)> = Vec::new();
    let mut lists: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (id, words, _) in pieces {
        match id.split_once('.') {
            None => fields.push((id.as_str(), Value::Words(words))),
            Some(("body", _)) => {}
            Some((list, _)) => lists.entry(list).or_default().push(words),
        }
    }
    fields.extend(lists.into_iter().map(|(key, items)| (key, Value::List(items))));
    let record: Vec<(String, String)> = pieces.iter().map(|(id, _, h)| (id.clone(), h.clone())).collect();
    let joined = format!("{}{body}", &text[..body_start]);
    front::with_fields(&joined, &fields, &record)
}

/// site.toml's words into `site.<code>.toml`: each word the agency
/// translated, and the record of what it was translated from, written into
/// the file there is (keeping its comments) or a new one.
fn site_words(config: &Config, words: Option<&SiteWords>, file: &xliff::File, code: &str) -> std::io::Result<Outcome> {
    let name = PathBuf::from(file_name(code));
    let text = match words {
        Some(w) => w.text.clone(),
        None => format!(
            "# site.toml's words in {code}. Only words go here: phone numbers, email\n# addresses and settings stay in site.toml, the same in every language.\n\n"
        ),
    };
    let Ok(mut doc) = text.parse::<toml_edit::DocumentMut>() else {
        return Ok(Outcome::Unchanged);
    };
    let given: BTreeMap<&str, &xliff::Unit> = file.units.iter().map(|u| (u.name.as_str(), u)).collect();
    let mut record: Vec<(String, String)> = words
        .map(|w| {
            w.translated_from
                .iter()
                .map(|(k, v)| (k.clone(), v.get_ref().clone()))
                .collect()
        })
        .unwrap_or_default();
    let mut changed = false;
    let mut any = false;
    for (key, _) in config.words() {
        let Some((target, source)) = given
            .get(key.as_str())
            .and_then(|u| Some((u.target.as_ref()?, &u.source)))
        else {
            continue;
        };
        any = true;
        changed |= set(&mut doc, &key, target);
        let h = hash(source);
        match record.iter_mut().find(|(k, _)| *k == key) {
            Some((_, old)) if *old == h => {}
            Some((_, old)) => {
                *old = h;
                changed = true;
            }
            None => {
                record.push((key.clone(), h));
                changed = true;
            }
        }
    }
    if !any && words.is_none() {
        return Ok(Outcome::Untranslated);
    }
    if !changed {
        return Ok(Outcome::Unchanged);
    }
    front::set_toml_record(&mut doc, &record);
    Ok(Outcome::Write(name, doc.to_string()))
}

/// Sets the word `key` (`bands.0-11.label`) in a `site.<code>.toml`;
/// whether it changed.
fn set(doc: &mut toml_edit::DocumentMut, key: &str, words: &str) -> bool {
    let path: Vec<&str> = match parts(key) {
        Part::Site(field) => vec![field],
        Part::Of("help", name, field) => vec!["help", "lines", name, field],
        Part::Of(section, id, field) => vec![section, id, field],
    };
    let Some((field, tables)) = path.split_last() else {
        return false;
    };
    let mut table = doc.as_table_mut();
    for (i, part) in tables.iter().enumerate() {
        let item = table.entry(part).or_insert_with(|| {
            let mut t = toml_edit::Table::new();
            // `[bands.0-11]` needs no `[bands]` above it.
            t.set_implicit(i + 1 < tables.len());
            toml_edit::Item::Table(t)
        });
        let Some(next) = item.as_table_mut() else {
            return false;
        };
        table = next;
    }
    if table.get(field).and_then(|i| i.as_str()) == Some(words) {
        return false;
    }
    table.insert(field, toml_edit::value(words));
    true
}

/// Pieces the agency translated from words their original no longer has:
/// imported, and out of date at once.
fn older(site: &Site, document: &Document) -> Vec<Diagnostic> {
    let mut now: BTreeMap<(String, String), String> = BTreeMap::new();
    let mut add = |file: String, units: Vec<crate::content::units::Unit>| {
        for u in units {
            let h = u.hash();
            now.insert((file.clone(), u.id), h);
        }
    };
    for p in &site.promise_pages {
        add(p.origin().path(), p.units());
    }
    for e in &site.offer {
        add(e.origin().path(), e.units());
    }
    for m in &site.messages {
        add(m.origin().path(), m.units());
    }
    for p in &site.pages {
        add(p.origin().path(), p.units());
    }
    for e in &site.events {
        add(e.origin().path(), e.units());
    }
    for (key, text) in site.config.words() {
        now.insert((crate::layout::SITE_TOML.to_string(), key), hash(&text));
    }
    document
        .files
        .iter()
        .filter_map(|file| {
            let old: Vec<&xliff::Unit> = file
                .units
                .iter()
                .filter(|u| u.target.is_some())
                .filter(|u| {
                    now.get(&(file.original.clone(), u.name.clone()))
                        .is_some_and(|h| *h != hash(&u.source))
                })
                .collect();
            let first = old.first()?;
            Some(
                Diagnostic::warning(
                    "translation-stale",
                    format!(
                        "{} changed while it was being translated: {} of its pieces were translated from older words, such as {}",
                        file.original,
                        old.len(),
                        first.name
                    ),
                )
                .in_file(&file.original)
                .help("the translation is imported and `promise check` lists what is out of date: send those pieces to the agency again"),
            )
        })
        .collect()
}

/// Writes a file whole or not at all: a new file beside it, then renamed
/// over it (which replaces a link, never what it points to).
fn write(path: &Path, text: &str) -> std::io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let partial = path.with_file_name(format!(".{name}.importing"));
    std::fs::write(&partial, text)?;
    std::fs::rename(&partial, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&partial);
    })
}
