//! The words the theme prints ("Skip to main content", "Need help now?"),
//! from a strings file per language in the theme's `i18n/` folder, so a
//! council can change any of them and a page in another language is in that
//! language throughout.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use serde_json::Value;
use toml::Spanned;

use super::theme::{FileOrigin, Theme};
use crate::diagnostics::{Diagnostic, Location};

/// The English strings every other language is held to.
const ENGLISH: &str = "i18n/en.toml";

/// Each string by its key.
pub type Strings = BTreeMap<String, String>;

/// The strings for the site's language and each of its `[[languages]]`,
/// by language code, with the problems found in them.
pub fn for_site(theme: &Theme, config: &crate::config::Config) -> (BTreeMap<String, Strings>, Vec<Diagnostic>) {
    let mut all = BTreeMap::new();
    let mut problems = Vec::new();
    let codes = std::iter::once(&config.language).chain(config.languages.iter().map(|l| l.code.get_ref()));
    for code in codes {
        let (words, found) = load(theme, code);
        problems.extend(found);
        all.insert(code.clone(), words);
    }
    (all, problems)
}

/// The strings for `language` (a BCP 47 tag such as `en-GB`, whose first
/// part names the file): the theme's own file for the language with a
/// council's `content/theme/i18n/<code>.toml` over it. A string neither has
/// is shown in English, with a warning that names the language and the key.
pub fn load(theme: &Theme, language: &str) -> (Strings, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let code = language.split('-').next().unwrap_or("en").to_ascii_lowercase();
    let name = format!("i18n/{code}.toml");
    let english = built_in(ENGLISH);
    let mut strings = english.clone();
    let mut given: BTreeSet<String> = BTreeSet::new();
    if let Some(own) = (code != "en").then(|| built_in(&name)).filter(|own| !own.is_empty()) {
        given.extend(own.keys().cloned());
        strings.extend(own);
    }
    if let Some(file) = theme.files.get(&name)
        && let FileOrigin::Override(path) = &file.origin
    {
        let text = String::from_utf8_lossy(&file.bytes);
        match toml::from_str::<BTreeMap<String, Spanned<String>>>(&text) {
            Ok(own) => {
                for (key, value) in own {
                    if !english.contains_key(&key) {
                        problems.push(
                            Diagnostic::warning("unknown-string", format!("\"{key}\" is not a string the theme prints"))
                                .at(Location::from_span(path, &text, value.span()))
                                .help("check the spelling of the key against the English words, which `promise strings --language xx` writes into a new file"),
                        );
                    }
                    if key == "months" && month_names(value.get_ref()).count() != 12 {
                        problems.push(
                            Diagnostic::warning(
                                "bad-months",
                                format!("\"months\" has {} names, not 12, so months are shown in English", month_names(value.get_ref()).count()),
                            )
                            .at(Location::from_span(path, &text, value.span()))
                            .help("write the twelve months' names from January to December, with a comma between each"),
                        );
                        continue;
                    }
                    given.insert(key.clone());
                    strings.insert(key, value.into_inner());
                }
            }
            Err(e) => problems.push(crate::files::toml_error::toml_error(path, &text, &e).help(
                "each line of a strings file is a key, =, and the words in double quotes: need_help = \"Need help now?\"",
            )),
        }
    }
    if code == "en" {
        return (strings, problems);
    }
    if given.is_empty() {
        problems.push(
            Diagnostic::warning(
                "missing-strings",
                format!("the theme has no words for the language \"{language}\", so pages show them in English"),
            )
            .help(format!(
                "run `promise strings --language {code}`: it writes content/theme/{name} with the theme's English words, for a translator to put into this language"
            )),
        );
        return (strings, problems);
    }
    for key in english.keys().filter(|key| !given.contains(*key)) {
        problems.push(
            Diagnostic::warning(
                "missing-string",
                format!("the \"{code}\" strings have no \"{key}\", so it is shown in English"),
            )
            .in_file(Path::new(crate::layout::THEME).join(&name))
            .help(format!("add a line {key} = \"...\" with the words in this language")),
        );
    }
    (strings, problems)
}

/// The names a `months` string holds: they are split at a comma, the Latin
/// one or the Arabic one (،).
pub fn month_names(months: &str) -> impl Iterator<Item = &str> {
    months.split([',', '،']).map(str::trim).filter(|m| !m.is_empty())
}

/// A strings file of the default theme; none if it has no such file.
fn built_in(name: &str) -> Strings {
    Theme::built_in(name)
        .and_then(|bytes| toml::from_str(&String::from_utf8_lossy(bytes)).ok())
        .unwrap_or_default()
}

/// Tera's `fill` filter: the string with each `{name}` replaced by the
/// argument of that name, all escaped. `{{ t.ages | fill(ages=e.ages) | safe }}`.
/// The names of groups of care leaver as a sentence writes them, in the
/// strings' language: "eligible, relevant or former relevant".
pub fn groups_sentence(strings: &Strings, groups: &[crate::leaving_care::Group]) -> String {
    let word = |key: &'static str| strings.get(key).map_or(key, String::as_str);
    let names: Vec<&str> = groups.iter().map(|g| word(g.words()[0])).collect();
    match names.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} {} {last}", rest.join(word("list_comma")), word("or")),
        None => String::new(),
    }
}

pub fn fill(value: &Value, args: &HashMap<String, Value>) -> tera::Result<Value> {
    Ok(Value::String(replace(value, args, super::markdown::escape)))
}

/// Tera's `fill_html` filter: like `fill`, but the arguments are markup the
/// template made (a link inside a sentence), put in as they are.
pub fn fill_html(value: &Value, args: &HashMap<String, Value>) -> tera::Result<Value> {
    Ok(Value::String(replace(value, args, str::to_string)))
}

fn replace(value: &Value, args: &HashMap<String, Value>, put: impl Fn(&str) -> String) -> String {
    let mut out = super::markdown::escape(value.as_str().unwrap_or_default());
    for (name, arg) in args {
        let text = match arg {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        out = out.replace(&format!("{{{name}}}"), &put(&text));
    }
    out
}
