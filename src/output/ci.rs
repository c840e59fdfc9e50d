//! Findings for CI services, once for `check`, `raci check` and
//! `checklist --check`: GitHub Actions annotations (capped the way GitHub
//! shows them), GitLab Code Quality JSON with fingerprints that survive a
//! moved line, and the Markdown step summary GitHub shows on the run's page.

use std::io::Write as _;

use serde::Serialize;

use super::github::{gh_escape_data, gh_escape_property, gh_path};
use crate::tr;

/// GitHub shows at most 10 error and 10 warning annotations per step.
pub const GITHUB_MAX_PER_LEVEL: usize = 10;

/// One problem a CI service should show at a place in a file.
#[derive(Debug, Clone)]
pub struct Finding {
    /// An error fails the job; a warning does not.
    pub error: bool,
    /// The path as veikart shows it (relative to where it runs).
    pub path: String,
    pub line: usize,
    pub column: Option<usize>,
    /// The rule: a check code (`raci-no-accountable`) or a checklist item.
    pub code: String,
    /// A short heading for the annotation.
    pub title: String,
    pub message: String,
    /// What tells this finding apart from others of the same code in the
    /// same file, without its line: the fingerprint is made from it.
    pub key: String,
}

/// GitHub Actions workflow commands: errors before warnings, at most 10 of
/// each, then one `::notice` with the full count and `rest`, the command
/// that lists them all; `summary` (if any) ends as a notice of its own.
pub fn github(findings: &[Finding], rest: &str, summary: Option<&str>) -> String {
    let mut s = String::new();
    let (errors, warnings): (Vec<&Finding>, Vec<&Finding>) = findings.iter().partition(|f| f.error);
    for (level, list) in [("error", &errors), ("warning", &warnings)] {
        for f in list.iter().take(GITHUB_MAX_PER_LEVEL) {
            let mut props =
                format!("file={},line={}", gh_escape_property(&gh_path(&f.path)), f.line);
            if let Some(c) = f.column {
                props.push_str(&format!(",col={c}"));
            }
            props.push_str(&format!(",title={}", gh_escape_property(&f.title)));
            s.push_str(&format!("::{level} {props}::{}\n", gh_escape_data(&f.message)));
        }
    }
    let hidden = errors.len().saturating_sub(GITHUB_MAX_PER_LEVEL)
        + warnings.len().saturating_sub(GITHUB_MAX_PER_LEVEL);
    if hidden > 0 {
        let shown = findings.len() - hidden;
        use crate::i18n::counted;
        let text = tr!(
            "Viser {shown} av {} funn ({}, {}); kjør `{rest}` for å se alle.",
            "Showing {shown} of {} findings ({}, {}); run `{rest}` to see them all.",
            findings.len(),
            counted(errors.len(), ("feil", "feil"), ("error", "errors")),
            counted(warnings.len(), ("advarsel", "advarsler"), ("warning", "warnings"))
        );
        s.push_str(&format!(
            "::notice title={}::{}\n",
            gh_escape_property(rest),
            gh_escape_data(&text)
        ));
    }
    if let Some(summary) = summary {
        s.push_str(&format!(
            "::notice title={}::{}\n",
            gh_escape_property(rest),
            gh_escape_data(summary)
        ));
    }
    s
}

#[derive(Serialize)]
struct Issue<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    check_name: &'a str,
    description: String,
    categories: [&'static str; 1],
    severity: &'static str,
    fingerprint: String,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
}

/// A GitLab Code Quality report (a JSON array of issues). `tool` names the
/// command in the fingerprint, so `check` and `checklist` never share one.
pub fn codequality(tool: &str, findings: &[Finding]) -> anyhow::Result<String> {
    let mut seen: std::collections::BTreeMap<String, usize> = Default::default();
    let issues: Vec<Issue> = findings
        .iter()
        .map(|f| {
            let base = format!("{tool}\u{1f}{}\u{1f}{}\u{1f}{}", f.code, f.path, f.key);
            let n = seen.entry(base.clone()).or_default();
            *n += 1;
            Issue {
                kind: "issue",
                check_name: &f.code,
                description: f.message.clone(),
                categories: ["Style"],
                severity: if f.error { "major" } else { "minor" },
                fingerprint: fingerprint(&format!("{base}\u{1f}{n}")),
                location: Location { path: &f.path, lines: Lines { begin: f.line.max(1) } },
            }
        })
        .collect();
    let mut s = super::json::escape_invisible(&serde_json::to_string_pretty(&issues)?);
    s.push('\n');
    Ok(s)
}

