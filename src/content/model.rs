//! The site as plain data: what the participation team wrote, read once,
//! each piece remembering the file and line it came from.

use std::collections::BTreeMap;
use std::path::PathBuf;

use jiff::civil::Date;
use serde::Serialize;

use super::units::Units;
use crate::config::{Ages, Area, Config};
use crate::leaving_care::Group;

#[derive(Debug, Clone)]
pub struct Site {
    pub config: Config,
    /// Sorted by band (in site.toml order), then `order`, then file name.
    pub promise_pages: Vec<PromisePage>,
    /// Sorted by area (in site.toml order), then title.
    pub offer: Vec<OfferEntry>,
    /// Newest first.
    pub messages: Vec<Message>,
    /// Sorted by title.
    pub pages: Vec<Page>,
    /// Soonest first.
    pub events: Vec<Event>,
    /// What came off the site on its `until` day: its address leads on.
    pub withdrawn: Vec<Withdrawn>,
    /// The pictures in images/: each file's path inside it, and its bytes.
    pub images: Vec<(String, Vec<u8>)>,
    /// The browser editor's page and settings in admin/ (`promise cms`),
    /// published as they are: each file's path inside it, and its bytes.
    pub admin: Vec<(String, Vec<u8>)>,
    /// What is written in each of the site's other languages, by the code
    /// in site.toml's `[[languages]]`.
    pub translations: BTreeMap<String, Translations>,
}

/// The files written in one of the site's other languages, such as
/// `keeping-safe.ar.md`, each with the same slug as the file it translates.
#[derive(Debug, Clone, Default)]
pub struct Translations {
    pub promise_pages: Vec<PromisePage>,
    pub offer: Vec<OfferEntry>,
    pub messages: Vec<Message>,
    pub pages: Vec<Page>,
    pub events: Vec<Event>,
    /// site.toml's words in the language (`site.<code>.toml`).
    pub words: Option<crate::config::site_words::SiteWords>,
}

/// Where a piece of content came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// Relative to the content folder.
    pub file: PathBuf,
    /// The line of the file the markdown body starts on.
    pub body_line: usize,
    /// The front matter's text, for the checks that read its words.
    pub front: String,
    /// The line of the file the front matter starts on.
    pub front_line: usize,
    /// The language the file is written in, when it is a translation: the
    /// code from its name (`keeping-safe.ar.md`).
    pub language: Option<String>,
    /// A translation's record of the original it was made from: each of the
    /// original's pieces ([`super::units`]) and the hash of its words then.
    /// `promise translations mark` writes it; never by hand.
    pub translated_from: BTreeMap<String, String>,
    /// Set on a translation shown in its language's site
    /// ([`Site::in_language`]) when its original has changed since.
    pub original_changed: bool,
}

impl Origin {
    /// The file's path in the content folder with `/` between its parts,
    /// as a message or a translator's file names it on any computer.
    pub fn path(&self) -> String {
        self.file.display().to_string().replace('\\', "/")
    }
}

/// One theme of one band's promises, such as "Keeping you safe" for 0-11.
#[derive(Debug, Clone)]
pub struct PromisePage {
    pub origin: Origin,
    pub band: String,
    pub slug: String,
    pub title: String,
    pub order: i64,
    pub summary: String,
    pub icon: String,
    /// People to call besides the band's contact, keys of `[contacts]`.
    pub contacts: Vec<String>,
    /// The page is about keeping safe, so it has an "Exit this page" button.
    pub safety: bool,
    /// The addresses it had before, as paths from the site's root
    /// (`0-11/keeping-safe/`): each leads to it now.
    pub aliases: Vec<String>,
    pub body: String,
    pub promises: Vec<Promise>,
}

/// One promise: a top-level list item of a promise page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Promise {
    pub anchor: String,
    /// Its words without markdown.
    pub text: String,
    pub line: usize,
    /// Where its links go, as written: a leaflet prints them.
    pub links: Vec<String>,
}

/// Whether an entitlement is guaranteed by law or added by this council.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Legal,
    Extra,
}

/// One entitlement of the local offer for care leavers.
#[derive(Debug, Clone)]
pub struct OfferEntry {
    pub origin: Origin,
    pub slug: String,
    pub title: String,
    pub area: String,
    pub ages: Ages,
    pub kind: Kind,
    pub summary: String,
    pub how_to_get_it: String,
    /// A key of the contacts in site.toml.
    pub contact: String,
    pub reviewed: Date,
    /// The entry is about keeping safe, so it has an "Exit this page" button.
    pub safety: bool,
    /// The groups of care leaver it is for, from its `for` field; empty
    /// when it is for every care leaver.
    pub groups: Vec<Group>,
    /// The addresses it had before, as paths from the site's root
    /// (`0-11/keeping-safe/`): each leads to it now.
    pub aliases: Vec<String>,
    pub body: String,
}

