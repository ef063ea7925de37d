//! Editing in a browser: `promise cms` writes the editors' settings from
//! site.toml, and files saved the way those editors save them build to the
//! same pages.

use std::collections::BTreeMap;
use std::path::Path;

use promise::{Options, render_site};
use serde_yaml_ng::Value;

use crate::common;

fn yaml(path: &Path) -> Value {
    serde_yaml_ng::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn text<'a>(value: &'a Value, key: &str) -> &'a str {
    value[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} is text in {value:?}"))
}

fn list<'a>(value: &'a Value, key: &str) -> &'a Vec<Value> {
    value[key]
        .as_sequence()
        .unwrap_or_else(|| panic!("{key} is a list in {value:?}"))
}

/// The values a select field offers.
fn choices(field: &Value) -> Vec<String> {
    let options = if field["options"]["values"].is_sequence() {
        &field["options"]["values"]
    } else {
        &field["options"]
    };
    options
        .as_sequence()
        .unwrap()
        .iter()
        .map(|o| o["value"].as_str().unwrap().to_string())
        .collect()
}

/// Decap CMS's configuration, as its documentation describes it: the
/// backend, the media folder and collections of a folder, each field with a
/// name, a label and one of its widgets, a select with its options, and
/// i18n with a structure, locales and a default among them.
fn holds_to_decap(config: &Value) {
    const WIDGETS: [&str; 8] = [
        "string", "text", "number", "boolean", "datetime", "list", "select", "markdown",
    ];
    const TOP: [&str; 7] = [
        "backend",
        "publish_mode",
        "media_folder",
        "public_folder",
        "slug",
        "collections",
        "i18n",
    ];
    for key in config.as_mapping().unwrap().keys() {
        assert!(TOP.contains(&key.as_str().unwrap()), "{key:?} is not a Decap setting");
    }
    assert_eq!(text(&config["backend"], "name"), "github");
    assert!(text(&config["backend"], "repo").contains('/'));
    assert!(["simple", "editorial_workflow"].contains(&text(config, "publish_mode")));
    assert!(!text(config, "media_folder").is_empty());
    assert!(text(config, "public_folder").starts_with('/'));
    if !config["i18n"].is_null() {
        assert!(["multiple_files", "multiple_folders", "single_file"].contains(&text(&config["i18n"], "structure")));
        let locales: Vec<&str> = list(&config["i18n"], "locales")
            .iter()
            .map(|l| l.as_str().unwrap())
            .collect();
        assert!(locales.contains(&text(&config["i18n"], "default_locale")));
    }
    let collections = list(config, "collections");
    let mut names = Vec::new();
    for collection in collections {
        let name = text(collection, "name");
        assert!(!names.contains(&name), "{name} twice");
        names.push(name);
        text(collection, "label");
        text(collection, "folder");
        assert!(["yaml-frontmatter", "frontmatter"].contains(&text(collection, "format")));
        let mut fields = Vec::new();
        for field in list(collection, "fields") {
            let field_name = text(field, "name");
            assert!(!fields.contains(&field_name), "{name}: {field_name} twice");
            fields.push(field_name);
            text(field, "label");
            let widget = text(field, "widget");
            assert!(WIDGETS.contains(&widget), "{name}.{field_name}: {widget}");
            assert!(field["required"].is_bool());
            if widget == "select" {
                assert!(!choices(field).is_empty(), "{name}.{field_name} has options");
                assert!(field["multiple"].is_bool());
            }
            if widget == "datetime" {
                assert_eq!(text(field, "format"), "YYYY-MM-DD");
                assert_eq!(field["time_format"], Value::Bool(false));
            }
            if !config["i18n"].is_null() {
                assert!(["translate", "duplicate", "none"].contains(&text(field, "i18n")));
            }
        }
    }
}

/// Pages CMS's `.pages.yml`, as its documentation describes it.
fn holds_to_pages_cms(config: &Value) {
    const TYPES: [&str; 6] = ["string", "text", "number", "boolean", "date", "select"];
    assert!(!text(&config["media"], "input").is_empty());
    for item in list(config, "content") {
        assert_eq!(text(item, "type"), "collection");
        text(item, "name");
        text(item, "path");
        for field in list(item, "fields") {
            let kind = text(field, "type");
            assert!(TYPES.contains(&kind), "{kind}");
            assert!(
                text(field, "name")
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            );
            if kind == "select" {
                assert!(!choices(field).is_empty());
            }
        }
    }
}

fn field<'a>(collection: &'a Value, name: &str) -> &'a Value {
    list(collection, "fields")
        .iter()
        .find(|f| f["name"].as_str() == Some(name))
        .unwrap_or_else(|| panic!("a {name} field"))
}

