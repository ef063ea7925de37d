//! Leaflets for the print shop: one for each band's promises and one for the
//! local offer, typeset in-process with typst from the theme's template.
//!
//! The content reaches the template only as data (a JSON file it reads), so
//! nothing an author writes is ever read as typst markup.

mod art;
mod cut;
mod data;
mod glyphs;
mod overflow;
mod pdfx;
mod qr;
mod qr_tag;
mod spec;
mod world;

use rayon::prelude::*;
use serde_json::{Value, json};
use typst::WorldExt;
use typst::diag::{SourceDiagnostic, Warned};
use typst::foundations::Smart;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

use jiff::civil::Date;

use std::collections::BTreeMap;

use crate::config::{Paper, Print};
use crate::content::Site;
use crate::diagnostics::Diagnostic;
use crate::output::Outputs;
use crate::pictures::Pictures;
use crate::publish::printed::{How, Printed};
use crate::render::strings::{self, Strings};
use crate::render::theme::Theme;
use data::{Edition, band_data, offer_data, pictures_for};
pub use glyphs::Glyphs;
use world::{Leaflet, Press, TEMPLATE};

/// The folder of the site the leaflets are written to.
pub const FOLDER: &str = "leaflets";
/// The local offer leaflet's name.
pub const OFFER: &str = "local-offer";
/// Print shops keep text this far inside the trim, in millimetres.
const SAFE_MM: f64 = 5.0;
/// The body text of a large print leaflet, in points: the RNIB's Clear
/// Print guidance asks for 16 to 18.
const LARGE_PRINT_PT: u64 = 16;

/// What a leaflet is about.
#[derive(Clone, Copy)]
pub enum Subject<'a> {
    /// A band's promises, by the band's id.
    Band(&'a str),
    /// The local offer.
    Offer,
}

/// Where the leaflet about `subject` is, from the site's root, for the
/// readers of the pages under `prefix` ("" or "ar/"); `site` is the site in
/// their language. A language gets its own leaflet once part of it is
/// translated: until then its readers get the site's own, rather than a
/// leaflet of the same words with a translated cover. None when there is
/// no local offer.
pub fn file(site: &Site, subject: Subject, prefix: &str) -> Option<String> {
    let (name, translated) = match subject {
        Subject::Band(band) => (band, site.band_pages(band).any(|p| p.origin.language.is_some())),
        Subject::Offer if site.offer.is_empty() => return None,
        Subject::Offer => (OFFER, site.offer.iter().any(|e| e.origin.language.is_some())),
    };
    let prefix = if translated { prefix } else { "" };
    Some(format!("{prefix}{FOLDER}/{name}.pdf"))
}

/// The leaflets of a site, made.
pub struct Made {
    pub files: Outputs,
    /// A warning for each leaflet that needed more pages than site.toml
    /// asks for, or has text too close to the trim.
    pub warnings: Vec<Diagnostic>,
    /// The addresses of the site they print.
    pub printed: Vec<Printed>,
}

