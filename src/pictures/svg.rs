//! SVG pictures are documents that a browser runs: a script, an `on...`
//! attribute, a `foreignObject` (HTML inside the picture) or a reference to
//! another file or site is an error. What is published is the SVG written
//! again from its elements, without comments, metadata or the notes that
//! drawing programs leave (which can hold the author's name and folders).

use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;

use roxmltree::{Document, Node, NodeType};

use super::Cleaned;
use crate::diagnostics::{Diagnostic, Location};

const SVG: &str = "http://www.w3.org/2000/svg";
const XLINK: &str = "http://www.w3.org/1999/xlink";
const XML: &str = "http://www.w3.org/XML/1998/namespace";

pub fn clean(file: &Path, bytes: &[u8]) -> Result<Cleaned, Diagnostic> {
    let unreadable = |why: String| {
        Diagnostic::error("bad-picture", format!("this SVG picture cannot be read: {why}"))
            .in_file(file)
            .help("export the picture again from your drawing program as plain SVG")
    };
    let text = std::str::from_utf8(bytes).map_err(|e| unreadable(e.to_string()))?;
    let doc = Document::parse(text).map_err(|e| match e {
        roxmltree::Error::DtdDetected => Diagnostic::error(
            "bad-picture",
            "this SVG picture starts with a <!DOCTYPE ...> declaration, which a picture on the web does not need and which can be used to attack the computer that reads it",
        )
        .in_file(file)
        .help("delete the line that starts with <!DOCTYPE, or export the picture again from your drawing program as plain SVG"),
        e => {
            let pos = e.pos();
            unreadable(format!("line {}, column {}: {e}", pos.row, pos.col))
        }
    })?;
    let root = doc.root_element();
    if root.tag_name().namespace() != Some(SVG) || root.tag_name().name() != "svg" {
        return Err(unreadable("it does not start with an <svg> element".to_string()));
    }
    if let Some(problem) = root.descendants().find_map(|n| unsafe_part(&n)) {
        let pos = doc.text_pos_at(problem.0);
        return Err(Diagnostic::error("unsafe-svg", format!("this SVG picture has {}", problem.1))
            .at(Location {
                file: file.to_path_buf(),
                line: pos.row as usize,
                column: pos.col as usize,
                len: 1,
            })
            .help("a picture on the site may not run code or load anything from another file or website: remove it in your drawing program (or export as \"plain SVG\"), or save the picture as a .png"));
    }
    let mut out = String::with_capacity(text.len());
    write_element(&root, &mut out, true);
    out.push('\n');
    let size = size(&root);
    let width = size.map_or(0, |(w, _)| w);
    Ok(Cleaned {
        size,
        files: vec![(width, Arc::new(out.into_bytes()))],
        gps: false,
    })
}

/// The first thing in the picture that could run or reach outside it: where
/// it is (a byte of the text) and what it is, in plain words.
fn unsafe_part(node: &Node) -> Option<(usize, String)> {
    if node.is_element() {
        let name = node.tag_name().name();
        if name.eq_ignore_ascii_case("script") {
            return Some((node.range().start, "a script in it".to_string()));
        }
        if name.eq_ignore_ascii_case("foreignObject") {
            return Some((
                node.range().start,
                "a foreignObject (a web page inside the picture)".to_string(),
            ));
        }
        for attr in node.attributes() {
            let name = attr.name();
            let at = attr.range().start;
            if name.len() > 2 && name[..2].eq_ignore_ascii_case("on") {
                return Some((at, format!("an {name} attribute, which runs code")));
            }
            // An animation can set a link to code: `<set to="javascript:...">`.
            let value: String = attr.value().chars().filter(|c| !c.is_whitespace()).collect();
            let value = value.to_ascii_lowercase();
            if ["javascript:", "vbscript:", "data:text/html"]
                .iter()
                .any(|code| value.contains(code))
            {
                return Some((at, format!("a \"{name}\" attribute that runs code")));
            }
            if name == "href" && !attr.value().starts_with('#') {
                return Some((at, "a link to another file or website".to_string()));
            }
            if name == "style" && outside_reference(attr.value()) {
                return Some((at, "a style that loads another file or website".to_string()));
            }
        }
    }
    if node.is_text()
        && node.parent().is_some_and(|p| p.tag_name().name() == "style")
        && outside_reference(node.text().unwrap_or_default())
    {
        return Some((
            node.range().start,
            "a style that loads another file or website".to_string(),
        ));
    }
    None
}

/// CSS that reaches outside the picture: `@import`, or `url(...)` that is
/// not a `#` reference inside it.
fn outside_reference(css: &str) -> bool {
    let css = css.to_ascii_lowercase();
    css.contains("@import")
        || css.match_indices("url(").any(|(i, m)| {
            let target = css[i + m.len()..].trim_start().trim_start_matches(['"', '\'']);
            !target.starts_with('#')
        })
}

