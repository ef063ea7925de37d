//! `content/printed.toml`: every address a leaflet has printed, in its QR
//! code or as a link to type. A leaflet is handed out for years after it is
//! printed, so each of these must still lead to a page, or to the page that
//! replaced it through its `aliases`. `build` adds what its leaflets print;
//! `check` and `build` report a recorded address that leads nowhere.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

use jiff::civil::Date;
use serde::Deserialize;
use toml::Spanned;

use crate::diagnostics::{Diagnostic, Location};
use crate::files::toml_error::explain_serde;
use crate::files::{self, ReadError};
use crate::layout::{Outputs, PRINTED};

/// An address a leaflet prints.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Printed {
    /// Its path from the site's root, such as `/0-11/` or `/ar/12-15/`.
    pub address: String,
    /// The leaflet, such as `leaflets/0-11.pdf`.
    pub leaflet: String,
    /// How: in its QR code, or as an address to type.
    pub how: How,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum How {
    QrCode,
    Link,
}

impl How {
    fn id(self) -> &'static str {
        match self {
            How::QrCode => "qr-code",
            How::Link => "link",
        }
    }

    fn words(self) -> &'static str {
        match self {
            How::QrCode => "its QR code",
            How::Link => "a link to type",
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Record {
    #[serde(default)]
    printed: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    address: Spanned<String>,
    leaflet: String,
    how: How,
    /// The first build that printed it.
    since: toml::value::Datetime,
}

/// What the file records, or None when there is no file yet.
fn read(content: &Path) -> Result<Option<(String, Record)>, Diagnostic> {
    let file = Path::new(PRINTED);
    let bytes = match files::read(content, file) {
        Ok(bytes) => bytes,
        Err(ReadError::Missing) => return Ok(None),
        Err(other) => return Err(other.diagnostic(file)),
    };
    let text = files::utf8(file, bytes)?;
    let record = toml::from_str(&text).map_err(|e| {
        let (message, help) = explain_serde(e.message());
        let at = e.span().map_or(Location { file: file.to_path_buf(), line: 1, column: 1, len: 1 }, |span| {
            Location::from_span(file, &text, span)
        });
        Diagnostic::error("bad-printed-toml", format!("{PRINTED} cannot be read: {message}"))
            .at(at)
            .help(format!(
                "{help}; promise writes this file itself: if it was edited by hand, undo the change, or delete the file and build again to record only what today's leaflets print"
            ))
    })?;
    Ok(Some((text, record)))
}

/// Every recorded address that no page (and no alias) of the site in
/// `outputs` answers at, once, naming each leaflet that printed it.
pub fn check(content: &Path, outputs: &Outputs) -> Vec<Diagnostic> {
    let (text, record) = match read(content) {
        Ok(Some(found)) => found,
        Ok(None) => return Vec::new(),
        Err(problem) => return vec![problem],
    };
    let mut gone: BTreeMap<&str, Vec<&Entry>> = BTreeMap::new();
    for entry in &record.printed {
        let path = entry.address.get_ref().trim_start_matches('/');
        if !outputs.contains_key(&format!("{path}index.html")) && !outputs.contains_key(path) {
            gone.entry(entry.address.get_ref()).or_default().push(entry);
        }
    }
    let file = Path::new(PRINTED);
    gone.into_iter()
        .map(|(address, entries)| {
            let by: Vec<String> = entries
                .iter()
                .map(|e| format!("{} ({})", e.leaflet, e.how.words()))
                .collect();
            Diagnostic::error(
                "printed-address-gone",
                format!("{address} is printed in {}, and no page is there now", by.join(" and ")),
            )
            .at(Location::from_span(file, &text, entries[0].address.span()))
            .label("printed on paper, so it cannot change")
            .help(format!(
                "if its page was renamed or moved, add this line to the front matter of the page's file: aliases: [{address}] (for a band's page, add aliases = [\"{address}\"] to the band in site.toml). If no copy of the leaflet is handed out any more, delete its [[printed]] entries for this address"
            ))
        })
        .collect()
}

/// The record with what today's leaflets print added, keeping what earlier
/// builds recorded (old leaflets are still out there) with the day each was
/// first printed. `build` publishes it with the leaflets and, once they are
/// written, saves it ([`save`]).
pub fn recorded(content: &Path, printed: &[Printed], today: Date) -> Result<String, Diagnostic> {
    let mut entries = entries(read(content)?.map(|(_, record)| record));
    for p in printed {
        entries.entry(p.clone()).or_insert_with(|| today.to_string());
    }
    Ok(text(&entries))
}

/// The records in `record`, by what was printed, with the day each was
/// first printed.
fn entries(record: Option<Record>) -> BTreeMap<Printed, String> {
    record
        .into_iter()
        .flat_map(|record| record.printed)
        .map(|e| {
            let key = Printed {
                address: e.address.into_inner(),
                leaflet: e.leaflet,
                how: e.how,
            };
            (key, e.since.to_string())
        })
        .collect()
}

/// Writes the record `text` made by [`recorded`] into the content folder,
/// when it says something the file does not.
pub fn save(content: &Path, text: &str) -> Result<(), Diagnostic> {
    if files::read(content, Path::new(PRINTED)).is_ok_and(|before| before == text.as_bytes()) {
        return Ok(());
    }
    write(content, text).map_err(|e| {
        Diagnostic::warning(
            "cannot-record-printed",
            format!("the addresses the leaflets print could not be saved in {PRINTED}: {e}"),
        )
        .in_file(PRINTED)
        .help("the site was built, but until they are saved, check cannot tell you when a page they print goes away: check that the content folder can be written to, then build again")
    })
}

fn write(content: &Path, text: &str) -> std::io::Result<()> {
    let path = content.join(PRINTED);
    let temporary = content.join(format!(".{PRINTED}.new"));
    std::fs::write(&temporary, text).and_then(|()| std::fs::rename(&temporary, &path))
}

/// `promise printed merge`: adds the records of another copy of the file
/// (`theirs`, such as the one the live site publishes at
/// `leaflets/printed.toml`) to the content's, keeping the earlier day of
/// each. Returns how many addresses were new.
pub fn merge(content: &Path, theirs: &str) -> Result<usize, Diagnostic> {
    let record: Record = toml::from_str(theirs).map_err(|e| {
        let (message, help) = explain_serde(e.message());
        Diagnostic::error(
            "bad-printed-toml",
            format!("the record to merge cannot be read: {message}"),
        )
        .help(format!(
            "{help}; give the leaflets/printed.toml that a build of this site published"
        ))
    })?;
    if let Some(bad) = record.printed.iter().find(|e| !e.address.get_ref().starts_with('/')) {
        return Err(Diagnostic::error(
            "bad-printed-toml",
            format!(
                "the record to merge has an address that is not one of a site's pages: {}",
                bad.address.get_ref()
            ),
        )
        .help("give the leaflets/printed.toml that a build of this site published"));
    }
    let mut entries = entries(read(content)?.map(|(_, record)| record));
    let mut new = 0;
    for (printed, since) in self::entries(Some(record)) {
        match entries.get_mut(&printed) {
            Some(ours) if since < *ours => *ours = since,
            Some(_) => {}
            None => {
                entries.insert(printed, since);
                new += 1;
            }
        }
    }
    save(content, &text(&entries))?;
    Ok(new)
}

fn text(entries: &BTreeMap<Printed, String>) -> String {
    let mut text = String::from(
        "# Every address a leaflet of this site has printed, written by `promise build`.\n\
         # Printed leaflets are handed out for years, so each address here must still\n\
         # lead to a page: when a page is renamed or moved, put its old address in the\n\
         # `aliases` of its file. Delete an entry only when no copy of its leaflet is\n\
         # handed out anywhere any more.\n",
    );
    for (p, since) in entries {
        let quoted = |s: &str| toml::Value::String(s.to_string()).to_string();
        let _ = write!(
            text,
            "\n[[printed]]\naddress = {}\nleaflet = {}\nhow = {}\nsince = {since}\n",
            quoted(&p.address),
            quoted(&p.leaflet),
            quoted(p.how.id())
        );
    }
    text
}
