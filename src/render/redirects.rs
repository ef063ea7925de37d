//! Old addresses that lead on: a file's `aliases` are the addresses it had
//! before it was renamed or moved, and each gets a small page that sends the
//! reader on (for any host), and a line for hosts that redirect themselves.
//! A QR code printed last year keeps working.

use std::collections::BTreeMap;

use serde::Serialize;

use super::strings::Strings;
use super::urls::Target;
use crate::content::{Place, Site};
use crate::diagnostics::Diagnostic;
use crate::layout::alias_path;

/// An old address and the page it now leads to, in one language.
#[derive(Debug, Clone)]
pub struct Redirect {
    /// The old address's path from the site's root, with its language's
    /// prefix: `0-11/keeping-safe/` or `ar/0-11/keeping-safe/`.
    pub from: String,
    /// Where the page is now, from the same root: `0-11/staying-safe/`.
    pub to: String,
    /// The file whose `aliases` name it, for errors.
    pub source: String,
    /// The language of the pages it leads between, by its code.
    pub language: String,
}

/// Every alias of the site, in every language: `languages` are each
/// language's code and where its pages live (`en-GB` and "", `ar` and `ar/`).
pub fn of(site: &Site, languages: &[(String, String)]) -> Vec<Redirect> {
    let file = |origin: &crate::content::Origin| origin.file.to_string_lossy().replace('\\', "/");
    let base = site.config.base_url();
    // A band's aliases are in site.toml, as written; a file's are read already.
    let bands = site.config.bands.iter().map(|b| {
        let aliases = b
            .aliases
            .iter()
            .filter_map(|a| alias_path(a.get_ref(), &base))
            .collect();
        (
            aliases,
            Target::Band(b.id.clone()),
            crate::layout::SITE_TOML.to_string(),
        )
    });
    let promises = site.promise_pages.iter().map(|p| {
        let target = Target::Promise {
            band: p.band.clone(),
            slug: p.slug.clone(),
        };
        (p.aliases.clone(), target, file(&p.origin))
    });
    let offer = site
        .offer
        .iter()
        .map(|e| (e.aliases.clone(), Target::OfferEntry(e.slug.clone()), file(&e.origin)));
    let pages = site
        .pages
        .iter()
        .map(|p| (p.aliases.clone(), Target::Page(p.slug.clone()), file(&p.origin)));
    let events = site
        .events
        .iter()
        .map(|e| (e.aliases.clone(), Target::Event(e.slug.clone()), file(&e.origin)));
    let mut redirects = Vec::new();
    for (aliases, target, source) in bands.chain(promises).chain(offer).chain(pages).chain(events) {
        for (language, prefix) in languages {
            for alias in &aliases {
                redirects.push(Redirect {
                    from: format!("{prefix}{alias}"),
                    to: format!("{prefix}{}", target.path()),
                    source: source.clone(),
                    language: language.clone(),
                });
            }
        }
    }
    redirects
}

/// The addresses of what came off the site on its `until` day (and the
/// addresses it had before), each leading to where it was listed: a
/// promise page to its band, an entry to the local offer, an event to
/// What's on, a page to the home page. A QR code printed with one still
/// leads somewhere. An address a page has taken since is left to it.
pub fn withdrawn(site: &Site, languages: &[(String, String)], pages: &BTreeMap<String, String>) -> Vec<Redirect> {
    let mut redirects = Vec::new();
    for w in &site.withdrawn {
        let (own, listed) = match &w.place {
            Place::Promise { band, slug } => (
                Target::Promise {
                    band: band.clone(),
                    slug: slug.clone(),
                },
                Target::Band(band.clone()),
            ),
            Place::Offer(slug) => (Target::OfferEntry(slug.clone()), Target::OfferIndex),
            Place::Event(slug) => (Target::Event(slug.clone()), Target::Events),
            Place::Page(slug) => (Target::Page(slug.clone()), Target::Home),
            // A message has no page of its own.
            Place::Message(_) => continue,
        };
        for (language, prefix) in languages {
            for path in std::iter::once(own.path()).chain(w.aliases.iter().cloned()) {
                let from = format!("{prefix}{path}");
                if !pages.contains_key(&format!("{from}index.html")) {
                    redirects.push(Redirect {
                        from,
                        to: format!("{prefix}{}", listed.path()),
                        source: w.source.clone(),
                        language: language.clone(),
                    });
                }
            }
        }
    }
    redirects
}

/// An alias that is already a page's address, or another file's alias: the
/// page would be lost, or the old address could lead to only one of them.
pub fn clashes(redirects: &[Redirect], pages: &BTreeMap<String, String>) -> Vec<Diagnostic> {
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    let mut problems = Vec::new();
    for r in redirects {
        let page = format!("{}index.html", r.from);
        let taken = pages
            .get(&page)
            .map(String::as_str)
            .or_else(|| seen.get(r.from.as_str()).copied());
        match taken {
            Some(other) => problems.push(
                Diagnostic::error(
                    "alias-taken",
                    format!("the alias /{} is already the address of {other}", r.from),
                )
                .in_file(&r.source)
                .help("an alias is an address that no page has any more: take it out of aliases, or rename the other file"),
            ),
            None => {
                seen.insert(&r.from, &r.source);
            }
        }
    }
    problems
}

/// What the page at an old address is given: where it leads.
#[derive(Serialize)]
pub struct RedirectPage<'a> {
    lang: &'a str,
    dir: &'a str,
    t: &'a Strings,
    href: String,
    canonical: String,
    csp: &'static str,
}

/// What the page written at an old address is given (`redirect.html`): it
/// sends the reader on at once, tells search engines where the page is now,
/// and has a link for a browser that does not follow it. `dir` is the way
/// its language is written and `t` the theme's words in it.
pub fn page_data<'a>(r: &'a Redirect, base_url: &str, dir: &'a str, t: &'a Strings) -> RedirectPage<'a> {
    let root = "../".repeat(r.from.matches('/').count());
    RedirectPage {
        lang: &r.language,
        dir,
        t,
        href: format!("{root}{}index.html", r.to),
        canonical: format!("{base_url}{}", r.to),
        csp: super::policy::CONTENT,
    }
}
