//! Every page of the site: its address, its template and what the template
//! is given. Nothing here renders; it only decides.

mod about;
mod events;
mod finder;
mod frame;
mod index;
mod messages;
mod news;
mod offer;
mod offer_age;
pub mod pager;
mod promises;

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::strings::Strings;
use super::urls::{Links, Target, language_prefix};
use crate::config::Language;
use crate::content::Site;
use crate::pictures::Pictures;
pub use about::KnownProblem;
use index::Index;

/// The language of words shown on a page in another language (site.toml's,
/// or content not translated yet), so a screen reader reads them in the
/// right voice.
#[derive(Debug, Clone, Copy, Serialize)]
pub(super) struct Foreign<'a> {
    /// A language tag: `en-GB`.
    pub lang: &'a str,
    pub dir: &'a str,
}

/// A page of the site, before its data is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plan {
    Home,
    NotFound,
    /// A page (from 1) of the local offer.
    OfferIndex(usize),
    /// A page (from 1) of "you said, we did".
    Messages(usize),
    /// A page (from 1) of "What's on".
    Events(usize),
    /// The index of an event in the site.
    Event(usize),
    /// The index of a quarter in `[newsletter]`.
    News(usize),
    Accessibility,
    Help,
    Safety,
    /// The index of a band in site.toml, and a page (from 1) of its promises.
    Band(usize, usize),
    /// The index of a promise page in the site.
    Promise(usize),
    Offer(usize),
    /// "What can I get at 17?", and a page (from 1) of it.
    OfferAge(u8, usize),
    /// The index of a page of "Am I a care leaver?" in [`finder::pages`].
    Finder(usize),
    FinderSteps,
    Page(usize),
}

/// A page to render: where it goes, with which template and data.
pub struct PageJob {
    pub target: Target,
    pub template: &'static str,
    pub context: Value,
}

/// Shared by every page: the site, its bands and footer.
#[derive(Clone)]
pub struct Planner<'a> {
    site: &'a Site,
    base_url: String,
    theme: &'a super::theme::Theme,
    leaflets: bool,
    known_problems: &'a [KnownProblem],
    pictures: &'a Pictures,
    /// The day of the build, when the statement's checks were run.
    today: jiff::civil::Date,
    /// The words the theme prints, given to every template as `t`.
    strings: &'a Strings,
    /// The language of the pages, when it is one of `[[languages]]`; none
    /// for the site's own.
    language: Option<&'a Language>,
    /// Where the language's pages live: "" or `ar/`.
    prefix: String,
    /// The site's own language by its name in itself, for the switcher.
    own_name: String,
    /// The theme's static files' published paths, by their names.
    assets: BTreeMap<String, String>,
    /// The site's lists, found once for all its pages.
    index: Index,
}

#[derive(Serialize, Clone)]
struct Crumb<'a> {
    /// Set when the title is site.toml's words on a page in another language.
    foreign: Option<Foreign<'a>>,
    title: &'a str,
    href: String,
}

