//! What a build made and the next can use again (cleaned pictures, typeset
//! leaflets), kept under the SHA-256 of everything it was made from: in
//! memory for the preview, and also in a folder beside the output for
//! `build`. A thing whose inputs changed has another key, so it is made
//! again; what no build uses any more is pruned.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use serde::Serialize;
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};

/// The name of what was made from some inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key([u8; 32]);

/// Builds a [`Key`] from inputs given one at a time.
#[derive(Clone)]
pub struct Inputs(Sha256);

impl Inputs {
    /// The inputs of things of one `kind`, made by this build of promise: any
    /// change to its source may make them differently.
    pub fn new(kind: &str) -> Inputs {
        let mut inputs = Inputs(Sha256::new());
        inputs.add(kind.as_bytes()).add(env!("PROMISE_SOURCE").as_bytes());
        inputs
    }

    /// One more input. Each is counted with its length, so two inputs can
    /// never read as one.
    pub fn add(&mut self, bytes: &[u8]) -> &mut Inputs {
        self.0.update((bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
        self
    }

    pub fn key(&self) -> Key {
        Key(self.0.clone().finalize().into())
    }
}

impl Key {
    fn name(&self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// Where made things are kept.
#[derive(Debug, Default)]
pub struct Store {
    memory: Mutex<HashMap<Key, Arc<Vec<u8>>>>,
    folder: Option<PathBuf>,
    /// What has been asked for since the last prune.
    used: Mutex<HashSet<Key>>,
    /// How many things were made, not found, since [`Store::take_made`].
    made: AtomicUsize,
}

impl Store {
    /// A store in memory only.
    pub fn in_memory() -> Store {
        Store::default()
    }

    /// A store in memory and in `folder`, which is made when first needed.
    pub fn in_folder(folder: &Path) -> Store {
        Store {
            folder: Some(folder.to_path_buf()),
            ..Store::default()
        }
    }

    /// The thing made from the inputs `key` names: kept, or made now by
    /// `make` and kept. `T` goes to the store as a header and blobs
    /// ([`Packed`]).
    pub fn get_or_make<T: Packed, E>(&self, key: Key, make: impl FnOnce() -> Result<T, E>) -> Result<T, E> {
        if let Ok(mut used) = self.used.lock() {
            used.insert(key);
        }
        if let Some(found) = self.find(key).and_then(|bytes| unpack(&bytes)) {
            return Ok(found);
        }
        let made = make()?;
        self.made.fetch_add(1, Ordering::Relaxed);
        let bytes = Arc::new(pack(&made));
        if let Some(folder) = &self.folder {
            // A store that cannot be written only makes the next build slower.
            let _ = write(&folder.join(key.name()), &bytes);
        }
        if let Ok(mut memory) = self.memory.lock() {
            memory.insert(key, bytes);
        }
        Ok(made)
    }

    /// How many things were made since this was last asked, not found.
    pub fn take_made(&self) -> usize {
        self.made.swap(0, Ordering::Relaxed)
    }

    fn find(&self, key: Key) -> Option<Arc<Vec<u8>>> {
        if let Some(found) = self.memory.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return Some(found);
        }
        let bytes = Arc::new(std::fs::read(self.folder.as_ref()?.join(key.name())).ok()?);
        if let Ok(mut memory) = self.memory.lock() {
            memory.insert(key, Arc::clone(&bytes));
        }
        Some(bytes)
    }

    /// Forgets what nothing has asked for since the last prune: old
    /// versions of things since changed or deleted. Called after a build
    /// that succeeded, so a failed one never costs the next its store.
    pub fn prune(&self) {
        let Ok(mut used) = self.used.lock() else { return };
        if let Ok(mut memory) = self.memory.lock() {
            memory.retain(|key, _| used.contains(key));
        }
        if let Some(folder) = &self.folder
            && let Ok(entries) = std::fs::read_dir(folder)
        {
            let names: HashSet<String> = used.iter().map(Key::name).collect();
            for entry in entries.filter_map(Result::ok) {
                if !names.contains(entry.file_name().to_string_lossy().as_ref()) {
                    // Another build may be using it at the same moment; a
                    // file left behind is removed next time.
                    let _ = std::fs::remove_file(entry.path());
                }
            }
        }
        used.clear();
    }
}

/// A thing the store can keep: a header of small facts, and its files.
pub trait Packed: Sized {
    type Header: Serialize + DeserializeOwned;
    fn header(&self) -> Self::Header;
    fn blobs(&self) -> Vec<&[u8]>;
    /// The thing again from its header and blobs; `None` if they do not fit.
    fn unpacked(header: Self::Header, blobs: Vec<Vec<u8>>) -> Option<Self>;
}

/// The header as a line of JSON with each blob's length, then the blobs.
fn pack<T: Packed>(thing: &T) -> Vec<u8> {
    let blobs = thing.blobs();
    let lengths: Vec<usize> = blobs.iter().map(|b| b.len()).collect();
    let mut bytes = serde_json::to_vec(&(thing.header(), lengths)).unwrap_or_default();
    bytes.push(b'\n');
    for blob in blobs {
        bytes.extend_from_slice(blob);
    }
    bytes
}

fn unpack<T: Packed>(bytes: &[u8]) -> Option<T> {
    let newline = bytes.iter().position(|b| *b == b'\n')?;
    let (header, lengths): (T::Header, Vec<usize>) = serde_json::from_slice(&bytes[..newline]).ok()?;
    let mut rest = &bytes[newline + 1..];
    let mut blobs = Vec::with_capacity(lengths.len());
    for len in lengths {
        let (blob, after) = rest.split_at_checked(len)?;
        blobs.push(blob.to_vec());
        rest = after;
    }
    if !rest.is_empty() {
        return None;
    }
    T::unpacked(header, blobs)
}

fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder)?;
    }
    // Written whole and then renamed, so a build that stops half-way, or
    // another build at the same time, never leaves half a file.
    let partial = path.with_extension(format!("{}.partial", std::process::id()));
    std::fs::write(&partial, bytes)?;
    std::fs::rename(&partial, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, PartialEq)]
    struct Made {
        note: String,
        files: Vec<Vec<u8>>,
    }

    impl Packed for Made {
        type Header = String;
        fn header(&self) -> String {
            self.note.clone()
        }
        fn blobs(&self) -> Vec<&[u8]> {
            self.files.iter().map(Vec::as_slice).collect()
        }
        fn unpacked(note: String, files: Vec<Vec<u8>>) -> Option<Made> {
            Some(Made { note, files })
        }
    }

    fn key(input: &str) -> Key {
        Inputs::new("test").add(input.as_bytes()).key()
    }

    fn made() -> Result<Made, ()> {
        Ok(Made {
            note: "a\nb".into(),
            files: vec![vec![1, 2], vec![], vec![b'\n']],
        })
    }

    #[test]
    fn a_thing_is_made_once_and_read_back_whole() {
        let dir = tempfile::tempdir().unwrap();
        let first = Store::in_folder(dir.path());
        let a = first.get_or_make(key("x"), made).unwrap();
        let second = Store::in_folder(dir.path());
        let b = second
            .get_or_make(key("x"), || -> Result<Made, ()> {
                unreachable!("read from the folder")
            })
            .unwrap();
        assert_eq!(a, b);
        let memory = Store::in_memory();
        memory.get_or_make(key("x"), made).unwrap();
        let c = memory
            .get_or_make(key("x"), || -> Result<Made, ()> { unreachable!("kept in memory") })
            .unwrap();
        assert_eq!(c, a);
    }

    #[test]
    fn inputs_are_told_apart_however_they_are_split() {
        let ab = Inputs::new("test").add(b"ab").add(b"").key();
        let a_b = Inputs::new("test").add(b"a").add(b"b").key();
        assert_ne!(ab, a_b);
        assert_ne!(Inputs::new("one").key(), Inputs::new("two").key());
    }

    #[test]
    fn what_no_build_uses_is_pruned_from_the_folder_and_memory() {
        let dir = tempfile::tempdir().unwrap();
        let first = Store::in_folder(dir.path());
        first.get_or_make(key("old"), made).unwrap();
        first.prune();
        first.get_or_make(key("new"), made).unwrap();
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
        first.prune();
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        assert_eq!(first.memory.lock().unwrap().len(), 1);
        let again = Store::in_folder(dir.path());
        again
            .get_or_make(key("new"), || -> Result<Made, ()> {
                unreachable!("kept in the folder")
            })
            .unwrap();
    }

    #[test]
    fn a_damaged_file_is_made_again() {
        let dir = tempfile::tempdir().unwrap();
        Store::in_folder(dir.path()).get_or_make(key("x"), made).unwrap();
        let file = dir.path().join(key("x").name());
        let bytes = std::fs::read(&file).unwrap();
        std::fs::write(&file, &bytes[..bytes.len() - 1]).unwrap();
        let again = Store::in_folder(dir.path()).get_or_make(key("x"), made).unwrap();
        assert_eq!(again, made().unwrap());
    }
}
