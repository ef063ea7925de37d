//! The two files made from each leaflet's typesetting: the reader's, the
//! tagged PDF/UA-1 file typst writes, with working links; and the print
//! shop's, made PDF/X-4 as print shops ask for: the print condition it was
//! made for (an OutputIntent with its CMYK profile), the metadata a
//! preflight reads, black that overprints, and the pages prepared for the
//! press (see `press`).
//!
//! Typst cannot write PDF/X yet, so this edits its output with lopdf.

use jiff::civil::Date;
use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat, dictionary};
use xmp_writer::{DateTime, LangId, RenditionClass, Timezone, XmpWriter};

/// The profile of the print condition, made by `profile/make.sh`.
const PROFILE: &[u8] = include_bytes!("profile/fogra39.icc");
/// The print condition's name in the ICC registry of characterisations.
pub const CONDITION: &str = "FOGRA39";
/// What a preflight shows as the print condition.
pub const CONDITION_INFO: &str = "Coated FOGRA39 (ISO 12647-2:2004)";
pub const VERSION: &str = "PDF/X-4";

/// The graphics state for each pair of (fill is 100% black, stroke is 100%
/// black): black overprints, every other colour knocks out as usual.
const STATES: [(bool, bool, &str); 4] = [
    (true, true, "PromiseBlackFillStroke"),
    (true, false, "PromiseBlackFill"),
    (false, true, "PromiseBlackStroke"),
    (false, false, "PromiseKnockout"),
];

/// What the metadata says about a leaflet.
pub struct About<'a> {
    pub title: &'a str,
    pub author: &'a str,
    /// Its language tag, such as `en-GB`.
    pub language: &'a str,
    /// The day it was made: the same day gives the same file.
    pub date: Date,
}

/// The reader's file: `pdf`, typst's PDF/UA-1 file, with its QR codes
/// tagged, its metadata, and its pages shown at their trimmed size.
pub fn reader(pdf: &[u8], about: &About) -> Result<Vec<u8>, lopdf::Error> {
    let mut doc = Document::load_mem(pdf)?;
    super::qr_tag::tag_codes(&mut doc)?;
    let ids = trailer_ids(&doc);
    info(&mut doc, about, false)?;
    metadata(&mut doc, about, &ids, false)?;
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    for page in pages {
        let page = doc.get_dictionary_mut(page)?;
        if let Ok(trim) = page.get(b"TrimBox").cloned() {
            page.set("CropBox", trim);
        }
        if let Ok(media) = page.get(b"MediaBox").cloned() {
            page.set("BleedBox", media);
        }
    }
    save(&mut doc, pdf.len())
}

/// The print shop's file: `pdf`, typst's PDF, made PDF/X-4 and ready for
/// the press.
pub fn print(pdf: &[u8], about: &About, press: &super::press::Press) -> Result<Vec<u8>, lopdf::Error> {
    let mut doc = Document::load_mem(pdf)?;
    super::press::prepare(&mut doc, press)?;
    output_intent(&mut doc)?;
    let ids = trailer_ids(&doc);
    info(&mut doc, about, true)?;
    metadata(&mut doc, about, &ids, true)?;
    overprint_black(&mut doc)?;
    save(&mut doc, pdf.len() + PROFILE.len())
}

fn save(doc: &mut Document, size: usize) -> Result<Vec<u8>, lopdf::Error> {
    let mut out = Vec::with_capacity(size);
    doc.save_to(&mut out)?;
    Ok(out)
}

/// Says the leaflet is made for offset printing on coated paper, with the
/// profile of that condition inside the file.
fn output_intent(doc: &mut Document) -> Result<(), lopdf::Error> {
    let mut profile = Stream::new(dictionary! { "N" => 4 }, PROFILE.to_vec());
    profile.compress()?;
    let profile = doc.add_object(profile);
    let intent = dictionary! {
        "Type" => "OutputIntent",
        "S" => "GTS_PDFX",
        "OutputConditionIdentifier" => Object::string_literal(CONDITION),
        "OutputCondition" => Object::string_literal("Offset printing on coated paper, ISO 12647-2"),
        "RegistryName" => Object::string_literal("http://www.color.org"),
        "Info" => Object::string_literal(CONDITION_INFO),
        "DestOutputProfile" => profile,
    };
    doc.catalog_mut()?
        .set("OutputIntents", vec![Object::Dictionary(intent)]);
    Ok(())
}

/// The file's two identifiers, as hexadecimal.
fn trailer_ids(doc: &Document) -> [String; 2] {
    let id = |i: usize| {
        doc.trailer
            .get(b"ID")
            .and_then(Object::as_array)
            .ok()
            .and_then(|ids| ids.get(i))
            .and_then(|id| id.as_str().ok())
            .map(|bytes| bytes.iter().map(|b| format!("{b:02x}")).collect())
            .unwrap_or_default()
    };
    [id(0), id(1)]
}

/// The document information a preflight reads: what made it, when, that
/// no trapping was done (the print shop may trap) and, for the print
/// shop's file, which PDF/X it is.
fn info(doc: &mut Document, about: &About, pdf_x: bool) -> Result<(), lopdf::Error> {
    let date = format!(
        "D:{:04}{:02}{:02}000000Z",
        about.date.year(),
        about.date.month(),
        about.date.day()
    );
    let info = match doc.trailer.get(b"Info").and_then(Object::as_reference) {
        Ok(id) => id,
        Err(_) => {
            let id = doc.add_object(Dictionary::new());
            doc.trailer.set("Info", id);
            id
        }
    };
    let info = doc.get_dictionary_mut(info)?;
    info.set("Trapped", Object::Name(b"False".to_vec()));
    if pdf_x {
        info.set("GTS_PDFXVersion", Object::string_literal(VERSION));
    }
    info.set(
        "CreationDate",
        Object::String(date.clone().into_bytes(), StringFormat::Literal),
    );
    info.set("ModDate", Object::String(date.into_bytes(), StringFormat::Literal));
    info.set("Producer", Object::string_literal("promise"));
    // The same tool as the metadata's CreatorTool says.
    info.set("Creator", Object::string_literal("promise"));
    Ok(())
}

