//! `promise translations mark --language ar`: each translation into the
//! language records the pieces of its original and the hash of their words
//! now (`translated_from:` in its front matter), after a translator has made
//! it say what its original says. Only a translation whose record is out of
//! date is written, and always the same way, so marking twice changes
//! nothing.

use std::path::{Path, PathBuf};

use super::front::{set_toml_record, with_fields};
use crate::config::Config;
use crate::config::site_words::{SiteWords, file_name};
use crate::content::units::{Units, hash};
use crate::content::{Site, Translations, Written};

/// Marks every translation into `code` in the content folder `root` as made
/// from its original as it is now; returns the files it wrote.
pub fn mark(root: &Path, site: &Site, code: &str) -> std::io::Result<Vec<PathBuf>> {
    let none = Translations::default();
    let t = site.translations.get(code).unwrap_or(&none);
    let mut records = Vec::new();
    collect(&mut records, &t.promise_pages, &site.promise_pages);
    collect(&mut records, &t.offer, &site.offer);
    collect(&mut records, &t.messages, &site.messages);
    collect(&mut records, &t.events, &site.events);
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
        let marked = with_fields(&text, &[], &record);
        if let Some(marked) = marked.filter(|m| *m != text) {
            std::fs::write(&path, marked)?;
            written.push(file);
        }
    }
    Ok(written)
}

/// Each translation's file and the record of its original now.
fn collect<T: Written + Units>(records: &mut Vec<(PathBuf, Vec<(String, String)>)>, translated: &[T], originals: &[T]) {
    for t in translated {
        if let Some(original) = originals.iter().find(|o| o.same_file(t)) {
            let record = original.units().iter().map(|u| (u.id.clone(), u.hash())).collect();
            records.push((t.origin().file.clone(), record));
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
    set_toml_record(&mut doc, &record);
    Some(doc.to_string())
}
