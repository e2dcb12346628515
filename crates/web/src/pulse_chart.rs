//! The pulse's charts as inline SVG that needs no script: a bar split by the self-assessment's
//! levels, and participation per year as columns. Each chart is `role="img"` with a title and a
//! description in words, and the page shows a table with the same figures beside it, so
//! nothing is only in the picture (WCAG 1.1.1). Colours are told apart by a pattern-free
//! order and by the table, never by colour alone.

use std::fmt::Write;

use crate::layout::escape;

/// One bar split into parts (helt, delvis, inte alls, not answered), `width` wide, with its
/// text alternative.
pub fn levels_bar(counts: &[u32; 4], alt: &str) -> String {
    const WIDTH: f64 = 240.0;
    const HEIGHT: f64 = 18.0;
    let total: u32 = counts.iter().sum();
    let mut out = format!(
        r#"<svg class="levels" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}"><title>{}</title>"#,
        escape(alt)
    );
    let mut x = 0.0;
    for (i, c) in counts.iter().enumerate() {
        if total == 0 || *c == 0 {
            continue;
        }
        let w = f64::from(*c) / f64::from(total) * WIDTH;
        let _ = write!(out, r#"<rect class="level-{i}" x="{x:.1}" y="0" width="{w:.1}" height="{HEIGHT}"/>"#);
        x += w;
    }
    out.push_str("</svg>");
    out
}

/// Columns, one per (label, value), scaled to the largest; with a title and a description.
pub fn columns(values: &[(String, u32)], title: &str, desc: &str) -> String {
    const COLUMN: f64 = 56.0;
    const HEIGHT: f64 = 160.0;
    const BASE: f64 = 140.0;
    let width = COLUMN * values.len().max(1) as f64 + 16.0;
    let most = values.iter().map(|v| v.1).max().unwrap_or(0).max(1);
    let mut out = format!(
        r#"<svg class="columns" role="img" aria-labelledby="cols-t cols-d" viewBox="0 0 {width} {HEIGHT}" width="{width}" height="{HEIGHT}"><title id="cols-t">{}</title><desc id="cols-d">{}</desc>"#,
        escape(title),
        escape(desc)
    );
    for (i, (label, value)) in values.iter().enumerate() {
        let h = f64::from(*value) / f64::from(most) * (BASE - 24.0);
        let x = 16.0 + COLUMN * i as f64;
        let _ = write!(
            out,
            r#"<rect class="column" x="{x:.1}" y="{:.1}" width="{:.1}" height="{h:.1}"/><text x="{:.1}" y="{:.1}" text-anchor="middle">{value}</text><text x="{:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
            BASE - h,
            COLUMN - 12.0,
            x + (COLUMN - 12.0) / 2.0,
            BASE - h - 4.0,
            x + (COLUMN - 12.0) / 2.0,
            BASE + 16.0,
            escape(label)
        );
    }
    out.push_str("</svg>");
    out
}
