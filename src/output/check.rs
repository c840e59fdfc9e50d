//! `check`'s report as the user asked for it: `path:line:col: error[code]`
//! lines, JSON, or GitHub Actions annotations. Used by `veikart check` and
//! `veikart raci check`.

use anyhow::Result;
use serde::Serialize;

use super::ci::{self, Finding};
use super::escape::{md, md_code};
use crate::app::check::Report;
use crate::diag::{Diagnostic, Severity};
use crate::error::{FINDINGS, SUCCESS};
use crate::model::date::Date;
use crate::output::ui::{Format, Ui};
use crate::tr;

#[derive(Serialize)]
struct CheckJson<'a> {
    as_of: Date,
    ok: bool,
    files: usize,
    errors: usize,
    warnings: usize,
    diagnostics: &'a [Diagnostic],
}

/// Print a check report in `format` and give the exit code.
pub fn print(
    ui: &mut Ui,
    command: &str,
    report: &Report,
    format: Format,
    strict: bool,
    as_of: Date,
) -> Result<u8> {
    let (errors, warnings) = (report.errors(), report.warnings());
    let failed = errors > 0 || (strict && warnings > 0);
    match format {
        Format::Json => ui.json(&CheckJson {
            as_of,
            ok: !failed,
            files: report.files,
            errors,
            warnings,
            diagnostics: &report.diagnostics,
        })?,
        Format::Github => {
            let s = ci::github(&findings(report, strict), command, None);
            if !s.is_empty() {
                ui.out(&s)?;
            }
            ui.status(&summary(report.files, errors, warnings));
        }
        Format::Codequality => {
            ui.raw(&ci::codequality(command, &findings(report, strict))?)?;
            ui.status(&summary(report.files, errors, warnings));
        }
        _ => {
            let mut s = String::new();
            for d in &report.diagnostics {
                s.push_str(&d.render());
                s.push('\n');
            }
            if !s.is_empty() {
                ui.out(&s)?;
            }
            ui.status(&summary(report.files, errors, warnings));
        }
    }
    if let Some(problem) = ci::step_summary(&step_summary(command, report, strict)) {
        ui.warn(&problem);
    }
    Ok(if failed { FINDINGS } else { SUCCESS })
}

/// The contradictions in a report (what stops every reader) as CI findings,
/// for the checklist gate to show beside its own.
pub fn blocking_findings(report: &Report) -> Vec<Finding> {
    let mut all = findings(report, false);
    let blocks: Vec<bool> = report.diagnostics.iter().map(|d| d.blocks()).collect();
    let mut keep = blocks.into_iter();
    all.retain(|_| keep.next().unwrap_or(false));
    all
}

/// The diagnostics as CI findings; with `strict`, warnings fail too.
fn findings(report: &Report, strict: bool) -> Vec<Finding> {
    report
        .diagnostics
        .iter()
        .map(|d| {
            let mut message = format!("[{}] {}", d.code, d.message);
            for h in &d.hints {
                message.push_str(&format!("\n{}: {h}", tr!("tips", "hint")));
            }
            Finding {
                error: d.severity == Severity::Error || strict,
                path: d.path.clone(),
                line: d.line,
                column: Some(d.column),
                code: d.code.to_string(),
                title: d.code.to_string(),
                // Not the message, which is in the user's language: the
                // fingerprint must not change with `--lang`.
                key: format!("column {}", d.column),
                message,
            }
        })
        .collect()
}

/// What `check` adds to GitHub's step summary.
fn step_summary(command: &str, report: &Report, strict: bool) -> String {
    let line = summary(report.files, report.errors(), report.warnings());
    let mut s = format!("### {}\n\n{}\n\n", md_code(command), md(&line));
    s.push_str(&ci::summary_table(&findings(report, strict)));
    s.push('\n');
    s
}

fn summary(files: usize, errors: usize, warnings: usize) -> String {
    let files_word = if files == 1 { tr!("fil", "file") } else { tr!("filer", "files") };
    if errors == 0 && warnings == 0 {
        return tr!(
            "Sjekket {files} {files_word}: alt i orden.",
            "Checked {files} {files_word}: all good."
        );
    }
    let err_word = if errors == 1 { tr!("feil", "error") } else { tr!("feil", "errors") };
    let warn_word =
        if warnings == 1 { tr!("advarsel", "warning") } else { tr!("advarsler", "warnings") };
    tr!(
        "Sjekket {files} {files_word}: {errors} {err_word}, {warnings} {warn_word}.",
        "Checked {files} {files_word}: {errors} {err_word}, {warnings} {warn_word}."
    )
}
