//! Reading a file of the content folder, and only of it. A link (symlink) or
//! a `..` that leads outside the folder is refused, so nothing from elsewhere
//! on the computer can reach the site, the preview or a message.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Location};

pub mod toml_error;

/// Why a file of the content folder could not be read.
#[derive(Debug)]
pub enum ReadError {
    Missing,
    /// The file is a link to somewhere outside the content folder.
    Outside,
    /// The file is larger than any file of its kind needs to be: its size
    /// and the most, in bytes.
    TooLarge(u64, u64),
    Other(std::io::Error),
}

/// The largest file of the content folder promise reads: a picture's limit,
/// with room. A page of words has a smaller one ([`PAGE_BYTES`]).
pub const ANY_BYTES: u64 = 32 * 1024 * 1024;
/// The largest page of words: a whole book is less.
pub const PAGE_BYTES: u64 = 2 * 1024 * 1024;

/// The bytes of `relative`, a file inside the content folder `root`.
pub fn read(root: &Path, relative: &Path) -> Result<Vec<u8>, ReadError> {
    Folder::new(root)?.read(relative)
}

/// The text of a file, or an error saying where it stops being UTF-8.
pub fn utf8(file: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let good = String::from_utf8_lossy(good);
        let line = good.matches('\n').count() + 1;
        let column = good.rsplit('\n').next().unwrap_or_default().chars().count() + 1;
        Diagnostic::error("not-utf8", "this file is not saved as UTF-8 text")
            .at(Location { file: file.to_path_buf(), line, column, len: 1 })
            .label("this character cannot be read")
            .help("open the file in your editor and save it again choosing the \"UTF-8\" encoding; text copied from Word can bring in characters in another encoding")
    })
}

/// A content folder, found once for reading many of its files.
pub struct Folder {
    root: PathBuf,
    /// Where the folder really is, every link followed.
    real: PathBuf,
}

impl Folder {
    pub fn new(root: &Path) -> Result<Folder, ReadError> {
        Ok(Folder {
            root: root.to_path_buf(),
            real: root.canonicalize().map_err(ReadError::from)?,
        })
    }

    /// The bytes of `relative`, a file inside the folder.
    pub fn read(&self, relative: &Path) -> Result<Vec<u8>, ReadError> {
        self.read_at_most(relative, ANY_BYTES)
    }

    /// The bytes of `relative`, unless it is larger than `most`: then it is
    /// not read at all.
    pub fn read_at_most(&self, relative: &Path, most: u64) -> Result<Vec<u8>, ReadError> {
        // Where the file really is, every link followed, must be inside
        // where the content folder really is.
        let real = self.root.join(relative).canonicalize()?;
        if !real.starts_with(&self.real) {
            return Err(ReadError::Outside);
        }
        let size = real.metadata()?.len();
        if size > most {
            return Err(ReadError::TooLarge(size, most));
        }
        Ok(std::fs::read(&real)?)
    }
}

impl From<std::io::Error> for ReadError {
    fn from(e: std::io::Error) -> ReadError {
        match e.kind() {
            ErrorKind::NotFound => ReadError::Missing,
            _ => ReadError::Other(e),
        }
    }
}

impl ReadError {
    /// The problem, about `relative`. The outside file is never named or
    /// quoted: the message speaks only of the link.
    pub fn diagnostic(&self, relative: &Path) -> Diagnostic {
        match self {
            ReadError::Outside => Diagnostic::error(
                "outside-content",
                "this file is a link to a file outside the content folder, so it is not used",
            )
            .in_file(relative)
            .help("copy the file itself into the content folder in place of the link; only what is inside the content folder is published"),
            ReadError::Missing => Diagnostic::error("unreadable", "this file cannot be found")
                .in_file(relative)
                .help("if it is a link (shortcut), it points at a file that is not there; put the file itself here"),
            ReadError::TooLarge(size, most) => Diagnostic::error(
                "file-too-large",
                format!(
                    "this file is {}, more than promise reads ({}), so it is not used",
                    megabytes(*size),
                    megabytes(*most)
                ),
            )
            .in_file(relative)
            .help(if *most == PAGE_BYTES {
                "no page needs this many words: split it into several pages, or check it is the file you meant (text pasted with pictures in it can be this large)"
            } else {
                "make it smaller: save a picture again at 4000 pixels wide or less, and keep other files out of the content folder"
            }),
            ReadError::Other(e) => {
                Diagnostic::error("unreadable", format!("cannot read this file: {e}")).in_file(relative)
            }
        }
    }
}

/// A size as people say it: "2 MB".
fn megabytes(bytes: u64) -> String {
    format!("{} MB", bytes.div_ceil(1024 * 1024))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn links_inside_are_read_and_links_outside_are_not() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.txt"), "secret").unwrap();
        let content = tempfile::tempdir().unwrap();
        let root = content.path();
        std::fs::write(root.join("a.md"), "inside").unwrap();
        std::os::unix::fs::symlink(root.join("a.md"), root.join("b.md")).unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret.txt"), root.join("c.md")).unwrap();
        std::os::unix::fs::symlink(outside.path(), root.join("folder")).unwrap();
        assert_eq!(read(root, Path::new("b.md")).unwrap(), b"inside");
        assert!(matches!(read(root, Path::new("c.md")), Err(ReadError::Outside)));
        assert!(matches!(
            read(root, Path::new("folder/secret.txt")),
            Err(ReadError::Outside)
        ));
        let up = Path::new("..")
            .join(outside.path().file_name().unwrap())
            .join("secret.txt");
        assert!(read(root, &up).is_err());
        let message = ReadError::Outside.diagnostic(Path::new("c.md"));
        assert!(!format!("{message:?}").contains("secret"));
    }
}
