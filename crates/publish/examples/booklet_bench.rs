//! Typesets a synthetic booklet of N entries × W words and reports the time; `bench/booklet.sh`
//! runs it under `/usr/bin/time -v` for the peak memory.
//!
//! cargo run --release -p juryn-publish --example booklet_bench -- 290 1500 /tmp/booklet.pdf

use std::time::Instant;

use juryn_publish::booklet::{Booklet, Chapter, Section, Stage, Words, blocks, pdf};

const VOCABULARY: &[&str] = &[
    "kommunen",
    "digitala",
    "tjänster",
    "invånarna",
    "utveckling",
    "förvaltningen",
    "arbetet",
    "och",
    "med",
    "för",
    "att",
    "vi",
    "har",
    "e-tjänster",
    "skolan",
    "omsorgen",
    "medarbetare",
    "öppna",
    "data",
    "samverkan",
    "välfärdsteknik",
    "projektet",
    "resultat",
    "lärdomar",
    "effekter",
    "invånardialog",
    "bredband",
    "en",
    "av",
];

fn answer(words: usize, seed: usize) -> String {
    let mut out = String::with_capacity(words * 9);
    for i in 0..words {
        let w = VOCABULARY[(i * 7 + seed * 13 + i / 5) % VOCABULARY.len()];
        if i % 90 == 89 {
            out.push_str(".\n\n");
        } else if i % 35 == 0 && i > 0 {
            out.push_str(". ");
        } else if i > 0 {
            out.push(' ');
        }
        if i % 400 == 17 {
            out.push_str("**");
            out.push_str(w);
            out.push_str("**");
        } else {
            out.push_str(w);
        }
    }
    out.push_str(".\n\n- ett första steg\n- ett andra steg\n");
    out
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let entries: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(290);
    let words: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(1500);
    let out = args.get(3).cloned().unwrap_or_else(|| "/tmp/booklet-bench.pdf".into());
    let questions = [
        "Vilket utvecklingsarbete är ni mest stolta över?",
        "Vilken effekt har det gett?",
        "Vilka lärdomar har ni dragit?",
    ];
    let chapters = (0..entries)
        .map(|n| Chapter {
            code: format!("{n:04}"),
            municipality: format!("Kommun {n:03}"),
            county: "Exempellän".into(),
            sections: questions
                .iter()
                .enumerate()
                .map(|(q, question)| Section {
                    question: (*question).into(),
                    answer: blocks(&answer(words / 3, n + q)),
                })
                .collect(),
        })
        .collect();
    let booklet = Booklet {
        title: "Kommunernas utveckling i en digital tid".into(),
        award: "Sveriges DigitaliseringsKommun".into(),
        year: 2019,
        organiser: "Exempelorganisationen".into(),
        foreword: blocks(&answer(400, 1)),
        chapters,
        map_svg: String::new(),
        cover: None,
        words: Words {
            contents: "Innehåll".into(),
            foreword: "Förord".into(),
            lang: "sv".into(),
            ..Words::default()
        },
    };
    let started = Instant::now();
    let (mut chapters, mut laid_out) = (started, started);
    let bytes = pdf(&booklet, &mut |stage| match stage {
        Stage::Front => chapters = Instant::now(),
        Stage::Writing => laid_out = Instant::now(),
        Stage::Chapters { .. } => {}
    })
    .expect("typesets")
    .bytes;
    let took = started.elapsed();
    std::fs::write(&out, &bytes).expect("writes");
    println!(
        "{entries} entries × {words} words: {:.2} s ({:.2} s chapters, {:.2} s front and furniture, {:.2} s PDF), {} bytes",
        took.as_secs_f64(),
        (chapters - started).as_secs_f64(),
        (laid_out - chapters).as_secs_f64(),
        laid_out.elapsed().as_secs_f64(),
        bytes.len()
    );
}
