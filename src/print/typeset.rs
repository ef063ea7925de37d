//! Typesetting a leaflet with typst: as many of its themes or entries as
//! fit, whole booklets of four pages, then a tagged PDF made PDF/X-4.

use jiff::civil::Date;
use serde_json::{Value, json};
use typst::WorldExt;
use typst::diag::{SourceDiagnostic, Warned};
use typst::foundations::Smart;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

use super::jobs::{Job, Which, jobs};
use super::world::{Leaflet, Press, TEMPLATE};
use super::{creep, cut, fullness, overflow, pdfx, press, spec};
use crate::config::{Paper, Print};
use crate::content::Site;
use crate::diagnostics::Diagnostic;
use crate::layout::SITE_TOML;
use crate::pictures::Pictures;
use crate::render::strings;
use crate::render::theme::Theme;
use typst::layout::Abs;

/// Print shops keep text this far inside the trim, in millimetres.
const SAFE_MM: f64 = 5.0;

/// The typeset pages of the leaflet written to `file` (such as
/// `leaflets/0-11.pdf` or `ar/leaflets/12-15.pdf`) on `today`, before they
/// become a PDF: for looking at them.
pub fn document(
    site: &Site,
    theme: &Theme,
    pictures: &Pictures,
    file: &str,
    today: Date,
) -> Option<Result<PagedDocument, Diagnostic>> {
    let (strings, _) = strings::for_site(theme, &site.config);
    let job = jobs(site, &strings, theme, today, Which::All)
        .into_iter()
        .find(|job| job.file == file)?;
    Some(lay_out(&Press::new(theme, pictures), theme, &site.config.print, &job).map(|(_, document)| document))
}

/// A finished leaflet: what is kept of it between builds.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Typeset {
    /// The reader's file, with working links.
    pub(super) pdf: Vec<u8>,
    /// The print shop's file.
    pub(super) print_pdf: Vec<u8>,
    pub(super) pages: usize,
    /// Text that runs into the margin, and its page.
    pub(super) outside: Vec<(usize, String)>,
    /// What was typeset: the job's data, cut to fit.
    pub(super) data: Value,
}

/// Typesets one leaflet, adding pages for the reader's own notes so it has
/// a whole number of booklets of four pages, and never fewer than asked for.
pub(super) fn typeset(
    press: &Press,
    theme: &Theme,
    print: &Print,
    job: &Job,
    today: Date,
) -> Result<Typeset, Diagnostic> {
    let (file, name) = (&job.file, &job.name);
    let (data, document) = lay_out(press, theme, print, job)?;
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
    let pdf =
        typst_pdf::pdf(&document, &options).map_err(|errors| typst_error(press, theme, TEMPLATE, &data, &errors))?;
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
    let press = press::Press {
        bleed_mm: print.bleed_mm as f32,
        crop_marks: print.crop_marks,
        right_bound: data["language"]["dir"] == "rtl",
    };
    let print_pdf = pdfx::print(&pdf, &about, &press).map_err(|e| not_ready(e.to_string()))?;
    let pdf = pdfx::reader(&pdf, &about).map_err(|e| not_ready(e.to_string()))?;
    let pages = spec::inspect(&print_pdf, job.paper, print.bleed_mm).map_err(not_ready)?;
    Ok(Typeset {
        pdf,
        print_pdf,
        pages,
        outside,
        data,
    })
}

/// What the print shop and the team should know of a typeset leaflet: that
/// it needed more pages than asked for, or printed only its first themes or
/// entries.
pub(super) fn warnings(print: &Print, job: &Job, typeset: &Typeset) -> impl Iterator<Item = Diagnostic> {
    let grew = grew_warning(job, typeset.pages);
    cut_warning(print, job, &typeset.data).into_iter().chain(grew)
}

/// The leaflet's pages: as many of its themes or entries as fit, each
/// theme on a page of its own when a band's leaflet has pages to spare, a
/// gutter for the creep of a thick booklet, then the reader's own pages to
/// make whole booklets of four, never fewer than site.toml asks for.
fn lay_out(press: &Press, theme: &Theme, print: &Print, job: &Job) -> Result<(Value, PagedDocument), Diagnostic> {
    let (data, document) = fit(press, theme, print, job)?;
    let whole = |pages: usize| job.pages.unwrap_or(0).max(pages).div_ceil(4) * 4;
    // Other ways to lay the same out: spacing a little tighter, and for a
    // band with pages to spare, each theme on a page of its own. The one
    // with the fewest booklets, then the fewest pages that end half empty,
    // is printed.
    let mut variants = vec![("tight", true)];
    if job.data["kind"] == "band" {
        variants.push(("spread", true));
    }
    let (top, bottom) = margins(&data);
    let score = |document: &PagedDocument| {
        (
            whole(document.pages().len()),
            fullness::weak_pages(document, top, bottom).len(),
        )
    };
    let mut best = (score(&document), data, document);
    for (key, value) in variants {
        // Typesetting is most of a build's time: no other layout is tried
        // when none could do better (the fewest booklets site.toml allows,
        // no half-empty page), and one theme a page, which never takes
        // fewer pages, only when a page is half empty.
        let (booklets, weak) = best.0;
        if weak == 0 && (booklets == whole(0) || key == "spread") {
            continue;
        }
        let mut other = best.1.clone();
        other[key] = json!(value);
        let laid = compile(press, theme, &other)?;
        let scored = score(&laid);
        if scored < best.0 {
            best = (scored, other, laid);
        }
    }
    let (_, mut data, mut document) = best;
    let mut wanted = whole(document.pages().len());
    let gutter = creep::gutter_mm(wanted);
    if gutter > 0.0 {
        data["page"]["gutter"] = json!(gutter);
        document = compile(press, theme, &data)?;
        wanted = whole(document.pages().len());
    }
    let pages = document.pages().len();
    data["extra_pages"] = json!(wanted - pages);
    // A last page of content less than half full takes the first of the
    // reader's own pages, if that still makes whole booklets.
    let last = pages.saturating_sub(1);
    if fullness::weak_pages(&document, top, bottom).contains(&last) {
        let mut flowing = data.clone();
        flowing["fill_flows"] = json!(true);
        let laid = compile(press, theme, &flowing)?;
        if laid.pages().len() == wanted {
            return Ok((flowing, laid));
        }
    }
    if pages < wanted {
        document = compile(press, theme, &data)?;
    }
    Ok((data, document))
}

