//! Creep: in a folded and stapled booklet the inner sheets stick out past
//! the outer ones at the edge away from the staples, and trimming that edge
//! straight takes more off their pages. The print file moves each inner
//! sheet's pages towards the staples by as much, so every page keeps the
//! same margin once trimmed; the layout leaves room for it on the inside.

/// How far one sheet (of leaflet paper up to about 170 gsm) pushes out the
/// sheets folded inside it.
pub const PER_SHEET_MM: f64 = 0.15;
/// Thinner booklets creep too little to matter.
pub const FROM_PAGES: usize = 12;

/// The room the layout keeps on the inside of every page of a booklet of
/// `pages`, for its innermost sheet's move.
pub fn gutter_mm(pages: usize) -> f64 {
    if pages < FROM_PAGES {
        return 0.0;
    }
    (pages / 4).saturating_sub(1) as f64 * PER_SHEET_MM
}

/// How far page `number` (from 1) of a booklet of `pages` moves towards
/// its staples: nothing on the outermost sheet, one sheet's creep more on
/// each sheet inside it.
pub fn shift_mm(number: usize, pages: usize) -> f64 {
    if pages < FROM_PAGES || number == 0 || number > pages {
        return 0.0;
    }
    let sheet = number.min(pages + 1 - number).div_ceil(2);
    (sheet - 1) as f64 * PER_SHEET_MM
}

/// Whether the staples are to the left of page `number`: a left-bound
/// booklet's right-hand (odd) pages, or a right-bound one's even pages.
pub fn staples_on_left(number: usize, right_bound: bool) -> bool {
    (number % 2 == 1) != right_bound
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inner_sheets_move_in_by_a_sheet_each_and_thin_booklets_not_at_all() {
        let moves: Vec<f64> = (1..=16).map(|n| shift_mm(n, 16)).collect();
        let sheet = PER_SHEET_MM;
        assert_eq!(moves[0], 0.0);
        assert_eq!(moves[1], 0.0);
        assert_eq!(moves[2], sheet);
        assert_eq!(moves[7], 3.0 * sheet);
        assert_eq!(moves[8], 3.0 * sheet);
        assert_eq!(moves[15], 0.0);
        assert_eq!(gutter_mm(16), 3.0 * sheet);
        assert!((1..=8).all(|n| shift_mm(n, 8) == 0.0) && gutter_mm(8) == 0.0);
        assert!(staples_on_left(1, false) && !staples_on_left(2, false));
        assert!(!staples_on_left(1, true) && staples_on_left(2, true));
    }
}
