//! `promise` turns a council's promises to children in care, its local offer
//! for care leavers and its "you said, we did" messages into an accessible
//! website.
//!
//! The flow runs one way: [`content::load`] reads the content folder into the
//! model, [`render::render`] turns the model into files, and
//! [`output::write`] puts them on disk. Every problem on the way is a
//! [`diagnostics::Diagnostic`].

// A `Diagnostic` is large, but it is only ever returned when content is wrong:
// a cold path where boxing it at every call site would only add noise.
#![allow(clippy::result_large_err)]

pub mod check;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod editor;
pub mod email;
pub mod files;
pub mod layout;
pub mod leaving_care;
pub mod output;
pub mod phone;
pub mod pictures;
pub mod print;
pub mod printed;
pub mod recipes;
pub mod render;
pub mod report;
pub mod serve;
mod starter;
pub mod store;
pub mod translations;

use std::path::Path;
use std::sync::Arc;

use jiff::civil::Date;

use diagnostics::Diagnostic;
use layout::Outputs;
use render::theme::Theme;

pub use starter::{new_site, new_strings};

/// A built site, not yet written, with the warnings found on the way.
#[derive(Debug)]
pub struct Built {
    pub outputs: Outputs,
    pub warnings: Vec<Diagnostic>,
    /// The model the site was built from.
    pub site: content::Site,
    /// The record of every address the site's leaflets have printed, with
    /// today's (published as `leaflets/printed.toml`); None without leaflets.
    pub printed: Option<String>,
}

impl Built {
    /// How many web pages the site has, for its readers (not the editor's).
    pub fn pages(&self) -> usize {
        self.outputs
            .keys()
            .filter(|p| p.ends_with(".html") && !layout::is_editor_file(p))
            .count()
    }
}

/// What a build makes, beyond the content itself.
#[derive(Debug, Clone)]
pub struct Options {
    /// Replaces `base_url` from site.toml.
    pub base_url: Option<String>,
    /// Whether to make the print leaflets.
    pub leaflets: bool,
    /// The day the checks take as today, for reviews that are due.
    pub today: Date,
    /// Where cleaned pictures are kept between builds.
    pub pictures: Arc<store::Store>,
    /// Where typeset leaflets are kept between builds.
    pub typeset: Arc<store::Store>,
    /// Where drawn link preview cards are kept between builds.
    pub cards: Arc<store::Store>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            base_url: None,
            leaflets: true,
            today: jiff::Zoned::now().date(),
            pictures: Arc::new(store::Store::in_memory()),
            typeset: Arc::new(store::Store::in_memory()),
            cards: Arc::new(store::Store::in_memory()),
        }
    }
}

/// Loads, checks and renders the site in `content` without writing anything.
/// On failure, returns every problem found (errors and warnings), each once
/// and in the order of the files.
pub fn render_site(content: &Path, options: &Options) -> Result<Built, Vec<Diagnostic>> {
    // A broken template fails every page made with it, and a step that stops
    // early returns what it found unsorted: either way, say each thing once.
    render_checked(content, options).map_err(|mut problems| {
        diagnostics::sort(&mut problems);
        problems
    })
}

/// The content loaded and checked, with what every kind of output is made
/// from, and what was found on the way.
struct Loaded {
    theme: Theme,
    site: content::Site,
    pictures: pictures::Pictures,
    strings: std::collections::BTreeMap<String, render::strings::Strings>,
    found: Vec<Diagnostic>,
}

fn load_checked(content: &Path, options: &Options) -> Result<Loaded, Vec<Diagnostic>> {
    let (theme, theme_problems) = Theme::load(content);
    let names = theme.icon_names();
    let (site, mut found) =
        content::load(content, options.base_url.as_deref(), &names, options.today).map_err(|mut errors| {
            errors.extend(theme_problems.iter().cloned());
            errors
        })?;
    found.extend(theme_problems);
    let words = content::words::load(content, &site.config).map_err(|mut errors| {
        errors.extend(found.iter().cloned());
        errors
    })?;
    let (pictures, picture_problems) = pictures::prepare(&site.images, &options.pictures);
    found.extend(picture_problems);
    let docs = check::docs(&site);
    found.extend(check::content(&site, &docs, &words, &theme, options.today));
    // The theme's words in the site's language and in each translation's.
    let (strings, problems) = render::strings::for_site(&theme, &site.config);
    found.extend(problems);
    Ok(Loaded {
        theme,
        site,
        pictures,
        strings,
        found,
    })
}

