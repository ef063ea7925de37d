//! Load: reads the content folder once into the model, reporting every
//! problem it finds on the way.

mod event;
mod fields;
pub mod front_matter;
mod kinds;
pub mod model;
mod news;
mod promise_list;
pub mod prose;
pub mod schedule;
pub mod stale_words;
mod translations;
pub mod units;
mod walk;
pub mod words;

use std::path::Path;

use rayon::prelude::*;

use crate::config;
use crate::diagnostics::Diagnostic;
use crate::files::{Folder, read};
use crate::layout::{ADMIN, IMAGES, SITE_TOML};
use kinds::load_file;
pub use kinds::slugify;
pub use model::*;
pub use news::News;
pub use translations::{changed, stale_translations};
use walk::find_files;

/// What an author writes as a picture's description when it is only
/// decoration, `![decorative](park.jpg)`: the page gives it no words.
pub const DECORATIVE: &str = "decorative";

/// Reads the whole content folder. `icons` are the names of the theme's icons
/// a promise page may use. Returns the site with any warnings, or every
/// problem found.
/// `today` decides which files' `from` and `until` days keep them off.
pub fn load(
    root: &Path,
    base_url: Option<&str>,
    icons: &[&str],
    today: jiff::civil::Date,
) -> Result<(Site, Vec<Diagnostic>), Vec<Diagnostic>> {
    let config = config::read(root, Path::new(SITE_TOML), base_url)?;
    // The first phone number read loads every country's rules (a twentieth
    // of a second), so site.toml's numbers are checked while the files load.
    let (phones, found) = rayon::join(
        || config::phone_problems(&config, Path::new(SITE_TOML)),
        || -> Result<_, Vec<Diagnostic>> {
            let (files, images, problems) = find_files(root, &config);
            // site.toml was just read from it, so the folder is there.
            let folder = Folder::new(root).map_err(|e| vec![e.diagnostic(Path::new(SITE_TOML))])?;
            let loaded: Vec<kinds::Loaded> = files
                .par_iter()
                .map(|(kind, file)| load_file(&folder, file, *kind, &config, icons, today))
                .collect();
            Ok((images, problems, loaded))
        },
    );
    if !phones.is_empty() {
        return Err(phones);
    }
    let (images, mut problems, loaded) = found?;
    let mut site = Site {
        config,
        promise_pages: Vec::new(),
        offer: Vec::new(),
        messages: Vec::new(),
        pages: Vec::new(),
        events: Vec::new(),
        withdrawn: Vec::new(),
        images: Vec::new(),
        admin: Vec::new(),
        translations: Default::default(),
    };
    for file in images {
        match read(root, &file) {
            Ok(bytes) => {
                let (folder, list) = if file.starts_with(ADMIN) {
                    (ADMIN, &mut site.admin)
                } else {
                    (IMAGES, &mut site.images)
                };
                let name = file.strip_prefix(folder).unwrap_or(&file);
                list.push((name.to_string_lossy().replace('\\', "/"), bytes));
            }
            Err(e) => problems.push(e.diagnostic(&file)),
        }
    }
    let mut translated = Vec::new();
    let mut held = Vec::new();
    for item in loaded {
        match item {
            Ok((item, Some(hold))) => {
                let origin = item.origin();
                problems.push(schedule::said(&origin.file, item.title(), &hold, item.leads_to()));
                // A translation held back leaves its original shown; an
                // original held back takes its translations with it.
                if origin.language.is_none() {
                    held.push(item.place());
                    if matches!(hold, schedule::Hold::Withdrawn(_)) {
                        site.withdrawn.push(Withdrawn {
                            source: origin.path(),
                            place: item.place(),
                            aliases: item.aliases().to_vec(),
                        });
                    }
                }
            }
            Ok((item, None)) if item.language().is_some() => translated.push(item),
            Ok((Item::Promise(p), None)) => site.promise_pages.push(p),
            Ok((Item::Offer(e), None)) => site.offer.push(e),
            Ok((Item::Message(m), None)) => site.messages.push(m),
            Ok((Item::Page(p), None)) => site.pages.push(p),
            Ok((Item::Event(e), None)) => site.events.push(e),
            Err(found) => problems.extend(found),
        }
    }
    translated.retain(|t| !held.contains(&t.place()));
    for item in translated {
        let language = item.language().unwrap_or_default().to_string();
        let into = site.translations.entry(language).or_default();
        match item {
            Item::Promise(p) => into.promise_pages.push(p),
            Item::Offer(e) => into.offer.push(e),
            Item::Message(m) => into.messages.push(m),
            Item::Page(p) => into.pages.push(p),
            Item::Event(e) => into.events.push(e),
        }
    }
    // A language whose site words could not be read is not also said to
    // be missing them.
    let mut unread = Vec::new();
    let codes: Vec<String> = site.config.languages.iter().map(|l| l.code.get_ref().clone()).collect();
    for code in &codes {
        match config::site_words::read(root, code, &site.config) {
            Ok(Some(words)) => site.translations.entry(code.clone()).or_default().words = Some(words),
            Ok(None) => {}
            Err(found) => {
                problems.extend(found);
                unread.push(code.as_str());
            }
        }
    }
    sort(&mut site);
    problems.extend(translations::check(&site));
    problems.extend(translations::missing(&site, &unread));
    if problems.iter().any(Diagnostic::is_error) {
        return Err(problems);
    }
    Ok((site, problems))
}

