//! `[contacts]` and `[help]`: who a young person can get in touch with, and
//! the "Need help now?" page.

use serde::Deserialize;
use toml::Spanned;

/// Someone a young person can get in touch with.
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
    /// When someone answers, in words: "Monday to Friday, 9am to 5pm".
    #[serde(default)]
    pub hours: String,
    /// A sentence on what they can help with.
    #[serde(default)]
    pub text: String,
    /// For a national helpline: the ages it is for, such as "0-18". A
    /// leaflet lists it only for a band (or the local offer) whose ages are
    /// all within them; left out, it is for everyone.
    #[serde(default, skip_serializing)]
    pub ages: Option<Spanned<String>>,
    /// In another language: whether any of its words is still the site's own.
    #[serde(skip)]
    pub fallback: bool,
}

/// The "Need help now?" page, linked from the top of every page.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Help {
    /// Keys of `[contacts]` to call, in order; every band's contact when
    /// left out.
    pub contacts: Vec<Spanned<String>>,
    /// National helplines, free to call: a name, a phone number and who
    /// they are for, like any contact.
    pub lines: Vec<Contact>,
    /// Where "Exit this page" goes: a page that gives nothing away about
    /// what the reader was looking at.
    pub exit_url: Spanned<String>,
}

impl Contact {
    /// Whether a helpline is for everyone aged `ages`: `None` is everyone.
    pub fn serves(&self, ages: Option<super::Ages>) -> bool {
        let theirs = self.ages.as_ref().and_then(|a| super::Ages::parse(a.get_ref()));
        match (theirs, ages) {
            (Some(theirs), Some(ages)) => theirs.from <= ages.from && ages.to <= theirs.to,
            _ => true,
        }
    }
}

impl Default for Help {
    fn default() -> Self {
        let line = |name: &str, phone: &str, text: &str, ages: Option<&str>| Contact {
            name: name.to_string(),
            phone: phone.to_string(),
            text: text.to_string(),
            ages: ages.map(|a| Spanned::new(0..0, a.to_string())),
            ..Contact::default()
        };
        Help {
            contacts: Vec::new(),
            lines: vec![
                line(
                    "Childline",
                    "0800 1111",
                    "Free and private, for anyone under 19, any time of day or night.",
                    Some("0-18"),
                ),
                line(
                    "Samaritans",
                    "116 123",
                    "Free, any time, for anyone who is finding things hard.",
                    None,
                ),
            ],
            exit_url: Spanned::new(0..0, "https://www.bbc.co.uk/weather".to_string()),
        }
    }
}
