//! `[[bands]]`: who each band's promises speak to, how its pages look and
//! how easy they must be to read.

use std::fmt;

use serde::Deserialize;
use toml::Spanned;

/// An age band: who its promises speak to, and how its pages look.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// The folder under `promises/` and the page address, such as `0-11`.
    pub id: String,
    /// What a reader taps to choose this band, such as "I am 0 to 11".
    pub label: String,
    pub ages: Spanned<String>,
    #[serde(default)]
    pub look: Look,
    /// Who a reader of this band can talk to: a key of `[contacts]`.
    #[serde(default)]
    pub contact: Option<Spanned<String>>,
    /// Reading targets; the defaults come from the band's look.
    #[serde(default)]
    pub reading_grade: Option<f64>,
    #[serde(default)]
    pub sentence_words: Option<usize>,
    #[serde(default)]
    pub long_words: Option<bool>,
    /// Pages in this band's leaflet, when not [print]'s `pages`: a band
    /// with more promises, or larger type, needs more.
    #[serde(default)]
    pub pages: Option<usize>,
    /// The addresses the band's page had before its id changed: each leads
    /// to it now, so the QR codes of leaflets already printed still work.
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
    /// In another language: whether the label is still the site's own.
    #[serde(skip)]
    pub label_fallback: bool,
}

/// A band's look and feel, from the theme's stylesheet.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Look {
    /// Large type, an icon for each theme, short lines, big buttons.
    Young,
    /// Calmer and practical.
    #[default]
    Teen,
    /// Plain and practical, for young adults.
    Adult,
}

impl fmt::Display for Look {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Look::Young => "young",
            Look::Teen => "teen",
            Look::Adult => "adult",
        })
    }
}

/// How easy a band's pages must be to read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reading {
    /// The highest Flesch-Kincaid grade for a page of 100 words or more.
    pub grade: f64,
    /// The most words in one sentence.
    pub sentence_words: usize,
    /// Whether words of four or more syllables are pointed out.
    pub long_words: bool,
}

impl Band {
    /// The band's ages; a band whose ages did not parse was already reported.
    pub fn ages(&self) -> Ages {
        Ages::parse(self.ages.get_ref()).unwrap_or(Ages { from: 0, to: 0 })
    }

    /// The band's reading targets: its own settings, else those of its look
    /// (grade 3 and 15 words for young, 5 and 20 for teen, 6 and 25 for adult).
    pub fn reading(&self) -> Reading {
        let (grade, sentence_words) = match self.look {
            Look::Young => (3.0, 15),
            Look::Teen => (5.0, 20),
            Look::Adult => (6.0, 25),
        };
        Reading {
            grade: self.reading_grade.unwrap_or(grade),
            sentence_words: self.sentence_words.unwrap_or(sentence_words),
            long_words: self.long_words.unwrap_or(self.look == Look::Young),
        }
    }
}

/// An inclusive range of ages in years, written `16-25`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Ages {
    pub from: u8,
    pub to: u8,
}

impl Ages {
    /// Reads `16-25`; `None` for anything else.
    pub fn parse(text: &str) -> Option<Ages> {
        let (from, to) = text.split_once(['-', '–'])?;
        let from: u8 = from.trim().parse().ok()?;
        let to: u8 = to.trim().parse().ok()?;
        (from <= to).then_some(Ages { from, to })
    }

    pub fn contains(self, age: u8) -> bool {
        (self.from..=self.to).contains(&age)
    }

    pub fn overlaps(self, other: Ages) -> bool {
        self.from <= other.to && other.from <= self.to
    }

    pub const HELP: &str =
        "write the ages as two whole numbers with a dash between them, youngest first, such as 16-25";
}

impl fmt::Display for Ages {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} to {}", self.from, self.to)
    }
}

pub(super) fn default_bands() -> Vec<Band> {
    [
        ("0-11", "I am 11 or under", Look::Young),
        ("12-15", "I am 12 to 15", Look::Teen),
        ("16-25", "I am 16 to 25", Look::Adult),
    ]
    .into_iter()
    .map(|(id, label, look)| Band {
        id: id.to_string(),
        label: label.to_string(),
        ages: Spanned::new(0..0, id.to_string()),
        look,
        contact: None,
        reading_grade: None,
        sentence_words: None,
        long_words: None,
        pages: None,
        aliases: Vec::new(),
        label_fallback: false,
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_parse_and_overlap() {
        assert_eq!(Ages::parse("16-25"), Some(Ages { from: 16, to: 25 }));
        assert_eq!(Ages::parse(" 18 - 21 "), Some(Ages { from: 18, to: 21 }));
        assert_eq!(Ages::parse("25-16"), None);
        assert_eq!(Ages::parse("sixteen"), None);
        let leavers = Ages { from: 16, to: 25 };
        assert!(leavers.overlaps(Ages { from: 12, to: 16 }));
        assert!(!leavers.overlaps(Ages { from: 0, to: 11 }));
    }
}