#[test]
fn promise_cms_writes_settings_for_decap_sveltia_and_pages_cms_from_site_toml() {
    let dir = common::copy_of_example();
    let content = dir.path().join("content");
    std::fs::remove_dir_all(content.join("admin")).unwrap();
    let output = common::promise(dir.path(), &["cms"]);
    assert!(output.status.success(), "{}", common::stderr(&output));

    let decap = yaml(&content.join("admin/config.yml"));
    holds_to_decap(&decap);
    let collections = list(&decap, "collections");
    let folders: Vec<&str> = collections.iter().map(|c| text(c, "folder")).collect();
    assert_eq!(
        folders,
        [
            "content/promises/0-11",
            "content/promises/12-15",
            "content/promises/16-25",
            "content/local-offer",
            "content/messages",
            "content/pages"
        ]
    );
    let offer = &collections[3];
    assert_eq!(choices(field(offer, "area")).len(), 6);
    assert_eq!(choices(field(offer, "area"))[0], "health-and-wellbeing");
    assert_eq!(choices(field(offer, "kind")), ["legal", "extra"]);
    assert_eq!(
        choices(field(offer, "for")),
        ["eligible", "relevant", "former-relevant", "qualifying"]
    );
    assert!(choices(field(offer, "contact")).contains(&"moving-on-team".to_string()));
    assert_eq!(text(field(offer, "reviewed"), "widget"), "datetime");
    assert!(text(field(offer, "how_to_get_it"), "hint").contains("young person"));
    assert_eq!(
        field(&collections[0], "icon")["options"].as_sequence().unwrap().len(),
        15
    );
    // The site has an Arabic translation: each file's is kept beside it.
    assert_eq!(text(&decap["i18n"], "structure"), "multiple_files");
    assert_eq!(list(&decap["i18n"], "locales").len(), 2);
    assert_eq!(text(field(offer, "title"), "i18n"), "translate");
    assert_eq!(text(field(offer, "area"), "i18n"), "duplicate");
    let page = std::fs::read_to_string(content.join("admin/index.html")).unwrap();
    assert!(page.contains("<meta name=\"robots\" content=\"noindex\">"));

    let pages_cms = yaml(&dir.path().join(".pages.yml"));
    holds_to_pages_cms(&pages_cms);
    let items = list(&pages_cms, "content");
    assert_eq!(items.len(), 6);
    assert_eq!(text(&items[3], "path"), "content/local-offer");
    assert_eq!(choices(field(&items[3], "kind")), ["legal", "extra"]);

    // The editor's page is published, but is no page of the site.
    let options = Options {
        leaflets: false,
        ..Options::default()
    };
    let built = render_site(&content, &options).unwrap();
    assert!(built.outputs.contains_key("admin/config.yml"));
    assert!(built.outputs.contains_key("admin/index.html"));
    assert!(!String::from_utf8_lossy(&built.outputs["sitemap.xml"]).contains("admin"));
    let headers = String::from_utf8_lossy(&built.outputs["_headers"]).into_owned();
    assert!(
        headers.contains(
            "\n/admin/*\n  Content-Security-Policy: default-src 'self'; script-src 'self' https://unpkg.com/@sveltia/cms@0.221.1/dist/sveltia-cms.js;"
        )
    );
}

#[test]
fn site_toml_that_cannot_be_read_writes_no_settings() {
    let dir = common::copy_of_example();
    let content = dir.path().join("content");
    std::fs::remove_dir_all(content.join("admin")).unwrap();
    common::replace(&content.join("site.toml"), "title = \"Our promise to you\"", "title = ");
    let output = common::promise(dir.path(), &["cms"]);
    assert!(!output.status.success());
    assert!(common::stderr(&output).contains("site.toml"));
    assert!(!content.join("admin").exists());
}

