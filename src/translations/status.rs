//! `promise translations status`: for each of the site's languages, what is
//! translated, what is missing and what is out of date.

use crate::content::stale_words::changed_words;
use crate::content::units::Units;
use crate::content::{Site, Translations, Written, changed};

/// Where one language stands.
pub struct Status {
    pub code: String,
    pub name: String,
    /// Files translated and up to date.
    pub translated: usize,
    /// Files with no translation yet, by their path.
    pub missing: Vec<String>,
    /// Translations whose original has changed since they were marked.
    pub stale: Vec<String>,
    /// site.toml's words not yet in `site.<code>.toml`.
    pub untranslated_words: usize,
    /// site.toml's words that changed since `site.<code>.toml` translated
    /// them, by name.
    pub stale_words: Vec<String>,
}

pub fn status(site: &Site) -> Vec<Status> {
    let none = Translations::default();
    site.config
        .languages
        .iter()
        .map(|language| {
            let code = language.code.get_ref().clone();
            let t = site.translations.get(&code).unwrap_or(&none);
            let mut status = Status {
                untranslated_words: site.config.in_language(t.words.as_ref()).untranslated.len(),
                stale_words: t
                    .words
                    .as_ref()
                    .map(|w| changed_words(&site.config, w).into_iter().map(|(key, _)| key).collect())
                    .unwrap_or_default(),
                code,
                name: language.name.clone(),
                translated: 0,
                missing: Vec::new(),
                stale: Vec::new(),
            };
            tally(&mut status, &site.promise_pages, &t.promise_pages);
            tally(&mut status, &site.offer, &t.offer);
            tally(&mut status, &site.messages, &t.messages);
            tally(&mut status, &site.pages, &t.pages);
            tally(&mut status, &site.events, &t.events);
            status
        })
        .collect()
}

fn tally<T: Written + Units>(status: &mut Status, originals: &[T], translated: &[T]) {
    for original in originals {
        let path = original.origin().path();
        match translated.iter().find(|t| t.same_file(original)) {
            None => status.missing.push(path),
            Some(t) if !changed(t.origin(), original).is_empty() => status.stale.push(path),
            Some(_) => status.translated += 1,
        }
    }
}
