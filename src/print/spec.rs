//! What the print shop needs to know, written beside the leaflets as
//! `leaflets/print-spec.txt`, and the checks of each finished PDF that it
//! reports.

use jiff::civil::Date;
use lopdf::{Document, Object};

use crate::config::{Config, Paper};

/// The file's name, in the leaflets folder.
pub const FILE: &str = "print-spec.txt";

/// A finished leaflet as the specification lists it.
pub struct Made {
    /// The print shop's file.
    pub file: String,
    /// Whether it binds on the right, as a right-to-left leaflet does.
    pub right_bound: bool,
    pub name: String,
    /// Its language, as a tag and a name.
    pub language: String,
    pub pages: usize,
    pub paper: Paper,
}

/// Reads a finished leaflet back as a print shop's preflight would, and
/// says what is wrong with it; its number of pages when nothing is.
pub fn inspect(pdf: &[u8], paper: Paper, bleed: f64) -> Result<usize, String> {
    let doc = Document::load_mem(pdf).map_err(|e| format!("it cannot be read back: {e}"))?;
    let pages = doc.get_pages();
    if pages.len() % 4 != 0 {
        return Err(format!("it has {} pages, not a multiple of four", pages.len()));
    }
    let (width, height) = paper.size_mm();
    let points = |mm: f64| mm * 72.0 / 25.4;
    for (number, id) in &pages {
        let page = doc.get_dictionary(*id).map_err(|e| e.to_string())?;
        let size = |key: &[u8]| -> Option<(f64, f64)> {
            let v: Vec<f64> = page
                .get(key)
                .and_then(Object::as_array)
                .ok()?
                .iter()
                .filter_map(|n| n.as_float().ok().map(f64::from))
                .collect();
            (v.len() == 4).then(|| (v[2] - v[0], v[3] - v[1]))
        };
        let near = |(w, h): (f64, f64), (ew, eh): (f64, f64)| (w - ew).abs() < 0.1 && (h - eh).abs() < 0.1;
        let trim = (points(width), points(height));
        let bleed_box = (points(width + 2.0 * bleed), points(height + 2.0 * bleed));
        if !size(b"TrimBox").is_some_and(|s| near(s, trim)) {
            return Err(format!("page {number} has no TrimBox of {width} × {height} mm"));
        }
        if !size(b"BleedBox").is_some_and(|s| near(s, bleed_box)) {
            return Err(format!("page {number} has no BleedBox of {bleed} mm around the trim"));
        }
        if page.has(b"Annots") {
            return Err(format!(
                "page {number} has annotations, which a PDF/X file may not have inside the bleed"
            ));
        }
    }
    let embedded = doc.objects.values().filter_map(|o| o.as_dict().ok()).all(|d| {
        d.get(b"Type").and_then(Object::as_name).ok() != Some(b"FontDescriptor")
            || [&b"FontFile"[..], b"FontFile2", b"FontFile3"].iter().any(|k| d.has(k))
    });
    if !embedded {
        return Err("a font is not embedded".into());
    }
    let intent = doc.catalog().ok().and_then(|c| c.get(b"OutputIntents").ok()).is_some();
    if !intent {
        return Err("it has no output intent".into());
    }
    Ok(pages.len())
}

/// The specification of every leaflet in `made`.
pub fn text(config: &Config, made: &[Made], today: Date) -> String {
    let print = &config.print;
    let bleed = print.bleed_mm;
    let mut s = String::new();
    let mut line = |text: String| {
        s.push_str(&text);
        s.push('\n');
    };
    line(format!(
        "Print specification: {} leaflets, \"{}\"",
        config.council, config.title
    ));
    line(format!("Made by promise on {today}.\n"));
    line("EVERY LEAFLET".into());
    for (paper, which) in [
        (print.paper, "Finished size (trim)"),
        (Paper::A4, "Large print editions"),
    ] {
        let (width, height) = paper.size_mm();
        line(format!(
            "{which}: {}, {width} x {height} mm, portrait; the PDF pages are {} x {} mm with the bleed{}",
            name(paper),
            width + 2.0 * bleed,
            height + 2.0 * bleed,
            if print.crop_marks {
                ", on a larger sheet with crop and bleed marks outside the bleed"
            } else {
                ""
            }
        ));
    }
    line(format!("Paper: {} (suggested)", print.stock));
    line(format!(
        "Paper for the large print editions: {} (suggested)",
        print.large_print_stock
    ));
    if let Some(quantity) = print.quantity {
        line(format!("Quantity: {quantity} of each leaflet"));
    }
    line(format!(
        "Bleed: {bleed} mm on every side, with the trim marked in the PDF (TrimBox) and the bleed (BleedBox)"
    ));
    line("Safe area: all text, codes and page numbers at least 5 mm inside the trim; only background colour runs into the bleed".into());
    line("Binding: saddle stitch (folded and stapled); every page count is a multiple of 4. English leaflets bind on the left; leaflets in a right-to-left language (marked RIGHT below) bind on the right: the cover is page 1 and the pages turn from left to right".into());
    line(format!(
        "Creep: in leaflets of {} pages or more, the pages of each inner sheet are already moved {} mm further towards the staples than the sheet around them; do not add creep again",
        super::creep::FROM_PAGES,
        super::creep::PER_SHEET_MM
    ));
    line("Colours: CMYK only; text, rules and QR codes are 100% K and overprint; cover tints are light CMYK tints that run into the bleed; illustrations are flat CMYK colours".into());
    line(format!(
        "Made for: {} ({}), its ICC profile embedded as the output intent",
        super::pdfx::CONDITION_INFO,
        super::pdfx::CONDITION
    ));
    line(format!(
        "PDF: {}, fonts embedded and subset, not trapped, no annotations. (The files on the website for reading are PDF/UA-1 with working links: do not print those.)",
        super::pdfx::VERSION
    ));
    line(format!(
        "QR codes: at least {} mm wide without their white margin, which must not be printed over",
        print.paper.qr_mm()
    ));
    match print
        .contact
        .as_ref()
        .and_then(|key| config.contacts.get(key.get_ref()))
    {
        Some(c) => {
            let ways: Vec<&str> = [c.phone.as_str(), c.email.as_str()]
                .into_iter()
                .filter(|w| !w.is_empty())
                .collect();
            line(format!(
                "Questions about these files: {}, {}\n",
                c.name,
                ways.join(", ")
            ));
        }
        None => line(format!("Questions about these files: {}\n", config.council)),
    }
    line("THE FILES TO PRINT".into());
    let wide = made.iter().map(|m| m.file.chars().count()).max().unwrap_or(0);
    for m in made {
        line(format!(
            "{:wide$}  {:>2} pages  {}  binds {:5}  {} ({})",
            m.file,
            m.pages,
            name(m.paper),
            if m.right_bound { "RIGHT" } else { "left" },
            m.name,
            m.language
        ));
    }
    line("\nCHECKED BY PROMISE WHEN THESE FILES WERE MADE".into());
    line("- each file reads back, and its page count is a multiple of 4".into());
    line(format!(
        "- every page has the trim size as its TrimBox and {bleed} mm of bleed around it as its BleedBox"
    ));
    line("- no page has an annotation (a link or a form field)".into());
    line("- every font is embedded, and the output intent is present".into());
    line("- no text, page number included, comes within 5 mm of the trim; any that would is reported to the council before printing".into());
    line("- the last page is the back page: the QR code back to the website, who to call, 999 and the helplines for the leaflet's ages".into());
    s
}

/// A paper size as a print shop writes it.
fn name(paper: Paper) -> String {
    format!("{paper:?}").to_uppercase()
}
