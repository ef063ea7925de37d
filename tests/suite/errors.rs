//! Content broken on purpose, as a participation officer might: each problem
//! is reported with the file, line and a fix, nothing is written, and the
//! site built before is left exactly as it was.

use crate::common;

use std::fs;
use std::path::Path;

/// Builds a good site, breaks it with `edit`, builds again and returns what
/// the second build printed. Checks the exit code and that `public/` did
/// not change.
fn broken(edit: impl FnOnce(&Path)) -> String {
    let dir = common::copy_of_example();
    // The good site need not have its leaflets: what matters is that the
    // broken build leaves it as it was.
    let first = common::promise(dir.path(), &["build", "--no-leaflets"]);
    assert!(first.status.success(), "{}", common::stderr(&first));
    let before = fs::read(dir.path().join("public/0-11/keeping-safe/index.html")).unwrap();
    let listing = listing(&dir.path().join("public"));

    edit(&dir.path().join("content"));
    let second = common::promise(dir.path(), &["build"]);
    assert_eq!(second.status.code(), Some(1), "a build with errors exits 1");
    assert_eq!(
        fs::read(dir.path().join("public/0-11/keeping-safe/index.html")).unwrap(),
        before
    );
    assert_eq!(listing, self::listing(&dir.path().join("public")), "public/ changed");
    let mut leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        // Leaflets and cards typeset before the error was found are kept
        // for the build that follows its fix.
        .filter(|name| name != ".public.leaflets" && name != ".public.cards")
        .collect();
    leftovers.sort();
    assert_eq!(
        leftovers,
        [".public.lock", ".public.pictures", "content", "public"],
        "only the content, the site, what was made for it and the lock on writing it remain"
    );
    let text = common::stderr(&second);
    assert!(text.contains("Nothing was written"), "{text}");
    text
}

fn listing(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap().path().display().to_string())
        .collect();
    files.sort();
    files
}

fn has(text: &str, parts: &[&str]) {
    for part in parts {
        assert!(text.contains(part), "expected {part:?} in:\n{text}");
    }
}

#[test]
fn malformed_yaml() {
    let text = broken(|c| {
        common::replace(
            &c.join("promises/0-11/keeping-safe.md"),
            "summary: A safe",
            "summary: [A safe",
        )
    });
    has(
        &text,
        &[
            "error[bad-yaml]",
            "content/promises/0-11/keeping-safe.md:",
            "put it in double quotes",
        ],
    );
}

#[test]
fn malformed_toml_front_matter() {
    let text = broken(|c| common::replace(&c.join("promises/0-11/family-and-friends.md"), "order = 4", "order = "));
    has(
        &text,
        &["error[bad-toml]", "content/promises/0-11/family-and-friends.md:3:"],
    );
}

#[test]
fn missing_field() {
    let text = broken(|c| common::replace(&c.join("local-offer/staying-put.md"), "contact: moving-on-team\n", ""));
    has(
        &text,
        &[
            "error[missing-field]",
            "a local offer entry needs a \"contact\" field",
            "content/local-offer/staying-put.md:1:1",
        ],
    );
}

#[test]
fn unknown_field_names_the_nearest() {
    let text = broken(|c| common::replace(&c.join("promises/12-15/a-safe-home.md"), "summary:", "sumary:"));
    has(
        &text,
        &[
            "error[unknown-field]",
            "\"sumary\" is not a field a promise page can have",
            "content/promises/12-15/a-safe-home.md:4:1",
            "did you mean \"summary\"?",
            // the missing summary is reported in the same run
            "error[missing-field]",
        ],
    );
}

#[test]
fn unknown_band_folder() {
    let text = broken(|c| fs::rename(c.join("promises/0-11"), c.join("promises/0-10")).unwrap());
    has(
        &text,
        &[
            "error[unknown-band]",
            "there is no band called \"0-10\"",
            "content/promises/0-10",
            "did you mean \"0-11\"?",
        ],
    );
}

#[test]
fn unknown_contact() {
    let text = broken(|c| {
        common::replace(
            &c.join("local-offer/council-tax.md"),
            "contact: moving-on-team",
            "contact: moving-on",
        )
    });
    has(
        &text,
        &[
            "error[unknown-contact]",
            "there is no contact called \"moving-on\"",
            "content/local-offer/council-tax.md:8:10",
            "contact: moving-on",
            "did you mean \"moving-on-team\"?",
        ],
    );
}

