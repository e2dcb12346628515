//! The booklet typeset for real and read back in Rust (`juryn-readback`: text by page, page
//! count, metadata, structure tags), so the tests need nothing but Rust.

use juryn_publish::booklet::{
    Booklet, BookletError, Chapter, CoverProblem, FOREWORD_MAX_WORDS, Section, Words, blocks, check_cover,
    pdf,
};

fn words() -> Words {
    Words {
        contents: "Innehåll".into(),
        foreword: "Förord".into(),
        map_heading: "Deltagande kommuner".into(),
        map_alt: "Karta över Sverige där de deltagande kommunerna är markerade.".into(),
        map_credit: "Kartdata: SCB".into(),
        cover_alt: "Omslagsbild".into(),
        no_answer: "Kommunen besvarade inte frågan.".into(),
        participants: "2 kommuner deltar.".into(),
        imprint: "Utgiven av Exempelorganisationen, 2019.".into(),
        lang: "sv".into(),
    }
}

fn chapter(name: &str, county: &str, answers: &[&str]) -> Chapter {
    Chapter {
        code: "0000".into(),
        municipality: name.into(),
        county: county.into(),
        sections: answers
            .iter()
            .enumerate()
            .map(|(i, a)| Section { question: format!("Fråga {}", i + 1), answer: blocks(a) })
            .collect(),
    }
}

fn booklet(chapters: Vec<Chapter>) -> Booklet {
    Booklet {
        title: "Kommunernas utveckling i en digital tid".into(),
        award: "Sveriges DigitaliseringsKommun".into(),
        year: 2019,
        organiser: "Exempelorganisationen".into(),
        foreword: blocks("Välkommen till *skriften*."),
        chapters,
        map_svg: String::new(),
        cover: None,
        words: words(),
    }
}

/// The PDF's text (pages separated by form feeds), and a report of its metadata in the form
/// `Name: value` per line.
fn read_back(bytes: &[u8]) -> (String, String) {
    if let Ok(keep) = std::env::var("BOOKLET_KEEP") {
        std::fs::write(keep, bytes).unwrap();
    }
    let pdf = juryn_readback::read(bytes);
    let info = format!(
        "Title: {}\nAuthor: {}\nTagged: {}\nPages: {}\n",
        pdf.title,
        pdf.author,
        if pdf.tagged { "yes" } else { "no" },
        pdf.pages.len()
    );
    (pdf.text(), info)
}

/// A field of the metadata report.
fn field<'a>(info: &'a str, name: &str) -> &'a str {
    info.lines().find_map(|l| l.strip_prefix(name)?.strip_prefix(':')).map_or("", str::trim)
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace() && *c != '\u{200B}').collect()
}

/// Answers are limited Markdown (as on the web page): `**x**` is bold and `` `x` `` code. Every
/// other character, including what typst would read as markup, prints as typed.
#[test]
fn user_text_prints_as_the_characters_typed() {
    let nasty = [
        "#set page(width: 1cm)",
        "$x^2$",
        "#panic(\"boom\")",
        "@referens <etikett>",
        "\\\\ bakåtsnedstreck \\",
        "[hakparentes] och ett ` ensamt bakåtfnutt",
        "a_b_c och 3 * 4 * 5 och **fet text**",
        "Glad 😀 och ❤",
        "שלום עולם",
        "مرحبا بالعالم",
    ];
    let long_word = "Digitaliseringsutvecklingsprogramsamordnarutbildningsverksamheten".repeat(4);
    let many_words = "ord ".repeat(5_000);
    let answers: Vec<String> = vec![nasty.join("\n\n"), long_word.clone(), many_words];
    let refs: Vec<&str> = answers.iter().map(String::as_str).collect();
    let bytes = pdf(&booklet(vec![chapter("Exempelby", "Exempellän", &refs)]), &mut |_| {}).unwrap().bytes;
    let (text, info) = read_back(&bytes);
    let flat = squeeze(&text);
    for n in [
        "#setpage(width:1cm)",
        "$x^2$",
        "#panic(\"boom\")",
        "@referens<etikett>",
        "[hakparentes]",
        "a_b_coch3*4*5ochfettext",
        "😀",
        "❤",
    ] {
        assert!(flat.contains(n), "{n} missing from the PDF's text");
    }
    assert!(flat.contains("\\bakåtsnedstreck\\"), "backslashes lost");
    assert!(flat.contains("ochett`ensamtbakåtfnutt"), "a backtick lost");
    // Right-to-left text is stored in reading order.
    assert!(
        flat.contains("שלוםעולם") || flat.contains("עולםשלום"),
        "Hebrew lost: {}",
        &text[..text.len().min(4000)]
    );
    assert!(flat.contains("مرحبابالعالم") || flat.contains("بالعالممرحبا"), "Arabic lost");
    assert!(claims_pdf_ua(&bytes), "every character here has a shipped font");
    assert!(flat.contains(&long_word), "a very long word is cut");
    assert!(text.matches("ord").count() >= 5_000);
    assert_eq!(field(&info, "Title"), "Kommunernas utveckling i en digital tid");
    assert_eq!(field(&info, "Author"), "Exempelorganisationen");
    assert_eq!(field(&info, "Tagged"), "yes");
    assert!(bytes.windows(9).any(|w| w == b"/Lang(sv)"), "the catalogue states the language");
}

