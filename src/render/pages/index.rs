//! The site's lists, found once for all its pages.

use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::content::{Kind, Site};

/// Which promise pages and offer entries each list holds, as indices into
/// the site's, so no page searches the whole site again.
#[derive(Clone)]
pub(super) struct Index {
    /// Each band's promise pages, by band id.
    pub(super) band_pages: BTreeMap<String, Vec<usize>>,
    /// How many offer entries are for each band's ages, by band id.
    pub(super) band_offer: BTreeMap<String, usize>,
    /// The local offer in the order of its areas.
    pub(super) offer: Vec<usize>,
    /// Where each area starts in `offer`, in order.
    pub(super) areas: Vec<(String, usize)>,
    /// Each age's entries: what the law gives, then the extras.
    pub(super) ages: BTreeMap<u8, Vec<usize>>,
    /// The events still to come (or on today), soonest first.
    pub(super) upcoming: Vec<usize>,
}

impl Index {
    pub(super) fn of(site: &Site, today: Date) -> Index {
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
        let upcoming = (0..site.events.len())
            .filter(|i| !site.events[*i].is_past(today))
            .collect();
        Index {
            upcoming,
            band_pages,
            band_offer,
            offer,
            areas,
            ages,
        }
    }
}
