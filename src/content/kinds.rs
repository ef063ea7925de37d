//! Building each kind of content from its file: a promise page, an offer
//! entry, a message or a page, with every mistake in its front matter.

use std::collections::BTreeMap;
use std::path::Path;

use crate::config::{self, Ages, Config};
use crate::diagnostics::{Diagnostic, Location, suggest};
use crate::files::{Folder, utf8};
use crate::leaving_care::Group;

use super::fields::{Fields, TRANSLATED_FROM};
use super::schedule::{self, Hold};
use super::walk::FileKind;
use super::{Item, Kind, Message, OfferEntry, Origin, Page, PromisePage, front_matter, promise_list};

/// A file's content and why it is not on the site today, if it is not; or
/// every mistake in it.
pub(super) type Loaded = Result<(Item, Option<Hold>), Vec<Diagnostic>>;

pub(super) fn load_file(
    folder: &Folder,
    file: &Path,
    kind: FileKind,
    config: &Config,
    icons: &[&str],
    today: jiff::civil::Date,
) -> Loaded {
    let bytes = folder
        .read_at_most(file, crate::files::PAGE_BYTES)
        .map_err(|e| vec![e.diagnostic(file)])?;
    let text = utf8(file, bytes).map_err(|d| vec![d])?;
    let parsed = front_matter::parse(file, &text).map_err(|d| vec![d])?;
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    // "keeping-safe.ar" is the Arabic translation of "keeping-safe".
    let translation = stem
        .rsplit_once('.')
        .and_then(|(slug, code)| Some((slug.to_string(), config.language(code)?.code.get_ref().clone())));
    let (stem, language) = match translation {
        Some((slug, code)) => (slug, Some(code)),
        None => (stem, None),
    };
    let hold = schedule::hold(file, &parsed, today)?;
    let title = parsed
        .values
        .get("title")
        .and_then(|t| t.as_str())
        .unwrap_or(&stem)
        .to_string();
    let mut problems = Vec::new();
    let translated_from = translated_from(file, &parsed, language.is_some(), &mut problems);
    if !config::is_slug(&stem) {
        problems.push(
            Diagnostic::error(
                "bad-file-name",
                format!("the file name \"{stem}\" cannot be used in a web address"),
            )
            .in_file(file)
            .help(format!(
                "rename the file to \"{}.md\": lower-case letters, numbers and dashes only{}",
                slugify(&stem),
                if stem.contains('.') {
                    "; if it is a translation, name its language in [[languages]] in site.toml"
                } else {
                    ""
                }
            )),
        );
    }
    let source = Source {
        file,
        origin: Origin {
            file: file.to_path_buf(),
            body_line: parsed.body_line,
            front: parsed.front.to_string(),
            front_line: parsed.front_line,
            language,
            translated_from,
            original_changed: false,
        },
        body: parsed.body.to_string(),
        parsed,
        slug: stem,
    };
    let (item, found) = match kind {
        FileKind::Promise => promise_page(source, config, icons),
        FileKind::Offer => offer_entry(source, config),
        FileKind::Message => message(source),
        FileKind::Page => page(source, config),
        FileKind::Event => super::event::event(source, config),
    };
    problems.extend(found);
    match hold {
        // What is not on the site today cannot stop a build: its mistakes
        // are told as warnings, with why it is not on the site.
        Some(hold) if !problems.is_empty() => {
            let mut told = schedule::as_warnings(problems);
            told.push(schedule::said(file, &title, &hold, item.leads_to()));
            Err(told)
        }
        Some(Hold::Draft) => Err(vec![schedule::said(file, &title, &Hold::Draft, item.leads_to())]),
        _ if problems.is_empty() => Ok((item, hold)),
        _ => Err(problems),
    }
}

/// What a translation records of its original: each piece's id and hash.
/// Only a translation has it, and `promise translations mark` writes it.
fn translated_from(
    file: &Path,
    parsed: &front_matter::Parsed,
    translation: bool,
    problems: &mut Vec<Diagnostic>,
) -> BTreeMap<String, String> {
    let Some(value) = parsed.values.get(TRANSLATED_FROM) else {
        return BTreeMap::new();
    };
    let at = parsed.location(file, TRANSLATED_FROM);
    if !translation {
        problems.push(
            Diagnostic::error(
                "not-a-translation",
                "only a translation records what it was translated from",
            )
            .at(at)
            .help(format!(
                "remove the \"{TRANSLATED_FROM}\" lines: this file is in the site's own language"
            )),
        );
        return BTreeMap::new();
    }
    let record: Option<BTreeMap<String, String>> = value.as_object().and_then(|pieces| {
        pieces
            .iter()
            .map(|(id, hash)| Some((id.clone(), hash.as_str()?.to_string())))
            .collect()
    });
    record.unwrap_or_else(|| {
        problems.push(
            Diagnostic::error("bad-field", format!("\"{TRANSLATED_FROM}\" is not as `promise translations mark` writes it"))
                .at(at)
                .help(format!(
                    "remove the \"{TRANSLATED_FROM}\" lines and run `promise translations mark` again once the translation says what its original says"
                )),
        );
        BTreeMap::new()
    })
}

