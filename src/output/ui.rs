//! The one output handle: data to stdout, messages to stderr, colour decided
//! in one place (`--color`, `NO_COLOR`, `CLICOLOR`, whether it is a terminal),
//! and tables sized to the terminal or plain when piped.

use std::io::{self, IsTerminal, Write};

use comfy_table::{Attribute, Cell, ContentArrangement, Table, presets};

/// `--color` choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// Output formats; each command accepts some of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Md,
    Csv,
    Github,
    Codequality,
    Junit,
    Html,
    /// An Excel workbook; written to a file with -o, never to a terminal.
    Xlsx,
    /// Graphviz DOT (`benefit map`).
    Dot,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Md => "md",
            Format::Csv => "csv",
            Format::Github => "github",
            Format::Codequality => "codequality",
            Format::Junit => "junit",
            Format::Html => "html",
            Format::Xlsx => "xlsx",
            Format::Dot => "dot",
        }
    }
}

pub struct Ui {
    color_out: bool,
    color_err: bool,
    stdout_tty: bool,
    quiet: bool,
    width: Option<u16>,
    format: Option<Format>,
    /// The format the command settled on (see [`Ui::format`]).
    chosen: std::cell::Cell<Option<Format>>,
}

fn env_says_no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
        || std::env::var("CLICOLOR").is_ok_and(|v| v == "0")
        || std::env::var("TERM").is_ok_and(|v| v == "dumb")
}

impl Ui {
    pub fn new(color: ColorChoice, format: Option<Format>, quiet: bool) -> Ui {
        let stdout_tty = io::stdout().is_terminal();
        let stderr_tty = io::stderr().is_terminal();
        let (color_out, color_err) = match color {
            ColorChoice::Always => (true, true),
            ColorChoice::Never => (false, false),
            ColorChoice::Auto => {
                let no = env_says_no_color();
                (!no && stdout_tty, !no && stderr_tty)
            }
        };
        let width = std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse::<u16>().ok())
            .filter(|w| *w >= 20);
        Ui { color_out, color_err, stdout_tty, quiet, width, format, chosen: Default::default() }
    }

    /// The format asked for, checked against what the command offers
    /// ([`super::formats::offered`]; the first is the default).
    pub fn format(&self, command: &str) -> anyhow::Result<Format> {
        let offered = super::formats::offered(command);
        self.format_or(command, offered.first().copied().unwrap_or(Format::Text))
    }

    /// Like [`Ui::format`], with another default (one the command offers).
    pub fn format_or(&self, command: &str, default: Format) -> anyhow::Result<Format> {
        let offered = super::formats::offered(command);
        let chosen = match self.format {
            None => Ok(default),
            Some(f) if offered.contains(&f) => Ok(f),
            Some(f) => {
                let names: Vec<&str> = offered.iter().map(|f| f.name()).collect();
                Err(crate::error::UserError::new(crate::tr!(
                    "`{command}` kan ikke skrive --format {}",
                    "`{command}` cannot print --format {}",
                    f.name()
                ))
                .hint(crate::tr!("velg en av: {}", "choose one of: {}", names.join(", ")))
                .into())
            }
        };
        if let Ok(f) = &chosen {
            self.chosen.set(Some(*f));
        }
        chosen
    }

    /// Whether `--format` was given.
    pub fn format_given(&self) -> bool {
        self.format.is_some()
    }

    /// Whether the command settled on `--format json`.
    pub fn json_chosen(&self) -> bool {
        self.chosen.get() == Some(Format::Json)
    }

    /// Write text to stdout. Control characters, bidi overrides and line
    /// separators that came from a file are shown as `\u{…}`, never sent to
    /// the terminal (our own colour codes stay when colour is on).
    pub fn out(&mut self, text: &str) -> io::Result<()> {
        let text = super::escape::terminal(text, self.color_out);
        self.raw(&text)
    }

    /// Write text that is already safe (JSON, made by [`super::json`]) to
    /// stdout as it is, ending in a newline.
    pub fn raw(&mut self, text: &str) -> io::Result<()> {
        let mut out = io::stdout().lock();
        out.write_all(text.as_bytes())?;
        if !text.ends_with('\n') && !text.is_empty() {
            out.write_all(b"\n")?;
        }
        out.flush()
    }

    /// Print a value as pretty JSON on stdout.
    pub fn json<T: serde::Serialize>(&mut self, value: &T) -> anyhow::Result<()> {
        let mut s = super::json::to_string(value)?;
        s.push('\n');
        Ok(self.raw(&s)?)
    }

    /// A status line on stderr (a full sentence), unless `--quiet`.
    pub fn status(&self, text: &str) {
        if !self.quiet {
            let _ = writeln!(io::stderr(), "{}", self.safe_err(text));
        }
    }

    /// A line on stderr that belongs to an error (one bad row of many),
    /// shown even with `--quiet`, with nothing in it a terminal would act on.
    pub fn message(&self, text: &str) {
        let _ = writeln!(io::stderr(), "{}", self.safe_err(text));
    }

    /// A warning on stderr.
    pub fn warn(&self, text: &str) {
        let label = crate::i18n::pick("advarsel", "warning");
        let _ =
            writeln!(io::stderr(), "{}: {}", self.paint_err("33;1", label), self.safe_err(text));
    }

    /// An error and its hints on stderr.
    pub fn error(&self, text: &str, hints: &[String]) {
        let label = crate::i18n::pick("feil", "error");
        let mut err = io::stderr().lock();
        let _ = writeln!(err, "{}: {}", self.paint_err("31;1", label), self.safe_err(text));
        for h in hints {
            let tips = self.paint_err("36", crate::i18n::pick("tips", "hint"));
            let _ = writeln!(err, "  {tips}: {}", self.safe_err(h));
        }
    }

    /// A message for stderr with nothing in it a terminal would act on.
    fn safe_err<'a>(&self, text: &'a str) -> std::borrow::Cow<'a, str> {
        super::escape::terminal(text, self.color_err)
    }

    fn paint_err(&self, code: &str, text: &str) -> String {
        paint(self.color_err, code, text)
    }

    /// Bold, when colour is on for stdout.
    pub fn bold(&self, text: &str) -> String {
        paint(self.color_out, "1", text)
    }

    pub fn colored_stdout(&self) -> bool {
        self.color_out
    }

    /// A table: bordered and fitted to the terminal on a terminal, plain
    /// aligned columns when piped or without colour.
    pub fn table(&self, headers: &[String], rows: Vec<Vec<String>>) -> String {
        let mut t = Table::new();
        let fancy = self.stdout_tty && self.color_out;
        if fancy {
            t.load_style(presets::UTF8_FULL_CONDENSED);
            t.set_content_arrangement(ContentArrangement::Dynamic);
        } else {
            t.load_style(presets::NOTHING);
            t.force_no_tty();
            t.set_content_arrangement(ContentArrangement::Disabled);
        }
        // Piped output is never wrapped, so ids stay whole for scripts.
        if let Some(w) = self.width
            && fancy
        {
            t.set_width(w);
        }
        t.set_header(headers.iter().map(|h| {
            let cell = Cell::new(h);
            if fancy { cell.add_attribute(Attribute::Bold) } else { cell }
        }));
        let numeric: Vec<bool> = (0..headers.len())
            .map(|c| {
                let cells: Vec<&str> = rows
                    .iter()
                    .filter_map(|r| r.get(c).map(String::as_str))
                    .filter(|v| *v != "–" && !v.is_empty())
                    .collect();
                !cells.is_empty() && cells.iter().all(|v| is_amount(v))
            })
            .collect();
        for r in rows {
            t.add_row(r);
        }
        // Amounts line up on the right, like in a spreadsheet.
        for (c, right) in numeric.iter().enumerate() {
            if *right && let Some(col) = t.column_mut(c) {
                col.set_cell_alignment(comfy_table::CellAlignment::Right);
            }
        }
        let mut s = String::new();
        for line in t.to_string().lines() {
            let line = if fancy { line } else { line.strip_prefix(' ').unwrap_or(line) };
            s.push_str(line.trim_end());
            s.push('\n');
        }
        s
    }
}