#[test]
fn contents_with_page_numbers_chapters_in_order_and_empty_answers_said() {
    let b = booklet(vec![
        chapter("Karlskrona", "Blekinge län", &["Vi byggde **e-tjänster**.\n\n- ett\n- två"]),
        chapter("Lidingö", "Stockholms län", &["", ""]),
    ]);
    let (text, info) = read_back(&pdf(&b, &mut |_| {}).unwrap().bytes);
    let pages: usize = field(&info, "Pages").parse().unwrap();
    assert!(pages >= 5, "cover, imprint, contents, foreword, two chapters: {pages}");
    // The contents name each chapter with the page it starts on.
    let contents = text.split('\u{c}').nth(2).unwrap();
    assert!(contents.contains("Innehåll"), "{contents}");
    assert!(
        contents.lines().any(|l| l.contains("Karlskrona") && l.trim_end().ends_with(char::is_numeric)),
        "{contents}"
    );
    let karlskrona = text.find("Vi byggde").unwrap();
    let lidingo = text.rfind("Lidingö").unwrap();
    assert!(karlskrona < lidingo, "alphabetical order kept");
    assert_eq!(text.matches("Kommunen besvarade inte frågan.").count(), 2);
    assert!(text.contains("Blekinge län"));
}

#[test]
fn very_long_names_and_forewords_of_none_or_ten_thousand_words() {
    let long_name =
        "Övre Norrlands Förenade Samverkanskommun för Digital Utveckling och Innovation i Glesbygd".repeat(2);
    let mut b = booklet(vec![chapter(&long_name, "Norrbottens län", &["Kort svar."])]);
    b.foreword = Vec::new();
    let (text, _) = read_back(&pdf(&b, &mut |_| {}).unwrap().bytes);
    assert!(!text.contains("Förord"), "no foreword page without a foreword");
    assert!(squeeze(&text).contains(&squeeze(&long_name)), "a long name is printed whole");

    b.foreword = blocks(&"förord ".repeat(FOREWORD_MAX_WORDS));
    let (text, _) = read_back(&pdf(&b, &mut |_| {}).unwrap().bytes);
    assert!(text.contains("Förord"));
    assert_eq!(text.matches("förord").count(), FOREWORD_MAX_WORDS);

    b.foreword = blocks(&"förord ".repeat(FOREWORD_MAX_WORDS + 1));
    assert!(
        matches!(pdf(&b, &mut |_| {}), Err(BookletError::ForewordTooLong(n)) if n == FOREWORD_MAX_WORDS + 1)
    );
}

#[test]
fn no_consenting_entries_make_no_pdf() {
    assert!(matches!(pdf(&booklet(Vec::new()), &mut |_| {}), Err(BookletError::NoChapters)));
}

