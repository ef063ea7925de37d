//! `promise cms`: the settings of the browser editors councils already use,
//! made from site.toml, so the participation team can edit the content in
//! a form rather than in markdown files. Decap CMS and Sveltia CMS read
//! `admin/config.yml` (in the content folder; `build` publishes it at
//! `/admin/`), Pages CMS reads `.pages.yml` at the repository's root.
//! Each offers the bands, areas, contacts and groups site.toml has, as
//! choices, with the README's hints beside each field.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::config::Config;
use crate::layout::{ADMIN, IMAGES, MESSAGES, OFFER, PAGES, PROMISES};
use crate::leaving_care::Group;

/// The files to write, by where they go, for the site in `content` (a
/// folder of the repository whose root is `repository`). `icons` are the
/// names a promise page's `icon` can be.
pub fn files(config: &Config, content: &Path, repository: &Path, icons: &[&str]) -> Vec<(PathBuf, String)> {
    let folder = content
        .strip_prefix(repository)
        .unwrap_or(content)
        .to_string_lossy()
        .replace('\\', "/");
    let folder = folder.trim_matches('/');
    let at = |path: &str| {
        if folder.is_empty() {
            path.to_string()
        } else {
            format!("{folder}/{path}")
        }
    };
    let kinds = kinds(config);
    let choices = Choices::new(config, icons);
    vec![
        (
            content.join(ADMIN).join("config.yml"),
            decap(config, &kinds, &choices, &at),
        ),
        (content.join(ADMIN).join("index.html"), admin_page()),
        (repository.join(".pages.yml"), pages_cms(&kinds, &choices, &at)),
    ]
}

/// A field of a kind of content, as both editors are told it.
struct Field {
    name: &'static str,
    label: &'static str,
    hint: &'static str,
    required: bool,
    what: What,
}

const fn field(name: &'static str, label: &'static str, hint: &'static str, required: bool, what: What) -> Field {
    Field {
        name,
        label,
        hint,
        required,
        what,
    }
}

/// What a field holds.
#[derive(Clone, Copy)]
enum What {
    Line,
    Lines,
    Number,
    YesNo,
    Date,
    /// A list of short pieces of text.
    List,
    /// The markdown body.
    Body,
    /// One of the theme's icons.
    Icon,
    /// One of site.toml's areas.
    Area,
    /// Legal or extra.
    OfferKind,
    /// Any of the groups of care leaver.
    Groups,
    /// One of site.toml's contacts.
    Contact,
    /// Any of site.toml's contacts.
    Contacts,
}

/// A kind of content: where its files are and what they hold.
struct Kind {
    name: String,
    label: String,
    folder: String,
    fields: &'static [Field],
}

/// The choices site.toml and the theme give the fields that are choices,
/// as values and labels.
struct Choices {
    icons: Vec<(String, String)>,
    areas: Vec<(String, String)>,
    kinds: Vec<(String, String)>,
    groups: Vec<(String, String)>,
    contacts: Vec<(String, String)>,
}

impl Choices {
    fn new(config: &Config, icons: &[&str]) -> Choices {
        let same = |values: &[&str]| values.iter().map(|v| (v.to_string(), v.to_string())).collect();
        Choices {
            icons: same(icons),
            areas: config.areas.iter().map(|a| (a.id.clone(), a.title.clone())).collect(),
            kinds: same(&["legal", "extra"]),
            groups: Group::ALL
                .iter()
                .map(|g| (g.id().to_string(), g.id().replace('-', " ")))
                .collect(),
            contacts: config
                .contacts
                .iter()
                .map(|(key, c)| (key.clone(), c.name.clone()))
                .collect(),
        }
    }

