//! PDFs read back in the tests, in Rust alone (no poppler): the text page by page, the page
//! count, the document's title and author, whether it is tagged, and the structure tree's
//! element types in document order. Test support only; nothing ships with it.

use pdf_extract::{Document, MediaBox, Object, OutputDev, OutputError, Transform};

/// What the tests look at in a PDF.
#[derive(Debug, Clone, Default)]
pub struct Pdf {
    /// Each page's text.
    pub pages: Vec<String>,
    pub title: String,
    pub author: String,
    /// The catalog says `/MarkInfo << /Marked true >>`.
    pub tagged: bool,
    /// The structure elements' types (`H1`, `Link`, `Figure`, …), in document order.
    pub structure: Vec<String>,
}

impl Pdf {
    /// The whole text, pages separated by a form feed (as `pdftotext` writes them).
    pub fn text(&self) -> String {
        self.pages.join("\u{c}")
    }
}

/// Reads `bytes` as a PDF; panics (the test fails) if it is not one.
pub fn read(bytes: &[u8]) -> Pdf {
    let doc = Document::load_mem(bytes).expect("a PDF that lopdf reads");
    let mut reader = Layout::default();
    pdf_extract::output_doc(&doc, &mut reader).expect("the PDF's text");
    let pages = reader.pages;
    let info = doc
        .trailer
        .get(b"Info")
        .ok()
        .and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_dict().ok());
    let field = |name: &[u8]| {
        info.and_then(|d| d.get(name).ok())
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_str().ok())
            .map(text_string)
            .unwrap_or_default()
    };
    let catalog = doc.catalog().expect("a catalog");
    let tagged = catalog
        .get(b"MarkInfo")
        .ok()
        .and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_dict().ok())
        .and_then(|d| d.get(b"Marked").ok())
        .and_then(|o| o.as_bool().ok())
        .unwrap_or(false);
    let mut structure = Vec::new();
    if let Ok(root) = catalog.get(b"StructTreeRoot") {
        walk(&doc, root, &mut structure, 0);
    }
    Pdf { title: field(b"Title"), author: field(b"Author"), pages, tagged, structure }
}

/// A PDF text string: UTF-16BE after a byte-order mark, else PDFDocEncoding (Latin-1 here).
fn text_string(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => {
            let units: Vec<u16> = utf16.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
            String::from_utf16_lossy(&units)
        }
        None => bytes.iter().map(|b| char::from(*b)).collect(),
    }
}

/// Collects the `/S` of every structure element under `node`, depth first.
fn walk(doc: &Document, node: &Object, out: &mut Vec<String>, depth: usize) {
    if depth > 200 {
        return;
    }
    let Ok((_, node)) = doc.dereference(node) else { return };
    match node {
        Object::Array(items) => {
            for item in items {
                walk(doc, item, out, depth + 1);
            }
        }
        Object::Dictionary(d) => {
            if let Ok(s) = d.get(b"S").and_then(Object::as_name) {
                out.push(String::from_utf8_lossy(s).into_owned());
            }
            if let Ok(kids) = d.get(b"K") {
                walk(doc, kids, out, depth + 1);
            }
        }
        _ => {}
    }
}

/// One glyph where the page puts it: top-down `y`, left-to-right `x` to `end`.
struct Glyph {
    x: f64,
    end: f64,
    y: f64,
    size: f64,
    text: String,
}

/// Text laid out as a reader sees it (as `pdftotext` does): lines from the top of the page
/// down, glyphs left to right within a line, a space where there is a gap, and runs of
/// right-to-left script turned back into reading order. Content-stream order is not enough:
/// the booklet draws its running heads last.
#[derive(Default)]
struct Layout {
    height: f64,
    glyphs: Vec<Glyph>,
    pages: Vec<String>,
}

impl OutputDev for Layout {
    fn begin_page(
        &mut self,
        _: u32,
        media_box: &MediaBox,
        _: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.height = media_box.ury - media_box.lly;
        self.glyphs.clear();
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        // Lines as the content stream draws them (a new line where the glyphs move down or back
        // to the left), then the lines sorted from the top of the page down.
        let glyphs = std::mem::take(&mut self.glyphs);
        let mut lines: Vec<(f64, String)> = Vec::new();
        let mut last: Option<&Glyph> = None;
        for g in &glyphs {
            let new_line = match last {
                None => true,
                Some(p) => (g.y - p.y).abs() > g.size.max(p.size) * 0.5,
            };
            if new_line {
                lines.push((g.y, String::new()));
            } else if last.is_some_and(|p| g.x > p.end + g.size * 0.1)
                && let Some((_, text)) = lines.last_mut()
            {
                text.push(' ');
            }
            if let Some((_, text)) = lines.last_mut() {
                text.push_str(&g.text);
            }
            last = Some(g);
        }
        lines.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut page = String::new();
        for (_, text) in lines {
            page.push_str(&reading_order(&text));
            page.push('\n');
        }
        self.pages.push(page);
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        // The glyph's size on the page: the square with the area of the transformed font box.
        let sx = font_size * trm.m11 + font_size * trm.m21;
        let sy = font_size * trm.m12 + font_size * trm.m22;
        let size = (sx * sy).abs().sqrt();
        let (x, y) = (trm.m31, self.height - trm.m32);
        self.glyphs.push(Glyph { x, end: x + width * size, y, size, text: char.to_owned() });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

fn right_to_left(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// A line in visual order with its right-to-left runs (and the spaces inside them) reversed
/// into the order they are read in.
fn reading_order(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < chars.len() {
        if right_to_left(chars[i]) {
            let mut j = i;
            while j < chars.len()
                && (right_to_left(chars[j])
                    || (chars[j] == ' '
                        && chars[j..].iter().take_while(|c| **c == ' ').count() < chars.len() - j
                        && chars[j..].iter().find(|c| **c != ' ').is_some_and(|c| right_to_left(*c))))
            {
                j += 1;
            }
            out.extend(chars[i..j].iter().rev());
            i = j;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::reading_order;

    #[test]
    fn right_to_left_runs_are_read_back_in_reading_order() {
        assert_eq!(reading_order("םלוע  םולש"), "שלום  עולם");
        assert_eq!(reading_order("Glad ❤ םולש x"), "Glad ❤ שלום x");
    }
}