impl OfferEntry {
    /// Whether a young person of `age` can get it, in `group` when known.
    pub fn is_for(&self, age: u8, group: Option<Group>) -> bool {
        self.ages.contains(age) && group.is_none_or(|g| self.groups.is_empty() || self.groups.contains(&g))
    }
}

/// A "you said, we did" message.
#[derive(Debug, Clone)]
pub struct Message {
    pub origin: Origin,
    pub slug: String,
    /// The young people's headline, in their words.
    pub title: String,
    pub said: Date,
    pub we_did: Vec<String>,
    pub next: Vec<String>,
    pub body: String,
}

/// Something young people can go to: a trip, a group, a drop-in.
#[derive(Debug, Clone)]
pub struct Event {
    pub origin: Origin,
    pub slug: String,
    pub title: String,
    pub summary: String,
    /// When it starts and ends, in the site's time zone.
    pub start: jiff::Zoned,
    pub end: jiff::Zoned,
    /// Where it is, as a reader would find it; empty when it is online only.
    pub place: String,
    /// It happens online (the contact or the booking says how to join).
    pub online: bool,
    /// Who it is for: the ages, when not everyone's.
    pub ages: Option<Ages>,
    /// The groups of care leaver it is for; empty when it is for anyone.
    pub groups: Vec<Group>,
    pub cost: String,
    pub getting_there: String,
    /// Step-free, a quiet room, BSL: each as the team wrote it.
    pub access: Vec<String>,
    /// Where to book (a web address, email or phone), or None to just turn up.
    pub booking: Option<String>,
    /// A key of the contacts in site.toml.
    pub contact: String,
    pub aliases: Vec<String>,
    pub body: String,
}

impl Event {
    /// Whether it is over by `today`: it ended on an earlier day.
    pub fn is_past(&self, today: Date) -> bool {
        self.end.date() < today
    }

    /// Whether a reader of `band`'s ages may go.
    pub fn is_for(&self, band: &Ages) -> bool {
        self.ages.is_none_or(|a| a.overlaps(*band))
    }
}

/// Where a content file goes on the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Promise { band: String, slug: String },
    Offer(String),
    Message(String),
    Page(String),
    Event(String),
}

/// A file that came off the site on its `until` day.
#[derive(Debug, Clone)]
pub struct Withdrawn {
    /// Its file in the content folder, with `/` between its parts.
    pub source: String,
    pub place: Place,
    /// The addresses it had before it moved, which led to it.
    pub aliases: Vec<String>,
}

/// Any other page: about, contacts, how to complain, privacy.
#[derive(Debug, Clone)]
pub struct Page {
    pub origin: Origin,
    pub slug: String,
    pub title: String,
    pub summary: String,
    /// Keys of the contacts in site.toml to show on the page.
    pub contacts: Vec<String>,
    /// The page is about keeping safe, so it has an "Exit this page" button.
    pub safety: bool,
    /// The addresses it had before, as paths from the site's root
    /// (`0-11/keeping-safe/`): each leads to it now.
    pub aliases: Vec<String>,
    pub body: String,
}

impl Site {
    /// The local offer entries that `keep` chooses, grouped by area in
    /// site.toml's order; areas with none are left out.
    pub fn offer_by_area(&self, keep: impl Fn(&OfferEntry) -> bool) -> Vec<(&Area, Vec<&OfferEntry>)> {
        self.config
            .areas
            .iter()
            .map(|area| {
                (
                    area,
                    self.offer
                        .iter()
                        .filter(|e| e.area == area.id && keep(e))
                        .collect::<Vec<_>>(),
                )
            })
            .filter(|(_, entries)| !entries.is_empty())
            .collect()
    }

    /// The page on how to complain: the one whose name has "complain" in
    /// it, which `check` asks every site to have.
    pub fn complaints_page(&self) -> Option<&Page> {
        self.pages.iter().find(|p| p.slug.contains("complain"))
    }

    pub fn band_pages<'a>(&'a self, band: &'a str) -> impl Iterator<Item = &'a PromisePage> {
        self.promise_pages.iter().filter(move |p| p.band == band)
    }

