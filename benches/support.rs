//! What the benchmarks share: a copy of the example site to change.

use std::path::Path;

/// Copies the folder `from` (such as the example content) to `to`.
pub fn copy(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).into_iter().filter_map(Result::ok) {
        let target = to.join(entry.path().strip_prefix(from).unwrap_or(entry.path()));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("a folder");
        } else {
            std::fs::copy(entry.path(), &target).expect("a file");
        }
    }
}
