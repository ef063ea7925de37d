//! The one place that decides where each page lives. Links, the sitemap and
//! (later) QR codes all ask here.
//!
//! A page at `0-11/keeping-safe/` is written to `0-11/keeping-safe/index.html`.
//! Links between pages are relative and name `index.html`, so the site works
//! from any folder of any host and straight from the disk; the canonical
//! address (sitemap, `<link rel=canonical>`) is the short absolute one.

use crate::layout::{EVENTS, MESSAGES, NEWS, OFFER};

/// A page of the site.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Target {
    Home,
    Band(String),
    Promise {
        band: String,
        slug: String,
    },
    OfferIndex,
    OfferEntry(String),
    /// "What can I get at 17?"
    OfferAge(u8),
    /// A page of "Am I a care leaver?": the answers so far, as the part of
    /// its address after `finder/` (empty for the first question).
    Finder(String),
    /// Every question and end of the finder, for its first page to ask
    /// them itself when it can. It sits beside the first page, so that
    /// links in it work there as they do in it.
    FinderSteps,
    Messages,
    /// "What's on": the events to come, month by month.
    Events,
    Event(String),
    /// A quarter's newsletter, by its id: `2026-q4`.
    News(String),
    Page(String),
    Accessibility,
    /// "Need help now?": who to call, linked from the top of every page.
    Help,
    /// "Using this site safely": what a browser keeps, and how to clear it.
    Safety,
    NotFound,
    /// A long list's page after its first, such as `messages/page/2/`.
    Next {
        list: Box<Target>,
        page: usize,
    },
}

impl Target {
    /// The page's path from the site's root: "" for the home page, the
    /// finder's steps file, else a folder ending in `/`.
    pub fn path(&self) -> String {
        match self {
            Target::Home | Target::NotFound => String::new(),
            Target::Band(band) => format!("{band}/"),
            Target::Promise { band, slug } => format!("{band}/{slug}/"),
            Target::OfferIndex => format!("{OFFER}/"),
            Target::OfferEntry(slug) => format!("{OFFER}/{slug}/"),
            Target::OfferAge(age) => format!("{OFFER}/age/{age}/"),
            Target::Finder(answers) => format!("{OFFER}/finder/{answers}"),
            Target::FinderSteps => format!("{OFFER}/finder/steps.html"),
            Target::Messages => format!("{MESSAGES}/"),
            Target::Events => format!("{EVENTS}/"),
            Target::Event(slug) => format!("{EVENTS}/{slug}/"),
            Target::News(id) => format!("{NEWS}/{id}/"),
            Target::Page(slug) => format!("{slug}/"),
            Target::Accessibility => "accessibility/".to_string(),
            Target::Help => "help-now/".to_string(),
            Target::Safety => "using-this-site-safely/".to_string(),
            Target::Next { list, page } => format!("{}page/{page}/", list.path()),
        }
    }

    /// Page `page` (from 1) of a list that starts at `self`.
    pub fn page(&self, page: usize) -> Target {
        match page {
            0 | 1 => self.clone(),
            page => Target::Next {
                list: Box::new(self.clone()),
                page,
            },
        }
    }

    /// The list a page belongs to: itself, unless it is a list's later page.
    pub fn list(&self) -> &Target {
        match self {
            Target::Next { list, .. } => list,
            target => target,
        }
    }

    /// Whether the sitemap lists the page and search engines may show it:
    /// not the 404 page, and not the finder's answers, which are steps
    /// from its first question rather than pages to land on.
    pub fn listed(&self) -> bool {
        match self {
            Target::NotFound | Target::FinderSteps => false,
            Target::Finder(answers) => answers.is_empty(),
            _ => true,
        }
    }

    /// The file the page is written to.
    pub fn file(&self) -> String {
        match self {
            Target::NotFound => "404.html".to_string(),
            Target::FinderSteps => self.path(),
            _ => format!("{}index.html", self.path()),
        }
    }

    /// The page's full address on the web.
    pub fn url(&self, base_url: &str) -> String {
        format!("{base_url}{}", self.path())
    }

