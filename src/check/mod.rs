//! Check: reads the model (and, for links, the rendered files) and returns
//! diagnostics; it never changes anything. One file per kind of check.

mod accessibility;
mod allow;
mod characters;
mod colours;
mod dates;
mod events;
pub mod language;
mod links;
mod markup;
mod offer;
pub mod readability;

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::sync::OnceLock;

use jiff::civil::Date;
use rayon::prelude::*;
use regex::Regex;

use crate::config::Band;
use crate::content::words::Lists;
use crate::content::{Origin, Site};
use crate::diagnostics::{Diagnostic, LineIndex, Location};
use crate::layout::Outputs;
use crate::render::KnownProblem;
use crate::render::theme::Theme;
use crate::render::urls::Target;

/// A pattern written in this code, which is known to be valid.
fn pattern(text: &str) -> Regex {
    Regex::new(text).unwrap_or_else(|e| unreachable!("the fixed pattern {text}: {e}"))
}

/// One content file as the checks see it: its words, where it came from, the
/// page it becomes and the bands that read it.
pub struct Doc<'a> {
    pub origin: &'a Origin,
    pub title: &'a str,
    pub body: &'a str,
    pub target: Target,
    /// Every band whose readers see this page.
    pub bands: Vec<&'a Band>,
    /// The band whose reading targets the page is held to.
    pub reading: Option<&'a Band>,
    /// Where the body's lines start, made when the first finding is placed.
    lines: OnceLock<LineIndex>,
}

impl Doc<'_> {
    /// The place of a byte range of the body in the file.
    pub fn in_body(&self, span: Range<usize>) -> Location {
        let lines = self.lines.get_or_init(|| LineIndex::new(self.body));
        let mut at = lines.location(&self.origin.file, self.body, span);
        at.line += self.origin.body_line - 1;
        at
    }

    #[cfg(test)]
    pub fn for_tests(config: &crate::config::Config) -> Doc<'_> {
        static ORIGIN: std::sync::LazyLock<Origin> = std::sync::LazyLock::new(|| Origin {
            file: "pages/test.md".into(),
            body_line: 1,
            front: String::new(),
            front_line: 2,
            language: None,
            translated_from: Default::default(),
            original_changed: false,
        });
        Doc {
            origin: &ORIGIN,
            title: "Test",
            body: "",
            target: Target::Page("test".into()),
            bands: config.bands.iter().collect(),
            reading: config.bands.first(),
            lines: OnceLock::new(),
        }
    }
}

/// Every content file of the site, as the checks see it: the originals,
/// then each language's translations. Translations have no reading target:
/// the reading-level checks measure English.
pub fn docs(site: &Site) -> Vec<Doc<'_>> {
    let mut docs = Vec::new();
    add(
        &mut docs,
        &site.config,
        Content {
            promise_pages: &site.promise_pages,
            offer: &site.offer,
            messages: &site.messages,
            pages: &site.pages,
            events: &site.events,
        },
        false,
    );
    for t in site.translations.values() {
        let content = Content {
            promise_pages: &t.promise_pages,
            offer: &t.offer,
            messages: &t.messages,
            pages: &t.pages,
            events: &t.events,
        };
        add(&mut docs, &site.config, content, true);
    }
    docs
}

/// The content files of one language, as the checks see them.
fn add<'a>(docs: &mut Vec<Doc<'a>>, config: &'a crate::config::Config, content: Content<'a>, translated: bool) {
    let reading = |band: Option<&'a Band>| if translated { None } else { band };
    let shared = config.shared_band();
    let all: Vec<&Band> = config.bands.iter().collect();
    for p in content.promise_pages {
        let band = config.band(&p.band);
        docs.push(Doc {
            origin: &p.origin,
            title: &p.title,
            body: &p.body,
            target: Target::Promise {
                band: p.band.clone(),
                slug: p.slug.clone(),
            },
            bands: band.into_iter().collect(),
            reading: reading(band),
            lines: OnceLock::new(),
        });
    }
    for e in content.offer {
        docs.push(Doc {
            origin: &e.origin,
            title: &e.title,
            body: &e.body,
            target: Target::OfferEntry(e.slug.clone()),
            bands: config.bands.iter().filter(|b| b.ages().overlaps(e.ages)).collect(),
            reading: reading(shared),
            lines: OnceLock::new(),
        });
    }
    // Messages and other pages are read by every band.
    let messages = content.messages.iter().enumerate().map(|(i, m)| {
        (
            &m.origin,
            &m.title,
            &m.body,
            crate::render::pages::pager::message_page(i),
        )
    });
    let pages = content
        .pages
        .iter()
        .map(|p| (&p.origin, &p.title, &p.body, Target::Page(p.slug.clone())));
    docs.extend(messages.chain(pages).map(|(origin, title, body, target)| Doc {
        origin,
        title,
        body,
        target,
        bands: all.clone(),
        reading: reading(shared),
        lines: OnceLock::new(),
    }));
    // An event is held to the reading level of the youngest band it is for.
    for e in content.events {
        let bands: Vec<&Band> = config.bands.iter().filter(|b| e.is_for(&b.ages())).collect();
        docs.push(Doc {
            origin: &e.origin,
            title: &e.title,
            body: &e.body,
            target: Target::Event(e.slug.clone()),
            reading: reading(bands.first().copied().or(shared)),
            bands,
            lines: OnceLock::new(),
        });
    }
}

