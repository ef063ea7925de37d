//! "What can I get at 17?": the local offer for one age, what the law says
//! first and then the council's extras, with a way to find out which group
//! of care leaver the reader is in.

use serde::Serialize;

use super::about::ContactCard;
use super::frame::Meta;
use super::offer::EntryCard;
use super::pager::{self, Pager};
use super::{PageJob, Planner, finder};
use crate::config::Band;
use crate::content::{Kind, OfferEntry};
use crate::leaving_care::{self, Group, Path};
use crate::render::urls::{Links, Target};

/// A page of the offer at one age.
#[derive(Serialize)]
struct OfferAge<'a> {
    age: u8,
    legal: Vec<EntryCard<'a>>,
    extra: Vec<EntryCard<'a>>,
    pager: Option<Pager>,
    ages: Vec<AgeLink>,
    law_words: Vec<String>,
    finder_href: String,
    contact: Option<ContactCard<'a>>,
}

/// A link to the offer at one age.
#[derive(Serialize)]
pub(super) struct AgeLink {
    age: u8,
    href: String,
    current: bool,
}

impl Planner<'_> {
    /// A page (from 1) of what a young person of `age` can get.
    pub(super) fn offer_age(&self, age: u8, page: usize) -> PageJob {
        let list = Target::OfferAge(age);
        let target = list.page(page);
        let links = self.links(&target);
        let all = self.index.ages.get(&age).map_or(&[][..], Vec::as_slice);
        let pages = pager::count(all.len(), pager::CARDS);
        let here: Vec<&OfferEntry> = pager::slice(all, page, pager::CARDS)
            .iter()
            .map(|&i| &self.site.offer[i])
            .collect();
        let (legal, extra) = self.split(here.iter().copied(), &links);
        let finder = finder::target(&finder::FinderPage::At(Path::start(age)));
        let content = OfferAge {
            age,
            legal,
            extra,
            pager: self.pager(&links, &list, page, pages),
            ages: self.offer_ages(&links, |_| true, Some(age)),
            law_words: self.law_words(here.iter().copied(), |g| g.at(age)),
            finder_href: links.to(&finder),
            contact: self.contact_for(age),
        };
        let title = self.word("offer_at_age").replace("{age}", &age.to_string());
        let title = self.paged_title(&title, page, pages);
        let meta = Meta {
            crumbs: vec![self.crumb(&links, self.word("offer_title"), Target::OfferIndex)],
            ..Meta::new(target, "offer_age.html", &title)
        };
        self.framed(meta, content)
    }

    /// The first `limit` entries a young person of `age` in `group` can
    /// get: what the law says, then the council's extras, each in the
    /// order of the areas; and how many there are in all.
    pub(super) fn entries_for(
        &self,
        age: u8,
        group: Group,
        limit: usize,
        links: &Links,
    ) -> (Vec<EntryCard<'_>>, Vec<EntryCard<'_>>, usize) {
        let all = self.index.ages.get(&age).map_or(&[][..], Vec::as_slice);
        let mut chosen = all
            .iter()
            .map(|&i| &self.site.offer[i])
            .filter(|e| e.is_for(age, Some(group)));
        let (legal, extra) = self.split(chosen.by_ref().take(limit), links);
        let count = legal.len() + extra.len() + chosen.count();
        (legal, extra, count)
    }

    /// Entries as cards: what the law gives, and the extras.
    fn split<'e>(
        &'e self,
        entries: impl Iterator<Item = &'e OfferEntry>,
        links: &Links,
    ) -> (Vec<EntryCard<'e>>, Vec<EntryCard<'e>>) {
        let (legal, extra): (Vec<&OfferEntry>, Vec<&OfferEntry>) = entries.partition(|e| e.kind == Kind::Legal);
        let cards = |entries: Vec<&'e OfferEntry>| entries.into_iter().map(|e| self.entry_card(e, links)).collect();
        (cards(legal), cards(extra))
    }

    /// A link for each age the local offer is for that `keep` chooses, the
    /// current one marked.
    pub(super) fn offer_ages(&self, links: &Links, keep: impl Fn(u8) -> bool, current: Option<u8>) -> Vec<AgeLink> {
        leaving_care::OFFER_AGES
            .filter(|age| keep(*age))
            .map(|age| AgeLink {
                age,
                href: links.to(&Target::OfferAge(age)),
                current: current == Some(age),
            })
            .collect()
    }

    /// Who to ask: the contact of the band for the reader's age (the
    /// oldest band's for those past it).
    pub(super) fn contact_for(&self, age: u8) -> Option<ContactCard<'_>> {
        self.band_contact(self.band_to_ask(age)?)
    }

    /// The band whose contact a reader of `age` asks.
    pub(super) fn band_to_ask(&self, age: u8) -> Option<&Band> {
        let age = age.min(*leaving_care::OFFER_AGES.end());
        self.site.config.bands.iter().find(|b| b.ages().contains(age))
    }
}
