//! Typeset leaflets kept between builds: typesetting is most of a build's
//! time, and most builds change one leaflet or none. A leaflet is named by
//! everything it is made from (its data, which holds its content and words,
//! the theme's template and fonts, the pictures, `[print]`, the date it
//! prints), so any change to those makes it again.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::jobs::Job;
use super::typeset::Typeset;
use crate::config::Print;
use crate::pictures::Pictures;
use crate::render::theme::Theme;
use crate::store::{Inputs, Key, Packed};

/// What every leaflet of a build is made from.
pub(super) fn shared(theme: &Theme, pictures: &Pictures, print: &Print, today: Date) -> Inputs {
    let mut inputs = Inputs::new("leaflet");
    for (name, file) in theme.folder("leaflet") {
        inputs.add(name.as_bytes()).add(&file.bytes);
    }
    for (path, bytes) in &pictures.files {
        inputs.add(path.as_bytes()).add(bytes);
    }
    inputs
        .add(format!("{print:?}").as_bytes())
        .add(today.to_string().as_bytes());
    inputs
}

/// The name of one leaflet: what they all share, and its own job.
pub(super) fn key(shared: &Inputs, job: &Job) -> Key {
    let mut inputs = shared.clone();
    inputs
        .add(job.file.as_bytes())
        .add(job.name.as_bytes())
        .add(format!("{:?} {:?}", job.pages, job.paper).as_bytes())
        .add(job.language.as_bytes())
        .add(job.data.to_string().as_bytes());
    inputs.key()
}

/// What is kept of a leaflet besides its two files.
#[derive(Serialize, Deserialize)]
pub(super) struct Facts {
    pages: usize,
    outside: Vec<(usize, String)>,
    data: Value,
}

impl Packed for Typeset {
    type Header = Facts;

    fn header(&self) -> Facts {
        Facts {
            pages: self.pages,
            outside: self.outside.clone(),
            data: self.data.clone(),
        }
    }

    fn blobs(&self) -> Vec<&[u8]> {
        vec![&self.pdf, &self.print_pdf]
    }

    fn unpacked(facts: Facts, blobs: Vec<Vec<u8>>) -> Option<Typeset> {
        let [pdf, print_pdf]: [Vec<u8>; 2] = blobs.try_into().ok()?;
        Some(Typeset {
            pdf,
            print_pdf,
            pages: facts.pages,
            outside: facts.outside,
            data: facts.data,
        })
    }
}