    /// A field's choices and whether several may be chosen; None when it
    /// is not a choice.
    fn of(&self, what: What) -> Option<(&[(String, String)], bool)> {
        match what {
            What::Icon => Some((&self.icons, false)),
            What::Area => Some((&self.areas, false)),
            What::OfferKind => Some((&self.kinds, false)),
            What::Groups => Some((&self.groups, true)),
            What::Contact => Some((&self.contacts, false)),
            What::Contacts => Some((&self.contacts, true)),
            What::Line | What::Lines | What::Number | What::YesNo | What::Date | What::List | What::Body => None,
        }
    }
}

const SAFETY: Field = field(
    "safety",
    "Exit this page button",
    "Yes on a page a young person may need to leave quickly, about abuse or keeping safe.",
    false,
    What::YesNo,
);
const ALIASES: Field = field(
    "aliases",
    "Old addresses",
    "The addresses this page had before it was renamed or moved, such as /0-11/keeping-safe/: each leads here.",
    false,
    What::List,
);

/// A theme of a band's promises.
const PROMISE_FIELDS: &[Field] = &[
    field(
        "title",
        "Title",
        "The theme, such as \"Keeping you safe\".",
        true,
        What::Line,
    ),
    field(
        "summary",
        "Summary",
        "One short sentence shown under the title and on the band's page.",
        true,
        What::Line,
    ),
    field(
        "icon",
        "Picture",
        "A picture for the theme; the young and teen looks show a colourful illustration of it.",
        true,
        What::Icon,
    ),
    field(
        "order",
        "Order",
        "A whole number: where the theme comes in its band.",
        false,
        What::Number,
    ),
    field(
        "contacts",
        "Also call",
        "People to show after the band's contact.",
        false,
        What::Contacts,
    ),
    SAFETY,
    ALIASES,
    field(
        "body",
        "Promises",
        "One promise per line, each starting with \"- \". Links and pictures are written as in the README.",
        true,
        What::Body,
    ),
];

/// An entry of the local offer.
const OFFER_FIELDS: &[Field] = &[
    field("title", "Title", "What it is: \"Staying Put\".", true, What::Line),
    field(
        "area",
        "Area",
        "Where it is shown in the local offer.",
        true,
        What::Area,
    ),
    field(
        "ages",
        "Ages",
        "Who can get it, as two ages with a dash: 18-21.",
        true,
        What::Line,
    ),
    field(
        "kind",
        "Kind",
        "legal: what the law says every care leaver gets; extra: what the council adds.",
        true,
        What::OfferKind,
    ),
    field("summary", "Summary", "One sentence on what it is.", true, What::Line),
    field(
        "how_to_get_it",
        "How to get it",
        "What the young person does to get it.",
        true,
        What::Lines,
    ),
    field(
        "contact",
        "Who to contact",
        "Who to contact about it.",
        true,
        What::Contact,
    ),
    field(
        "reviewed",
        "Last checked",
        "When it was last checked.",
        true,
        What::Date,
    ),
    SAFETY,
    field(
        "for",
        "Only for",
        "The groups of care leaver who can get it; leave it empty when every care leaver can.",
        false,
        What::Groups,
    ),
    ALIASES,
    field("body", "More detail", "Optional: more about it.", false, What::Body),
];

/// A "you said, we did" message.
const MESSAGE_FIELDS: &[Field] = &[
    field("title", "What you said", "The young people's words.", true, What::Line),
    field("said", "When you said it", "The day it was said.", true, What::Date),
    field("we_did", "What we did", "One thing done per item.", true, What::List),
    field("next", "What happens next", "One thing per item.", true, What::List),
    field("body", "More", "Optional: more about it.", false, What::Body),
];

/// Any other page.
const PAGE_FIELDS: &[Field] = &[
    field("title", "Title", "The page's title.", true, What::Line),
    field(
        "summary",
        "Summary",
        "Optional: one sentence under the title.",
        false,
        What::Line,
    ),
    field(
        "contacts",
        "Contacts",
        "People whose details are shown at the end of the page.",
        false,
        What::Contacts,
    ),
    SAFETY,
    ALIASES,
    field("body", "Text", "The page, in markdown.", true, What::Body),
];

