//! Translations kept true to their originals: `promise translations mark`
//! records, in each translation, the words of the original it says;
//! `promise translations status` says where each language stands; and
//! `export` and `import` carry a language to a translation agency and back
//! as XLIFF 2.0, the file its tools open. (Reading the record is the
//! content's own business: a translation whose original has changed since
//! is `translation-stale` in `check`.)

mod export;
mod front;
mod import;
mod inline;
mod mark;
mod status;
mod xliff;

pub use export::export;
pub use import::{Imported, import};
pub use mark::mark;
pub use status::{Status, status};
pub use xliff::{Document, Unreadable, read, write};
