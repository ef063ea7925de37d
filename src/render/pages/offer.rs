//! The local offer: its list by area (a page at a time), and each entry's
//! page.

use serde_json::{Value, json};

use super::{PageJob, Planner, finder, pager};
use crate::content::{Kind, OfferEntry};
use crate::render::markdown::to_html;
use crate::render::urls::{Links, Target};
use crate::render::views::offer_view;

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
    pub(super) fn in_order(&self) -> impl Iterator<Item = &OfferEntry> {
        self.index.offer.iter().map(|&i| &self.site.offer[i])
    }

    /// `entries`, in the order of their areas, grouped by area.
    pub(super) fn offer_groups<'e>(
        &self,
        links: &Links,
        entries: impl IntoIterator<Item = &'e OfferEntry>,
    ) -> Vec<Value> {
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
    pub(super) fn entry_view(&self, e: &OfferEntry, links: &Links) -> Value {
        let mut view = offer_view(e);
        view["href"] = json!(links.to(&Target::OfferEntry(e.slug.clone())));
        view["foreign"] = self.foreign(&e.origin);
        view["groups"] = json!(crate::render::strings::groups_sentence(self.strings, &e.groups));
        view
    }

    /// What the law's name for each group some of `entries` are only for
    /// means, so the names are explained where they first appear.
    /// Only the groups `keep` chooses are explained.
    pub(super) fn law_words<'e>(
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

    pub(super) fn offer_entry(&self, entry: &OfferEntry, target: Target) -> PageJob {
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
                "groups": crate::render::strings::groups_sentence(self.strings, &entry.groups),
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
}
