//! Leaflets for the print shop: one for each band's promises and one for the
//! local offer, typeset in-process with typst from the theme's template.
//!
//! The content reaches the template only as data (a JSON file it reads), so
//! nothing an author writes is ever read as typst markup.

mod art;
pub mod cards;
mod creep;
mod cut;
mod data;
mod fullness;
mod glyphs;
mod jobs;
mod kept;
mod news;
mod overflow;
mod pdfx;
mod press;
mod qr;
mod qr_tag;
mod spec;
mod typeset;
mod world;

use std::collections::BTreeMap;

use jiff::civil::Date;
use rayon::prelude::*;

use crate::config::Period;
use crate::content::Site;
use crate::diagnostics::Diagnostic;
use crate::layout::{LEAFLETS, Outputs};
use crate::pictures::Pictures;
use crate::printed::Printed;
use crate::render::strings::Strings;
use crate::render::theme::Theme;
use crate::store::Store;
pub use glyphs::Glyphs;
use jobs::{Which, jobs};
pub use typeset::document;
use typeset::{Typeset, typeset};
use world::Press;

/// The leaflets of a site, made.
pub struct Made {
    pub files: Outputs,
    /// A warning for each leaflet that needed more pages than site.toml
    /// asks for, or has text too close to the trim.
    pub warnings: Vec<Diagnostic>,
    /// The addresses of the site they print.
    pub printed: Vec<Printed>,
}

/// Where the print shop's file of the leaflet `file` is: beside it, in a
/// folder of its own, `leaflets/print/0-11.pdf`.
pub fn print_file(file: &str) -> String {
    match file.rsplit_once('/') {
        Some((dir, name)) => format!("{dir}/print/{name}"),
        None => format!("print/{file}"),
    }
}

/// Every leaflet of the site, in its own language and in each other
/// language that has translations, and the link preview cards. `strings`
/// holds the theme's words in each language, by its code; the files are
/// dated `today`. `kept` holds the leaflets and the cards made before.
pub fn leaflets(
    site: &Site,
    theme: &Theme,
    pictures: &Pictures,
    strings: &BTreeMap<String, Strings>,
    today: Date,
    [kept, kept_cards]: [&Store; 2],
) -> Result<Made, Vec<Diagnostic>> {
    let press = Press::new(theme, pictures);
    let jobs = jobs(site, strings, theme, today, Which::All);
    let (mut made, specs, mut errors) = typeset_all(site, theme, pictures, &press, jobs, today, kept);
    made.files.insert(
        format!("{LEAFLETS}/{}", spec::FILE),
        spec::text(&site.config, &specs, today).into_bytes(),
    );
    // The link previews are typeset too, in the same press.
    match cards::draw(&crate::render::cards::for_site(site, theme), theme, &press, kept_cards) {
        Ok(drawn) => made.files.extend(drawn),
        Err(d) => errors.push(d),
    }
    if errors.is_empty() { Ok(made) } else { Err(errors) }
}

/// The newsletter for `period` alone, in every language that has its own,
/// with its large print editions: `promise newsletter`.
pub fn newsletter(
    site: &Site,
    theme: &Theme,
    pictures: &Pictures,
    strings: &BTreeMap<String, Strings>,
    today: Date,
    period: Period,
) -> Result<Made, Vec<Diagnostic>> {
    let press = Press::new(theme, pictures);
    let jobs = jobs(site, strings, theme, today, Which::News(period));
    let (made, _, errors) = typeset_all(site, theme, pictures, &press, jobs, today, &Store::in_memory());
    if errors.is_empty() { Ok(made) } else { Err(errors) }
}

/// Typesets `jobs`, each in parallel, reusing what `kept` holds: the
/// files, what the print spec says of each, and the errors, each once.
fn typeset_all(
    site: &Site,
    theme: &Theme,
    pictures: &Pictures,
    press: &Press,
    jobs: Vec<jobs::Job>,
    today: Date,
    kept: &Store,
) -> (Made, Vec<spec::Made>, Vec<Diagnostic>) {
    let print = &site.config.print;
    let base = site.config.base_url();
    let shared = kept::shared(theme, pictures, print, today);
    let made_pdfs: Vec<Result<Typeset, Diagnostic>> = jobs
        .par_iter()
        .map(|job| kept.get_or_make(kept::key(&shared, job), || typeset(press, theme, print, job, today)))
        .collect();
    let mut printed = Vec::new();
    let mut outputs = Outputs::new();
    let mut warnings = Vec::new();
    let mut errors = Vec::new();
    let mut made = Vec::new();
    for (job, result) in jobs.into_iter().zip(made_pdfs) {
        match result {
            Ok(done) => {
                warnings.extend(typeset::warnings(print, &job, &done));
                printed.extend(jobs::printed(&job.file, &done.data, &base));
                let print_file = print_file(&job.file);
                made.push(spec::Made {
                    file: print_file.clone(),
                    right_bound: done.data["language"]["dir"] == "rtl",
                    name: job.name,
                    language: job.language,
                    pages: done.pages,
                    paper: job.paper,
                });
                for (page, text) in &done.outside {
                    let warning = overflow::warning(site, &job.file, *page, text);
                    // Each edition of a leaflet prints the same line: say it once.
                    if !warnings
                        .iter()
                        .any(|w: &Diagnostic| w.code == warning.code && w.at == warning.at)
                    {
                        warnings.push(warning);
                    }
                }
                outputs.insert(job.file, done.pdf);
                outputs.insert(print_file, done.print_pdf);
            }
            // A mistake in the template breaks every leaflet the same way: say it once.
            Err(d) if !errors.contains(&d) => errors.push(d),
            Err(_) => {}
        }
    }
    let made_files = Made {
        files: outputs,
        warnings,
        printed,
    };
    (made_files, made, errors)
}
