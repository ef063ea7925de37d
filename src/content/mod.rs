//! Load: reads the content folder once into the model, reporting every
//! problem it finds on the way.

mod confine;
mod fields;
pub mod front_matter;
pub mod model;
mod promise_list;
mod translations;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::config::{self, Ages, Config};
use crate::diagnostics::{Diagnostic, Location, suggest};
use crate::leaving_care::Group;
pub use confine::{Folder, ReadError, read};
use fields::Fields;
pub use model::*;

/// The folders of a content folder, and what goes in each.
const PROMISES: &str = "promises";
const OFFER: &str = "local-offer";
const MESSAGES: &str = "messages";
const PAGES: &str = "pages";
/// Pictures the content shows, served from /images/.
pub const IMAGES: &str = "images";
/// Template and stylesheet overrides; read by the theme, not here.
pub const THEME: &str = "theme";

/// Reads the whole content folder. `icons` are the names of the theme's icons
/// a promise page may use. Returns the site with any warnings, or every
/// problem found.
pub fn load(root: &Path, base_url: Option<&str>, icons: &[&str]) -> Result<(Site, Vec<Diagnostic>), Vec<Diagnostic>> {
    let config = config::read(root, Path::new(config::FILE_NAME), base_url)?;
    // The first phone number read loads every country's rules (a twentieth
    // of a second), so site.toml's numbers are checked while the files load.
    let (phones, found) = rayon::join(
        || config::phone_problems(&config, Path::new(config::FILE_NAME)),
        || -> Result<_, Vec<Diagnostic>> {
            let (files, images, problems) = find_files(root, &config);
            // site.toml was just read from it, so the folder is there.
            let folder = Folder::new(root).map_err(|e| vec![e.diagnostic(Path::new(config::FILE_NAME))])?;
            let loaded: Vec<Result<Item, Vec<Diagnostic>>> = files
                .par_iter()
                .map(|(kind, file)| load_file(&folder, file, *kind, &config, icons))
                .collect();
            Ok((images, problems, loaded))
        },
    );
    if !phones.is_empty() {
        return Err(phones);
    }
    let (images, mut problems, loaded) = found?;
    let mut site = Site {
        config,
        promise_pages: Vec::new(),
        offer: Vec::new(),
        messages: Vec::new(),
        pages: Vec::new(),
        images: Vec::new(),
        admin: Vec::new(),
        translations: Default::default(),
    };
    for file in images {
        match read(root, &file) {
            Ok(bytes) => {
                let (folder, list) = if file.starts_with(crate::cms::ADMIN) {
                    (crate::cms::ADMIN, &mut site.admin)
                } else {
                    (IMAGES, &mut site.images)
                };
                let name = file.strip_prefix(folder).unwrap_or(&file);
                list.push((name.to_string_lossy().replace('\\', "/"), bytes));
            }
            Err(e) => problems.push(e.diagnostic(&file)),
        }
    }
    let mut translated = Vec::new();
    for item in loaded {
        match item {
            Ok(item) if item.language().is_some() => translated.push(item),
            Ok(Item::Promise(p)) => site.promise_pages.push(p),
            Ok(Item::Offer(e)) => site.offer.push(e),
            Ok(Item::Message(m)) => site.messages.push(m),
            Ok(Item::Page(p)) => site.pages.push(p),
            Err(found) => problems.extend(found),
        }
    }
    for item in translated {
        let language = item.language().unwrap_or_default().to_string();
        let into = site.translations.entry(language).or_default();
        match item {
            Item::Promise(p) => into.promise_pages.push(p),
            Item::Offer(e) => into.offer.push(e),
            Item::Message(m) => into.messages.push(m),
            Item::Page(p) => into.pages.push(p),
        }
    }
    sort(&mut site);
    problems.extend(translations::check(&site));
    problems.extend(translations::missing(&site));
    if problems.iter().any(Diagnostic::is_error) {
        return Err(problems);
    }
    Ok((site, problems))
}

