//! The local offer: its list by area (a page at a time), and each entry's
//! page.

use serde::Serialize;

use super::Foreign;
use super::about::ContactCard;
use super::frame::Meta;
use super::offer_age::AgeLink;
use super::pager::{self, Pager};
use super::{PageJob, Planner, finder};
use crate::content::OfferEntry;
use crate::leaving_care::Group;
use crate::render::markdown::to_html;
use crate::render::urls::{Links, Target};
use crate::render::views::EntryView;

/// A page of the whole local offer.
#[derive(Serialize)]
struct OfferIndex<'a> {
    groups: Vec<AreaGroup<'a>>,
    /// Each area, and where it starts.
    contents: Vec<Contents<'a>>,
    pager: Option<Pager>,
    law_words: Vec<String>,
    ages: Vec<AgeLink>,
    finder_href: String,
}

#[derive(Serialize)]
struct Contents<'a> {
    title: &'a str,
    href: String,
    foreign: Option<Foreign<'a>>,
}

/// An area's entries, in a list.
#[derive(Serialize)]
pub(super) struct AreaGroup<'a> {
    id: &'a str,
    title: &'a str,
    entries: Vec<EntryCard<'a>>,
    foreign: Option<Foreign<'a>>,
}

/// An entry in a list: the whole card is one link to its page.
#[derive(Serialize, Clone)]
pub(super) struct EntryCard<'a> {
    /// The entry's file name, which names its card where cards are shown
    /// once and listed by name.
    pub key: &'a str,
    #[serde(flatten)]
    entry: EntryView<'a>,
    href: String,
    foreign: Option<Foreign<'a>>,
}

/// An entry's own page.
#[derive(Serialize)]
struct EntryPage<'a> {
    entry: EntryDetail<'a>,
    contact: Option<ContactCard<'a>>,
}

#[derive(Serialize)]
struct EntryDetail<'a> {
    #[serde(flatten)]
    entry: EntryView<'a>,
    reviewed: String,
    reviewed_iso: String,
    area: Option<&'a str>,
    area_foreign: Option<Foreign<'a>>,
    html: String,
    law_words: Vec<String>,
    finder_href: String,
}

impl Planner<'_> {
    /// A page of the whole local offer, by area, with a contents list that
    /// leads to where each area starts.
    pub(super) fn offer_index(&self, page: usize) -> PageJob {
        let list = Target::OfferIndex;
        let target = list.page(page);
        let links = self.links(&target);
        let order = &self.index.offer;
        let pages = pager::count(order.len(), pager::CARDS);
        let here: Vec<&OfferEntry> = pager::slice(order, page, pager::CARDS)
            .iter()
            .map(|&i| &self.site.offer[i])
            .collect();
        let contents = self
            .index
            .areas
            .iter()
            .filter_map(|(id, start)| {
                let area = self.site.config.area(id)?;
                let href = format!(
                    "{}#area-{id}",
                    links.to(&list.page(pager::page_of(*start, pager::CARDS)))
                );
                Some(Contents {
                    title: &area.title,
                    href,
                    foreign: self.site_words(area.title_fallback),
                })
            })
            .collect();
        let content = OfferIndex {
            groups: self.offer_groups(&links, here.iter().copied()),
            contents,
            pager: self.pager(&links, &list, page, pages),
            law_words: self.law_words(here.iter().copied(), |_| true),
            ages: self.offer_ages(&links, |_| true, None),
            finder_href: links.to(&finder::target(&finder::FinderPage::Start)),
        };
        let title = self.paged_title(self.word("offer_title"), page, pages);
        let meta = Meta {
            crumbs: self.first_page(&links, self.word("offer_title"), &list, page),
            ..Meta::new(target, "offer_index.html", &title)
        };
        self.framed(meta, content)
    }

    /// The whole local offer in the order of its areas.
    pub(super) fn in_order(&self) -> impl Iterator<Item = &OfferEntry> {
        self.index.offer.iter().map(|&i| &self.site.offer[i])
    }

    /// `entries`, in the order of their areas, grouped by area.
    pub(super) fn offer_groups<'e>(
        &'e self,
        links: &Links,
        entries: impl IntoIterator<Item = &'e OfferEntry>,
    ) -> Vec<AreaGroup<'e>> {
        let mut groups: Vec<(&str, Vec<EntryCard>)> = Vec::new();
        for e in entries {
            if groups.last().is_none_or(|(area, _)| *area != e.area) {
                groups.push((&e.area, Vec::new()));
            }
            if let Some((_, cards)) = groups.last_mut() {
                cards.push(self.entry_card(e, links));
            }
        }
        groups
            .into_iter()
            .filter_map(|(id, entries)| {
                let area = self.site.config.area(id)?;
                Some(AreaGroup {
                    id: &area.id,
                    title: &area.title,
                    entries,
                    foreign: self.site_words(area.title_fallback),
                })
            })
            .collect()
    }

    /// An entry in a list: where it is, and who it is for.
    pub(super) fn entry_card<'e>(&'e self, e: &'e OfferEntry, links: &Links) -> EntryCard<'e> {
        EntryCard {
            key: &e.slug,
            entry: EntryView::of(e, self.strings),
            href: links.to(&Target::OfferEntry(e.slug.clone())),
            foreign: self.foreign(&e.origin),
        }
    }

    /// What the law's name for each group some of `entries` are only for
    /// means, so the names are explained where they first appear.
    /// Only the groups `keep` chooses are explained.
    pub(super) fn law_words<'e>(
        &self,
        entries: impl IntoIterator<Item = &'e OfferEntry>,
        keep: impl Fn(Group) -> bool,
    ) -> Vec<String> {
        let mut groups: Vec<Group> = entries
            .into_iter()
            .flat_map(|e| e.groups.iter().copied().filter(|g| keep(*g)))
            .collect();
        groups.sort();
        groups.dedup();
        groups.iter().map(|g| self.word(g.words()[1]).to_string()).collect()
    }

    pub(super) fn offer_entry(&self, entry: &OfferEntry, target: Target) -> PageJob {
        let links = self.links(&target);
        let content = EntryPage {
            entry: EntryDetail {
                entry: EntryView::of(entry, self.strings),
                reviewed: self.date(entry.reviewed),
                reviewed_iso: entry.reviewed.to_string(),
                area: self.site.config.area(&entry.area).map(|a| a.title.as_str()),
                area_foreign: self.site_words(self.site.config.area(&entry.area).is_some_and(|a| a.title_fallback)),
                html: to_html(&entry.body, &links, self.pictures, None),
                law_words: self.law_words([entry], |_| true),
                finder_href: links.to(&finder::target(&finder::FinderPage::Start)),
            },
            contact: self.site.config.contacts.get(&entry.contact).map(|c| self.contact(c)),
        };
        let meta = Meta {
            crumbs: vec![self.crumb(&links, self.word("offer_title"), Target::OfferIndex)],
            content_foreign: self.foreign(&entry.origin),
            original_changed: entry.origin.original_changed,
            safety: entry.safety,
            summary: Some(&entry.summary),
            ..Meta::new(target, "offer_entry.html", &entry.title)
        };
        self.framed(meta, content)
    }
}
