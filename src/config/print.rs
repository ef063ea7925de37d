//! `[print]`: how leaflets are made for the print shop.

use serde::Deserialize;

/// How leaflets are made for the print shop.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Print {
    pub paper: Paper,
    /// How far backgrounds run past the trim on every side, in millimetres.
    pub bleed_mm: f64,
    /// How many pages a leaflet has; it grows by whole booklets of four when
    /// its content needs more.
    pub pages: usize,
    /// The same for the local offer, which is usually longer.
    pub offer_pages: usize,
    /// The most pages any leaflet may have: past it, a leaflet prints the
    /// first themes or entries that fit and sends readers to the website
    /// for the rest.
    pub max_pages: usize,
    /// Crop and bleed marks outside the bleed of the print shop's files,
    /// for a shop that asks for them.
    pub crop_marks: bool,
    /// The paper to suggest to the print shop, for the leaflets and for
    /// the large print editions.
    pub stock: String,
    pub large_print_stock: String,
    /// How many of each leaflet to print, if the council knows.
    pub quantity: Option<u32>,
    /// Who the print shop asks about the files: a key of `[contacts]`.
    pub contact: Option<toml::Spanned<String>>,
}

impl Default for Print {
    fn default() -> Self {
        Print {
            paper: Paper::A5,
            bleed_mm: 3.0,
            pages: 4,
            offer_pages: 8,
            max_pages: 24,
            crop_marks: false,
            stock: "130 to 150 gsm silk: coated, with a matt finish that does not shine under a light".into(),
            large_print_stock: "120 to 150 gsm uncoated or matt: Clear Print asks for paper with no glare".into(),
            quantity: None,
            contact: None,
        }
    }
}

/// A finished leaflet's size.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    A4,
    #[default]
    A5,
    A6,
    /// A third of A4, for a leaflet rack.
    Dl,
}

impl Paper {
    /// Width and height of the trimmed page, in millimetres.
    pub fn size_mm(self) -> (f64, f64) {
        match self {
            Paper::A4 => (210.0, 297.0),
            Paper::A5 => (148.0, 210.0),
            Paper::A6 => (105.0, 148.0),
            Paper::Dl => (99.0, 210.0),
        }
    }

    /// The smallest a QR code may be printed and still scan from a distance.
    pub fn qr_mm(self) -> f64 {
        if self == Paper::A6 { 22.0 } else { 25.0 }
    }
}
