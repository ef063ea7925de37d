//! Every page of the site: its address, its template and what the template
//! is given. Nothing here renders; it only decides.

mod finder;
mod offer_age;
pub mod pager;

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Value, json};

use super::markdown::to_html;
use super::strings::Strings;
use super::urls::{Links, Target, language_prefix};
use crate::check::KnownProblem;
use crate::config::{Band, Contact, Language};
use crate::content::{Kind, Message, OfferEntry, Page, Site};
use crate::pictures::Pictures;

/// A page of the site, before its data is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plan {
    Home,
    NotFound,
    /// A page (from 1) of the local offer.
    OfferIndex(usize),
    /// A page (from 1) of "you said, we did".
    Messages(usize),
    Accessibility,
    Help,
    /// The index of a band in site.toml, and a page (from 1) of its promises.
    Band(usize, usize),
    /// The index of a promise page in the site.
    Promise(usize),
    Offer(usize),
    /// "What can I get at 17?", and a page (from 1) of it.
    OfferAge(u8, usize),
    /// The index of a page of "Am I a care leaver?" in [`finder::pages`].
    Finder(usize),
    Page(usize),
}

/// A page to render: where it goes, with which template and data.
pub struct PageJob {
    pub target: Target,
    pub template: &'static str,
    pub context: Value,
    /// The content file the page is made from, for errors about its address.
    pub source: String,
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
    strings_value: Value,
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

/// Which promise pages and offer entries each list holds, as indices into
/// the site's, so no page searches the whole site again.
#[derive(Clone)]
struct Index {
    /// Each band's promise pages, by band id.
    band_pages: BTreeMap<String, Vec<usize>>,
    /// How many offer entries are for each band's ages, by band id.
    band_offer: BTreeMap<String, usize>,
    /// The local offer in the order of its areas.
    offer: Vec<usize>,
    /// Where each area starts in `offer`, in order.
    areas: Vec<(String, usize)>,
    /// Each age's entries: what the law gives, then the extras.
    ages: BTreeMap<u8, Vec<usize>>,
}

impl Index {
    fn of(site: &Site) -> Index {
        let mut band_pages: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, p) in site.promise_pages.iter().enumerate() {
            band_pages.entry(p.band.clone()).or_default().push(i);
        }
        let band_offer = site
            .config
            .bands
            .iter()
            .map(|b| {
                (
                    b.id.clone(),
                    site.offer.iter().filter(|e| e.ages.overlaps(b.ages())).count(),
                )
            })
            .collect();
        let mut offer = Vec::with_capacity(site.offer.len());
        let mut areas = Vec::new();
        for area in &site.config.areas {
            let start = offer.len();
            offer.extend((0..site.offer.len()).filter(|i| site.offer[*i].area == area.id));
            if offer.len() > start {
                areas.push((area.id.clone(), start));
            }
        }
        let ages = crate::leaving_care::OFFER_AGES
            .map(|age| {
                let of_kind = |kind: Kind| {
                    let offer = &site.offer;
                    (0..offer.len()).filter(move |i| offer[*i].kind == kind && offer[*i].is_for(age, None))
                };
                (age, of_kind(Kind::Legal).chain(of_kind(Kind::Extra)).collect())
            })
            .collect();
        Index {
            band_pages,
            band_offer,
            offer,
            areas,
            ages,
        }
    }
}

