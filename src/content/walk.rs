//! Walking the content folder: which file is which kind of content, which
//! are pictures and the editor's files, and what will not be used.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::config::Config;
use crate::diagnostics::{Diagnostic, suggest};
use crate::layout::{ADMIN, EVENTS, IMAGES, MESSAGES, OFFER, PAGES, PRINTED, PROMISES, SITE_TOML, THEME};

use super::words;

/// The kind of content a markdown file holds, by its folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FileKind {
    Promise,
    Offer,
    Message,
    Page,
    Event,
}

/// The markdown files to read and the pictures and editor's files (which
/// are published as they are), in a fixed order, and
/// warnings about anything in the content folder that will not be used.
pub(super) fn find_files(root: &Path, config: &Config) -> (Vec<(FileKind, PathBuf)>, Vec<PathBuf>, Vec<Diagnostic>) {
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
            ([PROMISES | OFFER | MESSAGES | PAGES | EVENTS], true) => continue,
            ([IMAGES | ADMIN, ..], true) => continue,
            ([IMAGES | ADMIN, ..], false) => {
                images.push(relative);
                continue;
            }
            ([THEME], true) => {
                walk.skip_current_dir();
                continue;
            }
            ([PROMISES, band], true) => {
                if config.band(band).is_none() {
                    problems.push(unknown_band(band, &relative, config));
                    walk.skip_current_dir();
                }
                continue;
            }
            ([SITE_TOML | PRINTED], false) => continue,
            ([name], false) if words::is_list(name, config) || is_site_words(name, config) => continue,
            ([PROMISES, _, _], false) => FileKind::Promise,
            ([OFFER, _], false) => FileKind::Offer,
            ([MESSAGES, _], false) => FileKind::Message,
            ([PAGES, _], false) => FileKind::Page,
            ([EVENTS, _], false) => FileKind::Event,
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
            problems.push(not_markdown(&relative));
        }
    }
    (files, images, problems)
}

/// Whether a file at the top of the content folder is site.toml's words in
/// one of the site's languages: `site.ar.toml`.
fn is_site_words(name: &str, config: &Config) -> bool {
    config
        .languages
        .iter()
        .any(|l| name == crate::config::site_words::file_name(l.code.get_ref()))
}

/// A folder under `promises/` named for no band.
fn unknown_band(band: &str, relative: &Path, config: &Config) -> Diagnostic {
    Diagnostic::error(
        "unknown-band",
        format!("there is no band called \"{band}\" in site.toml"),
    )
    .in_file(relative)
    .help(format!(
        "rename the folder to one of the bands, or add a [[bands]] entry for it to site.toml; {}",
        suggest(band, "bands", &config.band_ids())
    ))
}

fn not_markdown(relative: &Path) -> Diagnostic {
    Diagnostic::warning(
        "not-markdown",
        "this file is not read because its name does not end in .md",
    )
    .in_file(relative)
    .help("save content as a markdown file ending in .md, or move this file out of the content folder")
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
