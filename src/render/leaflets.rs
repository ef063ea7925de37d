//! Where each leaflet is published: the pages link to it, and the press
//! writes it there.

use crate::content::Site;
use crate::layout::{LEAFLETS, NEWS, OFFER};

/// What a leaflet is about.
#[derive(Clone, Copy)]
pub enum Subject<'a> {
    /// A band's promises, by the band's id.
    Band(&'a str),
    /// The local offer.
    Offer,
    /// A newsletter, by its id: `2026-q4`.
    News(&'a str),
}

/// Where the leaflet about `subject` is, from the site's root, for the
/// readers of the pages under `prefix` ("" or "ar/"); `site` is the site in
/// their language. A language gets its own leaflet once part of it is
/// translated: until then its readers get the site's own, rather than a
/// leaflet of the same words with a translated cover. None when there is
/// no local offer.
pub fn file(site: &Site, subject: Subject, prefix: &str) -> Option<String> {
    let (name, translated) = match subject {
        Subject::Band(band) => (
            band.to_string(),
            site.band_pages(band).any(|p| p.origin.language.is_some()),
        ),
        Subject::Offer if site.offer.is_empty() => return None,
        Subject::Offer => (
            OFFER.to_string(),
            site.offer.iter().any(|e| e.origin.language.is_some()),
        ),
        // A newsletter is mostly messages, entries and events.
        Subject::News(id) => (
            format!("{NEWS}-{id}"),
            site.messages.iter().any(|m| m.origin.language.is_some())
                || site.offer.iter().any(|e| e.origin.language.is_some())
                || site.events.iter().any(|e| e.origin.language.is_some()),
        ),
    };
    let prefix = if translated { prefix } else { "" };
    Some(format!("{prefix}{LEAFLETS}/{name}.pdf"))
}
