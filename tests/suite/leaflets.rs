//! The print leaflets, read back as a print shop and a phone would.

use crate::common;

use lopdf::{Document, Object};
use promise::render::theme::Theme;
use promise::{Options, content, print, render_site};

const MM: f32 = 72.0 / 25.4;

fn leaflet(outputs: &promise::layout::Outputs, file: &str) -> Document {
    Document::load_mem(outputs.get(file).unwrap_or_else(|| panic!("{file} was not written"))).unwrap()
}

/// The example site's model and theme.
fn loaded() -> (content::Site, Theme) {
    let theme = Theme::load(&common::example()).0;
    let names = theme.icon_names();
    let (site, _) = content::load(&common::example(), None, &names, jiff::Zoned::now().date()).unwrap();
    (site, theme)
}

/// The typeset pages of one leaflet of `site`, before they become a PDF.
fn typeset(site: &content::Site, theme: &Theme, file: &str) -> typst_layout::PagedDocument {
    let made = print::document(site, theme, &Default::default(), file, jiff::Zoned::now().date());
    made.expect("the leaflet is made").expect("the leaflet typesets")
}

fn numbers(object: &Object) -> Vec<f32> {
    object
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_float().unwrap())
        .collect()
}

/// The leaflets built: the print shop's files, and the readers'.
fn print_and_read(outputs: &promise::layout::Outputs) -> (Vec<&String>, Vec<&String>) {
    outputs
        .keys()
        .filter(|f| f.ends_with(".pdf"))
        .partition(|f| f.contains("/print/"))
}

fn close(a: f32, b: f32) -> bool {
    (a - b).abs() < 0.05
}

#[test]
fn leaflets_are_a5_with_bleed_trim_and_whole_booklets() {
    let built = render_site(&common::example(), &Options::default()).unwrap();
    for file in [
        "leaflets/0-11.pdf",
        "leaflets/12-15.pdf",
        "leaflets/16-25.pdf",
        "leaflets/local-offer.pdf",
    ] {
        let pdf = leaflet(&built.outputs, file);
        let pages = pdf.get_pages();
        assert_eq!(pages.len() % 4, 0, "{file} has {} pages", pages.len());
        for id in pages.values() {
            let page = pdf.get_dictionary(*id).unwrap();
            let media = numbers(page.get(b"MediaBox").unwrap());
            let trim = numbers(page.get(b"TrimBox").unwrap());
            assert!(
                close(media[2] - media[0], 154.0 * MM) && close(media[3] - media[1], 216.0 * MM),
                "{file}: {media:?}"
            );
            assert!(
                close(trim[2] - trim[0], 148.0 * MM) && close(trim[3] - trim[1], 210.0 * MM),
                "{file}: {trim:?}"
            );
            assert!(close(trim[0] - media[0], 3.0 * MM), "{file}: 3 mm of bleed");
        }
    }
}

#[test]
fn fonts_are_embedded_and_the_pdf_is_tagged() {
    let built = render_site(&common::example(), &Options::default()).unwrap();
    let pdf = leaflet(&built.outputs, "leaflets/0-11.pdf");
    let mut fonts = 0;
    for object in pdf.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        if dict.get(b"Type").and_then(Object::as_name).ok() == Some(&b"FontDescriptor"[..]) {
            fonts += 1;
            let embedded = [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
                .iter()
                .any(|k| dict.has(k));
            assert!(embedded, "a font is not embedded: {dict:?}");
        }
    }
    assert!(fonts >= 1);
    let catalog = pdf.catalog().unwrap();
    assert!(catalog.has(b"StructTreeRoot"), "the leaflet is tagged");
    assert_eq!(catalog.get(b"Lang").and_then(Object::as_str).unwrap(), b"en-GB");
    let marked = catalog.get(b"MarkInfo").and_then(Object::as_dict).unwrap();
    assert!(marked.get(b"Marked").and_then(Object::as_bool).unwrap());
}

#[test]
fn every_promise_of_the_band_is_in_its_leaflet() {
    let built = render_site(&common::example(), &Options::default()).unwrap();
    let pdf = leaflet(&built.outputs, "leaflets/12-15.pdf");
    let pages: Vec<u32> = pdf.get_pages().into_keys().collect();
    let text = pdf.extract_text(&pages).unwrap();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let (site, _) = loaded();
    let mut count = 0;
    for page in site.band_pages("12-15") {
        for promise in &page.promises {
            assert!(
                text.contains(&promise.text),
                "{:?} is not in the leaflet:\n{text}",
                promise.text
            );
            count += 1;
        }
    }
    assert_eq!(count, 22);
}

/// The QR codes on the cover of a leaflet, rendered at 4 pixels a point:
/// what each says, and how wide it is in millimetres.
fn cover_codes(file: &str) -> Vec<(String, f32)> {
    let (site, theme) = loaded();
    let document = typeset(&site, &theme, file);
    codes(&document.pages()[0], 4.0)
}

/// The QR codes on a typeset page, rendered at `pixels` a point: what each
/// says, and how wide it is in millimetres.
pub fn codes(page: &typst_layout::Page, pixels: f32) -> Vec<(String, f32)> {
    let options = typst_render::RenderOptions {
        pixel_per_pt: typst::utils::Scalar::new(f64::from(pixels)),
        ..Default::default()
    };
    let pixmap = typst_render::render(page, &options);
    let (width, height) = (pixmap.width() as usize, pixmap.height() as usize);
    let data = pixmap.data();
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| {
        let i = (y * width + x) * 4;
        let [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
        // Transparent is paper: white.
        let luma = (u32::from(r) * 3 + u32::from(g) * 6 + u32::from(b)) / 10;
        (luma + (255 - u32::from(a))).min(255) as u8
    });
    image
        .detect_grids()
        .iter()
        .map(|grid| {
            let (_, text) = grid.decode().unwrap();
            let [a, b, _, _] = grid.bounds;
            let across = (((b.x - a.x).pow(2) + (b.y - a.y).pow(2)) as f32).sqrt();
            (text, across / pixels / MM)
        })
        .collect()
}

#[test]
fn the_qr_code_scans_to_the_band_page() {
    let codes = cover_codes("leaflets/0-11.pdf");
    assert_eq!(codes.len(), 1, "one QR code on the cover");
    assert_eq!(codes[0].0, "https://promise.westmere.example/0-11/");
    let offer = cover_codes("leaflets/local-offer.pdf");
    assert_eq!(offer[0].0, "https://promise.westmere.example/local-offer/");
}

#[test]
fn the_qr_code_is_at_least_25_mm_without_its_quiet_zone() {
    let codes = cover_codes("leaflets/16-25.pdf");
    let mm = codes[0].1;
    assert!((25.0..26.5).contains(&mm), "the code is {mm:.1} mm wide");
}

#[test]
fn typst_markup_in_a_promise_is_printed_as_written() {
    let dir = common::copy_of_example();
    let content = dir.path().join("content");
    let promise = r"We will pay #1 and $5 for 2*3 = 6 snake_case things, ask @council <soon> [today] at C:\path.";
    std::fs::write(
        content.join("promises/0-11/symbols.md"),
        format!("---\ntitle: Symbols\nsummary: Odd characters\nicon: star\n---\n- {promise}\n"),
    )
    .unwrap();
    let built = render_site(&content, &Options::default()).unwrap();
    let pdf = leaflet(&built.outputs, "leaflets/0-11.pdf");
    let pages: Vec<u32> = pdf.get_pages().into_keys().collect();
    let text = pdf.extract_text(&pages).unwrap();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains(promise), "not printed as written:\n{text}");
}

