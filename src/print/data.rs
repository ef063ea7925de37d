//! What each leaflet's template is given (its `data.json`): the content of
//! one band or of the local offer in one language, with the theme's words,
//! the contacts for the back page and the pictures.

use serde::Serialize;
use serde_json::{Value, json};

use std::collections::BTreeMap;

use crate::config::{Ages, Band, Language, Look};
use crate::content::{Origin, Site};
use crate::leaving_care::Group;
use crate::render::plain;
use crate::render::strings::Strings;
use crate::render::urls::{Target, language_prefix};
use crate::render::views::{ContactView, EntryView};

use super::qr;

/// The site in one language, with the theme's words in it.
pub struct Edition<'a> {
    pub site: &'a Site,
    pub(super) strings: &'a Strings,
    /// The language as the template sets it ([`language_data`]).
    language: Value,
    /// Where its pages live: "" or `ar/`.
    pub prefix: String,
    /// The site's own language, for the words site.toml and untranslated
    /// content print in another language's leaflet; null in its own.
    pub foreign: Value,
    /// The language's tag, and its name when it is a translation.
    pub language_name: String,
}

impl<'a> Edition<'a> {
    pub fn new(site: &'a Site, language: Option<&Language>, strings: &'a Strings) -> Self {
        let config = &site.config;
        Edition {
            site,
            strings,
            language: language_data(config.tag_and_dir(language)),
            prefix: language_prefix(language.map(|l| l.code.get_ref().as_str())),
            foreign: match language {
                Some(_) => language_data(config.tag_and_dir(None)),
                None => Value::Null,
            },
            language_name: match language {
                Some(l) => format!("{}, {}", l.code.get_ref(), l.name),
                None => config.language.clone(),
            },
        }
    }

    /// One of the theme's words in this language.
    pub fn word<'k>(&'k self, key: &'k str) -> &'k str {
        self.strings.get(key).map_or(key, String::as_str)
    }

    /// The language to mark a piece of content with when it is shown
    /// untranslated; null when it is in this edition's language.
    pub(super) fn foreign(&self, origin: &Origin) -> Value {
        match origin.language {
            None => self.foreign.clone(),
            Some(_) => Value::Null,
        }
    }
}

/// The illustrations a leaflet shows, by name: each theme's, in the
/// leaflets of the bands whose pages show them (all but the `adult` look).
pub fn pictures_for(data: &Value, drawings: &BTreeMap<String, Value>) -> Value {
    if !matches!(data["look"].as_str(), Some("young" | "teen")) {
        return json!({});
    }
    let themes = data["themes"].as_array().map(Vec::as_slice).unwrap_or_default();
    let used = themes.iter().filter_map(|t| {
        let icon = t["icon"].as_str()?;
        Some((icon.to_string(), drawings.get(icon)?.clone()))
    });
    Value::Object(used.collect())
}

/// Light tints for each band's cover, in CMYK percentages.
fn tint(look: Option<Look>) -> [u8; 4] {
    match look {
        Some(Look::Young) => [10, 22, 0, 0],
        Some(Look::Teen) => [16, 0, 9, 0],
        Some(Look::Adult) => [14, 6, 0, 0],
        None => [0, 9, 18, 0],
    }
}

/// A language as the template sets it, from its tag and direction: typst
/// takes an ISO 639 language and an ISO 3166 region of two letters.
pub(super) fn language_data((tag, dir): (&str, &str)) -> Value {
    let tag = crate::config::language_tag(tag).ok();
    let language = tag.as_ref().map_or("en", |t| t.primary_language());
    let region = tag.as_ref().and_then(|t| t.region()).filter(|r| r.len() == 2);
    json!({
        "tag": tag.as_ref().map_or("en", |t| t.as_str()),
        "lang": language.to_lowercase(),
        "region": region.map(str::to_uppercase),
        "dir": dir,
    })
}

/// What every leaflet's template is given, around its content.
#[derive(Serialize)]
pub(super) struct Common<'a> {
    language: &'a Value,
    title: &'a str,
    /// The title's language, when it is site.toml's words in another
    /// language's leaflet.
    title_lang: &'a Value,
    subtitle: &'a str,
    own_lang: &'a Value,
    site: &'a str,
    council: &'a str,
    document_title: String,
    t: &'a Strings,
    qr_alt: String,
    url: &'a str,
    qr: Option<qr::Qr>,
    tint: [u8; 4],
    text_size: u8,
    large: bool,
    look: Option<String>,
}

