//! Escaping, once for every format: Markdown, HTML and XML, CSV cells for
//! spreadsheets, and text for a terminal. Every renderer passes the data it
//! did not write itself (titles, notes, names, units) through these.

use std::fmt::Write as _;

/// Text for any place in Markdown: a table cell, a heading, a list item, a
/// paragraph. HTML is written as entities (`<script>` shows as text), link
/// and emphasis syntax is escaped with a backslash (`[x](javascript:…)` is
/// not a link), `|` cannot end a table cell, and a line break becomes a space.
pub fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '!' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c if is_unsafe_char(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Several lines of text kept as lines in Markdown (a block quote, a note):
/// each line escaped as [`md`], joined with `join` (`"\n> "` for a quote).
pub fn md_lines(s: &str, join: &str) -> String {
    s.lines().map(md_line_start).collect::<Vec<_>>().join(join)
}

/// One line as [`md`], and what Markdown reads at a line's start (a list
/// item, a setext underline, an indented code block) made plain text.
fn md_line_start(line: &str) -> String {
    let escaped = md(line.trim_start());
    let digits = escaped.chars().take_while(char::is_ascii_digit).count();
    if escaped.starts_with(['-', '+', '=']) {
        format!("\\{escaped}")
    } else if digits > 0 && escaped[digits..].starts_with(['.', ')']) {
        format!("{}\\{}", &escaped[..digits], &escaped[digits..])
    } else {
        escaped
    }
}

/// Inline code in Markdown (an id, a command): fenced with more backticks
/// than the text has in a row, so nothing inside can end it.
pub fn md_code(s: &str) -> String {
    let s = md_code_body(s);
    let mut longest = 0;
    let mut run = 0;
    for c in s.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if s.starts_with('`') || s.ends_with('`') { " " } else { "" };
    format!("{fence}{pad}{s}{pad}{fence}")
}

fn md_code_body(s: &str) -> String {
    s.chars()
        .map(|c| if matches!(c, '\n' | '\r' | '|') || is_unsafe_char(c) { ' ' } else { c })
        .collect()
}

/// A Markdown table row, every cell escaped.
pub fn md_row<S: AsRef<str>>(cells: &[S]) -> String {
    let escaped: Vec<String> = cells.iter().map(|c| md(c.as_ref())).collect();
    format!("| {} |\n", escaped.join(" | "))
}

/// Text inside a Mermaid label (a quoted string in the chart source):
/// quotes, angle brackets and line breaks cannot end the label or add HTML.
pub fn mermaid(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '"' | '`' => Some('\''),
            '<' | '>' | '{' | '}' | '#' | ';' => None,
            '\n' | '\r' => Some(' '),
            c if is_unsafe_char(c) => None,
            c => Some(c),
        })
        .collect()
}

/// Text inside a quoted Graphviz DOT string (`label="…"`): a quote or a
/// backslash cannot end the string or start an escape, a line break becomes
/// a space, and unsafe characters are dropped. A quoted DOT string is never
/// read as HTML, so `<` and `>` stay as they are.
pub fn dot(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c if is_unsafe_char(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// `<`, `>`, `&` and quotes escaped for HTML text and attribute values.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if is_unsafe_char(c) && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Text for XML (JUnit): the five entities, and no characters XML 1.0
/// forbids (most control characters).
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' | '\t' | '\r' => out.push(c),
            c if is_unsafe_char(c) || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
    out
}

/// The characters a spreadsheet reads as the start of a formula (OWASP's
/// list for CSV injection).
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell for CSV a spreadsheet opens: a cell that starts like a formula
/// gets a leading `'`, so Excel and LibreOffice show it as text instead of
/// running it. A plain number (`-3,5`, `-12`) is left alone, since it cannot
/// be a formula. [`csv_read`] undoes it, so an import reads what was exported.
pub fn csv_cell(s: &str) -> String {
    if needs_guard(s) { format!("'{s}") } else { s.to_string() }
}

/// A cell as veikart reads it back from CSV: the `'` that [`csv_cell`] put
/// before a formula-like cell is taken away again.
pub fn csv_read(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if needs_guard(rest) => rest,
        _ => s,
    }
}

/// Whether a cell gets a guarding `'`: it starts like a formula, after any
/// `'` of its own (so `'=x` written by a user comes back as `'=x`).
fn needs_guard(s: &str) -> bool {
    let body = s.trim_start_matches('\'');
    body.starts_with(FORMULA_START) && !is_plain_number(body)
}

fn is_plain_number(s: &str) -> bool {
    let body = s.strip_prefix(['-', '+']).unwrap_or(s);
    !body.is_empty()
        && body.starts_with(|c: char| c.is_ascii_digit())
        && body.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ' ' | '\u{a0}'))
}

