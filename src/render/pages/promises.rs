//! A band's pages: the list of its promises (a page at a time), and each
//! theme's page of promises.

use serde::Serialize;

use super::Foreign;
use super::about::ContactCard;
use super::finder;
use super::frame::Meta;
use super::offer::AreaGroup;
use super::offer_age::AgeLink;
use super::pager::{self, Pager};
use super::{PageJob, Planner};
use crate::config::Band;
use crate::content::PromisePage;
use crate::render::markdown::to_html;
use crate::render::urls::{Links, Target};

/// A theme's page: its promises, its band's other themes and who to call.
#[derive(Serialize)]
struct ThemePage<'a> {
    theme: Theme<'a>,
    themes: Vec<Sibling<'a>>,
    /// In a long band, how many themes it has and where the list holds this one.
    all_themes: Option<AllThemes>,
    contact: Option<ContactCard<'a>>,
    contacts: Vec<ContactCard<'a>>,
    /// How many offer entries are for the band's ages.
    offer_here: usize,
}

/// A theme as its page and its card both show it: its title, summary and
/// the theme's icon and illustration for it.
#[derive(Serialize)]
struct ThemeView<'a> {
    title: &'a str,
    summary: &'a str,
    icon: Option<&'a String>,
    art: Option<&'a String>,
}

#[derive(Serialize)]
struct Theme<'a> {
    #[serde(flatten)]
    theme: ThemeView<'a>,
    html: String,
}

/// Another theme of the same band, in the list beside this one.
#[derive(Serialize)]
struct Sibling<'a> {
    title: &'a str,
    href: String,
    current: bool,
    foreign: Option<Foreign<'a>>,
}

#[derive(Serialize)]
struct AllThemes {
    count: usize,
    href: String,
}

/// A page of a band's list of themes.
#[derive(Serialize)]
struct BandPage<'a> {
    themes: Vec<ThemeCard<'a>>,
    first: bool,
    pager: Option<Pager>,
    contact: Option<ContactCard<'a>>,
    talk_art: Option<&'a String>,
    offer_count: usize,
    offer: Vec<AreaGroup<'a>>,
    /// What the law's names for groups on the offer's cards mean.
    law_words: Vec<String>,
    /// "Am I a care leaver?", for a band the local offer is for.
    finder_href: Option<String>,
    offer_ages: Vec<AgeLink>,
    /// The band's next events, on its first page, and its calendar.
    coming_up: Vec<super::events::EventCard<'a>>,
    events_href: String,
    calendar: Option<super::events::CalendarLinks>,
}

/// A theme in its band's list: the whole card is one link.
#[derive(Serialize)]
struct ThemeCard<'a> {
    #[serde(flatten)]
    theme: ThemeView<'a>,
    href: String,
    count: usize,
    foreign: Option<Foreign<'a>>,
}

fn page_target(p: &PromisePage) -> Target {
    Target::Promise {
        band: p.band.clone(),
        slug: p.slug.clone(),
    }
}

