//! Characters the leaflets cannot print. The web pages show any character
//! (the reader's phone has the fonts), but a leaflet has only the theme's
//! fonts: a character none of them has is printed as a replacement, and the
//! team is told where it is, so they can decide.

use std::path::Path;

use super::Doc;
use crate::content::Site;
use crate::diagnostics::{Diagnostic, Location};
use crate::print::Glyphs;
use crate::render::urls::Target;

pub fn check(site: &Site, docs: &[Doc], glyphs: &Glyphs) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    // Only promise pages and the local offer are printed.
    for doc in docs {
        if matches!(doc.target, Target::Promise { .. } | Target::OfferEntry(_)) {
            let origin = doc.origin;
            found.extend(lines(&origin.file, &origin.front, origin.front_line, glyphs));
            found.extend(lines(&origin.file, doc.body, origin.body_line, glyphs));
        }
    }
    found.extend(lines(
        Path::new(crate::layout::SITE_TOML),
        &site.config.source,
        1,
        glyphs,
    ));
    found
}

/// One warning for each line of `text` (which starts on line `first` of
/// `file`) with characters the leaflets cannot print.
fn lines(file: &Path, text: &str, first: usize, glyphs: &Glyphs) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim_start().starts_with('#') && file == Path::new(crate::layout::SITE_TOML) {
            continue;
        }
        let mut missing = line.chars().enumerate().filter(|(_, c)| !glyphs.prints(*c));
        let Some((column, c)) = missing.next() else { continue };
        let others = missing.count();
        let more = match others {
            0 => ", so it is".to_string(),
            1 => " and 1 other character on this line, so they are".to_string(),
            n => format!(" and {n} other characters on this line, so they are"),
        };
        found.push(
            Diagnostic::warning(
                "leaflet-character",
                format!(
                    "the leaflets have no letter for \"{c}\" (U+{:04X}){more} printed as {}",
                    u32::from(c),
                    glyphs.replacement()
                ),
            )
            .at(Location {
                file: file.to_path_buf(),
                line: first + i,
                column: column + 1,
                len: 1,
            })
            .help("the web page shows it as written; for the printed leaflet, add a font that has it to theme/leaflet/fonts/, or write it another way"),
        );
    }
    found
}
