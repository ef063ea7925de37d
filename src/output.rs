//! Write: the only stage that touches the output folder. It writes the whole
//! site into a staging folder beside it, then swaps the two, so a build that
//! fails half-way leaves the published site exactly as it was.
//!
//! The site the swap replaces is kept beside it as `.NAME.previous`, and the
//! next build starts from it: only the files that changed are written, and no
//! folder is made or deleted that both builds have.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::layout::Outputs;

/// Why the output folder could not be written.
#[derive(Debug)]
pub enum WriteError {
    /// The folder holds files that do not look like a built site.
    NotASite(PathBuf),
    /// The folder is the content folder or holds it.
    HoldsContent(PathBuf),
    /// The folder is inside the content folder.
    InsideContent(PathBuf),
    /// Another build is writing the folder now.
    Busy(PathBuf),
    Io(PathBuf, io::Error),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::NotASite(p) => write!(
                f,
                "{} already has files in it that promise did not write, so it was left alone; choose an empty folder with --out, or empty this one",
                p.display()
            ),
            WriteError::HoldsContent(p) => write!(
                f,
                "{} is, or holds, the content folder; choose another folder with --out so the content is never overwritten",
                p.display()
            ),
            WriteError::InsideContent(p) => write!(
                f,
                "{} is inside the content folder, where the site would be read back as content; build it beside the content folder instead (by default, promise builds content/ into public/ from the folder that holds both)",
                p.display()
            ),
            WriteError::Busy(p) => write!(
                f,
                "another promise build is writing {} now; wait for it to finish, then build again",
                p.display()
            ),
            WriteError::Io(p, e) => {
                let why = match e.kind() {
                    io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
                        "the disk is full: make room on it (or build to another disk with --out), then build again".to_string()
                    }
                    io::ErrorKind::PermissionDenied => {
                        "promise is not allowed to write there: choose a folder you can write to with --out, or ask whoever looks after this computer".to_string()
                    }
                    io::ErrorKind::ReadOnlyFilesystem => {
                        "that disk cannot be written to (it is read-only): choose another folder with --out".to_string()
                    }
                    _ => format!("{e}"),
                };
                write!(f, "cannot write {}: {why}", p.display())
            }
        }
    }
}

/// Held while a build writes its output folder: a second build into the
/// same folder is told so, rather than both writing the same files. The
/// operating system lets go of it when the build ends, however it ends.
pub struct Lock {
    _file: fs::File,
}

/// Takes the lock on writing `out`, or says another build holds it, or
/// why `out` cannot hold the site built from `content`.
pub fn lock(out: &Path, content: &Path) -> Result<Lock, WriteError> {
    check_target(out, content)?;
    let path = beside(out, "lock");
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(io_error(parent))?;
    }
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(io_error(&path))?;
    match file.try_lock() {
        Ok(()) => Ok(Lock { _file: file }),
        Err(fs::TryLockError::WouldBlock) => Err(WriteError::Busy(out.to_path_buf())),
        Err(fs::TryLockError::Error(e)) => Err(WriteError::Io(path, e)),
    }
}

fn io_error(p: &Path) -> impl FnOnce(io::Error) -> WriteError {
    let p = p.to_path_buf();
    move |e| WriteError::Io(p, e)
}

/// A folder kept beside the output folder for `what`: for `public/`,
/// `.public.previous` holds the site a build replaced and `.public.pictures`
/// the cleaned pictures.
pub fn beside(out: &Path, what: &str) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    parent.join(format!(".{name}.{what}"))
}

/// Replaces `out` with exactly `outputs`; if it cannot, leaves `out` as it
/// was and takes away what it had written, so a full disk is not left full.
pub fn write(out: &Path, content: &Path, outputs: &Outputs) -> Result<(), WriteError> {
    check_target(out, content)?;
    let staging = beside(out, "staging");
    let written = swap_in(out, content, outputs, &staging);
    if written.is_err() && staging.exists() {
        let _ = fs::remove_dir_all(&staging);
    }
    written
}

fn swap_in(out: &Path, content: &Path, outputs: &Outputs, staging: &Path) -> Result<(), WriteError> {
    let previous = beside(out, "previous");
    if let Some(parent) = staging.parent() {
        fs::create_dir_all(parent).map_err(io_error(parent))?;
    }
    // A staging folder left by a build that stopped half-way is ours, and
    // is brought up to date like the previous site would be.
    if !staging.exists() && previous.exists() {
        check_target(&previous, content)?;
        fs::rename(&previous, staging).map_err(io_error(&previous))?;
    }
    fill(staging, out, outputs)?;
    if previous.exists() {
        fs::remove_dir_all(&previous).map_err(io_error(&previous))?;
    }
    if out.exists() {
        fs::rename(out, &previous).map_err(io_error(out))?;
    }
    if let Err(e) = fs::rename(staging, out) {
        // Put the published site back before giving up.
        let _ = fs::rename(&previous, out);
        return Err(WriteError::Io(out.to_path_buf(), e));
    }
    Ok(())
}