#[test]
fn every_colour_is_cmyk_and_text_is_100_percent_black() {
    let built = render_site(&common::example(), &Options::default()).unwrap();
    for file in ["leaflets/0-11.pdf", "leaflets/local-offer.pdf"] {
        let pdf = leaflet(&built.outputs, file);
        let (mut texts, mut coloured) = (0, 0);
        for id in pdf.get_pages().values() {
            let content = lopdf::content::Content::decode(&pdf.get_page_content(*id)).unwrap();
            let (mut fill, mut saved) = (Vec::new(), Vec::new());
            for op in &content.operations {
                let colour = ["rg", "RG", "g", "G", "sc", "SC", "scn", "SCN", "cs", "CS"];
                assert!(
                    !colour.contains(&op.operator.as_str()),
                    "{file} sets a colour with {op:?}"
                );
                match op.operator.as_str() {
                    "q" => saved.push(fill.clone()),
                    "Q" => fill = saved.pop().unwrap(),
                    "k" | "K" => {
                        let values: Vec<f32> = op.operands.iter().map(|o| o.as_float().unwrap()).collect();
                        assert_eq!(values.len(), 4, "{op:?}");
                        if op.operator == "k" {
                            fill = values;
                        }
                    }
                    "Tj" | "TJ" => {
                        assert_eq!(fill, [0.0, 0.0, 0.0, 1.0], "{file}: text is 100% black");
                        texts += 1;
                    }
                    "f" | "f*" if fill[..3].iter().any(|v| *v > 0.0) => coloured += 1,
                    _ => {}
                }
            }
        }
        assert!(texts > 10, "{file} has its text");
        // The youngest readers' leaflet has its pictures, drawn in CMYK.
        let pictures = file == "leaflets/0-11.pdf";
        assert_eq!(coloured > 20, pictures, "{file}: {coloured} coloured shapes");
    }
}

#[test]
fn text_stays_5_mm_inside_the_trim() {
    let (site, theme) = loaded();
    for file in [
        "leaflets/0-11.pdf",
        "leaflets/12-15.pdf",
        "leaflets/16-25.pdf",
        "leaflets/local-offer.pdf",
        "ar/leaflets/12-15.pdf",
        "ar/leaflets/local-offer.pdf",
    ] {
        let document = typeset(&site, &theme, file);
        for (number, page) in document.pages().iter().enumerate() {
            if let Some((x, y)) = ink_near_the_trim(page) {
                panic!(
                    "{file} page {}: ink at ({x}, {y}) px, within 5 mm of the trim",
                    number + 1
                );
            }
        }
    }
}

/// Where a page, rendered at 2 pixels a point, first has dark ink within
/// 5 mm of the trim.
fn ink_near_the_trim(page: &typst_layout::Page) -> Option<(usize, usize)> {
    let options = typst_render::RenderOptions {
        pixel_per_pt: typst::utils::Scalar::new(2.0),
        ..Default::default()
    };
    let pixmap = typst_render::render(page, &options);
    let (width, height) = (pixmap.width() as usize, pixmap.height() as usize);
    let edge = (5.0 * MM * 2.0) as usize - 1;
    let pixels = pixmap.data();
    (0..height)
        .flat_map(|y| (0..width).map(move |x| (x, y)))
        .find(|&(x, y)| {
            let near_edge = x < edge || y < edge || x >= width - edge || y >= height - edge;
            let i = (y * width + x) * 4;
            near_edge && pixels[i + 3] > 128 && pixels[i] < 128
        })
}

/// Where the ink of the first line of text on a page is, from 0 (the left
/// edge of the paper) to 1 (the right edge): its leftmost and rightmost.
fn first_line_ink(document: &typst_layout::PagedDocument, page: usize) -> (f32, f32) {
    let options = typst_render::RenderOptions {
        pixel_per_pt: typst::utils::Scalar::new(2.0),
        ..Default::default()
    };
    let pixmap = typst_render::render(&document.pages()[page], &options);
    let (width, height) = (pixmap.width() as usize, pixmap.height() as usize);
    let dark = |x: usize, y: usize| {
        let i = (y * width + x) * 4;
        pixmap.data()[i + 3] > 128 && pixmap.data()[i] < 100
    };
    let top = (0..height).find(|&y| (0..width).any(|x| dark(x, y))).unwrap();
    let ink: Vec<usize> = (top..top + 20)
        .flat_map(|y| (0..width).filter(move |&x| dark(x, y)))
        .collect();
    let (left, right) = (ink.iter().min().unwrap(), ink.iter().max().unwrap());
    (*left as f32 / width as f32, *right as f32 / width as f32)
}

#[test]
fn a_right_to_left_site_gets_right_to_left_leaflets_in_its_script() {
    let dir = common::copy_of_example();
    let root = dir.path().join("content");
    let site_toml = root.join("site.toml");
    // A site written in Arabic, with an English translation to come.
    common::replace(&site_toml, "language = \"en-GB\"", "language = \"ar\"");
    common::replace(
        &site_toml,
        "code = \"ar\"\nname = \"العربية\"",
        "code = \"en-GB\"\nname = \"English\"",
    );
    // Another site: none of the example's leaflets were printed for it.
    std::fs::remove_file(root.join("printed.toml")).unwrap();
    for entry in walkdir::WalkDir::new(&root).into_iter().filter_map(Result::ok) {
        if entry.path().to_string_lossy().ends_with(".ar.md") {
            std::fs::remove_file(entry.path()).unwrap();
        }
    }
    common::replace(
        &root.join("promises/12-15/a-safe-home.md"),
        "title: A safe home",
        "title: بيت آمن",
    );

    let theme = Theme::load(&root).0;
    let (site, _) = content::load(&root, None, &theme.icon_names(), jiff::Zoned::now().date()).unwrap();
    let document = typeset(&site, &theme, "leaflets/12-15.pdf");
    // The heading "بيت آمن" starts the second page, set from the right.
    let (left, right) = first_line_ink(&document, 1);
    assert!(
        left > 0.6 && right > 0.85,
        "the heading's ink runs from {left:.2} to {right:.2} of the page"
    );

    let english = loaded();
    let document = typeset(&english.0, &english.1, "leaflets/12-15.pdf");
    let (left, right) = first_line_ink(&document, 1);
    assert!(
        left < 0.15 && right < 0.5,
        "in English the heading runs from {left:.2} to {right:.2}"
    );

    let built = render_site(&root, &Options::default()).unwrap();
    let pdf = leaflet(&built.outputs, "leaflets/12-15.pdf");
    let catalog = pdf.catalog().unwrap();
    assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"ar");
    let fonts = common::pdf_fonts(&pdf);
    assert!(fonts.iter().any(|f| f.contains("Amiri")), "{fonts:?}");
}

