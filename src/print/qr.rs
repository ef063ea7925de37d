//! QR codes as runs of dark modules, for the leaflet template to draw as
//! vector rectangles in 100% black.

use qrcode::{Color, EcLevel, QrCode};
use serde::Serialize;

/// The quiet zone scanners need around a code, in modules.
const QUIET: usize = 4;

/// A code `modules` wide (quiet zone included), drawn as horizontal runs of
/// dark modules: `[row, column, length]`.
#[derive(Debug, Serialize)]
pub struct Qr {
    pub modules: usize,
    pub runs: Vec<[usize; 3]>,
}

/// The code for `url` at error correction level M; `None` if the address is
/// too long for any QR code.
pub fn encode(url: &str) -> Option<Qr> {
    let code = QrCode::with_error_correction_level(url, EcLevel::M).ok()?;
    let width = code.width();
    let colors = code.to_colors();
    let mut runs = Vec::new();
    for (y, row) in colors.chunks(width).enumerate() {
        let mut x = 0;
        while x < width {
            if row[x] == Color::Dark {
                let start = x;
                while x < width && row[x] == Color::Dark {
                    x += 1;
                }
                runs.push([y + QUIET, start + QUIET, x - start]);
            } else {
                x += 1;
            }
        }
    }
    Some(Qr {
        modules: width + 2 * QUIET,
        runs,
    })
}