/// The content files of one language.
struct Content<'a> {
    promise_pages: &'a [crate::content::PromisePage],
    offer: &'a [crate::content::OfferEntry],
    messages: &'a [crate::content::Message],
    pages: &'a [crate::content::Page],
    events: &'a [crate::content::Event],
}

/// What the checks of the content found, before anything is rendered.
/// `docs` are the site's [`docs`].
pub fn content(site: &Site, docs: &[Doc], words: &Lists, theme: &Theme, today: Date) -> Vec<Diagnostic> {
    // Each language's content is held to its own list of words, if it has one.
    let own = language::Matcher::new(&words.own);
    let others: BTreeMap<&str, language::Matcher> = words
        .languages
        .iter()
        .map(|(code, list)| (code.as_str(), language::Matcher::new(list)))
        .collect();
    let checked: Vec<(Vec<Diagnostic>, readability::Counts)> = docs
        .par_iter()
        .map(|doc| {
            let blocks = crate::content::prose::blocks(doc.body);
            let matcher = match &doc.origin.language {
                None => Some(&own),
                Some(code) => others.get(code.as_str()),
            };
            let mut found = matcher.map(|m| language::check(doc, &blocks, m)).unwrap_or_default();
            let (reading, counts) = readability::check(doc, &blocks);
            found.extend(reading);
            found.extend(accessibility::check(doc));
            found.extend(markup::check(doc));
            (allow::filter(doc, found), counts)
        })
        .collect();
    let counts: Vec<readability::Counts> = checked.iter().map(|(_, counts)| *counts).collect();
    let mut found: Vec<Diagnostic> = checked.into_iter().flat_map(|(found, _)| found).collect();
    found.extend(readability::bands(docs, &counts));
    found.extend(offer::check(site, today));
    found.extend(dates::check(site, today));
    found.extend(events::check(site, docs, today));
    found.extend(characters::check(site, docs, &crate::print::Glyphs::of(theme)));
    found.extend(colours::check(theme));
    found.extend(crate::content::stale_translations(site));
    found
}

/// What the checks of the rendered site found: links and images that lead
/// nowhere, pictures that could not be published (`refused`, by address),
/// and pages without their one h1.
pub fn rendered(docs: &[Doc], outputs: &Outputs, refused: &BTreeMap<String, Diagnostic>) -> Vec<Diagnostic> {
    let checked: Vec<links::Found> = docs.par_iter().map(|doc| links::check(doc, outputs, refused)).collect();
    let mut found = Vec::new();
    let mut shown = BTreeSet::new();
    for (doc, checked) in docs.iter().zip(checked) {
        found.extend(allow::filter(doc, checked.problems));
        // No comment makes a refused picture publishable.
        for (address, why) in checked.refused {
            shown.insert(address);
            found.push(why);
        }
    }
    // One that no page shows is said at its own file.
    found.extend(
        refused
            .iter()
            .filter(|(address, _)| !shown.contains(*address))
            .map(|(_, why)| why.clone()),
    );
    found.extend(
        outputs
            .par_iter()
            // The editor's page is the council's, published as written.
            .filter(|(file, _)| file.ends_with(".html") && !crate::layout::is_editor_file(file))
            .filter_map(|(file, html)| accessibility::one_title(file, html))
            .collect::<Vec<_>>(),
    );
    found
}

/// What a check finds in a page whose body is `body`: each finding's code,
/// line and column.
#[cfg(test)]
pub(crate) fn findings(check: fn(&Doc) -> Vec<Diagnostic>, body: &str) -> Vec<(String, usize, usize)> {
    let config = crate::config::test_config();
    let mut doc = Doc::for_tests(&config);
    doc.body = body;
    check(&doc)
        .into_iter()
        .map(|d| {
            let at = d.at.unwrap_or_else(|| unreachable!("every finding has a place"));
            (d.code.into_owned(), at.line, at.column)
        })
        .collect()
}

/// What the accessibility statement lists: the accessibility warnings left in
/// the content, one line per page and kind, in page order.
pub fn known_problems(docs: &[Doc], found: &[Diagnostic]) -> Vec<KnownProblem> {
    let by_file: std::collections::HashMap<&std::path::Path, &Doc> =
        docs.iter().map(|doc| (doc.origin.file.as_path(), doc)).collect();
    let mut out: Vec<KnownProblem> = Vec::new();
    for d in found {
        let Some(what) = accessibility::plain_words(&d.code) else {
            continue;
        };
        let doc = d.file.as_deref().and_then(|file| by_file.get(file).copied());
        let problem = KnownProblem {
            page: doc.map_or_else(|| "Every page".to_string(), |doc| doc.title.to_string()),
            target: doc.map(|doc| doc.target.clone()),
            what,
        };
        if !out.iter().any(|p| p.page == problem.page && p.what == problem.what) {
            out.push(problem);
        }
    }
    out
}