#[test]
fn a_translated_band_gets_its_own_leaflet_set_right_to_left_whose_code_opens_the_translation() {
    let built = render_site(&common::example(), &Options::default()).unwrap();
    // 12-15 and three local offer entries are in Arabic; nothing of 0-11 is.
    for file in ["ar/leaflets/12-15.pdf", "ar/leaflets/local-offer.pdf"] {
        let pdf = leaflet(&built.outputs, file);
        assert_eq!(pdf.catalog().unwrap().get(b"Lang").unwrap().as_str().unwrap(), b"ar");
        assert!(common::pdf_fonts(&pdf).iter().any(|f| f.contains("Amiri")), "{file}");
        assert_eq!(pdf.get_pages().len() % 4, 0);
    }
    assert!(!built.outputs.contains_key("ar/leaflets/0-11.pdf"));

    assert_eq!(
        cover_codes("ar/leaflets/12-15.pdf")[0].0,
        "https://promise.westmere.example/ar/12-15/"
    );
    assert_eq!(
        cover_codes("ar/leaflets/local-offer.pdf")[0].0,
        "https://promise.westmere.example/ar/local-offer/"
    );

    let (site, theme) = loaded();
    let document = typeset(&site, &theme, "ar/leaflets/12-15.pdf");
    let (left, right) = first_line_ink(&document, 1);
    assert!(
        left > 0.5 && right > 0.85,
        "the heading runs from {left:.2} to {right:.2}"
    );

    // Each Arabic letter is printed as one glyph that copies as that letter:
    // read in the order they are drawn (right to left) the letters spell
    // every word, with none doubled or lost.
    let pdf = leaflet(&built.outputs, "ar/leaflets/12-15.pdf");
    let drawn: String = pdf
        .extract_text(&[2])
        .unwrap()
        .chars()
        .rev()
        .filter(|c| !c.is_whitespace())
        .collect();
    let home = std::fs::read_to_string(common::example().join("promises/12-15/a-safe-home.ar.md")).unwrap();
    let words: Vec<&str> = home
        .lines()
        .filter(|l| l.starts_with("title:") || l.starts_with("- "))
        .flat_map(|l| l.split_whitespace().skip(1))
        .map(|w| w.trim_matches(|c: char| matches!(c, '.' | '،')))
        // A vowel mark is drawn in its own span after its word, so in drawn
        // order it lands elsewhere; pdftotext, which reads by position, finds
        // it in place (tests/browser/leaflets.test.mjs).
        .filter(|w| !w.chars().any(|c| ('\u{64b}'..='\u{65f}').contains(&c)))
        .collect();
    assert!(words.len() > 30);
    let lost: Vec<&&str> = words.iter().filter(|w| !drawn.contains(**w)).collect();
    assert!(!drawn.contains("بيتبيت"), "{drawn}");
    assert!(lost.is_empty(), "not found whole: {lost:?} in {drawn:?}");
}

/// A text string of a PDF dictionary.
fn text_of<'a>(dict: &'a lopdf::Dictionary, key: &str) -> &'a str {
    let value = dict
        .get(key.as_bytes())
        .and_then(Object::as_str)
        .unwrap_or_else(|_| panic!("no {key}"));
    std::str::from_utf8(value).unwrap()
}

/// The text of the XMP property `name` in `namespace`.
fn xmp(packet: &roxmltree::Document, namespace: &str, name: &str) -> String {
    let node = packet
        .descendants()
        .find(|n| n.tag_name().namespace() == Some(namespace) && n.tag_name().name() == name)
        .unwrap_or_else(|| panic!("no {name} in the XMP"));
    node.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect::<String>()
        .trim()
        .to_string()
}

#[test]
fn each_leaflet_is_a_pdf_x4_file_to_print_and_a_pdf_ua1_file_to_read() {
    let options = Options {
        today: jiff::civil::date(2026, 4, 18),
        ..Options::default()
    };
    let built = render_site(&common::example(), &options).unwrap();
    let (print, read) = print_and_read(&built.outputs);
    assert_eq!((print.len(), read.len()), (16, 16), "{print:?} {read:?}");
    for file in read {
        let pdf = leaflet(&built.outputs, file);
        let catalog = pdf.catalog().unwrap();
        assert!(
            catalog.has(b"StructTreeRoot") && catalog.has(b"Lang"),
            "{file} is tagged"
        );
        assert!(!catalog.has(b"OutputIntents"), "{file} is not for the press");
        let metadata = catalog.get(b"Metadata").and_then(Object::as_reference).unwrap();
        let metadata = pdf.get_object(metadata).and_then(Object::as_stream).unwrap();
        let packet = String::from_utf8(metadata.content.clone()).unwrap();
        let packet = roxmltree::Document::parse(&packet).unwrap();
        assert_eq!(xmp(&packet, "http://www.aiim.org/pdfua/ns/id/", "part"), "1", "{file}");
        assert!(
            !packet
                .root()
                .descendants()
                .any(|n| n.tag_name().name() == "GTS_PDFXVersion")
        );
        let pages: Vec<_> = pdf.get_pages().into_values().collect();
        // Shown as it will be read: at its trimmed size, with links that work.
        for page in &pages {
            let page = pdf.get_dictionary(*page).unwrap();
            assert_eq!(page.get(b"CropBox").ok(), page.get(b"TrimBox").ok(), "{file}");
        }
        assert!(
            pages.iter().any(|p| pdf.get_dictionary(*p).unwrap().has(b"Annots")),
            "{file} has its links"
        );
    }
    for file in print {
        let pdf = leaflet(&built.outputs, file);
        let catalog = pdf.catalog().unwrap();
        let intents = catalog.get(b"OutputIntents").and_then(Object::as_array).unwrap();
        assert_eq!(intents.len(), 1, "{file}");
        let intent = pdf.dereference(&intents[0]).unwrap().1.as_dict().unwrap();
        assert_eq!(
            intent.get(b"S").and_then(Object::as_name).unwrap(),
            b"GTS_PDFX",
            "{file}"
        );
        assert_eq!(text_of(intent, "OutputConditionIdentifier"), "FOGRA39", "{file}");
        assert_eq!(text_of(intent, "RegistryName"), "http://www.color.org");
        let profile = intent.get(b"DestOutputProfile").and_then(Object::as_reference).unwrap();
        let profile = pdf.get_object(profile).and_then(Object::as_stream).unwrap();
        assert_eq!(profile.dict.get(b"N").and_then(Object::as_i64).unwrap(), 4);
        let icc = profile.decompressed_content().unwrap();
        // An ICC output profile ("prtr") from CMYK, by its header.
        assert_eq!(&icc[12..20], b"prtrCMYK", "{file}");
        assert_eq!(&icc[36..40], b"acsp", "{file}");
        assert_eq!(u32::from_be_bytes(icc[0..4].try_into().unwrap()) as usize, icc.len());

        let info = pdf.trailer.get(b"Info").and_then(Object::as_reference).unwrap();
        let info = pdf.get_dictionary(info).unwrap();
        assert_eq!(
            info.get(b"Trapped").and_then(Object::as_name).unwrap(),
            b"False",
            "{file}"
        );
        assert_eq!(text_of(info, "GTS_PDFXVersion"), "PDF/X-4");
        assert_eq!(text_of(info, "CreationDate"), "D:20260418000000Z");
        assert_eq!(text_of(info, "ModDate"), "D:20260418000000Z");
        let ids = pdf.trailer.get(b"ID").and_then(Object::as_array).unwrap();
        assert_eq!(ids.len(), 2);
        assert!(ids.iter().all(|id| !id.as_str().unwrap().is_empty()), "{file}");

        let metadata = catalog.get(b"Metadata").and_then(Object::as_reference).unwrap();
        let metadata = pdf.get_object(metadata).and_then(Object::as_stream).unwrap();
        assert!(!metadata.dict.has(b"Filter"), "{file}: XMP stays readable");
        let packet = String::from_utf8(metadata.content.clone()).unwrap();
        let packet = roxmltree::Document::parse(&packet).unwrap();
        let (pdfx, pdfua) = ("http://www.npes.org/pdfx/ns/id/", "http://www.aiim.org/pdfua/ns/id/");
        let (pdf_ns, mm, xmp_ns) = (
            "http://ns.adobe.com/pdf/1.3/",
            "http://ns.adobe.com/xap/1.0/mm/",
            "http://ns.adobe.com/xap/1.0/",
        );
        assert_eq!(xmp(&packet, pdfx, "GTS_PDFXVersion"), "PDF/X-4", "{file}");
        assert!(
            !packet
                .root()
                .descendants()
                .any(|n| n.tag_name().namespace() == Some(pdfua))
        );
        assert_eq!(xmp(&packet, xmp_ns, "CreatorTool"), "promise");
        assert_eq!(text_of(info, "Creator"), "promise");
        assert_eq!(xmp(&packet, pdf_ns, "Trapped"), "False");
        assert_eq!(xmp(&packet, mm, "RenditionClass"), "default");
        assert_eq!(xmp(&packet, mm, "VersionID"), "1");
        assert!(xmp(&packet, mm, "DocumentID").len() > 10);
        assert_eq!(xmp(&packet, xmp_ns, "CreateDate"), "2026-04-18T00:00:00Z");
        assert_eq!(xmp(&packet, xmp_ns, "ModifyDate"), "2026-04-18T00:00:00Z");
        let title = pdf.get_dictionary(pdf.trailer.get(b"Info").unwrap().as_reference().unwrap());
        let title = String::from_utf8_lossy(title.unwrap().get(b"Title").unwrap().as_str().unwrap()).to_string();
        assert!(!title.is_empty());
        // Nothing a preflight flags inside the bleed, and every box it reads.
        for (number, page) in pdf.get_pages() {
            let page = pdf.get_dictionary(page).unwrap();
            assert!(!page.has(b"Annots"), "{file} page {number} has annotations");
            assert!(page.has(b"BleedBox") && page.has(b"TrimBox"), "{file} page {number}");
        }
    }
}

