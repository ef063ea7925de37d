//! `promise new`: a working starter site, made from the example content
//! compiled into the binary, so a council starts from something that builds.

use std::fs;
use std::path::Path;

use include_dir::{Dir, include_dir};

static EXAMPLE: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/content");

/// Writes the example site into `dir`, which must be empty or not exist yet.
/// Returns how many files were written.
pub fn new_site(dir: &Path) -> Result<usize, String> {
    if dir.exists() {
        let mut entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        if entries.next().is_some() {
            return Err(format!(
                "{} is not empty, and promise new never writes over files; choose a new folder name",
                dir.display()
            ));
        }
    }
    write_dir(&EXAMPLE, dir)
}

/// What the example has that a new site must not start with: the record of
/// what the example's leaflets printed (a new site has printed nothing),
/// and the editors' settings, made for this repository (`promise cms`
/// makes a site's own).
fn kept(path: &Path) -> bool {
    path != Path::new(crate::layout::PRINTED) && !path.starts_with(crate::layout::ADMIN)
}

fn write_dir(from: &Dir<'static>, to: &Path) -> Result<usize, String> {
    let mut count = 0;
    fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    for file in from.files().filter(|f| kept(f.path())) {
        let path = to.join(file.path().file_name().unwrap_or_default());
        fs::write(&path, file.contents()).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        count += 1;
    }
    for sub in from.dirs().filter(|d| kept(d.path())) {
        count += write_dir(sub, &to.join(sub.path().file_name().unwrap_or_default()))?;
    }
    Ok(count)
}
