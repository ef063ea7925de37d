//! "What's new": an Atom feed of the "you said, we did" messages and the
//! local offer's entries, newest first, for the social workers, personal
//! advisers and foster carers who follow the site in a feed reader. An
//! entry is new again when it is reviewed.

use serde::Serialize;

use super::pages::pager::message_page;
use super::strings::Strings;
use super::urls::Target;
use crate::content::Site;

/// The feed's file, from the site's root.
pub const FILE: &str = "feed.xml";

/// Whether the site has anything to follow: a message, an offer entry or
/// an event.
pub fn exists(site: &Site) -> bool {
    !site.messages.is_empty() || !site.offer.is_empty() || !site.events.is_empty()
}

/// What `feed.xml` is given.
#[derive(Serialize)]
pub struct Feed<'a> {
    updated: String,
    entries: Vec<Entry<'a>>,
    lang: &'a str,
    t: &'a Strings,
    site_title: &'a str,
    description: &'a str,
    council: &'a str,
    base_url: &'a str,
}

#[derive(Serialize)]
struct Entry<'a> {
    /// "message", "offer" or "event".
    kind: &'static str,
    title: &'a str,
    summary: String,
    url: String,
    updated: String,
}

/// What `feed.xml` is given, in the site's own language with its words
/// `t`, or None when it has no entries.
pub fn data<'a>(site: &'a Site, base_url: &'a str, t: &'a Strings) -> Option<Feed<'a>> {
    let messages = site.messages.iter().enumerate().map(|(i, m)| {
        let url = format!("{}#{}", message_page(i).url(base_url), m.slug);
        (m.said, "message", m.title.as_str(), m.we_did.join(" "), url)
    });
    let offer = site.offer.iter().map(|e| {
        let url = Target::OfferEntry(e.slug.clone()).url(base_url);
        (e.reviewed, "offer", e.title.as_str(), e.summary.clone(), url)
    });
    // An event is dated by its day: it has no day it was written.
    let events = site.events.iter().map(|e| {
        let url = Target::Event(e.slug.clone()).url(base_url);
        (e.start.date(), "event", e.title.as_str(), e.summary.clone(), url)
    });
    let mut entries: Vec<_> = messages.chain(offer).chain(events).collect();
    // Newest first; on the same day, in the order of their titles.
    entries.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.2.cmp(b.2)));
    let updated = entries.first()?.0;
    let entries = entries
        .into_iter()
        .map(|(day, kind, title, summary, url)| Entry {
            kind,
            title,
            summary,
            url,
            updated: timestamp(day),
        })
        .collect();
    let config = &site.config;
    Some(Feed {
        updated: timestamp(updated),
        entries,
        lang: &config.language,
        t,
        site_title: &config.title,
        description: &config.description,
        council: &config.council,
        base_url,
    })
}

/// A day as Atom writes a moment: its start, in UTC.
fn timestamp(day: jiff::civil::Date) -> String {
    format!("{day}T00:00:00Z")
}
