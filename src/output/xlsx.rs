//! Excel workbooks (`.xlsx`), written and read once for every command that
//! offers them.
//!
//! Writing: a command builds one [`Sheet`] per tab — headers in the
//! project's language and rows of typed [`Cell`]s — and [`workbook`] turns
//! them into the bytes of a file, which the command writes with
//! [`crate::store::fsutil::write_atomic`]. Dates become real Excel dates
//! (shown `yyyy-mm-dd`), numbers real numbers, the header row is bold and
//! frozen, and every column is wide enough for its widest cell. The bytes
//! depend only on the sheets and the `created` date given, so two exports of
//! the same data are identical (Excel would otherwise stamp "now" in the
//! file's properties).
//!
//! ```ignore
//! use crate::output::xlsx::{Cell, Sheet, workbook};
//! let mut sheet = Sheet::new("Målinger", ["Indikator", "Dato", "Verdi"]);
//! sheet.push(vec![Cell::text("ventetid"), Cell::Date(date), Cell::Number(52.5)]);
//! let bytes = workbook(&[sheet], today)?;
//! ```
//!
//! Reading: [`read_sheet`] gives one sheet's cells as the same [`Cell`]s
//! (dates as dates, numbers as numbers, text as text), each row with its
//! row number as Excel shows it, for an import to check cell by cell.

use anyhow::{Result, anyhow};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};

use crate::model::date::Date;

/// One cell of a sheet.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text, written as text even when it starts with `=` (never a formula).
    Text(String),
    /// A plain number, shown as Excel's "General" format shows it.
    Number(f64),
    /// An amount in NOK, shown with thousands grouped and no decimals
    /// (`1 200 000`); the cell keeps the exact value.
    Money(f64),
    /// A share as a fraction (`0.25`), shown as a percentage (`25 %`).
    Percent(f64),
    /// A calendar date, written as a real Excel date shown `yyyy-mm-dd`.
    Date(Date),
    /// Nothing (no cell is written).
    Empty,
}

impl Cell {
    /// A text cell; an empty string gives [`Cell::Empty`].
    pub fn text(s: impl Into<String>) -> Cell {
        let s = s.into();
        if s.is_empty() { Cell::Empty } else { Cell::Text(s) }
    }

    /// A text cell, or [`Cell::Empty`] for `None`.
    pub fn opt_text(s: Option<&str>) -> Cell {
        s.map_or(Cell::Empty, Cell::text)
    }

    /// Whether the cell holds nothing (empty, or text of only spaces).
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// About how many characters the cell shows, for the column width.
    fn shown_len(&self) -> usize {
        match self {
            Cell::Text(s) => s.lines().map(|l| l.chars().count()).max().unwrap_or(0),
            Cell::Number(n) => crate::model::number::plain(*n).len(),
            // Grouped thousands add a space per three digits.
            Cell::Money(n) => {
                let digits = format!("{:.0}", n.abs()).len();
                digits + digits / 3 + 1
            }
            Cell::Percent(_) => 6,
            Cell::Date(_) => 10,
            Cell::Empty => 0,
        }
    }
}

/// One tab of a workbook: a name, a header row and the rows under it.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// The tab's name (at most 31 characters, none of `[]:*?/\`).
    pub name: String,
    /// The header row, in the project's language; bold and frozen.
    pub headers: Vec<String>,
    /// The rows under the header, each as long as it likes.
    pub rows: Vec<Vec<Cell>>,
    /// Column widths in characters, by column; a column without one (or
    /// with `None`) is as wide as its widest cell, from 8 up to 60.
    pub widths: Vec<Option<f64>>,
}

impl Sheet {
    /// An empty sheet with these headers.
    pub fn new<S: Into<String>>(
        name: impl Into<String>,
        headers: impl IntoIterator<Item = S>,
    ) -> Sheet {
        Sheet {
            name: name.into(),
            headers: headers.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
            widths: Vec::new(),
        }
    }

    /// Add a row.
    pub fn push(&mut self, row: Vec<Cell>) {
        self.rows.push(row);
    }

