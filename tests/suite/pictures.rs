//! No picture is published as it came: the example's photo was taken (for
//! the example) with a GPS position, a camera name, a comment and a sideways
//! orientation in its EXIF; what is published carries none of them, is
//! upright, and comes in widths for phones.

use crate::common;

use std::fs;
use std::path::Path;

use image::GenericImageView;

/// The JPEG segments that carry metadata: APP1 (EXIF, XMP), APP13 (IPTC),
/// COM (comments). Returns the markers found before the picture data.
fn metadata_markers(jpeg: &[u8]) -> Vec<u8> {
    assert_eq!(&jpeg[..2], [0xFF, 0xD8], "a JPEG starts with SOI");
    let mut found = Vec::new();
    let mut i = 2;
    while i + 4 <= jpeg.len() && jpeg[i] == 0xFF {
        let marker = jpeg[i + 1];
        if marker == 0xDA {
            break;
        }
        if matches!(marker, 0xE1..=0xEF | 0xFE) {
            found.push(marker);
        }
        let len = usize::from(u16::from_be_bytes([jpeg[i + 2], jpeg[i + 3]]));
        i += 2 + len;
    }
    found
}

#[test]
fn the_example_photo_has_a_location_to_remove() {
    let original = fs::read(common::example().join("images/park.jpg")).unwrap();
    assert!(
        metadata_markers(&original).contains(&0xE1),
        "the example photo keeps its EXIF"
    );
    let exif = exif::Reader::new()
        .read_from_container(&mut std::io::Cursor::new(&original))
        .unwrap();
    assert!(exif.get_field(exif::Tag::GPSLatitude, exif::In::PRIMARY).is_some());
}

#[test]
fn published_pictures_carry_no_metadata_and_stand_upright() {
    let dir = common::copy_of_example();
    let out = common::promise(dir.path(), &["build", "--no-leaflets"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let public = dir.path().join("public");
    for (file, width, height) in [
        ("park.jpg", 1080, 675),
        ("park.720w.jpg", 720, 450),
        ("park.360w.jpg", 360, 225),
    ] {
        let bytes = fs::read(public.join("images").join(file)).unwrap();
        assert_eq!(metadata_markers(&bytes), Vec::<u8>::new(), "{file} has metadata");
        for needle in [
            &b"Exif"[..],
            b"GPS",
            b"ExamplePhone",
            b"Example Road",
            b"http://ns.adobe.com",
        ] {
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle),
                "{file} holds {needle:?}"
            );
        }
        let picture = image::load_from_memory(&bytes).unwrap();
        assert_eq!(picture.dimensions(), (width, height), "{file}");
        // Upright: sky at the top, grass at the bottom.
        let sky = picture.get_pixel(width / 4, 2);
        let grass = picture.get_pixel(width / 4, height - 3);
        assert!(sky[2] > sky[0] && sky[2] > 200, "{file}: the top is {sky:?}");
        assert!(
            grass[1] > grass[2] && grass[1] > grass[0],
            "{file}: the bottom is {grass:?}"
        );
    }
    assert!(!public.join("images/park.1080w.jpg").exists());

    let html = fs::read_to_string(public.join("0-11/keeping-healthy/index.html")).unwrap();
    let page = scraper::Html::parse_document(&html);
    let img = page
        .select(&scraper::Selector::parse("main img").unwrap())
        .next()
        .expect("the page shows the photo");
    let attr = |name: &str| img.value().attr(name).unwrap_or_default().to_string();
    assert_eq!(attr("src"), "../../images/park.jpg");
    assert_eq!(
        attr("srcset"),
        "../../images/park.360w.jpg 360w, ../../images/park.720w.jpg 720w, ../../images/park.jpg 1080w"
    );
    assert!(!attr("sizes").is_empty());
    assert_eq!((attr("width"), attr("height")), ("1080".to_string(), "675".to_string()));
    assert!(attr("alt").starts_with("A path through a green park"));

    // Cleaned once, kept for the next build.
    let cache = dir.path().join(".public.pictures");
    assert_eq!(fs::read_dir(&cache).unwrap().count(), 1);
}

