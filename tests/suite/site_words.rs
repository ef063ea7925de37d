//! site.toml's words in another language (`site.ar.toml`): the Arabic pages
//! and leaflets read in Arabic from the site's name to its contacts, a word
//! left out is shown in English, marked so and listed by `check`, and
//! anything but words is an error at its line.

use crate::common::{self, page};

use promise::{Options, render_site};
use scraper::{Html, Selector};

fn select<'a>(html: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    html.select(&Selector::parse(css).unwrap()).collect()
}

fn text(e: &scraper::ElementRef) -> String {
    e.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_arabic_pages_and_leaflets_read_in_arabic_from_the_name_to_the_contacts() {
    let options = Options::default();
    let built = render_site(&common::example(), &options).unwrap();
    let outputs = &built.outputs;
    let band = page(outputs, "ar/12-15/index.html");
    let h1 = &select(&band, "h1")[0];
    assert_eq!(text(h1), "من سن 12 إلى 15");
    assert_eq!(h1.value().attr("lang"), None, "translated, so not marked as English");
    let brand = &select(&band, "a.brand")[0];
    assert_eq!((text(brand).as_str(), brand.value().attr("lang")), ("وعدنا لك", None));
    let menu: Vec<String> = select(&band, ".site-nav li").iter().map(text).collect();
    assert!(menu.contains(&"سن 11 وما دون".to_string()), "{menu:?}");
    assert!(select(&band, ".site-nav li[lang]").is_empty());
    assert_eq!(text(&select(&band, ".site-footer p")[0]), "مجلس بلدية ويستمير");
    // Who to call, in Arabic; the number is site.toml's, the same in both.
    let help = page(outputs, "ar/help-now/index.html");
    let contacts: Vec<String> = select(&help, ".contact h2, .contact .contact-name")
        .iter()
        .map(text)
        .collect();
    assert!(contacts.iter().any(|c| c == "خدمة حقوق الأطفال"), "{contacts:?}");
    assert!(select(&help, "a[href='tel:+441134960101']").len() == 1);
    // The English pages keep site.toml's words.
    let english = page(outputs, "12-15/index.html");
    assert_eq!(text(&select(&english, "h1")[0]), "Age 12 to 15");

    // The Arabic leaflet: its title, its cover and its back page.
    let pdf = lopdf::Document::load_mem(&outputs["ar/leaflets/12-15.pdf"]).unwrap();
    let info = pdf.trailer.get(b"Info").and_then(|i| pdf.dereference(i)).unwrap().1;
    let title = info.as_dict().unwrap().get(b"Title").unwrap().as_str().unwrap();
    assert_eq!(
        lopdf::decode_text_string(&lopdf::Object::string_literal(title)).unwrap(),
        "من سن 12 إلى 15: وعدنا لك"
    );
    // Text is drawn right to left: read backwards, its letters spell the words.
    let drawn = |page: u32| -> String {
        pdf.extract_text(&[page])
            .unwrap()
            .chars()
            .rev()
            .filter(|c| !c.is_whitespace())
            .collect()
    };
    let cover = drawn(1);
    for word in ["وعدنا", "لك", "مجلس", "ويستمير"] {
        assert!(cover.contains(word), "{word} is not on the cover: {cover}");
    }
    let pages = pdf.get_pages().len() as u32;
    let back: String = (pages - 1..=pages).map(drawn).collect();
    for word in ["خدمة", "حقوق", "الأطفال"] {
        assert!(back.contains(word), "{word} is not on the back pages: {back}");
    }
    assert!(
        !back.contains("Children's") && !cover.contains("promise"),
        "no English words left"
    );
}

#[test]
fn a_word_left_out_is_shown_in_english_marked_so_and_listed_by_check() {
    let dir = common::copy_of_example();
    let words = dir.path().join("content/site.ar.toml");
    common::replace(&words, "[bands.16-25]\nlabel = \"من سن 16 إلى 25\"\n", "");
    let check = common::promise(dir.path(), &["check"]);
    let said = common::stderr(&check);
    assert!(check.status.success(), "{said}");
    assert!(
        said.contains("warning[untranslated-site-words]: 1 of site.toml's words are not in العربية (ar) yet"),
        "{said}"
    );
    assert!(
        said.contains("bands.16-25.label") && said.contains("site.ar.toml"),
        "{said}"
    );
    let build = common::promise(dir.path(), &["build", "--no-leaflets"]);
    assert!(build.status.success(), "{}", common::stderr(&build));
    let html = std::fs::read_to_string(dir.path().join("public/ar/16-25/index.html")).unwrap();
    let band = Html::parse_document(&html);
    let h1 = &select(&band, "h1")[0];
    assert_eq!(text(h1), "Age 16 to 25");
    assert_eq!(
        h1.value().attr("lang"),
        Some("en-GB"),
        "marked, so a screen reader reads it in English"
    );
    let labels: Vec<(String, Option<&str>)> = select(&band, ".site-nav li")
        .iter()
        .map(|li| (text(li), li.value().attr("lang")))
        .collect();
    assert!(
        labels.contains(&("Age 16 to 25".to_string(), Some("en-GB"))),
        "{labels:?}"
    );
    assert!(labels.contains(&("سن 11 وما دون".to_string(), None)), "{labels:?}");
}

#[test]
fn anything_but_words_or_a_band_site_toml_has_not_is_an_error_at_its_line() {
    let original = std::fs::read_to_string(common::example().join("site.ar.toml")).unwrap();
    let end = original.lines().count() + 2;
    // A setting goes first, among the words at the top; a section last.
    let cases = [
        (
            true,
            "phone = \"0800 1111\"\n",
            "bad-toml",
            1,
            1,
            "\"title\", \"description\"",
        ),
        (
            false,
            "[bands.0-10]\nlabel = \"x\"\n",
            "unknown-site-word",
            end,
            8,
            "one of: 0-11, 12-15, 16-25",
        ),
        (
            false,
            "[contacts.rights]\nname = \"x\"\n",
            "unknown-site-word",
            end,
            11,
            "childrens-rights",
        ),
    ];
    for (first, wrong, code, line, column, fix) in cases {
        let dir = common::copy_of_example();
        let words = dir.path().join("content/site.ar.toml");
        let changed = if first {
            format!("{wrong}{original}")
        } else {
            format!("{original}\n{wrong}")
        };
        std::fs::write(&words, changed).unwrap();
        for args in [&["check"][..], &["build", "--no-leaflets"]] {
            let out = common::promise(dir.path(), args);
            let said = common::stderr(&out);
            assert_eq!(out.status.code(), Some(1), "{args:?}: {said}");
            assert!(said.contains(&format!("error[{code}]")), "{said}");
            assert!(said.contains(&format!("site.ar.toml:{line}:{column}")), "{said}");
            assert!(said.contains(fix), "{said}");
            // Its own errors are enough: no word is also said to be missing.
            assert!(!said.contains("untranslated-site-words"), "{said}");
            assert!(!dir.path().join("public").exists());
        }
    }
}
