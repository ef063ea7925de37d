//! Write: the only stage that touches the output folder. It writes the whole
//! site into a staging folder beside it, then swaps the two, so a build that
//! fails half-way leaves the published site exactly as it was.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Files of a built site by their path inside the output folder, in a fixed
/// order so every build writes the same bytes.
pub type Outputs = BTreeMap<String, Vec<u8>>;

/// Why the output folder could not be written.
#[derive(Debug)]
pub enum WriteError {
    /// The folder holds files that do not look like a built site.
    NotASite(PathBuf),
    /// The folder is the content folder or holds it.
    HoldsContent(PathBuf),
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
            WriteError::Io(p, e) => write!(f, "cannot write {}: {e}", p.display()),
        }
    }
}

/// Replaces `out` with exactly `outputs`.
pub fn write(out: &Path, content: &Path, outputs: &Outputs) -> Result<(), WriteError> {
    check_target(out, content)?;
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let io = |p: &Path| {
        let p = p.to_path_buf();
        move |e| WriteError::Io(p, e)
    };
    fs::create_dir_all(&parent).map_err(io(&parent))?;
    let staging = parent.join(format!(".{name}.staging"));
    let old = parent.join(format!(".{name}.old"));
    for leftover in [&staging, &old] {
        if leftover.exists() {
            fs::remove_dir_all(leftover).map_err(io(leftover))?;
        }
    }
    // Every folder once (a sorted set puts parents first), then the files.
    // One at a time: on this kind of disk, parallel writes only queue up in
    // the file system and cost more than they save.
    let mut folders: BTreeSet<PathBuf> = BTreeSet::new();
    for file in outputs.keys() {
        let mut dir = Path::new(file).parent();
        while let Some(d) = dir.filter(|d| !d.as_os_str().is_empty()) {
            if !folders.insert(d.to_path_buf()) {
                break;
            }
            dir = d.parent();
        }
    }
    fs::create_dir(&staging).map_err(io(&staging))?;
    for d in &folders {
        let dir = staging.join(d);
        fs::create_dir(&dir).map_err(io(&dir))?;
    }
    for (file, bytes) in outputs {
        let path = staging.join(file);
        // A file the previous build already has, byte for byte, is linked
        // rather than written again: no new data, and deleting the previous
        // build later frees nothing.
        let before = out.join(file);
        let same = fs::read(&before).is_ok_and(|old| old == *bytes);
        if !(same && fs::hard_link(&before, &path).is_ok()) {
            fs::write(&path, bytes).map_err(io(&path))?;
        }
    }
    if out.exists() {
        fs::rename(out, &old).map_err(io(out))?;
    }
    if let Err(e) = fs::rename(&staging, out) {
        // Put the previous site back before giving up.
        let _ = fs::rename(&old, out);
        return Err(WriteError::Io(out.to_path_buf(), e));
    }
    if old.exists() {
        fs::remove_dir_all(&old).map_err(io(&old))?;
    }
    Ok(())
}

/// Refuses to replace a folder that would lose someone's work.
fn check_target(out: &Path, content: &Path) -> Result<(), WriteError> {
    let absolute = |p: &Path| fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    if out.exists() && absolute(content).starts_with(absolute(out)) {
        return Err(WriteError::HoldsContent(out.to_path_buf()));
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

    #[test]
    fn replaces_a_previous_build_whole() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let content = dir.path().join("content");
        write(
            &out,
            &content,
            &site(&[("index.html", "1"), ("sitemap.xml", ""), ("old/index.html", "x")]),
        )
        .unwrap();
        write(&out, &content, &site(&[("index.html", "2"), ("sitemap.xml", "")])).unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "2");
        assert!(!out.join("old").exists());
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["public"], "no staging folder is left behind");
    }

    #[cfg(unix)]
    #[test]
    fn unchanged_files_are_linked_not_written_again() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let content = dir.path().join("content");
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
