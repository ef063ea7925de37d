//! Language that cares: points out the words in words.toml wherever a reader
//! would see them, and offers the words young people asked for instead.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::Doc;
use crate::content::prose::{Block, front_matter_text};
use crate::content::words::{Rule, Words};
use crate::diagnostics::{Diagnostic, Location};

/// Web and e-mail addresses and phone numbers are never prose.
static NOT_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    super::pattern(&format!(
        r"(?i)\b(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|{}",
        crate::phone::LOOKS_LIKE
    ))
});

/// The rules, ready to match: each phrase indexed by its first word.
pub struct Matcher<'a> {
    rules: &'a [Rule],
    /// First word (lower case) to (rule, phrase) pairs.
    by_first: HashMap<String, Vec<(usize, Phrase)>>,
    /// Per rule, its exceptions.
    exceptions: Vec<Vec<Phrase>>,
}

/// A phrase as words; a word written in capitals only matches in capitals.
#[derive(Debug, Clone)]
struct Phrase(Vec<(String, bool)>);

impl Phrase {
    fn new(text: &str) -> Phrase {
        Phrase(
            tokens(text)
                .into_iter()
                .map(|(_, w)| {
                    let acronym = w.chars().count() > 1 && w.chars().all(|c| !c.is_lowercase());
                    (if acronym { w.to_string() } else { w.to_lowercase() }, acronym)
                })
                .collect(),
        )
    }

    /// Whether the phrase stands at `words[i..]`; returns the number of words.
    fn at(&self, words: &[(Range<usize>, &str)], i: usize) -> Option<usize> {
        let n = self.0.len();
        let found = words.get(i..i + n)?;
        found
            .iter()
            .zip(&self.0)
            .all(|((_, w), (want, acronym))| if *acronym { w == want } else { same_lowercase(w, want) })
            .then_some(n)
    }
}

impl<'a> Matcher<'a> {
    pub fn new(words: &'a Words) -> Self {
        let mut by_first: HashMap<String, Vec<(usize, Phrase)>> = HashMap::new();
        for (i, rule) in words.rules.iter().enumerate() {
            for phrase in rule.words.iter().map(|w| Phrase::new(w)) {
                if let Some((first, _)) = phrase.0.first() {
                    by_first
                        .entry(first.to_lowercase())
                        .or_default()
                        .push((i, phrase.clone()));
                }
            }
        }
        let exceptions = words
            .rules
            .iter()
            .map(|r| r.except.iter().map(|e| Phrase::new(e)).collect())
            .collect();
        Matcher {
            rules: &words.rules,
            by_first,
            exceptions,
        }
    }

    /// The places in `text` where a rule for `doc`'s bands matches, longest
    /// first where two overlap: (byte range, rule).
    fn find(&self, text: &str, doc: &Doc) -> Vec<(Range<usize>, &'a Rule)> {
        let words = tokens(text);
        let mut found: Vec<(Range<usize>, usize)> = Vec::new();
        for i in 0..words.len() {
            let Some(candidates) = self.by_first.get(lowercase(words[i].1).as_ref()) else {
                continue;
            };
            for (rule, phrase) in candidates {
                let Some(n) = phrase.at(&words, i) else { continue };
                let span = words[i].0.start..words[i + n - 1].0.end;
                let excepted = self.exceptions[*rule].iter().any(|e| {
                    (i.saturating_sub(e.0.len())..=i).any(|j| {
                        e.at(&words, j)
                            .is_some_and(|m| words[j].0.start <= span.start && words[j + m - 1].0.end >= span.end)
                    })
                });
                if !excepted && self.rules[*rule].applies_to(doc.bands.iter().map(|b| b.id.as_str())) {
                    found.push((span, *rule));
                }
            }
        }
        found.sort_by_key(|(span, _)| (span.start, usize::MAX - span.len()));
        let mut kept: Vec<(Range<usize>, &Rule)> = Vec::new();
        for (span, rule) in found {
            if kept.last().is_none_or(|(last, _)| span.start >= last.end) {
                kept.push((span, &self.rules[rule]));
            }
        }
        kept
    }
}

/// A word in lower case, copied only when it has capitals.
fn lowercase(word: &str) -> std::borrow::Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(word.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

/// Whether `word` in lower case is `lower`, without copying it.
fn same_lowercase(word: &str, lower: &str) -> bool {
    word.chars().flat_map(char::to_lowercase).eq(lower.chars())
}

/// The words of `text` with their byte ranges: letters and digits, with
/// apostrophes and hyphens inside a word. Addresses and phone numbers are
/// left out, and break a phrase that runs across them.
fn tokens(text: &str) -> Vec<(Range<usize>, &str)> {
    let skip: Vec<Range<usize>> = NOT_WORDS.find_iter(text).map(|m| m.range()).collect();
    let mut out: Vec<(Range<usize>, &str)> = Vec::new();
    let mut start = None;
    let is_word = |c: char| c.is_alphanumeric();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let joiner = matches!(c, '\'' | '’' | '-')
            && start.is_some()
            && chars.get(k + 1).is_some_and(|&(_, next)| is_word(next));
        if is_word(c) || joiner {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s..i, &text[s..i]));
        }
    }
    if let Some(s) = start {
        out.push((s..text.len(), &text[s..]));
    }
    // A skipped stretch becomes an empty word, which no phrase matches.
    let mut words = Vec::with_capacity(out.len());
    for (range, word) in out {
        if skip.iter().any(|s| s.start < range.end && range.start < s.end) {
            if words.last().is_none_or(|(_, w): &(Range<usize>, &str)| !w.is_empty()) {
                words.push((range.start..range.start, ""));
            }
        } else {
            words.push((range, word));
        }
    }
    words
}

