//! `[newsletter]`: the quarters a newsletter is made for, printed and on
//! the site, and the stretch of days each one covers.

use jiff::ToSpan;
use jiff::civil::Date;
use serde::Deserialize;
use toml::Spanned;

/// The newsletters the site publishes.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Newsletter {
    /// Each quarter with a newsletter, such as "2026-Q4", oldest first.
    pub quarters: Vec<Spanned<String>>,
}

impl Newsletter {
    /// The quarters as stretches of days, in the order written; those that
    /// are not quarters are left out (validation says so).
    pub fn periods(&self) -> Vec<Period> {
        self.quarters
            .iter()
            .filter_map(|q| Period::quarter(q.get_ref()))
            .collect()
    }
}

/// What a newsletter covers: the days from `from` to `to`, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: Date,
    pub to: Date,
}

impl Period {
    /// How a quarter is written in site.toml, for a message that asks for one.
    pub const HELP: &str = "write a quarter as its year and Q1 to Q4, such as \"2026-Q4\" for October to December 2026";

    /// A quarter, written "2026-Q4" (or "2026-q4").
    pub fn quarter(written: &str) -> Option<Period> {
        let (year, quarter) = written.trim().split_once(['-', ' '])?;
        let year: i16 = year.parse().ok()?;
        let quarter: i8 = quarter.strip_prefix(['Q', 'q'])?.parse().ok()?;
        Period::of_quarter(year, quarter)
    }

    /// The `quarter`th quarter (1 to 4) of `year`.
    fn of_quarter(year: i16, quarter: i8) -> Option<Period> {
        if !(1..=4).contains(&quarter) || !(1900..=9998).contains(&year) {
            return None;
        }
        let from = Date::new(year, (quarter - 1) * 3 + 1, 1).ok()?;
        let to = from.checked_add(3.months()).ok()?.yesterday().ok()?;
        Some(Period { from, to })
    }

    /// The days from `from` to `to`; None when `to` comes first.
    pub fn between(from: Date, to: Date) -> Option<Period> {
        (from <= to).then_some(Period { from, to })
    }

    /// Its name in an address: `2026-q4` for a quarter, else its first and
    /// last days.
    pub fn id(&self) -> String {
        let (year, quarter) = (self.from.year(), (self.from.month() - 1) / 3 + 1);
        if Period::of_quarter(year, quarter) == Some(*self) {
            format!("{year}-q{quarter}")
        } else {
            format!("{}-to-{}", self.from, self.to)
        }
    }

    /// The same number of months straight after it: the events a
    /// newsletter looks forward to.
    pub fn next(&self) -> Period {
        let from = self.to.tomorrow().unwrap_or(self.to);
        let months = months_between(self.from, from);
        let to = from
            .checked_add(months.months())
            .and_then(|d| d.yesterday())
            .unwrap_or(Date::MAX);
        Period { from, to }
    }

    pub fn contains(&self, day: Date) -> bool {
        (self.from..=self.to).contains(&day)
    }
}

/// Whole months from `from` to `to`, at least one when they differ.
fn months_between(from: Date, to: Date) -> i32 {
    let months = (i32::from(to.year()) - i32::from(from.year())) * 12 + i32::from(to.month()) - i32::from(from.month());
    months.max(i32::from(from != to))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_quarter_is_three_months_and_looks_forward_to_the_next() {
        let q4 = Period::quarter("2026-Q4");
        assert_eq!(
            q4,
            Some(Period {
                from: date(2026, 10, 1),
                to: date(2026, 12, 31)
            })
        );
        let q4 = q4.unwrap_or(Period {
            from: Date::MIN,
            to: Date::MIN,
        });
        assert_eq!(q4.id(), "2026-q4");
        assert_eq!(
            q4.next(),
            Period {
                from: date(2027, 1, 1),
                to: date(2027, 3, 31)
            }
        );
        assert_eq!(Period::quarter("2026-q1").map(|p| p.to), Some(date(2026, 3, 31)));
        for wrong in ["2026-Q5", "2026", "Q4-2026", "2026-Q0", ""] {
            assert_eq!(Period::quarter(wrong), None, "{wrong}");
        }
    }

    #[test]
    fn any_other_stretch_is_named_by_its_days() {
        let p = Period::between(date(2026, 10, 15), date(2026, 11, 14));
        assert_eq!(p.map(|p| p.id()).as_deref(), Some("2026-10-15-to-2026-11-14"));
        assert_eq!(p.map(|p| p.next().from), Some(date(2026, 11, 15)));
        assert_eq!(Period::between(date(2026, 11, 14), date(2026, 10, 15)), None);
    }
}
