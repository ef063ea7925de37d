//! Leaflets for the print shop: one for each band's promises and one for the
//! local offer, typeset in-process with typst from the theme's template.
//!
//! The content reaches the template only as data (a JSON file it reads), so
//! nothing an author writes is ever read as typst markup.

mod glyphs;
mod qr;
mod world;

use rayon::prelude::*;
use serde_json::{Value, json};
use typst::WorldExt;
use typst::diag::{SourceDiagnostic, Warned};
use typst::foundations::Smart;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

use crate::config::{Band, Look, Print};
use crate::content::Site;
use crate::diagnostics::Diagnostic;
use crate::output::Outputs;
use crate::pictures::Pictures;
use crate::render::pages::{contact_view, offer_view};
use crate::render::theme::Theme;
use crate::render::urls::Target;
pub use glyphs::Glyphs;
use world::{Leaflet, Press, TEMPLATE};

/// The folder of the site the leaflets are written to.
pub const FOLDER: &str = "leaflets";
/// The local offer leaflet's name.
pub const OFFER: &str = "local-offer";

/// The file a band's leaflet is written to, from the site's root.
pub fn band_file(band: &str) -> String {
    format!("{FOLDER}/{band}.pdf")
}

pub fn offer_file() -> String {
    format!("{FOLDER}/{OFFER}.pdf")
}

/// Every leaflet of the site, with a warning for each one that needed more
/// pages than site.toml asks for.
pub fn leaflets(
    site: &Site,
    theme: &Theme,
    pictures: &Pictures,
) -> Result<(Outputs, Vec<Diagnostic>), Vec<Diagnostic>> {
    let press = Press::new(theme, pictures);
    let jobs = jobs(site, &Glyphs::of(theme));
    let made: Vec<Result<Typeset, Diagnostic>> = jobs
        .par_iter()
        .map(|job| typeset(&press, theme, &site.config.print, job))
        .collect();
    let mut outputs = Outputs::new();
    let mut warnings = Vec::new();
    let mut errors = Vec::new();
    for (job, result) in jobs.into_iter().zip(made) {
        match result {
            Ok(done) => {
                outputs.insert(job.file, done.pdf);
                warnings.extend(done.grew);
            }
            // A mistake in the template breaks every leaflet the same way: say it once.
            Err(d) if !errors.contains(&d) => errors.push(d),
            Err(_) => {}
        }
    }
    if errors.is_empty() {
        Ok((outputs, warnings))
    } else {
        Err(errors)
    }
}

/// Each leaflet of the site: its file, its name and its data.
fn jobs(site: &Site, glyphs: &Glyphs) -> Vec<Job> {
    let base_url = site.config.base_url();
    let print = &site.config.print;
    let mut jobs: Vec<Job> = site
        .config
        .bands
        .iter()
        .map(|band| Job {
            file: band_file(&band.id),
            name: band.label.clone(),
            pages: print.pages,
            data: band_data(site, band, &base_url),
        })
        .collect();
    if !site.offer.is_empty() {
        jobs.push(Job {
            file: offer_file(),
            name: "Your local offer".to_string(),
            pages: print.offer_pages,
            data: offer_data(site, &base_url),
        });
    }
    // No character a young person can type may stop a leaflet: the fonts
    // print what they can, and the checks point at the rest.
    for job in &mut jobs {
        glyphs.clean(&mut job.data);
    }
    jobs
}

/// One leaflet to make.
struct Job {
    file: String,
    name: String,
    /// The pages site.toml asks for.
    pages: usize,
    data: Value,
}

/// The typeset pages of the leaflet written to `file` (such as
/// `leaflets/0-11.pdf`), before they become a PDF: for looking at them.
pub fn document(
    site: &Site,
    theme: &Theme,
    pictures: &Pictures,
    file: &str,
) -> Option<Result<PagedDocument, Diagnostic>> {
    let mut data = jobs(site, &Glyphs::of(theme))
        .into_iter()
        .find(|job| job.file == file)?
        .data;
    data["page"] = page_data(&site.config.print);
    data["blank_pages"] = json!(0);
    Some(compile(&Press::new(theme, pictures), theme, &data))
}

/// A finished leaflet, and a warning if it needed more pages than asked for.
struct Typeset {
    pdf: Vec<u8>,
    grew: Option<Diagnostic>,
}