/// Writes an SVG element and what is inside it, keeping only SVG elements,
/// their plain attributes, `xml:space` and `#` links.
fn write_element(node: &Node, out: &mut String, root: bool) {
    let name = node.tag_name().name();
    let _ = write!(out, "<{name}");
    if root {
        let _ = write!(out, " xmlns=\"{SVG}\" xmlns:xlink=\"{XLINK}\"");
    }
    for attr in node.attributes() {
        let prefix = match attr.namespace() {
            None => "",
            Some(XLINK) => "xlink:",
            Some(XML) => "xml:",
            Some(_) => continue,
        };
        let _ = write!(out, " {prefix}{}=\"{}\"", attr.name(), escape(attr.value()));
    }
    let children: Vec<Node> = node.children().filter(kept).collect();
    if children.is_empty() {
        out.push_str("/>");
        return;
    }
    out.push('>');
    for child in children {
        match child.node_type() {
            NodeType::Element => write_element(&child, out, false),
            _ => out.push_str(&escape(child.text().unwrap_or_default())),
        }
    }
    let _ = write!(out, "</{name}>");
}

/// Text, and SVG elements other than metadata; not comments, instructions,
/// or elements of drawing programs' own.
fn kept(node: &Node) -> bool {
    match node.node_type() {
        NodeType::Text => true,
        NodeType::Element => node.tag_name().namespace() == Some(SVG) && node.tag_name().name() != "metadata",
        _ => false,
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The picture's size in pixels, from its width and height or its viewBox.
fn size(root: &Node) -> Option<(u32, u32)> {
    let number = |v: &str| v.trim().trim_end_matches("px").trim().parse::<f64>().ok();
    let from_attrs = root
        .attribute("width")
        .and_then(number)
        .zip(root.attribute("height").and_then(number));
    let from_view_box = || {
        let parts: Vec<f64> = root
            .attribute("viewBox")?
            .split([' ', ','])
            .filter(|p| !p.is_empty())
            .filter_map(|p| p.parse().ok())
            .collect();
        match parts.as_slice() {
            [_, _, w, h] => Some((*w, *h)),
            _ => None,
        }
    };
    let (w, h) = from_attrs.or_else(from_view_box)?;
    let pixels = |v: f64| (1.0..=100_000.0).contains(&v).then(|| v.round() as u32);
    Some((pixels(w)?, pixels(h)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned(svg: &str) -> Result<String, Diagnostic> {
        clean(Path::new("images/a.svg"), svg.as_bytes()).map(|c| String::from_utf8(c.files[0].1.to_vec()).unwrap())
    }

    #[test]
    fn code_and_outside_references_are_errors() {
        let head = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">";
        for bad in [
            "<script>alert(1)</script>",
            "<rect onclick=\"x()\"/>",
            "<foreignObject><p>hi</p></foreignObject>",
            "<image href=\"https://tracker.example/a.png\"/>",
            "<image xlink:href=\"../../secret.png\"/>",
            "<rect style=\"fill: url(https://x.example/a)\"/>",
            "<style>@import url(https://x.example/a.css);</style>",
            "<a href=\"#a\"><set attributeName=\"href\" to=\"java script:alert(1)\"/></a>",
        ] {
            let d = cleaned(&format!("{head}\n{bad}</svg>")).unwrap_err();
            assert_eq!(d.code, "unsafe-svg", "{bad}");
            assert_eq!(d.at.unwrap().line, 2, "{bad}");
        }
        assert!(cleaned(&format!("{head}<use href=\"#a\"/><rect style=\"fill:url(#g)\"/></svg>")).is_ok());
    }

    #[test]
    fn metadata_and_drawing_program_notes_are_left_out() {
        let svg = r#"<?xml version="1.0"?>
<!-- made by Jo Bloggs -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" width="20" height="10" inkscape:export-filename="/home/jo/foster-home.png">
  <metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">Jo</rdf:RDF></metadata>
  <inkscape:grid/>
  <title>A star &amp; a moon</title>
  <circle cx="5" cy="5" r="4" fill="gold"/>
</svg>"#;
        let out = cleaned(svg).unwrap();
        for gone in ["Jo", "home", "inkscape", "metadata", "<!--", "<?xml"] {
            assert!(!out.contains(gone), "{gone} in {out}");
        }
        assert!(out.contains("<title>A star &amp; a moon</title>"), "{out}");
        assert!(
            out.contains("<circle cx=\"5\" cy=\"5\" r=\"4\" fill=\"gold\"/>"),
            "{out}"
        );
        let c = clean(Path::new("a.svg"), svg.as_bytes()).unwrap();
        assert_eq!(c.size, Some((20, 10)));
    }
}