impl Planner<'_> {
    pub(super) fn promise_page(&self, i: usize, target: Target) -> PageJob {
        let site = self.site;
        let page = &site.promise_pages[i];
        let band = site.config.band(&page.band);
        let links = self.links(&target);
        let members = self.band_pages(&page.band);
        let position = members.binary_search(&i).unwrap_or_default();
        let themes = self.siblings(i, position, &links);
        let all_themes = (themes.len() < members.len()).then(|| {
            let list = Target::Band(page.band.clone()).page(pager::page_of(position, pager::CARDS));
            AllThemes {
                count: members.len(),
                href: links.to(&list),
            }
        });
        let content = ThemePage {
            theme: Theme {
                theme: self.theme_view(page),
                html: to_html(&page.body, &links, self.pictures, Some(&page.promises)),
            },
            themes,
            all_themes,
            contact: band.and_then(|b| self.band_contact(b)),
            contacts: self.contacts(&page.contacts),
            offer_here: band
                .and_then(|b| self.index.band_offer.get(&b.id))
                .copied()
                .unwrap_or_default(),
        };
        let crumbs = band
            .map(|b| vec![self.crumb(&links, &b.label, Target::Band(b.id.clone()))])
            .unwrap_or_default();
        let meta = Meta {
            target,
            template: "promise_page.html",
            title: &page.title,
            crumbs,
            band,
            content_foreign: self.foreign(&page.origin),
            original_changed: page.origin.original_changed,
            safety: page.safety,
            summary: Some(&page.summary),
        };
        self.framed(meta, content)
    }

    /// The band's other themes beside promise page `i` (at `position` in its
    /// band): all of them, or in a long band the nearest ones.
    fn siblings(&self, i: usize, position: usize, links: &Links) -> Vec<Sibling<'_>> {
        let members = self.band_pages(&self.site.promise_pages[i].band);
        members[pager::window(position, members.len())]
            .iter()
            .map(|&j| {
                let p = &self.site.promise_pages[j];
                Sibling {
                    title: &p.title,
                    href: links.to(&page_target(p)),
                    current: j == i,
                    foreign: self.foreign(&p.origin),
                }
            })
            .collect()
    }

    fn theme_view<'p>(&'p self, p: &'p PromisePage) -> ThemeView<'p> {
        ThemeView {
            title: &p.title,
            summary: &p.summary,
            icon: self.theme.icons.get(&p.icon),
            art: self.theme.illustrations.get(&p.icon),
        }
    }

    /// A band's promise pages (indices into the site's), in order.
    pub(super) fn band_pages(&self, id: &str) -> &[usize] {
        self.index.band_pages.get(id).map_or(&[], Vec::as_slice)
    }

    /// A page of a band's promises. The first also has the band's contact
    /// and the help at its ages; the others only the rest of the cards.
    pub(super) fn band(&self, band: &Band, page: usize) -> PageJob {
        let list = Target::Band(band.id.clone());
        let target = list.page(page);
        let links = self.links(&target);
        let members = self.band_pages(&band.id);
        let pages = pager::count(members.len(), pager::CARDS);
        let themes = pager::slice(members, page, pager::CARDS)
            .iter()
            .map(|&i| {
                let p = &self.site.promise_pages[i];
                ThemeCard {
                    theme: self.theme_view(p),
                    href: links.to(&page_target(p)),
                    count: p.promises.len(),
                    foreign: self.foreign(&p.origin),
                }
            })
            .collect();
        let first = page == 1;
        // A long offer is not listed here: the ages' pages list it a page at a time.
        let offer_count = if first {
            self.index.band_offer.get(&band.id).copied().unwrap_or_default()
        } else {
            0
        };
        let listed = offer_count > 0 && offer_count <= pager::CARDS;
        let here = || self.in_order().filter(|e| listed && e.ages.overlaps(band.ages()));
        let offer = self.offer_groups(&links, here());
        let law_words = self.law_words(here(), |_| true);
        let coming_up = if first {
            self.coming_up(Some(band), &links)
        } else {
            Vec::new()
        };
        let calendar =
            (!coming_up.is_empty()).then(|| self.calendar_links(&links, &crate::render::calendar::band_file(&band.id)));
        let content = BandPage {
            coming_up,
            events_href: links.to(&Target::Events),
            calendar,
            themes,
            first,
            pager: self.pager(&links, &list, page, pages),
            contact: if first { self.band_contact(band) } else { None },
            talk_art: self.theme.illustrations.get("chat"),
            offer_count,
            offer,
            law_words,
            finder_href: (offer_count > 0).then(|| links.to(&finder::target(&finder::FinderPage::Start))),
            offer_ages: if first {
                self.offer_ages(&links, |age| band.ages().contains(age), None)
            } else {
                Vec::new()
            },
        };
        let title = self.paged_title(&band.label, page, pages);
        let meta = Meta {
            crumbs: self.first_page(&links, &band.label, &list, page),
            band: Some(band),
            ..Meta::new(target, "band.html", &title)
        };
        self.framed(meta, content)
    }
}
