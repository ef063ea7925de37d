//! What every page has around its own content: its title, language and
//! alternates, the header's bands, the footer, the breadcrumbs and links to
//! the leaflet, the feed and the theme's files.

use std::collections::BTreeMap;

use serde::Serialize;

use super::Foreign;
use super::{Crumb, PageJob, Planner};
use crate::config::Band;
use crate::render::leaflets::{self, Subject};
use crate::render::strings::Strings;
use crate::render::urls::{Links, Target, language_prefix};

/// What a page says about itself, for the frame around it.
pub(super) struct Meta<'p> {
    pub target: Target,
    pub template: &'static str,
    pub title: &'p str,
    pub crumbs: Vec<Crumb<'p>>,
    /// The band the page belongs to, when it is not a promise page (whose
    /// band is in its address).
    pub band: Option<&'p Band>,
    /// Set when the page's own content is shown untranslated on a page in
    /// another language.
    pub content_foreign: Option<Foreign<'p>>,
    /// Whether the page has "Exit this page": `safety: true` in its file,
    /// and "Need help now?".
    pub safety: bool,
    /// Set on a translated page whose original has changed since it was
    /// translated: it says so, with a link to the original.
    pub original_changed: bool,
    /// What the page is about in a sentence, for a link's preview; the
    /// site's description when none.
    pub summary: Option<&'p str>,
}

impl<'p> Meta<'p> {
    /// A page titled `title`, with no breadcrumbs, of no band, in the
    /// pages' language and with no way off it.
    pub fn new(target: Target, template: &'static str, title: &'p str) -> Self {
        Meta {
            target,
            template,
            title,
            crumbs: Vec::new(),
            band: None,
            content_foreign: None,
            safety: false,
            original_changed: false,
            summary: None,
        }
    }
}

/// The frame's data, given to every template beside the page's own.
#[derive(Serialize)]
struct Frame<'a> {
    lang: &'a str,
    dir: &'a str,
    content_foreign: Option<Foreign<'a>>,
    alternates: Vec<Alternate<'a>>,
    /// site.toml's language, on a page in another where the site's title
    /// (`own`) or the council's name is not translated.
    own: Option<Foreign<'a>>,
    council_foreign: Option<Foreign<'a>>,
    site_title: &'a str,
    council: &'a str,
    description: &'a str,
    title: &'a str,
    head_title: String,
    canonical: Option<String>,
    listed: bool,
    root: String,
    csp: &'static str,
    feed_href: Option<String>,
    manifest_href: String,
    offline: Option<Offline<'a>>,
    css: String,
    icon_href: String,
    assets: BTreeMap<&'a str, String>,
    home_href: String,
    help_href: String,
    offer_href: String,
    messages_href: String,
    /// "What's on", when the site has events.
    events_href: Option<String>,
    section: &'static str,
    look: String,
    band: Option<BandLink<'a>>,
    bands: Vec<BandLink<'a>>,
    footer: Vec<FooterLink<'a>>,
    crumbs: Vec<Crumb<'a>>,
    /// "Exit this page", on a page that has it.
    exit: Option<Exit<'a>>,
    /// The page in the site's own language, when it has changed since this
    /// translation of it was made.
    original: Option<Original<'a>>,
    leaflet: Option<Leaflet>,
    leaflet_lang: Option<LeafletLanguage<'a>>,
    /// What a chat app shows with a link to the page.
    preview: Option<Preview<'a>>,
    /// The script of "Share", for a page that has the button.
    share_script: String,
    /// The script of "Listen to this page", for a page that has it.
    listen_script: String,
    /// The theme's words in the page's language.
    t: &'a Strings,
}

/// A link preview (Open Graph and Twitter cards): the page's title and
/// summary, and its card, at full addresses as chat apps need them.
#[derive(Serialize)]
struct Preview<'a> {
    title: &'a str,
    description: &'a str,
    url: String,
    image: String,
    image_alt: String,
    /// `en_GB`, as Open Graph writes a language, and the page's others.
    locale: String,
    alternates: Vec<String>,
}

/// The same page in another language, for the switcher and for search
/// engines (hreflang).
#[derive(Serialize)]
struct Alternate<'a> {
    lang: &'a str,
    name: &'a str,
    dir: &'a str,
    href: String,
    url: String,
    current: bool,
}

/// "Exit this page": where it goes, the script that leaves without a trace
/// in the back button, and the page on using the site safely.
#[derive(Serialize)]
struct Exit<'a> {
    url: &'a str,
    script: String,
    /// None on that page itself.
    safety_href: Option<String>,
}

/// The original of a translated page that has changed since.
#[derive(Serialize)]
struct Original<'a> {
    href: String,
    lang: &'a str,
    /// The site's own language, by its name in itself.
    language: &'a str,
}

