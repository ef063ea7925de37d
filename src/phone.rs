//! Phone numbers as a young person taps them. A number is read by
//! libphonenumber's rules (the `phonenumber` crate), UK by default, so
//! "+44 (0)20 7946 0123" dials the right number, an extension is never
//! dialled as part of it, and a premium-rate number, which would charge a
//! young person, is refused.

use std::sync::LazyLock;

use phonenumber::metadata::{DATABASE, Database};
use phonenumber::{Mode, PhoneNumber, Type, country};

/// libphonenumber's rules for the +44 numbers only (the UK, Guernsey, Jersey
/// and the Isle of Man), as the `phonenumber` crate ships them. Loading the
/// rules of every country checks thousands of patterns, about 60 ms on the
/// critical path of every build and preview; these take a few. Numbers
/// abroad still use every country's rules, loaded when the first is read.
static UK: LazyLock<Option<Database>> = LazyLock::new(|| Database::parse(include_str!("phone/uk.xml")).ok());

/// A number that can be dialled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone {
    /// The number as a reader sees it, without any extension: "0113 496
    /// 0123" for a UK number, "+33 1 23 45 67 89" for one abroad.
    pub display: String,
    /// The address a link dials: `tel:+441134960123`.
    pub tel: String,
    /// An extension to ask for once through, such as "23".
    pub extension: Option<String>,
}

/// Why a number cannot be dialled from a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// Not a real UK or international number.
    Unreadable,
    /// A UK number with too few digits, such as one without its area code.
    TooShort,
    /// A UK number with too many digits.
    TooLong,
    /// A 09 number, which costs the caller a lot.
    PremiumRate,
}

/// Short numbers a child may need that are free to call: 999 and 112
/// (emergencies), 111 (the NHS) and the 116 numbers (Childline's 0800 1111
/// is an ordinary freephone number; 116 123 is the Samaritans).
fn free_short_number(digits: &str) -> bool {
    matches!(digits, "999" | "112" | "111") || (digits.len() == 6 && digits.starts_with("116"))
}

/// Something that looks like a UK phone number: 0113 496 0101, 0800 1111,
/// +44 113 496 0101, and the short numbers 999, 111, 112 and 116 123.
/// Whether it can be called is for [`parse`].
pub const LOOKS_LIKE: &str =
    r"(?:\+44\s?|\b0)\d{2,4}[ ]?\d{3}[ ]?\d{3,4}\b|\b0800[ ]?\d{3,4}[ ]?\d{0,4}\b|\b(?:999|111|112|116[ ]?\d{3})\b";

/// Reads a number as written: "0113 496 0123 (ext. 23)", "+44 (0)20 7946
/// 0123", "999".
pub fn parse(written: &str) -> Result<Phone, Problem> {
    // Reading a number takes libphonenumber's patterns; a site repeats the
    // same few numbers, so each thread remembers what it read.
    thread_local! {
        static READ: std::cell::RefCell<std::collections::HashMap<String, Result<Phone, Problem>>> =
            Default::default();
    }
    if let Some(known) = READ.with_borrow(|read| read.get(written).cloned()) {
        return known;
    }
    let result = read(written);
    READ.with_borrow_mut(|read| {
        if read.len() >= 1024 {
            read.clear();
        }
        read.insert(written.to_string(), result.clone());
    });
    result
}

fn read(written: &str) -> Result<Phone, Problem> {
    read_by(written, rules_for)
}