/// Every leaflet of the site, in its own language and in each other
/// language that has translations. `strings` holds the theme's words in
/// each language, by its code; the files are dated `today`.
pub fn leaflets(
    site: &Site,
    theme: &Theme,
    pictures: &Pictures,
    strings: &BTreeMap<String, Strings>,
    today: Date,
) -> Result<Made, Vec<Diagnostic>> {
    let press = Press::new(theme, pictures);
    let jobs = jobs(site, strings, theme);
    let base = site.config.base_url();
    let made_pdfs: Vec<Result<Typeset, Diagnostic>> = jobs
        .par_iter()
        .map(|job| {
            let made = typeset(&press, theme, &site.config.print, job, today);
            // typst keeps what it worked out for reuse, and leaflets share
            // little: without this, 100 leaflets peak at 1.4 GB, not 1.1.
            comemo::evict(0);
            made
        })
        .collect();
    let mut printed = Vec::new();
    let mut outputs = Outputs::new();
    let mut warnings = Vec::new();
    let mut errors = Vec::new();
    let mut made = Vec::new();
    for (job, result) in jobs.into_iter().zip(made_pdfs) {
        match result {
            Ok(done) => {
                printed.extend(self::printed(&job.file, &done.data, &base));
                made.push(spec::Made {
                    file: job.file.clone(),
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
                warnings.extend(done.grew);
                warnings.extend(done.cut);
            }
            // A mistake in the template breaks every leaflet the same way: say it once.
            Err(d) if !errors.contains(&d) => errors.push(d),
            Err(_) => {}
        }
    }
    outputs.insert(
        format!("{FOLDER}/{}", spec::FILE),
        spec::text(&site.config, &made, today).into_bytes(),
    );
    if errors.is_empty() {
        Ok(Made {
            files: outputs,
            warnings,
            printed,
        })
    } else {
        Err(errors)
    }
}

/// Each leaflet of the site: its file, its name and its data.
fn jobs(site: &Site, strings: &BTreeMap<String, Strings>, theme: &Theme) -> Vec<Job> {
    let no_strings = Strings::new();
    let words = |code: &str| strings.get(code).unwrap_or(&no_strings);
    let own = &site.config.language;
    let mut jobs = edition(&Edition::new(site, None, words(own)));
    for language in &site.config.languages {
        let code = language.code.get_ref();
        let translated = site.in_language(code);
        jobs.extend(edition(&Edition::new(&translated, Some(language), words(code))));
    }
    // No character a young person can type may stop a leaflet: the fonts
    // print what they can, and the checks point at the rest.
    let glyphs = Glyphs::of(theme);
    let drawings = art::drawings(theme);
    for job in &mut jobs {
        glyphs.clean(&mut job.data);
        job.data["art"] = pictures_for(&job.data, &drawings);
    }
    let large: Vec<Job> = jobs.iter().map(Job::large_print).collect();
    jobs.extend(large);
    jobs
}

/// The leaflets in one language: a band's, or the local offer's, when that
/// language has its own ([`file`]).
fn edition(edition: &Edition) -> Vec<Job> {
    let site = edition.site;
    let print = &site.config.print;
    let own = |subject| file(site, subject, &edition.prefix).filter(|f| f.starts_with(&edition.prefix));
    // site.toml's page counts are for the leaflets in its own language: a
    // translation takes the pages its words need (print-spec.txt lists them).
    let asked = |pages: usize| edition.foreign.is_null().then_some(pages);
    let mut jobs: Vec<Job> = site
        .config
        .bands
        .iter()
        .filter_map(|band| {
            Some(Job {
                file: own(Subject::Band(&band.id))?,
                name: band.label.clone(),
                pages: asked(band.pages.unwrap_or(print.pages)),
                language: edition.language_name.clone(),
                paper: print.paper,
                data: band_data(edition, band),
            })
        })
        .collect();
    if let Some(file) = own(Subject::Offer) {
        jobs.push(Job {
            file,
            name: edition.word("offer_title").to_string(),
            pages: asked(print.offer_pages),
            language: edition.language_name.clone(),
            paper: print.paper,
            data: offer_data(edition),
        });
    }
    jobs
}

/// One leaflet to make.
struct Job {
    file: String,
    name: String,
    /// The pages site.toml asks for; None for a translation.
    pages: Option<usize>,
    /// Its language, for the print shop: a tag and the language's name.
    language: String,
    paper: Paper,
    data: Value,
}

impl Job {
    /// The same leaflet in large print, following the UK's Clear Print
    /// guidance: A4, body text of 16 point or more, ragged right, no text on
    /// a tint and no italics. It takes the pages it needs.
    fn large_print(&self) -> Job {
        let mut data = self.data.clone();
        data["large"] = json!(true);
        data["text_size"] = json!(LARGE_PRINT_PT);
        Job {
            file: large_print(&self.file),
            name: format!("{}, large print", self.name),
            pages: None,
            language: self.language.clone(),
            paper: Paper::A4,
            data,
        }
    }
}

/// The addresses of the site (whose pages are under `base`) the leaflet
/// `file` prints with `data`: its QR code's, and each link in its promises.
fn printed(file: &str, data: &Value, base: &str) -> Vec<Printed> {
    let links = data["themes"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|theme| theme["promises"].as_array().into_iter().flatten())
        .flat_map(|promise| promise["links"].as_array().into_iter().flatten())
        .map(|link| (&link["url"], How::Link));
    std::iter::once((&data["url"], How::QrCode))
        .chain(links)
        .filter_map(|(url, how)| {
            let path = url.as_str()?.strip_prefix(base)?;
            let path = path.split(['#', '?']).next().unwrap_or_default();
            Some(Printed {
                address: format!("/{path}"),
                leaflet: file.to_string(),
                how,
            })
        })
        .collect()
}

/// The large print edition of the leaflet in `file`.
pub fn large_print(file: &str) -> String {
    let stem = file.strip_suffix(".pdf").unwrap_or(file);
    format!("{stem}-large-print.pdf")
}

/// The typeset pages of the leaflet written to `file` (such as
/// `leaflets/0-11.pdf` or `ar/leaflets/12-15.pdf`), before they become a
/// PDF: for looking at them.
pub fn document(
    site: &Site,
    theme: &Theme,
    pictures: &Pictures,
    file: &str,
) -> Option<Result<PagedDocument, Diagnostic>> {
    let (strings, _) = strings::for_site(theme, &site.config);
    let job = jobs(site, &strings, theme).into_iter().find(|job| job.file == file)?;
    Some(fit(&Press::new(theme, pictures), theme, &site.config.print, &job).map(|(_, document)| document))
}

/// A finished leaflet, and a warning if it needed more pages than asked for.
struct Typeset {
    pdf: Vec<u8>,
    pages: usize,
    /// Text that runs into the margin, and its page.
    outside: Vec<(usize, String)>,
    grew: Option<Diagnostic>,
    /// A warning when only the first themes or entries fitted.
    cut: Option<Diagnostic>,
    /// What was typeset: the job's data, cut to fit.
    data: Value,
}

/// Typesets one leaflet, adding pages for the reader's own notes so it has
/// a whole number of booklets of four pages, and never fewer than asked for.
fn typeset(press: &Press, theme: &Theme, print: &Print, job: &Job, today: Date) -> Result<Typeset, Diagnostic> {
    let (file, name) = (&job.file, &job.name);
    let (mut data, mut document) = fit(press, theme, print, job)?;
    let what = if job.data["kind"] == "band" {
        "themes"
    } else {
        "local offer entries"
    };
    let cut = data["left_out"].as_u64().map(|left_out| {
        Diagnostic::warning(
            "leaflet-cut",
            format!(
                "the leaflet \"{name}\" ({file}) would need more than the {} pages max_pages allows, so it prints the first {} of its {} {what} and sends readers to the website for the other {left_out}",
                page_limit(print, job),
                cut::items(&data),
                cut::items(&job.data),
            ),
        )
        .in_file(crate::config::FILE_NAME)
        .help("a leaflet is for the main things: keep the longest lists on the website, split a very long band in two in site.toml, or raise max_pages in [print] if the print shop can bind more")
    });
    // Whole booklets of four, even when site.toml asks for a number that is not.
    let wanted = job.pages.unwrap_or(0).max(document.pages().len()).div_ceil(4) * 4;
    if document.pages().len() < wanted {
        data["extra_pages"] = json!(wanted - document.pages().len());
        document = compile(press, theme, &data)?;
    }
    let grew = job.pages.filter(|&asked| document.pages().len() > asked).map(|asked| {
        Diagnostic::warning(
            "leaflet-grew",
            format!(
                "the leaflet \"{name}\" ({file}) needs {} pages, more than the {} in site.toml",
                document.pages().len(),
                asked
            ),
        )
        .in_file(crate::config::FILE_NAME)
        .help("tell the print shop the new page count, shorten the content, or set pages in [print] (or in the band's [[bands]]) in site.toml")
    });
    let options = PdfOptions {
        ident: Smart::Custom(format!("promise {file}")),
        standards: PdfStandards::new(&[PdfStandard::Ua_1]).map_err(|e| {
            Diagnostic::error(
                "leaflet",
                format!("cannot make the leaflet \"{name}\": {}", e.message()),
            )
        })?,
        tagged: true,
        ..PdfOptions::default()
    };
    let pdf = typst_pdf::pdf(&document, &options).map_err(|errors| typst_error(press, theme, &data, &errors))?;
    let outside = overflow::outside(&document, typst::layout::Abs::mm(SAFE_MM));
    let text = |key: &str| data[key].as_str().unwrap_or_default();
    let about = pdfx::About {
        title: text("document_title"),
        author: text("council"),
        language: data["language"]["tag"].as_str().unwrap_or("en"),
        date: today,
    };
    let not_ready = |e: String| {
        Diagnostic::error(
            "leaflet",
            format!("cannot make the leaflet \"{name}\" ready for print: {e}"),
        )
        .help("this is a mistake in promise, not in your content: please tell the people who look after promise")
    };
    let pdf = pdfx::pdf_x(&pdf, &about).map_err(|e| not_ready(e.to_string()))?;
    let pages = spec::inspect(&pdf, job.paper, print.bleed_mm).map_err(not_ready)?;
    Ok(Typeset {
        pdf,
        pages,
        outside,
        grew,
        cut,
        data,
    })
}

/// Typesets as many of the job's themes or entries as fit in
/// `[print] max_pages` (or the pages site.toml asks for, if more): a first
/// guess by the length of their words, then fewer until they fit. Each try
/// typesets at most about max_pages of content.
fn fit(press: &Press, theme: &Theme, print: &Print, job: &Job) -> Result<(Value, PagedDocument), Diagnostic> {
    let limit = page_limit(print, job);
    let (width, height) = job.paper.size_mm();
    let total = cut::items(&job.data);
    let mut keep = cut::estimate(&job.data, limit, width * height);
    loop {
        let mut data = cut::cut(&job.data, keep, total);
        data["page"] = page_data(job.paper, print);
        data["extra_pages"] = json!(0);
        let document = compile(press, theme, &data)?;
        let pages = document.pages().len();
        if pages <= limit || keep == 0 {
            return Ok((data, document));
        }
        // Fewer in proportion to the pages too many, and always at least one fewer.
        keep = (keep * limit / pages).min(keep - 1);
    }
}

/// The most pages the job's leaflet may have: `[print] max_pages`, or the
/// pages site.toml asks for if more, and never none.
fn page_limit(print: &Print, job: &Job) -> usize {
    print.max_pages.max(job.pages.unwrap_or(0)).max(1)
}

fn compile(press: &Press, theme: &Theme, data: &Value) -> Result<PagedDocument, Diagnostic> {
    let world = Leaflet::new(press, data.to_string().into_bytes()).ok_or_else(|| {
        Diagnostic::error(
            "leaflet",
            format!("the theme has no leaflet template {TEMPLATE} in UTF-8"),
        )
        .help("put a leaflet.typ in theme/leaflet/, or delete your copy to use the default one")
    })?;
    let Warned { output, .. } = typst::compile::<PagedDocument>(&world);
    output.map_err(|errors| typst_error(press, theme, data, &errors))
}

/// A typst error as a diagnostic that names the template's line.
fn typst_error(press: &Press, theme: &Theme, data: &Value, errors: &[SourceDiagnostic]) -> Diagnostic {
    let first = errors.first();
    let message = first.map_or_else(|| "unknown problem".to_string(), |e| e.message.to_string());
    let hints: Vec<String> = first
        .map(|e| e.hints.iter().map(|h| h.v.to_string()).collect())
        .unwrap_or_default();
    let mut d = Diagnostic::error("leaflet", format!("the leaflet template has a problem: {message}")).help(
        if hints.is_empty() {
            format!("fix leaflet/{TEMPLATE} in the theme folder, or delete your copy of it to use the default theme's")
        } else {
            hints.join("; ")
        },
    );
    let at = first
        .zip(Leaflet::new(press, data.to_string().into_bytes()))
        .and_then(|(e, world)| {
            let range = world.range(e.span)?;
            let source = world.source();
            let line = source.lines().byte_to_line(range.start)? + 1;
            let column = source.lines().byte_to_column(range.start)? + 1;
            theme.location(&format!("leaflet/{TEMPLATE}"), line, column)
        });
    if let Some(at) = at {
        d = d.at(at);
    }
    d
}

fn page_data(paper: Paper, print: &Print) -> Value {
    let (width, height) = paper.size_mm();
    json!({
        "width": width,
        "height": height,
        "bleed": print.bleed_mm,
        "safe": SAFE_MM,
        "qr": paper.qr_mm(),
    })
}