fn png(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_pixel(width, height, image::Rgb([31, 78, 121]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

#[test]
fn the_cover_image_is_checked_and_printed() {
    assert_eq!(check_cover(b"GIF89a not ours"), Err(CoverProblem::NotAnImage));
    assert_eq!(check_cover(b"%PDF-1.7"), Err(CoverProblem::NotAnImage));
    let mut broken = png(40, 30);
    broken.truncate(60);
    assert_eq!(check_cover(&broken), Err(CoverProblem::NotAnImage), "right magic, broken body");
    assert_eq!(check_cover(&vec![0u8; 50 * 1024 * 1024]), Err(CoverProblem::TooLarge));
    assert_eq!(check_cover(&png(40, 30)), Ok("png"));

    let mut b = booklet(vec![chapter("Umeå", "Västerbottens län", &["Svar."])]);
    b.cover = Some(b"<svg onload=alert(1)>".to_vec());
    assert!(matches!(pdf(&b, &mut |_| {}), Err(BookletError::Cover(CoverProblem::NotAnImage))));
    b.cover = Some(png(400, 300));
    b.map_svg = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 20"><path d="M1 1h8v18h-8z" fill="#1f4e79"/></svg>"##.into();
    let bytes = pdf(&b, &mut |_| {}).unwrap().bytes;
    let (text, _) = read_back(&bytes);
    assert!(text.contains("Deltagande kommuner") && text.contains("Kartdata: SCB"));
    assert!(
        bytes.windows(8).any(|w| w == b"/Subtype") && bytes.windows(6).any(|w| w == b"/Image"),
        "the cover is embedded"
    );
}

/// The chapters are typeset apart and put together: the contents must name the page each
/// chapter really starts on, and the running head must stand on a chapter's later pages only.
#[test]
fn contents_page_numbers_match_the_pages_and_running_heads_follow_the_chapter() {
    let long = "ord ".repeat(2_500);
    let b = booklet(vec![
        chapter("Arvika", "Värmlands län", &[&long]),
        chapter("Boden", "Norrbottens län", &["Kort."]),
        chapter("Eda", "Värmlands län", &[&long]),
    ]);
    let bytes = pdf(&b, &mut |_| {}).unwrap().bytes;
    let (text, _) = read_back(&bytes);
    let pages: Vec<&str> = text.split('\u{c}').collect();
    let contents = pages[2];
    for name in ["Arvika", "Boden", "Eda"] {
        let line =
            contents.lines().find(|l| l.starts_with(name)).unwrap_or_else(|| panic!("{name} in {contents}"));
        let number: usize =
            line.trim_end().rsplit(|c: char| !c.is_ascii_digit()).next().unwrap().parse().unwrap();
        let page = pages[number - 1];
        assert!(
            page.contains(name) && !page.contains("Kommunernas utveckling"),
            "{name} opens page {number} without a running head: {page}"
        );
        assert!(page.trim_end().ends_with(&number.to_string()), "page {number} is numbered so");
    }
    // Put together, the parts are still one tagged document: a heading per chapter (and for the
    // contents and the foreword), the contents as links.
    let tree: String =
        juryn_readback::read(&bytes).structure.iter().map(|s| format!("{s} (block)\n")).collect();
    assert_eq!(tree.lines().filter(|l| l.trim_start().starts_with("H1 ")).count(), 5, "{tree}");
    assert!(tree.lines().filter(|l| l.trim_start().starts_with("Link")).count() >= 4, "{tree}");
    let arvika: usize = 5; // cover, imprint, contents, foreword, then Arvika
    assert!(
        pages[arvika].starts_with("Kommunernas utveckling i en digital tid"),
        "a later page has the running head: {}",
        &pages[arvika][..80]
    );
    assert!(pages[arvika].contains("Arvika"));
}

/// Characters no shipped font has (CJK, most emoji) cannot be PDF/UA-1; the booklet is made
/// anyway, tagged, without claiming it.
#[test]
fn text_no_shipped_font_covers_still_makes_a_booklet() {
    let b = booklet(vec![chapter("Kiruna", "Norrbottens län", &["Sámegiella: Giron. 漢字 と かな. 🦀 🛷"])]);
    let bytes = pdf(&b, &mut |_| {}).unwrap().bytes;
    let (text, info) = read_back(&bytes);
    assert!(text.contains("Sámegiella: Giron."), "{text}");
    assert_eq!(field(&info, "Tagged"), "yes");
    assert!(!claims_pdf_ua(&bytes), "not PDF/UA when glyphs are missing");
    let covered = booklet(vec![chapter("Kiruna", "Norrbottens län", &["Sámegiella: Giron."])]);
    assert!(claims_pdf_ua(&pdf(&covered, &mut |_| {}).unwrap().bytes), "PDF/UA-1 when it holds");
}

fn claims_pdf_ua(pdf: &[u8]) -> bool {
    pdf.windows(7).any(|w| w == b"pdfuaid")
}

#[test]
fn a_self_assessment_prints_as_a_table_of_indicators_and_words() {
    use juryn_publish::booklet::Block;
    let mut c = chapter("Exempelby", "Exempellän", &["Ett svar."]);
    let rows = [["E-tjänster", "Helt"], ["Öppna data", "Delvis"], ["AI-stöd", "Inte alls"]]
        .map(|[a, b]| [a.to_owned(), b.to_owned()])
        .to_vec();
    c.sections.push(Section {
        question: "Hur mogen är kommunen?".into(),
        answer: vec![Block::Table { head: ["Indikator".into(), "Svar".into()], rows }],
    });
    let bytes = pdf(&booklet(vec![c]), &mut |_| {}).unwrap().bytes;
    if let Ok(path) = std::env::var("JURYN_PDF_OUT") {
        std::fs::write(path, &bytes).unwrap();
    }
    let (text, _) = read_back(&bytes);
    let flat = squeeze(&text);
    // In reading order, row by row (squeezed: no spaces).
    assert!(flat.contains("IndikatorSvarE-tjänsterHeltÖppnadataDelvisAI-stödIntealls"), "{flat}");
}
