//! JPEG, PNG, WebP and GIF pictures: decoded, turned upright from their EXIF
//! orientation, resized for phones and encoded again with no metadata at
//! all. The encoders here write pixels only: no EXIF, GPS, XMP, IPTC, colour
//! profile or comment survives.

use std::io::Cursor;
use std::path::Path;
use std::sync::Arc;

use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

use super::{Cleaned, WIDTHS};
use crate::diagnostics::Diagnostic;

/// How good a published JPEG is, out of 100: no difference a reader sees on
/// a phone, at a third of a camera's file size.
const JPEG_QUALITY: u8 = 80;
/// The most memory decoding one picture may take: a picture that claims to
/// be larger is refused rather than allowed to exhaust the computer.
const MAX_DECODE_BYTES: u64 = 192 * 1024 * 1024;
/// The most pixels a picture may have: more than any phone camera takes
/// (a 200-megapixel mode saves 12 megapixels unless asked), and far more
/// than a page needs. Checked from the picture's header, before decoding.
pub const MAX_MEGAPIXELS: u64 = 40;
/// The largest picture file, in megabytes.
pub const MAX_FILE_MB: usize = 25;

pub fn clean(file: &Path, bytes: &[u8], format: ImageFormat) -> Result<Cleaned, Diagnostic> {
    let unreadable = |e: image::ImageError| {
        match e {
        // It would need more memory than any picture a page needs.
        image::ImageError::Limits(_) => too_large(file, "this picture needs too much memory to read".into()),
        e => Diagnostic::error("bad-picture", format!("this picture cannot be read: {e}"))
            .in_file(file)
            .help("open the picture in an image editor and save it again as a .jpg or .png; check the file name's ending matches what it is"),
    }
    };
    if bytes.len() > MAX_FILE_MB * 1024 * 1024 {
        return Err(too_large(
            file,
            format!("this picture's file is {} MB", bytes.len() / (1024 * 1024)),
        ));
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(unreadable)?;
    let (claimed_width, claimed_height) = decoder.dimensions();
    if u64::from(claimed_width) * u64::from(claimed_height) > MAX_MEGAPIXELS * 1_000_000 {
        return Err(too_large(
            file,
            format!("this picture is {claimed_width} × {claimed_height} pixels"),
        ));
    }
    let exif = decoder.exif_metadata().ok().flatten();
    let orientation = decoder.orientation().map_err(unreadable)?;
    let mut picture = DynamicImage::from_decoder(decoder).map_err(unreadable)?;
    picture.apply_orientation(orientation);
    let gps = exif.as_deref().is_some_and(has_position);

    let (width, height) = (picture.width(), picture.height());
    if width == 0 || height == 0 {
        return Err(Diagnostic::error("bad-picture", "this picture has no pixels")
            .in_file(file)
            .help("open the picture in an image editor and save it again as a .jpg or .png"));
    }
    let widest = width.min(WIDTHS[WIDTHS.len() - 1]);
    let mut widths: Vec<u32> = WIDTHS.iter().copied().filter(|w| *w < widest).collect();
    widths.push(widest);
    let mut files = Vec::new();
    for w in widths {
        let h = scaled_height(width, height, w);
        let bytes = if w == width {
            encode(&picture, format)
        } else {
            encode(&picture.resize_exact(w, h, FilterType::CatmullRom), format)
        };
        files.push((w, Arc::new(bytes.map_err(unreadable)?)));
    }
    Ok(Cleaned {
        size: Some((widest, scaled_height(width, height, widest))),
        files,
        gps,
    })
}

/// A picture too large to publish: what it is, and what to do.
fn too_large(file: &Path, what: String) -> Diagnostic {
    Diagnostic::error(
        "picture-too-large",
        format!("{what}, more than promise takes ({MAX_MEGAPIXELS} megapixels and {MAX_FILE_MB} MB)"),
    )
    .in_file(file)
    .help("make it smaller in an image editor or your phone's photo app, to 4000 pixels wide or less, and save it again: no phone screen shows more")
}

fn scaled_height(width: u32, height: u32, to: u32) -> u32 {
    ((u64::from(height) * u64::from(to) + u64::from(width) / 2) / u64::from(width)).max(1) as u32
}

/// The picture's pixels in its own format, and nothing else.
fn encode(picture: &DynamicImage, format: ImageFormat) -> Result<Vec<u8>, image::ImageError> {
    let mut out = Cursor::new(Vec::new());
    match format {
        ImageFormat::Jpeg => {
            // JPEG has no transparency.
            let rgb = DynamicImage::ImageRgb8(picture.to_rgb8());
            rgb.write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(
                &mut out,
                JPEG_QUALITY,
            ))?;
        }
        ImageFormat::Gif => DynamicImage::ImageRgba8(picture.to_rgba8()).write_to(&mut out, format)?,
        _ => picture.write_to(&mut out, format)?,
    }
    Ok(out.into_inner())
}

/// Whether EXIF data holds a latitude or longitude. Damaged EXIF is read as
/// far as it can be; it is dropped from the published copies either way.
fn has_position(exif: &[u8]) -> bool {
    let mut reader = exif::Reader::new();
    reader.continue_on_error(true);
    let exif = match reader.read_raw(exif.to_vec()) {
        Ok(exif) => exif,
        Err(exif::Error::PartialResult(partial)) => partial.into_inner().0,
        Err(_) => return false,
    };
    exif.fields()
        .any(|f| matches!(f.tag, exif::Tag::GPSLatitude | exif::Tag::GPSLongitude))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heights_keep_the_shape() {
        assert_eq!(scaled_height(4000, 3000, 360), 270);
        assert_eq!(scaled_height(1000, 1, 360), 1);
    }
}