impl<'a> Planner<'a> {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        site: &'a Site,
        base_url: String,
        theme: &'a super::theme::Theme,
        leaflets: bool,
        known_problems: &'a [KnownProblem],
        pictures: &'a Pictures,
        today: jiff::civil::Date,
        strings: &'a Strings,
    ) -> Self {
        Planner {
            strings,
            language: None,
            prefix: String::new(),
            own_name: strings.get("language_name").cloned().unwrap_or_default(),
            assets: super::assets::published(theme)
                .into_iter()
                .map(|(name, (path, _))| (name.to_string(), path))
                .collect(),
            site,
            base_url,
            theme,
            leaflets,
            known_problems,
            pictures,
            today,
            index: Index::of(site, today),
        }
    }

    /// The same pages for readers of `language`: `site` is the site in that
    /// language ([`Site::in_language`]) and `strings` the theme's words in it.
    pub fn in_language(&self, site: &'a Site, language: &'a Language, strings: &'a Strings) -> Planner<'a> {
        Planner {
            site,
            strings,
            language: Some(language),
            prefix: language_prefix(Some(language.code.get_ref())),
            index: Index::of(site, self.today),
            ..self.clone()
        }
    }

    /// A link to one of the theme's static files by its name, such as
    /// `site.css`; a council's theme without it links to nothing.
    fn asset(&self, links: &Links, name: &str) -> String {
        self.assets.get(name).map_or_else(String::new, |path| links.file(path))
    }

    /// The site as this planner's readers get it.
    pub fn site(&self) -> &'a Site {
        self.site
    }

    /// Where this planner's pages are written, before each page's own path.
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// Links from a page in this planner's language.
    fn links(&self, target: &Target) -> Links {
        Links::in_language(target, &self.base_url, &self.prefix)
    }

    /// The language and direction to mark a piece of content with, when it
    /// is shown untranslated on a page in another language.
    fn foreign(&self, origin: &crate::content::Origin) -> Option<Foreign<'_>> {
        match origin.language {
            None => self.own_words(),
            Some(_) => None,
        }
    }

    /// One of the theme's strings, for a page's title.
    pub fn word<'k>(&'k self, key: &'k str) -> &'k str {
        self.strings.get(key).map_or(key, String::as_str)
    }

    /// A day as the pages' language writes it: "3 March 2026".
    fn date(&self, day: jiff::civil::Date) -> String {
        super::dates::date(self.strings, day)
    }

    /// A month as the pages' language writes it: "March 2026".
    fn month_year(&self, day: jiff::civil::Date) -> String {
        super::dates::month_year(self.strings, day)
    }

    /// Every page of the site, in a fixed order, without its data: the
    /// data is made by [`Planner::job`] when the page is rendered, so a large
    /// site never holds every page's data at once.
    pub fn plans(&self) -> Vec<Plan> {
        let site = self.site;
        let mut plans = vec![Plan::Home];
        // One page says "not found", in the site's own language.
        if self.language.is_none() {
            plans.push(Plan::NotFound);
        }
        let pages = |items: usize, per: usize| 1..=pager::count(items, per);
        plans.extend(pages(self.index.offer.len(), pager::CARDS).map(Plan::OfferIndex));
        plans.extend(pages(site.messages.len(), pager::MESSAGES).map(Plan::Messages));
        if !site.events.is_empty() {
            plans.extend(pages(self.index.upcoming.len(), pager::CARDS).map(Plan::Events));
            plans.extend((0..site.events.len()).map(Plan::Event));
        }
        plans.extend((0..site.config.newsletter.periods().len()).map(Plan::News));
        plans.extend([Plan::Accessibility, Plan::Help, Plan::Safety]);
        for (i, band) in site.config.bands.iter().enumerate() {
            plans.extend(pages(self.band_pages(&band.id).len(), pager::CARDS).map(|page| Plan::Band(i, page)));
        }
        plans.extend(
            site.promise_pages
                .iter()
                .enumerate()
                .filter(|(_, p)| site.config.band(&p.band).is_some())
                .map(|(i, _)| Plan::Promise(i)),
        );
        plans.extend((0..site.offer.len()).map(Plan::Offer));
        if !site.offer.is_empty() {
            for (age, entries) in &self.index.ages {
                plans.extend(pages(entries.len(), pager::CARDS).map(|page| Plan::OfferAge(*age, page)));
            }
            plans.extend((0..finder::pages().len()).map(Plan::Finder));
            plans.push(Plan::FinderSteps);
        }
        plans.extend((0..site.pages.len()).map(Plan::Page));
        plans
    }

    /// Where a page goes, and the content file it is made from.
    pub fn address(&self, plan: Plan) -> (Target, String) {
        let site = self.site;
        let file = |origin: &crate::content::Origin| origin.file.to_string_lossy().replace('\\', "/");
        match plan {
            Plan::Home => (Target::Home, "site.toml".into()),
            Plan::NotFound => (Target::NotFound, "the 404 page".into()),
            Plan::OfferIndex(page) => (Target::OfferIndex.page(page), "local-offer/".into()),
            Plan::Messages(page) => (Target::Messages.page(page), "messages/".into()),
            Plan::Events(page) => (Target::Events.page(page), "events/".into()),
            Plan::Event(i) => (Target::Event(site.events[i].slug.clone()), file(&site.events[i].origin)),
            Plan::News(i) => (self.news_target(i), "site.toml".into()),
            Plan::Accessibility => (Target::Accessibility, "site.toml".into()),
            Plan::Help => (Target::Help, "site.toml".into()),
            Plan::Safety => (Target::Safety, "the theme's words".into()),
            Plan::Band(i, page) => (
                Target::Band(site.config.bands[i].id.clone()).page(page),
                "site.toml".into(),
            ),
            Plan::Promise(i) => {
                let p = &site.promise_pages[i];
                let target = Target::Promise {
                    band: p.band.clone(),
                    slug: p.slug.clone(),
                };
                (target, file(&p.origin))
            }
            Plan::Offer(i) => (
                Target::OfferEntry(site.offer[i].slug.clone()),
                file(&site.offer[i].origin),
            ),
            Plan::OfferAge(age, page) => (Target::OfferAge(age).page(page), "local-offer/".into()),
            Plan::Finder(i) => (finder::target(&finder::pages()[i]), "local-offer/".into()),
            Plan::FinderSteps => (Target::FinderSteps, "local-offer/".into()),
            Plan::Page(i) => (Target::Page(site.pages[i].slug.clone()), file(&site.pages[i].origin)),
        }
    }

    /// A page with its data, ready to render.
    pub fn job(&self, plan: Plan) -> PageJob {
        let site = self.site;
        let (target, _) = self.address(plan);
        match plan {
            Plan::Home => self.home(),
            Plan::NotFound => self.not_found(),
            Plan::OfferIndex(page) => self.offer_index(page),
            Plan::Messages(page) => self.messages(page),
            Plan::Events(page) => self.events(page),
            Plan::Event(i) => self.event(&site.events[i], target),
            Plan::News(i) => self.news(i),
            Plan::Accessibility => self.accessibility(),
            Plan::Help => self.help(),
            Plan::Safety => self.safety(),
            Plan::Band(i, page) => self.band(&site.config.bands[i], page),
            Plan::Promise(i) => self.promise_page(i, target),
            Plan::Offer(i) => self.offer_entry(&site.offer[i], target),
            Plan::OfferAge(age, page) => self.offer_age(age, page),
            Plan::Finder(i) => self.finder(&finder::pages()[i]),
            Plan::FinderSteps => self.finder_steps(),
            Plan::Page(i) => self.page(&site.pages[i], target),
        }
    }

    /// Words in the site's own language: on a page in another language
    /// they are marked so, for screen readers to read them in the right
    /// voice.
    fn own_words(&self) -> Option<Foreign<'_>> {
        let (lang, dir) = self.site.config.tag_and_dir(None);
        self.language.map(|_| Foreign { lang, dir })
    }

    /// site.toml's words (band names, contacts, areas), marked as the
    /// site's own language when `site.<code>.toml` has not translated them
    /// (`fallback`).
    fn site_words(&self, fallback: bool) -> Option<Foreign<'_>> {
        if fallback { self.own_words() } else { None }
    }

    fn crumb<'c>(&'c self, links: &Links, title: &'c str, target: Target) -> Crumb<'c> {
        Crumb {
            foreign: match &target {
                Target::Band(id) => self.site_words(self.site.config.band(id).is_some_and(|b| b.label_fallback)),
                _ => None,
            },
            title,
            href: links.to(&target),
        }
    }
}