/// A band's leaflet: its themes of promises.
#[derive(Serialize)]
struct BandLeaflet<'a> {
    #[serde(flatten)]
    common: Common<'a>,
    kind: &'static str,
    intro: &'a str,
    themes: Vec<ThemeData<'a>>,
    back: Back<'a>,
}

#[derive(Serialize)]
struct ThemeData<'a> {
    lang: Value,
    title: &'a str,
    summary: &'a str,
    icon: &'a str,
    promises: Vec<PromiseData<'a>>,
}

#[derive(Serialize)]
struct PromiseData<'a> {
    text: &'a str,
    links: Vec<LinkData>,
}

/// A link in the content as a leaflet prints it: the address a reader can
/// type (without `https://`) and the one a PDF viewer opens.
#[derive(Serialize)]
pub(super) struct LinkData {
    url: String,
    pub(super) short: String,
}

/// The back page: who to talk to, who to call when their office is
/// closed, and the national helplines.
#[derive(Serialize)]
pub(super) struct Back<'a> {
    contacts: Vec<ContactView<'a>>,
    closed: Vec<ContactView<'a>>,
    lines: Vec<ContactView<'a>>,
}

/// The local offer's leaflet: its entries by area, and which group of care
/// leaver a reader is in.
#[derive(Serialize)]
struct OfferLeaflet<'a> {
    #[serde(flatten)]
    common: Common<'a>,
    kind: &'static str,
    intro: &'a str,
    back: Back<'a>,
    areas: Vec<AreaData<'a>>,
    chart: Vec<GroupData<'a>>,
}

#[derive(Serialize)]
struct AreaData<'a> {
    title: &'a str,
    entries: Vec<EntryData<'a>>,
}

/// An entry as the leaflet prints it: what the site shows, with its
/// contact in full, since paper has no link to follow.
#[derive(Serialize)]
struct EntryData<'a> {
    #[serde(flatten)]
    entry: EntryView<'a>,
    lang: Value,
    contact: Option<ContactView<'a>>,
}

/// A group of care leaver in "Which group am I in?".
#[derive(Serialize)]
struct GroupData<'a> {
    name: &'a str,
    ages: String,
    ways: Vec<Vec<&'a str>>,
}

/// What every leaflet's template is given. `title` is in the leaflet's
/// language when `translated_title`; the subtitle is always site.toml's.
pub(super) fn common<'a>(
    edition: &'a Edition,
    title: &'a str,
    subtitle: &'a str,
    translated_title: bool,
    look: Option<Look>,
    url: &'a str,
) -> Common<'a> {
    let config = &edition.site.config;
    Common {
        language: &edition.language,
        title,
        title_lang: if translated_title {
            &Value::Null
        } else {
            &edition.foreign
        },
        subtitle,
        own_lang: &edition.foreign,
        site: &config.title,
        council: &config.council,
        document_title: format!("{subtitle}: {title}"),
        t: edition.strings,
        qr_alt: edition.word("leaflet_qr_alt").replace("{url}", url),
        url,
        qr: qr::encode(url),
        tint: tint(look),
        // Younger children get the larger type their web pages have.
        text_size: if look == Some(Look::Young) { 13 } else { 11 },
        large: false,
        look: look.map(|l| l.to_string()),
    }
}

pub fn band_data(edition: &Edition, band: &Band) -> Value {
    let site = edition.site;
    let base = site.config.base_url();
    let url = Target::Band(band.id.clone()).url_in(&base, &edition.prefix);
    let themes = site
        .band_pages(&band.id)
        .map(|p| ThemeData {
            lang: edition.foreign(&p.origin),
            title: &p.title,
            summary: &p.summary,
            icon: &p.icon,
            promises: p
                .promises
                .iter()
                .map(|promise| PromiseData {
                    text: &promise.text,
                    links: promise.links.iter().filter_map(|href| link_data(href, &base)).collect(),
                })
                .collect(),
        })
        .collect();
    plain(BandLeaflet {
        common: common(edition, &site.config.title, &band.label, false, Some(band.look), &url),
        kind: "band",
        intro: match band.look {
            Look::Young => edition.word("leaflet_intro_young"),
            Look::Teen => edition.word("leaflet_intro_teen"),
            Look::Adult => edition.word("leaflet_intro_adult"),
        },
        themes,
        back: back_data(
            site,
            band.contact.iter().map(|key| key.get_ref().as_str()),
            Ages::parse(band.ages.get_ref()),
        ),
    })
}

