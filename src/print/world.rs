//! The world a leaflet is typeset in: the theme's leaflet template and fonts,
//! and the leaflet's content as a JSON file the template reads. Nothing is
//! read from the disk or the network, so a leaflet depends on nothing but the
//! theme and the content.

use std::collections::BTreeMap;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use crate::pictures::Pictures;
use crate::render::theme::Theme;

/// The name the template reads its content from.
pub const DATA: &str = "data.json";
/// The template, inside the theme's `leaflet/` folder.
pub const TEMPLATE: &str = "leaflet.typ";

/// What every leaflet shares: the fonts, the theme's leaflet files and the
/// site's cleaned pictures (as `images/...`, the same copies the web pages
/// show). Built once a build.
pub struct Press {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    /// The files of the theme's `leaflet/` folder by their path in it.
    files: BTreeMap<String, Bytes>,
}

impl Press {
    pub fn new(theme: &Theme, pictures: &Pictures) -> Press {
        let mut fonts = Vec::new();
        let mut files = BTreeMap::new();
        for (name, file) in theme.folder("leaflet") {
            let bytes = Bytes::new(file.bytes.clone());
            if name.ends_with(".ttf") || name.ends_with(".otf") {
                fonts.extend(Font::iter(bytes.clone()));
            }
            files.insert(name.to_string(), bytes);
        }
        for (path, bytes) in &pictures.files {
            files.insert(path.clone(), Bytes::new(bytes.to_vec()));
        }
        Press {
            library: LazyHash::new(Library::builder().build()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
            files,
        }
    }

    /// A template of the theme's `leaflet/` folder, by its name in it.
    pub fn template(&self, name: &str) -> Option<&Bytes> {
        self.files.get(name)
    }
}

/// One leaflet's world: the shared press and this leaflet's data.
pub struct Leaflet<'a> {
    press: &'a Press,
    main: Source,
    data: Bytes,
}

fn id(path: &str) -> Option<FileId> {
    Some(RootedPath::new(VirtualRoot::Project, VirtualPath::new(path).ok()?).intern())
}

impl<'a> Leaflet<'a> {
    /// A world for the template `template` (such as [`TEMPLATE`]) with
    /// `data` as its JSON; `None` when the theme has no readable template.
    pub fn new(press: &'a Press, template: &str, data: Vec<u8>) -> Option<Leaflet<'a>> {
        let text = std::str::from_utf8(press.template(template)?).ok()?;
        Some(Leaflet {
            press,
            main: Source::new(id(template)?, text.to_string()),
            data: Bytes::new(data),
        })
    }

    /// The template's source, to point at a line in it.
    pub fn source(&self) -> &Source {
        &self.main
    }
}

impl World for Leaflet<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.press.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.press.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            let text = self.file(id)?;
            let text = std::str::from_utf8(&text).map_err(|_| FileError::InvalidUtf8)?;
            Ok(Source::new(id, text.to_string()))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        let path = id.get().vpath().get_without_slash();
        if path == DATA {
            return Ok(self.data.clone());
        }
        self.press
            .files
            .get(path)
            .cloned()
            .ok_or_else(|| FileError::NotFound(path.into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.press.fonts.get(index).cloned()
    }

    /// No clock: the same content always makes the same leaflet.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}
