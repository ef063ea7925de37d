//! "What can I get at 17?": the local offer for one age, what the law says
//! first and then the council's extras, with a way to find out which group
//! of care leaver the reader is in.

use serde_json::{Value, json};

use super::{PageJob, Planner, finder};
use crate::content::Kind;
use crate::leaving_care::{self, Group, Path};
use crate::render::urls::{Links, Target};

impl Planner<'_> {
    pub(super) fn offer_age(&self, age: u8) -> PageJob {
        let target = Target::OfferAge(age);
        let links = self.links(&target);
        let (legal, extra) = self.entries_for(age, None, &links);
        let finder = finder::target(&finder::FinderPage::At(Path::start(age)));
        let extra = json!({
            "age": age,
            "legal": legal,
            "extra": extra,
            "ages": self.offer_ages(&links, |_| true, Some(age)),
            "law_words": self.law_words(self.site.offer.iter().filter(|e| e.is_for(age, None)), |g| g.at(age)),
            "finder_href": links.to(&finder),
            "contact": self.contact_for(age),
        });
        let title = self.word("offer_at_age").replace("{age}", &age.to_string());
        let crumbs = vec![self.crumb(&links, self.word("offer_title"), Target::OfferIndex)];
        self.job_data(target, "offer_age.html", &title, crumbs, None, extra, "local-offer/")
    }

    /// The entries a young person of `age` (in `group`, when known) can
    /// get: what the law says, then the council's extras, each in the
    /// order of the areas.
    pub(super) fn entries_for(&self, age: u8, group: Option<Group>, links: &Links) -> (Vec<Value>, Vec<Value>) {
        let of_kind = |kind: Kind| -> Vec<Value> {
            self.site
                .offer
                .iter()
                .filter(|e| e.kind == kind && e.is_for(age, group))
                .map(|e| self.entry_view(e, links))
                .collect()
        };
        (of_kind(Kind::Legal), of_kind(Kind::Extra))
    }

    /// A link for each age the local offer is for that `keep` chooses, the
    /// current one marked.
    pub(super) fn offer_ages(&self, links: &Links, keep: impl Fn(u8) -> bool, current: Option<u8>) -> Vec<Value> {
        leaving_care::OFFER_AGES
            .filter(|age| keep(*age))
            .map(|age| json!({ "age": age, "href": links.to(&Target::OfferAge(age)), "current": current == Some(age) }))
            .collect()
    }

    /// Who to ask: the contact of the band for the reader's age (the
    /// oldest band's for those past it).
    pub(super) fn contact_for(&self, age: u8) -> Option<Value> {
        let age = age.min(*leaving_care::OFFER_AGES.end());
        let band = self.site.config.bands.iter().find(|b| b.ages().contains(age))?;
        self.band_contact(band)
    }
}