    /// The width of column `col` in characters: the one set in
    /// [`Sheet::widths`], or the widest cell's plus a margin.
    pub fn width(&self, col: usize) -> f64 {
        if let Some(Some(w)) = self.widths.get(col) {
            return *w;
        }
        let header = self.headers.get(col).map_or(0, |h| h.chars().count());
        let widest = self.rows.iter().filter_map(|r| r.get(col)).map(Cell::shown_len).max();
        let chars = header.max(widest.unwrap_or(0)) + 2;
        #[allow(clippy::cast_precision_loss)]
        let chars = chars.clamp(8, 60) as f64;
        chars
    }
}

fn excel_date(d: Date) -> Result<ExcelDateTime> {
    let year = u16::try_from(d.year()).map_err(|_| anyhow!("{d}: year out of range for Excel"))?;
    ExcelDateTime::from_ymd(year, d.month(), d.day()).map_err(|e| anyhow!("{d}: {e}"))
}

/// The bytes of an `.xlsx` file with `sheets` as its tabs, in order.
/// `created` is stamped as the file's creation date (pass "today" as the
/// command sees it, so `VEIKART_TODAY` and `--as-of` pin it); nothing else
/// in the file depends on the clock.
///
/// Fails (with the sheet's name) on what Excel cannot hold: a tab name that
/// is too long, empty or repeated, a text over 32 767 characters, a date
/// before 1900.
pub fn workbook(sheets: &[Sheet], created: Date) -> Result<Vec<u8>> {
    let mut book = Workbook::new();
    let stamp = excel_date(created)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&stamp));
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let money = Format::new().set_num_format("#,##0");
    let percent = Format::new().set_num_format("0%");
    for sheet in sheets {
        let name = &sheet.name;
        let err = |e: rust_xlsxwriter::XlsxError| anyhow!("{name}: {e}");
        let ws = book.add_worksheet();
        ws.set_name(name.as_str()).map_err(err)?;
        for (c, h) in sheet.headers.iter().enumerate() {
            let col = u16::try_from(c).map_err(|_| anyhow!("{name}: too many columns"))?;
            ws.write_string_with_format(0, col, h.as_str(), &bold).map_err(err)?;
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            let at = u32::try_from(r + 1).map_err(|_| anyhow!("{name}: too many rows"))?;
            for (c, cell) in row.iter().enumerate() {
                let col = u16::try_from(c).map_err(|_| anyhow!("{name}: too many columns"))?;
                match cell {
                    Cell::Text(s) => ws.write_string(at, col, s.as_str()).map(|_| ()),
                    Cell::Number(n) => ws.write_number(at, col, *n).map(|_| ()),
                    Cell::Money(n) => ws.write_number_with_format(at, col, *n, &money).map(|_| ()),
                    Cell::Percent(n) => {
                        ws.write_number_with_format(at, col, *n, &percent).map(|_| ())
                    }
                    Cell::Date(d) => {
                        ws.write_datetime_with_format(at, col, excel_date(*d)?, &date).map(|_| ())
                    }
                    Cell::Empty => Ok(()),
                }
                .map_err(err)?;
            }
        }
        let columns = sheet.rows.iter().map(Vec::len).max().unwrap_or(0).max(sheet.headers.len());
        for c in 0..columns {
            let col = u16::try_from(c).map_err(|_| anyhow!("{name}: too many columns"))?;
            ws.set_column_width(col, sheet.width(c)).map_err(err)?;
        }
        ws.set_freeze_panes(1, 0).map_err(err)?;
    }
    book.save_to_buffer().map_err(|e| anyhow!("{e}"))
}

/// One sheet of a workbook as read by [`read_sheet`].
#[derive(Debug, Clone, PartialEq)]
pub struct ReadSheet {
    /// The tab's name.
    pub name: String,
    /// The rows that hold anything, each with its row number as Excel shows
    /// it (1 for the first row) and its cells from column A.
    pub rows: Vec<(u32, Vec<Cell>)>,
}

/// Why a workbook could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    /// The bytes are not a workbook calamine can open (the reason).
    NotAWorkbook(String),
    /// No sheet of that name; the names there are.
    NoSuchSheet(Vec<String>),
    /// The workbook has no sheets.
    Empty,
}