/// Makes `staging` hold exactly `outputs`, touching only what differs.
fn fill(staging: &Path, live: &Path, outputs: &Outputs) -> Result<(), WriteError> {
    // Every folder the site needs; a sorted set puts parents first.
    let mut folders: BTreeSet<&str> = BTreeSet::new();
    for file in outputs.keys() {
        let mut path = file.as_str();
        while let Some((dir, _)) = path.rsplit_once('/') {
            if !folders.insert(dir) {
                break;
            }
            path = dir;
        }
    }
    fs::create_dir_all(staging).map_err(io_error(staging))?;
    let mut present_dirs = BTreeSet::new();
    let mut present_files = BTreeSet::new();
    let mut stale = Vec::new();
    let mut walk = WalkDir::new(staging).min_depth(1).into_iter();
    while let Some(entry) = walk.next() {
        let entry = entry.map_err(|e| WriteError::Io(staging.to_path_buf(), e.into()))?;
        let kind = entry.file_type();
        let key = entry
            .path()
            .strip_prefix(staging)
            .ok()
            .and_then(|p| p.to_str())
            .map(|p| p.replace('\\', "/"));
        match key {
            Some(key) if kind.is_dir() && folders.contains(key.as_str()) => {
                present_dirs.insert(key);
            }
            Some(key) if kind.is_file() && outputs.contains_key(&key) => {
                present_files.insert(key);
            }
            // Anything else goes, a folder with all it holds.
            _ => {
                if kind.is_dir() {
                    walk.skip_current_dir();
                }
                stale.push((entry.path().to_path_buf(), kind.is_dir()));
            }
        }
    }
    for (path, dir) in stale {
        let removed = if dir {
            fs::remove_dir_all(&path)
        } else {
            fs::remove_file(&path)
        };
        removed.map_err(io_error(&path))?;
    }
    for dir in folders.iter().filter(|d| !present_dirs.contains(**d)) {
        let path = staging.join(dir);
        fs::create_dir(&path).map_err(io_error(&path))?;
    }
    // Each file on its own, in parallel: most of the time is the system's.
    outputs.par_iter().try_for_each(|(file, bytes)| {
        let path = staging.join(file);
        let same = |p: &Path| {
            fs::metadata(p).is_ok_and(|m| m.len() == bytes.len() as u64) && fs::read(p).is_ok_and(|old| old == *bytes)
        };
        if present_files.contains(file) {
            if same(&path) {
                return Ok(());
            }
            // It may share its bytes with the published site through a hard
            // link, so it is replaced, never written over.
            fs::remove_file(&path).map_err(io_error(&path))?;
        }
        // A file the published site already has, byte for byte, is linked
        // rather than written again.
        let before = live.join(file);
        if !(same(&before) && fs::hard_link(&before, &path).is_ok()) {
            fs::write(&path, bytes).map_err(io_error(&path))?;
        }
        Ok(())
    })
}

