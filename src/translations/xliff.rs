//! XLIFF 2.0, the file translation agencies' tools open: written for them
//! and read back. Each piece to translate is a unit; its markdown is words
//! and tags ([`super::inline`]), and the markup behind each tag is in the
//! unit's `originalData`, so a tool shows the tags and keeps them.

use std::collections::BTreeMap;

use super::inline::{self, Kind, Piece};

const NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:2.0";

/// A file to translate, or translated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub source_language: String,
    pub target_language: String,
    pub files: Vec<File>,
}

/// One of the content's files, as its path in the content folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    pub original: String,
    pub notes: Vec<String>,
    pub units: Vec<Unit>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Where it is in its file: `title`, `body.2.3`, `bands.0-11.label`.
    pub name: String,
    pub notes: Vec<String>,
    /// Its markdown in the site's language.
    pub source: String,
    /// Its markdown in the other language, if it has been translated.
    pub target: Option<String>,
    /// The line of the XLIFF file it is on, when read.
    pub line: usize,
}

/// The XLIFF 2.0 file for `document`.
pub fn write(document: &Document) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<xliff xmlns=\"{NAMESPACE}\" version=\"2.0\" srcLang=\"{}\" trgLang=\"{}\">\n",
        attribute(&document.source_language),
        attribute(&document.target_language)
    ));
    let file_ids = ids(document.files.iter().map(|f| f.original.replace('/', ":")), "f");
    for (file, id) in document.files.iter().zip(file_ids) {
        out.push_str(&format!(
            " <file id=\"{id}\" original=\"{}\">\n",
            attribute(&file.original)
        ));
        notes(&mut out, "  ", &file.notes);
        let unit_ids = ids(file.units.iter().map(|u| u.name.clone()), "u");
        for (unit, id) in file.units.iter().zip(unit_ids) {
            write_unit(&mut out, unit, &id);
        }
        out.push_str(" </file>\n");
    }
    out.push_str("</xliff>\n");
    out
}

fn write_unit(out: &mut String, unit: &Unit, id: &str) {
    let mut codes = Codes::default();
    let source = codes.content(&inline::pieces(&unit.source), Side::Source);
    let target = unit
        .target
        .as_ref()
        .map(|t| codes.content(&inline::pieces(t), Side::Target));
    out.push_str(&format!("  <unit id=\"{id}\" name=\"{}\">\n", attribute(&unit.name)));
    notes(out, "   ", &unit.notes);
    if !codes.data.is_empty() {
        out.push_str("   <originalData>\n");
        for (i, data) in codes.data.iter().enumerate() {
            out.push_str(&format!("    <data id=\"d{}\">{}</data>\n", i + 1, content(data)));
        }
        out.push_str("   </originalData>\n");
    }
    // A translation already made is final: the tool shows it, for the words
    // around what is new, and the agency does not translate it again.
    let state = if target.is_some() { " state=\"final\"" } else { "" };
    out.push_str(&format!("   <segment{state}>\n"));
    out.push_str(&format!("    <source xml:space=\"preserve\">{source}</source>\n"));
    if let Some(target) = target {
        out.push_str(&format!("    <target xml:space=\"preserve\">{target}</target>\n"));
    }
    out.push_str("   </segment>\n  </unit>\n");
}

fn notes(out: &mut String, indent: &str, notes: &[String]) {
    if notes.is_empty() {
        return;
    }
    out.push_str(&format!("{indent}<notes>\n"));
    for note in notes {
        out.push_str(&format!(
            "{indent} <note category=\"location\">{}</note>\n",
            self::note(note)
        ));
    }
    out.push_str(&format!("{indent}</notes>\n"));
}

/// Each name as an id an XML reader accepts, unless it is not one or is
/// taken: then `prefix` and its place.
fn ids(names: impl Iterator<Item = String>, prefix: &str) -> Vec<String> {
    let mut taken = std::collections::BTreeSet::new();
    names
        .enumerate()
        .map(|(i, name)| {
            let token = !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ':'));
            let id = if token && !taken.contains(&name) {
                name
            } else {
                format!("{prefix}{}", i + 1)
            };
            taken.insert(id.clone());
            id
        })
        .collect()
}

#[derive(Clone, Copy, PartialEq)]
enum Side {
    Source,
    Target,
}

/// The inline codes of one unit: their markup, each written once, and the
/// source's codes, which the target's take the ids of.
#[derive(Default)]
struct Codes {
    data: Vec<String>,
    /// The source's codes: what each is, its id, and whether the target has
    /// used it yet.
    source: Vec<(String, usize, bool)>,
    next: usize,
}