/// "85 000", "14 min", "78 %", "-3,5", "4 klager per måned": a number,
/// perhaps with a unit after it; not a date or an id that starts with digits.
fn is_amount(v: &str) -> bool {
    let v = v.strip_prefix(['-', '+']).unwrap_or(v);
    let Some(first) = v.chars().next() else { return false };
    if !first.is_ascii_digit() {
        return false;
    }
    let unit_from = v
        .find(|c: char| {
            !(c.is_ascii_digit() || matches!(c, ' ' | '\u{a0}' | '\u{202f}' | ',' | '.'))
        })
        .unwrap_or(v.len());
    let (number, unit) = v.split_at(unit_from);
    // A number ends in a digit; what follows is a unit of letters, spaces, % or /.
    number.trim_end().ends_with(|c: char| c.is_ascii_digit())
        && unit.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '%' | '/'))
}

/// "MÅLES VED" → "Måles ved": a table header as a label.
pub fn capitalised(header: &str) -> String {
    if header == "URL" {
        return header.to_string();
    }
    let lower = header.to_lowercase();
    let mut chars = lower.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn paint(on: bool, code: &str, text: &str) -> String {
    if on { format!("\x1b[{code}m{text}\x1b[0m") } else { text.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_told_from_dates_ids_and_words() {
        for yes in [
            "85 000",
            "14 min",
            "78 %",
            "-3,5",
            "4 klager per måned",
            "1\u{a0}234,5 kr",
            "12 t/uke",
        ] {
            assert!(is_amount(yes), "{yes}");
        }
        for no in
            ["2026-11-23", "2026-11-23-kake", "↑ bedre", "ventetid", "1 nådd, 3 på plan", "", "–"]
        {
            assert!(!is_amount(no), "{no}");
        }
    }

    #[test]
    fn a_column_of_amounts_is_right_aligned() {
        let ui = Ui::new(ColorChoice::Never, None, false);
        let rows = vec![
            vec!["a".to_string(), "85 000".to_string(), "2026-01-01".to_string()],
            vec!["bb".to_string(), "140 000".to_string(), "2026-02-01".to_string()],
            vec!["c".to_string(), "–".to_string(), "2026-03-01".to_string()],
        ];
        let t = ui.table(&["ID".into(), "KOSTNAD".into(), "DATO".into()], rows);
        let lines: Vec<&str> = t.lines().collect();
        let end = |l: &str, what: &str| l.find(what).map(|i| i + what.len());
        assert_eq!(end(lines[1], "85 000"), end(lines[2], "140 000"), "\n{t}");
        // Ids are not amounts: they start in the first column.
        assert!(lines[2].starts_with("bb"), "\n{t}");
    }
}
