//! Link previews: the picture a chat app (WhatsApp, Snapchat, Signal,
//! Teams) shows under a link to a page. One card for each band, each area
//! of the local offer and each event, and one for the rest of the site,
//! in each language. This decides which cards there are, where they are
//! and what each says; `print::cards` draws them.
//!
//! Discreet by design: a card says the page's title and the site's, which
//! say nothing of care unless a page is about the law's words.

use serde::Serialize;

use super::theme::Theme;
use super::urls::{Target, language_prefix};
use crate::content::Site;
use crate::layout::CARDS;

/// The size chat apps show a large preview at (1.91:1).
pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

/// A card to draw: what its template is given.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Card {
    /// Its file, from the site's root: `cards/band-0-11.png`, or under a
    /// language's folder.
    #[serde(skip)]
    pub file: String,
    pub title: String,
    pub site: String,
    /// The band's look (`young`, `teen`, `adult`), or `general`.
    pub look: String,
    /// The theme's illustration, as SVG, if it has the one the card names.
    pub art: Option<String>,
    /// The language's tag and direction.
    #[serde(skip)]
    pub language: (String, String),
}

/// Which card a page shows: its band's, its area's, its event's or the site's.
pub fn of(site: &Site, target: &Target) -> String {
    let name = match target.list() {
        Target::Band(band) | Target::Promise { band, .. } => format!("band-{band}"),
        Target::OfferEntry(slug) => match site.offer.iter().find(|e| e.slug == *slug) {
            Some(entry) => format!("area-{}", entry.area),
            None => "site".to_string(),
        },
        Target::Event(slug) => format!("event-{slug}"),
        _ => "site".to_string(),
    };
    format!("{CARDS}/{name}.png")
}

/// Every card of the site, in its own language and each of its others.
pub fn for_site(site: &Site, theme: &Theme) -> Vec<Card> {
    let art = |name: &str| theme.illustrations.get(name).cloned();
    let config = &site.config;
    let mut cards = all(site, "", config.tag_and_dir(None), &art);
    for language in &config.languages {
        let code = language.code.get_ref();
        let translated = site.in_language(code);
        let prefix = language_prefix(Some(code));
        cards.extend(all(&translated, &prefix, config.tag_and_dir(Some(language)), &art));
    }
    cards
}

/// Every card of one language's site: `prefix` is where its pages live
/// ("" or `ar/`), `tag_dir` its language, and `illustration` finds the
/// theme's picture by name.
fn all(site: &Site, prefix: &str, tag_dir: (&str, &str), illustration: &dyn Fn(&str) -> Option<String>) -> Vec<Card> {
    let config = &site.config;
    let card = |name: String, title: &str, look: &str, art: &str| Card {
        file: format!("{prefix}{CARDS}/{name}.png"),
        title: title.to_string(),
        site: config.title.clone(),
        look: look.to_string(),
        art: illustration(art),
        language: (tag_dir.0.to_string(), tag_dir.1.to_string()),
    };
    let mut cards = vec![card("site".into(), &config.title, "general", "home")];
    cards.extend(
        config
            .bands
            .iter()
            .map(|b| card(format!("band-{}", b.id), &b.label, &b.look.to_string(), "star")),
    );
    cards.extend(
        config
            .areas
            .iter()
            .filter(|a| site.offer.iter().any(|e| e.area == a.id))
            .map(|a| card(format!("area-{}", a.id), &a.title, "adult", area_art(&a.id))),
    );
    cards.extend(
        site.events
            .iter()
            .map(|e| card(format!("event-{}", e.slug), &e.title, "teen", "sun")),
    );
    cards
}

/// The illustration for an area the law names; `compass` for the council's own.
fn area_art(area: &str) -> &'static str {
    match area {
        "health-and-wellbeing" => "heart",
        "relationships" => "people",
        "education-and-training" => "book",
        "employment" => "briefcase",
        "accommodation" => "key",
        "participation-in-society" => "chat",
        _ => "compass",
    }
}
