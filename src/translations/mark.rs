//! `promise translations mark --language ar`: each translation into the
//! language records the pieces of its original and the hash of their words
//! now (`translated_from:` in its front matter), after a translator has made
//! it say what its original says. Only a translation whose record is out of
//! date is written, and always the same way, so marking twice changes
//! nothing.

use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::config::site_words::{SiteWords, file_name};
use crate::content::units::{Units, hash};
use crate::content::{Site, Translations, Written};

/// The record's field, as the content reads it.
const FIELD: &str = "translated_from";

/// Marks every translation into `code` in the content folder `root` as made
/// from its original as it is now; returns the files it wrote.
pub fn mark(root: &Path, site: &Site, code: &str) -> std::io::Result<Vec<PathBuf>> {
    let none = Translations::default();
    let t = site.translations.get(code).unwrap_or(&none);
    let mut records = Vec::new();
    collect(&mut records, &t.promise_pages, &site.promise_pages);
    collect(&mut records, &t.offer, &site.offer);
    collect(&mut records, &t.messages, &site.messages);
    collect(&mut records, &t.pages, &site.pages);
    let mut written = Vec::new();
    if let Some(words) = &t.words {
        let name = PathBuf::from(file_name(code));
        let path = root.join(&name);
        let text = std::fs::read_to_string(&path)?;
        if let Some(marked) = words_marked(&text, &site.config, words) {
            std::fs::write(&path, marked)?;
            written.push(name);
        }
    }
    for (file, record) in records {
        let path = root.join(&file);
        let text = std::fs::read_to_string(&path)?;
        let marked = with_record(&text, &record);
        if marked != text {
            std::fs::write(&path, marked)?;
            written.push(file);
        }
    }
    Ok(written)
}

/// Each translation's file and the record of its original now.
fn collect<T: Written + Units>(records: &mut Vec<(PathBuf, String)>, translated: &[T], originals: &[T]) {
    for t in translated {
        if let Some(original) = originals.iter().find(|o| o.same_file(t)) {
            let lines: String = original
                .units()
                .iter()
                .map(|unit| format!("  {}: \"{}\"\n", unit.id, unit.hash()))
                .collect();
            records.push((t.origin().file.clone(), format!("{FIELD}:\n{lines}")));
        }
    }
}

/// `site.<code>.toml`'s `text` with a `[translated_from]` table recording
/// site.toml's words now, for each word it translates; `None` if it records
/// that already.
fn words_marked(text: &str, config: &Config, words: &SiteWords) -> Option<String> {
    let record: Vec<(String, String)> = config
        .words()
        .into_iter()
        .filter(|(key, _)| words.word(key).is_some())
        .map(|(key, text)| (key, hash(&text)))
        .collect();
    let same = record.len() == words.translated_from.len()
        && record
            .iter()
            .all(|(key, h)| words.translated_from.get(key).map(|r| r.get_ref()) == Some(h));
    if same {
        return None;
    }
    // The file was read without errors just now, so it parses.
    let mut doc: toml_edit::DocumentMut = text.parse().ok()?;
    let mut table = toml_edit::Table::new();
    for (key, h) in record {
        table.insert(&key, toml_edit::value(h));
    }
    doc.remove(FIELD);
    doc.insert(FIELD, toml_edit::Item::Table(table));
    Some(doc.to_string())
}

/// `text` with its front matter's record replaced by `record`, written as
/// the front matter's last field.
fn with_record(text: &str, record: &str) -> String {
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let is_fence = |line: &str| line.trim_end() == "---";
    let Some(end) = lines.iter().skip(1).position(|l| is_fence(l)).map(|i| i + 1) else {
        return text.to_string();
    };
    let mut out = String::with_capacity(text.len() + record.len());
    let mut in_record = false;
    for line in &lines[..end] {
        if line.starts_with(&format!("{FIELD}:")) {
            in_record = true;
            continue;
        }
        // The record's lines are the ones indented under it.
        if in_record && line.starts_with([' ', '\t']) {
            continue;
        }
        in_record = false;
        out.push_str(line);
    }
    out.push_str(&record.replace('\n', newline));
    for line in &lines[end..] {
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_record_replaces_the_old_one_at_the_end_of_the_front_matter() {
        let record = "translated_from:\n  title: \"aa\"\n";
        let text = "---\ntitle: x\ntranslated_from:\n  title: \"bb\"\n  summary: \"cc\"\nsummary: y\n---\nBody\n";
        let marked = with_record(text, record);
        assert_eq!(
            marked,
            "---\ntitle: x\nsummary: y\ntranslated_from:\n  title: \"aa\"\n---\nBody\n"
        );
        assert_eq!(with_record(&marked, record), marked);
        let windows = with_record("---\r\ntitle: x\r\n---\r\nBody\r\n", record);
        assert_eq!(
            windows,
            "---\r\ntitle: x\r\ntranslated_from:\r\n  title: \"aa\"\r\n---\r\nBody\r\n"
        );
    }
}
