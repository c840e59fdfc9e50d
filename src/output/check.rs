//! `check`'s report as the user asked for it: `path:line:col: error[code]`
//! lines, JSON, or GitHub Actions annotations. Used by `veikart check` and
//! `veikart raci check`.

use anyhow::Result;
use serde::Serialize;

use super::github::{gh_escape_data, gh_escape_property, gh_path};
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
            let mut s = String::new();
            for d in &report.diagnostics {
                let level = match d.severity {
                    Severity::Error => "error",
                    Severity::Warning if strict => "error",
                    Severity::Warning => "warning",
                };
                let mut msg = format!("[{}] {}", d.code, d.message);
                for h in &d.hints {
                    msg.push_str(&format!("\nhint: {h}"));
                }
                s.push_str(&format!(
                    "::{level} file={},line={},col={}::{}\n",
                    gh_escape_property(&gh_path(&d.path)),
                    d.line,
                    d.column,
                    gh_escape_data(&msg)
                ));
            }
            if !s.is_empty() {
                ui.out(&s)?;
            }
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
    Ok(if failed { FINDINGS } else { SUCCESS })
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
