//! `promise new`: a working starter site, made from the example content
//! compiled into the binary, so a council starts from something that builds.

use std::fs;
use std::path::Path;

use include_dir::{Dir, include_dir};
use serde::Deserialize;
use serde::de::IntoDeserializer;

use crate::config::Host;

static EXAMPLE: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/content");

/// Writes a starter site into `dir`, which must be empty or not exist yet:
/// the example's content in `dir/content/` (so the plain `promise check`
/// and `promise build` find it there), a short README for the team, a
/// `.gitignore` for what builds make, and the deploy recipe for its host
/// (`host`, such as `netlify`, or else the example's). Returns how many
/// files were written.
pub fn new_site(dir: &Path, host: Option<&str>) -> Result<usize, String> {
    let host_name = host.unwrap_or(EXAMPLE_HOST);
    let chosen: Result<Host, serde::de::value::Error> = Host::deserialize(host_name.into_deserializer());
    let chosen = chosen.map_err(|_| {
        format!("\"{host_name}\" is not a host promise knows: say netlify, cloudflare-pages, github-pages, gitlab-pages, apache, nginx or other")
    })?;
    if dir.exists() {
        let mut entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        if entries.next().is_some() {
            return Err(format!(
                "{} is not empty, and promise new never writes over files; choose a new folder name",
                dir.display()
            ));
        }
    }
    let count = write_dir(&EXAMPLE, &dir.join(crate::layout::CONTENT), host_name)?;
    write(&dir.join("README.md"), README.as_bytes())?;
    write(&dir.join(".gitignore"), b"/public\n/.public.*\n/.cache\n")?;
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let recipe = crate::recipes::files(chosen, &name);
    for (path, text) in &recipe {
        let path = dir.join(path);
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder).map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
        }
        write(&path, text.as_bytes())?;
    }
    Ok(count + 2 + recipe.len())
}

/// The host the example's site.toml names.
const EXAMPLE_HOST: &str = "netlify";

/// The team's first page: what is where, and the commands.
const README: &str = "# Our promise site\n\nThe words of the site are in `content/`: the promises for each age in\n`content/promises/`, the local offer in `content/local-offer/`, \"you said,\nwe did\" in `content/messages/`, and the site's name, contacts and settings\nin `content/site.toml`. They start as an example: write your own over them.\n\nFrom this folder:\n\n- `promise check` says what to put right, with the file and line;\n- `promise serve --open` shows the site as you write, in your browser;\n- `promise build` makes the site in `public/`, ready to publish, and the\n  leaflets for the print shop in `public/leaflets/print/`.\n\nTo publish the site in another language too, add it under\n`[[languages]]` in `content/site.toml`, then see \"Other languages\" in\npromise's README.\n";

/// What the example has that a new site must not start with: the record of
/// what the example's leaflets printed (a new site has printed nothing),
/// the editors' settings, made for this repository (`promise cms` makes a
/// site's own), and the Arabic samples (a council adds its own languages).
fn kept(path: &Path) -> bool {
    let name = path.to_string_lossy();
    let sample = name.ends_with(".ar.md") || name.ends_with("site.ar.toml");
    path != Path::new(crate::layout::PRINTED) && !path.starts_with(crate::layout::ADMIN) && !sample
}

fn write_dir(from: &Dir<'static>, to: &Path, host: &str) -> Result<usize, String> {
    let mut count = 0;
    fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    for file in from.files().filter(|f| kept(f.path())) {
        let name = file.path().file_name().unwrap_or_default();
        let path = to.join(name);
        let contents = starting(&name.to_string_lossy(), file.contents(), host);
        write(&path, &contents)?;
        count += 1;
    }
    for sub in from.dirs().filter(|d| kept(d.path())) {
        count += write_dir(sub, &to.join(sub.path().file_name().unwrap_or_default()), host)?;
    }
    Ok(count)
}

/// A file of the example as a new site starts with it: site.toml without
/// the Arabic sample language and with its `host`, and photos without where
/// they were taken.
fn starting(name: &str, contents: &[u8], host: &str) -> Vec<u8> {
    if name == crate::layout::SITE_TOML
        && let Ok(text) = std::str::from_utf8(contents)
        && let Ok(mut doc) = text.parse::<toml_edit::DocumentMut>()
    {
        doc.remove("languages");
        doc["publish"]["host"] = toml_edit::value(host);
        return doc.to_string().into_bytes();
    }
    crate::pictures::without_metadata(name, contents).unwrap_or_else(|| contents.to_vec())
}

/// Writes `content/theme/i18n/<code>.toml`: the theme's English words, for a
/// translator to put into the language `code`. Returns the file written.
pub fn new_strings(content: &Path, code: &str) -> Result<std::path::PathBuf, String> {
    let code = code.trim().to_ascii_lowercase();
    if code.is_empty() || !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Err(format!(
            "\"{code}\" is not a language code: use the code in [[languages]] in site.toml, such as cy or ar"
        ));
    }
    let path = content
        .join(crate::layout::THEME)
        .join("i18n")
        .join(format!("{code}.toml"));
    if path.exists() {
        return Err(format!(
            "{} is there already, and promise never writes over files; translate the lines it has",
            path.display()
        ));
    }
    let english = crate::render::theme::Theme::built_in("i18n/en.toml").unwrap_or_default();
    let mut text = format!(
        "# The theme's words in \"{code}\": translate the words in quotes on each line,\n# and keep what is in {{curly brackets}} as it is. A line left out is shown in\n# English, and `promise check` lists it.\n\n"
    )
    .into_bytes();
    text.extend_from_slice(english);
    if let Some(folder) = path.parent() {
        fs::create_dir_all(folder).map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
    }
    write(&path, &text)?;
    Ok(path)
}

fn write(path: &Path, contents: &[u8]) -> Result<(), String> {
    fs::write(path, contents).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
