//! What a page and a leaflet both show of a piece of content, made in one
//! place so the two never differ: a contact, an offer entry. Each medium
//! adds what only it needs (a page's link, a leaflet's contact card) around
//! these.

use serde::Serialize;

use super::strings::{self, Strings};
use crate::config::{Ages, Contact};
use crate::content::{Kind, OfferEntry};

/// A contact, with the `tel:` address its number dials and any extension
/// to ask for.
#[derive(Debug, Clone, Serialize)]
pub struct ContactView<'a> {
    pub name: &'a str,
    /// The number as written for reading, or as written in site.toml when
    /// it cannot be read.
    pub phone: String,
    pub tel: Option<String>,
    pub extension: Option<String>,
    pub email: &'a str,
    pub hours: &'a str,
    pub text: &'a str,
}

impl<'a> ContactView<'a> {
    pub fn of(c: &'a Contact) -> Self {
        let phone = crate::phone::parse(&c.phone).ok();
        ContactView {
            name: &c.name,
            phone: phone.as_ref().map_or_else(|| c.phone.clone(), |p| p.display.clone()),
            tel: phone.as_ref().map(|p| p.tel.clone()),
            extension: phone.and_then(|p| p.extension),
            email: &c.email,
            hours: &c.hours,
            text: &c.text,
        }
    }
}

/// An entry of the local offer in a list: what it is, for which ages,
/// whether the law gives it, and for which groups of care leaver.
#[derive(Debug, Clone, Serialize)]
pub struct EntryView<'a> {
    pub title: &'a str,
    pub summary: &'a str,
    pub how_to_get_it: &'a str,
    pub ages: Ages,
    pub legal: bool,
    /// Who it is only for, in words; empty when it is for every care leaver.
    pub groups: String,
}

impl<'a> EntryView<'a> {
    /// `strings` are the words of the page's or leaflet's language.
    pub fn of(e: &'a OfferEntry, strings: &Strings) -> Self {
        EntryView {
            title: &e.title,
            summary: &e.summary,
            how_to_get_it: &e.how_to_get_it,
            ages: e.ages,
            legal: e.kind == Kind::Legal,
            groups: strings::groups_sentence(strings, &e.groups),
        }
    }
}
