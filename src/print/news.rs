//! What a newsletter's template is given: the quarter's messages, the
//! offer entries checked in it and the events to come, each with a QR code
//! that leads to it on the site, and the back page every leaflet has.

use jiff::civil::Date;
use serde::Serialize;
use serde_json::Value;

use super::data::{Edition, back_data, common, link_data};
use super::qr;
use crate::config::Period;
use crate::content::{Event, Message, OfferEntry, Origin};
use crate::render::dates;
use crate::render::plain;
use crate::render::urls::Target;
use crate::render::views::ContactView;

#[derive(Serialize)]
struct NewsLeaflet<'a> {
    #[serde(flatten)]
    common: super::data::Common<'a>,
    kind: &'static str,
    intro: &'a str,
    sections: Vec<Section<'a>>,
    back: super::data::Back<'a>,
}

/// A part of the newsletter, and what to say when it has nothing.
#[derive(Serialize)]
struct Section<'a> {
    title: &'a str,
    lead: &'a str,
    none: &'a str,
    items: Vec<Item<'a>>,
}

/// A message, entry or event, in one shape: its words, the facts and lists
/// under it, and where its QR code leads.
#[derive(Serialize)]
struct Item<'a> {
    lang: Value,
    title: String,
    text: String,
    facts: Vec<[String; 2]>,
    lists: Vec<List>,
    /// Who to contact about it, for an offer entry.
    contact: Option<ContactView<'a>>,
    url: String,
    /// The address as a reader types it, without `https://`.
    short: String,
    qr: Option<qr::Qr>,
    qr_alt: String,
}

#[derive(Serialize)]
struct List {
    label: String,
    items: Vec<String>,
}

/// Where the newsletter for `period` is on the site: its page when
/// `[newsletter]` names it, else None.
pub fn page(edition: &Edition, period: &Period) -> Option<Target> {
    edition
        .site
        .config
        .newsletter
        .periods()
        .contains(period)
        .then(|| Target::News(period.id()))
}

/// The newsletter for `period` as it stands on `today`, in `edition`'s
/// language.
pub fn news_data(edition: &Edition, period: &Period, today: Date) -> Value {
    let site = edition.site;
    let base = site.config.base_url();
    let at = |target: &Target| target.url_in(&base, &edition.prefix);
    let home = page(edition, period);
    let url = at(home.as_ref().unwrap_or(&Target::Home));
    let news = site.news(*period, today);
    let strings = edition.strings;
    // An item with no lists and no contact: a message adds its lists, an
    // entry its contact.
    let item = |origin: &Origin, title: String, text: &str, facts, url: String| {
        let short = link_data(&url, &base).map(|l| l.short).unwrap_or_default();
        Item {
            lang: edition.foreign(origin),
            title,
            text: text.to_string(),
            facts,
            lists: Vec::new(),
            contact: None,
            qr: qr::encode(&url),
            qr_alt: edition.word("leaflet_qr_alt").replace("{url}", &url),
            short,
            url,
        }
    };
    let message = |m: &'_ Message| {
        let url = match &home {
            Some(target) => format!("{}#{}", at(target), m.slug),
            None => at(&Target::Messages),
        };
        let said = edition
            .word("you_told_us")
            .replace("{date}", &dates::month_year(strings, m.said));
        let lists = vec![
            List {
                label: edition.word("what_we_did").to_string(),
                items: m.we_did.clone(),
            },
            List {
                label: edition.word("what_next").to_string(),
                items: m.next.clone(),
            },
        ];
        let title = format!("“{}”", m.title);
        Item {
            lists,
            ..item(&m.origin, title, "", vec![[String::new(), said]], url)
        }
    };
    let entry = |e: &'_ OfferEntry| {
        let facts = vec![[edition.word("how_to_get_it").to_string(), e.how_to_get_it.clone()]];
        let url = at(&Target::OfferEntry(e.slug.clone()));
        Item {
            contact: site.config.contacts.get(&e.contact).map(ContactView::of),
            ..item(&e.origin, e.title.clone(), &e.summary, facts, url)
        }
    };
    let event = |e: &'_ Event| {
        let mut facts = vec![[edition.word("event_when_label").to_string(), dates::when(strings, e)]];
        let place = if e.place.is_empty() {
            edition.word("event_online").to_string()
        } else {
            e.place.clone()
        };
        facts.push([edition.word("event_where").to_string(), place]);
        if !e.cost.is_empty() {
            facts.push([edition.word("event_cost").to_string(), e.cost.clone()]);
        }
        let booking = match &e.booking {
            Some(b) => b.clone(),
            None => edition.word("event_just_turn_up").to_string(),
        };
        facts.push([edition.word("event_book").to_string(), booking]);
        let url = at(&Target::Event(e.slug.clone()));
        item(&e.origin, e.title.clone(), &e.summary, facts, url)
    };
    let sections = vec![
        Section {
            title: edition.word("news_messages"),
            lead: "",
            none: edition.word("news_messages_none"),
            items: news.messages.iter().map(|m| message(m)).collect(),
        },
        Section {
            title: edition.word("news_offer"),
            lead: edition.word("news_offer_lead"),
            none: "",
            items: news.entries.iter().map(|e| entry(e)).collect(),
        },
        Section {
            title: edition.word("news_events"),
            lead: "",
            none: edition.word("news_events_none"),
            items: news.events.iter().map(|e| event(e)).collect(),
        },
    ];
    let title = edition
        .word("news_title")
        .replace("{period}", &dates::period(strings, period));
    // Every band's contact, once each: the newsletter is for every age.
    let mut contacts: Vec<&str> = Vec::new();
    for key in site.config.bands.iter().filter_map(|b| b.contact.as_ref()) {
        if !contacts.contains(&key.get_ref().as_str()) {
            contacts.push(key.get_ref());
        }
    }
    plain(NewsLeaflet {
        common: common(edition, &title, &site.config.title, true, None, &url),
        kind: "newsletter",
        intro: edition.word("news_lead"),
        sections,
        back: back_data(site, contacts.into_iter(), None),
    })
}