/// A content file as Decap CMS and Sveltia CMS save it: the front matter
/// written again in the order of the editor's fields (not the author's),
/// every piece of text in double quotes with its non-ASCII letters escaped,
/// comments gone; in the body, list items start with `*` and characters
/// markdown could read as markup are escaped.
fn as_an_editor_saves(text: &str) -> String {
    // Front matter written in TOML is saved as YAML, as the editor writes it.
    let fence = &text[..4];
    let rest = &text[4..];
    let (front, body) = rest
        .split_once(&format!("\n{}", fence))
        .unwrap_or_else(|| panic!("front matter in {text}"));
    let values: BTreeMap<String, Value> = if fence == "+++\n" {
        let table: toml::Table = toml::from_str(front).unwrap();
        serde_yaml_ng::to_value(table)
            .unwrap()
            .as_mapping()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.as_str().unwrap().to_string(), v.clone()))
            .collect()
    } else {
        serde_yaml_ng::from_str(front).unwrap()
    };
    let quoted = |v: &Value| match v {
        Value::String(s) => serde_json::to_string(s)
            .unwrap()
            .chars()
            .fold(String::new(), |mut out, c| {
                match c as u32 {
                    0..=0x7f => out.push(c),
                    code @ 0x80..=0xffff => out.push_str(&format!("\\u{code:04X}")),
                    code => out.push_str(&format!("\\U{code:08X}")),
                }
                out
            }),
        other => serde_yaml_ng::to_string(other).unwrap().trim().to_string(),
    };
    let mut out = String::from("---\n");
    // The editor's order: reversed, so no key is where the author put it.
    for (key, value) in values.iter().rev() {
        match value {
            Value::Sequence(items) => {
                out.push_str(&format!("{key}:\n"));
                for item in items {
                    out.push_str(&format!("  - {}\n", quoted(item)));
                }
            }
            // A translation's record of its original, kept as it was.
            Value::Mapping(fields) => {
                out.push_str(&format!("{key}:\n"));
                for (k, v) in fields {
                    out.push_str(&format!("  {}: {}\n", k.as_str().unwrap(), quoted(v)));
                }
            }
            other => out.push_str(&format!("{key}: {}\n", quoted(other))),
        }
    }
    out.push_str("---\n");
    for line in body.lines() {
        let line = match line.strip_prefix("- ") {
            Some(item) => format!("* {item}"),
            None => line.to_string(),
        };
        // Escaped as an editor escapes them, outside links.
        let line = if line.contains("](") {
            line
        } else {
            line.replace('_', "\\_").replace('&', "&amp;")
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

#[test]
fn files_saved_by_a_browser_editor_build_to_the_same_pages_and_keep_allow_comments() {
    let original = common::copy_of_example();
    let content = original.path().join("content");
    // An author's comment that silences a check for one line, in the body.
    common::replace(
        &content.join("promises/0-11/keeping-safe.md"),
        "- We will find you a safe and happy home.",
        "- We will find you a safe and happy home, not a placement. <!-- allow: placement -->",
    );
    let edited = tempfile::tempdir().unwrap();
    let saved = edited.path().join("content");
    let mut rewritten = 0;
    for entry in walkdir::WalkDir::new(&content).into_iter().filter_map(Result::ok) {
        let relative = entry.path().strip_prefix(&content).unwrap();
        let target = saved.join(relative);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else if relative.extension().is_some_and(|e| e == "md") {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            std::fs::write(&target, as_an_editor_saves(&text)).unwrap();
            rewritten += 1;
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
    assert!(rewritten > 40);
    let sample = std::fs::read_to_string(saved.join("local-offer/staying-put.md")).unwrap();
    assert!(
        sample.starts_with("---\ntitle: \"Staying Put\"\n") && sample.contains("\nfor: \"former-relevant\"\n"),
        "{sample}"
    );
    let promises = std::fs::read_to_string(saved.join("promises/0-11/keeping-safe.md")).unwrap();
    assert!(
        promises.contains("\n* We will find you a safe and happy home, not a placement. <!-- allow: placement -->\n")
    );

    let options = Options {
        leaflets: false,
        ..Options::default()
    };
    let before = render_site(&content, &options).expect("the original builds");
    let after = render_site(&saved, &options).expect("what the editor saved builds");
    let pages = |built: &promise::Built| -> BTreeMap<String, Vec<u8>> {
        built
            .outputs
            .iter()
            .filter(|(f, _)| f.ends_with(".html"))
            .map(|(f, b)| (f.clone(), b.clone()))
            .collect()
    };
    let (before_pages, after_pages) = (pages(&before), pages(&after));
    assert_eq!(
        before_pages.keys().collect::<Vec<_>>(),
        after_pages.keys().collect::<Vec<_>>()
    );
    for (file, bytes) in &before_pages {
        assert!(
            after_pages[file] == *bytes,
            "{file} differs once an editor saved its file"
        );
    }
    let silenced = |built: &promise::Built| {
        !built.warnings.iter().any(|w| {
            w.at.as_ref()
                .is_some_and(|at| at.file.ends_with("promises/0-11/keeping-safe.md"))
                && w.message.contains("placement")
        })
    };
    assert!(
        silenced(&before) && silenced(&after),
        "the allow comment still silences the check"
    );
    // Without it, the check speaks.
    common::replace(
        &saved.join("promises/0-11/keeping-safe.md"),
        " <!-- allow: placement -->",
        "",
    );
    assert!(!silenced(&render_site(&saved, &options).unwrap()));
}
