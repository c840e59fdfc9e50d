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

/// A CSV file's text as [`decode`] read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvText {
    /// The text, without a byte-order mark or a `sep=` line.
    pub text: String,
    /// The separator: the one a `sep=` line names, else the one of `,`, `;`
    /// and tab the first line holds most of (`,` on a tie).
    pub delimiter: u8,
    /// The lines before `text` (1 after a `sep=` line), to add to its line
    /// numbers so they count the file's lines.
    pub skipped_lines: u64,
    /// The encoding it was in, when not UTF-8: `UTF-16LE`, `UTF-16BE` or
    /// `Windows-1252`.
    pub encoding: Option<&'static str>,
}

/// Read the bytes of a CSV file as spreadsheets save them: UTF-8 (with or
/// without a byte-order mark), UTF-16 with a byte-order mark (Excel's
/// «Unicode-tekst»), else Windows-1252 (Norwegian Excel's «CSV
/// (semikolondelt)»); separated by commas, semicolons or tabs, with or
/// without Excel's `sep=;` first line. `None` for UTF-16 that is cut off in
/// the middle of a character.
pub fn decode(bytes: &[u8]) -> Option<CsvText> {
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        (utf16(rest, u16::from_le_bytes)?, Some("UTF-16LE"))
    } else if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        (utf16(rest, u16::from_be_bytes)?, Some("UTF-16BE"))
    } else {
        let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        match std::str::from_utf8(bytes) {
            Ok(t) => (t.to_string(), None),
            Err(_) => (decode_cp1252(bytes), Some("Windows-1252")),
        }
    };
    let text = text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text);
    let first = text.lines().next().unwrap_or_default();
    let sep =
        first.trim_end().strip_prefix("sep=").or_else(|| first.trim_end().strip_prefix("SEP="));
    let named = match sep {
        Some(",") => Some(b','),
        Some(";") => Some(b';'),
        Some("\t") | Some("\\t") => Some(b'\t'),
        _ => None,
    };
    if let Some(delimiter) = named {
        let rest = text.split_once('\n').map_or("", |(_, r)| r).to_string();
        return Some(CsvText { text: rest, delimiter, skipped_lines: 1, encoding });
    }
    // The first of the most common: a tie goes to the comma.
    let mut delimiter = b',';
    let mut most = first.matches(',').count();
    for d in [';', '\t'] {
        let n = first.matches(d).count();
        if n > most {
            most = n;
            delimiter = d as u8;
        }
    }
    Some(CsvText { text, delimiter, skipped_lines: 0, encoding })
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Option<String> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    char::decode_utf16(units).collect::<Result<String, _>>().ok()
}

/// Windows-1252, the encoding Norwegian Excel uses for «CSV (semikolondelt)».
fn decode_cp1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9f => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str) -> Vec<u8> {
        let mut b = vec![0xff, 0xfe];
        b.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        b
    }

    #[test]
    fn csv_text_is_read_in_every_encoding_and_separator_excel_saves() {
        let t = decode(b"\xef\xbb\xbfa;b,c;d\n1;2;3\n").expect("utf-8");
        assert_eq!((t.text.as_str(), t.delimiter, t.encoding), ("a;b,c;d\n1;2;3\n", b';', None));
        let t = decode(&utf16le("dato\tverdi\r\nå\t1\r\n")).expect("utf-16");
        assert_eq!((t.text.as_str(), t.delimiter), ("dato\tverdi\r\nå\t1\r\n", b'\t'));
        assert_eq!(t.encoding, Some("UTF-16LE"));
        let mut be = vec![0xfe, 0xff];
        be.extend("a,b\n".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be).map(|t| t.text), Some("a,b\n".to_string()));
        let t = decode(b"sep=;\r\na,b;c\r\n").expect("sep");
        assert_eq!((t.text.as_str(), t.delimiter, t.skipped_lines), ("a,b;c\r\n", b';', 1));
        assert_eq!(decode(b"sep=\t\na\tb\n").map(|t| t.delimiter), Some(b'\t'));
        assert_eq!(decode(b"a;b,c\n").map(|t| t.delimiter), Some(b','));
        assert_eq!(decode(b"bl\xe5\n").map(|t| t.text), Some("blå\n".to_string()));
        assert_eq!(decode(b"\xff\xfea"), None);
    }
}
