//! Pictures: no picture is published as it came. A photo from a phone
//! carries where it was taken (a foster home, a school) in its metadata, so
//! every raster picture is decoded, turned upright, and encoded again with
//! nothing but its pixels, in a few widths for phones. SVG pictures are
//! checked for anything that could run or call another site, and written
//! again without their metadata.

mod raster;
mod svg;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::layout::IMAGES;
use crate::store::{Inputs, Packed, Store};

/// The widths a raster picture is published at, for phones of every size;
/// never wider than the picture itself.
pub const WIDTHS: [u32; 3] = [360, 720, 1080];

/// One published picture: its size, and its files from the narrowest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    /// Its size in pixels, when it has one (an SVG may not).
    pub size: Option<(u32, u32)>,
    /// Each file's width and path from the site's root. The last is the
    /// widest, published at the address the author wrote.
    pub files: Vec<(u32, String)>,
}

/// Every picture of the site, cleaned, by the path an author links to
/// (`images/park.jpg`), with the files to publish.
#[derive(Debug, Clone, Default)]
pub struct Pictures {
    pub by_path: BTreeMap<String, Picture>,
    pub files: Vec<(String, Arc<Vec<u8>>)>,
    /// The pictures that cannot be published (by their address, such as
    /// `images/park.jpg`), and why: said where a page shows them.
    pub refused: BTreeMap<String, Diagnostic>,
}

impl Pictures {
    pub fn get(&self, path: &str) -> Option<&Picture> {
        self.by_path.get(path)
    }
}

/// A picture's published files and what was learnt reading it.
#[derive(Debug, Clone)]
struct Cleaned {
    size: Option<(u32, u32)>,
    /// Width and bytes, narrowest first.
    files: Vec<(u32, Arc<Vec<u8>>)>,
    /// The original told where it was taken.
    gps: bool,
}

/// What is kept of a cleaned picture besides its files.
#[derive(serde::Serialize, serde::Deserialize)]
struct Facts {
    size: Option<(u32, u32)>,
    gps: bool,
    widths: Vec<u32>,
}

impl Packed for Cleaned {
    type Header = Facts;

    fn header(&self) -> Facts {
        Facts {
            size: self.size,
            gps: self.gps,
            widths: self.files.iter().map(|(width, _)| *width).collect(),
        }
    }

    fn blobs(&self) -> Vec<&[u8]> {
        self.files.iter().map(|(_, bytes)| bytes.as_slice()).collect()
    }

    fn unpacked(facts: Facts, blobs: Vec<Vec<u8>>) -> Option<Cleaned> {
        (facts.widths.len() == blobs.len()).then(|| Cleaned {
            size: facts.size,
            gps: facts.gps,
            files: facts.widths.into_iter().zip(blobs.into_iter().map(Arc::new)).collect(),
        })
    }
}