fn render_checked(content: &Path, options: &Options) -> Result<Built, Vec<Diagnostic>> {
    let Loaded {
        theme,
        site,
        pictures,
        strings,
        mut found,
    } = load_checked(content, options)?;
    let docs = check::docs(&site);
    let known_problems = check::known_problems(&docs, &found);
    let (outputs, leaflets) = rayon::join(
        || {
            render::render(
                &site,
                &theme,
                &pictures,
                options.leaflets,
                &known_problems,
                options.today,
                &strings,
            )
        },
        || {
            options.leaflets.then(|| {
                print::leaflets(
                    &site,
                    &theme,
                    &pictures,
                    &strings,
                    options.today,
                    [&options.typeset, &options.cards],
                )
            })
        },
    );
    let mut outputs = match outputs {
        Ok(outputs) => outputs,
        Err(errors) => return Err(errors.into_iter().chain(found).collect()),
    };
    let mut printed = None;
    match leaflets {
        Some(Ok(made)) => {
            outputs.extend(made.files);
            found.extend(made.warnings);
            // The live site carries the whole record, so a build on a host,
            // whose content folder is thrown away, can merge it back.
            match printed::recorded(content, &made.printed, options.today) {
                Ok(text) => {
                    outputs.insert(
                        format!("{}/{}", layout::LEAFLETS, layout::PRINTED),
                        text.clone().into_bytes(),
                    );
                    printed = Some(text);
                }
                Err(problem) => found.push(problem),
            }
        }
        Some(Err(errors)) => found.extend(errors),
        None => {}
    }
    found.extend(check::rendered(&docs, &outputs, &pictures.refused));
    // An address a leaflet printed, a year ago or today, must lead somewhere.
    found.extend(printed::check(content, &outputs));
    diagnostics::sort(&mut found);
    if found.iter().any(Diagnostic::is_error) {
        return Err(found);
    }
    Ok(Built {
        outputs,
        warnings: found,
        site,
        printed,
    })
}

/// A printed newsletter, made by `promise newsletter`.
pub struct Newsletter {
    /// Its files (each language's, and their large print editions), by
    /// their paths in the built site.
    pub files: layout::Outputs,
    pub warnings: Vec<Diagnostic>,
    /// The record of printed addresses with the newsletter's added.
    pub printed: String,
}

/// `promise newsletter`: the newsletter for `period`, whether or not
/// `[newsletter]` names it, after the same checks as a build.
pub fn newsletter(content: &Path, options: &Options, period: config::Period) -> Result<Newsletter, Vec<Diagnostic>> {
    let fail = |mut problems: Vec<Diagnostic>| {
        diagnostics::sort(&mut problems);
        problems
    };
    let loaded = load_checked(content, options).map_err(fail)?;
    let mut found = loaded.found;
    if found.iter().any(Diagnostic::is_error) {
        return Err(fail(found));
    }
    let made = print::newsletter(
        &loaded.site,
        &loaded.theme,
        &loaded.pictures,
        &loaded.strings,
        options.today,
        period,
    )
    .map_err(|errors| fail(errors.into_iter().chain(found.iter().cloned()).collect()))?;
    found.extend(made.warnings);
    let printed = printed::recorded(content, &made.printed, options.today).map_err(|d| fail(vec![d]))?;
    diagnostics::sort(&mut found);
    Ok(Newsletter {
        files: made.files,
        warnings: found,
        printed,
    })
}

/// `promise printed merge`: adds the addresses another copy of the record
/// (the live site's `leaflets/printed.toml`) holds to `content`'s. Returns
/// how many were new.
pub fn merge_printed(content: &Path, theirs: &Path) -> Result<usize, Diagnostic> {
    let text = std::fs::read_to_string(theirs).map_err(|e| {
        Diagnostic::error("cannot-read", format!("cannot read {}: {e}", theirs.display()))
            .help("give the leaflets/printed.toml that a build of this site published, downloaded to this computer")
    })?;
    printed::merge(content, &text)
}

/// `promise translations mark`: records in each translation into `code`
/// that it says what its original says now. Returns the files written, or
/// the content's errors (a stale translation is not one: marking is how it
/// is put right).
pub fn mark_translations(content: &Path, code: &str) -> Result<Vec<std::path::PathBuf>, Vec<Diagnostic>> {
    let site = translated_site(content)?;
    let code = language_code(&site, code)?;
    translations::mark(content, &site, &code).map_err(cannot_write)
}

