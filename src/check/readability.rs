//! Reading level: Flesch reading ease and Flesch-Kincaid grade for each page,
//! the length of every sentence, and long words for the youngest readers,
//! each held to the targets of the band that reads the page.
//!
//! Words, sentences and syllables are counted the way textstat counts them,
//! so the grades agree with it; syllables come from spelling rules rather than
//! a dictionary, so British spellings count like any other word.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::Doc;
use crate::config::{Band, Reading};
use crate::content::prose::{self, BlockKind, front_matter_text};
use crate::diagnostics::{Diagnostic, Location};
use crate::render::urls::Target;

/// Pages shorter than this give no meaningful grade.
const MIN_WORDS: usize = 100;
/// Words of this many syllables or more are long for the youngest readers.
const LONG_WORD: usize = 4;

/// The numbers a reading-level formula needs.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
}

impl Counts {
    /// Counts a text: sentences end at `.`, `!` or `?`, and (as textstat
    /// does) a "sentence" of two words or fewer is not counted as one.
    pub fn of(text: &str) -> Counts {
        let mut counts = Counts::default();
        for sentence in sentences(text) {
            counts.add(&text[sentence]);
        }
        counts
    }

    /// Adds a sentence's words; returns how many there are.
    fn add(&mut self, sentence: &str) -> usize {
        let words = words(sentence);
        self.words += words.len();
        self.syllables += words.iter().map(|w| syllables(w)).sum::<usize>();
        if words.len() > 2 {
            self.sentences += 1;
        }
        words.len()
    }

    pub fn grade(&self) -> f64 {
        if self.words == 0 {
            return 0.0;
        }
        0.39 * self.words_per_sentence() + 11.8 * (self.syllables as f64 / self.words as f64) - 15.59
    }

    pub fn reading_ease(&self) -> f64 {
        if self.words == 0 {
            return 100.0;
        }
        206.835 - 1.015 * self.words_per_sentence() - 84.6 * (self.syllables as f64 / self.words as f64)
    }

    fn words_per_sentence(&self) -> f64 {
        self.words as f64 / self.sentences.max(1) as f64
    }
}

/// The sentences of a text, as byte ranges: each ends after its `.`, `!` or
/// `?` (and any closing quotes or brackets) when a space or the end follows.
fn sentences(text: &str) -> Vec<Range<usize>> {
    static END: LazyLock<Regex> = LazyLock::new(|| super::pattern(r#"[.!?]+["'”’)\]]*(?:\s+|$)"#));
    let mut out = Vec::new();
    let mut start = 0;
    for end in END.find_iter(text) {
        out.push(start..end.end());
        start = end.end();
    }
    if !text[start..].trim().is_empty() {
        out.push(start..text.len());
    }
    out.into_iter()
        .map(|r| {
            let s = &text[r.clone()];
            let lead = s.len() - s.trim_start().len();
            r.start + lead..r.start + s.trim_end().len()
        })
        .filter(|r| !r.is_empty())
        .collect()
}

/// The words of a text as textstat reads them: split at spaces, with
/// punctuation (hyphens too) taken out and apostrophes kept.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric() || *c == '\'' || *c == '’')
                .collect::<String>()
        })
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect()
}

/// Syllables in an English word, from its spelling. A page uses the same
/// words again and again, so each thread remembers the words it has counted.
pub fn syllables(word: &str) -> usize {
    thread_local! {
        static COUNTED: std::cell::RefCell<std::collections::HashMap<String, usize>> = Default::default();
    }
    COUNTED.with(|counted| {
        if let Some(&n) = counted.borrow().get(word) {
            return n;
        }
        let n = count_syllables(word);
        counted.borrow_mut().insert(word.to_string(), n);
        n
    })
}

fn count_syllables(word: &str) -> usize {
    let w: String = word.to_lowercase().chars().filter(|c| c.is_alphabetic()).collect();
    if w.is_empty() {
        return 1;
    }
    let chars: Vec<char> = w.chars().collect();
    let n = chars.len();
    let vowel = |c: char| "aeiouy".contains(c);
    // A final e is silent (home, care), except after a consonant and l or r
    // (little, people, centre) or another e (free is one group anyway).
    let sounded = n > 2 && matches!(chars[n - 2], 'l' | 'r' | 'e') && (chars[n - 2] == 'e' || !vowel(chars[n - 3]));
    let silent_e = n > 2 && chars[n - 1] == 'e' && !sounded;
    let stem: String = if silent_e {
        chars[..n - 1].iter().collect()
    } else {
        w.clone()
    };
    let mut count = stem.split(|c: char| !vowel(c)).filter(|g| !g.is_empty()).count() as isize;
    for pattern in SPLIT.iter() {
        count += pattern.find_iter(&stem).count() as isize;
    }
    for pattern in JOINED.iter() {
        count -= pattern.find_iter(&stem).count() as isize;
    }
    count.max(1) as usize
}