/// Every use of a rule's words in a page, its front matter included.
/// `blocks` are the blocks of `doc`'s body.
pub(crate) fn check(doc: &Doc, blocks: &[Block], matcher: &Matcher) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for block in blocks {
        for (span, rule) in matcher.find(&block.text, doc) {
            let at = doc.in_body(block.body_range(span.clone()));
            found.push(finding(rule, &block.text[span], at, "<!-- allow: {id} -->"));
        }
    }
    for (line, value) in front_matter_text(&doc.origin.front, true) {
        for (span, rule) in matcher.find(value.text, doc) {
            let at = Location {
                file: doc.origin.file.clone(),
                line: doc.origin.front_line + line,
                column: value.text[..span.start].chars().count() + value.column,
                len: value.text[span.clone()].chars().count(),
            };
            found.push(finding(rule, &value.text[span], at, "# allow: {id}"));
        }
    }
    found
}

/// `allow` is how to silence the rule where it was found, with `{id}` for
/// the rule's id.
fn finding(rule: &Rule, typed: &str, at: Location, allow: &str) -> Diagnostic {
    let id = rule.id.get_ref().clone();
    let mut d = Diagnostic::warning(id.clone(), format!("\"{typed}\" is on the list of words to avoid"));
    d.severity = rule.severity.severity();
    let mut help = rule.reason.clone();
    if !rule.source.is_empty() {
        help.push_str(&format!(" (from: {})", rule.source));
    }
    help.push_str(&format!(
        " If it is right here, add {} at the end of the line.",
        allow.replace("{id}", &id)
    ));
    d = d.at(at).help(help);
    if let Some(first) = rule.prefer.first() {
        let instead = same_capitals(typed, first, &rule.words);
        let others: Vec<String> = rule.prefer[1..].iter().map(|p| format!("\"{p}\"")).collect();
        let label = if others.is_empty() {
            format!("write \"{instead}\"")
        } else {
            format!("write \"{instead}\" (or {})", others.join(", "))
        };
        d = d.label(label).suggest(instead);
    }
    d
}

/// `instead` with the capitals of what was typed: "Placement" gives "Home".
/// Acronyms say nothing about capitals, so the preferred words stay as written.
fn same_capitals(typed: &str, instead: &str, rule_words: &[String]) -> String {
    let first = typed.split_whitespace().next().unwrap_or_default();
    let acronym = first.chars().filter(|c| c.is_alphabetic()).count() > 1
        && first.chars().all(|c| !c.is_lowercase())
        && rule_words.iter().any(|w| w.split_whitespace().next() == Some(first));
    let letters: Vec<char> = typed.chars().filter(|c| c.is_alphabetic()).collect();
    if acronym {
        instead.to_string()
    } else if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        instead.to_uppercase()
    } else if letters.first().is_some_and(|c| c.is_uppercase()) {
        let mut chars = instead.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    } else {
        instead.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> Words {
        toml::from_str(include_str!("../../content/words.toml")).unwrap()
    }

    fn find(text: &str) -> Vec<(String, String)> {
        let words = words();
        let matcher = Matcher::new(&words);
        let config = crate::config::test_config();
        let doc = Doc::for_tests(&config);
        matcher
            .find(text, &doc)
            .into_iter()
            .map(|(span, rule)| (text[span].to_string(), rule.id.get_ref().clone()))
            .collect()
    }

    #[test]
    fn whole_words_any_case() {
        assert_eq!(
            find("Your Placement is safe"),
            vec![("Placement".into(), "placement".into())]
        );
        assert_eq!(find("your placements"), vec![("placements".into(), "placement".into())]);
        assert!(find("replacement parts").is_empty());
    }

    #[test]
    fn acronyms_only_in_capitals() {
        assert_eq!(find("a LAC review"), vec![("LAC review".into(), "lac-review".into())]);
        assert_eq!(find("LAC children"), vec![("LAC".into(), "lac".into())]);
        assert!(find("a lac of sleep").is_empty());
    }

    #[test]
    fn exceptions_code_urls_emails_and_phones_are_skipped() {
        assert!(find("Contact us any time, or contact your adviser.").is_empty());
        assert_eq!(
            find("Contact with your dad"),
            vec![("Contact".into(), "contact".into())]
        );
        assert!(find("a work placement").is_empty());
        assert!(find("see https://x.example/placement or placement@x.example").is_empty());
        assert!(find("call 0113 496 0101").is_empty());
    }

    #[test]
    fn suggestions_keep_capitals() {
        let words = vec!["placement".to_string(), "LAC".to_string()];
        assert_eq!(same_capitals("Placement", "home", &words), "Home");
        assert_eq!(same_capitals("PLACEMENT", "home", &words), "HOME");
        assert_eq!(same_capitals("placement", "home", &words), "home");
        assert_eq!(same_capitals("LAC", "child in care", &words), "child in care");
        let words = vec!["LAC review".to_string()];
        assert_eq!(same_capitals("LAC review", "my review", &words), "my review");
    }

    #[test]
    fn front_matter_values_not_keys() {
        let front = "title: Your placement\ncontact: placement-team\nwe_did:\n  - We said placement\n";
        let found: Vec<(usize, &str, usize)> = front_matter_text(front, true)
            .into_iter()
            .map(|(line, v)| (line, v.text, v.column))
            .collect();
        assert_eq!(found, vec![(0, " Your placement", 7), (3, "- We said placement", 3)]);
    }
}
