//! What a newsletter holds: the "you said, we did" messages of its
//! quarter, the offer entries checked in it, and the events still to come
//! in it and the quarter after.

use jiff::civil::Date;

use super::model::{Event, Message, OfferEntry, Site};
use crate::config::Period;

/// A newsletter's content, each list in the order the site shows it.
pub struct News<'a> {
    pub messages: Vec<&'a Message>,
    pub entries: Vec<&'a OfferEntry>,
    pub events: Vec<&'a Event>,
}

impl Site {
    /// The newsletter for `period`, as it stands on `today`: an event over
    /// by then is not worth printing.
    pub fn news(&self, period: Period, today: Date) -> News<'_> {
        let ahead = Period {
            from: period.from,
            to: period.next().to,
        };
        News {
            messages: self.messages.iter().filter(|m| period.contains(m.said)).collect(),
            entries: self.offer.iter().filter(|e| period.contains(e.reviewed)).collect(),
            events: self
                .events
                .iter()
                .filter(|e| ahead.contains(e.start.date()) && !e.is_past(today))
                .collect(),
        }
    }
}
