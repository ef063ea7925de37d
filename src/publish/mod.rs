//! Keeping the site working once it is online: what a web host reads beside
//! the pages (the headers every answer carries, with the pages' own
//! Content-Security-Policy made stricter, and how long a browser may keep
//! each file), old addresses that lead on to where their pages are now,
//! and the record of every address a printed leaflet points at.

mod hosts;
pub mod policy;
pub mod printed;
pub mod redirects;

pub use hosts::{files, root_path};