/// One content file, read and split, on its way into the model.
pub(super) struct Source<'a> {
    pub file: &'a Path,
    pub parsed: front_matter::Parsed<'a>,
    pub origin: Origin,
    pub slug: String,
    pub body: String,
}

fn promise_page(src: Source, config: &Config, icons: &[&str]) -> (Item, Vec<Diagnostic>) {
    let mut f = Fields::new(
        src.file,
        &src.parsed,
        "a promise page",
        &["title", "order", "summary", "icon", "contacts", "safety", "aliases"],
    );
    let title = f.text("title");
    let order = f.number("order", false).unwrap_or(i64::MAX);
    let summary = f.text("summary");
    let icon = f.text("icon");
    if !icon.is_empty() && !icons.contains(&icon.as_str()) {
        f.problems.push(
            Diagnostic::error("unknown-icon", format!("the theme has no icon called \"{icon}\""))
                .at(f.location("icon"))
                .help(suggest(&icon, "icons", icons)),
        );
    }
    let contacts = contact_list(&mut f, config);
    let safety = f.yes_no("safety");
    let aliases = aliases(&mut f, config);
    let promises = promise_list::promises(&src.body, src.origin.body_line);
    if promises.is_empty() {
        f.problems.push(
            Diagnostic::error("no-promises", "this promise page has no promises")
                .at(Location { file: src.file.to_path_buf(), line: src.origin.body_line, column: 1, len: 1 })
                .help("write each promise as a list item on its own line, starting with \"- \", such as \"- We will listen to you.\""),
        );
    }
    let band = src
        .file
        .iter()
        .nth(1)
        .map(|b| b.to_string_lossy().into_owned())
        .unwrap_or_default();
    let page = PromisePage {
        origin: src.origin,
        band,
        slug: src.slug,
        title,
        order,
        summary,
        icon,
        contacts,
        safety,
        aliases,
        body: src.body,
        promises,
    };
    (Item::Promise(page), f.finish())
}

fn offer_entry(src: Source, config: &Config) -> (Item, Vec<Diagnostic>) {
    const FIELDS: &[&str] = &[
        "title",
        "area",
        "ages",
        "kind",
        "summary",
        "how_to_get_it",
        "contact",
        "reviewed",
        "safety",
        "for",
        "aliases",
    ];
    let mut f = Fields::new(src.file, &src.parsed, "a local offer entry", FIELDS);
    let title = f.text("title");
    let area = area(&mut f, config);
    let ages = age_range(&mut f, true).unwrap_or(Ages { from: 0, to: 0 });
    let kind = kind(&mut f);
    let summary = f.text("summary");
    let how_to_get_it = f.text("how_to_get_it");
    let contact = contact(&mut f, config);
    let reviewed = f.date("reviewed").unwrap_or_default();
    let safety = f.yes_no("safety");
    let groups = groups(&mut f);
    let aliases = aliases(&mut f, config);
    let entry = OfferEntry {
        origin: src.origin,
        slug: src.slug,
        title,
        area,
        ages,
        kind,
        summary,
        how_to_get_it,
        contact,
        reviewed,
        safety,
        groups,
        aliases,
        body: src.body,
    };
    (Item::Offer(entry), f.finish())
}

/// An entry's `area`: one of `[[areas]]` in site.toml.
fn area(f: &mut Fields, config: &Config) -> String {
    let area = f.text("area");
    if !area.is_empty() && config.area(&area).is_none() {
        f.problems.push(
            Diagnostic::error(
                "unknown-area",
                format!("there is no local offer area called \"{area}\""),
            )
            .at(f.location("area"))
            .label("not one of the [[areas]] in site.toml")
            .help(suggest(&area, "areas", &config.area_ids())),
        );
    }
    area
}

/// A file's `ages`, such as `16-25`.
pub(super) fn age_range(f: &mut Fields, required: bool) -> Option<Ages> {
    let text = f.optional_text("ages", required)?;
    let ages = Ages::parse(&text);
    if !text.is_empty() && ages.is_none() {
        f.problems.push(
            Diagnostic::error("bad-ages", format!("\"{text}\" is not a range of ages"))
                .at(f.location("ages"))
                .help(Ages::HELP),
        );
    }
    ages
}

