//! The theme: templates, stylesheet, icons and illustrations. The default
//! theme is compiled into the binary; a council overrides any file of it by
//! putting a file at the same path under `content/theme/`.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};
use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, Location};
use crate::layout::THEME;

static DEFAULT: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// Where a theme file came from, so an error in it can point at the file.
#[derive(Debug, Clone)]
pub enum FileOrigin {
    BuiltIn,
    /// Relative to the content folder.
    Override(PathBuf),
}

#[derive(Debug, Clone)]
pub struct ThemeFile {
    /// A built-in file's bytes are borrowed from the binary, so loading the
    /// theme (every build, every preview rebuild) copies no fonts.
    pub bytes: Cow<'static, [u8]>,
    pub origin: FileOrigin,
}

/// Every file of the theme by its path inside the theme, overrides applied.
#[derive(Debug, Clone, Default)]
pub struct Theme {
    pub files: BTreeMap<String, ThemeFile>,
    /// The line icons a promise page can name, by name, as SVG text that is
    /// safe to put in a page.
    pub icons: BTreeMap<String, String>,
    /// The pictures the young and teen looks show for an icon name, drawn
    /// in the band's colours; a name with no illustration shows its icon.
    pub illustrations: BTreeMap<String, String>,
}

impl Theme {
    /// The default theme with the overrides found in `content_root/theme/`,
    /// and a problem for each override that cannot be read (the default
    /// file stands in for it, so the other checks still run).
    pub fn load(content_root: &Path) -> (Theme, Vec<Diagnostic>) {
        let mut files = BTreeMap::new();
        collect_built_in(&DEFAULT, &mut files);
        let overrides = content_root.join(THEME);
        let mut problems = Vec::new();
        for entry in WalkDir::new(&overrides)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
        {
            // A link is read like a file, so one that leads outside the
            // content folder is reported, not skipped.
            if entry.file_type().is_dir() {
                continue;
            }
            let Ok(inside) = entry.path().strip_prefix(&overrides) else {
                continue;
            };
            let name = inside.to_string_lossy().replace('\\', "/");
            let relative = Path::new(THEME).join(inside);
            match crate::files::read(content_root, &relative) {
                Ok(bytes) => {
                    files.insert(
                        name,
                        ThemeFile {
                            bytes: Cow::Owned(bytes),
                            origin: FileOrigin::Override(relative),
                        },
                    );
                }
                Err(e) => problems.push(e.diagnostic(&relative)),
            }
        }
        let mut theme = Theme {
            files,
            ..Theme::default()
        };
        theme.icons = theme.drawings("icons", &mut problems);
        theme.illustrations = theme.drawings("illustrations", &mut problems);
        (theme, problems)
    }

    /// The SVG drawings in a folder, by name. A council's drawing is put
    /// inside every page, so it is checked like a picture in the content: one
    /// that could run code or load from elsewhere is reported and left out.
    fn drawings(&self, folder: &str, problems: &mut Vec<Diagnostic>) -> BTreeMap<String, String> {
        let mut drawings = BTreeMap::new();
        for (name, file) in self.folder(folder) {
            let Some(stem) = name.strip_suffix(".svg") else {
                continue;
            };
            let path = match &file.origin {
                FileOrigin::Override(path) => path.clone(),
                FileOrigin::BuiltIn => Path::new(folder).join(name),
            };
            match crate::pictures::clean_drawing(&path, &file.bytes) {
                Ok(svg) => {
                    drawings.insert(stem.to_string(), svg);
                }
                Err(problem) => problems.push(problem),
            }
        }
        drawings
    }

    /// The files under a folder of the theme, by their path inside it.
    pub fn folder<'a>(&'a self, folder: &'a str) -> impl Iterator<Item = (&'a str, &'a ThemeFile)> + 'a {
        self.files
            .iter()
            .filter_map(move |(name, file)| Some((name.strip_prefix(folder)?.strip_prefix('/')?, file)))
    }

    /// A file of the default theme as it was built in, whatever overrides it.
    pub fn built_in(name: &str) -> Option<&'static [u8]> {
        DEFAULT.get_file(name).map(|f| f.contents())
    }

    /// The names a promise page's `icon` can be.
    pub fn icon_names(&self) -> Vec<&str> {
        self.icons.keys().map(String::as_str).collect()
    }

    /// Where to point a participation officer for a theme file.
    pub fn location(&self, name: &str, line: usize, column: usize) -> Option<Location> {
        match &self.files.get(name)?.origin {
            FileOrigin::Override(path) => Some(Location {
                file: path.clone(),
                line,
                column,
                len: 1,
            }),
            FileOrigin::BuiltIn => None,
        }
    }
}

fn collect_built_in(dir: &Dir<'static>, files: &mut BTreeMap<String, ThemeFile>) {
    for file in dir.files() {
        let name = file.path().to_string_lossy().replace('\\', "/");
        files.insert(
            name,
            ThemeFile {
                bytes: Cow::Borrowed(file.contents()),
                origin: FileOrigin::BuiltIn,
            },
        );
    }
    for sub in dir.dirs() {
        collect_built_in(sub, files);
    }
}
