//! Helpers shared by the whole-program tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
}

/// A copy of the example site in a temporary folder, to break on purpose.
pub fn copy_of_example() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&example(), &dir.path().join("content"));
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Runs the `promise` binary in `dir`.
pub fn promise(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_promise"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// Replaces the first `from` in `file` with `to`; `from` must be there, so a
/// test never breaks content that has since changed without saying so.
pub fn replace(file: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(file).unwrap();
    assert!(text.contains(from), "{from} is not in {}", file.display());
    std::fs::write(file, text.replacen(from, to, 1)).unwrap();
}

/// `promise check` on `dir` as if it were `today`: its exit code and every
/// finding, as JSON.
pub fn check_on(dir: &Path, today: &str) -> (i32, Vec<serde_json::Value>) {
    let out = promise(dir, &["check", "--format", "json", "--today", today]);
    let text = String::from_utf8(out.stdout).unwrap();
    let found: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    (out.status.code().unwrap(), found.as_array().unwrap().clone())
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A small PNG picture, `width` by `height`, all one colour.
pub fn png(width: u32, height: u32) -> Vec<u8> {
    let picture = image::RgbImage::from_pixel(width, height, image::Rgb([40, 120, 200]));
    let mut out = std::io::Cursor::new(Vec::new());
    picture.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// The names of the fonts a PDF uses, as it names them (subset prefix and all).
pub fn pdf_fonts(document: &lopdf::Document) -> Vec<String> {
    document
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter_map(|d| d.get(b"BaseFont").ok())
        .filter_map(|n| n.as_name().ok())
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .collect()
}

/// A page the site wrote, parsed, by its file in the output.
pub fn page(outputs: &std::collections::BTreeMap<String, Vec<u8>>, file: &str) -> scraper::Html {
    let bytes = outputs.get(file).unwrap_or_else(|| panic!("{file} was not written"));
    scraper::Html::parse_document(std::str::from_utf8(bytes).unwrap())
}

/// The output file a relative link on the page in `from` leads to.
pub fn resolve(from: &str, relative: &str) -> String {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for part in relative.split('/') {
        match part {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            other => parts.push(other),
        }
    }
    parts.join("/")
}
