//! The ranking as an inline SVG chart that needs no script: one row per entry, best first, the
//! juror-adjusted score as a filled dot on its bootstrap interval, the raw mean as a ring, and a
//! dashed line at the shortlist cut. Scores are drawn on 0–100. The chart has a title and a
//! description, and each row its own `<title>`; the ranking table beside it carries the same
//! figures as text, so nothing is only in the picture (WCAG 1.1.1).

use std::fmt::Write;

use juryn_domain::ranking::{Ranked, Ranking};

use crate::layout::escape;

const WIDTH: f64 = 640.0;
const LABEL: f64 = 210.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 28.0;
const ROW: f64 = 24.0;

fn x(score: f64) -> f64 {
    LABEL + score.clamp(0.0, 1.0) * (WIDTH - LABEL - RIGHT)
}

/// The texts the caller translates: the chart's title and description, each entry's name, and a
/// sentence describing one row (place, interval, scores) for its tooltip and screen readers.
pub struct ChartText<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub name: &'a dyn Fn(usize) -> String,
    pub describe: &'a dyn Fn(&Ranked) -> String,
}

pub fn ranking(ranking: &Ranking, cut: usize, text: &ChartText<'_>) -> String {
    let rows = ranking.rows.len() as f64;
    let height = TOP + rows * ROW + 8.0;
    let mut out = String::with_capacity(512 + ranking.rows.len() * 400);
    let _ = write!(
        out,
        r#"<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="rank-t rank-d" xmlns="http://www.w3.org/2000/svg"><title id="rank-t">{}</title><desc id="rank-d">{}</desc>"#,
        escape(text.title),
        escape(text.description)
    );
    for tick in [0, 25, 50, 75, 100] {
        let tx = x(f64::from(tick) / 100.0);
        let _ = write!(
            out,
            r#"<line class="grid" x1="{tx:.1}" y1="{}" x2="{tx:.1}" y2="{:.1}"/><text class="tick" x="{tx:.1}" y="{}" text-anchor="middle">{tick}</text>"#,
            TOP - 6.0,
            height - 8.0,
            TOP - 10.0
        );
    }
    for (i, row) in ranking.rows.iter().enumerate() {
        let y = TOP + (i as f64 + 0.5) * ROW;
        let (lo, hi) = row.adjusted_interval;
        let _ = write!(
            out,
            r#"<g class="row"><title>{}</title><text class="name" x="{:.1}" y="{:.1}" text-anchor="end">{}. {}</text><line class="iv" x1="{:.1}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}"/><circle class="raw" cx="{:.1}" cy="{y:.1}" r="4"/><circle class="adj" cx="{:.1}" cy="{y:.1}" r="5"/></g>"#,
            escape(&(text.describe)(row)),
            LABEL - 8.0,
            y + 4.0,
            row.rank,
            escape(&(text.name)(row.entry)),
            x(lo),
            x(hi),
            x(row.raw_mean),
            x(row.adjusted),
        );
    }
    if cut > 0 && ranking.rows.len() > cut {
        let y = TOP + cut as f64 * ROW;
        let _ = write!(out, r#"<line class="cut" x1="0" y1="{y:.1}" x2="{WIDTH}" y2="{y:.1}"/>"#);
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use juryn_domain::ranking::{Options, Review, rank};

    use super::*;

    fn sample() -> Ranking {
        let reviews: Vec<Review> = (0..3)
            .flat_map(|e| {
                (0..4).map(move |j| Review { entry: e, juror: j, score: 0.2 * e as f64 + 0.05 * j as f64 })
            })
            .collect();
        rank(3, 4, &reviews, &Options { top_k: 2, resamples: 50, ..Options::default() })
    }

    fn render(ranking: &Ranking, cut: usize) -> String {
        let names = ["Kalmar", "Orsa & Mora", "<Växjö>"];
        let name = |e: usize| names[e].to_string();
        let describe = |r: &Ranked| format!("Plats {}: {:.0} poäng", r.rank, r.adjusted * 100.0);
        ranking_with(ranking, cut, &name, &describe)
    }

    fn ranking_with(
        ranking: &Ranking,
        cut: usize,
        name: &dyn Fn(usize) -> String,
        describe: &dyn Fn(&Ranked) -> String,
    ) -> String {
        super::ranking(
            ranking,
            cut,
            &ChartText { title: "Rangordning", description: "Justerad poäng", name, describe },
        )
    }

    #[test]
    fn one_labelled_row_per_entry_best_first_with_a_text_alternative() {
        let svg = render(&sample(), 2);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains(r#"role="img" aria-labelledby="rank-t rank-d""#));
        assert!(
            svg.contains(r#"<title id="rank-t">Rangordning</title><desc id="rank-d">Justerad poäng</desc>"#)
        );
        assert_eq!(svg.matches(r#"<g class="row">"#).count(), 3);
        let first = svg.find("1. &lt;Växjö&gt;").expect("best entry first, escaped");
        let second = svg.find("2. Orsa &amp; Mora").expect("second, escaped");
        assert!(first < second && svg.contains("3. Kalmar"));
        assert!(svg.contains("<title>Plats 1: "));
    }

    #[test]
    fn the_cut_line_is_drawn_only_when_some_entry_falls_below_it() {
        assert_eq!(render(&sample(), 2).matches(r#"class="cut""#).count(), 1);
        assert_eq!(render(&sample(), 3).matches(r#"class="cut""#).count(), 0);
        assert_eq!(render(&sample(), 0).matches(r#"class="cut""#).count(), 0);
    }

    #[test]
    fn every_mark_lies_inside_the_plot() {
        let svg = render(&sample(), 2);
        for attr in [" cx=\"", " x1=\"", " x2=\""] {
            for part in svg.split(attr).skip(1) {
                let value: f64 = part[..part.find('"').expect("closing quote")].parse().expect("number");
                assert!((0.0..=WIDTH).contains(&value), "{attr}{value}");
            }
        }
        for part in svg.split(r#"class="adj" cx=""#).skip(1) {
            let value: f64 = part[..part.find('"').expect("quote")].parse().expect("number");
            assert!((LABEL..=WIDTH - RIGHT).contains(&value));
        }
    }
}