    /// The page's full address in a language: `prefix` is "" for the
    /// site's own language and `ar/` for Arabic.
    pub fn url_in(&self, base_url: &str, prefix: &str) -> String {
        format!("{base_url}{prefix}{}", self.path())
    }
}

/// Where a language's pages live: "" for the site's own language, `ar/`
/// for Arabic.
pub fn language_prefix(code: Option<&str>) -> String {
    code.map_or(String::new(), |c| format!("{}/", c.to_lowercase()))
}

/// How links on one page reach the site's root, and the pages of its
/// language.
#[derive(Debug, Clone)]
pub struct Links {
    root: String,
    /// Where the page's language lives, such as `ar/`: links to pages stay
    /// in it; links to files (the stylesheet, pictures) do not.
    prefix: String,
}

impl Links {
    /// Links from `from`. The 404 page can be shown at any address, so its
    /// links start from the root of the host, at the path of `base_url`:
    /// they work on a preview host or a staging copy as on the real one.
    pub fn from(from: &Target, base_url: &str) -> Links {
        Links::in_language(from, base_url, "")
    }

    /// Links from `from` in the language whose pages are under `prefix`.
    pub fn in_language(from: &Target, base_url: &str, prefix: &str) -> Links {
        let root = match from {
            Target::NotFound => site_path(base_url),
            _ => "../".repeat(prefix.matches('/').count() + from.path().matches('/').count()),
        };
        Links {
            root,
            prefix: prefix.to_string(),
        }
    }

    /// The relative prefix to the site's root, such as `../../`.
    pub fn root(&self) -> &str {
        &self.root
    }

    /// A link to a page in this page's language.
    pub fn to(&self, target: &Target) -> String {
        self.file(&format!("{}{}", self.prefix, target.file()))
    }

    /// A link to a page in the language whose pages are under `prefix`.
    pub fn to_in(&self, target: &Target, prefix: &str) -> String {
        self.file(&format!("{prefix}{}", target.file()))
    }

    /// A link to a file of the site, by its path from the root.
    pub fn file(&self, path: &str) -> String {
        let link = format!("{}{path}", self.root);
        if link.is_empty() { "./".to_string() } else { link }
    }

    /// An address an author wrote in markdown: a path from the site's root
    /// (`/local-offer/council-tax/`) becomes a relative link to its file;
    /// anything else is left as written.
    pub fn author_link(&self, dest: &str) -> String {
        if let Some(fragment) = dest.strip_prefix('#') {
            return format!("#{}", encode_fragment(fragment));
        }
        let Some(path) = dest.strip_prefix('/') else {
            return dest.to_string();
        };
        if path.starts_with('/') {
            return dest.to_string();
        }
        let (path, fragment) = match path.split_once('#') {
            Some((p, f)) => (p, format!("#{}", encode_fragment(f))),
            None => (path, String::new()),
        };
        // A page stays in the reader's language; a file is the same in all.
        let file = file_of(path);
        let file = if file.ends_with("index.html") {
            format!("{}{file}", self.prefix)
        } else {
            file
        };
        format!("{}{fragment}", self.file(&file))
    }
}

/// The path of the site on its host: `/` for `https://x.example/`,
/// `/promise/` for `https://x.example/promise/`.
fn site_path(base_url: &str) -> String {
    let after_scheme = base_url.split_once("://").map_or(base_url, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
    if path.ends_with('/') {
        path.to_string()
    } else {
        format!("{path}/")
    }
}

/// A fragment as a link carries it: letters outside ASCII (a promise's
/// anchor can hold "ë") and spaces percent-encoded, what is already encoded
/// left as it is.
pub fn encode_fragment(fragment: &str) -> String {
    const FRAGMENT: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
        .add(b' ')
        .add(b'"')
        .add(b'<')
        .add(b'>')
        .add(b'`');
    percent_encoding::utf8_percent_encode(fragment, FRAGMENT).to_string()
}

/// The file a path of the site is served from: a folder's index.html.
fn file_of(path: &str) -> String {
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else if path.rsplit('/').next().is_some_and(|last| !last.contains('.')) {
        format!("{path}/index.html")
    } else {
        path.to_string()
    }
}

/// What an address an author wrote leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Address {
    /// A page or file of this site, or a place on this page.
    Site,
    /// Another website; `secure` when it starts with https://.
    Web {
        secure: bool,
    },
    Mail,
    /// A `tel:` address, with the number as written after it.
    Phone(String),
    Sms,
    /// Anything else, such as `javascript:` or `data:`, by its scheme.
    Other(String),
}