/// Whether a graphics state `name` of a page's resources overprints fills,
/// and strokes.
fn overprints(pdf: &Document, page: lopdf::ObjectId, name: &[u8]) -> (bool, bool) {
    let resources = match pdf.get_page_resources(page).unwrap() {
        (Some(resources), _) => resources,
        (None, ids) => pdf.get_dictionary(ids[0]).unwrap(),
    };
    let states = resources.get(b"ExtGState").unwrap();
    let states = pdf.dereference(states).unwrap().1.as_dict().unwrap();
    let state = pdf.dereference(states.get(name).unwrap()).unwrap().1.as_dict().unwrap();
    let flag = |key: &[u8]| state.get(key).and_then(Object::as_bool).unwrap();
    let (fill, stroke) = (flag(b"op"), flag(b"OP"));
    if fill || stroke {
        let mode = state.get(b"OPM").and_then(Object::as_i64).unwrap();
        assert_eq!(mode, 1, "zero inks leave the tint below");
    }
    (fill, stroke)
}

#[test]
fn black_text_and_the_qr_code_overprint_and_everything_else_knocks_out() {
    let built = render_site(&common::example(), &Options::default()).unwrap();
    let mut strokes = 0;
    for file in [
        "leaflets/print/0-11.pdf",
        "leaflets/print/local-offer.pdf",
        "ar/leaflets/print/12-15.pdf",
    ] {
        let pdf = leaflet(&built.outputs, file);
        let (mut black_paints, mut other_paints) = (0, 0);
        for page in pdf.get_pages().into_values() {
            let content = lopdf::content::Content::decode(&pdf.get_page_content(page)).unwrap();
            // Whether the fill and the stroke are 100% black, and whether
            // each overprints, saved and restored with q and Q.
            let (mut black, mut overprint) = ((false, false), (false, false));
            let mut saved = Vec::new();
            for op in &content.operations {
                let is_black = || {
                    op.operands
                        .iter()
                        .map(|o| o.as_float().unwrap())
                        .eq([0.0, 0.0, 0.0, 1.0])
                };
                match op.operator.as_str() {
                    "q" => saved.push((black, overprint)),
                    "Q" => (black, overprint) = saved.pop().unwrap(),
                    "k" => black.0 = is_black(),
                    "K" => black.1 = is_black(),
                    "gs" => overprint = overprints(&pdf, page, op.operands[0].as_name().unwrap()),
                    "Tj" | "TJ" | "f" | "f*" => {
                        assert_eq!(
                            black.0, overprint.0,
                            "{file}: {} with fill overprint {}",
                            op.operator, overprint.0
                        );
                        if black.0 { black_paints += 1 } else { other_paints += 1 }
                    }
                    "S" => {
                        assert_eq!(black.1, overprint.1, "{file}: a stroke with overprint {}", overprint.1);
                        strokes += usize::from(black.1);
                    }
                    _ => {}
                }
            }
        }
        assert!(
            black_paints > 100,
            "{file}: {black_paints} black text runs and QR squares"
        );
        assert!(other_paints > 0, "{file}: the cover's tint");
    }
    assert!(strokes > 10, "the black rules of the notes pages");
}

/// An element of a PDF's structure tree: its type, alt text, marked
/// content, where its links go, and its children.
#[derive(Debug, Default)]
struct Tag {
    kind: String,
    alt: Option<String>,
    mcids: Vec<i64>,
    uris: Vec<String>,
    children: Vec<Tag>,
}

impl Tag {
    fn read(pdf: &Document, object: &Object) -> Vec<Tag> {
        match pdf.dereference(object).unwrap().1 {
            Object::Array(items) => items.iter().flat_map(|o| Tag::read(pdf, o)).collect(),
            Object::Dictionary(dict) if dict.get(b"Type").and_then(Object::as_name).ok() == Some(b"OBJR") => {
                let annotation = pdf.dereference(dict.get(b"Obj").unwrap()).unwrap().1.as_dict().unwrap();
                let action = pdf
                    .dereference(annotation.get(b"A").unwrap())
                    .unwrap()
                    .1
                    .as_dict()
                    .unwrap();
                let uri = String::from_utf8(action.get(b"URI").unwrap().as_str().unwrap().to_vec()).unwrap();
                vec![Tag {
                    kind: "OBJR".into(),
                    uris: vec![uri],
                    ..Tag::default()
                }]
            }
            Object::Dictionary(dict) => {
                let mut tag = Tag {
                    kind: dict
                        .get(b"S")
                        .and_then(Object::as_name)
                        .map(|n| String::from_utf8_lossy(n).to_string())
                        .unwrap_or_default(),
                    alt: dict
                        .get(b"Alt")
                        .and_then(Object::as_str)
                        .ok()
                        .map(|a| String::from_utf8_lossy(a).to_string()),
                    ..Tag::default()
                };
                if let Ok(kids) = dict.get(b"K") {
                    for kid in Tag::read(pdf, kids) {
                        if kid.kind == "MCID" {
                            tag.mcids.extend(kid.mcids);
                        } else if kid.kind == "OBJR" {
                            tag.uris.extend(kid.uris);
                        } else {
                            tag.children.push(kid);
                        }
                    }
                }
                vec![tag]
            }
            Object::Integer(mcid) => vec![Tag {
                kind: "MCID".into(),
                mcids: vec![*mcid],
                ..Tag::default()
            }],
            _ => Vec::new(),
        }
    }

    /// This element and everything inside it, in reading order.
    fn all(&self) -> Vec<&Tag> {
        std::iter::once(self)
            .chain(self.children.iter().flat_map(Tag::all))
            .collect()
    }
}

