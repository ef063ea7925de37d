//! Translations kept true to their originals: `promise translations mark`
//! records, in each translation, the words of the original it says, and
//! `promise translations status` says where each language stands.
//! (Reading that record is the content's own business: a translation whose
//! original has changed since is `translation-stale` in `check`.)

mod mark;
mod status;

pub use mark::mark;
pub use status::{Status, status};