fn sort(site: &mut Site) {
    let band_index = |id: &str| site.config.bands.iter().position(|b| b.id == id);
    site.promise_pages
        .sort_by(|a, b| (band_index(&a.band), a.order, &a.slug).cmp(&(band_index(&b.band), b.order, &b.slug)));
    let area_index = |id: &str| site.config.areas.iter().position(|a| a.id == id);
    site.offer
        .sort_by(|a, b| (area_index(&a.area), &a.title, &a.slug).cmp(&(area_index(&b.area), &b.title, &b.slug)));
    site.messages.sort_by(|a, b| (b.said, &a.slug).cmp(&(a.said, &b.slug)));
    site.pages.sort_by(|a, b| (&a.title, &a.slug).cmp(&(&b.title, &b.slug)));
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FileKind {
    Promise,
    Offer,
    Message,
    Page,
}

enum Item {
    Promise(PromisePage),
    Offer(OfferEntry),
    Message(Message),
    Page(Page),
}

impl Item {
    fn language(&self) -> Option<&str> {
        let origin = match self {
            Item::Promise(p) => &p.origin,
            Item::Offer(e) => &e.origin,
            Item::Message(m) => &m.origin,
            Item::Page(p) => &p.origin,
        };
        origin.language.as_deref()
    }
}

/// The markdown files to read and the pictures and editor's files (which
/// are published as they are), in a fixed order, and
/// warnings about anything in the content folder that will not be used.
fn find_files(root: &Path, config: &Config) -> (Vec<(FileKind, PathBuf)>, Vec<PathBuf>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut images = Vec::new();
    let mut problems = Vec::new();
    let mut walk = WalkDir::new(root).min_depth(1).sort_by_file_name().into_iter();
    while let Some(entry) = walk.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                problems.push(Diagnostic::error("unreadable", format!("cannot read {e}")));
                continue;
            }
        };
        let relative = entry.path().strip_prefix(root).unwrap_or(entry.path()).to_path_buf();
        let parts: Vec<String> = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let is_dir = entry.file_type().is_dir();
        if parts.last().is_some_and(|name| name.starts_with('.')) {
            if is_dir {
                walk.skip_current_dir();
            }
            continue;
        }
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        let kind = match (parts.as_slice(), is_dir) {
            ([PROMISES | OFFER | MESSAGES | PAGES], true) => continue,
            ([IMAGES | crate::cms::ADMIN, ..], true) => continue,
            ([IMAGES | crate::cms::ADMIN, ..], false) => {
                images.push(relative);
                continue;
            }
            ([THEME], true) => {
                walk.skip_current_dir();
                continue;
            }
            ([PROMISES, band], true) => {
                if config.band(band).is_none() {
                    problems.push(
                        Diagnostic::error(
                            "unknown-band",
                            format!("there is no band called \"{band}\" in site.toml"),
                        )
                        .in_file(&relative)
                        .help(format!(
                            "rename the folder to one of the bands, or add a [[bands]] entry for it to site.toml; {}",
                            suggest(band, "bands", &config.band_ids())
                        )),
                    );
                    walk.skip_current_dir();
                }
                continue;
            }
            ([config::FILE_NAME | crate::publish::printed::FILE], false) => continue,
            ([name], false) if crate::check::words::is_list(name, config) => continue,
            ([PROMISES, _, _], false) => FileKind::Promise,
            ([OFFER, _], false) => FileKind::Offer,
            ([MESSAGES, _], false) => FileKind::Message,
            ([PAGES, _], false) => FileKind::Page,
            _ => {
                problems.push(unused(&relative, is_dir, config));
                if is_dir {
                    walk.skip_current_dir();
                }
                continue;
            }
        };
        if relative.extension().is_some_and(|e| e == "md") {
            files.push((kind, relative));
        } else {
            problems.push(
                Diagnostic::warning(
                    "not-markdown",
                    "this file is not read because its name does not end in .md",
                )
                .in_file(&relative)
                .help("save content as a markdown file ending in .md, or move this file out of the content folder"),
            );
        }
    }
    (files, images, problems)
}

