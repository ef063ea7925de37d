//! Drawing the link previews `render::cards` decides on: each card is
//! typeset with typst from the theme's `leaflet/card.typ`, in the theme's
//! fonts (so Arabic is joined and runs right to left), and made a PNG.
//! A card already drawn from the same words and theme is kept.

use image::ImageEncoder;
use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use rayon::prelude::*;
use serde_json::json;
use typst::utils::Scalar;

use super::data::language_data;
use super::typeset::compile_template;
use super::world::Press;
use crate::diagnostics::Diagnostic;
use crate::layout::Outputs;
use crate::render::cards::{Card, HEIGHT, WIDTH};
use crate::render::theme::Theme;
use crate::store::{Inputs, Packed, Store};

/// The theme's template for a card, in its `leaflet/` folder.
pub const TEMPLATE: &str = "card.typ";

/// Every card, drawn; or the template's mistake.
pub fn draw(cards: &[Card], theme: &Theme, press: &Press, kept: &Store) -> Result<Outputs, Diagnostic> {
    // A card is named by the theme's template and fonts and its own words.
    let mut shared = Inputs::new("card");
    for (name, file) in theme.folder("leaflet") {
        shared.add(name.as_bytes()).add(&file.bytes);
    }
    let drawn: Vec<Result<(String, Vec<u8>), Diagnostic>> = cards
        .par_iter()
        .map(|card| {
            let data = json!({ "card": card, "language": language_data((&card.language.0, &card.language.1)) });
            let key = shared.clone().add(data.to_string().as_bytes()).key();
            let Drawn(png) = kept.get_or_make(key, || png(press, theme, &data).map(Drawn))?;
            Ok((card.file.clone(), png))
        })
        .collect();
    drawn.into_iter().collect()
}

/// A card's PNG, as the store keeps it.
struct Drawn(Vec<u8>);

impl Packed for Drawn {
    type Header = ();

    fn header(&self) {}

    fn blobs(&self) -> Vec<&[u8]> {
        vec![&self.0]
    }

    fn unpacked(_: (), mut blobs: Vec<Vec<u8>>) -> Option<Drawn> {
        (blobs.len() == 1).then(|| Drawn(blobs.remove(0)))
    }
}

fn png(press: &Press, theme: &Theme, data: &serde_json::Value) -> Result<Vec<u8>, Diagnostic> {
    let document = compile_template(press, theme, TEMPLATE, data)?;
    let page = document.pages().first().ok_or_else(|| {
        Diagnostic::error("card", format!("the template leaflet/{TEMPLATE} made no page"))
            .help("delete your copy of it to use the default theme's")
    })?;
    let scale = f64::from(WIDTH) / page.frame.width().to_pt();
    let options = typst_render::RenderOptions {
        pixel_per_pt: Scalar::new(scale),
        ..Default::default()
    };
    let pixmap = typst_render::render(page, &options);
    if (pixmap.width(), pixmap.height()) != (WIDTH, HEIGHT) {
        return Err(Diagnostic::error(
            "card",
            format!(
                "the template leaflet/{TEMPLATE} made a card of {}×{} pixels, not {WIDTH}×{HEIGHT}",
                pixmap.width(),
                pixmap.height()
            ),
        )
        .help("keep its page 1.91 times as wide as it is high, such as 600pt by 315pt"));
    }
    // The page is painted all over, so its pixels are opaque and
    // premultiplied colours are the colours.
    let mut out = Vec::new();
    PngEncoder::new_with_quality(&mut out, CompressionType::Best, FilterType::Adaptive)
        .write_image(pixmap.data(), WIDTH, HEIGHT, image::ExtendedColorType::Rgba8)
        .map_err(|e| Diagnostic::error("card", format!("a card could not be made a PNG: {e}")))?;
    Ok(out)
}