fn sort(site: &mut Site) {
    let band_index = |id: &str| site.config.bands.iter().position(|b| b.id == id);
    site.promise_pages
        .sort_by(|a, b| (band_index(&a.band), a.order, &a.slug).cmp(&(band_index(&b.band), b.order, &b.slug)));
    let area_index = |id: &str| site.config.areas.iter().position(|a| a.id == id);
    site.offer
        .sort_by(|a, b| (area_index(&a.area), &a.title, &a.slug).cmp(&(area_index(&b.area), &b.title, &b.slug)));
    site.messages.sort_by(|a, b| (b.said, &a.slug).cmp(&(a.said, &b.slug)));
    site.pages.sort_by(|a, b| (&a.title, &a.slug).cmp(&(&b.title, &b.slug)));
    site.events
        .sort_by(|a, b| (&a.start, &a.slug).cmp(&(&b.start, &b.slug)));
}

pub(super) enum Item {
    Promise(PromisePage),
    Offer(OfferEntry),
    Message(Message),
    Page(Page),
    Event(Event),
}

impl Item {
    fn origin(&self) -> &Origin {
        match self {
            Item::Promise(p) => &p.origin,
            Item::Offer(e) => &e.origin,
            Item::Message(m) => &m.origin,
            Item::Page(p) => &p.origin,
            Item::Event(e) => &e.origin,
        }
    }

    fn language(&self) -> Option<&str> {
        self.origin().language.as_deref()
    }

    fn title(&self) -> &str {
        match self {
            Item::Promise(p) => &p.title,
            Item::Offer(e) => &e.title,
            Item::Message(m) => &m.title,
            Item::Page(p) => &p.title,
            Item::Event(e) => &e.title,
        }
    }

    fn aliases(&self) -> &[String] {
        match self {
            Item::Promise(p) => &p.aliases,
            Item::Offer(e) => &e.aliases,
            Item::Message(_) => &[],
            Item::Page(p) => &p.aliases,
            Item::Event(e) => &e.aliases,
        }
    }

    /// Where on the site it goes.
    fn place(&self) -> Place {
        match self {
            Item::Promise(p) => Place::Promise {
                band: p.band.clone(),
                slug: p.slug.clone(),
            },
            Item::Offer(e) => Place::Offer(e.slug.clone()),
            Item::Message(m) => Place::Message(m.slug.clone()),
            Item::Page(p) => Place::Page(p.slug.clone()),
            Item::Event(e) => Place::Event(e.slug.clone()),
        }
    }

    /// Where its address leads once it has come off the site, in words.
    fn leads_to(&self) -> &'static str {
        match self {
            Item::Promise(_) => "its band's page",
            Item::Offer(_) => "the local offer",
            Item::Message(_) => "\"You said, we did\"",
            Item::Page(_) => "the home page",
            Item::Event(_) => "What's on",
        }
    }
}