fn unused(relative: &Path, is_dir: bool, config: &Config) -> Diagnostic {
    let what = if is_dir { "folder" } else { "file" };
    let help = match relative.components().count() {
        1 => format!(
            "content goes in the folders {PROMISES}/<band>/, {OFFER}/, {MESSAGES}/ and {PAGES}/; pictures in {IMAGES}/; templates in {THEME}/"
        ),
        2 if relative.starts_with(PROMISES) => format!(
            "promise pages go in a folder for their band, such as {PROMISES}/{}/",
            config.band_ids().first().copied().unwrap_or("0-11")
        ),
        _ => "move it next to the other files of its kind, or out of the content folder".to_string(),
    };
    Diagnostic::warning("unused-file", format!("this {what} is not used by the site"))
        .in_file(relative)
        .help(help)
}

/// The text of a file, or an error saying where it stops being UTF-8.
pub fn utf8(file: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let good = String::from_utf8_lossy(good);
        let line = good.matches('\n').count() + 1;
        let column = good.rsplit('\n').next().unwrap_or_default().chars().count() + 1;
        Diagnostic::error("not-utf8", "this file is not saved as UTF-8 text")
            .at(Location { file: file.to_path_buf(), line, column, len: 1 })
            .label("this character cannot be read")
            .help("open the file in your editor and save it again choosing the \"UTF-8\" encoding; text copied from Word can bring in characters in another encoding")
    })
}

fn load_file(
    folder: &Folder,
    file: &Path,
    kind: FileKind,
    config: &Config,
    icons: &[&str],
) -> Result<Item, Vec<Diagnostic>> {
    let bytes = folder.read(file).map_err(|e| vec![e.diagnostic(file)])?;
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
    let mut problems = Vec::new();
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
    };
    problems.extend(found);
    if problems.is_empty() { Ok(item) } else { Err(problems) }
}

/// One content file, read and split, on its way into the model.
struct Source<'a> {
    file: &'a Path,
    parsed: front_matter::Parsed<'a>,
    origin: Origin,
    slug: String,
    body: String,
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
    let ages_text = f.text("ages");
    let ages = Ages::parse(&ages_text).unwrap_or(Ages { from: 0, to: 0 });
    if !ages_text.is_empty() && Ages::parse(&ages_text).is_none() {
        f.problems.push(
            Diagnostic::error("bad-ages", format!("\"{ages_text}\" is not a range of ages"))
                .at(f.location("ages"))
                .help(Ages::HELP),
        );
    }
    let kind = match f.text("kind").as_str() {
        "legal" => Kind::Legal,
        "extra" => Kind::Extra,
        "" => Kind::Extra,
        other => {
            f.problems.push(
                Diagnostic::error("bad-kind", format!("\"{other}\" is not a kind of entry"))
                    .at(f.location("kind"))
                    .help("write kind: legal for what the law says every care leaver gets, or kind: extra for what this council adds"),
            );
            Kind::Extra
        }
    };
    let summary = f.text("summary");
    let how_to_get_it = f.text("how_to_get_it");
    let contact = f.text("contact");
    if !contact.is_empty() && !config.contacts.contains_key(&contact) {
        f.problems.push(config::unknown_contact(
            &contact,
            &config.contact_keys(),
            f.location("contact"),
        ));
    }
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

/// The groups of care leaver an entry's `for` names; none means all.
fn groups(f: &mut Fields) -> Vec<Group> {
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
fn aliases(f: &mut Fields, config: &Config) -> Vec<String> {
    let base = config.base_url();
    let mut paths = Vec::new();
    for written in f.list("aliases", false) {
        match crate::publish::redirects::alias_path(&written, &base) {
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
