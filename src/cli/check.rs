//! `veikart check`: validate every file of the project.

use anyhow::Result;
use clap::Args;
use serde::Serialize;

use super::{Ctx, date_arg, today};
use crate::diag::{Diagnostic, Severity};
use crate::error::{FINDINGS, SUCCESS};
use crate::model::date::Date;
use crate::tr;
use crate::ui::{Format, JSON_VERSION};

/// Check every file of the project and report all problems at once
///
/// Reports TOML syntax errors, unknown keys, wrong types, bad values, scores
/// out of range, file names that are not ids, and references to records that
/// do not exist, as `path:line:col: error[code]: message` with `hint:` lines,
/// sorted by path and line. Exit status: 0 clean (warnings allowed), 1
/// problems found, 2 could not run. `--format github` prints annotations
/// for GitHub Actions.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart check
  veikart check --strict
  veikart check --format json
  veikart check --format github")]
pub struct CheckArgs {
    /// Treat warnings as problems (exit 1)
    #[arg(long)]
    pub strict: bool,

    /// Check as of this date [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub as_of: Option<Date>,
}

#[derive(Serialize)]
struct CheckJson<'a> {
    version: u32,
    as_of: Date,
    ok: bool,
    files: usize,
    errors: usize,
    warnings: usize,
    diagnostics: &'a [Diagnostic],
}

pub fn cmd_check(ctx: &mut Ctx, args: CheckArgs) -> Result<u8> {
    let format = ctx.ui.format("check", &[Format::Text, Format::Json, Format::Github])?;
    let loc = ctx.locate()?;
    // The project's language applies when its file can be read.
    if let Ok((Some(info), _)) = loc.read_info()
        && !ctx.lang_forced()
        && let Some(lang) = info.lang.as_deref().and_then(crate::i18n::Lang::parse)
    {
        crate::i18n::set(lang);
    }
    let as_of = today(args.as_of)?;
    let report = crate::app::check::run(&loc, as_of)?;
    print_report(ctx, &report, format, args.strict, as_of)
}

/// Print a check report in `format` and give the exit code.
pub fn print_report(
    ctx: &mut Ctx,
    report: &crate::app::check::Report,
    format: Format,
    strict: bool,
    as_of: Date,
) -> Result<u8> {
    let (errors, warnings) = (report.errors(), report.warnings());
    let failed = errors > 0 || (strict && warnings > 0);
    match format {
        Format::Json => ctx.ui.json(&CheckJson {
            version: JSON_VERSION,
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
                ctx.ui.out(&s)?;
            }
            ctx.ui.status(&summary(report.files, errors, warnings));
        }
        _ => {
            let mut s = String::new();
            for d in &report.diagnostics {
                s.push_str(&d.render());
                s.push('\n');
            }
            if !s.is_empty() {
                ctx.ui.out(&s)?;
            }
            ctx.ui.status(&summary(report.files, errors, warnings));
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

/// Escape a workflow command's message (GitHub's rules: %, CR, LF).
/// A path as GitHub wants it in an annotation: relative to the root of the
/// checked-out repository (`GITHUB_WORKSPACE`), also when veikart runs in a
/// folder below it. Outside GitHub Actions, the path as shown.
pub fn gh_path(shown: &str) -> String {
    let Some(workspace) = std::env::var_os("GITHUB_WORKSPACE").filter(|w| !w.is_empty()) else {
        return shown.to_string();
    };
    let Ok(cwd) = std::env::current_dir() else { return shown.to_string() };
    let mut full = std::path::PathBuf::new();
    for c in cwd.join(shown).components() {
        match c {
            std::path::Component::ParentDir => {
                full.pop();
            }
            std::path::Component::CurDir => {}
            other => full.push(other),
        }
    }
    match full.strip_prefix(std::path::Path::new(&workspace)) {
        Ok(rel) => rel.to_string_lossy().replace('\\', "/"),
        Err(_) => shown.to_string(),
    }
}

pub fn gh_escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escape a workflow command's property value (also `:` and `,`).
pub fn gh_escape_property(s: &str) -> String {
    gh_escape_data(s).replace(':', "%3A").replace(',', "%2C")
}
