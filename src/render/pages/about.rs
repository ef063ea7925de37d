//! The pages about the site and getting help: the home page, "not found",
//! the council's own pages, "Need help now?", the accessibility statement,
//! and the contacts they show.

use serde::Serialize;

use super::Foreign;
use super::frame::Meta;
use super::{PageJob, Planner};
use crate::config::{Band, Contact};
use crate::content::Page;
use crate::render::markdown::to_html;
use crate::render::urls::Target;
use crate::render::views::ContactView;

/// A problem the accessibility statement must own up to: what is wrong, and
/// on which page.
#[derive(Debug, Clone, serde::Serialize)]
pub struct KnownProblem {
    /// The page's title, or "Every page" for the stylesheet.
    pub page: String,
    /// The page's address, when it is one page.
    #[serde(skip)]
    pub target: Option<Target>,
    pub what: &'static str,
}

/// A contact on a page: site.toml's words, marked as such on a page in
/// another language.
#[derive(Serialize)]
pub(super) struct ContactCard<'a> {
    #[serde(flatten)]
    contact: ContactView<'a>,
    foreign: Option<Foreign<'a>>,
}

/// One of the council's own pages.
#[derive(Serialize)]
struct OwnPage<'a> {
    page: PageText<'a>,
    contacts: Vec<ContactCard<'a>>,
}

#[derive(Serialize)]
struct PageText<'a> {
    summary: &'a str,
    html: String,
}

#[derive(Serialize)]
struct Home<'a> {
    offer_count: usize,
    message_count: usize,
    /// Who to call first, in the box at the top.
    first_help: Option<ContactCard<'a>>,
    coming_up: Vec<super::events::EventCard<'a>>,
    events_href: String,
    /// The newest newsletter, when there is one.
    news: Option<super::news::NewsLink>,
}

/// Nothing but the frame.
#[derive(Serialize)]
struct Empty {}

#[derive(Serialize)]
struct Statement<'a> {
    problems: Vec<Problem<'a>>,
    contact: Option<ContactCard<'a>>,
    contacts_href: Option<String>,
    site_url: &'a str,
    tested: String,
    audit: Option<Audit<'a>>,
}

#[derive(Serialize)]
struct Problem<'a> {
    page: &'a str,
    what: &'a str,
    href: Option<String>,
}

#[derive(Serialize)]
struct Audit<'a> {
    date: String,
    by: &'a str,
}

#[derive(Serialize)]
struct Help<'a> {
    contacts: Vec<ContactCard<'a>>,
    lines: Vec<ContactCard<'a>>,
}

impl Planner<'_> {
    pub(super) fn page(&self, page: &Page, target: Target) -> PageJob {
        let links = self.links(&target);
        let content = OwnPage {
            page: PageText {
                summary: &page.summary,
                html: to_html(&page.body, &links, self.pictures, None),
            },
            contacts: self.contacts(&page.contacts),
        };
        let meta = Meta {
            content_foreign: self.foreign(&page.origin),
            original_changed: page.origin.original_changed,
            safety: page.safety,
            ..Meta::new(target, "page.html", &page.title)
        };
        self.framed(meta, content)
    }

    pub(super) fn home(&self) -> PageJob {
        let links = self.links(&Target::Home);
        let content = Home {
            coming_up: self.coming_up(None, &links),
            events_href: links.to(&Target::Events),
            offer_count: self.site.offer.len(),
            message_count: self.site.messages.len(),
            first_help: self.help_contacts().into_iter().next(),
            news: self.latest_news(&links),
        };
        self.framed(Meta::new(Target::Home, "home.html", &self.site.config.title), content)
    }

    pub(super) fn not_found(&self) -> PageJob {
        let title = self.word("not_found_title");
        self.framed(Meta::new(Target::NotFound, "404.html", title), Empty {})
    }

    /// The accessibility statement UK public sector sites must publish, from
    /// what the checks found and who to tell about a problem.
    pub(super) fn accessibility(&self) -> PageJob {
        let target = Target::Accessibility;
        let links = self.links(&target);
        let config = &self.site.config;
        let problems = self
            .known_problems
            .iter()
            .map(|p| Problem {
                page: &p.page,
                what: p.what,
                href: p.target.as_ref().map(|t| links.to(t)),
            })
            .collect();
        let contact = config
            .checks
            .accessibility_contact
            .as_ref()
            .and_then(|key| config.contacts.get(key.get_ref()))
            .map(|c| self.contact(c));
        let contacts_href = self
            .site
            .pages
            .iter()
            .find(|p| !p.contacts.is_empty())
            .map(|p| links.to(&Target::Page(p.slug.clone())));
        let audit = config.accessibility.audit().map(|(date, by)| Audit {
            date: self.date(date),
            by,
        });
        let content = Statement {
            problems,
            contact,
            contacts_href,
            site_url: &self.base_url,
            tested: self.date(self.today),
            audit,
        };
        let title = self.word("accessibility_title");
        self.framed(Meta::new(target, "accessibility.html", title), content)
    }

    /// "Need help now?": 999, the people in site.toml to call (every
    /// band's contact unless [help] names others) and national helplines,
    /// all tap-to-call, with a way off the page.
    pub(super) fn help(&self) -> PageJob {
        let content = Help {
            contacts: self.help_contacts(),
            lines: self.site.config.help.lines.iter().map(|c| self.contact(c)).collect(),
        };
        let meta = Meta {
            safety: true,
            ..Meta::new(Target::Help, "help.html", self.word("need_help"))
        };
        self.framed(meta, content)
    }

    /// "Using this site safely": what a browser keeps on a shared phone and
    /// how to clear it, in the theme's words, with "Exit this page" on it.
    pub(super) fn safety(&self) -> PageJob {
        let meta = Meta {
            safety: true,
            ..Meta::new(Target::Safety, "safety.html", self.word("safety_title"))
        };
        self.framed(meta, Empty {})
    }

    /// Who to call first when help is needed now: the contacts [help]
    /// names, or every band's contact.
    pub(super) fn help_contacts(&self) -> Vec<ContactCard<'_>> {
        let config = &self.site.config;
        let mut keys: Vec<&str> = config.help.contacts.iter().map(|k| k.get_ref().as_str()).collect();
        if keys.is_empty() {
            for band in &config.bands {
                if let Some(key) = &band.contact
                    && !keys.contains(&key.get_ref().as_str())
                {
                    keys.push(key.get_ref());
                }
            }
        }
        keys.iter()
            .filter_map(|k| config.contacts.get(*k))
            .map(|c| self.contact(c))
            .collect()
    }

    /// The contacts a content file names, as templates show them.
    pub(super) fn contacts(&self, keys: &[String]) -> Vec<ContactCard<'_>> {
        let contacts = &self.site.config.contacts;
        keys.iter()
            .filter_map(|k| contacts.get(k))
            .map(|c| self.contact(c))
            .collect()
    }

    pub(super) fn band_contact(&self, band: &Band) -> Option<ContactCard<'_>> {
        let key = band.contact.as_ref()?;
        self.site.config.contacts.get(key.get_ref()).map(|c| self.contact(c))
    }

    /// A contact as the templates show it, marked as the site's own
    /// language when site.toml's words are shown on a page in another.
    pub(super) fn contact<'c>(&'c self, c: &'c Contact) -> ContactCard<'c> {
        ContactCard {
            contact: ContactView::of(c),
            foreign: self.site_words(c.fallback),
        }
    }
}
