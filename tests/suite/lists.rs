//! Lists far longer than a phone screen: a band of many promises, a long
//! local offer and many messages go over pages, and a leaflet too long for
//! `max_pages` prints what fits and sends readers to the website.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::LazyLock;

use crate::common::{self, page, resolve};

use promise::layout::Outputs;
use promise::{Options, render_site};
use scraper::{Html, Selector};

/// A copy of the example with 60 more promises for 12 to 15 year olds, 25
/// more messages and 40 more local offer entries for ages 18 to 21.
fn grown() -> tempfile::TempDir {
    let dir = common::copy_of_example();
    let content = dir.path().join("content");
    let write = |path: String, text: String| std::fs::write(content.join(path), text).unwrap();
    for t in 0..60 {
        write(
            format!("promises/12-15/extra-{t:02}.md"),
            format!(
                "---\ntitle: Extra promise {t:02}\norder: {}\nsummary: Something more we do for you.\nicon: home\n---\n- We will help you with thing {t}.\n",
                100 + t
            ),
        );
    }
    for m in 0..25 {
        write(
            format!("messages/extra-{m:02}.md"),
            format!(
                "---\ntitle: Please help with thing {m}\nsaid: 2025-01-{:02}\nwe_did:\n  - We helped with thing {m}.\nnext:\n  - We will ask you again.\n---\n",
                m + 1
            ),
        );
    }
    for e in 0..40 {
        write(
            format!("local-offer/extra-{e:02}.md"),
            format!(
                "---\ntitle: Extra help {e:02}\narea: employment\nages: 18-21\nkind: extra\nsummary: Help with thing {e}.\nhow_to_get_it: Ask your personal adviser.\ncontact: moving-on-team\nreviewed: 2026-10-01\n---\n"
            ),
        );
    }
    dir
}

fn built(content: &Path, leaflets: bool) -> promise::Built {
    let options = Options {
        leaflets,
        ..Options::default()
    };
    render_site(content, &options).unwrap_or_else(|problems| panic!("the grown site builds: {problems:#?}"))
}

fn hrefs(html: &Html, css: &str) -> Vec<String> {
    let selector = Selector::parse(css).unwrap();
    html.select(&selector)
        .filter_map(|a| a.value().attr("href"))
        .map(str::to_string)
        .collect()
}

/// The grown site built without leaflets, and how many promises for 12 to
/// 15 year olds, messages and offer entries its content has. Built once for
/// the tests that only read it.
struct Grown {
    outputs: Outputs,
    themes: usize,
    messages: usize,
    offer: usize,
}

static GROWN: LazyLock<Grown> = LazyLock::new(|| {
    let dir = grown();
    let content = dir.path().join("content");
    Grown {
        outputs: built(&content, false).outputs,
        themes: files(&content, "promises/12-15"),
        messages: files(&content, "messages"),
        offer: files(&content, "local-offer"),
    }
});

/// Every page of a list from its first, following each page's "next" link:
/// each page's file and the links `css` selects on it.
fn walk(outputs: &Outputs, first: &str, css: &str) -> Vec<(String, Vec<String>)> {
    let mut pages = Vec::new();
    let mut file = Some(first.to_string());
    while let Some(current) = file {
        let html = page(outputs, &current);
        let links = hrefs(&html, css).iter().map(|h| resolve(&current, h)).collect();
        file = hrefs(&html, ".pager a[rel=next]")
            .first()
            .map(|next| resolve(&current, next));
        if let Some(previous) = hrefs(&html, ".pager a[rel=prev]").first() {
            let back = resolve(&current, previous);
            assert_eq!(
                hrefs(&page(outputs, &back), ".pager a[rel=next]").len(),
                1,
                "{back} leads on"
            );
        }
        pages.push((current, links));
        assert!(pages.len() < 100, "the pages of {first} never end");
    }
    pages
}

/// How many content files there are in `folder`, not counting translations.
fn files(content: &Path, folder: &str) -> usize {
    std::fs::read_dir(content.join(folder))
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().matches('.').count() == 1)
        .count()
}

#[test]
fn a_long_band_goes_over_pages_of_24_with_every_promise_once() {
    let Grown { outputs, themes, .. } = &*GROWN;
    let themes = *themes;
    let pages = walk(outputs, "12-15/index.html", "ul.themes a.card-link");
    assert_eq!(pages.len(), themes.div_ceil(24));
    assert_eq!(pages[1].0, "12-15/page/2/index.html");
    let mut seen = BTreeSet::new();
    for (file, cards) in &pages {
        assert!(cards.len() <= 24, "{file} has {} cards", cards.len());
        for card in cards {
            assert!(outputs.contains_key(card), "{card} on {file} is not a page");
            assert!(seen.insert(card.clone()), "{card} is on two pages");
        }
        let html = page(outputs, file);
        let current = hrefs(&html, ".pager a[aria-current=page]");
        let current: Vec<String> = current.iter().map(|h| resolve(file, h)).collect();
        assert_eq!(current, std::slice::from_ref(file));
    }
    assert_eq!(seen.len(), themes);
    // The first page keeps the band's contact; the others are only cards.
    assert!(!hrefs(&page(outputs, &pages[0].0), "a[href^='tel:']").is_empty());
    assert!(
        page(outputs, &pages[1].0)
            .select(&Selector::parse("#talk").unwrap())
            .next()
            .is_none()
    );
}

