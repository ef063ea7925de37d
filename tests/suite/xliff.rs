//! A language sent to a translation agency and brought back: `promise
//! translations export` writes XLIFF 2.0, `import` writes what came back
//! into the content folder. (A reader that is not ours reads the export in
//! the browser suite's xliff.test.mjs.)

use crate::common;

use std::collections::BTreeMap;
use std::path::Path;

fn export(dir: &Path) -> String {
    let out = common::promise(dir, &["translations", "export", "--language", "ar", "--out", "ar.xlf"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    std::fs::read_to_string(dir.join("ar.xlf")).unwrap()
}

/// Imports `xliff`; what it printed, and what it said of problems.
fn import(dir: &Path, xliff: &str) -> (Option<i32>, String, String) {
    std::fs::write(dir.join("back.xlf"), xliff).unwrap();
    let out = common::promise(dir, &["translations", "import", "back.xlf"]);
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    (out.status.code(), said, common::stderr(&out))
}

/// Every file of the content folder, and what is in it.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir.join("content")) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            files.insert(entry.path().display().to_string(), std::fs::read(entry.path()).unwrap());
        }
    }
    files
}

/// `xliff` as an agency sends it back, with every piece of the file
/// `original` not yet translated translated: "عربي" and its words, its
/// tags (a heading's `##`, a link) where they were.
fn translated(xliff: &str, original: &str) -> String {
    let piece =
        regex::Regex::new(r#"(?s)(<segment>\s*<source xml:space="preserve">)((?:<ph [^>]*/>)?)(.*?)(</source>)"#)
            .unwrap();
    let marker = format!("original=\"{original}\">");
    let (before, rest) = xliff.split_once(&marker).unwrap();
    let (file, after) = rest.split_once("</file>").unwrap();
    let file = piece.replace_all(file, "$1$2$3$4\n    <target xml:space=\"preserve\">$2عربي $3</target>");
    format!("{before}{marker}{file}</file>{after}")
}

#[test]
fn an_export_imported_as_it_came_back_changes_nothing() {
    let dir = common::copy_of_example();
    let before = snapshot(dir.path());
    let xliff = export(dir.path());
    assert!(xliff.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en-GB\" trgLang=\"ar\">"));
    // The Arabic there is already goes as final translations.
    assert!(
        xliff.contains("<target xml:space=\"preserve\">وعدنا لك</target>"),
        "{xliff}"
    );
    let (code, said, problems) = import(dir.path(), &xliff);
    assert_eq!(code, Some(0), "{problems}");
    assert!(said.starts_with("0 translations written"), "{said}");
    assert_eq!(snapshot(dir.path()), before, "byte for byte");
}