/// Reads `written` with the rules `pick` chooses for it.
fn read_by(
    written: &str,
    pick: fn(&str) -> Result<(PhoneNumber, &'static Database), Problem>,
) -> Result<Phone, Problem> {
    let digits: String = written.chars().filter(char::is_ascii_digit).collect();
    if free_short_number(&digits) && !written.contains('+') {
        return Ok(Phone {
            display: written.trim().to_string(),
            tel: format!("tel:{digits}"),
            extension: None,
        });
    }
    // "(0)" after the country code is a note for callers inside the UK,
    // not a digit to dial from a phone that adds +44.
    let cleaned = written.replace("(0)", "");
    let (number, rules) = pick(&cleaned)?;
    let national = number.national().value().to_string();
    let readable = number.is_valid_with(rules) || (number.code().value() == 44 && drama(&national));
    if !readable {
        return Err(match (number.code().value(), national.len()) {
            (44, n) if n < 9 => Problem::TooShort,
            (44, n) if n > 10 => Problem::TooLong,
            _ => Problem::Unreadable,
        });
    }
    if number.number_type(rules) == Type::PremiumRate {
        return Err(Problem::PremiumRate);
    }
    let uk_forms = UK
        .as_ref()
        .filter(|uk| std::ptr::eq(*uk, rules))
        .and_then(|uk| uk_forms(&number, uk));
    let (display, e164) = match uk_forms {
        Some(forms) => forms,
        None => {
            // The extension is kept apart, to say in words: it is never dialled.
            let without_extension = |mode: Mode| {
                let text = number.format_with(rules).mode(mode).to_string();
                // Whatever the format, the extension starts at the first letter or `;`.
                let number = text.split(|c: char| c.is_alphabetic() || c == ';').next();
                number.unwrap_or_default().trim().to_string()
            };
            let mode = if number.code().value() == 44 {
                Mode::National
            } else {
                Mode::International
            };
            (without_extension(mode), without_extension(Mode::E164))
        }
    };
    Ok(Phone {
        display,
        tel: format!("tel:{e164}"),
        extension: number.extension().map(|e| e.to_string()),
    })
}

/// A +44 number shown the UK way ("0113 496 0123") and as dialled from
/// anywhere ("+441134960123"), without its extension, by the +44 rules
/// alone: the crate's formatter loads every country's rules first, even when
/// it is given these. These are its steps, but for a carrier's rule, which
/// no +44 format has.
fn uk_forms(number: &PhoneNumber, uk: &Database) -> Option<(String, String)> {
    if number.code().value() != 44 {
        return None;
    }
    let rules = *uk.by_code(&44)?.first()?;
    let national = number.national().to_string();
    let whole = |m: Option<regex::Match>| m.is_some_and(|m| m.start() == 0 && m.end() == national.len());
    let format = rules.formats().iter().find(|f| match f.leading_digits().last() {
        None => true,
        Some(leading) => leading.find(&national).is_some_and(|m| m.start() == 0) && whole(f.pattern().find(&national)),
    });
    let shown = match format {
        None => national.clone(),
        Some(format) if number.carrier().is_some() && format.domestic_carrier().is_some() => return None,
        Some(format) => {
            let template = format.format();
            // A rule such as "$NP$FG" puts the national prefix (0) before
            // the first group ($1) of the template.
            let template = match format.national_prefix() {
                Some(rule) => {
                    let at = template
                        .as_bytes()
                        .windows(2)
                        .position(|w| w[0] == b'$' && w[1].is_ascii_digit())?;
                    let first = &template[at..at + 2];
                    let rule = rule
                        .replace("$NP", rules.national_prefix().unwrap_or(""))
                        .replace("$FG", first)
                        .replace("$CC", "");
                    format!("{}{rule}{}", &template[..at], &template[at + 2..])
                }
                None => template.to_string(),
            };
            format.pattern().replace(&national, template.as_str()).into_owned()
        }
    };
    Some((shown, format!("+44{national}")))
}

/// The number read from `cleaned`, with the rules that read it: the +44
/// rules where they are enough, every country's otherwise.
fn rules_for(cleaned: &str) -> Result<(PhoneNumber, &'static Database), Problem> {
    if let Some(uk) = UK.as_ref()
        && let Ok(number) = phonenumber::parse_with(uk, Some(country::GB), cleaned)
        && number.code().value() == 44
    {
        return Ok((number, uk));
    }
    every_country(cleaned)
}

fn every_country(cleaned: &str) -> Result<(PhoneNumber, &'static Database), Problem> {
    let number = phonenumber::parse_with(&DATABASE, Some(country::GB), cleaned).map_err(|_| Problem::Unreadable)?;
    Ok((number, &DATABASE))
}

/// Ofcom's numbers kept for TV, film and examples, such as this site's
/// sample content (0113 496 0000 to 0999, 07700 900000 to 900999): they
/// look real and never ring anyone. Landline and mobile ones are read alike;
/// libphonenumber knows only some of them. `national` is the number without
/// its first 0.
fn drama(national: &str) -> bool {
    const RANGES: [&str; 17] = [
        "1134960", "1144960", "1154960", "1164960", "1174960", "1184960", "1214960", "1314960", "1414960", "1514960",
        "1614960", "2079460", "1914980", "2896496", "2920180", "1632960", "7700900",
    ];
    national.len() == 10 && RANGES.iter().any(|r| national.starts_with(r))
}

impl Problem {
    /// What is wrong with `written`, and how to fix it, in plain words.
    pub fn explain(self, written: &str) -> (String, &'static str) {
        match self {
            Problem::Unreadable => (
                format!("\"{written}\" is not a phone number that can be called"),
                "write it as a UK number, such as 0113 496 0123, or with its country code, such as +33 1 23 45 67 89, for a number abroad; put an extension after it as \"ext. 23\"",
            ),
            Problem::TooShort => (
                format!("\"{written}\" has too few digits to be a UK phone number"),
                "a UK number has 11 digits with its area code, such as 0113 496 0123 or 07700 900123: check that no digit is missing",
            ),
            Problem::TooLong => (
                format!("\"{written}\" has too many digits to be a UK phone number"),
                "a UK number has 11 digits with its area code, such as 0113 496 0123: check for a digit typed twice, and put an extension after the number as \"ext. 23\"",
            ),
            Problem::PremiumRate => (
                format!("\"{written}\" is a premium-rate number, which would cost a young person a lot to call"),
                "give a free (0800, 0808), local (01, 02) or mobile (07) number instead",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tel(written: &str) -> Result<(String, Option<String>), Problem> {
        parse(written).map(|p| (p.tel, p.extension))
    }

    #[test]
    fn numbers_are_shown_the_usual_way_without_their_extension() {
        let shown = |written: &str| parse(written).map(|p| p.display);
        assert_eq!(shown("01134960123 (ext. 23)"), Ok("0113 496 0123".into()));
        assert_eq!(shown("+44 (0)20 7946 0123"), Ok("020 7946 0123".into()));
        assert_eq!(shown("+33 1 23 45 67 89"), Ok("+33 1 23 45 67 89".into()));
        assert_eq!(shown("116 123"), Ok("116 123".into()));
    }

    #[test]
    fn numbers_dial_what_the_reader_means() {
        assert_eq!(tel("0113 496 0123"), Ok(("tel:+441134960123".into(), None)));
        assert_eq!(
            tel("0113 496 0123 (ext. 23)"),
            Ok(("tel:+441134960123".into(), Some("23".into())))
        );
        assert_eq!(tel("+44 (0)20 7946 0123"), Ok(("tel:+442079460123".into(), None)));
        assert_eq!(tel("0800 1111"), Ok(("tel:+448001111".into(), None)));
        assert_eq!(tel("999"), Ok(("tel:999".into(), None)));
        assert_eq!(tel("116 123"), Ok(("tel:116123".into(), None)));
        assert_eq!(tel("0113 496 0101"), Ok(("tel:+441134960101".into(), None)));
        assert_eq!(tel("07123 456789"), Ok(("tel:+447123456789".into(), None)));
    }

    #[test]
    fn numbers_that_cannot_be_called_or_would_charge_are_refused() {
        assert_eq!(tel("call us!"), Err(Problem::Unreadable));
        assert_eq!(tel("0113 496"), Err(Problem::TooShort));
        assert_eq!(tel("0909 879 0000"), Err(Problem::PremiumRate));
    }

    #[test]
    fn drama_numbers_are_read_alike_and_mistakes_are_named() {
        assert_eq!(tel("07700 900123").map(|t| t.0), Ok("tel:+447700900123".into()));
        assert_eq!(tel("0113 496 0123").map(|t| t.0), Ok("tel:+441134960123".into()));
        assert_eq!(tel("0113 496"), Err(Problem::TooShort));
        assert_eq!(tel("0113 496 01234 5"), Err(Problem::TooLong));
        assert_eq!(tel("call us"), Err(Problem::Unreadable));
        assert!(Problem::TooShort.explain("0113 496").0.contains("too few digits"));
    }

    #[test]
    fn the_uk_rules_read_every_number_as_every_countrys_rules_do() {
        assert!(UK.is_some(), "the +44 rules load");
        let numbers = [
            "0113 496 0123",
            "01134960123 (ext. 23)",
            "+44 (0)20 7946 0123",
            "0044 20 7946 0123",
            "020 7946 0123",
            "0800 1111",
            "0808 800 5000",
            "0300 123 1234",
            "0161 496 0123",
            "015396 12345",
            "0800 123 4567",
            "0207 946 0123",
            "0345 600 1234",
            "07123 456789",
            "07700 900123",
            "0909 879 0000",
            "0871 234 5678",
            "01481 712345",
            "01534 712345",
            "01624 612345",
            "07781 123456",
            "07624 123456",
            "0113 496",
            "0113 496 01234 5",
            "+33 1 23 45 67 89",
            "0033 1 23 45 67 89",
            "+1 202 555 0143",
            "+353 1 234 5678",
            "+44",
            "call us",
            "999",
            "116 123",
        ];
        for written in numbers {
            assert_eq!(read(written), read_by(written, every_country), "{written}");
        }
    }
}
