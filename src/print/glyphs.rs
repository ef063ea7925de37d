//! The characters the leaflets can print. A young person's words may hold
//! any character (an emoji, Arabic, Chinese); the leaflet fonts are tried in
//! turn, and a character none of them has is printed as a visible
//! replacement rather than stopping the build. The checks point at each one.

use serde_json::Value;
use typst::text::{Coverage, FontInfo};

use crate::render::theme::Theme;

/// What is printed in place of a character no leaflet font has, best first.
const REPLACEMENTS: [char; 3] = ['\u{FFFD}', '\u{25A1}', '?'];

/// The characters of the theme's leaflet fonts.
pub struct Glyphs {
    coverage: Vec<Coverage>,
    /// Which ASCII characters the fonts have: nearly every character of
    /// the content, looked up without searching the fonts' tables.
    ascii: [bool; 128],
    replacement: char,
}

impl Glyphs {
    pub fn of(theme: &Theme) -> Glyphs {
        let coverage: Vec<Coverage> = theme
            .folder("leaflet")
            .filter(|(name, _)| name.ends_with(".ttf") || name.ends_with(".otf"))
            .flat_map(|(_, file)| {
                FontInfo::iter(&file.bytes)
                    .map(|info| info.coverage)
                    .collect::<Vec<_>>()
            })
            .collect();
        let covered = |c: char| coverage.iter().any(|cv| cv.contains(u32::from(c)));
        let replacement = REPLACEMENTS.into_iter().find(|c| covered(*c)).unwrap_or('?');
        let ascii = std::array::from_fn(|i| char::from_u32(i as u32).is_some_and(covered));
        Glyphs {
            coverage,
            ascii,
            replacement,
        }
    }

    fn covers(&self, c: char) -> bool {
        match self.ascii.get(c as usize) {
            Some(known) => *known,
            None => self.coverage.iter().any(|cv| cv.contains(u32::from(c))),
        }
    }

    /// Whether `c` goes into the leaflet as it is.
    fn keeps(&self, c: char) -> bool {
        matches!(c, '\n' | '\t' | ' ') || self.covers(c)
    }

    /// Whether the leaflet prints `c` as itself (or, for a character that
    /// only joins or shapes others, leaves it out without a trace).
    pub fn prints(&self, c: char) -> bool {
        self.keeps(c) || ignorable(c)
    }

    /// The replacement printed for characters no font has.
    pub fn replacement(&self) -> char {
        self.replacement
    }

    /// `text` as the leaflet prints it: characters no font has become the
    /// replacement; joiners and selectors no font has are left out.
    pub fn printable(&self, text: &str) -> String {
        text.chars()
            .filter_map(|c| match c {
                _ if self.keeps(c) => Some(c),
                _ if ignorable(c) => None,
                _ if c.is_whitespace() => Some(' '),
                _ => Some(self.replacement),
            })
            .collect()
    }

    /// Every string in a leaflet's data, made printable.
    pub fn clean(&self, data: &mut Value) {
        match data {
            Value::String(s) if !s.chars().all(|c| self.keeps(c)) => {
                *s = self.printable(s);
            }
            Value::Array(items) => items.iter_mut().for_each(|v| self.clean(v)),
            Value::Object(map) => map.values_mut().for_each(|v| self.clean(v)),
            _ => {}
        }
    }
}

/// Characters that show nothing themselves: joiners, variation selectors,
/// tags, soft hyphens, marks of direction, and control characters.
fn ignorable(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
            | '\u{E0000}'..='\u{E0FFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emoji_print_and_scripts_without_a_font_are_replaced() {
        let (theme, _) = Theme::load(std::path::Path::new("/nonexistent"));
        let glyphs = Glyphs::of(&theme);
        assert!(glyphs.prints('a') && glyphs.prints('é') && glyphs.prints('😀'));
        assert!(glyphs.prints('\u{200D}'), "a joiner leaves no trace");
        assert!(!glyphs.prints('中'));
        let r = glyphs.replacement();
        assert_eq!(glyphs.printable("Zoë 😀 中\u{1}"), format!("Zoë 😀 {r}"));
    }
}
