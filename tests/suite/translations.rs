//! Translations that stay true: each records the original it was made from
//! (`promise translations mark`), and when the original changes `check`
//! says so at the translation, naming what changed; the translated page
//! says so to its reader. On a page about keeping safe, or where a number
//! or an address changed, it is an error.

use crate::common;

use std::path::Path;

fn check(dir: &Path) -> (Option<i32>, String) {
    let out = common::promise(dir, &["check"]);
    (out.status.code(), common::stderr(&out))
}

fn mark(dir: &Path) -> String {
    let out = common::promise(dir, &["translations", "mark", "--language", "ar"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

const PROMISE: &str = "- We will find you a home where you feel safe and cared for.";

#[test]
fn a_changed_promise_makes_its_translation_stale_until_it_is_marked_again() {
    let dir = common::copy_of_example();
    let content = dir.path().join("content");
    // The example's translations are marked: marking again writes nothing.
    assert!(mark(dir.path()).starts_with("0 translations marked"));
    assert!(!check(dir.path()).1.contains("translation-stale"));

    let original = content.join("promises/12-15/a-safe-home.md");
    common::replace(
        &original,
        PROMISE,
        "- We will find you a home where you feel safe, loved and cared for.",
    );
    let (code, said) = check(dir.path());
    assert_eq!(code, Some(0), "a warning: {said}");
    assert!(
        said.contains("warning[translation-stale]: promises/12-15/a-safe-home.md has changed since this was translated: promise 1 (“We will find you a home where you…”)"),
        "{said}"
    );
    let translation = std::fs::read_to_string(content.join("promises/12-15/a-safe-home.ar.md")).unwrap();
    let line = translation
        .lines()
        .position(|l| l.starts_with("translated_from:"))
        .unwrap()
        + 1;
    assert!(
        said.contains(&format!("promises/12-15/a-safe-home.ar.md:{line}:1")),
        "{said}"
    );
    assert!(said.contains("promise translations mark --language ar"), "{said}");
    // Only what changed is named.
    assert!(!said.contains("promise 2"), "{said}");

    // The Arabic page tells its reader, and leads to the English.
    let out = common::promise(dir.path(), &["build", "--no-leaflets"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let page = std::fs::read_to_string(dir.path().join("public/ar/12-15/a-safe-home/index.html")).unwrap();
    assert!(page.contains("تغيّرت هذه الصفحة بلغة English منذ ترجمتها"), "{page}");
    assert!(
        page.contains(r#"<a href="../../../12-15/a-safe-home/index.html" hreflang="en-GB">"#),
        "{page}"
    );
    let unchanged = std::fs::read_to_string(dir.path().join("public/ar/12-15/having-your-say/index.html")).unwrap();
    assert!(!unchanged.contains("تغيّرت هذه الصفحة"));

    // Once a translator has put it right, marking records it, in one file.
    let said = mark(dir.path());
    assert!(
        said.starts_with("Marked content/promises/12-15/a-safe-home.ar.md"),
        "{said}"
    );
    assert!(
        said.contains("1 translation marked as made from its original as it is now"),
        "{said}"
    );
    assert!(!check(dir.path()).1.contains("translation-stale"));
}

#[test]
fn a_stale_translation_of_a_safety_page_or_of_a_number_stops_the_build() {
    for (label, change) in [
        ("safety", ("title: A safe home", "title: A safe home\nsafety: true")),
        (
            "number",
            (
                "- We will find you a home where you feel safe and cared for.",
                "- We will find you a home where you feel safe and cared for. Call [0113 496 0101](tel:+441134960101).",
            ),
        ),
    ] {
        let dir = common::copy_of_example();
        let original = dir.path().join("content/promises/12-15/a-safe-home.md");
        common::replace(&original, change.0, change.1);
        if label == "safety" {
            common::replace(&original, PROMISE, "- We will find you a home where you are safe.");
        }
        let (code, said) = check(dir.path());
        assert_eq!(code, Some(1), "{label}: {said}");
        assert!(said.contains("error[translation-stale]"), "{label}: {said}");
        let why = if label == "safety" {
            "this page is about keeping safe, so the site is not built until then"
        } else {
            "what changed has a phone number or an email address in it"
        };
        assert!(said.contains(why), "{label}: {said}");
        let out = common::promise(dir.path(), &["build", "--no-leaflets"]);
        assert_eq!(out.status.code(), Some(1), "{label}");
        assert!(!dir.path().join("public").exists());
        // Marking is how it is put right, so it works while the build does not.
        mark(dir.path());
        assert_eq!(check(dir.path()).0, Some(0), "{label}");
    }
}

#[test]
fn only_a_translation_records_its_original() {
    let dir = common::copy_of_example();
    let original = dir.path().join("content/promises/12-15/a-safe-home.md");
    common::replace(
        &original,
        "title: A safe home",
        "title: A safe home\ntranslated_from:\n  title: \"00000000\"",
    );
    let (code, said) = check(dir.path());
    assert_eq!(code, Some(1), "{said}");
    assert!(
        said.contains("error[not-a-translation]: only a translation records what it was translated from"),
        "{said}"
    );
    assert!(said.contains("promises/12-15/a-safe-home.md:3:"), "{said}");
}

#[test]
fn status_says_what_is_translated_missing_and_out_of_date_in_each_language() {
    let dir = common::copy_of_example();
    let status = |dir: &Path| {
        let out = common::promise(dir, &["translations", "status"]);
        assert!(out.status.success(), "{}", common::stderr(&out));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let said = status(dir.path());
    assert!(
        said.starts_with(
            "العربية (ar): 8 of 49 files translated, 0 out of date, 41 missing; of site.toml's words, 0 missing and 0 out of date\n"
        ),
        "{said}"
    );
    assert!(said.contains("  missing: promises/0-11/keeping-safe.md\n"), "{said}");
    common::replace(
        &dir.path().join("content/promises/12-15/a-safe-home.md"),
        PROMISE,
        "- We will find you a home.",
    );
    common::replace(
        &dir.path().join("content/site.ar.toml"),
        "[areas.employment]\ntitle = \"العمل\"\n",
        "",
    );
    let said = status(dir.path());
    assert!(
        said.starts_with(
            "العربية (ar): 7 of 49 files translated, 1 out of date, 41 missing; of site.toml's words, 1 missing and 0 out of date\n"
        ),
        "{said}"
    );
    assert!(
        said.contains("  out of date: promises/12-15/a-safe-home.md\n"),
        "{said}"
    );
}

#[test]
fn a_changed_site_word_is_stale_and_a_changed_contact_stops_the_build() {
    let dir = common::copy_of_example();
    let content = dir.path().join("content");
    let site = content.join("site.toml");
    common::replace(&site, "label = \"Age 12 to 15\"", "label = \"Ages 12 to 15\"");
    let (code, said) = check(dir.path());
    assert_eq!(code, Some(0), "a warning: {said}");
    assert!(
        said.contains("warning[translation-stale]: site.toml's words for the label of the band \"12-15\" have changed since site.ar.toml translated them: they now say \"Ages 12 to 15\""),
        "{said}"
    );
    let words = std::fs::read_to_string(content.join("site.ar.toml")).unwrap();
    let line = words
        .lines()
        .position(|l| l.starts_with("\"bands.12-15.label\""))
        .unwrap()
        + 1;
    assert!(said.contains(&format!("site.ar.toml:{line}:")), "{said}");

    common::replace(
        &site,
        "Monday to Friday, 9am to 5pm, and Thursdays until 7pm",
        "Monday to Friday, 9am to 5pm",
    );
    let (code, said) = check(dir.path());
    assert_eq!(code, Some(1), "{said}");
    assert!(
        said.contains(
            "error[translation-stale]: site.toml's words for the hours of the contact \"moving-on-team\" have changed"
        ),
        "{said}"
    );
    let out = common::promise(dir.path(), &["translations", "status"]);
    let status = String::from_utf8_lossy(&out.stdout);
    assert!(
        status.contains("of site.toml's words, 0 missing and 2 out of date"),
        "{status}"
    );
    assert!(
        status.contains("out of date in site.ar.toml: contacts.moving-on-team.hours"),
        "{status}"
    );

    // Marking records site.toml's words as they are now, in site.ar.toml.
    assert!(mark(dir.path()).starts_with("Marked content/site.ar.toml"));
    assert_eq!(check(dir.path()).0, Some(0));
    assert!(mark(dir.path()).starts_with("0 translations marked"));
}