/// Every kind of content: a band's promises for each band, the local offer,
/// the messages and the other pages.
fn kinds(config: &Config) -> Vec<Kind> {
    let kind = |name: String, label: &str, folder: String, fields| Kind {
        name,
        label: label.to_string(),
        folder,
        fields,
    };
    let mut kinds: Vec<Kind> = config
        .bands
        .iter()
        .map(|band| {
            kind(
                format!("promises-{}", band.id),
                &format!("Promises: {}", band.label),
                format!("{PROMISES}/{}", band.id),
                PROMISE_FIELDS,
            )
        })
        .collect();
    kinds.push(kind(OFFER.into(), "Local offer", OFFER.into(), OFFER_FIELDS));
    kinds.push(kind(
        MESSAGES.into(),
        "You said, we did",
        MESSAGES.into(),
        MESSAGE_FIELDS,
    ));
    kinds.push(kind(PAGES.into(), "Other pages", PAGES.into(), PAGE_FIELDS));
    kinds
}

/// Decap CMS's and Sveltia CMS's `config.yml`.
fn decap(config: &Config, kinds: &[Kind], choices: &Choices, at: &dyn Fn(&str) -> String) -> String {
    let languages = !config.languages.is_empty();
    let collections: Vec<Value> = kinds
        .iter()
        .map(|kind| {
            let fields: Vec<Value> = kind.fields.iter().map(|f| decap_field(f, choices, languages)).collect();
            let mut collection = json!({
                "name": kind.name,
                "label": kind.label,
                "folder": at(&kind.folder),
                "create": true,
                "extension": "md",
                "format": "yaml-frontmatter",
                "slug": "{{slug}}",
                "fields": fields,
            });
            if languages {
                collection["i18n"] = json!(true);
            }
            collection
        })
        .collect();
    let mut settings = json!({
        "backend": { "name": "github", "repo": "OWNER/REPOSITORY", "branch": "main" },
        // Changes wait as drafts until someone publishes them.
        "publish_mode": "editorial_workflow",
        "media_folder": at(IMAGES),
        "public_folder": format!("/{}", IMAGES),
        "slug": { "encoding": "ascii", "clean_accents": true },
        "collections": collections,
    });
    if languages {
        let locales: Vec<&str> = std::iter::once(config.language.as_str())
            .chain(config.languages.iter().map(|l| l.code.get_ref().as_str()))
            .collect();
        settings["i18n"] = json!({
            "structure": "multiple_files",
            "locales": locales,
            "default_locale": config.language,
            // A file in the site's own language has no code in its name.
            "omit_default_locale_from_filename": true,
        });
    }
    format!("{HEADER}{}", serde_yaml_ng::to_string(&settings).unwrap_or_default())
}

fn decap_field(f: &Field, choices: &Choices, languages: bool) -> Value {
    let mut field = json!({ "name": f.name, "label": f.label, "hint": f.hint, "required": f.required });
    let widget = match (f.what, choices.of(f.what)) {
        (_, Some((options, multiple))) => json!({
            "widget": "select",
            "multiple": multiple,
            "options": options.iter().map(|(value, label)| json!({ "value": value, "label": label })).collect::<Vec<_>>(),
        }),
        (What::Lines, _) => json!({ "widget": "text" }),
        (What::Number, _) => json!({ "widget": "number", "value_type": "int" }),
        (What::YesNo, _) => json!({ "widget": "boolean", "default": false }),
        (What::Date, _) => json!({
            "widget": "datetime",
            "format": "YYYY-MM-DD",
            "date_format": "D MMMM YYYY",
            "time_format": false,
        }),
        (What::List, _) => json!({ "widget": "list" }),
        (What::Body, _) => json!({ "widget": "markdown" }),
        // A choice always has its options above.
        (What::Line | What::Icon | What::Area | What::OfferKind | What::Groups | What::Contact | What::Contacts, _) => {
            json!({ "widget": "string" })
        }
    };
    if let (Value::Object(field), Value::Object(widget)) = (&mut field, widget) {
        field.extend(widget);
    }
    if languages {
        // Words are translated; choices, dates and numbers are kept.
        let words = matches!(f.what, What::Line | What::Lines | What::List | What::Body);
        field["i18n"] = json!(if words { "translate" } else { "duplicate" });
    }
    field
}