    /// The site as a reader of `code` gets it: each file that has a
    /// translation into it replaced by that translation, the others as they
    /// are (their `origin.language` says they are not translated), in the
    /// same order. Pictures are the same in every language, so it has none.
    pub fn in_language(&self, code: &str) -> Site {
        let empty = Translations::default();
        let t = self.translations.get(code).unwrap_or(&empty);
        fn swap<T: Written + Units + Clone>(originals: &[T], translated: &[T]) -> Vec<T> {
            originals
                .iter()
                .map(|o| match translated.iter().find(|t| o.same_file(t)) {
                    Some(t) => {
                        let mut t = t.clone();
                        let changed = !super::translations::changed(t.origin(), o).is_empty();
                        t.origin_mut().original_changed = changed;
                        t
                    }
                    None => o.clone(),
                })
                .collect()
        }
        Site {
            config: self.config.in_language(t.words.as_ref()),
            promise_pages: swap(&self.promise_pages, &t.promise_pages),
            offer: swap(&self.offer, &t.offer),
            messages: swap(&self.messages, &t.messages),
            pages: swap(&self.pages, &t.pages),
            events: swap(&self.events, &t.events),
            withdrawn: self.withdrawn.clone(),
            images: Vec::new(),
            admin: Vec::new(),
            translations: BTreeMap::new(),
        }
    }
}

/// What every kind of content file has, so a translation can be matched
/// with its original.
pub trait Written {
    fn origin(&self) -> &Origin;
    fn origin_mut(&mut self) -> &mut Origin;
    /// Whether `other` is this file in another language.
    fn same_file(&self, other: &Self) -> bool;
    /// What a translation keeps from its original, by front matter field.
    fn kept(&self) -> Vec<(&'static str, String)>;
    /// Whether it is about keeping safe (`safety: true`), where a
    /// translation that says something older can hurt.
    fn safety(&self) -> bool;
}

impl Written for PromisePage {
    fn origin(&self) -> &Origin {
        &self.origin
    }
    fn origin_mut(&mut self) -> &mut Origin {
        &mut self.origin
    }
    fn same_file(&self, other: &Self) -> bool {
        self.band == other.band && self.slug == other.slug
    }
    fn kept(&self) -> Vec<(&'static str, String)> {
        let order = if self.order == i64::MAX {
            String::new()
        } else {
            self.order.to_string()
        };
        vec![
            ("order", order),
            ("icon", self.icon.clone()),
            ("contacts", self.contacts.join(", ")),
            ("aliases", self.aliases.join(", ")),
        ]
    }
    fn safety(&self) -> bool {
        self.safety
    }
}

impl Written for OfferEntry {
    fn origin(&self) -> &Origin {
        &self.origin
    }
    fn origin_mut(&mut self) -> &mut Origin {
        &mut self.origin
    }
    fn same_file(&self, other: &Self) -> bool {
        self.slug == other.slug
    }
    fn kept(&self) -> Vec<(&'static str, String)> {
        vec![
            ("area", self.area.clone()),
            ("ages", self.ages.to_string()),
            ("kind", format!("{:?}", self.kind).to_lowercase()),
            ("contact", self.contact.clone()),
            ("for", self.groups.iter().map(|g| g.id()).collect::<Vec<_>>().join(", ")),
            ("aliases", self.aliases.join(", ")),
        ]
    }
    fn safety(&self) -> bool {
        self.safety
    }
}

impl Written for Message {
    fn origin(&self) -> &Origin {
        &self.origin
    }
    fn origin_mut(&mut self) -> &mut Origin {
        &mut self.origin
    }
    fn same_file(&self, other: &Self) -> bool {
        self.slug == other.slug
    }
    fn kept(&self) -> Vec<(&'static str, String)> {
        vec![("said", self.said.to_string())]
    }
    fn safety(&self) -> bool {
        false
    }
}

impl Written for Page {
    fn origin(&self) -> &Origin {
        &self.origin
    }
    fn origin_mut(&mut self) -> &mut Origin {
        &mut self.origin
    }
    fn same_file(&self, other: &Self) -> bool {
        self.slug == other.slug
    }
    fn kept(&self) -> Vec<(&'static str, String)> {
        vec![
            ("contacts", self.contacts.join(", ")),
            ("aliases", self.aliases.join(", ")),
        ]
    }
    fn safety(&self) -> bool {
        self.safety
    }
}

impl Written for Event {
    fn origin(&self) -> &Origin {
        &self.origin
    }
    fn origin_mut(&mut self) -> &mut Origin {
        &mut self.origin
    }
    fn same_file(&self, other: &Self) -> bool {
        self.slug == other.slug
    }
    fn kept(&self) -> Vec<(&'static str, String)> {
        let time = |z: &jiff::Zoned| z.datetime().strftime("%Y-%m-%d %H:%M").to_string();
        vec![
            ("start", time(&self.start)),
            ("end", time(&self.end)),
            ("online", self.online.to_string()),
            ("ages", self.ages.map(|a| a.to_string()).unwrap_or_default()),
            ("for", self.groups.iter().map(|g| g.id()).collect::<Vec<_>>().join(", ")),
            ("booking", self.booking.clone().unwrap_or_default()),
            ("contact", self.contact.clone()),
            ("aliases", self.aliases.join(", ")),
        ]
    }
    fn safety(&self) -> bool {
        false
    }
}