/// The XMP metadata, which must say the same as the document information
/// and claim the file's standard: PDF/X-4 for the print shop's file,
/// PDF/UA-1 for the reader's.
fn metadata(
    doc: &mut Document,
    about: &About,
    [document, instance]: &[String; 2],
    pdf_x: bool,
) -> Result<(), lopdf::Error> {
    let date = DateTime {
        year: u16::try_from(about.date.year()).unwrap_or_default(),
        month: u8::try_from(about.date.month()).ok(),
        day: u8::try_from(about.date.day()).ok(),
        hour: Some(0),
        minute: Some(0),
        second: Some(0),
        timezone: Some(Timezone::Utc),
    };
    let document_id = format!("xmp.did:{document}");
    let instance_id = format!("xmp.iid:{instance}");
    let pages = u32::try_from(doc.get_pages().len()).unwrap_or_default();
    let mut xmp = XmpWriter::new();
    xmp.title([(Some(LangId("x-default")), about.title)])
        .creator([about.author])
        .language([LangId(about.language)])
        .format("application/pdf")
        .create_date(date)
        .modify_date(date)
        .metadata_date(date)
        .creator_tool("promise")
        .producer("promise")
        .document_id(&document_id)
        .instance_id(&instance_id)
        .version_id("1")
        .rendition_class(RenditionClass::Default)
        .trapped(false)
        .num_pages(pages)
        .pdf_version("1.7");
    if pdf_x {
        xmp.pdfx_version(VERSION);
    } else {
        xmp.pdfua_part(1);
    }
    let packet = xmp.finish(None).into_bytes();
    let id = doc.catalog()?.get(b"Metadata").and_then(Object::as_reference);
    let stream = dictionary! { "Type" => "Metadata", "Subtype" => "XML" };
    match id {
        Ok(id) => *doc.get_object_mut(id)? = Object::Stream(Stream::new(stream, packet)),
        Err(_) => {
            let id = doc.add_object(Stream::new(stream, packet));
            doc.catalog_mut()?.set("Metadata", id);
        }
    }
    Ok(())
}

/// Sets text, rules and shapes in 100% black to overprint, so that a tint
/// printed slightly out of register never shows a white edge around small
/// type or the QR code; every other colour knocks out as usual.
fn overprint_black(doc: &mut Document) -> Result<(), lopdf::Error> {
    let mut states = Dictionary::new();
    for (fill, stroke, name) in STATES {
        let state = dictionary! { "Type" => "ExtGState", "op" => fill, "OP" => stroke, "OPM" => 1 };
        states.set(name, doc.add_object(state));
    }
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    for page in pages {
        let content = Content::decode(&doc.get_page_content(page))?;
        doc.change_page_content(page, with_overprint(content).encode()?)?;
        add_states(doc, page, &states)?;
    }
    Ok(())
}

/// The content with the graphics state that matches its colours after each
/// change of colour. q and Q save and restore colours and state together.
fn with_overprint(content: Content) -> Content {
    let mut operations = Vec::with_capacity(content.operations.len());
    let (mut black, mut saved) = ((false, false), Vec::new());
    for operation in content.operations {
        match operation.operator.as_str() {
            "q" => saved.push(black),
            "Q" => black = saved.pop().unwrap_or_default(),
            "k" => black.0 = is_black(&operation.operands),
            "g" | "rg" | "sc" | "scn" | "cs" => black.0 = false,
            "K" => black.1 = is_black(&operation.operands),
            "G" | "RG" | "SC" | "SCN" | "CS" => black.1 = false,
            _ => {}
        }
        let colour = matches!(
            operation.operator.as_str(),
            "k" | "g" | "rg" | "sc" | "scn" | "cs" | "K" | "G" | "RG" | "SC" | "SCN" | "CS"
        );
        operations.push(operation);
        if colour && let Some((_, _, name)) = STATES.iter().find(|(f, s, _)| (*f, *s) == black) {
            operations.push(Operation::new("gs", vec![Object::Name(name.as_bytes().to_vec())]));
        }
    }
    Content { operations }
}

/// Whether CMYK operands are 0 0 0 1.
fn is_black(operands: &[Object]) -> bool {
    let values: Vec<f32> = operands.iter().filter_map(|o| o.as_float().ok()).collect();
    values == [0.0, 0.0, 0.0, 1.0]
}

/// Adds the graphics states to the page's resources.
fn add_states(doc: &mut Document, page: ObjectId, states: &Dictionary) -> Result<(), lopdf::Error> {
    let resources = doc.get_or_create_resources(page)?.as_dict_mut()?;
    if !resources.has(b"ExtGState") {
        resources.set("ExtGState", Dictionary::new());
    }
    let target = match resources.get(b"ExtGState")?.as_reference() {
        Ok(id) => doc.get_dictionary_mut(id)?,
        Err(_) => doc
            .get_or_create_resources(page)?
            .as_dict_mut()?
            .get_mut(b"ExtGState")?
            .as_dict_mut()?,
    };
    for (name, value) in states {
        target.set(name.clone(), value.clone());
    }
    Ok(())
}