/// Cleans every picture in `images` (each one's path inside images/ and
/// its bytes). Returns what to publish and what was refused, with a warning
/// for each original that holds a position and an error for each name a
/// smaller copy needs.
pub fn prepare(images: &[(String, Vec<u8>)], store: &Store) -> (Pictures, Vec<Diagnostic>) {
    let cleaned: Vec<Result<Cleaned, Diagnostic>> = images
        .par_iter()
        .map(|(name, bytes)| {
            let file = Path::new(IMAGES).join(name);
            match Kind::of(name) {
                Some(Kind::Svg) => svg::clean(&file, bytes),
                Some(Kind::Raster(format)) => {
                    let extension = format.extensions_str().first().copied().unwrap_or_default();
                    let key = Inputs::new("picture").add(extension.as_bytes()).add(bytes).key();
                    store.get_or_make(key, || raster::clean(&file, bytes, format))
                }
                None => Err(not_a_picture(&file)),
            }
        })
        .collect();
    let mut pictures = Pictures::default();
    let mut problems = Vec::new();
    let taken: std::collections::BTreeSet<String> = images.iter().map(|(n, _)| format!("{IMAGES}/{n}")).collect();
    for ((name, _), cleaned) in images.iter().zip(cleaned) {
        let file = Path::new(IMAGES).join(name);
        let cleaned = match cleaned {
            Ok(c) => c,
            Err(why) => {
                pictures.refused.insert(format!("{IMAGES}/{name}"), why);
                continue;
            }
        };
        if cleaned.gps {
            problems.push(
                Diagnostic::warning("picture-location", "this photo holds the place where it was taken (GPS)")
                    .in_file(&file)
                    .help("the published copies carry no location, but the original in the content folder does: remove the location from it, or turn off location in the camera app, before sharing the folder"),
            );
        }
        let path = format!("{IMAGES}/{name}");
        let widest = cleaned.files.len().saturating_sub(1);
        let mut files = Vec::new();
        for (i, (width, bytes)) in cleaned.files.into_iter().enumerate() {
            let published = if i == widest { path.clone() } else { sized(&path, width) };
            if i != widest && taken.contains(&published) {
                problems.push(
                    Diagnostic::error("picture-name", format!("the name {published} is needed for a smaller copy of {path}"))
                        .in_file(Path::new(&published))
                        .help("rename this picture: promise publishes smaller copies of pictures with the width before the extension"),
                );
            }
            files.push((width, published.clone()));
            pictures.files.push((published, bytes));
        }
        pictures.by_path.insert(
            path,
            Picture {
                size: cleaned.size,
                files,
            },
        );
    }
    (pictures, problems)
}

/// A raster picture with nothing but its pixels (its widest published
/// copy), for a starter site whose photos must tell no one where they were
/// taken; `None` for anything else.
pub fn without_metadata(name: &str, bytes: &[u8]) -> Option<Vec<u8>> {
    let Some(Kind::Raster(format)) = Kind::of(name) else {
        return None;
    };
    let cleaned = raster::clean(Path::new(name), bytes, format).ok()?;
    let (_, widest) = cleaned.files.last()?;
    Some(widest.as_ref().clone())
}

/// An SVG drawing of the theme (an icon or an illustration), checked and
/// written again like an SVG picture in the content, as text to put in a page.
pub fn clean_drawing(file: &Path, bytes: &[u8]) -> Result<String, Diagnostic> {
    let cleaned = svg::clean(file, bytes)?;
    let text = cleaned
        .files
        .first()
        .map(|(_, bytes)| String::from_utf8_lossy(bytes).trim().to_string());
    Ok(text.unwrap_or_default())
}

/// The address of a smaller copy: `images/park.jpg` at 360 pixels wide is
/// `images/park.360w.jpg`.
fn sized(path: &str, width: u32) -> String {
    match path.rsplit_once('.') {
        Some((stem, ext)) if !ext.contains('/') => format!("{stem}.{width}w.{ext}"),
        _ => format!("{path}.{width}w"),
    }
}

/// The kinds of picture that can be published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Svg,
    Raster(image::ImageFormat),
}

impl Kind {
    fn of(name: &str) -> Option<Kind> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        Some(match ext.as_str() {
            "svg" => Kind::Svg,
            "jpg" | "jpeg" => Kind::Raster(image::ImageFormat::Jpeg),
            "png" => Kind::Raster(image::ImageFormat::Png),
            "webp" => Kind::Raster(image::ImageFormat::WebP),
            "gif" => Kind::Raster(image::ImageFormat::Gif),
            _ => return None,
        })
    }
}

fn not_a_picture(file: &Path) -> Diagnostic {
    Diagnostic::error("not-a-picture", "this file is not a kind of picture the site can show")
        .in_file(file)
        .help("save pictures as .jpg, .png, .webp, .gif or .svg; other files do not belong in images/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smaller_copies_have_the_width_before_the_extension() {
        assert_eq!(sized("images/park.jpg", 360), "images/park.360w.jpg");
        assert_eq!(sized("images/a.b/park", 720), "images/a.b/park.720w");
    }
}
