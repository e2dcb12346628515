//! A table as a file: CSV (UTF-8 with a byte-order mark, so spreadsheet programs read å, ä and ö
//! right) or an XLSX workbook with one sheet per table, header row bold and frozen.

/// One cell: text, or a number that a spreadsheet can sum.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.to_owned())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(s)
    }
}

impl Cell {
    fn as_text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Empty => String::new(),
        }
    }
}

/// A named table: the sheet's name in a workbook.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Debug, thiserror::Error)]
pub enum TableError {
    #[error("writing CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("writing XLSX: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("writing CSV: {0}")]
    Io(#[from] std::io::Error),
}

/// A cell that a spreadsheet would read as a formula (`=`, `+`, `-`, `@` first) gets a leading
/// apostrophe: text typed by users must not run as a formula in the organiser's spreadsheet.
fn defuse(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_owned(),
    }
}

/// Rows of text as CSV with a header.
pub fn csv<S: AsRef<str>>(header: &[S], rows: &[Vec<String>]) -> Result<Vec<u8>, TableError> {
    let cells: Vec<Vec<Cell>> =
        rows.iter().map(|r| r.iter().map(|s| Cell::Text(s.clone())).collect()).collect();
    let header: Vec<String> = header.iter().map(|h| h.as_ref().to_owned()).collect();
    csv_of(&Sheet { name: String::new(), header, rows: cells })
}

/// A sheet as CSV: commas between fields, a point in decimals (for programs).
pub fn csv_of(sheet: &Sheet) -> Result<Vec<u8>, TableError> {
    csv_in(sheet, b',', '.')
}

/// A sheet as CSV the way a spreadsheet set to Swedish reads it: semicolons between fields and a
/// decimal comma ("73,5"), so numbers stay numbers when the file is opened.
pub fn csv_swedish(sheet: &Sheet) -> Result<Vec<u8>, TableError> {
    csv_in(sheet, b';', ',')
}

fn csv_in(sheet: &Sheet, delimiter: u8, decimal: char) -> Result<Vec<u8>, TableError> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::WriterBuilder::new().delimiter(delimiter).from_writer(&mut out);
        // Headers are typed by people too (criteria, questions): defused like the cells.
        w.write_record(sheet.header.iter().map(|h| defuse(h)))?;
        for row in &sheet.rows {
            w.write_record(row.iter().map(|c| match c {
                Cell::Text(s) => defuse(s),
                Cell::Number(_) => c.as_text().replace('.', &decimal.to_string()),
                Cell::Empty => String::new(),
            }))?;
        }
        w.flush()?;
    }
    Ok(out)
}

/// Rows read from CSV as people save it: UTF-8 with or without a byte-order mark, fields between
/// semicolons (a spreadsheet set to Swedish) or commas — whichever the first line has more of —
/// quoted where they need it, blank lines skipped.
pub fn read_csv(text: &str) -> Result<Vec<Vec<String>>, csv::Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or_default();
    let delimiter = if first.matches(';').count() > first.matches(',').count() { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let row: Vec<String> = record?.iter().map(|f| f.trim().to_owned()).collect();
        if row.iter().any(|f| !f.is_empty()) {
            rows.push(row);
        }
    }
    Ok(rows)
}

/// Sheets as one XLSX workbook.
pub fn xlsx(sheets: &[Sheet]) -> Result<Vec<u8>, TableError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    for sheet in sheets {
        let ws = book.add_worksheet();
        // Sheet names: at most 31 characters, none of []:*?/\.
        let name: String =
            sheet.name.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect::<String>();
        ws.set_name(if name.is_empty() { "Blad1" } else { &name })?;
        for (col, h) in sheet.header.iter().enumerate() {
            ws.write_string_with_format(0, col as u16, h, &bold)?;
        }
        ws.set_freeze_panes(1, 0)?;
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (col, cell) in row.iter().enumerate() {
                match cell {
                    Cell::Text(s) => {
                        ws.write_string(r, col as u16, s)?;
                    }
                    Cell::Number(n) => {
                        ws.write_number(r, col as u16, *n)?;
                    }
                    Cell::Empty => {}
                }
            }
        }
        ws.autofit();
    }
    Ok(book.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_is_read_with_semicolons_or_commas_quotes_and_a_bom() {
        let swedish = "\u{feff}År;Kommun;Motivering\n2019;Lidingö;\"För helheten; och modet\"\n\n";
        assert_eq!(
            read_csv(swedish).unwrap(),
            [vec!["År", "Kommun", "Motivering"], vec!["2019", "Lidingö", "För helheten; och modet"]]
        );
        let plain = "2023,\"Mora, Orsa och Älvdalens kommuner\"\n2021,Sundsvall,\n";
        assert_eq!(
            read_csv(plain).unwrap(),
            [vec!["2023", "Mora, Orsa och Älvdalens kommuner"], vec!["2021", "Sundsvall", ""]]
        );
    }

    #[test]
    fn swedish_csv_has_semicolons_and_a_decimal_comma() {
        let sheet = Sheet {
            name: String::new(),
            header: vec!["Kommun".into(), "Betyg".into(), "Antal".into()],
            rows: vec![vec![Cell::Text("Lidingö; Stockholm".into()), Cell::Number(73.5), Cell::Number(3.0)]],
        };
        let text = String::from_utf8(csv_swedish(&sheet).unwrap()).unwrap();
        assert!(text.contains("Kommun;Betyg;Antal"), "{text}");
        assert!(text.contains("\"Lidingö; Stockholm\";73,5;3"), "{text}");
        let plain = String::from_utf8(csv_of(&sheet).unwrap()).unwrap();
        assert!(plain.contains("Lidingö; Stockholm,73.5,3"), "{plain}");
    }

    #[test]
    fn csv_keeps_swedish_letters_quotes_and_defuses_formulas() {
        let body =
            csv(&["Kommun", "Kommentar"], &[vec!["Lidingö".into(), "=SUM(A1) \"bra\", mycket".into()]])
                .unwrap();
        let text = String::from_utf8(body).unwrap();
        assert!(text.starts_with('\u{feff}'));
        assert!(text.contains("Lidingö,\"'=SUM(A1) \"\"bra\"\", mycket\""), "{text}");
        let header = csv(&["Kommun", "=HYPERLINK(\"x\")", "@cmd"], &[]).unwrap();
        let header = String::from_utf8(header).unwrap();
        assert!(header.contains("'=HYPERLINK") && header.contains("'@cmd"), "{header}");
    }

    #[test]
    fn xlsx_is_a_zip_with_the_sheets() {
        let sheet = Sheet {
            name: "Bedömningar".into(),
            header: vec!["Kommun".into(), "Betyg".into()],
            rows: vec![vec!["Lidingö".into(), Cell::Number(4.0)], vec!["Umeå".into(), Cell::Empty]],
        };
        let bytes = xlsx(&[sheet]).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut read = |name: &str| {
            let mut s = String::new();
            std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut s).unwrap();
            s
        };
        assert!(read("xl/workbook.xml").contains("name=\"Bedömningar\""));
        let strings = read("xl/sharedStrings.xml");
        assert!(strings.contains("Lidingö") && strings.contains("Umeå"), "{strings}");
        assert!(read("xl/worksheets/sheet1.xml").contains("<v>4</v>"));
    }
}