/// A link in the content as a leaflet prints it. None for a link within
/// the same page, which paper has no use for.
pub(super) fn link_data(href: &str, base: &str) -> Option<LinkData> {
    let url = match href.strip_prefix('/') {
        Some(path) => format!("{base}{path}"),
        None if href.contains(':') => href.to_string(),
        None => return None,
    };
    let short = ["https://", "http://", "mailto:", "tel:"]
        .iter()
        .find_map(|scheme| url.strip_prefix(scheme))
        .unwrap_or(&url)
        .to_string();
    Some(LinkData { url, short })
}

/// The back page: who to talk to (`contacts`, keys of site.toml's
/// contacts), who to call when their office is closed (the help contacts
/// that are no band's contact), and the national helplines for readers
/// aged `ages`.
pub(super) fn back_data<'a>(site: &'a Site, contacts: impl Iterator<Item = &'a str>, ages: Option<Ages>) -> Back<'a> {
    let config = &site.config;
    let view = |key: &str| config.contacts.get(key).map(ContactView::of);
    let band_contacts: Vec<&str> = config
        .bands
        .iter()
        .filter_map(|b| b.contact.as_ref().map(|c| c.get_ref().as_str()))
        .collect();
    let closed = config
        .help
        .contacts
        .iter()
        .map(|key| key.get_ref().as_str())
        .filter(|key| !band_contacts.contains(key))
        .filter_map(view)
        .collect();
    Back {
        contacts: contacts.filter_map(view).collect(),
        closed,
        lines: config
            .help
            .lines
            .iter()
            .filter(|line| line.serves(ages))
            .map(ContactView::of)
            .collect(),
    }
}

pub fn offer_data(edition: &Edition) -> Value {
    let site = edition.site;
    let url = Target::OfferIndex.url_in(&site.config.base_url(), &edition.prefix);
    let areas = site
        .offer_by_area(|_| true)
        .into_iter()
        .map(|(area, entries)| AreaData {
            title: &area.title,
            entries: entries
                .into_iter()
                .map(|e| EntryData {
                    entry: EntryView::of(e, edition.strings),
                    lang: edition.foreign(&e.origin),
                    contact: site.config.contacts.get(&e.contact).map(ContactView::of),
                })
                .collect(),
        })
        .collect();
    // Care leavers talk to the contact of the oldest readers' bands.
    let adults: Vec<_> = site.config.bands.iter().filter(|b| b.look == Look::Adult).collect();
    let ages = adults
        .iter()
        .filter_map(|b| Ages::parse(b.ages.get_ref()))
        .reduce(|a, b| Ages {
            from: a.from.min(b.from),
            to: a.to.max(b.to),
        });
    plain(OfferLeaflet {
        common: common(
            edition,
            edition.word("offer_title"),
            &site.config.title,
            true,
            None,
            &url,
        ),
        kind: "offer",
        intro: edition.word("offer_lead"),
        back: back_data(
            site,
            adults
                .iter()
                .filter_map(|b| b.contact.as_ref().map(|c| c.get_ref().as_str())),
            ages,
        ),
        areas,
        chart: chart(edition),
    })
}

/// "Which group am I in?": each group of care leaver, its ages and the
/// answers that lead to it, from the rules the finder on the site asks by.
fn chart<'a>(edition: &'a Edition) -> Vec<GroupData<'a>> {
    Group::ALL
        .iter()
        .map(|group| {
            let [name, _, _] = group.words();
            let ways: Vec<Vec<&str>> = group
                .ways()
                .iter()
                .map(|way| {
                    way.iter()
                        .map(|(fact, yes)| edition.word(fact.words()[if *yes { 2 } else { 3 }]))
                        .collect()
                })
                .collect();
            let (from, to, oldest) = group.ages();
            let ages = match oldest {
                Some(oldest) => edition
                    .word("leaflet_chart_ages_education")
                    .replace("{oldest}", &oldest.to_string()),
                None => edition.word("leaflet_chart_ages").to_string(),
            };
            let ages = ages
                .replace("{from}", &from.to_string())
                .replace("{to}", &to.to_string());
            GroupData {
                name: edition.word(name),
                ages,
                ways,
            }
        })
        .collect()
}