/// 128 bits of FNV-1a, as 32 hex digits: stable across runs and machines.
fn fingerprint(text: &str) -> String {
    let hash = |basis: u64| {
        text.bytes().fold(basis, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3))
    };
    format!("{:016x}{:016x}", hash(0xcbf2_9ce4_8422_2325), hash(0x8422_2325_cbf2_9ce4))
}

/// Append `markdown` to the file `GITHUB_STEP_SUMMARY` names, when it is
/// set (inside GitHub Actions). A summary that cannot be written is a
/// warning, never a reason to fail the job.
pub fn step_summary(markdown: &str) -> Option<String> {
    let path = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty())?;
    let result = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .and_then(|mut f| f.write_all(markdown.as_bytes()));
    result.err().map(|e| {
        tr!(
            "kunne ikke skrive sammendraget til GITHUB_STEP_SUMMARY ({}): {e}",
            "could not write the summary to GITHUB_STEP_SUMMARY ({}): {e}",
            std::path::Path::new(&path).display()
        )
    })
}

/// The step summary's table of findings (at most 50 rows), Markdown-safe.
pub fn summary_table(findings: &[Finding]) -> String {
    const ROWS: usize = 50;
    if findings.is_empty() {
        return String::new();
    }
    let header = [
        String::new(),
        tr!("Fil", "File"),
        tr!("Linje", "Line"),
        tr!("Regel", "Rule"),
        tr!("Melding", "Message"),
    ];
    let mut sorted: Vec<&Finding> = findings.iter().collect();
    sorted.sort_by_key(|f| !f.error);
    let rows: Vec<Vec<String>> = sorted
        .iter()
        .take(ROWS)
        .map(|f| {
            vec![
                if f.error { "❌".into() } else { "⚠️".into() },
                f.path.clone(),
                f.line.to_string(),
                f.code.clone(),
                f.message.clone(),
            ]
        })
        .collect();
    let mut s = super::table::md(&header, &rows);
    if findings.len() > ROWS {
        s.push_str(&tr!("\n… og {} til.\n", "\n… and {} more.\n", findings.len() - ROWS));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(error: bool, n: usize) -> Finding {
        Finding {
            error,
            path: "ideas/x.toml".into(),
            line: n,
            column: None,
            code: "c".into(),
            title: "t".into(),
            message: format!("m{n}"),
            key: format!("m{n}"),
        }
    }

    #[test]
    fn github_caps_each_level_and_says_how_many_are_left() {
        let mut all: Vec<Finding> = (0..15).map(|n| finding(false, n)).collect();
        all.extend((0..12).map(|n| finding(true, n)));
        let s = github(&all, "veikart check", None);
        assert_eq!(s.lines().filter(|l| l.starts_with("::error")).count(), 10);
        assert_eq!(s.lines().filter(|l| l.starts_with("::warning")).count(), 10);
        // Errors come first, then warnings, then the notice.
        assert!(s.lines().next().is_some_and(|l| l.starts_with("::error")));
        let last = s.lines().last().unwrap_or_default();
        assert!(
            last.starts_with("::notice") && last.contains("27") && last.contains("veikart check"),
            "{last}"
        );
    }

    #[test]
    fn fingerprints_do_not_depend_on_the_line() {
        let a = codequality("check", &[finding(true, 3)]).unwrap_or_default();
        let mut moved = finding(true, 3);
        moved.line = 40;
        let b = codequality("check", &[moved]).unwrap_or_default();
        let fp = |s: &str| s.lines().find(|l| l.contains("fingerprint")).map(str::to_string);
        assert_eq!(fp(&a), fp(&b));
        assert_ne!(a, b);
    }
}
