//! Link previews: each card decodes as a 1200×630 picture small enough for
//! a chat app, every page names one that exists, the same content draws
//! the same cards, and nothing a preview or a tab shows says "in care".

use std::collections::BTreeMap;

use promise::{Options, render_site};
use scraper::Selector;

use crate::common::{self, page};

fn built() -> BTreeMap<String, Vec<u8>> {
    let options = Options {
        today: "2026-10-15".parse().unwrap(),
        ..Options::default()
    };
    render_site(&common::example(), &options)
        .expect("the example site builds")
        .outputs
}

#[test]
fn every_card_is_a_small_picture_every_page_names_one_and_none_says_in_care() {
    let outputs = built();
    let cards: Vec<&String> = outputs.keys().filter(|k| k.contains("cards/")).collect();
    // The site, 3 bands, 6 areas and 5 events, in two languages.
    assert_eq!(cards.len(), 2 * 15, "{cards:?}");
    for card in &cards {
        let bytes = &outputs[*card];
        assert!(bytes.len() < 300 * 1024, "{card}: {} bytes", bytes.len());
        let picture = image::load_from_memory_with_format(bytes, image::ImageFormat::Png).unwrap();
        assert_eq!((picture.width(), picture.height()), (1200, 630), "{card}");
    }
    let meta = |html: &scraper::Html, key: &str| {
        let selector = Selector::parse(&format!("meta[property='{key}'], meta[name='{key}']")).unwrap();
        html.select(&selector)
            .next()
            .and_then(|m| m.value().attr("content"))
            .map(str::to_string)
    };
    for file in outputs
        .keys()
        .filter(|k| k.ends_with("index.html") && !k.starts_with("admin/"))
    {
        let html = page(&outputs, file);
        let title: String = html
            .select(&Selector::parse("title").unwrap())
            .flat_map(|t| t.text())
            .collect();
        assert!(!title.to_lowercase().contains("in care"), "{file}: {title}");
        // A page that leads on has no preview of its own.
        if html
            .select(&Selector::parse("meta[http-equiv=refresh]").unwrap())
            .next()
            .is_some()
        {
            continue;
        }
        let image = meta(&html, "og:image").unwrap_or_else(|| panic!("{file} has no og:image"));
        let path = image.trim_start_matches("https://promise.westmere.example/");
        assert!(outputs.contains_key(path), "{file}: {image}");
        let said = meta(&html, "og:title").unwrap();
        assert!(!said.to_lowercase().contains("in care"), "{file}: {said}");
    }
    // The same content draws the same cards.
    let again = built();
    for card in cards {
        assert!(outputs[card] == again[card], "{card} changed between two builds");
    }
}
