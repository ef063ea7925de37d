//! The theme's illustrations as shapes the leaflet template draws itself,
//! in CMYK. Typst would print an SVG in RGB, which does not belong in a file
//! made for a CMYK press (PDF/X-4 with a CMYK output intent).

use serde_json::{Value, json};
use usvg::tiny_skia_path::PathSegment;
use usvg::{LineCap, LineJoin, Node, Paint};

use std::collections::BTreeMap;

use crate::render::theme::Theme;

/// Each of the theme's illustrations that can be drawn, by name.
pub fn drawings(theme: &Theme) -> BTreeMap<String, Value> {
    theme
        .illustrations
        .iter()
        .filter_map(|(name, svg)| Some((name.clone(), drawing(svg)?)))
        .collect()
}

/// An illustration as `{width, height, shapes}`: each shape a fill and a
/// stroke in CMYK percentages (or null), and its outline as segments in the
/// drawing's own units: `["m", x, y]`, `["l", x, y]`, `["q", x1, y1, x, y]`,
/// `["c", x1, y1, x2, y2, x, y]` and `["z"]`. None if it cannot be read.
fn drawing(svg: &str) -> Option<Value> {
    let tree = usvg::Tree::from_str(svg, &usvg::Options::default()).ok()?;
    let mut shapes = Vec::new();
    collect(tree.root(), &mut shapes);
    Some(json!({
        "width": tree.size().width(),
        "height": tree.size().height(),
        "shapes": shapes,
    }))
}

fn collect(group: &usvg::Group, shapes: &mut Vec<Value>) {
    for node in group.children() {
        match node {
            Node::Group(group) => collect(group, shapes),
            Node::Path(path) if path.is_visible() => {
                let Some(outline) = path.data().clone().transform(path.abs_transform()) else {
                    continue;
                };
                let fill = path.fill().and_then(|f| cmyk(f.paint()));
                let stroke = path.stroke().and_then(|s| {
                    Some(json!({
                        "paint": cmyk(s.paint())?,
                        // Strokes scale with the drawing, as the shapes do.
                        "width": s.width().get() * path.abs_transform().get_scale().0,
                        "cap": match s.linecap() {
                            LineCap::Butt => "butt",
                            LineCap::Round => "round",
                            LineCap::Square => "square",
                        },
                        "join": match s.linejoin() {
                            LineJoin::Round => "round",
                            LineJoin::Bevel => "bevel",
                            _ => "miter",
                        },
                    }))
                });
                if fill.is_none() && stroke.is_none() {
                    continue;
                }
                let segments: Vec<Value> = outline
                    .segments()
                    .map(|segment| match segment {
                        PathSegment::MoveTo(p) => json!(["m", p.x, p.y]),
                        PathSegment::LineTo(p) => json!(["l", p.x, p.y]),
                        PathSegment::QuadTo(c, p) => json!(["q", c.x, c.y, p.x, p.y]),
                        PathSegment::CubicTo(c1, c2, p) => json!(["c", c1.x, c1.y, c2.x, c2.y, p.x, p.y]),
                        PathSegment::Close => json!(["z"]),
                    })
                    .collect();
                shapes.push(json!({ "fill": fill, "stroke": stroke, "segments": segments }));
            }
            _ => {}
        }
    }
}

/// A flat colour as CMYK percentages, with the black taken out of the
/// three colours (the usual separation without a colour profile; the
/// illustrations are flat colours, so that is close enough for paper).
/// None for gradients and patterns, which the illustrations do not use.
fn cmyk(paint: &Paint) -> Option<[u8; 4]> {
    let Paint::Color(colour) = paint else { return None };
    let [r, g, b] = [colour.red, colour.green, colour.blue].map(|v| f64::from(v) / 255.0);
    let k = 1.0 - r.max(g).max(b);
    let ink = |v: f64| if k >= 1.0 { 0.0 } else { (1.0 - v - k) / (1.0 - k) };
    let percent = |v: f64| (v * 100.0).round().clamp(0.0, 100.0) as u8;
    Some([percent(ink(r)), percent(ink(g)), percent(ink(b)), percent(k)])
}
