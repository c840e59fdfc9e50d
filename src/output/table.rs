//! Tables as Markdown and as CSV, once for every command that prints one:
//! every cell is escaped for its format.

use super::escape;

/// A Markdown table: header, separator, rows; every cell escaped.
pub fn md<S: AsRef<str>>(header: &[S], rows: &[Vec<String>]) -> String {
    let mut s = escape::md_row(header);
    s.push_str(&format!("|{}\n", "---|".repeat(header.len())));
    for r in rows {
        s.push_str(&escape::md_row(r));
    }
    s
}

/// A CSV table: comma-separated, or for Excel in Norway (`excel`) a BOM,
/// semicolons and CRLF line ends. Cells that a spreadsheet would run as a
/// formula are neutralised ([`escape::csv_cell`]).
pub fn csv<S: AsRef<str>>(
    header: &[S],
    rows: &[Vec<String>],
    excel: bool,
) -> anyhow::Result<String> {
    let mut builder = ::csv::WriterBuilder::new();
    if excel {
        builder.delimiter(b';').terminator(::csv::Terminator::CRLF);
    }
    let mut w = builder.from_writer(Vec::new());
    w.write_record(header.iter().map(|h| escape::csv_cell(h.as_ref())))?;
    for r in rows {
        w.write_record(r.iter().map(|c| escape::csv_cell(c)))?;
    }
    let bytes = w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?;
    let bom = if excel { "\u{feff}" } else { "" };
    Ok(format!("{bom}{}", String::from_utf8_lossy(&bytes)))
}