/// Characters that must never reach a terminal, a page or a file as they
/// are: control characters (but line breaks and tabs, which callers handle),
/// bidi overrides and isolates that reorder text, and line and paragraph
/// separators.
pub fn is_unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
}

/// Text for a terminal: every control character but line breaks and tabs,
/// every bidi override and every line separator is shown as a visible
/// `\u{…}` escape instead of being sent to the terminal. `keep_sgr` keeps
/// the colour sequences (`ESC [ … m`) veikart itself writes when colour is on.
pub fn terminal(s: &str, keep_sgr: bool) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(is_unsafe_char) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\x1b'
            && keep_sgr
            && let Some(len) = sgr_len(&s[i..])
        {
            out.push_str(&s[i..i + len]);
            while chars.peek().is_some_and(|(j, _)| *j < i + len) {
                chars.next();
            }
            continue;
        }
        if c == '\r' && s[i + 1..].starts_with('\n') {
            // A Windows line break (CSV for Excel) is a line break.
            out.push(c);
        } else if is_unsafe_char(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The colour sequences veikart itself writes (bold, the colours of
/// `feil`, `advarsel` and `tips`, and reset), and those comfy-table writes
/// for a bold header. Anything else, such as conceal (`8`), is escaped, so a
/// file cannot hide or move text even when colour is on.
const OWN_SGR: &[&str] = &["0", "1", "22", "36", "31;1", "33;1", "32", "39"];

/// The length of one of [`OWN_SGR`] as `ESC [ code m` at the start of `s`.
fn sgr_len(s: &str) -> Option<usize> {
    let rest = s.strip_prefix("\x1b[")?;
    let end = rest.find('m')?;
    OWN_SGR.contains(&&rest[..end]).then_some(2 + end + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_shows_html_and_links_as_text() {
        assert_eq!(md("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
        assert_eq!(md("[x](javascript:alert(1))"), "\\[x\\](javascript:alert(1))");
        assert_eq!(md("![i](x.png)"), "\\!\\[i\\](x.png)");
        assert_eq!(md("kr | år"), "kr \\| år");
        assert_eq!(md("to\nlinjer"), "to linjer");
        assert_eq!(
            md_lines("# A\n---\n1. b\n    kode", "\n> "),
            "\\# A\n> \\---\n> 1\\. b\n> kode"
        );
        assert_eq!(md("Bedre skilting på legevakten"), "Bedre skilting på legevakten");
        assert_eq!(md_row(&["a|b", "c"]), "| a\\|b | c |\n");
        assert_eq!(md_code("idea-1"), "`idea-1`");
        assert_eq!(md_code("a`b"), "``a`b``");
    }

    #[test]
    fn formula_cells_are_neutralised_and_read_back() {
        for bad in ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "=HYPERLINK(\"x\")"] {
            let cell = csv_cell(bad);
            assert!(cell.starts_with('\''), "{bad}");
            assert_eq!(csv_read(&cell), bad);
        }
        for own in ["'=allerede", "''@x"] {
            assert_eq!(csv_read(&csv_cell(own)), own);
        }
        for ok in ["-3,5", "-12", "+4", "Eva", "2026-11-01", "'quoted"] {
            assert_eq!(csv_cell(ok), ok);
            assert_eq!(csv_read(ok), ok);
        }
    }

    #[test]
    fn the_terminal_never_gets_control_characters() {
        assert_eq!(terminal("a\x1b]0;x\x07b", false), "a\\u{1b}]0;x\\u{7}b");
        assert_eq!(terminal("a\u{202E}b\u{2028}c", false), "a\\u{202e}b\\u{2028}c");
        assert_eq!(terminal("\x1b[1mfet\x1b[0m", true), "\x1b[1mfet\x1b[0m");
        assert_eq!(terminal("\x1b[8mskjult", true), "\\u{1b}[8mskjult");
        assert_eq!(terminal("\x1b[1mfet", false), "\\u{1b}[1mfet");
        assert_eq!(terminal("linje\n\tinnrykk", false), "linje\n\tinnrykk");
        assert_eq!(terminal("a;b\r\nc\rd", false), "a;b\r\nc\\u{d}d");
    }

    #[test]
    fn labels_cannot_break_out_of_a_graph() {
        assert_eq!(dot("a \"b\" \\ c\nd"), "a \\\"b\\\" \\\\ c d");
        assert_eq!(dot("<script>|x"), "<script>|x");
        assert_eq!(mermaid("\"a\" <script>|x;"), "'a' script|x");
    }

    #[test]
    fn xml_drops_what_xml_forbids() {
        assert_eq!(xml("a<b>&\"'\x07"), "a&lt;b&gt;&amp;&quot;&apos;");
    }
}