impl Codes {
    /// The id of the data holding `markup`.
    fn data(&mut self, markup: &str) -> String {
        let i = match self.data.iter().position(|d| d == markup) {
            Some(i) => i,
            None => {
                self.data.push(markup.to_string());
                self.data.len() - 1
            }
        };
        format!("d{}", i + 1)
    }

    /// The id of a code: in the target, the source's code that is the same.
    fn id(&mut self, what: String, side: Side) -> usize {
        if side == Side::Target
            && let Some(code) = self.source.iter_mut().find(|(w, _, used)| *w == what && !used)
        {
            code.2 = true;
            return code.1;
        }
        self.next += 1;
        if side == Side::Source {
            self.source.push((what, self.next, false));
        }
        self.next
    }

    fn content(&mut self, pieces: &[Piece], side: Side) -> String {
        let mut out = String::new();
        for piece in pieces {
            match piece {
                Piece::Text(t) => out.push_str(&content(t)),
                Piece::Code(markup) => {
                    let data = self.data(markup);
                    let id = self.id(format!("ph {markup}"), side);
                    out.push_str(&format!("<ph id=\"{id}\" dataRef=\"{data}\"/>"));
                }
                Piece::Pair {
                    kind,
                    open,
                    inner,
                    close,
                } => {
                    let start = self.data(open);
                    let end = self.data(close);
                    let id = self.id(format!("pc {open}\u{0} {close}"), side);
                    let shown = match kind {
                        Kind::Bold => " type=\"fmt\" subType=\"xlf:b\"",
                        Kind::Italic => " type=\"fmt\" subType=\"xlf:i\"",
                        Kind::Struck => " type=\"fmt\"",
                        Kind::Link => " type=\"link\"",
                        Kind::Image => " type=\"image\"",
                    };
                    let inner = self.content(inner, side);
                    out.push_str(&format!(
                        "<pc id=\"{id}\" dataRefStart=\"{start}\" dataRefEnd=\"{end}\"{shown}>{inner}</pc>"
                    ));
                }
            }
        }
        out
    }
}