#[test]
fn a_promise_in_a_long_band_lists_its_neighbours_and_the_page_with_it() {
    let outputs = &GROWN.outputs;
    let file = "12-15/extra-30/index.html";
    let html = page(outputs, file);
    let others = hrefs(&html, "nav.more li a");
    assert_eq!(others.len(), 12);
    assert!(others.iter().any(|h| resolve(file, h) == "12-15/extra-29/index.html"));
    assert!(others.iter().any(|h| resolve(file, h) == "12-15/extra-31/index.html"));
    let all = hrefs(&html, "nav.more p a");
    let band_page = resolve(file, &all[0]);
    let cards = hrefs(&page(outputs, &band_page), "ul.themes a.card-link");
    assert!(
        cards.iter().any(|h| resolve(&band_page, h) == file),
        "{band_page} does not list {file}"
    );
}

#[test]
fn messages_go_over_pages_of_10_and_the_feed_finds_each_on_its_page() {
    let Grown { outputs, messages, .. } = &*GROWN;
    let messages = *messages;
    let pages = walk(outputs, "messages/index.html", "a.none");
    assert_eq!(pages.len(), messages.div_ceil(10));
    let mut ids = BTreeSet::new();
    for (file, _) in &pages {
        let html = page(outputs, file);
        let articles: Vec<String> = html
            .select(&Selector::parse("article.message").unwrap())
            .filter_map(|a| a.value().attr("id").map(|id| format!("{file}#{id}")))
            .collect();
        assert!(articles.len() <= 10);
        ids.extend(articles);
    }
    assert_eq!(ids.len(), messages);
    let feed = String::from_utf8(outputs["feed.xml"].clone()).unwrap();
    let base = "https://promise.westmere.example/";
    let mut found = 0;
    for link in roxmltree::Document::parse(&feed)
        .unwrap()
        .descendants()
        .filter(|n| n.has_tag_name("link"))
    {
        let href = link.attribute("href").unwrap_or_default();
        if let Some(path) = href.strip_prefix(base).filter(|p| p.starts_with("messages/")) {
            let (folder, id) = path.split_once('#').unwrap();
            assert!(
                ids.contains(&format!("{folder}index.html#{id}")),
                "{href} is not a message"
            );
            found += 1;
        }
    }
    assert_eq!(found, messages);
}

#[test]
fn a_long_local_offer_goes_over_pages_and_a_band_links_to_its_ages_instead() {
    let Grown { outputs, offer, .. } = &*GROWN;
    let pages = walk(outputs, "local-offer/index.html", ".area a.card-link");
    let entries: BTreeSet<String> = pages.iter().flat_map(|(_, cards)| cards.clone()).collect();
    assert_eq!(entries.len(), *offer);
    assert!(pages.len() >= 3);
    // Each area in the contents leads to the page where it starts.
    for (file, _) in &pages {
        for href in hrefs(&page(outputs, file), "nav.contents a") {
            let (target, anchor) = href.split_once('#').unwrap();
            let target = resolve(file, target);
            let html = page(outputs, &target);
            assert!(
                html.select(&Selector::parse(&format!("[id='{anchor}']")).unwrap())
                    .next()
                    .is_some(),
                "{href} on {file}"
            );
        }
    }
    let at_19 = walk(outputs, "local-offer/age/19/index.html", "a.card-link");
    assert!(at_19.len() >= 2);
    assert!(at_19.iter().all(|(_, cards)| cards.len() <= 24));
    // 16-25's page has too many to list: it says so and links to each age.
    let band = page(outputs, "16-25/index.html");
    assert!(hrefs(&band, ".area a.card-link").is_empty());
    let words: String = band.root_element().text().collect();
    assert!(words.contains("things in your local offer for your age"), "{words}");
    let ages = hrefs(&band, ".choices-ages a");
    assert!(
        ages.iter()
            .any(|h| resolve("16-25/index.html", h) == "local-offer/age/19/index.html")
    );
}

#[test]
fn a_leaflet_longer_than_max_pages_prints_what_fits_and_says_where_the_rest_is() {
    let dir = grown();
    let content = dir.path().join("content");
    common::replace(
        &content.join("site.toml"),
        "offer_pages = 12",
        "offer_pages = 12\nmax_pages = 8",
    );
    let built = built(&content, true);
    let cut: Vec<&String> = built
        .warnings
        .iter()
        .filter(|w| w.code == "leaflet-cut")
        .map(|w| &w.message)
        .collect();
    assert!(cut.iter().any(|m| m.contains("leaflets/12-15.pdf")), "{cut:#?}");
    let pdf = lopdf::Document::load_mem(&built.outputs["leaflets/12-15.pdf"]).unwrap();
    let numbers: Vec<u32> = pdf.get_pages().into_keys().collect();
    assert!(numbers.len() <= 8, "{} pages", numbers.len());
    let text = pdf.extract_text(&numbers).unwrap();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("more promises on our website"), "{text}");
    assert!(text.contains("We will help you with thing 0."));
    assert!(!text.contains("We will help you with thing 59."));
}