#[test]
fn a_page_translated_by_the_agency_is_written_recorded_and_built() {
    let dir = common::copy_of_example();
    let content = dir.path().join("content");
    let xliff = export(dir.path());
    // A heading and a link go as tags, which the agency's tool keeps.
    assert!(xliff.contains("<source xml:space=\"preserve\"><ph id=\"1\" dataRef=\"d1\"/>How it works</source>"));
    assert!(
        xliff.contains("<data id=\"d2\">](https://www.lgo.org.uk/)</data>"),
        "{xliff}"
    );
    assert!(xliff.contains("<note category=\"location\">Promise 1, on \"Keeping you safe\", for children and young people aged 0 to 11.</note>"));
    let back = translated(
        &translated(&xliff, "pages/how-to-complain.md"),
        "promises/0-11/keeping-safe.md",
    );
    let (code, said, problems) = import(dir.path(), &back);
    assert_eq!(code, Some(0), "{problems}");
    assert!(said.contains("Wrote content/pages/how-to-complain.ar.md\n"), "{said}");
    assert!(said.contains("2 translations written"), "{said}");

    let page = std::fs::read_to_string(content.join("pages/how-to-complain.ar.md")).unwrap();
    assert!(page.starts_with("---\ntitle: عربي How to complain\n"), "{page}");
    assert!(
        page.contains("contacts:\n  - childrens-rights\n"),
        "what is not words is kept: {page}"
    );
    assert!(page.contains("\n## عربي How it works\n"), "{page}");
    assert!(
        page.contains("عربي If you are still not happy after that, you can go to the [Local Government and Social Care Ombudsman](https://www.lgo.org.uk/)."),
        "{page}"
    );
    assert!(page.contains("translated_from:\n  title: \""), "{page}");

    let out = common::promise(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    assert!(!common::stderr(&out).contains("translation-stale"));
    let out = common::promise(dir.path(), &["build", "--no-leaflets"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let built = std::fs::read_to_string(dir.path().join("public/ar/how-to-complain/index.html")).unwrap();
    let html = scraper::Html::parse_document(&built);
    let link = scraper::Selector::parse("main a[href='https://www.lgo.org.uk/']").unwrap();
    let link = html.select(&link).next().expect("the link came back");
    assert_eq!(
        link.text().collect::<String>(),
        "Local Government and Social Care Ombudsman"
    );
    assert!(built.contains("عربي How it works"));

    // Exported again, what was imported goes as final, and comes back the same.
    let again = export(dir.path());
    assert!(again.contains("<target xml:space=\"preserve\"><ph id=\"1\" dataRef=\"d1\"/>عربي How it works</target>"));
    let before = snapshot(dir.path());
    let (_, said, _) = import(dir.path(), &again);
    assert!(said.starts_with("0 translations written"), "{said}");
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn words_changed_while_with_the_agency_are_imported_as_out_of_date() {
    let dir = common::copy_of_example();
    let content = dir.path().join("content");
    let xliff = export(dir.path());
    common::replace(
        &content.join("promises/0-11/keeping-safe.md"),
        "- We will find you a safe and happy home.",
        "- We will find you a safe, warm and happy home.",
    );
    let (code, _, problems) = import(dir.path(), &translated(&xliff, "promises/0-11/keeping-safe.md"));
    assert_eq!(code, Some(0), "{problems}");
    assert!(
        problems.contains("warning[translation-stale]: promises/0-11/keeping-safe.md changed while it was being translated: 1 of its pieces were translated from older words, such as body.1.1"),
        "{problems}"
    );
    // A page about keeping safe: out of date, it stops the build.
    let out = common::promise(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let said = common::stderr(&out);
    assert!(
        said.contains(
            "error[translation-stale]: promises/0-11/keeping-safe.md has changed since this was translated: promise 1"
        ),
        "{said}"
    );
}

#[test]
fn site_words_come_back_into_site_ar_toml() {
    let dir = common::copy_of_example();
    let content = dir.path().join("content");
    common::replace(
        &content.join("site.ar.toml"),
        "[areas.employment]\ntitle = \"العمل\"\n",
        "",
    );
    let xliff = export(dir.path());
    assert!(xliff.contains("<unit id=\"areas.employment.title\" name=\"areas.employment.title\">"));
    let (code, said, problems) = import(dir.path(), &translated(&xliff, "site.toml"));
    assert_eq!(code, Some(0), "{problems}");
    assert!(said.contains("Wrote content/site.ar.toml"), "{said}");
    let words = std::fs::read_to_string(content.join("site.ar.toml")).unwrap();
    assert!(
        words.starts_with("# site.toml's words in Arabic."),
        "comments are kept: {words}"
    );
    assert!(words.contains("[areas.employment]\ntitle = \"عربي Work\"\n"), "{words}");
    assert!(words.contains("\"areas.employment.title\" = \""), "{words}");
    let out = common::promise(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    assert!(!common::stderr(&out).contains("untranslated-site-words"));
}

#[test]
fn a_file_that_is_not_this_sites_xliff_is_refused_or_kept_out() {
    let dir = common::copy_of_example();
    let xliff = export(dir.path());
    let (code, _, said) = import(
        dir.path(),
        "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\">\n</xliff>\n",
    );
    assert_eq!(code, Some(1));
    assert!(
        said.contains("error[not-xliff]: this is XLIFF version 1.2, not XLIFF 2"),
        "{said}"
    );
    assert!(said.contains("(line 2, column 1)"), "{said}");
    assert!(said.contains("back.xlf"), "{said}");

    let (code, _, said) = import(dir.path(), &xliff.replacen("trgLang=\"ar\"", "trgLang=\"fr\"", 1));
    assert_eq!(code, Some(1));
    assert!(
        said.contains("error[unknown-language]: site.toml has no language \"fr\""),
        "{said}"
    );

    // A file named outside the content folder is never written.
    let outside =
        translated(&xliff, "pages/privacy.md").replace("original=\"pages/privacy.md\"", "original=\"../privacy.md\"");
    let before = snapshot(dir.path());
    let (code, said, problems) = import(dir.path(), &outside);
    assert_eq!(code, Some(0), "{problems}");
    assert!(said.starts_with("0 translations written"), "{said}");
    assert!(
        problems.contains("warning[not-in-content]: the translation of ../privacy.md (line "),
        "{problems}"
    );
    assert!(!dir.path().join("privacy.ar.md").exists());
    assert_eq!(snapshot(dir.path()), before);

    // A page only partly translated is left as it was.
    let part = translated(&xliff, "pages/privacy.md");
    let part = part.replacen(
        "<target xml:space=\"preserve\">عربي",
        "<target xml:space=\"preserve\">",
        1,
    );
    let first = part.find("original=\"pages/privacy.md\"").unwrap();
    let target = first + part[first..].find("<target xml:space=\"preserve\">").unwrap();
    let end = target + part[target..].find("</target>").unwrap() + "</target>".len();
    let part = format!("{}{}", &part[..target], &part[end..]);
    let (_, said, problems) = import(dir.path(), &part);
    assert!(said.starts_with("0 translations written"), "{said}");
    assert!(
        problems.contains("warning[not-all-translated]: pages/privacy.ar.md was not written: 1 of its"),
        "{problems}"
    );
}