fn patterns(list: &[&str]) -> Vec<Regex> {
    list.iter().map(|p| super::pattern(p)).collect()
}

/// Vowel groups that are said as two syllables: so-ci-al is "ia" once but
/// me-di-a has it twice; be-ing, go-ing.
static SPLIT: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    patterns(&[
        "ia",
        "riet",
        "dien",
        "iu",
        "io",
        "ii",
        r"[aeiouy]ing$",
        r"[aeiou]{3}",
        "^mc",
        "ism$",
        "[^l]lien",
        "^coa[dglx].",
        "[^gq]ua[^auieo]",
        "dnt$",
    ])
});

/// Letters said as one syllable although they look like more: -cial, -tion,
/// -cious, and the silent e of -ed and -es endings (lived, homes).
static JOINED: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    patterns(&[
        "cial",
        "tia",
        "cius",
        "cious",
        "giu",
        "ion",
        "iou",
        "sia$",
        ".ely$",
        "[^aeiouytd]ed$",
        "[^aeiouysxzhcg]es$",
        "ery(?:th|b|wh)",
        "^some(?:th|wh|b|t|on)",
    ])
});

/// Reading-level findings for one page, and its counts (so a band's
/// promises can be graded together). `blocks` are the blocks of `doc`'s
/// body; the sentences of its front matter (a summary, how to get it, what
/// was done) count too.
pub(crate) fn check(doc: &Doc, blocks: &[prose::Block]) -> (Vec<Diagnostic>, Counts) {
    let Some(band) = doc.reading else {
        return (Vec::new(), Counts::default());
    };
    let mut page = Page {
        target: band.reading(),
        who: band.label.to_lowercase(),
        counts: Counts::default(),
        longest: Vec::new(),
        long_words: HashMap::new(),
        found: Vec::new(),
    };
    for (line, value) in front_matter_text(&doc.origin.front, false) {
        page.text(value.text, &|range: Range<usize>| Location {
            file: doc.origin.file.clone(),
            line: doc.origin.front_line + line,
            column: value.column + value.text[..range.start].chars().count(),
            len: value.text[range].chars().count(),
        });
    }
    for block in blocks {
        if matches!(block.kind, BlockKind::Paragraph | BlockKind::Item) {
            page.text(&block.text, &|range| doc.in_body(block.body_range(range)));
        }
    }
    let Page {
        target,
        who,
        counts,
        mut longest,
        long_words,
        mut found,
    } = page;
    for (finding, uses) in long_words.into_values() {
        if uses > 1
            && let Some(label) = found[finding].label.as_mut()
        {
            label.push_str(&format!("; used {uses} times on this page"));
        }
    }
    if counts.words >= MIN_WORDS && counts.grade() > target.grade {
        longest.sort_by(|a, b| b.cmp(a));
        let lines: Vec<String> = longest.iter().take(3).map(|(_, line)| line.to_string()).collect();
        found.push(
            Diagnostic::warning(
                "reading-level",
                format!(
                    "this page reads at grade {:.1} (reading ease {:.0}); pages for {who} should be at grade {} or below",
                    counts.grade(),
                    counts.reading_ease(),
                    target.grade
                ),
            )
            .at(doc.in_body(0..0))
            .label(format!("{} words in {} sentences", counts.words, counts.sentences.max(1)))
            .help(format!(
                "use shorter sentences and shorter words; the longest sentences are on lines {}",
                lines.join(", ")
            )),
        );
    }
    (found, counts)
}

/// A band's promise pages graded together, as one text: each is too short
/// to grade on its own, but together they are what a child reads. `counts`
/// are each doc's, in the same order. The finding points at the hardest
/// page of the band.
pub(crate) fn bands(docs: &[Doc], counts: &[Counts]) -> Vec<Diagnostic> {
    let mut by_band: Vec<BandText> = Vec::new();
    for (doc, counts) in docs.iter().zip(counts) {
        let (Target::Promise { .. }, Some(band)) = (&doc.target, doc.reading) else {
            continue;
        };
        let i = match by_band.iter().position(|b| b.band.id == band.id) {
            Some(i) => i,
            None => {
                by_band.push(BandText {
                    band,
                    total: Counts::default(),
                    hardest: None,
                });
                by_band.len() - 1
            }
        };
        let text = &mut by_band[i];
        text.total.words += counts.words;
        text.total.sentences += counts.sentences;
        text.total.syllables += counts.syllables;
        if counts.words > 0 && text.hardest.is_none_or(|(grade, _)| counts.grade() > grade) {
            text.hardest = Some((counts.grade(), doc));
        }
    }
    by_band
        .into_iter()
        .filter_map(|BandText { band, total, hardest }| {
            let target = band.reading();
            let (grade, doc) = hardest?;
            (total.words >= MIN_WORDS && total.grade() > target.grade).then(|| {
                Diagnostic::warning(
                    "reading-level",
                    format!(
                        "the promises for {}, read together, are at grade {:.1} (reading ease {:.0}); they should be at grade {} or below",
                        band.label.to_lowercase(),
                        total.grade(),
                        total.reading_ease(),
                        target.grade
                    ),
                )
                .at(doc.in_body(0..0))
                .label(format!("the hardest of them: grade {grade:.1}"))
                .help("use shorter sentences and shorter words, starting with this page")
            })
        })
        .collect()
}