/// `promise translations export`: the XLIFF 2.0 file of everything to
/// translate into `code`, and what is in it.
pub fn export_translation(content: &Path, code: &str) -> Result<(String, translations::Document), Vec<Diagnostic>> {
    let site = translated_site(content)?;
    let code = language_code(&site, code)?;
    let document = translations::export(&site, &code);
    Ok((translations::write(&document), document))
}

/// `promise translations import`: the translations in the XLIFF file
/// `xliff` written into the content folder.
pub fn import_translation(content: &Path, xliff: &Path) -> Result<translations::Imported, Vec<Diagnostic>> {
    let shown = std::path::absolute(xliff).unwrap_or_else(|_| xliff.to_path_buf());
    let text = std::fs::read(xliff).map_err(|e| {
        vec![
            Diagnostic::error("cannot-read", format!("{} could not be read: {e}", xliff.display()))
                .help("check the file's name and folder: give its path after `import`"),
        ]
    })?;
    let text = files::utf8(&shown, text).map_err(|d| vec![d])?;
    let document = translations::read(&text).map_err(|e| {
        vec![
            // Outside the content folder, so named with its line rather than quoted.
            Diagnostic::error(
                "not-xliff",
                format!("{} (line {}, column {})", e.message, e.line, e.column),
            )
            .in_file(&shown)
            .help(e.help),
        ]
    })?;
    let site = translated_site(content)?;
    let site_language = &site.config.language;
    let primary = |tag: &str| tag.split('-').next().unwrap_or_default().to_ascii_lowercase();
    if primary(&document.source_language) != primary(site_language) {
        return Err(vec![
            Diagnostic::error(
                "wrong-language",
                format!(
                    "this is a translation from \"{}\", but the site is written in \"{site_language}\"",
                    document.source_language
                ),
            )
            .in_file(&shown)
            .help("import the file exported from this site with `promise translations export`"),
        ]);
    }
    let code = language_code(&site, &document.target_language)?;
    translations::import(content, &site, &document, &code, &shown).map_err(cannot_write)
}

/// The code in site.toml of the language `code` names, or why there is none.
fn language_code(site: &content::Site, code: &str) -> Result<String, Vec<Diagnostic>> {
    let found = site
        .config
        .languages
        .iter()
        .find(|l| l.code.get_ref().eq_ignore_ascii_case(code));
    match found {
        Some(language) => Ok(language.code.get_ref().clone()),
        None => Err(vec![
            Diagnostic::error("unknown-language", format!("site.toml has no language \"{code}\""))
                .in_file(layout::SITE_TOML)
                .help(format!(
                    "use one of the codes in [[languages]] in site.toml: {}",
                    site.config
                        .languages
                        .iter()
                        .map(|l| l.code.get_ref().as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
        ]),
    }
}

fn cannot_write(e: std::io::Error) -> Vec<Diagnostic> {
    vec![
        Diagnostic::error("cannot-write", format!("a translation could not be written: {e}"))
            .help("check that the content folder can be written to, and that no other program has the file open"),
    ]
}

/// `promise translations status`: where each of the site's languages
/// stands, or the content's errors.
pub fn translation_status(content: &Path) -> Result<Vec<translations::Status>, Vec<Diagnostic>> {
    Ok(translations::status(&translated_site(content)?))
}

/// The site as `promise translations` reads it: loaded, not checked, so a
/// stale translation (which `check` makes an error on a safety page) can
/// still be marked once it is put right.
fn translated_site(content: &Path) -> Result<content::Site, Vec<Diagnostic>> {
    let (theme, _) = Theme::load(content);
    content::load(content, None, &theme.icon_names(), jiff::Zoned::now().date()).map(|(site, _)| site)
}

/// Why a build wrote nothing.
#[derive(Debug)]
pub enum BuildError {
    /// The content has errors; these are all the problems found.
    Content(Vec<Diagnostic>),
    Write(output::WriteError),
}

/// Builds the site in `content` into `out`. On any error `out` is left as it
/// was.
pub fn build(content: &Path, out: &Path, options: &Options) -> Result<Built, BuildError> {
    // One build at a time into a folder, held until this one returns.
    let _lock = output::lock(out, content).map_err(BuildError::Write)?;
    let mut built = render_site(content, options).map_err(BuildError::Content)?;
    output::write(out, content, &built.outputs).map_err(BuildError::Write)?;
    options.pictures.prune();
    if options.leaflets {
        options.typeset.prune();
        options.cards.prune();
    }
    // Recorded once the leaflets are written: from now on they can be printed.
    if let Some(text) = &built.printed
        && let Err(problem) = printed::save(content, text)
    {
        built.warnings.push(problem);
    }
    Ok(built)
}