impl Address {
    /// Reads an address the way a browser would: spaces and control
    /// characters around it, and tabs and line breaks in it, are ignored,
    /// so `java\tscript:` is still `javascript:`.
    pub fn of(dest: &str) -> Address {
        let dest: String = dest
            .trim_matches(|c: char| c <= ' ')
            .chars()
            .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
            .collect();
        if dest.starts_with("//") {
            return Address::Web { secure: false };
        }
        let scheme = dest.split_once(':').map(|(s, _)| s).filter(|s| {
            let mut chars = s.chars();
            chars.next().is_some_and(|c| c.is_ascii_alphabetic())
                && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        });
        let Some(scheme) = scheme else {
            return Address::Site;
        };
        match scheme.to_ascii_lowercase().as_str() {
            "https" => Address::Web { secure: true },
            "http" => Address::Web { secure: false },
            "mailto" => Address::Mail,
            "tel" => Address::Phone(
                percent_encoding::percent_decode_str(&dest[scheme.len() + 1..])
                    .decode_utf8_lossy()
                    .into_owned(),
            ),
            "sms" => Address::Sms,
            other => Address::Other(other.to_string()),
        }
    }
}

/// The picture an author's address names, as its path from the site's root:
/// `/images/park.jpg` is `images/park.jpg`.
pub fn resolve_picture(dest: &str) -> Option<String> {
    let path = dest.strip_prefix('/')?.split(['#', '?']).next()?;
    (!path.starts_with('/')).then(|| path.to_string())
}