fn structure(pdf: &Document) -> Tag {
    let root = pdf.catalog().unwrap().get(b"StructTreeRoot").unwrap();
    let root = pdf.dereference(root).unwrap().1.as_dict().unwrap();
    Tag {
        kind: "root".into(),
        children: Tag::read(pdf, root.get(b"K").unwrap()),
        ..Tag::default()
    }
}

#[test]
fn the_structure_tree_has_a_title_figures_with_their_code_contact_lists_and_links() {
    let built = render_site(&common::example(), &Options::default()).unwrap();
    let pdf = leaflet(&built.outputs, "leaflets/16-25.pdf");
    let tree = structure(&pdf);
    let all = tree.all();
    let headings: Vec<&str> = all
        .iter()
        .map(|t| t.kind.as_str())
        .filter(|k| k.starts_with('H'))
        .collect();
    assert_eq!(headings[0], "H1", "{headings:?}");
    assert_eq!(
        headings.iter().filter(|h| **h == "H1").count(),
        1,
        "one title: {headings:?}"
    );
    assert!(headings.contains(&"H2"));

    // The QR code on the cover and on the back, each a Figure holding the
    // code's drawing, with words that say where it leads.
    let figures: Vec<&&Tag> = all.iter().filter(|t| t.kind == "Figure").collect();
    assert_eq!(figures.len(), 2);
    for figure in &figures {
        let alt = figure.alt.as_deref().unwrap();
        assert!(alt.contains("https://promise.westmere.example/16-25/"), "{alt}");
        assert_eq!(figure.mcids.len(), 1, "the Figure holds the code: {figure:?}");
    }
    let pages: Vec<_> = pdf.get_pages().into_values().collect();
    for (page, figure) in [(pages[0], figures[0]), (*pages.last().unwrap(), figures[1])] {
        let content = lopdf::content::Content::decode(&pdf.get_page_content(page)).unwrap();
        let start = content
            .operations
            .iter()
            .position(|op| {
                op.operator == "BDC"
                    && op.operands[0].as_name().unwrap() == b"Figure"
                    && op.operands[1]
                        .as_dict()
                        .unwrap()
                        .get(b"MCID")
                        .unwrap()
                        .as_i64()
                        .unwrap()
                        == figure.mcids[0]
            })
            .expect("the Figure's marked content is on its page");
        let squares = content.operations[start..]
            .iter()
            .take_while(|op| op.operator != "EMC")
            .filter(|op| op.operator == "f")
            .count();
        assert!(squares > 100, "{squares} squares of the code inside the Figure");
    }

    // Contact cards: a list of labels and values, their numbers and emails links.
    let lists = all.iter().filter(|t| t.kind == "L").filter(|l| {
        l.children.iter().all(|item| {
            let kinds: Vec<&str> = item.children.iter().map(|c| c.kind.as_str()).collect();
            item.kind == "LI" && kinds == ["Lbl", "LBody"]
        })
    });
    assert!(lists.count() >= 3, "the band's contact, out of hours and the helplines");
    let uris: Vec<&str> = all
        .iter()
        .filter(|t| t.kind == "Link")
        .flat_map(|t| t.uris.iter().map(String::as_str))
        .collect();
    // Childline is for under 19s: not on the leaflet for 16 to 25.
    assert!(!uris.contains(&"tel:+448001111"), "{uris:?}");
    for uri in [
        "tel:+441134960202",
        "mailto:movingon@westmere.example",
        "tel:999",
        "tel:116123",
        "https://promise.westmere.example/16-25/",
        "https://promise.westmere.example/local-offer/staying-put/",
    ] {
        assert!(uris.contains(&uri), "{uri} not among {uris:?}");
    }
}

#[test]
fn the_print_spec_lists_every_leaflet_with_its_real_page_count() {
    let built = render_site(&common::example(), &Options::default()).unwrap();
    let spec = String::from_utf8(built.outputs["leaflets/print-spec.txt"].clone()).unwrap();
    for part in [
        "A5, 148 x 210 mm",
        "Bleed: 3 mm on every side",
        "154 x 216 mm",
        "Binding: saddle stitch",
        "Coated FOGRA39",
        "PDF: PDF/X-4",
        "100% K",
        "Paper: 130 to 150 gsm silk",
        "Questions about these files: Participation Team, 0113 496 0606, yoursay@westmere.example",
        "Creep: in leaflets of 12 pages or more",
    ] {
        assert!(spec.contains(part), "{part} not in:\n{spec}");
    }
    assert!(
        spec.lines()
            .any(|l| l.starts_with("ar/leaflets/print/12-15.pdf ") && l.contains("binds RIGHT")),
        "{spec}"
    );
    assert!(
        spec.lines()
            .any(|l| l.starts_with("leaflets/print/12-15.pdf ") && l.contains("binds left ")),
        "{spec}"
    );
    // It lists the print shop's files, never the reader's.
    let pdfs: Vec<&String> = built.outputs.keys().filter(|f| f.ends_with(".pdf")).collect();
    for file in pdfs.iter().filter(|f| !f.contains("/print/")) {
        assert!(!spec.contains(&format!("{file} ")), "{file} in:\n{spec}");
    }
    for file in pdfs.into_iter().filter(|f| f.contains("/print/")) {
        let pages = leaflet(&built.outputs, file).get_pages().len();
        let line = spec
            .lines()
            .find(|l| l.split_whitespace().next() == Some(file.as_str()))
            .unwrap_or_else(|| panic!("{file} not in:\n{spec}"));
        assert!(
            line.contains(&format!(" {pages} pages")),
            "{line}: the PDF has {pages} pages"
        );
    }
}

#[test]
fn a_long_word_is_hyphenated_and_one_that_cannot_be_is_a_warning_at_its_line() {
    let dir = common::copy_of_example();
    let content = dir.path().join("content");
    let file = content.join("promises/12-15/a-safe-home.md");
    let long = "Pneumonoultramicroscopicsilicovolcanoconiosissupercalifragilisticexpialidociousness";
    let unbreakable = "x".repeat(90);
    common::replace(
        &file,
        "- We will find you a home where you feel safe and cared for.",
        &format!("- We will find you a home where you feel safe and {long}.\n- {unbreakable} no spaces"),
    );
    let built = render_site(&content, &Options::default()).unwrap();
    let margin: Vec<_> = built.warnings.iter().filter(|d| d.code == "leaflet-margin").collect();
    assert_eq!(margin.len(), 1, "{margin:#?}");
    let at = margin[0].at.as_ref().unwrap();
    assert_eq!(at.file, std::path::Path::new("promises/12-15/a-safe-home.md"));
    assert_eq!((at.line, at.column), (8, 3));
    assert!(
        margin[0].message.contains("page 2 of leaflets/12-15.pdf"),
        "{}",
        margin[0].message
    );
    // The 83-letter word is printed whole, across two lines.
    let pdf = leaflet(&built.outputs, "leaflets/12-15.pdf");
    let text = pdf.extract_text(&[2]).unwrap().replace(['\n', ' ', '-'], "");
    assert!(text.contains(&long[..20]) && text.contains(&long[60..]), "{text}");
}