/// Text as the content of an element: a character XML cannot hold is an
/// XLIFF `<cp>`, and a carriage return a reference, so it survives.
fn content(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#xD;"),
            c if !allowed(c) => out.push_str(&format!("<cp hex=\"{:04X}\"/>", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// Text as an attribute's value.
fn attribute(text: &str) -> String {
    note(text).replace('"', "&quot;")
}

/// Text as a note, which can hold no `<cp>`.
fn note(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '&' => "&amp;".to_string(),
            '<' => "&lt;".to_string(),
            '>' => "&gt;".to_string(),
            c if !allowed(c) || c == '\r' => "\u{fffd}".to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// Whether XML 1.0 can hold `c`.
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

/// Why an XLIFF file cannot be read, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub help: String,
}

/// Reads an XLIFF 2 file.
pub fn read(text: &str) -> Result<Document, Unreadable> {
    let doc = roxmltree::Document::parse(text).map_err(|e| {
        let pos = e.pos();
        Unreadable {
            line: pos.row as usize,
            column: pos.col as usize,
            message: format!("this is not a whole XML file: {e}"),
            help: "send the file exactly as the translation tool saved it; if it was opened and changed by hand, ask the agency for it again".into(),
        }
    })?;
    let at = |node: roxmltree::Node, message: String, help: &str| {
        let pos = doc.text_pos_at(node.range().start);
        Unreadable {
            line: pos.row as usize,
            column: pos.col as usize,
            message,
            help: help.to_string(),
        }
    };
    let root = doc.root_element();
    let version = root.attribute("version").unwrap_or_default();
    if root.tag_name().name() != "xliff" || root.tag_name().namespace() != Some(NAMESPACE) || !version.starts_with("2.")
    {
        let what = if root.tag_name().name() == "xliff" {
            format!("XLIFF version {version}")
        } else {
            format!("a <{}> file", root.tag_name().name())
        };
        return Err(at(
            root,
            format!("this is {what}, not XLIFF 2"),
            "ask the agency to save the translation as XLIFF 2.0, the kind of file `promise translations export` wrote",
        ));
    }
    let language = |name: &str| {
        root.attribute(name)
            .map(str::to_string)
            .filter(|l| !l.trim().is_empty())
            .ok_or_else(|| {
                at(
                    root,
                    format!("the file does not say its {name}"),
                    "ask the agency for the file again, exported from `promise translations export`",
                )
            })
    };
    let mut document = Document {
        source_language: language("srcLang")?,
        target_language: language("trgLang")?,
        files: Vec::new(),
    };
    for file in root.children().filter(|n| is(n, "file")) {
        // A tool that drops `original` keeps the id, which is the path
        // with `:` for `/` when it can be.
        let original = file
            .attribute("original")
            .map(str::to_string)
            .or_else(|| file.attribute("id").map(|id| id.replace(':', "/")))
            .unwrap_or_default();
        let mut read = File {
            original,
            notes: Vec::new(),
            units: Vec::new(),
        };
        for unit in file.descendants().filter(|n| is(n, "unit")) {
            let data: BTreeMap<&str, String> = unit
                .descendants()
                .filter(|n| is(n, "data"))
                .filter_map(|d| Some((d.attribute("id")?, plain(d))))
                .collect();
            let markdown = |side: roxmltree::Node| {
                text_of(side, &data).map_err(|id| {
                    at(
                        side,
                        format!("a tag in this piece refers to markup \"{id}\" the piece does not have"),
                        "the tags of a piece must come from its source: in the translation tool, copy the tags from the source again",
                    )
                })
            };
            let (source, target) = sides(unit, &markdown)?;
            read.units.push(Unit {
                name: unit
                    .attribute("name")
                    .or_else(|| unit.attribute("id"))
                    .unwrap_or_default()
                    .to_string(),
                notes: Vec::new(),
                source,
                target,
                line: doc.text_pos_at(unit.range().start).row as usize,
            });
        }
        document.files.push(read);
    }
    Ok(document)
}

/// A unit's source and target, its segments and the space between them
/// (`<ignorable>`) joined: a tool may have split it into sentences. It has
/// a target only if every segment has one.
fn sides(
    unit: roxmltree::Node,
    markdown: &impl Fn(roxmltree::Node) -> Result<String, Unreadable>,
) -> Result<(String, Option<String>), Unreadable> {
    let mut source = String::new();
    let mut target = Some(String::new());
    for part in unit.children().filter(|n| is(n, "segment") || is(n, "ignorable")) {
        let child = |name| part.children().find(|n| is(n, name));
        let from = match child("source") {
            Some(s) => markdown(s)?,
            None => String::new(),
        };
        let to = match child("target") {
            Some(t) => Some(markdown(t)?),
            // What lies between sentences need not be translated.
            None if is(&part, "ignorable") => Some(from.clone()),
            None => None,
        };
        source.push_str(&from);
        target = match (target, to) {
            (Some(mut t), Some(to)) => {
                t.push_str(&to);
                Some(t)
            }
            _ => None,
        };
    }
    let target = target.filter(|t| !t.trim().is_empty());
    Ok((source, target))
}

fn is(node: &roxmltree::Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && node.tag_name().namespace() == Some(NAMESPACE)
}

/// The markdown a source or target says: its words, and for each tag the
/// markup it stands for; or the id of markup the unit does not have.
fn text_of(node: roxmltree::Node, data: &BTreeMap<&str, String>) -> Result<String, String> {
    let mut out = String::new();
    let markup = |id: Option<&str>| -> Result<String, String> {
        match id {
            None => Ok(String::new()),
            Some(id) => data.get(id).cloned().ok_or_else(|| id.to_string()),
        }
    };
    for child in node.children() {
        if child.is_text() {
            out.push_str(child.text().unwrap_or_default());
            continue;
        }
        if !child.is_element() {
            continue;
        }
        match child.tag_name().name() {
            "ph" | "sc" | "ec" => out.push_str(&markup(child.attribute("dataRef"))?),
            "pc" => {
                out.push_str(&markup(child.attribute("dataRefStart"))?);
                out.push_str(&text_of(child, data)?);
                out.push_str(&markup(child.attribute("dataRefEnd"))?);
            }
            "cp" => out.extend(code_point(child)),
            // A tool's own marks (a term, a comment) around words.
            "mrk" => out.push_str(&text_of(child, data)?),
            _ => {}
        }
    }
    Ok(out)
}

/// What `<data>` holds: text, and characters written as `<cp>`.
fn plain(node: roxmltree::Node) -> String {
    let mut out = String::new();
    for child in node.children() {
        if child.is_text() {
            out.push_str(child.text().unwrap_or_default());
        } else if child.tag_name().name() == "cp" {
            out.extend(code_point(child));
        }
    }
    out
}

fn code_point(node: roxmltree::Node) -> Option<char> {
    u32::from_str_radix(node.attribute("hex")?, 16)
        .ok()
        .and_then(char::from_u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(name: &str, source: &str, target: Option<&str>) -> Unit {
        Unit {
            name: name.into(),
            notes: vec!["Promise 1 on \"A safe home\", for ages 12 to 15".into()],
            source: source.into(),
            target: target.map(str::to_string),
            line: 0,
        }
    }

    #[test]
    fn what_is_written_reads_back_the_same() {
        let document = Document {
            source_language: "en-GB".into(),
            target_language: "ar".into(),
            files: vec![File {
                original: "promises/12-15/a-safe-home.md".into(),
                notes: vec!["For ages 12 to 15 & their carers".into()],
                units: vec![
                    unit(
                        "body.1.1",
                        "We will *always* [call you back](/contacts/) <soon> & \u{b}\r\nagain",
                        Some("سن*ت*صل [بك](/contacts/)"),
                    ),
                    unit("help.lines.Child line.name", "## Child line", None),
                ],
            }],
        };
        let xml = write(&document);
        assert!(xml.contains("<unit id=\"body.1.1\" name=\"body.1.1\">"), "{xml}");
        assert!(
            xml.contains("<unit id=\"u2\" name=\"help.lines.Child line.name\">"),
            "{xml}"
        );
        assert!(xml.contains("<cp hex=\"000B\"/>"), "{xml}");
        assert!(xml.contains("<data id=\"d3\">](/contacts/)</data>"), "{xml}");
        // The target's link is the source's, by its id.
        assert!(
            xml.contains("<target xml:space=\"preserve\">سن<pc id=\"1\" dataRefStart=\"d1\" dataRefEnd=\"d1\" type=\"fmt\" subType=\"xlf:i\">ت</pc>صل <pc id=\"2\" dataRefStart=\"d2\" dataRefEnd=\"d3\" type=\"link\">بك</pc></target>"),
            "{xml}"
        );
        let mut read = read(&xml).unwrap();
        for u in &mut read.files[0].units {
            assert!(u.line > 0);
            u.line = 0;
            u.notes = document.files[0].units[0].notes.clone();
        }
        read.files[0].notes = document.files[0].notes.clone();
        assert_eq!(read, document);
    }

    #[test]
    fn a_tool_may_split_a_piece_into_sentences() {
        let xml = format!(
            r#"<xliff xmlns="{NAMESPACE}" version="2.0" srcLang="en" trgLang="ar"><file id="f" original="x.md"><group id="g"><unit id="u" name="body.1">
            <originalData><data id="d1">**</data></originalData>
            <segment><source>One <pc id="1" dataRefStart="d1" dataRefEnd="d1">two</pc>.</source><target>واحد <mrk id="m" translate="no"><pc id="1" dataRefStart="d1" dataRefEnd="d1">اثنان</pc></mrk>.</target></segment>
            <ignorable><source> </source></ignorable>
            <segment state="translated"><source>Three.</source><target>ثلاثة.</target></segment>
            </unit><unit id="v"><segment><source>Four.</source><target></target></segment></unit></group></file></xliff>"#
        );
        let read = read(&xml).unwrap();
        let units = &read.files[0].units;
        assert_eq!(units[0].source, "One **two**. Three.");
        assert_eq!(units[0].target.as_deref(), Some("واحد **اثنان**. ثلاثة."));
        assert_eq!((units[1].name.as_str(), units[1].target.as_deref()), ("v", None));
    }

    #[test]
    fn a_file_that_is_not_xliff_2_says_so_at_its_line() {
        let old = "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"><file/></xliff>";
        let e = read(old).unwrap_err();
        assert_eq!(
            (e.line, e.message.as_str()),
            (2, "this is XLIFF version 1.2, not XLIFF 2")
        );
        let e = read("<xliff>\n<file>").unwrap_err();
        assert!(e.message.starts_with("this is not a whole XML file"), "{e:?}");
        let bad = format!(
            "<xliff xmlns=\"{NAMESPACE}\" version=\"2.0\" srcLang=\"en\" trgLang=\"ar\"><file id=\"f\">\n<unit id=\"u\"><segment><source>a</source>\n<target><ph id=\"1\" dataRef=\"d9\"/></target></segment></unit></file></xliff>"
        );
        let e = read(&bad).unwrap_err();
        assert_eq!(e.line, 3, "{e:?}");
        assert!(e.message.contains("\"d9\""), "{e:?}");
    }
}
