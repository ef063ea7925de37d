//! `promise translations export --language ar`: everything a translator
//! translates into a language, as one XLIFF file. Each piece has notes on
//! where it appears and who reads it. What is already translated, and
//! still says what its original says, goes as a final translation, so the
//! agency translates only what is new or changed.

use std::collections::BTreeMap;

use super::xliff::{Document, File, Unit};
use crate::config::Config;
use crate::config::site_words::{Part, SiteWords, parts};
use crate::content::units::{Units, hash};
use crate::content::{Event, Message, OfferEntry, Page, PromisePage, Site, Translations, Written};

pub fn export(site: &Site, code: &str) -> Document {
    let none = Translations::default();
    let t = site.translations.get(code).unwrap_or(&none);
    let config = &site.config;
    let mut files = vec![site_words(config, t.words.as_ref())];
    files.extend(
        site.promise_pages
            .iter()
            .map(|p| file(p, &t.promise_pages, promise_page(config, p))),
    );
    files.extend(site.offer.iter().map(|e| file(e, &t.offer, offer_entry(config, e))));
    files.extend(site.messages.iter().map(|m| file(m, &t.messages, message(m))));
    files.extend(site.pages.iter().map(|p| file(p, &t.pages, page(p))));
    files.extend(site.events.iter().map(|e| file(e, &t.events, event(e))));
    files.retain(|f| !f.units.is_empty());
    Document {
        source_language: config.language.clone(),
        target_language: code.to_string(),
        files,
    }
}

/// Who reads a file, and a note on it for the translator.
struct About {
    title: String,
    audience: String,
    note: String,
    promises: bool,
}

fn promise_page(config: &Config, p: &PromisePage) -> About {
    let ages = config
        .band(&p.band)
        .map_or(p.band.clone(), |b| b.ages.get_ref().clone());
    let audience = format!("for children and young people aged {}", ages.replace('-', " to "));
    About {
        title: p.title.clone(),
        note: format!(
            "Our promises to children in care, {audience}: the page \"{}\".",
            p.title
        ),
        audience,
        promises: true,
    }
}

fn offer_entry(config: &Config, e: &OfferEntry) -> About {
    let area = config.area(&e.area).map_or(e.area.clone(), |a| a.title.clone());
    let audience = format!("for care leavers aged {} to {}", e.ages.from, e.ages.to);
    About {
        title: e.title.clone(),
        note: format!(
            "Help in the local offer, {audience}, under \"{area}\": \"{}\".",
            e.title
        ),
        audience,
        promises: false,
    }
}

fn message(m: &Message) -> About {
    About {
        title: m.title.clone(),
        note: format!(
            "\"You said, we did\": what young people in care asked for, and what the council did: \"{}\".",
            m.title
        ),
        audience: "for everyone who reads the site".into(),
        promises: false,
    }
}

fn page(p: &Page) -> About {
    About {
        title: p.title.clone(),
        note: format!("A page of the site: \"{}\".", p.title),
        audience: "for everyone who reads the site".into(),
        promises: false,
    }
}

fn event(e: &Event) -> About {
    About {
        title: e.title.clone(),
        note: format!(
            "An event young people can go to: \"{}\". Times, dates and addresses are not translated here.",
            e.title
        ),
        audience: "for everyone who reads the site".into(),
        promises: false,
    }
}

/// One content file: each of its pieces, translated where its translation
/// still says what the piece says.
fn file<T: Written + Units>(original: &T, translations: &[T], about: About) -> File {
    let done = translated(original, translations.iter().find(|t| t.same_file(original)));
    let mut notes = vec![about.note.clone()];
    if original.safety() {
        notes.push(
            "This page is about keeping safe. Translate it exactly and have the translation checked: a wrong or old word here can put a young person at risk."
                .into(),
        );
    }
    File {
        original: original.origin().path(),
        notes,
        units: original
            .units()
            .into_iter()
            .map(|u| Unit {
                notes: vec![format!(
                    "{}, on \"{}\", {}.",
                    what(&u.id, &u.text, about.promises),
                    about.title,
                    about.audience
                )],
                target: done.get(&u.id).cloned(),
                name: u.id,
                source: u.text,
                line: 0,
            })
            .collect(),
    }
}