/// Where a link an author wrote on the page `from` leads inside the site:
/// the file and the fragment after `#`, if any. `None` for a link to another
/// site, an e-mail address or a phone number.
pub fn resolve(from: &Target, dest: &str) -> Option<(String, Option<String>)> {
    if Address::of(dest) != Address::Site {
        return None;
    }
    let (path, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, Some(f.to_string())),
        None => (dest, None),
    };
    let path = path.split('?').next().unwrap_or_default();
    if path.is_empty() {
        return Some((from.file(), fragment));
    }
    let joined = match path.strip_prefix('/') {
        Some(rest) => rest.to_string(),
        None => format!("{}{path}", from.path()),
    };
    let mut parts: Vec<&str> = Vec::new();
    for part in joined.split('/') {
        match part {
            "." => {}
            ".." => {
                parts.pop();
            }
            _ => parts.push(part),
        }
    }
    let parts: Vec<&str> = parts.into_iter().filter(|p| !p.is_empty()).collect();
    let trailing = if joined.ends_with('/') && !parts.is_empty() {
        "/"
    } else {
        ""
    };
    Some((file_of(&format!("{}{trailing}", parts.join("/"))), fragment))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_on_a_translated_page_stay_in_its_language_but_files_do_not() {
        let from = Target::Promise {
            band: "12-15".into(),
            slug: "a-safe-home".into(),
        };
        let links = Links::in_language(&from, "https://x.example/", "ar/");
        assert_eq!(links.root(), "../../../");
        assert_eq!(links.to(&Target::Band("12-15".into())), "../../../ar/12-15/index.html");
        assert_eq!(links.to_in(&Target::Home, ""), "../../../index.html");
        assert_eq!(
            links.author_link("/local-offer/advocacy/"),
            "../../../ar/local-offer/advocacy/index.html"
        );
        assert_eq!(links.author_link("/images/park.jpg"), "../../../images/park.jpg");
        assert_eq!(links.file("assets/site.css"), "../../../assets/site.css");
        assert_eq!(
            from.url_in("https://x.example/", "ar/"),
            "https://x.example/ar/12-15/a-safe-home/"
        );
    }

    #[test]
    fn paths_files_and_urls() {
        let t = Target::Promise {
            band: "0-11".into(),
            slug: "keeping-safe".into(),
        };
        assert_eq!(t.path(), "0-11/keeping-safe/");
        assert_eq!(t.file(), "0-11/keeping-safe/index.html");
        assert_eq!(t.url("https://x.example/"), "https://x.example/0-11/keeping-safe/");
        assert_eq!(Target::Home.file(), "index.html");
        assert_eq!(Target::NotFound.file(), "404.html");
    }

    #[test]
    fn author_links_resolve_to_files() {
        let from = Target::Promise {
            band: "0-11".into(),
            slug: "safe".into(),
        };
        let file = |dest: &str| resolve(&from, dest);
        assert_eq!(
            file("/local-offer/money/"),
            Some(("local-offer/money/index.html".into(), None))
        );
        assert_eq!(
            file("../school/#a"),
            Some(("0-11/school/index.html".into(), Some("a".into())))
        );
        assert_eq!(
            file("#we-will"),
            Some(("0-11/safe/index.html".into(), Some("we-will".into())))
        );
        assert_eq!(file("/"), Some(("index.html".into(), None)));
        assert_eq!(file("/images/a.png"), Some(("images/a.png".into(), None)));
        assert_eq!(file("https://x.example/"), None);
        assert_eq!(file("mailto:a@x.example"), None);
        assert_eq!(file("tel:01134960101"), None);
    }

    #[test]
    fn addresses_are_read_as_a_browser_reads_them() {
        assert_eq!(Address::of("/local-offer/"), Address::Site);
        assert_eq!(Address::of("#we-will"), Address::Site);
        assert_eq!(Address::of("../a/b:c"), Address::Site);
        assert_eq!(Address::of("HTTPS://www.gov.uk/"), Address::Web { secure: true });
        assert_eq!(Address::of("//x.example/"), Address::Web { secure: false });
        assert_eq!(Address::of("tel:0113 496 0101"), Address::Phone("0113 496 0101".into()));
        for bad in [
            "javascript:alert(1)",
            " JavaScript:x",
            "java\tscript:x",
            "data:text/html,x",
            "vbscript:x",
        ] {
            assert!(matches!(Address::of(bad), Address::Other(_)), "{bad}");
        }
    }

    #[test]
    fn relative_links() {
        let from_theme = Links::from(
            &Target::Promise {
                band: "0-11".into(),
                slug: "s".into(),
            },
            "https://x.example/",
        );
        assert_eq!(from_theme.to(&Target::Home), "../../index.html");
        assert_eq!(
            from_theme.author_link("/local-offer/council-tax/#who"),
            "../../local-offer/council-tax/index.html#who"
        );
        assert_eq!(from_theme.author_link("/local-offer"), "../../local-offer/index.html");
        assert_eq!(from_theme.author_link("/leaflets/0-11.pdf"), "../../leaflets/0-11.pdf");
        assert_eq!(from_theme.author_link("https://www.gov.uk/"), "https://www.gov.uk/");
        assert_eq!(from_theme.author_link("#top"), "#top");
        assert_eq!(
            from_theme.author_link("/0-11/safe/#talk-to-zoë"),
            "../../0-11/safe/index.html#talk-to-zo%C3%AB"
        );
        let home = Links::from(&Target::Home, "https://x.example/");
        assert_eq!(home.to(&Target::OfferIndex), "local-offer/index.html");
        let missing = Links::from(&Target::NotFound, "https://x.example/a/");
        assert_eq!(missing.to(&Target::Home), "/a/index.html");
        let missing = Links::from(&Target::NotFound, "https://x.example/");
        assert_eq!(missing.file("assets/site.css"), "/assets/site.css");
    }
}