#[test]
fn unknown_area() {
    let text = broken(|c| {
        common::replace(
            &c.join("local-offer/training-flat.md"),
            "area: accommodation",
            "area: housing",
        )
    });
    has(
        &text,
        &[
            "error[unknown-area]",
            "content/local-offer/training-flat.md:3:7",
            "the areas are:",
        ],
    );
}

#[test]
fn bad_date() {
    let text = broken(|c| {
        common::replace(
            &c.join("messages/words-we-use.md"),
            "said: 2026-07-02",
            "said: 2026-13-02",
        )
    });
    has(
        &text,
        &[
            "error[bad-date]",
            "content/messages/words-we-use.md:3:7",
            "year-month-day",
        ],
    );
}

#[test]
fn two_files_for_one_address() {
    let text = broken(|c| fs::write(c.join("pages/local-offer.md"), "---\ntitle: Offer\n---\nText\n").unwrap());
    has(&text, &["error[same-address]", "/local-offer/", "pages/local-offer.md"]);
}

#[test]
fn template_error_names_the_template_and_line() {
    let text = broken(|c| {
        fs::create_dir_all(c.join("theme/templates")).unwrap();
        fs::write(
            c.join("theme/templates/page.html"),
            "{% extends \"base.html\" %}\n{% block main %}\n{{ title \n{% endblock main %}\n",
        )
        .unwrap();
    });
    has(
        &text,
        &["error[template]", "page.html", "content/theme/templates/page.html:4:"],
    );
}

#[test]
fn file_not_utf8() {
    let text = broken(|c| {
        let mut bytes = fs::read(c.join("pages/privacy.md")).unwrap();
        bytes.extend_from_slice(b"\nCaf\xe9\n");
        fs::write(c.join("pages/privacy.md"), bytes).unwrap();
    });
    has(&text, &["error[not-utf8]", "content/pages/privacy.md:9:4", "UTF-8"]);
}

#[test]
fn malformed_site_toml() {
    let text = broken(|c| {
        common::replace(
            &c.join("site.toml"),
            "title = \"Our promise to you\"",
            "titel = \"Our promise to you\"",
        )
    });
    has(
        &text,
        &["error[bad-toml]", "content/site.toml:3:1", "did you mean \"title\"?"],
    );
}

#[test]
fn site_toml_syntax() {
    let text = broken(|c| {
        common::replace(
            &c.join("site.toml"),
            "council = \"Westmere Borough Council\"",
            "council = \"Westmere",
        )
    });
    has(&text, &["error[bad-toml]", "content/site.toml:4:"]);
}

#[test]
fn every_problem_is_reported_in_one_run() {
    let text = broken(|c| {
        common::replace(
            &c.join("local-offer/council-tax.md"),
            "contact: moving-on-team",
            "contact: nobody",
        );
        common::replace(
            &c.join("local-offer/training-flat.md"),
            "area: accommodation",
            "area: housing",
        );
        common::replace(
            &c.join("messages/words-we-use.md"),
            "said: 2026-07-02",
            "said: last July",
        );
    });
    has(
        &text,
        &[
            "error[unknown-contact]",
            "error[unknown-area]",
            "error[bad-date]",
            "3 errors to fix",
        ],
    );
}

#[test]
fn unknown_icon_and_no_promises() {
    let text = broken(|c| {
        fs::write(
            c.join("promises/0-11/empty.md"),
            "---\ntitle: Empty\nsummary: Nothing\nicon: sheild\n---\nJust words.\n",
        )
        .unwrap();
    });
    has(
        &text,
        &[
            "error[unknown-icon]",
            "did you mean \"shield\"?",
            "error[no-promises]",
            "content/promises/0-11/empty.md:6:1",
        ],
    );
}

#[test]
fn leaflet_template_error_names_the_line() {
    let text = broken(|c| {
        fs::create_dir_all(c.join("theme/leaflet")).unwrap();
        fs::write(
            c.join("theme/leaflet/leaflet.typ"),
            "#let data = json(\"data.json\")\n\n#text(size: 12pt, data.nothing)\n",
        )
        .unwrap();
    });
    has(
        &text,
        &["error[leaflet]", "content/theme/leaflet/leaflet.typ:3:", "nothing"],
    );
}
