//! What the print shop needs to know, written beside the leaflets as
//! `leaflets/print-spec.txt`, and the checks of each finished PDF that it
//! reports.

use jiff::civil::Date;
use lopdf::{Document, Object};

use std::fmt::Write;

use crate::config::{Config, Paper};

/// The file's name, in the leaflets folder.
pub const FILE: &str = "print-spec.txt";

/// A finished leaflet as the specification lists it.
pub struct Made {
    pub file: String,
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
        if !size(b"BleedBox")
            .or_else(|| size(b"MediaBox"))
            .is_some_and(|s| near(s, bleed_box))
        {
            return Err(format!("page {number} has no {bleed} mm of bleed"));
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
    // Writing to a String cannot fail.
    let _ = writeln!(
        s,
        "Print specification: {} leaflets, \"{}\"",
        config.council, config.title
    );
    let _ = writeln!(s, "Made by promise on {today}.\n");
    let _ = writeln!(s, "EVERY LEAFLET");
    for (paper, which) in [
        (print.paper, "Finished size (trim)"),
        (Paper::A4, "Large print editions"),
    ] {
        let (width, height) = paper.size_mm();
        let _ = writeln!(
            s,
            "{which}: {}, {width} x {height} mm, portrait; the PDF pages are {} x {} mm with the bleed",
            name(paper),
            width + 2.0 * bleed,
            height + 2.0 * bleed
        );
    }
    let _ = writeln!(
        s,
        "Bleed: {bleed} mm on every side, with the trim marked in the PDF (TrimBox) and the bleed (BleedBox)"
    );
    let _ = writeln!(s, "Safe area: all text and codes at least 5 mm inside the trim");
    let _ = writeln!(
        s,
        "Binding: saddle stitch (folded and stapled); every page count is a multiple of 4"
    );
    let _ = writeln!(
        s,
        "Colours: CMYK only; text, rules and QR codes are 100% K and overprint; cover tints are light CMYK tints that run into the bleed; illustrations are flat CMYK colours"
    );
    let _ = writeln!(
        s,
        "Made for: {} ({}), its ICC profile embedded as the output intent",
        super::pdfx::CONDITION_INFO,
        super::pdfx::CONDITION
    );
    let _ = writeln!(
        s,
        "PDF: {} and PDF/UA-1 (tagged for screen readers), fonts embedded and subset, not trapped",
        super::pdfx::VERSION
    );
    let _ = writeln!(
        s,
        "QR codes: at least {} mm wide without their white margin, which must not be printed over\n",
        print.paper.qr_mm()
    );
    let _ = writeln!(s, "THE LEAFLETS");
    let wide = made.iter().map(|m| m.file.chars().count()).max().unwrap_or(0);
    for m in made {
        let _ = writeln!(
            s,
            "{:wide$}  {:>2} pages  {}  {} ({})",
            m.file,
            m.pages,
            name(m.paper),
            m.name,
            m.language
        );
    }
    let _ = writeln!(s, "\nCHECKED BY PROMISE WHEN THESE FILES WERE MADE");
    let _ = writeln!(s, "- each file reads back, and its page count is a multiple of 4");
    let _ = writeln!(
        s,
        "- every page has the trim size as its TrimBox and {bleed} mm of bleed around it"
    );
    let _ = writeln!(s, "- every font is embedded, and the output intent is present");
    let _ = writeln!(
        s,
        "- no text comes within 5 mm of the trim; any that would is reported to the council before printing"
    );
    s
}

/// A paper size as a print shop writes it.
fn name(paper: Paper) -> String {
    format!("{paper:?}").to_uppercase()
}