/// The cells of the sheet `name` (the first sheet when `None`) of the
/// workbook in `bytes` (`.xlsx`, `.xlsm`, `.xlsb` or `.ods`). A cell
/// formatted as a date or a date-time comes back as [`Cell::Date`] (the day
/// it falls on), a number as [`Cell::Number`], a formula as its last value,
/// `TRUE`/`FALSE` and errors (`#DIV/0!`) as their text, so an import says
/// what it found.
pub fn read_sheet(bytes: &[u8], name: Option<&str>) -> Result<ReadSheet, ReadError> {
    use calamine::Reader;
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| ReadError::NotAWorkbook(e.to_string()))?;
    let names = book.sheet_names();
    let name = match name {
        Some(n) => names
            .iter()
            .find(|s| s.as_str() == n)
            .or_else(|| names.iter().find(|s| s.to_lowercase() == n.to_lowercase()))
            .ok_or_else(|| ReadError::NoSuchSheet(names.clone()))?
            .clone(),
        None => names.first().ok_or(ReadError::Empty)?.clone(),
    };
    let range = book.worksheet_range(&name).map_err(|e| ReadError::NotAWorkbook(e.to_string()))?;
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut rows = Vec::new();
    for (i, row) in range.rows().enumerate() {
        let mut cells: Vec<Cell> = std::iter::repeat_n(Cell::Empty, left as usize)
            .chain(row.iter().map(cell_of))
            .collect();
        while cells.last().is_some_and(Cell::is_empty) {
            cells.pop();
        }
        if cells.is_empty() {
            continue;
        }
        let number = top.saturating_add(u32::try_from(i).unwrap_or(u32::MAX)).saturating_add(1);
        rows.push((number, cells));
    }
    Ok(ReadSheet { name, rows })
}

fn cell_of(data: &calamine::Data) -> Cell {
    use calamine::Data;
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::text(s.clone()),
        #[allow(clippy::cast_precision_loss)]
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(if *b { "TRUE" } else { "FALSE" }.to_string()),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            Date::new(i32::from(y), m, d).map_or_else(|| Cell::Number(dt.as_f64()), Cell::Date)
        }
        // A duration (`[hh]:mm`) is a number of days.
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) => {
            s.get(..10).and_then(Date::parse).map_or_else(|| Cell::text(s.clone()), Cell::Date)
        }
        Data::DurationIso(s) => Cell::text(s.clone()),
        Data::Error(e) => Cell::Text(format!("#{e:?}")),
    }
}

/// The letters Excel names column `index` (0 → A, 26 → AA).
pub fn column_name(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).expect("date")
    }

    #[test]
    fn columns_are_named_as_excel_names_them() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(2), "C");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(27), "AB");
    }

    #[test]
    fn a_workbook_reads_back_with_its_types_and_is_the_same_each_time() {
        let mut s = Sheet::new("Målinger", ["Indikator", "Dato", "Verdi"]);
        s.push(vec![Cell::text("ventetid"), Cell::Date(d("2026-11-01")), Cell::Number(52.5)]);
        s.push(vec![Cell::text("=1+1"), Cell::Empty, Cell::Money(1_200_000.0)]);
        let bytes = workbook(std::slice::from_ref(&s), d("2026-11-23")).expect("workbook");
        assert_eq!(bytes, workbook(&[s], d("2026-11-23")).expect("workbook"));
        let back = read_sheet(&bytes, None).expect("read");
        assert_eq!(back.name, "Målinger");
        assert_eq!(
            back.rows,
            vec![
                (1, vec![Cell::text("Indikator"), Cell::text("Dato"), Cell::text("Verdi")]),
                (2, vec![Cell::text("ventetid"), Cell::Date(d("2026-11-01")), Cell::Number(52.5)]),
                (3, vec![Cell::text("=1+1"), Cell::Empty, Cell::Number(1_200_000.0)]),
            ]
        );
        assert_eq!(read_sheet(&bytes, Some("målinger")).map(|s| s.name), Ok("Målinger".into()));
        assert_eq!(
            read_sheet(&bytes, Some("x")),
            Err(ReadError::NoSuchSheet(vec!["Målinger".into()]))
        );
        assert!(matches!(read_sheet(b"not a zip", None), Err(ReadError::NotAWorkbook(_))));
    }

    #[test]
    fn what_excel_cannot_hold_is_an_error_not_a_panic() {
        let s = Sheet::new("a name far too long for an excel tab, really", ["x"]);
        assert!(workbook(&[s], d("2026-11-23")).is_err());
        let mut s = Sheet::new("ok", ["x"]);
        s.push(vec![Cell::Date(d("1850-01-01"))]);
        assert!(workbook(&[s], d("2026-11-23")).is_err());
    }
}