/// Typesets one leaflet, adding blank pages so it has a whole number of
/// booklets of four pages, and never fewer than asked for.
fn typeset(press: &Press, theme: &Theme, print: &Print, job: &Job) -> Result<Typeset, Diagnostic> {
    let (file, name, mut data) = (&job.file, &job.name, job.data.clone());
    data["page"] = page_data(print);
    data["blank_pages"] = json!(0);
    let mut document = compile(press, theme, &data)?;
    let wanted = job.pages.max(document.pages().len().div_ceil(4) * 4);
    if document.pages().len() < wanted {
        data["blank_pages"] = json!(wanted - document.pages().len());
        document = compile(press, theme, &data)?;
    }
    let grew = (document.pages().len() > job.pages).then(|| {
        Diagnostic::warning(
            "leaflet-grew",
            format!(
                "the leaflet \"{name}\" needs {} pages, more than the {} in site.toml",
                document.pages().len(),
                job.pages
            ),
        )
        .in_file(crate::config::FILE_NAME)
        .help("tell the print shop the new page count, shorten the content, or set pages in [print] in site.toml")
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
    Ok(Typeset { pdf, grew })
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

fn page_data(print: &Print) -> Value {
    let (width, height) = print.paper.size_mm();
    json!({
        "width": width,
        "height": height,
        "bleed": print.bleed_mm,
        // Print shops keep text this far inside the trim.
        "safe": 5.0,
        "qr": print.paper.qr_mm(),
    })
}

/// Light tints for each band's cover, in CMYK percentages.
fn tint(look: Option<Look>) -> [u8; 4] {
    match look {
        Some(Look::Young) => [10, 22, 0, 0],
        Some(Look::Teen) => [16, 0, 9, 0],
        Some(Look::Adult) => [14, 6, 0, 0],
        None => [0, 9, 18, 0],
    }
}

fn common(site: &Site, title: &str, subtitle: &str, url: &str, look: Option<Look>) -> Value {
    // Younger children get the larger type their web pages have.
    let text_size = if look == Some(Look::Young) { 13 } else { 11 };
    let config = &site.config;
    // Typst takes an ISO 639 language and an ISO 3166 region of two letters.
    let tag = crate::config::language_tag(&config.language).ok();
    let language = tag.as_ref().map_or("en", |t| t.primary_language());
    let region = tag.as_ref().and_then(|t| t.region()).filter(|r| r.len() == 2);
    json!({
        "title": title,
        "subtitle": subtitle,
        "site": config.title,
        "council": config.council,
        "document_title": format!("{subtitle}: {title}"),
        "lang": language.to_lowercase(),
        "region": region.map(str::to_uppercase),
        "url": url,
        "qr": qr::encode(url),
        "tint": tint(look),
        "text_size": text_size,
    })
}

fn band_data(site: &Site, band: &Band, base_url: &str) -> Value {
    let url = Target::Band(band.id.clone()).url(base_url);
    let mut data = common(site, &site.config.title, &band.label, &url, Some(band.look));
    data["kind"] = json!("band");
    data["themes"] = site
        .band_pages(&band.id)
        .map(|p| {
            json!({
                "title": p.title,
                "summary": p.summary,
                "promises": p.promises.iter().map(|promise| &promise.text).collect::<Vec<_>>(),
            })
        })
        .collect();
    data["contact"] = band
        .contact
        .as_ref()
        .and_then(|key| site.config.contacts.get(key.get_ref()))
        .map(contact_view)
        .into();
    data
}

fn offer_data(site: &Site, base_url: &str) -> Value {
    let url = Target::OfferIndex.url(base_url);
    let mut data = common(site, "Your local offer", &site.config.title, &url, None);
    data["kind"] = json!("offer");
    data["areas"] = site
        .offer_by_area(|_| true)
        .into_iter()
        .map(|(area, entries)| {
            let entries: Vec<Value> = entries
                .into_iter()
                .map(|e| {
                    let mut view = offer_view(e);
                    view["contact"] = json!(site.config.contacts.get(&e.contact).map(contact_view));
                    view
                })
                .collect();
            json!({ "title": area.title, "entries": entries })
        })
        .collect();
    data
}