/// Refuses to replace a folder that would lose someone's work.
fn check_target(out: &Path, content: &Path) -> Result<(), WriteError> {
    let absolute = |p: &Path| fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    if out.exists() && absolute(content).starts_with(absolute(out)) {
        return Err(WriteError::HoldsContent(out.to_path_buf()));
    }
    // Where `out` is, or will be: its parent is there, or is made.
    let place = match (out.parent(), out.file_name()) {
        (Some(parent), Some(name)) if !out.exists() => {
            let parent = if parent.as_os_str().is_empty() {
                Path::new(".")
            } else {
                parent
            };
            absolute(parent).join(name)
        }
        _ => absolute(out),
    };
    if place.starts_with(absolute(content)) {
        return Err(WriteError::InsideContent(out.to_path_buf()));
    }
    if !out.exists() {
        return Ok(());
    }
    let mut entries = fs::read_dir(out).map_err(|e| WriteError::Io(out.to_path_buf(), e))?;
    let empty = entries.next().is_none();
    let built_before = out.join("sitemap.xml").is_file() && out.join("index.html").is_file();
    if empty || built_before {
        Ok(())
    } else {
        Err(WriteError::NotASite(out.to_path_buf()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(files: &[(&str, &str)]) -> Outputs {
        files
            .iter()
            .map(|(p, b)| (p.to_string(), b.as_bytes().to_vec()))
            .collect()
    }

    /// A temporary folder, with where a site's output and content go in it.
    fn folders() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let (out, content) = (dir.path().join("public"), dir.path().join("content"));
        (dir, out, content)
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replaces_a_previous_build_whole() {
        let (dir, out, content) = folders();
        write(
            &out,
            &content,
            &site(&[("index.html", "1"), ("sitemap.xml", ""), ("old/index.html", "x")]),
        )
        .unwrap();
        assert_eq!(names(dir.path()), ["public"], "no staging folder is left behind");
        write(&out, &content, &site(&[("index.html", "2"), ("sitemap.xml", "")])).unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "2");
        assert!(!out.join("old").exists());
        assert_eq!(names(dir.path()), [".public.previous", "public"]);
        let previous = dir.path().join(".public.previous");
        assert_eq!(fs::read_to_string(previous.join("index.html")).unwrap(), "1");
        assert_eq!(fs::read_to_string(previous.join("old/index.html")).unwrap(), "x");
    }

    #[test]
    fn the_previous_site_becomes_the_next() {
        let (dir, out, content) = folders();
        let base = [("index.html", "1"), ("sitemap.xml", ""), ("a/index.html", "a1")];
        write(&out, &content, &site(&base)).unwrap();
        write(&out, &content, &site(&base)).unwrap();
        // Whatever the previous site holds that the new one does not is
        // gone, and what changed is written without touching the live site,
        // whose files the previous one shares through hard links.
        let previous = dir.path().join(".public.previous");
        fs::write(previous.join("stray.html"), "?").unwrap();
        fs::create_dir_all(previous.join("gone/deep")).unwrap();
        fs::write(previous.join("gone/deep/index.html"), "?").unwrap();
        fs::remove_dir_all(previous.join("a")).unwrap();
        fs::write(previous.join("a"), "a file where a folder belongs").unwrap();
        let next = [
            ("index.html", "1"),
            ("sitemap.xml", ""),
            ("a/index.html", "a2"),
            ("b/c/index.html", "c"),
        ];
        write(&out, &content, &site(&next)).unwrap();
        let mut files: Vec<String> = WalkDir::new(&out)
            .min_depth(1)
            .into_iter()
            .map(|e| e.unwrap().path().strip_prefix(&out).unwrap().display().to_string())
            .collect();
        files.sort();
        assert_eq!(
            files,
            [
                "a",
                "a/index.html",
                "b",
                "b/c",
                "b/c/index.html",
                "index.html",
                "sitemap.xml"
            ]
        );
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "a2");
        assert_eq!(fs::read_to_string(previous.join("a/index.html")).unwrap(), "a1");
    }

    #[cfg(unix)]
    #[test]
    fn a_folder_whose_name_is_not_text_is_cleared_whole() {
        use std::os::unix::ffi::OsStrExt;
        let (dir, out, content) = folders();
        let base = [("index.html", "1"), ("sitemap.xml", "")];
        write(&out, &content, &site(&base)).unwrap();
        write(&out, &content, &site(&base)).unwrap();
        let odd = dir
            .path()
            .join(".public.previous")
            .join(std::ffi::OsStr::from_bytes(b"\xff"));
        fs::create_dir_all(odd.join("inside")).unwrap();
        fs::write(odd.join("inside/index.html"), "?").unwrap();
        write(&out, &content, &site(&base)).unwrap();
        assert_eq!(names(&out), ["index.html", "sitemap.xml"]);
    }

    #[test]
    fn a_build_stopped_half_way_is_finished_by_the_next() {
        let (dir, out, content) = folders();
        let base = [("index.html", "1"), ("sitemap.xml", "")];
        write(&out, &content, &site(&base)).unwrap();
        write(&out, &content, &site(&base)).unwrap();
        let staging = dir.path().join(".public.staging");
        fs::create_dir_all(staging.join("half")).unwrap();
        fs::write(staging.join("half/index.html"), "<p>hal").unwrap();
        write(&out, &content, &site(&[("index.html", "2"), ("sitemap.xml", "")])).unwrap();
        assert_eq!(names(dir.path()), [".public.previous", "public"]);
        assert_eq!(names(&out), ["index.html", "sitemap.xml"]);
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "2");
    }

    #[test]
    fn a_stranger_in_the_previous_place_is_left_alone() {
        let (dir, out, content) = folders();
        let previous = dir.path().join(".public.previous");
        fs::create_dir(&previous).unwrap();
        fs::write(previous.join("letter.docx"), "mine").unwrap();
        let err = write(&out, &content, &site(&[("index.html", "1"), ("sitemap.xml", "")])).unwrap_err();
        assert!(matches!(err, WriteError::NotASite(p) if p == previous));
        assert_eq!(fs::read_to_string(previous.join("letter.docx")).unwrap(), "mine");
    }

    #[cfg(unix)]
    #[test]
    fn unchanged_files_are_linked_not_written_again() {
        use std::os::unix::fs::MetadataExt;
        let (_dir, out, content) = folders();
        let first = site(&[("index.html", "1"), ("sitemap.xml", ""), ("a/index.html", "same")]);
        write(&out, &content, &first).unwrap();
        let inode = fs::metadata(out.join("a/index.html")).unwrap().ino();
        let second = site(&[("index.html", "2"), ("sitemap.xml", ""), ("a/index.html", "same")]);
        write(&out, &content, &second).unwrap();
        assert_eq!(fs::metadata(out.join("a/index.html")).unwrap().ino(), inode);
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "same");
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "2");
    }

    #[test]
    fn leaves_other_folders_alone() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("documents");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("letter.docx"), "mine").unwrap();
        let err = write(&out, &dir.path().join("content"), &site(&[("index.html", "1")])).unwrap_err();
        assert!(matches!(err, WriteError::NotASite(_)));
        assert_eq!(fs::read_to_string(out.join("letter.docx")).unwrap(), "mine");
        let err = write(dir.path(), &dir.path().join("content"), &site(&[])).unwrap_err();
        assert!(matches!(err, WriteError::HoldsContent(_)));
    }
}