/// The promise pages of one band, counted together, with the hardest page
/// and its grade.
struct BandText<'a> {
    band: &'a Band,
    total: Counts,
    hardest: Option<(f64, &'a Doc<'a>)>,
}

/// A page being read: its targets, what it has counted and found so far.
struct Page {
    target: Reading,
    who: String,
    counts: Counts,
    /// Each sentence's words and line, to point at the longest.
    longest: Vec<(usize, usize)>,
    /// Each long word found, in lower case: its finding in `found`, which
    /// is at its first use, and how many times it is used.
    long_words: HashMap<String, (usize, usize)>,
    found: Vec<Diagnostic>,
}

impl Page {
    /// Reads one piece of the page's text; `place` says where a range of it
    /// is in the file.
    fn text(&mut self, text: &str, place: &dyn Fn(Range<usize>) -> Location) {
        for sentence in sentences(text) {
            let count = self.counts.add(&text[sentence.clone()]);
            let at = place(sentence.clone());
            self.longest.push((count, at.line));
            if count > self.target.sentence_words {
                self.found.push(
                    Diagnostic::warning(
                        "sentence-length",
                        format!(
                            "this sentence has {count} words; pages for {} should keep sentences to {} words or fewer",
                            self.who, self.target.sentence_words
                        ),
                    )
                    .at(at)
                    .label("this sentence")
                    .help("split it into two sentences, or take out the words it does not need"),
                );
            }
            if self.target.long_words {
                self.long_words(text, sentence, place);
            }
        }
    }

    /// Each long word once, where it is first used: the help is to explain
    /// it there, and a page that uses it ten times needs that once.
    fn long_words(&mut self, text: &str, sentence: Range<usize>, place: &dyn Fn(Range<usize>) -> Location) {
        static WORD: LazyLock<Regex> = LazyLock::new(|| super::pattern(r"[\p{L}'’-]+"));
        for w in WORD.find_iter(&text[sentence.clone()]) {
            let syllables = syllables(w.as_str());
            if syllables < LONG_WORD {
                continue;
            }
            match self.long_words.entry(w.as_str().to_lowercase()) {
                Entry::Occupied(mut seen) => seen.get_mut().1 += 1,
                Entry::Vacant(new) => {
                    new.insert((self.found.len(), 1));
                    let span = sentence.start + w.start()..sentence.start + w.end();
                    self.found.push(
                        Diagnostic::warning(
                            "long-word",
                            format!("\"{}\" is a long word for young readers", w.as_str()),
                        )
                        .at(place(span))
                        .label(format!("{syllables} syllables"))
                        .help("use a shorter word if there is one, or explain it the first time it is used"),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_of_common_and_british_words() {
        for (word, want) in [
            ("home", 1),
            ("the", 1),
            ("people", 2),
            ("little", 2),
            ("social", 2),
            ("nation", 2),
            ("media", 3),
            ("being", 2),
            ("lived", 1),
            ("wanted", 2),
            ("homes", 1),
            ("boxes", 2),
            ("safely", 2),
            ("colour", 2),
            ("favourite", 3),
            ("organise", 3),
            ("centre", 2),
            ("information", 4),
            ("everything", 3),
            ("somebody", 3),
            ("sometimes", 2),
        ] {
            assert_eq!(syllables(word), want, "{word}");
        }
    }

    /// Grades from textstat 0.7.13 (which looks syllables up in the CMU
    /// dictionary) for texts written for this test.
    #[test]
    fn grades_agree_with_textstat() {
        for (text, grade, ease) in [
            (include_str!("../../tests/readability/council.txt"), 9.24, 64.71),
            (include_str!("../../tests/readability/story.txt"), 1.05, 105.08),
            (include_str!("../../tests/readability/science.txt"), 15.77, 17.97),
            (include_str!("../../tests/readability/british.txt"), 11.09, 47.98),
        ] {
            let counts = Counts::of(text);
            assert!(
                (counts.grade() - grade).abs() <= 0.5,
                "grade {} not {grade}: {counts:?}",
                counts.grade()
            );
            assert!(
                (counts.reading_ease() - ease).abs() <= 5.0,
                "ease {} not {ease}",
                counts.reading_ease()
            );
        }
    }

    #[test]
    fn sentences_end_at_full_stops_not_inside_numbers() {
        let text = "We pay £3.50 a week. Is that fair? Yes!";
        let found: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, vec!["We pay £3.50 a week.", "Is that fair?", "Yes!"]);
    }
}
