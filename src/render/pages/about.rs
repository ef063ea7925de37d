//! The pages about the site and getting help: the home page, "not found",
//! the council's own pages, "Need help now?", the accessibility statement,
//! and the contacts they show.

use serde_json::{Value, json};

use super::{PageJob, Planner};
use crate::config::{Band, Contact};
use crate::content::Page;
use crate::render::markdown::to_html;
use crate::render::urls::Target;
use crate::render::views::contact_view;

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

impl Planner<'_> {
    pub(super) fn page(&self, page: &Page, target: Target) -> PageJob {
        let links = self.links(&target);
        let extra = json!({
            "page": { "summary": page.summary, "html": to_html(&page.body, &links, self.pictures, None) },
            "contacts": self.contacts(&page.contacts),
            "exit_url": self.exit(page.safety),
            "content_foreign": self.foreign(&page.origin),
        });
        self.job_data(
            target,
            "page.html",
            &page.title,
            Vec::new(),
            None,
            extra,
            &page.origin.file,
        )
    }

    pub(super) fn home(&self) -> PageJob {
        let extra = json!({
            "offer_count": self.site.offer.len(),
            "message_count": self.site.messages.len(),
            "first_help": self.help_contacts().into_iter().next(),
        });
        let title = self.site.config.title.clone();
        self.job_data(Target::Home, "home.html", &title, Vec::new(), None, extra, "site.toml")
    }

    pub(super) fn not_found(&self) -> PageJob {
        self.job_data(
            Target::NotFound,
            "404.html",
            self.word("not_found_title"),
            Vec::new(),
            None,
            json!({}),
            "the 404 page",
        )
    }

    /// The accessibility statement UK public sector sites must publish, from
    /// what the checks found and who to tell about a problem.
    pub(super) fn accessibility(&self) -> PageJob {
        let target = Target::Accessibility;
        let links = self.links(&target);
        let config = &self.site.config;
        let problems: Vec<Value> = self
            .known_problems
            .iter()
            .map(|p| json!({ "page": p.page, "what": p.what, "href": p.target.as_ref().map(|t| links.to(t)) }))
            .collect();
        let contact = config
            .checks
            .accessibility_contact
            .as_ref()
            .and_then(|key| config.contacts.get(key.get_ref()))
            .map(|c| self.contact(c));
        let contacts_page = self
            .site
            .pages
            .iter()
            .find(|p| !p.contacts.is_empty())
            .map(|p| links.to(&Target::Page(p.slug.clone())));
        let day = |d: jiff::civil::Date| self.date(d);
        let audit = config
            .accessibility
            .audit()
            .map(|(date, by)| json!({ "date": day(date), "by": by }));
        let extra = json!({
            "problems": problems,
            "contact": contact,
            "contacts_href": contacts_page,
            "site_url": self.base_url,
            "tested": day(self.today),
            "audit": audit,
        });
        self.job_data(
            target,
            "accessibility.html",
            self.word("accessibility_title"),
            Vec::new(),
            None,
            extra,
            "site.toml",
        )
    }

    /// "Need help now?": 999, the people in site.toml to call (every
    /// band's contact unless [help] names others) and national helplines,
    /// all tap-to-call, with a way off the page.
    pub(super) fn help(&self) -> PageJob {
        let config = &self.site.config;
        let lines: Vec<Value> = config.help.lines.iter().map(|c| self.contact(c)).collect();
        let extra = json!({ "contacts": self.help_contacts(), "lines": lines, "exit_url": self.exit(true) });
        self.job_data(
            Target::Help,
            "help.html",
            self.word("need_help"),
            Vec::new(),
            None,
            extra,
            "site.toml",
        )
    }

    /// Who to call first when help is needed now: the contacts [help]
    /// names, or every band's contact.
    pub(super) fn help_contacts(&self) -> Vec<Value> {
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
    pub(super) fn contacts(&self, keys: &[String]) -> Vec<Value> {
        let contacts = &self.site.config.contacts;
        keys.iter()
            .filter_map(|k| contacts.get(k))
            .map(|c| self.contact(c))
            .collect()
    }

    pub(super) fn band_contact(&self, band: &Band) -> Option<Value> {
        let key = band.contact.as_ref()?;
        self.site.config.contacts.get(key.get_ref()).map(|c| self.contact(c))
    }

    /// A contact as the templates show it, marked as the site's own
    /// language when site.toml's words are shown on a page in another.
    pub(super) fn contact(&self, c: &Contact) -> Value {
        let mut view = contact_view(c);
        view["foreign"] = self.own_words();
        view
    }
}
