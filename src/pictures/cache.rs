//! Cleaned pictures kept between builds, keyed by the picture's bytes, so a
//! rebuild does not decode and encode them again. The preview keeps them in
//! memory; `build` also keeps them in a folder beside the output.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use image::ImageFormat;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::Cleaned;
use crate::diagnostics::Diagnostic;

/// Changes whenever the way pictures are cleaned changes, so older copies
/// are not used.
const VERSION: &[u8] = b"promise pictures 1";

/// Where cleaned pictures are kept.
#[derive(Debug, Default)]
pub struct Cache {
    memory: Mutex<HashMap<[u8; 32], Arc<Cleaned>>>,
    folder: Option<PathBuf>,
    /// The files of the folder this run has used.
    used: Mutex<std::collections::HashSet<String>>,
}

/// What is written before a cached picture's files.
#[derive(Serialize, Deserialize)]
struct Header {
    size: Option<(u32, u32)>,
    gps: bool,
    /// Each file's width and length in bytes, in order.
    files: Vec<(u32, usize)>,
}

impl Cache {
    /// A cache in memory only.
    pub fn in_memory() -> Cache {
        Cache::default()
    }

    /// A cache in memory and in `folder`, which is made when first needed.
    pub fn in_folder(folder: &Path) -> Cache {
        Cache {
            folder: Some(folder.to_path_buf()),
            ..Cache::default()
        }
    }

    /// The cleaned picture for `bytes`, from the cache or made by `make`.
    pub(super) fn get_or_make(
        &self,
        bytes: &[u8],
        format: ImageFormat,
        make: impl FnOnce() -> Result<Cleaned, Diagnostic>,
    ) -> Result<Cleaned, Diagnostic> {
        let mut hasher = Sha256::new();
        hasher.update(VERSION);
        hasher.update(format.extensions_str().first().copied().unwrap_or_default());
        hasher.update(bytes);
        let key: [u8; 32] = hasher.finalize().into();
        if let Some(found) = self.memory.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return Ok((*found).clone());
        }
        if let Ok(mut used) = self.used.lock() {
            used.insert(hex(&key));
        }
        let path = self.folder.as_ref().map(|f| f.join(hex(&key)));
        let cleaned = match path.as_deref().and_then(read) {
            Some(found) => found,
            None => {
                let made = make()?;
                if let Some(path) = &path {
                    // A cache that cannot be written only makes the next
                    // build slower.
                    let _ = write(path, &made);
                }
                made
            }
        };
        if let Ok(mut memory) = self.memory.lock() {
            memory.insert(key, Arc::new(cleaned.clone()));
        }
        Ok(cleaned)
    }
}

impl Cache {
    /// Removes the pictures of the folder that this run did not use: old
    /// versions of pictures since changed or deleted. Called after a build
    /// that succeeded, so a failed one never costs the next its cache.
    pub fn prune(&self) {
        let (Some(folder), Ok(used)) = (&self.folder, self.used.lock()) else {
            return;
        };
        let Ok(entries) = std::fs::read_dir(folder) else { return };
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !used.contains(&name) {
                // Another build may be using it at the same moment; a file
                // left behind is removed next time.
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

fn hex(key: &[u8]) -> String {
    key.iter().map(|b| format!("{b:02x}")).collect()
}

fn read(path: &Path) -> Option<Cleaned> {
    let bytes = std::fs::read(path).ok()?;
    let newline = bytes.iter().position(|b| *b == b'\n')?;
    let header: Header = serde_json::from_slice(&bytes[..newline]).ok()?;
    let mut rest = &bytes[newline + 1..];
    let mut files = Vec::new();
    for (width, len) in header.files {
        let (file, after) = rest.split_at_checked(len)?;
        files.push((width, Arc::new(file.to_vec())));
        rest = after;
    }
    rest.is_empty().then_some(Cleaned {
        size: header.size,
        files,
        gps: header.gps,
    })
}

fn write(path: &Path, cleaned: &Cleaned) -> std::io::Result<()> {
    let header = Header {
        size: cleaned.size,
        gps: cleaned.gps,
        files: cleaned.files.iter().map(|(w, b)| (*w, b.len())).collect(),
    };
    let mut bytes = serde_json::to_vec(&header)?;
    bytes.push(b'\n');
    for (_, file) in &cleaned.files {
        bytes.extend_from_slice(file);
    }
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder)?;
    }
    // Written whole and then renamed, so a build that stops half-way, or
    // another build at the same time, never leaves half a picture.
    let partial = path.with_extension(format!("{}.partial", std::process::id()));
    std::fs::write(&partial, bytes)?;
    std::fs::rename(&partial, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_picture_is_made_once_and_read_back_whole() {
        let dir = tempfile::tempdir().unwrap();
        let made = || {
            Ok(Cleaned {
                size: Some((2, 1)),
                files: vec![(1, Arc::new(vec![1, 2])), (2, Arc::new(vec![3]))],
                gps: true,
            })
        };
        let first = Cache::in_folder(dir.path());
        let a = first.get_or_make(b"x", ImageFormat::Png, made).unwrap();
        let second = Cache::in_folder(dir.path());
        let b = second
            .get_or_make(b"x", ImageFormat::Png, || unreachable!("read from the folder"))
            .unwrap();
        assert_eq!((a.size, a.gps, a.files.clone()), (b.size, b.gps, b.files));
        let c = first
            .get_or_make(b"x", ImageFormat::Png, || unreachable!("kept in memory"))
            .unwrap();
        assert_eq!(c.files, a.files);
    }

    #[test]
    fn pictures_no_longer_used_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let made = || {
            Ok(Cleaned {
                size: None,
                files: vec![(1, Arc::new(vec![1]))],
                gps: false,
            })
        };
        let first = Cache::in_folder(dir.path());
        first.get_or_make(b"old", ImageFormat::Png, made).unwrap();
        let second = Cache::in_folder(dir.path());
        second.get_or_make(b"new", ImageFormat::Png, made).unwrap();
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
        second.prune();
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        let third = Cache::in_folder(dir.path());
        third
            .get_or_make(b"new", ImageFormat::Png, || unreachable!("kept in the folder"))
            .unwrap();
    }
}