#[test]
fn each_leaflet_has_a_large_print_edition_on_a4_in_16_point_with_no_tint() {
    let built = render_site(&common::example(), &Options::default()).unwrap();
    let (site, theme) = loaded();
    for band in ["0-11", "12-15", "16-25"] {
        let pdf = leaflet(&built.outputs, &format!("leaflets/{band}-large-print.pdf"));
        let mut sizes = Vec::new();
        for id in pdf.get_pages().values() {
            let trim = numbers(pdf.get_dictionary(*id).unwrap().get(b"TrimBox").unwrap());
            assert!(
                close(trim[2] - trim[0], 210.0 * MM) && close(trim[3] - trim[1], 297.0 * MM),
                "{band}: A4"
            );
            let content = lopdf::content::Content::decode(&pdf.get_page_content(*id)).unwrap();
            for op in &content.operations {
                if op.operator == "Tf" {
                    sizes.push(op.operands[1].as_float().unwrap());
                }
            }
        }
        let smallest = sizes.iter().cloned().fold(f32::MAX, f32::min);
        assert!(smallest >= 16.0, "{band}: text at {smallest} pt");
        let document = typeset(&site, &theme, &format!("leaflets/{band}-large-print.pdf"));
        for (number, page) in document.pages().iter().enumerate() {
            let (mut texts, mut fills) = (Vec::new(), Vec::new());
            boxes(
                &page.frame,
                typst::layout::Transform::identity(),
                &mut texts,
                &mut fills,
            );
            for t in &texts {
                for f in &fills {
                    let apart = t.2 <= f.0 || f.2 <= t.0 || t.3 <= f.1 || f.3 <= t.1;
                    assert!(
                        apart,
                        "{band} large print, page {}: text at {t:?} on a coloured shape at {f:?}",
                        number + 1
                    );
                }
            }
        }
        let pages: Vec<u32> = pdf.get_pages().into_keys().collect();
        let text = pdf
            .extract_text(&pages)
            .unwrap()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for page in site.band_pages(band) {
            for promise in &page.promises {
                assert!(
                    text.contains(&promise.text),
                    "{band}: {:?} is not in the large print",
                    promise.text
                );
            }
        }
    }
    // Every page with a leaflet offers the large print beside it.
    let html = String::from_utf8(built.outputs["12-15/index.html"].clone()).unwrap();
    assert!(
        html.contains(r#"href="../leaflets/12-15.pdf""#)
            && html.contains(r#"href="../leaflets/12-15-large-print.pdf""#)
    );
}

/// The boxes (left, top, right, bottom, in points) of the text and of the
/// shapes filled with a colour other than white in a typeset frame.
fn boxes(
    frame: &typst::layout::Frame,
    ts: typst::layout::Transform,
    texts: &mut Vec<(f64, f64, f64, f64)>,
    fills: &mut Vec<(f64, f64, f64, f64)>,
) {
    use typst::layout::{FrameItem, Point, Transform};
    for (pos, item) in frame.items() {
        let here = ts.pre_concat(Transform::translate(pos.x, pos.y));
        let corners = |min: Point, max: Point| {
            let (a, b) = (min.transform(here), max.transform(here));
            (
                a.x.min(b.x).to_pt(),
                a.y.min(b.y).to_pt(),
                a.x.max(b.x).to_pt(),
                a.y.max(b.y).to_pt(),
            )
        };
        match item {
            FrameItem::Group(group) => boxes(&group.frame, here.pre_concat(group.transform), texts, fills),
            FrameItem::Text(text) => {
                // From the ascender to the descender, roughly.
                let (top, bottom) = (-text.size * 0.8, text.size * 0.2);
                texts.push(corners(Point::with_y(top), Point::new(text.width(), bottom)));
            }
            FrameItem::Shape(shape, _) => {
                // Typst's colours here are CMYK: white is no ink at all.
                let white = shape.fill.as_ref().is_none_or(
                    |fill| matches!(fill, typst::visualize::Paint::Solid(c) if c.to_vec4().iter().all(|v| *v < 0.001)),
                );
                if !white {
                    let area = shape.bbox(false);
                    fills.push(corners(area.min, area.max));
                }
            }
            _ => {}
        }
    }
}

/// The example with the longest content a team might write: a long site
/// title, a theme of 65 promises, an offer entry longer than a page and a
/// contact with a long description.
fn longest_content(content: &std::path::Path) {
    let site_toml = content.join("site.toml");
    let title =
        "Our promise to every child and young person we look after in Westmere, and to everyone leaving our care";
    common::replace(
        &site_toml,
        "title = \"Our promise to you\"",
        &format!("title = \"{title}\""),
    );
    common::replace(
        &site_toml,
        "text = \"An advocate can help you say what you think and make sure people listen. They do not work for your social worker.\"",
        &format!(
            "text = \"{}\"",
            "An advocate can help you say what you think and make sure people listen. ".repeat(6)
        ),
    );
    // The Arabic words of that contact are now out of date: unrecorded,
    // they are not checked.
    let words = content.join("site.ar.toml");
    let arabic = std::fs::read_to_string(&words).unwrap();
    let unmarked = &arabic[..arabic.find("[translated_from]").unwrap()];
    std::fs::write(&words, unmarked).unwrap();
    let promises: String = (1..=65)
        .map(|n| format!("- Promise {n}: we will listen to you, explain what is happening and why, and check with you that it is right.\n"))
        .collect();
    let theme = format!(
        "---\ntitle: Everything we do\norder: 9\nsummary: Every promise we make, in one place.\nicon: star\n---\n{promises}"
    );
    std::fs::write(content.join("promises/12-15/everything.md"), theme).unwrap();
    let entry = content.join("local-offer/council-tax.md");
    let long = "Ask your personal adviser, who will help you fill in the form and send it with you. ".repeat(40);
    let text = std::fs::read_to_string(&entry).unwrap();
    let text = regex::Regex::new("(?m)^how_to_get_it: .*$")
        .unwrap()
        .replace(&text, format!("how_to_get_it: \"{long}\""));
    std::fs::write(&entry, text.as_ref()).unwrap();
}

/// The example written in emoji and other alphabets beside English.
fn emoji_and_alphabets(content: &std::path::Path) {
    common::replace(
        &content.join("promises/0-11/keeping-safe.md"),
        "- We will find you a safe and happy home.",
        "- We will find you a safe and happy home 🏠😀👍.\n- Καλημέρα, Привіт, ሰላም, مرحبا, Dzień dobry, Ça va? 🌈✨\n- 🎉🎉🎉 You said: \"I want my own room\" 🛏️",
    );
}

/// Where each block the template keeps whole (an entry, a contact, a
/// chart group, a theme's first lines) starts and ends: its page, and the
/// left edge of its column, in points.
fn kept(document: &typst_layout::PagedDocument) -> Vec<((usize, f64), (usize, f64))> {
    use typst::foundations::{Label, Selector};
    let introspector = document.introspector();
    let at = |name: &str| -> Vec<(usize, f64)> {
        let label = Label::new(typst::utils::PicoStr::intern(name)).unwrap();
        introspector
            .elements()
            .query(&Selector::Label(label))
            .iter()
            .filter_map(|c| introspector.position(c.location()?))
            .map(|p| (p.page.get(), p.point.x.to_pt()))
            .collect()
    };
    let (starts, ends) = (at("keep-start"), at("keep-end"));
    assert_eq!(starts.len(), ends.len());
    starts.into_iter().zip(ends).collect()
}

/// One rendering of a typeset page at 2 pixels a point: where it first has
/// dark ink within 5 mm of the trim, and how far down the space for
/// content (from 0 to 1) its lowest ink is.
fn page_ink(page: &typst_layout::Page, bottom_margin_mm: f32) -> (Option<(usize, usize)>, f32) {
    let options = typst_render::RenderOptions {
        pixel_per_pt: typst::utils::Scalar::new(2.0),
        ..Default::default()
    };
    let pixmap = typst_render::render(page, &options);
    let (width, height) = (pixmap.width() as usize, pixmap.height() as usize);
    let edge = (5.0 * MM * 2.0) as usize - 1;
    let pixels = pixmap.data();
    let inked = |x: usize, y: usize| {
        let i = (y * width + x) * 4;
        pixels[i + 3] > 128 && pixels[i..i + 3].iter().any(|c| *c < 200)
    };
    let dark = |x: usize, y: usize| {
        let i = (y * width + x) * 4;
        pixels[i + 3] > 128 && pixels[i] < 128
    };
    let near = (0..height)
        .flat_map(|y| (0..width).map(move |x| (x, y)))
        .find(|&(x, y)| (x < edge || y < edge || x >= width - edge || y >= height - edge) && dark(x, y));
    let (top, bottom) = (edge, height - (bottom_margin_mm * MM * 2.0) as usize);
    let lowest = (top..bottom).rev().find(|&y| (edge..width - edge).any(|x| inked(x, y)));
    let full = lowest.map_or(0.0, |y| (y - top) as f32 / (bottom - top) as f32);
    (near, full)
}

/// Every leaflet of a site, as a print shop's preflight and a reader would
/// check it: the print shop's file has no annotation and every box; the
/// reader's has page numbers and keeps each contact with its number; no ink
/// but background colour within 5 mm of the trim, page numbers included;
/// the last page holds the QR code back to the band's page in its
/// language; nothing kept whole is split across columns or pages; and no
/// page between the cover and the back is less than half full.
fn preflight(shape: &str, content: &std::path::Path) {
    let built = render_site(content, &Options::default()).unwrap_or_else(|e| panic!("{shape}: {e:#?}"));
    let theme = Theme::load(content).0;
    let (site, _) = content::load(content, None, &theme.icon_names(), jiff::Zoned::now().date()).unwrap();
    let contacts: Vec<(String, String)> = site
        .config
        .contacts
        .values()
        .map(|c| (c.name.replace(' ', ""), c.phone.replace(' ', "")))
        .collect();
    let (print_files, read) = print_and_read(&built.outputs);
    assert_eq!((print_files.len(), read.len()), (16, 16), "{shape}");
    for file in print_files {
        let pdf = leaflet(&built.outputs, file);
        assert!(pdf.catalog().unwrap().has(b"OutputIntents"), "{shape} {file}");
        assert_eq!(pdf.get_pages().len() % 4, 0, "{shape} {file}");
        for (number, page) in pdf.get_pages() {
            let page = pdf.get_dictionary(page).unwrap();
            assert!(!page.has(b"Annots"), "{shape} {file} page {number}: annotations");
            let bleed = numbers(page.get(b"BleedBox").unwrap());
            let trim = numbers(page.get(b"TrimBox").unwrap());
            assert!(
                close(trim[0] - bleed[0], 3.0 * MM),
                "{shape} {file} page {number}: {bleed:?} {trim:?}"
            );
        }
    }
    for file in read {
        let pdf = leaflet(&built.outputs, file);
        let pages: Vec<u32> = pdf.get_pages().into_keys().collect();
        for &number in &pages[1..] {
            let text = pdf.extract_text(&[number]).unwrap();
            let last = text.split_whitespace().last().unwrap_or_default();
            assert_eq!(last, number.to_string(), "{shape} {file}: page {number} is numbered");
            // A contact's name is never on a page without its number.
            let joined: String = text.split_whitespace().collect();
            for (name, phone) in &contacts {
                let split = joined.contains(name.as_str()) && !joined.contains(phone.as_str());
                assert!(!split, "{shape} {file}: {name} is on page {number} without {phone}");
            }
        }
        let document = typeset(&site, &theme, file);
        let pages = document.pages();
        assert_eq!(pages.len(), pdf.get_pages().len(), "{shape} {file}");
        let footer = if file.contains("large-print") {
            5.0 + 12.0
        } else {
            5.0 + 8.0
        };
        for (number, page) in pages.iter().enumerate() {
            let (near, full) = page_ink(page, footer);
            assert!(
                near.is_none(),
                "{shape} {file} page {}: ink at {near:?}, within 5 mm of the trim",
                number + 1
            );
            if number > 0 && number + 1 < pages.len() {
                assert!(
                    full >= 0.5,
                    "{shape} {file} page {}: only {:.0}% full",
                    number + 1,
                    full * 100.0
                );
            }
        }
        // Text boxes too, from ascender to descender, as a preflight
        // measures them: page numbers included.
        for (number, page) in pages.iter().enumerate() {
            let (mut texts, mut fills) = (Vec::new(), Vec::new());
            boxes(
                &page.frame,
                typst::layout::Transform::identity(),
                &mut texts,
                &mut fills,
            );
            let (w, h) = (page.frame.width().to_pt(), page.frame.height().to_pt());
            let safe = 5.0 * f64::from(MM) - 0.1;
            for t in &texts {
                assert!(
                    t.0 >= safe && t.1 >= safe && t.2 <= w - safe && t.3 <= h - safe,
                    "{shape} {file} page {}: text at {t:?} within 5 mm of the trim",
                    number + 1
                );
            }
        }
        for ((page, x), (end_page, end_x)) in kept(&document) {
            assert_eq!(
                page, end_page,
                "{shape} {file}: a block kept whole runs from page {page} to {end_page}"
            );
            assert!(
                (x - end_x).abs() < 1.0,
                "{shape} {file} page {page}: a block kept whole runs into another column"
            );
        }
        let stem = file.trim_end_matches(".pdf").trim_end_matches("-large-print");
        // A newsletter's code is on its back page only: its first page
        // starts the news.
        let (page_url, sides) = match stem.split_once("leaflets/news-") {
            Some((_, quarter)) => (format!("/news/{quarter}/"), vec![&pages[pages.len() - 1]]),
            None => (
                format!("example/{}/", stem.replace("leaflets/", "")),
                vec![&pages[0], &pages[pages.len() - 1]],
            ),
        };
        for page in sides {
            let found = codes(page, 150.0 / 72.0);
            assert!(
                found.iter().any(|(text, _)| text.ends_with(&page_url)),
                "{shape} {file}: the code on its cover and its back page at 150 dpi: {found:?}"
            );
        }
        if !file.contains("large-print") {
            // The title, however long, stays on its tint.
            let (mut texts, mut fills) = (Vec::new(), Vec::new());
            boxes(
                &pages[0].frame,
                typst::layout::Transform::identity(),
                &mut texts,
                &mut fills,
            );
            let tint = fills.iter().find(|f| f.1 < 0.0).expect("the cover's tint");
            for t in texts.iter().filter(|t| t.1 < tint.3) {
                assert!(
                    t.3 <= tint.3,
                    "{shape} {file}: text at {t:?} runs off the tint {tint:?}"
                );
            }
        }
    }
}

#[test]
fn the_example_s_leaflets_pass_a_preflight() {
    preflight("example", &common::example());
}

/// The preflight of a copy of the example changed by `change`.
fn preflight_of(shape: &str, change: fn(&std::path::Path)) {
    let dir = common::copy_of_example();
    let content = dir.path().join("content");
    change(&content);
    preflight(shape, &content);
}

#[test]
fn leaflets_of_the_longest_content_pass_a_preflight() {
    preflight_of("longest", longest_content);
}

#[test]
fn leaflets_of_emoji_and_other_alphabets_pass_a_preflight() {
    preflight_of("emoji", emoji_and_alphabets);
}

#[test]
fn a_page_count_that_is_not_whole_booklets_is_rounded_up_with_a_warning() {
    let dir = common::copy_of_example();
    let content = dir.path().join("content");
    common::replace(&content.join("site.toml"), "pages = 4 ", "pages = 5 ");
    let built = render_site(&content, &Options::default()).unwrap();
    assert_eq!(leaflet(&built.outputs, "leaflets/12-15.pdf").get_pages().len(), 8);
    let grew: Vec<_> = built.warnings.iter().filter(|d| d.code == "leaflet-grew").collect();
    assert!(
        grew.iter().any(|d| d
            .message
            .contains("(leaflets/12-15.pdf) needs 8 pages, more than the 5")),
        "{grew:#?}"
    );
}

#[test]
fn crop_marks_creep_and_print_settings_reach_the_print_shop_s_file() {
    let dir = common::copy_of_example();
    let content = dir.path().join("content");
    common::replace(&content.join("site.toml"), "# crop_marks = true", "crop_marks = true");
    common::replace(&content.join("site.toml"), "# quantity = 500", "quantity = 500");
    let built = render_site(&content, &Options::default()).unwrap();
    let spec = String::from_utf8(built.outputs["leaflets/print-spec.txt"].clone()).unwrap();
    assert!(spec.contains("Quantity: 500 of each leaflet"), "{spec}");
    assert!(spec.contains("with crop and bleed marks outside the bleed"), "{spec}");
    let pdf = leaflet(&built.outputs, "leaflets/print/local-offer.pdf");
    let pages = pdf.get_pages();
    assert_eq!(pages.len(), 12);
    for (number, id) in &pages {
        let page = pdf.get_dictionary(*id).unwrap();
        let media = numbers(page.get(b"MediaBox").unwrap());
        let bleed = numbers(page.get(b"BleedBox").unwrap());
        let trim = numbers(page.get(b"TrimBox").unwrap());
        assert!(close(trim[0] - bleed[0], 3.0 * MM), "page {number}");
        assert!(
            bleed[0] - media[0] >= 8.0 * MM,
            "page {number}: room for the marks {media:?}"
        );
        // The marks: lines drawn outside the bleed.
        let ops = lopdf::content::Content::decode(&pdf.get_page_content(*id))
            .unwrap()
            .operations;
        let outside = ops
            .iter()
            .filter(|op| op.operator == "m")
            .filter(|op| {
                let v: Vec<f32> = op.operands.iter().map(|o| o.as_float().unwrap()).collect();
                v[0] < bleed[0] || v[0] > bleed[2] || v[1] < bleed[1] || v[1] > bleed[3]
            })
            .count();
        assert_eq!(outside, 16, "page {number}: eight crop and eight bleed marks");
        // Creep: the inner sheets' pages move towards the staples; the
        // outer sheet's do not.
        // promise's move wraps the whole page: `q 1 0 0 1 x 0 cm ... Q`.
        let shift = (ops[0].operator == "q" && ops[1].operator == "cm")
            .then(|| {
                ops[1]
                    .operands
                    .iter()
                    .map(|o| o.as_float().unwrap())
                    .collect::<Vec<f32>>()
            })
            .filter(|m| m[..4] == [1.0, 0.0, 0.0, 1.0] && m[5] == 0.0)
            .map(|m| m[4] / MM);
        let sheet = (*number as usize).min(13 - *number as usize).div_ceil(2);
        match sheet {
            1 => assert!(shift.is_none_or(|s| s.abs() < 0.001), "page {number}: {shift:?}"),
            _ => {
                let expected = (sheet - 1) as f32 * 0.15 * if number % 2 == 1 { -1.0 } else { 1.0 };
                assert!(
                    shift.is_some_and(|s| (s - expected).abs() < 0.001),
                    "page {number}: {shift:?}"
                );
            }
        }
    }
}

#[test]
fn a_helpline_s_ages_and_the_print_shop_s_contact_are_checked_at_their_line() {
    let dir = common::copy_of_example();
    let site = dir.path().join("content/site.toml");
    common::replace(&site, "ages = \"0-18\"", "ages = \"under 19\"");
    common::replace(&site, "contact = \"participation-team\"", "contact = \"print-room\"");
    let out = common::promise(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let said = common::stderr(&out);
    assert!(
        said.contains("error[bad-ages]: \"under 19\" is not a range of ages"),
        "{said}"
    );
    assert!(
        said.contains("error[unknown-contact]: there is no contact called \"print-room\""),
        "{said}"
    );
}

/// Every reader's and print shop's leaflet a build wrote into `public/`.
fn built_leaflets(dir: &std::path::Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let public = dir.join("public");
    walkdir::WalkDir::new(&public)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.path().extension().is_some_and(|x| x == "pdf"))
        .map(|e| {
            let name = e.path().strip_prefix(&public).unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// The leaflets kept for the next build, and when each was written.
fn kept_leaflets(dir: &std::path::Path) -> std::collections::BTreeMap<String, std::time::SystemTime> {
    std::fs::read_dir(dir.join(".public.leaflets"))
        .unwrap()
        .map(Result::unwrap)
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                e.metadata().unwrap().modified().unwrap(),
            )
        })
        .collect()
}

#[test]
fn a_kept_leaflet_is_the_one_typesetting_makes_and_a_changed_number_makes_again_each_leaflet_that_prints_it() {
    let dir = common::copy_of_example();
    let build = || {
        let out = common::promise(dir.path(), &["build", "--today", "2026-11-22"]);
        assert!(out.status.success(), "{}", common::stderr(&out));
    };
    build();
    let typeset = built_leaflets(dir.path());
    let first = kept_leaflets(dir.path());
    let readers = typeset.keys().filter(|f| !f.contains("/print/")).count();
    assert_eq!(first.len(), readers, "one kept leaflet for each made");

    // Nothing changed: nothing is typeset again, and what is kept is what
    // typesetting made, byte for byte.
    build();
    assert_eq!(kept_leaflets(dir.path()), first, "no leaflet was typeset again");
    assert!(
        built_leaflets(dir.path()) == typeset,
        "a kept leaflet differs from the typeset one"
    );

    // A contact's number is in some leaflets: each of those, and only
    // those, is typeset again.
    common::replace(&dir.path().join("content/site.toml"), "0113 496 0202", "0113 496 0222");
    build();
    let changed = built_leaflets(dir.path());
    let prints_it: Vec<&String> = changed
        .iter()
        .filter(|(f, _)| !f.contains("/print/"))
        .filter(|(_, bytes)| {
            let pdf = Document::load_mem(bytes).unwrap();
            let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
            pdf.extract_text(&pages)
                .unwrap()
                .replace([' ', '\n'], "")
                .contains("01134960222")
        })
        .map(|(f, _)| f)
        .collect();
    assert!(!prints_it.is_empty() && prints_it.len() < readers, "{prints_it:?}");
    let now = kept_leaflets(dir.path());
    let made_again = now.keys().filter(|k| !first.contains_key(*k)).count();
    assert_eq!(made_again, prints_it.len(), "{prints_it:?}");
    assert_eq!(now.len(), readers, "the old copies are pruned");
    for (file, bytes) in &changed {
        let reader = file.replace("/print/", "/");
        assert_eq!(
            bytes == &typeset[file],
            !prints_it.contains(&&reader),
            "{file} should change only if it prints the number"
        );
    }
}