#[derive(Serialize)]
struct Crumb {
    /// Set when the title is site.toml's words on a page in another language.
    foreign: Value,
    title: String,
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
            strings_value: json!(strings),
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
            index: Index::of(site),
        }
    }

    /// The same pages for readers of `language`: `site` is the site in that
    /// language ([`Site::in_language`]) and `strings` the theme's words in it.
    pub fn in_language(&self, site: &'a Site, language: &'a Language, strings: &'a Strings) -> Planner<'a> {
        Planner {
            site,
            strings,
            strings_value: json!(strings),
            language: Some(language),
            prefix: language_prefix(Some(language.code.get_ref())),
            index: Index::of(site),
            ..self.clone()
        }
    }

    /// A link to one of the theme's static files by its name, such as
    /// `site.css`; a council's theme without it links to nothing.
    fn asset(&self, links: &Links, name: &str) -> String {
        self.assets.get(name).map_or_else(String::new, |path| links.file(path))
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
    /// is shown untranslated on a page in another language; else null.
    fn foreign(&self, origin: &crate::content::Origin) -> Value {
        match origin.language {
            None => self.own_words(),
            Some(_) => Value::Null,
        }
    }

    /// One of the theme's strings, for a page's title.
    fn word<'k>(&'k self, key: &'k str) -> &'k str {
        self.strings.get(key).map_or(key, String::as_str)
    }

    /// A day as the pages' language writes it: "3 March 2026".
    fn date(&self, day: jiff::civil::Date) -> String {
        self.word("date")
            .replace("{day}", &day.day().to_string())
            .replace("{month}", self.month(day))
            .replace("{year}", &day.year().to_string())
    }

    /// A month as the pages' language writes it: "March 2026".
    fn month_year(&self, day: jiff::civil::Date) -> String {
        self.word("month_year")
            .replace("{month}", self.month(day))
            .replace("{year}", &day.year().to_string())
    }

    /// The name of a day's month, from the twelve in the strings file.
    fn month(&self, day: jiff::civil::Date) -> &str {
        let index = usize::try_from(day.month() - 1).unwrap_or_default();
        super::strings::month_names(self.word("months"))
            .nth(index)
            .unwrap_or_default()
    }

    /// The leaflet a page can be printed as, if leaflets are made: its link
    /// and its large print edition's, and for a page in another language
    /// whose leaflet is not translated yet, the language the leaflet is in.
    fn leaflet(&self, target: &Target, links: &Links) -> (Value, Value) {
        use crate::print::Subject;
        let subject = match target.list() {
            Target::Band(band) | Target::Promise { band, .. } if self.leaflets => Subject::Band(band),
            Target::OfferIndex | Target::OfferEntry(_) | Target::OfferAge(_) | Target::Finder(_) if self.leaflets => {
                Subject::Offer
            }
            _ => return (Value::Null, Value::Null),
        };
        let Some(file) = crate::print::file(self.site, subject, &self.prefix) else {
            return (Value::Null, Value::Null);
        };
        let other = (!file.starts_with(&self.prefix))
            .then(|| json!({ "lang": self.site.config.language, "name": self.own_name }));
        let large = crate::print::large_print(&file);
        (
            json!({ "href": links.file(&file), "large": links.file(&large) }),
            json!(other),
        )
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
        plans.extend([Plan::Accessibility, Plan::Help]);
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
            Plan::Accessibility => (Target::Accessibility, "site.toml".into()),
            Plan::Help => (Target::Help, "site.toml".into()),
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
            Plan::Accessibility => self.accessibility(),
            Plan::Help => self.help(),
            Plan::Band(i, page) => self.band(&site.config.bands[i], page),
            Plan::Promise(i) => self.promise_page(i, target),
            Plan::Offer(i) => self.offer_entry(&site.offer[i], target),
            Plan::OfferAge(age, page) => self.offer_age(age, page),
            Plan::Finder(i) => self.finder(&finder::pages()[i]),
            Plan::Page(i) => self.page(&site.pages[i], target),
        }
    }

    fn promise_page(&self, i: usize, target: Target) -> PageJob {
        let site = self.site;
        let page = &site.promise_pages[i];
        let band = site.config.band(&page.band);
        let links = self.links(&target);
        // The band's other promises: all of them, or in a long band the
        // nearest ones and a link to the page of the band's list with this one.
        let members = self.band_pages(&page.band);
        let position = members.binary_search(&i).unwrap_or_default();
        let siblings: Vec<Value> = members[pager::window(position, members.len())]
            .iter()
            .map(|&j| {
                let p = &site.promise_pages[j];
                let t = Target::Promise {
                    band: p.band.clone(),
                    slug: p.slug.clone(),
                };
                json!({ "title": p.title, "href": links.to(&t), "current": j == i, "foreign": self.foreign(&p.origin) })
            })
            .collect();
        let all_themes = (siblings.len() < members.len()).then(|| {
            let list = Target::Band(page.band.clone()).page(pager::page_of(position, pager::CARDS));
            json!({ "count": members.len(), "href": links.to(&list) })
        });
        let extra = json!({
            "theme": {
                "title": page.title,
                "summary": page.summary,
                "icon": self.theme.icons.get(&page.icon),
                "art": self.theme.illustrations.get(&page.icon),
                "html": to_html(&page.body, &links, self.pictures, Some(&page.promises)),
            },
            "themes": siblings,
            "all_themes": all_themes,
            "contact": band.and_then(|b| self.band_contact(b)),
            "contacts": self.contacts(&page.contacts),
            "exit_url": self.exit(page.safety),
            "content_foreign": self.foreign(&page.origin),
            "offer_here": band.and_then(|b| self.index.band_offer.get(&b.id)).copied().unwrap_or_default(),
        });
        let crumbs = band
            .map(|b| vec![self.crumb(&links, &b.label, Target::Band(b.id.clone()))])
            .unwrap_or_default();
        self.job_data(
            target,
            "promise_page.html",
            &page.title,
            crumbs,
            band,
            extra,
            &page.origin.file,
        )
    }

    fn page(&self, page: &Page, target: Target) -> PageJob {
        let links = self.links(&target);
        let extra = json!({
            "page": { "summary": page.summary, "html": to_html(&page.body, &links, self.pictures, None) },
            "contacts": self.contacts(&page.contacts),
            "exit_url": self.exit(page.safety),
            "content_foreign": self.foreign(&page.origin),
        });
        self.job_data(
            target,
            "page.html",
            &page.title,
            Vec::new(),
            None,
            extra,
            &page.origin.file,
        )
    }

    fn home(&self) -> PageJob {
        let extra = json!({
            "offer_count": self.site.offer.len(),
            "message_count": self.site.messages.len(),
            "first_help": self.help_contacts().into_iter().next(),
        });
        let title = self.site.config.title.clone();
        self.job_data(Target::Home, "home.html", &title, Vec::new(), None, extra, "site.toml")
    }

    fn not_found(&self) -> PageJob {
        self.job_data(
            Target::NotFound,
            "404.html",
            self.word("not_found_title"),
            Vec::new(),
            None,
            json!({}),
            "the 404 page",
        )
    }

    /// A band's promise pages (indices into the site's), in order.
    fn band_pages(&self, id: &str) -> &[usize] {
        self.index.band_pages.get(id).map_or(&[], Vec::as_slice)
    }

    /// A page of a band's promises. The first also has the band's contact
    /// and the help at its ages; the others only the rest of the cards.
    fn band(&self, band: &Band, page: usize) -> PageJob {
        let list = Target::Band(band.id.clone());
        let target = list.page(page);
        let links = self.links(&target);
        let members = self.band_pages(&band.id);
        let pages = pager::count(members.len(), pager::CARDS);
        let themes: Vec<Value> = pager::slice(members, page, pager::CARDS)
            .iter()
            .map(|&i| {
                let p = &self.site.promise_pages[i];
                let t = Target::Promise {
                    band: p.band.clone(),
                    slug: p.slug.clone(),
                };
                json!({
                    "title": p.title,
                    "summary": p.summary,
                    "icon": self.theme.icons.get(&p.icon),
                    "art": self.theme.illustrations.get(&p.icon),
                    "href": links.to(&t),
                    "count": p.promises.len(),
                    "foreign": self.foreign(&p.origin),
                })
            })
            .collect();
        let first = page == 1;
        // A long offer is not listed here: the ages' pages list it a page at a time.
        let offer_count = if first {
            self.index.band_offer.get(&band.id).copied().unwrap_or_default()
        } else {
            0
        };
        let offer = if offer_count > 0 && offer_count <= pager::CARDS {
            self.offer_groups(&links, self.in_order().filter(|e| e.ages.overlaps(band.ages())))
        } else {
            Vec::new()
        };
        let extra = json!({
            "themes": themes,
            "first": first,
            "pager": self.pager(&links, &list, page, pages),
            "contact": if first { self.band_contact(band) } else { None },
            "talk_art": self.theme.illustrations.get("chat"),
            "offer_count": offer_count,
            "offer": offer,
            "offer_ages": if first { self.offer_ages(&links, |age| band.ages().contains(age), None) } else { Vec::new() },
        });
        self.job_data(
            target,
            "band.html",
            &self.paged_title(&band.label, page, pages),
            self.first_page(&links, &band.label, &list, page),
            Some(band),
            extra,
            "site.toml",
        )
    }

    /// A page of the whole local offer, by area, with a contents list that
    /// leads to where each area starts.
    fn offer_index(&self, page: usize) -> PageJob {
        let list = Target::OfferIndex;
        let target = list.page(page);
        let links = self.links(&target);
        let order = &self.index.offer;
        let pages = pager::count(order.len(), pager::CARDS);
        let here: Vec<&OfferEntry> = pager::slice(order, page, pager::CARDS)
            .iter()
            .map(|&i| &self.site.offer[i])
            .collect();
        let contents: Vec<Value> = self
            .index
            .areas
            .iter()
            .filter_map(|(id, start)| {
                let area = self.site.config.area(id)?;
                let href = format!(
                    "{}#area-{id}",
                    links.to(&list.page(pager::page_of(*start, pager::CARDS)))
                );
                Some(json!({ "title": area.title, "href": href, "foreign": self.own_words() }))
            })
            .collect();
        let extra = json!({
            "groups": self.offer_groups(&links, here.iter().copied()),
            "contents": contents,
            "pager": self.pager(&links, &list, page, pages),
            "law_words": self.law_words(here.iter().copied(), |_| true),
            "ages": self.offer_ages(&links, |_| true, None),
            "finder_href": links.to(&finder::target(&finder::FinderPage::Start)),
        });
        self.job_data(
            target,
            "offer_index.html",
            &self.paged_title(self.word("offer_title"), page, pages),
            self.first_page(&links, self.word("offer_title"), &list, page),
            None,
            extra,
            "local-offer/",
        )
    }

    /// The whole local offer in the order of its areas.
    fn in_order(&self) -> impl Iterator<Item = &OfferEntry> {
        self.index.offer.iter().map(|&i| &self.site.offer[i])
    }

    /// `entries`, in the order of their areas, grouped by area.
    fn offer_groups<'e>(&self, links: &Links, entries: impl IntoIterator<Item = &'e OfferEntry>) -> Vec<Value> {
        let mut groups: Vec<(&str, Vec<Value>)> = Vec::new();
        for e in entries {
            if groups.last().is_none_or(|(area, _)| *area != e.area) {
                groups.push((&e.area, Vec::new()));
            }
            if let Some((_, views)) = groups.last_mut() {
                views.push(self.entry_view(e, links));
            }
        }
        groups
            .into_iter()
            .filter_map(|(id, entries)| {
                let area = self.site.config.area(id)?;
                Some(json!({ "id": area.id, "title": area.title, "entries": entries, "foreign": self.own_words() }))
            })
            .collect()
    }

    /// An entry in a list: where it is, and who it is for.
    fn entry_view(&self, e: &OfferEntry, links: &Links) -> Value {
        let mut view = offer_view(e);
        view["href"] = json!(links.to(&Target::OfferEntry(e.slug.clone())));
        view["foreign"] = self.foreign(&e.origin);
        view["groups"] = json!(super::strings::groups_sentence(self.strings, &e.groups));
        view
    }

    /// What the law's name for each group some of `entries` are only for
    /// means, so the names are explained where they first appear.
    /// Only the groups `keep` chooses are explained.
    fn law_words<'e>(
        &self,
        entries: impl IntoIterator<Item = &'e OfferEntry>,
        keep: impl Fn(crate::leaving_care::Group) -> bool,
    ) -> Vec<String> {
        let mut groups: Vec<crate::leaving_care::Group> = entries
            .into_iter()
            .flat_map(|e| e.groups.iter().copied().filter(|g| keep(*g)))
            .collect();
        groups.sort();
        groups.dedup();
        groups.iter().map(|g| self.word(g.words()[1]).to_string()).collect()
    }

    fn offer_entry(&self, entry: &OfferEntry, target: Target) -> PageJob {
        let links = self.links(&target);
        let area = self.site.config.area(&entry.area);
        let extra = json!({
            "entry": {
                "summary": entry.summary,
                "how_to_get_it": entry.how_to_get_it,
                "ages": entry.ages,
                "legal": entry.kind == Kind::Legal,
                "reviewed": self.date(entry.reviewed),
                "reviewed_iso": entry.reviewed.to_string(),
                "area": area.map(|a| &a.title),
                "html": to_html(&entry.body, &links, self.pictures, None),
                "groups": super::strings::groups_sentence(self.strings, &entry.groups),
                "law_words": self.law_words([entry], |_| true),
                "finder_href": links.to(&finder::target(&finder::FinderPage::Start)),
            },
            "contact": self.site.config.contacts.get(&entry.contact).map(|c| self.contact(c)),
            "exit_url": self.exit(entry.safety),
            "content_foreign": self.foreign(&entry.origin),
        });
        let crumbs = vec![self.crumb(&links, self.word("offer_title"), Target::OfferIndex)];
        self.job_data(
            target,
            "offer_entry.html",
            &entry.title,
            crumbs,
            None,
            extra,
            &entry.origin.file,
        )
    }

    fn messages(&self, page: usize) -> PageJob {
        let list = Target::Messages;
        let target = list.page(page);
        let links = self.links(&target);
        let pages = pager::count(self.site.messages.len(), pager::MESSAGES);
        let messages: Vec<Value> = pager::slice(&self.site.messages, page, pager::MESSAGES)
            .iter()
            .map(|m| {
                let mut view = message_view(m, &links, self.pictures);
                view["foreign"] = self.foreign(&m.origin);
                view["said"] = json!(self.month_year(m.said));
                view
            })
            .collect();
        let extra =
            json!({ "messages": messages, "first": page == 1, "pager": self.pager(&links, &list, page, pages) });
        self.job_data(
            target,
            "messages.html",
            &self.paged_title(self.word("messages_title"), page, pages),
            self.first_page(&links, self.word("messages_title"), &list, page),
            None,
            extra,
            "messages/",
        )
    }

    /// The accessibility statement UK public sector sites must publish, from
    /// what the checks found and who to tell about a problem.
    fn accessibility(&self) -> PageJob {
        let target = Target::Accessibility;
        let links = self.links(&target);
        let config = &self.site.config;
        let problems: Vec<Value> = self
            .known_problems
            .iter()
            .map(|p| json!({ "page": p.page, "what": p.what, "href": p.target.as_ref().map(|t| links.to(t)) }))
            .collect();
        let contact = config
            .checks
            .accessibility_contact
            .as_ref()
            .and_then(|key| config.contacts.get(key.get_ref()))
            .map(|c| self.contact(c));
        let contacts_page = self
            .site
            .pages
            .iter()
            .find(|p| !p.contacts.is_empty())
            .map(|p| links.to(&Target::Page(p.slug.clone())));
        let day = |d: jiff::civil::Date| self.date(d);
        let audit = config
            .accessibility
            .audit()
            .map(|(date, by)| json!({ "date": day(date), "by": by }));
        let extra = json!({
            "problems": problems,
            "contact": contact,
            "contacts_href": contacts_page,
            "site_url": self.base_url,
            "tested": day(self.today),
            "audit": audit,
        });
        self.job_data(
            target,
            "accessibility.html",
            self.word("accessibility_title"),
            Vec::new(),
            None,
            extra,
            "site.toml",
        )
    }

    /// "Need help now?": 999, the people in site.toml to call (every
    /// band's contact unless [help] names others) and national helplines,
    /// all tap-to-call, with a way off the page.
    fn help(&self) -> PageJob {
        let config = &self.site.config;
        let lines: Vec<Value> = config.help.lines.iter().map(|c| self.contact(c)).collect();
        let extra = json!({ "contacts": self.help_contacts(), "lines": lines, "exit_url": self.exit(true) });
        self.job_data(
            Target::Help,
            "help.html",
            self.word("need_help"),
            Vec::new(),
            None,
            extra,
            "site.toml",
        )
    }

    /// Who to call first when help is needed now: the contacts [help]
    /// names, or every band's contact.
    fn help_contacts(&self) -> Vec<Value> {
        let config = &self.site.config;
        let mut keys: Vec<&str> = config.help.contacts.iter().map(|k| k.get_ref().as_str()).collect();
        if keys.is_empty() {
            for band in &config.bands {
                if let Some(key) = &band.contact
                    && !keys.contains(&key.get_ref().as_str())
                {
                    keys.push(key.get_ref());
                }
            }
        }
        keys.iter()
            .filter_map(|k| config.contacts.get(*k))
            .map(|c| self.contact(c))
            .collect()
    }

    /// The contacts a content file names, as templates show them.
    fn contacts(&self, keys: &[String]) -> Vec<Value> {
        let contacts = &self.site.config.contacts;
        keys.iter()
            .filter_map(|k| contacts.get(k))
            .map(|c| self.contact(c))
            .collect()
    }

    /// Where "Exit this page" goes, on a page that has the button.
    fn exit(&self, safety: bool) -> Option<&str> {
        safety.then(|| self.site.config.help.exit_url.get_ref().as_str())
    }

    fn band_contact(&self, band: &Band) -> Option<Value> {
        let key = band.contact.as_ref()?;
        self.site.config.contacts.get(key.get_ref()).map(|c| self.contact(c))
    }

    /// A contact as the templates show it, marked as the site's own
    /// language when site.toml's words are shown on a page in another.
    fn contact(&self, c: &Contact) -> Value {
        let mut view = contact_view(c);
        view["foreign"] = self.own_words();
        view
    }

    /// What site.toml says (band names, contacts, areas) is written in the
    /// site's own language: on a page in another language it is marked so,
    /// for screen readers to read it in the right voice.
    fn own_words(&self) -> Value {
        let (lang, dir) = self.site.config.tag_and_dir(None);
        match self.language {
            Some(_) => json!({ "lang": lang, "dir": dir }),
            None => Value::Null,
        }
    }

    fn crumb(&self, links: &Links, title: &str, target: Target) -> Crumb {
        Crumb {
            foreign: matches!(target, Target::Band(_))
                .then(|| self.own_words())
                .unwrap_or_default(),
            title: title.to_string(),
            href: links.to(&target),
        }
    }

    /// A page's data: what every page has, plus `extra`.
    #[allow(clippy::too_many_arguments)]
    fn job_data(
        &self,
        target: Target,
        template: &'static str,
        title: &str,
        crumbs: Vec<Crumb>,
        band: Option<&Band>,
        extra: Value,
        source: impl AsRef<std::path::Path>,
    ) -> PageJob {
        let config = &self.site.config;
        let links = self.links(&target);
        // A page inside a band also shows that band's name in its title.
        let band = band.or_else(|| match &target {
            Target::Promise { band, .. } => config.band(band),
            _ => None,
        });
        let head_title = match (&target, band) {
            (Target::Home, _) => config.title.clone(),
            (Target::Promise { .. }, Some(b)) => format!("{title} – {} – {}", b.label, config.title),
            _ => format!("{title} – {}", config.title),
        };
        let bands: Vec<Value> = config
            .bands
            .iter()
            .map(|b| {
                json!({
                    "id": b.id,
                    "label": b.label,
                    "look": b.look.to_string(),
                    "href": links.to(&Target::Band(b.id.clone())),
                    "current": band.is_some_and(|c| c.id == b.id),
                })
            })
            .collect();
        let footer: Vec<Value> = self
            .site
            .pages
            .iter()
            .map(|p| json!({ "title": p.title, "href": links.to(&Target::Page(p.slug.clone())), "foreign": self.foreign(&p.origin) }))
            .chain(std::iter::once(
                json!({ "title": self.word("accessibility_link"), "href": links.to(&Target::Accessibility), "foreign": null }),
            ))
            .collect();
        let section = match target.list() {
            Target::Home => "home",
            Target::Band(_) | Target::Promise { .. } => "band",
            Target::OfferIndex | Target::OfferEntry(_) | Target::OfferAge(_) | Target::Finder(_) => "offer",
            Target::Messages => "messages",
            Target::Page(_) | Target::Accessibility | Target::Help | Target::NotFound | Target::Next { .. } => "page",
        };
        let (lang, dir) = config.tag_and_dir(self.language);
        // The same page in every language, for the switcher and for search
        // engines (hreflang).
        let alternates: Vec<Value> = if config.languages.is_empty() || target == Target::NotFound {
            Vec::new()
        } else {
            std::iter::once((None, self.own_name.as_str()))
                .chain(config.languages.iter().map(|l| (Some(l), l.name.as_str())))
                .map(|(language, name)| {
                    let (code, dir) = config.tag_and_dir(language);
                    let prefix = language_prefix(language.map(|l| l.code.get_ref().as_str()));
                    json!({
                        "lang": code,
                        "name": name,
                        "dir": dir,
                        "href": links.to_in(&target, &prefix),
                        "url": target.url_in(&self.base_url, &prefix),
                        "current": prefix == self.prefix,
                    })
                })
                .collect()
        };
        let (leaflet, leaflet_lang) = self.leaflet(&target, &links);
        let mut context = json!({
            "lang": lang,
            "dir": dir,
            "content_foreign": null,
            "alternates": alternates,
            "own": self.own_words(),
            "site_title": config.title,
            "council": config.council,
            "description": config.description,
            "title": title,
            "head_title": head_title,
            "canonical": (target != Target::NotFound).then(|| target.url_in(&self.base_url, &self.prefix)),
            "listed": target.listed(),
            "root": links.root(),
            "csp": crate::publish::policy::CONTENT,
            "feed_href": super::feed::exists(self.site).then(|| links.file(super::feed::FILE)),
            "manifest_href": links.file(super::offline::MANIFEST),
            "offline": matches!(target, Target::Home | Target::Band(_)).then(|| json!({
                "root": links.root(),
                "prefix": self.prefix,
                "script": self.asset(&links, "offline.js"),
            })),
            "css": self.asset(&links, "site.css"),
            "icon_href": self.asset(&links, "icon.svg"),
            "assets": self.assets.iter().map(|(name, path)| (name.clone(), links.file(path))).collect::<BTreeMap<_, _>>(),
            "home_href": links.to(&Target::Home),
            "help_href": links.to(&Target::Help),
            "offer_href": links.to(&Target::OfferIndex),
            "messages_href": links.to(&Target::Messages),
            "section": section,
            "look": band.map_or("general".to_string(), |b| b.look.to_string()),
            "band": band.map(|b| json!({ "id": b.id, "label": b.label, "href": links.to(&Target::Band(b.id.clone())) })),
            "bands": bands,
            "footer": footer,
            "crumbs": crumbs,
            "leaflet": leaflet,
            "leaflet_lang": leaflet_lang,
            "t": self.strings_value,
        });
        if let (Value::Object(base), Value::Object(extra)) = (&mut context, extra) {
            base.extend(extra);
        }
        PageJob {
            target,
            template,
            context,
            source: source.as_ref().to_string_lossy().replace('\\', "/"),
        }
    }
}

fn message_view(m: &Message, links: &Links, pictures: &Pictures) -> Value {
    json!({
        "id": m.slug,
        "title": m.title,
        "said_iso": m.said.to_string(),
        "we_did": m.we_did,
        "next": m.next,
        "html": to_html(&m.body, links, pictures, None),
    })
}

/// A local offer entry in a list, as the site and the leaflet show it.
pub fn offer_view(e: &OfferEntry) -> Value {
    json!({
        "title": e.title,
        "summary": e.summary,
        "how_to_get_it": e.how_to_get_it,
        "ages": e.ages,
        "legal": e.kind == Kind::Legal,
    })
}

/// A contact as a template shows it, with the `tel:` address its number
/// dials and any extension to ask for.
pub fn contact_view(c: &Contact) -> Value {
    let phone = crate::phone::parse(&c.phone).ok();
    json!({
        "name": c.name,
        "phone": phone.as_ref().map_or(c.phone.as_str(), |p| p.display.as_str()),
        "tel": phone.as_ref().map(|p| p.tel.as_str()),
        "extension": phone.as_ref().and_then(|p| p.extension.as_deref()),
        "email": c.email,
        "hours": c.hours,
        "text": c.text,
    })
}