/// The top and bottom margins of a leaflet's pages, as its template sets
/// them from the page's data: the bottom one holds the page number.
fn margins(data: &Value) -> (Abs, Abs) {
    let mm = |key: &str| Abs::mm(data["page"][key].as_f64().unwrap_or_default());
    (mm("safe"), mm("safe") + mm("footer"))
}

/// When only the first themes or entries fitted, a warning saying how many.
fn cut_warning(print: &Print, job: &Job, data: &Value) -> Option<Diagnostic> {
    let (file, name) = (&job.file, &job.name);
    let what = match job.data["kind"].as_str() {
        Some("band") => "themes",
        Some("newsletter") => "messages, entries and events",
        _ => "local offer entries",
    };
    data["left_out"].as_u64().map(|left_out| {
        Diagnostic::warning(
            "leaflet-cut",
            format!(
                "the leaflet \"{name}\" ({file}) would need more than the {} pages max_pages allows, so it prints the first {} of its {} {what} and sends readers to the website for the other {left_out}",
                page_limit(print, job),
                cut::items(data),
                cut::items(&job.data),
            ),
        )
        .in_file(SITE_TOML)
        .help("a leaflet is for the main things: keep the longest lists on the website, split a very long band in two in site.toml, or raise max_pages in [print] if the print shop can bind more")
    })
}

/// When the leaflet needs more `pages` than site.toml asks for, a warning.
fn grew_warning(job: &Job, pages: usize) -> Option<Diagnostic> {
    let (file, name) = (&job.file, &job.name);
    job.pages.filter(|&asked| pages > asked).map(|asked| {
        Diagnostic::warning(
            "leaflet-grew",
            format!("the leaflet \"{name}\" ({file}) needs {pages} pages, more than the {asked} in site.toml"),
        )
        .in_file(SITE_TOML)
        .help("tell the print shop the new page count, shorten the content, or set pages in [print] (or in the band's [[bands]]) in site.toml")
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
        data["page"] = page_data(job.paper, print, job.data["large"] == true);
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
    compile_template(press, theme, TEMPLATE, data)
}

/// `template`, of the theme's `leaflet/` folder, typeset with `data`.
pub(super) fn compile_template(
    press: &Press,
    theme: &Theme,
    template: &str,
    data: &Value,
) -> Result<PagedDocument, Diagnostic> {
    let world = Leaflet::new(press, template, data.to_string().into_bytes()).ok_or_else(|| {
        Diagnostic::error(
            "leaflet",
            format!("the theme has no template leaflet/{template} in UTF-8"),
        )
        .help(format!(
            "put a {template} in theme/leaflet/, or delete your copy to use the default one"
        ))
    })?;
    let Warned { output, .. } = typst::compile::<PagedDocument>(&world);
    // typst keeps what it worked out for reuse, and each try at fitting a
    // leaflet is laid out afresh: kept, it all adds up until the build
    // ends. Letting go after each compile takes the 40 leaflets of the
    // `languages` bench at 1,000 from 2.8 GB to 290 MB, with the same files.
    comemo::evict(0);
    output.map_err(|errors| typst_error(press, theme, template, data, &errors))
}

/// A typst error as a diagnostic that names the template's line.
fn typst_error(press: &Press, theme: &Theme, template: &str, data: &Value, errors: &[SourceDiagnostic]) -> Diagnostic {
    let first = errors.first();
    let message = first.map_or_else(|| "unknown problem".to_string(), |e| e.message.to_string());
    let hints: Vec<String> = first
        .map(|e| e.hints.iter().map(|h| h.v.to_string()).collect())
        .unwrap_or_default();
    let mut d = Diagnostic::error(
        "leaflet",
        format!("the template leaflet/{template} has a problem: {message}"),
    )
    .help(if hints.is_empty() {
        format!("fix leaflet/{template} in the theme folder, or delete your copy of it to use the default theme's")
    } else {
        hints.join("; ")
    });
    let at = first
        .zip(Leaflet::new(press, template, data.to_string().into_bytes()))
        .and_then(|(e, world)| {
            let range = world.range(e.span)?;
            let source = world.source();
            let line = source.lines().byte_to_line(range.start)? + 1;
            let column = source.lines().byte_to_column(range.start)? + 1;
            theme.location(&format!("leaflet/{template}"), line, column)
        });
    if let Some(at) = at {
        d = d.at(at);
    }
    d
}

fn page_data(paper: Paper, print: &Print, large: bool) -> Value {
    let (width, height) = paper.size_mm();
    json!({
        "width": width,
        "height": height,
        "bleed": print.bleed_mm,
        "safe": SAFE_MM,
        // Below the text, the room for the page number, larger in large print.
        "footer": if large { 12.0 } else { 8.0 },
        "gutter": 0.0,
        "qr": paper.qr_mm(),
    })
}