/// A file's `contact`: one key of `[contacts]` in site.toml.
pub(super) fn contact(f: &mut Fields, config: &Config) -> String {
    let contact = f.text("contact");
    if !contact.is_empty() && !config.contacts.contains_key(&contact) {
        f.problems.push(config::unknown_contact(
            &contact,
            &config.contact_keys(),
            f.location("contact"),
        ));
    }
    contact
}

/// An entry's `kind`: what the law gives, or what the council adds.
fn kind(f: &mut Fields) -> Kind {
    match f.text("kind").as_str() {
        "legal" => Kind::Legal,
        "extra" | "" => Kind::Extra,
        other => {
            f.problems.push(
                Diagnostic::error("bad-kind", format!("\"{other}\" is not a kind of entry"))
                    .at(f.location("kind"))
                    .help("write kind: legal for what the law says every care leaver gets, or kind: extra for what this council adds"),
            );
            Kind::Extra
        }
    }
}

/// The groups of care leaver an entry's `for` names; none means all.
pub(super) fn groups(f: &mut Fields) -> Vec<Group> {
    let mut groups = Vec::new();
    for name in f.list("for", false) {
        match Group::parse(&name.to_lowercase().replace(' ', "-")) {
            Some(group) if !groups.contains(&group) => groups.push(group),
            Some(_) => {}
            None => f.problems.push(
                Diagnostic::error("unknown-group", format!("\"{name}\" is not a group of care leaver"))
                    .at(f.location("for"))
                    .label("not eligible, relevant, former-relevant or qualifying")
                    .help(format!(
                        "{}; leave \"for\" out if the entry is for every care leaver",
                        suggest(&name, "groups", &Group::ids())
                    )),
            ),
        }
    }
    groups.sort();
    groups
}

fn message(src: Source) -> (Item, Vec<Diagnostic>) {
    let mut f = Fields::new(src.file, &src.parsed, "a message", &["title", "said", "we_did", "next"]);
    let title = f.text("title");
    let said = f.date("said").unwrap_or_default();
    let we_did = f.list("we_did", true);
    let next = f.list("next", true);
    let message = Message {
        origin: src.origin,
        slug: src.slug,
        title,
        said,
        we_did,
        next,
        body: src.body,
    };
    (Item::Message(message), f.finish())
}

fn page(src: Source, config: &Config) -> (Item, Vec<Diagnostic>) {
    let mut f = Fields::new(
        src.file,
        &src.parsed,
        "a page",
        &["title", "summary", "contacts", "safety", "aliases"],
    );
    let title = f.text("title");
    let summary = f.optional_text("summary", false).unwrap_or_default();
    let contacts = contact_list(&mut f, config);
    let safety = f.yes_no("safety");
    let aliases = aliases(&mut f, config);
    let page = Page {
        origin: src.origin,
        slug: src.slug,
        title,
        summary,
        contacts,
        safety,
        aliases,
        body: src.body,
    };
    (Item::Page(page), f.finish())
}

/// A file's `contacts`: keys of `[contacts]` in site.toml, each checked.
fn contact_list(f: &mut Fields, config: &Config) -> Vec<String> {
    let contacts = f.list("contacts", false);
    for key in &contacts {
        if !config.contacts.contains_key(key) {
            f.problems.push(config::unknown_contact(
                key,
                &config.contact_keys(),
                f.location("contacts"),
            ));
        }
    }
    contacts
}

/// A file's `aliases`, the addresses it had before, each as a path from the
/// site's root (`0-11/keeping-safe/`) however it was written: `/0-11/keeping-safe`,
/// the full address, or with `index.html`.
pub(super) fn aliases(f: &mut Fields, config: &Config) -> Vec<String> {
    let base = config.base_url();
    let mut paths = Vec::new();
    for written in f.list("aliases", false) {
        match crate::layout::alias_path(&written, &base) {
            Some(path) => paths.push(path),
            None => f.problems.push(
                Diagnostic::error("bad-alias", format!("\"{written}\" is not an old address of this site"))
                    .at(f.location("aliases"))
                    .label("each alias is an address this page had before")
                    .help(format!(
                        "write the old address from the site's root, such as /0-11/keeping-safe/, or in full, such as {base}0-11/keeping-safe/"
                    )),
            ),
        }
    }
    paths
}

/// A name made safe for a web address: "Keeping Safe!" becomes "keeping-safe".
pub fn slugify(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}
