//! Leaflets for the print shop: one for each band's promises and one for the
//! local offer, typeset in-process with typst from the theme's template.
//!
//! The content reaches the template only as data (a JSON file it reads), so
//! nothing an author writes is ever read as typst markup.

mod art;
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

use crate::config::{Band, Language, Look, Paper, Print};
use crate::content::{Origin, Site};
use crate::diagnostics::Diagnostic;
use crate::output::Outputs;
use crate::pictures::Pictures;
use crate::render::pages::{contact_view, offer_view};
use crate::render::strings::{self, Strings};
use crate::render::theme::Theme;
use crate::render::urls::{Target, language_prefix};
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

/// Every leaflet of the site, in its own language and in each other
/// language that has translations, with a warning for each one that needed
/// more pages than site.toml asks for. `strings` holds the theme's words in
/// each language, by its code; the files are dated `today`.
pub fn leaflets(
    site: &Site,
    theme: &Theme,
    pictures: &Pictures,
    strings: &BTreeMap<String, Strings>,
    today: Date,
) -> Result<(Outputs, Vec<Diagnostic>), Vec<Diagnostic>> {
    let press = Press::new(theme, pictures);
    let jobs = jobs(site, strings, theme);
    let made_pdfs: Vec<Result<Typeset, Diagnostic>> = jobs
        .par_iter()
        .map(|job| typeset(&press, theme, &site.config.print, job, today))
        .collect();
    let mut outputs = Outputs::new();
    let mut warnings = Vec::new();
    let mut errors = Vec::new();
    let mut made = Vec::new();
    for (job, result) in jobs.into_iter().zip(made_pdfs) {
        match result {
            Ok(done) => {
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
        Ok((outputs, warnings))
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

/// The site in one language, with the theme's words in it.
struct Edition<'a> {
    site: &'a Site,
    strings: &'a Strings,
    /// The language as the template sets it ([`language_data`]).
    language: Value,
    /// Where its pages live: "" or `ar/`.
    prefix: String,
    /// The site's own language, for the words site.toml and untranslated
    /// content print in another language's leaflet; null in its own.
    foreign: Value,
    /// The language's tag, and its name when it is a translation.
    language_name: String,
}

impl<'a> Edition<'a> {
    fn new(site: &'a Site, language: Option<&Language>, strings: &'a Strings) -> Self {
        let config = &site.config;
        Edition {
            site,
            strings,
            language: language_data(config.tag_and_dir(language)),
            prefix: language_prefix(language.map(|l| l.code.get_ref().as_str())),
            foreign: match language {
                Some(_) => language_data(config.tag_and_dir(None)),
                None => Value::Null,
            },
            language_name: match language {
                Some(l) => format!("{}, {}", l.code.get_ref(), l.name),
                None => config.language.clone(),
            },
        }
    }

    /// One of the theme's words in this language.
    fn word<'k>(&'k self, key: &'k str) -> &'k str {
        self.strings.get(key).map_or(key, String::as_str)
    }

    /// The language to mark a piece of content with when it is shown
    /// untranslated; null when it is in this edition's language.
    fn foreign(&self, origin: &Origin) -> Value {
        match origin.language {
            None => self.foreign.clone(),
            Some(_) => Value::Null,
        }
    }
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

/// The illustrations a leaflet shows, by name: each theme's, in the
/// leaflets of the bands whose pages show them (all but the `adult` look).
fn pictures_for(data: &Value, drawings: &BTreeMap<String, Value>) -> Value {
    if !matches!(data["look"].as_str(), Some("young" | "teen")) {
        return json!({});
    }
    let themes = data["themes"].as_array().map(Vec::as_slice).unwrap_or_default();
    let used = themes.iter().filter_map(|t| {
        let icon = t["icon"].as_str()?;
        Some((icon.to_string(), drawings.get(icon)?.clone()))
    });
    Value::Object(used.collect())
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
    let mut data = job.data;
    data["page"] = page_data(job.paper, &site.config.print);
    data["extra_pages"] = json!(0);
    Some(compile(&Press::new(theme, pictures), theme, &data))
}

/// A finished leaflet, and a warning if it needed more pages than asked for.
struct Typeset {
    pdf: Vec<u8>,
    pages: usize,
    /// Text that runs into the margin, and its page.
    outside: Vec<(usize, String)>,
    grew: Option<Diagnostic>,
}

/// Typesets one leaflet, adding pages for the reader's own notes so it has
/// a whole number of booklets of four pages, and never fewer than asked for.
fn typeset(press: &Press, theme: &Theme, print: &Print, job: &Job, today: Date) -> Result<Typeset, Diagnostic> {
    let (file, name, mut data) = (&job.file, &job.name, job.data.clone());
    data["page"] = page_data(job.paper, print);
    data["extra_pages"] = json!(0);
    let mut document = compile(press, theme, &data)?;
    let wanted = job.pages.unwrap_or(0).max(document.pages().len().div_ceil(4) * 4);
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
    })
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

/// Light tints for each band's cover, in CMYK percentages.
fn tint(look: Option<Look>) -> [u8; 4] {
    match look {
        Some(Look::Young) => [10, 22, 0, 0],
        Some(Look::Teen) => [16, 0, 9, 0],
        Some(Look::Adult) => [14, 6, 0, 0],
        None => [0, 9, 18, 0],
    }
}

/// A language as the template sets it, from its tag and direction: typst
/// takes an ISO 639 language and an ISO 3166 region of two letters.
fn language_data((tag, dir): (&str, &str)) -> Value {
    let tag = crate::config::language_tag(tag).ok();
    let language = tag.as_ref().map_or("en", |t| t.primary_language());
    let region = tag.as_ref().and_then(|t| t.region()).filter(|r| r.len() == 2);
    json!({
        "tag": tag.as_ref().map_or("en", |t| t.as_str()),
        "lang": language.to_lowercase(),
        "region": region.map(str::to_uppercase),
        "dir": dir,
    })
}

/// What every leaflet's template is given. `title` is in the leaflet's
/// language when `translated_title`; the subtitle is always site.toml's.
fn common(
    edition: &Edition,
    title: &str,
    subtitle: &str,
    translated_title: bool,
    look: Option<Look>,
    url: &str,
) -> Value {
    // Younger children get the larger type their web pages have.
    let text_size = if look == Some(Look::Young) { 13 } else { 11 };
    let config = &edition.site.config;
    json!({
        "language": edition.language,
        "title": title,
        "title_lang": if translated_title { Value::Null } else { edition.foreign.clone() },
        "subtitle": subtitle,
        "own_lang": edition.foreign,
        "site": config.title,
        "council": config.council,
        "document_title": format!("{subtitle}: {title}"),
        "t": edition.strings,
        "qr_alt": edition.word("leaflet_qr_alt").replace("{url}", url),
        "url": url,
        "qr": qr::encode(url),
        "tint": tint(look),
        "text_size": text_size,
        "large": false,
        "look": look.map(|l| l.to_string()),
    })
}

fn band_data(edition: &Edition, band: &Band) -> Value {
    let site = edition.site;
    let base = site.config.base_url();
    let url = Target::Band(band.id.clone()).url_in(&base, &edition.prefix);
    let mut data = common(edition, &site.config.title, &band.label, false, Some(band.look), &url);
    data["kind"] = json!("band");
    data["intro"] = json!(match band.look {
        Look::Young => edition.word("leaflet_intro_young"),
        Look::Teen => edition.word("leaflet_intro_teen"),
        Look::Adult => edition.word("leaflet_intro_adult"),
    });
    data["themes"] = site
        .band_pages(&band.id)
        .map(|p| {
            let promises: Vec<Value> = p
                .promises
                .iter()
                .map(|promise| {
                    let links: Vec<Value> = promise.links.iter().filter_map(|href| link_data(href, &base)).collect();
                    json!({ "text": promise.text, "links": links })
                })
                .collect();
            json!({
                "lang": edition.foreign(&p.origin),
                "title": p.title,
                "summary": p.summary,
                "icon": p.icon,
                "promises": promises,
            })
        })
        .collect();
    data["back"] = back_data(site, band.contact.iter().map(|key| key.get_ref().as_str()));
    data
}

/// A link in the content as a leaflet prints it: the address a reader can
/// type (without `https://`) and the one a PDF viewer opens. None for a
/// link within the same page, which paper has no use for.
fn link_data(href: &str, base: &str) -> Option<Value> {
    let url = match href.strip_prefix('/') {
        Some(path) => format!("{base}{path}"),
        None if href.contains(':') => href.to_string(),
        None => return None,
    };
    let short = ["https://", "http://", "mailto:", "tel:"]
        .iter()
        .find_map(|scheme| url.strip_prefix(scheme))
        .unwrap_or(&url)
        .to_string();
    Some(json!({ "url": url, "short": short }))
}

/// The back page: who to talk to (`contacts`, keys of site.toml's
/// contacts), who to call when their office is closed (the help contacts
/// that are no band's contact), and the national helplines.
fn back_data<'a>(site: &Site, contacts: impl Iterator<Item = &'a str>) -> Value {
    let config = &site.config;
    let view = |key: &str| config.contacts.get(key).map(contact_view);
    let band_contacts: Vec<&str> = config
        .bands
        .iter()
        .filter_map(|b| b.contact.as_ref().map(|c| c.get_ref().as_str()))
        .collect();
    let closed: Vec<Value> = config
        .help
        .contacts
        .iter()
        .map(|key| key.get_ref().as_str())
        .filter(|key| !band_contacts.contains(key))
        .filter_map(view)
        .collect();
    json!({
        "contacts": contacts.filter_map(view).collect::<Vec<_>>(),
        "closed": closed,
        "lines": config.help.lines.iter().map(contact_view).collect::<Vec<_>>(),
    })
}

fn offer_data(edition: &Edition) -> Value {
    let site = edition.site;
    let url = Target::OfferIndex.url_in(&site.config.base_url(), &edition.prefix);
    let mut data = common(
        edition,
        edition.word("offer_title"),
        &site.config.title,
        true,
        None,
        &url,
    );
    data["kind"] = json!("offer");
    data["intro"] = json!(edition.word("offer_lead"));
    // Care leavers talk to the contact of the oldest readers' bands.
    let adults = site.config.bands.iter().filter(|b| b.look == Look::Adult);
    data["back"] = back_data(
        site,
        adults.filter_map(|b| b.contact.as_ref().map(|c| c.get_ref().as_str())),
    );
    data["areas"] = site
        .offer_by_area(|_| true)
        .into_iter()
        .map(|(area, entries)| {
            let entries: Vec<Value> = entries
                .into_iter()
                .map(|e| {
                    let mut view = offer_view(e);
                    view["lang"] = edition.foreign(&e.origin);
                    view["contact"] = json!(site.config.contacts.get(&e.contact).map(contact_view));
                    view
                })
                .collect();
            json!({ "title": area.title, "entries": entries })
        })
        .collect();
    data
}
