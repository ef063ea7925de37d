//! "What's new": an Atom feed of the "you said, we did" messages and the
//! local offer's entries, newest first, for the social workers, personal
//! advisers and foster carers who follow the site in a feed reader. An
//! entry is new again when it is reviewed.

use serde_json::{Value, json};

use super::pages::pager::message_page;
use super::urls::Target;
use crate::content::Site;

/// The feed's file, from the site's root.
pub const FILE: &str = "feed.xml";

/// Whether the site has anything to follow: a message or an offer entry.
pub fn exists(site: &Site) -> bool {
    !site.messages.is_empty() || !site.offer.is_empty()
}

/// What `feed.xml` is given about its entries, or None when it has none.
pub fn data(site: &Site, base_url: &str) -> Option<Value> {
    let messages = site.messages.iter().enumerate().map(|(i, m)| {
        let url = format!("{}#{}", message_page(i).url(base_url), m.slug);
        (m.said, "message", m.title.as_str(), m.we_did.join(" "), url)
    });
    let offer = site.offer.iter().map(|e| {
        let url = Target::OfferEntry(e.slug.clone()).url(base_url);
        (e.reviewed, "offer", e.title.as_str(), e.summary.clone(), url)
    });
    let mut entries: Vec<_> = messages.chain(offer).collect();
    // Newest first; on the same day, in the order of their titles.
    entries.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.2.cmp(b.2)));
    let updated = entries.first()?.0;
    let entries: Vec<Value> = entries
        .into_iter()
        .map(|(day, kind, title, summary, url)| {
            json!({ "kind": kind, "title": title, "summary": summary, "url": url, "updated": timestamp(day) })
        })
        .collect();
    Some(json!({ "updated": timestamp(updated), "entries": entries }))
}

/// A day as Atom writes a moment: its start, in UTC.
fn timestamp(day: jiff::civil::Date) -> String {
    format!("{day}T00:00:00Z")
}
