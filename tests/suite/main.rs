//! The whole-program tests: each module runs the `promise` binary on a site
//! and reads what it wrote. They are one test binary, not one per file, so a
//! fresh checkout's test build stays small enough for a CI machine's disk.

mod common;

mod check;
mod cli;
mod cms;
mod errors;
mod events;
mod finder;
mod fuzz;
mod hostile;
mod install;
mod layers;
mod leaflets;
mod lists;
mod newsletter;
mod pictures;
mod png_bomb;
mod previews;
mod publish;
mod schedule;
mod serve;
mod site;
mod site_words;
mod strings;
mod translations;
mod views;
mod writing;
mod xliff;