/// Pages CMS's `.pages.yml`.
fn pages_cms(kinds: &[Kind], choices: &Choices, at: &dyn Fn(&str) -> String) -> String {
    let content: Vec<Value> = kinds
        .iter()
        .map(|kind| {
            let fields: Vec<Value> = kind.fields.iter().map(|f| pages_field(f, choices)).collect();
            json!({
                "name": kind.name,
                "label": kind.label,
                "type": "collection",
                "path": at(&kind.folder),
                "format": "yaml-frontmatter",
                // A translation (keeping-safe.ar.md) is edited beside its original.
                "filename": "{primary}.md",
                "fields": fields,
            })
        })
        .collect();
    let settings = json!({
        "media": { "input": at(IMAGES), "output": format!("/{}", IMAGES) },
        "content": content,
    });
    format!("{HEADER}{}", serde_yaml_ng::to_string(&settings).unwrap_or_default())
}

fn pages_field(f: &Field, choices: &Choices) -> Value {
    let mut field = json!({ "name": f.name, "label": f.label, "description": f.hint, "required": f.required });
    let kind = match (f.what, choices.of(f.what)) {
        (_, Some((options, multiple))) => json!({
            "type": "select",
            "list": multiple,
            "options": { "values": options.iter().map(|(value, label)| json!({ "value": value, "label": label })).collect::<Vec<_>>() },
        }),
        // The body is plain text, so a promise list is saved as written.
        (What::Lines | What::Body, _) => json!({ "type": "text" }),
        (What::Number, _) => json!({ "type": "number" }),
        (What::YesNo, _) => json!({ "type": "boolean", "default": false }),
        (What::Date, _) => json!({ "type": "date", "options": { "format": "yyyy-MM-dd" } }),
        (What::List, _) => json!({ "type": "string", "list": true }),
        // A choice always has its options above.
        (What::Line | What::Icon | What::Area | What::OfferKind | What::Groups | What::Contact | What::Contacts, _) => {
            json!({ "type": "string" })
        }
    };
    if let (Value::Object(field), Value::Object(kind)) = (&mut field, kind) {
        field.extend(kind);
    }
    field
}

const HEADER: &str = "# Written by `promise cms` from site.toml: run it again after changing the bands,\n# areas, contacts or languages there. See \"Editing in a browser\" in promise's README.\n";

/// The editor's script: one version of Sveltia CMS, from its publisher's
/// npm package as unpkg serves it. To move to a newer version, change both
/// lines: the hash is `openssl dgst -sha384 -binary sveltia-cms.js | openssl
/// base64 -A` of that version's file, and the browser suite checks it
/// against the package in its lock file (see "Editing in a browser").
pub const SCRIPT: &str = "https://unpkg.com/@sveltia/cms@0.221.1/dist/sveltia-cms.js";
pub const SCRIPT_INTEGRITY: &str = "sha384-JQ+XsKx/UzwdTiNnFStza3XtqqQoVtyNPApkfvwlzZDfhe7giE9CnfQrpHqgv3k6";

/// The editor's page: Sveltia CMS, which reads Decap CMS's settings. It is
/// for the participation team, not for young people, and loads the editor
/// from its publisher: the only page of the site that does, and only that
/// version of it, which the browser refuses if it has changed.
fn admin_page() -> String {
    format!(
        r#"<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Edit the site</title>
<script src="{SCRIPT}" integrity="{SCRIPT_INTEGRITY}" crossorigin="anonymous" type="module"></script>
</head>
<body></body>
</html>
"#
    )
}
