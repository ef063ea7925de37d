//! A band's pages: the list of its promises (a page at a time), and each
//! theme's page of promises.

use serde_json::{Value, json};

use super::{PageJob, Planner, pager};
use crate::config::Band;
use crate::render::markdown::to_html;
use crate::render::urls::Target;

impl Planner<'_> {
    pub(super) fn promise_page(&self, i: usize, target: Target) -> PageJob {
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
}