#[test]
fn pictures_that_cannot_be_published_are_errors_check_finds_first() {
    let dir = common::copy_of_example();
    let images = dir.path().join("content/images");
    fs::write(images.join("broken.png"), b"not really a picture").unwrap();
    fs::write(
        images.join("badge.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<circle r=\"4\" onload=\"alert(1)\"/></svg>",
    )
    .unwrap();
    fs::write(images.join("notes.txt"), "notes").unwrap();
    for command in [&["check"][..], &["build", "--no-leaflets"]] {
        let out = common::promise(dir.path(), command);
        assert_eq!(out.status.code(), Some(1), "{command:?}");
        let text = common::stderr(&out);
        for part in [
            "error[bad-picture]: this picture cannot be read",
            "content/images/broken.png",
            "error[unsafe-svg]: this SVG picture has an onload attribute, which runs code",
            "content/images/badge.svg:2:",
            "error[not-a-picture]",
            "content/images/notes.txt",
        ] {
            assert!(text.contains(part), "{command:?}: {part} not in {text}");
        }
    }
    assert!(!Path::new(&dir.path().join("public")).exists());
}

#[test]
fn leaflets_use_the_cleaned_pictures() {
    let dir = common::copy_of_example();
    let template = fs::read_to_string(common::example().join("../themes/default/leaflet/leaflet.typ")).unwrap();
    let leaflet = dir.path().join("content/theme/leaflet");
    fs::create_dir_all(&leaflet).unwrap();
    fs::write(
        leaflet.join("leaflet.typ"),
        format!("{template}\n#image(\"images/park.jpg\", width: 20mm, alt: \"A park\")\n"),
    )
    .unwrap();
    let out = common::promise(dir.path(), &["build", "--today", "2026-11-22"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let pdf = fs::read(dir.path().join("public/leaflets/0-11.pdf")).unwrap();
    let document = lopdf::Document::load_mem(&pdf).unwrap();
    let widths: Vec<i64> = document
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| s.dict.get(b"Subtype").and_then(|t| t.as_name()).ok() == Some(b"Image"))
        .filter_map(|s| s.dict.get(b"Width").and_then(|w| w.as_i64()).ok())
        .collect();
    assert_eq!(widths, [1080], "the leaflet holds the cleaned photo");
    for needle in [&b"ExamplePhone"[..], b"Example Road"] {
        assert!(!pdf.windows(needle.len()).any(|w| w == needle));
    }
}

#[test]
fn a_picture_too_large_is_refused_at_once_without_the_memory_it_claims() {
    let dir = common::copy_of_example();
    let images = dir.path().join("content/images");
    let bomb = crate::png_bomb::png_bomb(30_000);
    assert!(bomb.len() < 2_000_000, "{} bytes", bomb.len());
    fs::remove_file(images.join("park.jpg")).unwrap();
    fs::write(images.join("park.png"), &bomb).unwrap();
    fs::write(images.join("spare.png"), &bomb).unwrap();
    let page = dir.path().join("content/promises/0-11/keeping-healthy.md");
    common::replace(&page, "/images/park.jpg", "/images/park.png");
    // Its heap held to 200 MB: reading the picture's pixels, 900 MB, would
    // stop the program with an allocation failure, not the error below.
    // (How long it takes, and the most it holds, are measured by
    // `cargo bench --bench large_file`.)
    let out = std::process::Command::new("prlimit")
        .arg("--data=200000000")
        .arg(env!("CARGO_BIN_EXE_promise"))
        .args(["check"])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let said = common::stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(
        said.contains("error[picture-too-large]: this picture is 30000 × 30000 pixels, more than promise takes (40 megapixels and 25 MB)"),
        "{said}"
    );
    // Said where the page shows it, naming the picture.
    assert!(
        said.contains("--> content/promises/0-11/keeping-healthy.md:12:1"),
        "{said}"
    );
    assert!(said.contains("images/park.png in the content folder"), "{said}");
    // One that no page shows is said at its own file.
    assert!(said.contains("in content/images/spare.png"), "{said}");
    assert_eq!(said.matches("picture-too-large").count(), 2, "{said}");
}