/// The translation's pieces that still say what the original's say, by id.
fn translated<T: Units + Written>(original: &T, translation: Option<&T>) -> BTreeMap<String, String> {
    let Some(t) = translation else {
        return BTreeMap::new();
    };
    let record = &t.origin().translated_from;
    let theirs: BTreeMap<String, String> = t.units().into_iter().map(|u| (u.id, u.text)).collect();
    original
        .units()
        .into_iter()
        .filter(|u| record.is_empty() || record.get(&u.id) == Some(&u.hash()))
        .filter_map(|u| Some((u.id.clone(), theirs.get(&u.id)?.clone())))
        .collect()
}

/// Where a piece is on its page, as a translator is told.
fn what(id: &str, text: &str, promises: bool) -> String {
    let parts: Vec<&str> = id.split('.').collect();
    match parts.as_slice() {
        ["title"] => "The title".into(),
        ["summary"] => "The summary, under the title and on the cards that lead to the page".into(),
        ["how_to_get_it"] => "How to get it".into(),
        ["we_did", n] => format!("What we did, point {n}"),
        ["next", n] => format!("What happens next, point {n}"),
        ["body", _, n] if promises => format!("Promise {n}"),
        ["body", _, n] => format!("Point {n} of a list"),
        ["body", _] if text.starts_with('#') => "A heading".into(),
        ["body", n] => format!("Block {n} of the text"),
        _ => format!("The {}", id.replace('_', " ")),
    }
}

/// site.toml's words, translated where `site.<code>.toml` still says what
/// they say.
fn site_words(config: &Config, words: Option<&SiteWords>) -> File {
    let units = config
        .words()
        .into_iter()
        .map(|(key, text)| {
            let target = words.and_then(|w| {
                let current = w.translated_from.is_empty()
                    || w.translated_from.get(&key).map(|r| r.get_ref()) == Some(&hash(&text));
                w.word(&key).filter(|_| current).cloned()
            });
            Unit {
                notes: vec![word_note(config, &key)],
                name: key,
                source: text,
                target,
                line: 0,
            }
        })
        .collect();
    File {
        original: crate::layout::SITE_TOML.into(),
        notes: vec![
            "The site's own words: its name, the names of its age groups and kinds of help, and who young people can contact. Phone numbers and addresses are not here: they are the same in every language."
                .into(),
        ],
        units,
    }
}

/// Where one of site.toml's words appears.
fn word_note(config: &Config, key: &str) -> String {
    let contact = |id: &str| {
        config
            .contacts
            .get(id)
            .map_or(id.to_string(), |c| format!("\"{}\"", c.name))
    };
    match parts(key) {
        Part::Site("title") => "The site's name, at the top of every page and on the cover of every leaflet.".into(),
        Part::Site("description") => "What the site is, for search engines and when a link to it is shared.".into(),
        Part::Site("council") => "The council's name, on pages and leaflets.".into(),
        Part::Of("bands", ages, _) => format!(
            "The name of the pages and the leaflet for children and young people aged {}, in the menu of every page and on the leaflet's cover.",
            ages.replace('-', " to ")
        ),
        Part::Of("areas", ..) => {
            "A kind of help in the local offer for care leavers, as a heading and on the cards that lead to it.".into()
        }
        Part::Of("contacts", id, field) => {
            let who = contact(id);
            match field {
                "name" => format!(
                    "The name of a team or person young people can contact ({who}), shown with their phone number."
                ),
                "hours" => format!("When young people can contact {who}."),
                _ => format!("A note on what {who} can help with."),
            }
        }
        Part::Of("help", name, "name") => {
            format!("The name of a helpline ({name}) on \"Need help now?\", for young people who need help at once.")
        }
        Part::Of("help", name, _) => format!("A note on who the helpline {name} is for, on \"Need help now?\"."),
        _ => key.to_string(),
    }
}
