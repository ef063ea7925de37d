//! The theme's tera templates, and template errors told as diagnostics that
//! name the template and its line.

use std::error::Error as _;

use serde_json::Value;
use tera::{Context, Tera};

use super::theme::Theme;
use crate::diagnostics::Diagnostic;

/// Parses every template of the theme.
pub fn load(theme: &Theme) -> Result<Tera, Vec<Diagnostic>> {
    let mut tera = Tera::default();
    // Tera's own escaping also escapes `/`, which only makes addresses
    // longer; its `escape` filter does the same as what it escapes itself.
    tera.set_escape_fn(super::markdown::escape);
    tera.register_filter(
        "escape",
        |value: &Value, _: &std::collections::HashMap<String, Value>| {
            Ok(Value::String(super::markdown::escape(
                value.as_str().unwrap_or_default(),
            )))
        },
    );
    tera.register_filter("breakable", breakable);
    tera.register_filter("fill", super::strings::fill);
    tera.register_filter("fill_html", super::strings::fill_html);
    let mut sources = Vec::new();
    let mut problems = Vec::new();
    for (name, file) in theme.folder("templates") {
        match std::str::from_utf8(&file.bytes) {
            Ok(text) => sources.push((name, text)),
            Err(_) => problems.push(
                Diagnostic::error("not-utf8", format!("the template {name} is not saved as UTF-8 text"))
                    .help("save the template again choosing the UTF-8 encoding"),
            ),
        }
    }
    if let Err(e) = tera.add_raw_templates(sources) {
        problems.push(template_error(theme, &e));
    }
    if problems.is_empty() { Ok(tera) } else { Err(problems) }
}

/// An address, escaped, with places a line may break: after `@` and `/`
/// and before each `.`. A long email address on a narrow phone then wraps
/// as "movingon@ / westmere.example", never in the middle of a word.
fn breakable(value: &Value, _: &std::collections::HashMap<String, Value>) -> tera::Result<Value> {
    let text = value.as_str().unwrap_or_default();
    let mut out = String::with_capacity(text.len() * 2);
    let mut buf = [0u8; 4];
    for c in text.chars() {
        if c == '.' && !out.is_empty() {
            out.push_str("<wbr>");
        }
        out.push_str(&super::markdown::escape(c.encode_utf8(&mut buf)));
        if c == '@' || c == '/' {
            out.push_str("<wbr>");
        }
    }
    Ok(Value::String(out))
}

/// `template` rendered with `data`, a view made plain data.
pub fn render(tera: &Tera, theme: &Theme, template: &str, data: Value) -> Result<String, Diagnostic> {
    let context = Context::from_value(data).map_err(|e| template_error(theme, &e))?;
    tera.render(template, &context).map_err(|e| template_error(theme, &e))
}

/// Tera says what went wrong over a chain of errors; the template's name is
/// in quotes in the first and a parse error's line follows "-->".
fn template_error(theme: &Theme, e: &tera::Error) -> Diagnostic {
    let mut chain = vec![e.to_string()];
    let mut source = e.source();
    while let Some(s) = source {
        chain.push(s.to_string());
        source = s.source();
    }
    let text = chain.join("\n");
    let name = text.split(['\'', '"']).nth(1).unwrap_or("a template").to_string();
    let position = text.split("--> ").nth(1).and_then(|rest| {
        let (line, column) = rest.split_whitespace().next()?.split_once(':')?;
        Some((line.parse::<usize>().ok()?, column.parse::<usize>().ok()?))
    });
    let detail = chain.last().cloned().unwrap_or_default();
    let detail = detail
        .lines()
        .rfind(|l| !l.trim().is_empty())
        .unwrap_or_default()
        .trim()
        .to_string();
    // Tera's words for a name the template uses that promise does not give it.
    let detail = match detail
        .strip_prefix("Variable `")
        .and_then(|rest| rest.split_once("` not found in context"))
    {
        Some((variable, _)) => format!(
            "it uses \"{variable}\", which promise does not give this template (check its spelling against the default theme's copy of {name})"
        ),
        None => detail,
    };
    let where_ = position.map_or(String::new(), |(line, _)| format!(" at line {line}"));
    let mut d = Diagnostic::error(
        "template",
        format!("the template {name} has a problem{where_}: {detail}"),
    )
    .help(format!(
        "fix templates/{name} in the theme folder, or delete your copy of it to use the default theme's"
    ));
    if let Some((line, column)) = position
        && let Some(at) = theme.location(&format!("templates/{name}"), line, column)
    {
        d = d.at(at);
    }
    d
}