/// "Save to read offline", on the home page and the band pages.
#[derive(Serialize)]
struct Offline<'a> {
    root: String,
    prefix: &'a str,
    script: String,
}

/// A band in the header's menu, or the band a page belongs to.
#[derive(Serialize)]
struct BandLink<'a> {
    id: &'a str,
    label: &'a str,
    /// Set when the label is not translated into the page's language.
    foreign: Option<Foreign<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    look: Option<String>,
    href: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    current: Option<bool>,
}

#[derive(Serialize)]
struct FooterLink<'a> {
    title: &'a str,
    href: String,
    foreign: Option<Foreign<'a>>,
}

/// The leaflet a page can be printed as, and its large print edition.
#[derive(Serialize)]
struct Leaflet {
    href: String,
    large: String,
}

/// The language of a leaflet not yet translated into the page's, by its
/// name in itself.
#[derive(Serialize)]
struct LeafletLanguage<'a> {
    lang: &'a str,
    name: &'a str,
}

/// A page's data: the frame's, then the page's own.
#[derive(Serialize)]
struct Page<'a, C> {
    #[serde(flatten)]
    frame: Frame<'a>,
    #[serde(flatten)]
    content: C,
}

impl Planner<'_> {
    /// A page ready to render: the frame around `content`.
    pub(super) fn framed(&self, meta: Meta, content: impl Serialize) -> PageJob {
        let links = self.links(&meta.target);
        let frame = self.frame(&meta, &links);
        let context = crate::render::plain(Page { frame, content });
        PageJob {
            target: meta.target,
            template: meta.template,
            context,
        }
    }

    fn frame<'f>(&'f self, meta: &'f Meta, links: &Links) -> Frame<'f> {
        let config = &self.site.config;
        let target = &meta.target;
        // A page inside a band also shows that band's name in its title.
        let band = meta.band.or_else(|| match target {
            Target::Promise { band, .. } => config.band(band),
            _ => None,
        });
        let head_title = match (target, band) {
            (Target::Home, _) => config.title.clone(),
            (Target::Promise { .. }, Some(b)) => format!("{} – {} – {}", meta.title, b.label, config.title),
            _ => format!("{} – {}", meta.title, config.title),
        };
        let (lang, dir) = config.tag_and_dir(self.language);
        let (leaflet, leaflet_lang) = self.leaflet(target, links);
        Frame {
            lang,
            dir,
            content_foreign: meta.content_foreign,
            alternates: self.alternates(target, links),
            own: self.site_words(config.title_fallback),
            council_foreign: self.site_words(config.council_fallback),
            site_title: &config.title,
            council: &config.council,
            description: &config.description,
            title: meta.title,
            head_title,
            canonical: (*target != Target::NotFound).then(|| target.url_in(&self.base_url, &self.prefix)),
            listed: target.listed(),
            root: links.root().to_string(),
            csp: crate::render::policy::CONTENT,
            feed_href: crate::render::feed::exists(self.site).then(|| links.file(crate::render::feed::FILE)),
            manifest_href: links.file(crate::render::offline::MANIFEST),
            offline: matches!(target, Target::Home | Target::Band(_)).then(|| Offline {
                root: links.root().to_string(),
                prefix: &self.prefix,
                script: self.asset(links, "offline.js"),
            }),
            css: self.asset(links, "site.css"),
            icon_href: self.asset(links, "icon.svg"),
            assets: self
                .assets
                .iter()
                .map(|(name, path)| (name.as_str(), links.file(path)))
                .collect(),
            home_href: links.to(&Target::Home),
            help_href: links.to(&Target::Help),
            offer_href: links.to(&Target::OfferIndex),
            messages_href: links.to(&Target::Messages),
            events_href: (!self.site.events.is_empty()).then(|| links.to(&Target::Events)),
            section: section(target),
            look: band.map_or("general".to_string(), |b| b.look.to_string()),
            band: band.map(|b| BandLink {
                id: &b.id,
                label: &b.label,
                foreign: self.site_words(b.label_fallback),
                look: None,
                href: links.to(&Target::Band(b.id.clone())),
                current: None,
            }),
            bands: config
                .bands
                .iter()
                .map(|b| BandLink {
                    id: &b.id,
                    label: &b.label,
                    foreign: self.site_words(b.label_fallback),
                    look: Some(b.look.to_string()),
                    href: links.to(&Target::Band(b.id.clone())),
                    current: Some(band.is_some_and(|c| c.id == b.id)),
                })
                .collect(),
            footer: self.footer(links),
            crumbs: meta.crumbs.clone(),
            exit: meta.safety.then(|| Exit {
                url: config.help.exit_url.get_ref(),
                script: self.asset(links, "exit.js"),
                safety_href: (*target != Target::Safety).then(|| links.to(&Target::Safety)),
            }),
            original: (meta.original_changed && self.language.is_some()).then(|| Original {
                href: links.to_in(target, ""),
                lang: &config.language,
                language: &self.own_name,
            }),
            leaflet,
            leaflet_lang,
            preview: self.preview(meta, lang),
            share_script: self.asset(links, "share.js"),
            listen_script: self.asset(links, "listen.js"),
            t: self.strings,
        }
    }

    /// The page's link preview; none for the "not found" page, which has
    /// no address of its own.
    fn preview<'f>(&'f self, meta: &'f Meta, lang: &str) -> Option<Preview<'f>> {
        let config = &self.site.config;
        if meta.target == Target::NotFound {
            return None;
        }
        let locale = |tag: &str| tag.replace('-', "_");
        let card = crate::render::cards::of(self.site, &meta.target);
        Some(Preview {
            title: meta.title,
            description: meta.summary.unwrap_or(&config.description),
            url: meta.target.url_in(&self.base_url, &self.prefix),
            image: format!("{}{}{card}", self.base_url, self.prefix),
            image_alt: format!("{} – {}", meta.title, config.title),
            locale: locale(lang),
            alternates: std::iter::once(config.language.as_str())
                .chain(config.languages.iter().map(|l| l.code.get_ref().as_str()))
                .filter(|tag| *tag != lang)
                .map(locale)
                .collect(),
        })
    }

    /// The council's own pages, then the accessibility statement.
    fn footer(&self, links: &Links) -> Vec<FooterLink<'_>> {
        self.site
            .pages
            .iter()
            .map(|p| FooterLink {
                title: &p.title,
                href: links.to(&Target::Page(p.slug.clone())),
                foreign: self.foreign(&p.origin),
            })
            .chain(std::iter::once(FooterLink {
                title: self.word("accessibility_link"),
                href: links.to(&Target::Accessibility),
                foreign: None,
            }))
            .collect()
    }

    /// The same page in every language: none on a site in one language,
    /// and none for the "not found" page, which has no address of its own.
    fn alternates(&self, target: &Target, links: &Links) -> Vec<Alternate<'_>> {
        let config = &self.site.config;
        if config.languages.is_empty() || *target == Target::NotFound {
            return Vec::new();
        }
        std::iter::once((None, self.own_name.as_str()))
            .chain(config.languages.iter().map(|l| (Some(l), l.name.as_str())))
            .map(|(language, name)| {
                let (lang, dir) = config.tag_and_dir(language);
                let prefix = language_prefix(language.map(|l| l.code.get_ref().as_str()));
                Alternate {
                    lang,
                    name,
                    dir,
                    href: links.to_in(target, &prefix),
                    url: target.url_in(&self.base_url, &prefix),
                    current: prefix == self.prefix,
                }
            })
            .collect()
    }

    /// The leaflet a page can be printed as, if leaflets are made: its link
    /// and its large print edition's, and for a page in another language
    /// whose leaflet is not translated yet, the language the leaflet is in.
    fn leaflet(&self, target: &Target, links: &Links) -> (Option<Leaflet>, Option<LeafletLanguage<'_>>) {
        let subject = match target.list() {
            Target::Band(band) | Target::Promise { band, .. } if self.leaflets => Subject::Band(band),
            Target::OfferIndex | Target::OfferEntry(_) | Target::OfferAge(_) | Target::Finder(_) if self.leaflets => {
                Subject::Offer
            }
            Target::News(id) if self.leaflets => Subject::News(id),
            _ => return (None, None),
        };
        let Some(file) = leaflets::file(self.site, subject, &self.prefix) else {
            return (None, None);
        };
        let other = (!file.starts_with(&self.prefix)).then(|| LeafletLanguage {
            lang: &self.site.config.language,
            name: &self.own_name,
        });
        let large = crate::layout::large_print(&file);
        let leaflet = Leaflet {
            href: links.file(&file),
            large: links.file(&large),
        };
        (Some(leaflet), other)
    }
}

/// The part of the site a page is in, for the menu to mark.
fn section(target: &Target) -> &'static str {
    match target.list() {
        Target::Home => "home",
        Target::Band(_) | Target::Promise { .. } => "band",
        Target::OfferIndex | Target::OfferEntry(_) | Target::OfferAge(_) | Target::Finder(_) | Target::FinderSteps => {
            "offer"
        }
        Target::Messages => "messages",
        Target::Events | Target::Event(_) => "events",
        Target::Page(_)
        | Target::News(_)
        | Target::Accessibility
        | Target::Help
        | Target::Safety
        | Target::NotFound
        | Target::Next { .. } => "page",
    }
}
