//! `veikart report`: the adapter from arguments to [`crate::app::report`].

use anyhow::Result;
use clap::Args;

use super::{Ctx, date_arg};
use crate::app::report::gather;
use crate::app::status_report;
use crate::error::SUCCESS;
use crate::model::date::Date;
use crate::output::doc::MdCharts;
use crate::output::report as render;
use crate::output::ui::Format;
use crate::tr;

/// Write a progress report for the operations meeting: every phase's work in one document
///
/// The phase and what is left, benefits and indicators with charts, economics,
/// deviations and their actions, suppliers, ideas, proposals and user tests,
/// the technology choice, the service journey with touchpoints, the RACI
/// matrix, routines, the service owner, and the log. Sections with nothing to
/// say are left out.
///
/// Markdown by default (paste it into a wiki, an issue or an e-mail; GitHub
/// and GitLab draw its Mermaid charts); with `-o FILE.md` each indicator's
/// chart is an SVG file beside it instead (`rapport-ID.svg`). `--format html`
/// writes one self-contained page that prints on A4; `--format json` gives the same data. The report is in
/// the project's language (`--lang` to change it).
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart report > rapport.md
  veikart report --format html > rapport.html
  veikart report --output rapport.html
  veikart report -o rapport.md
  veikart report --as-of 2026-10-31 --format json
  veikart report --status-report 2026-11 --format html -o status-november.html
  veikart report --since-last")]
pub struct ReportArgs {
    /// Write the report to FILE instead of stdout; .html, .json and .md pick the format
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,

    /// Report as of this date, without what is dated later [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub as_of: Option<Date>,

    /// Only the N latest log entries of the period [default: all of them]
    #[arg(long, value_name = "N", value_parser = super::count_arg, allow_hyphen_values = true)]
    pub log: Option<usize>,

    /// Render the published status report ID: its lights, and the project exactly as it was at the commit it names
    #[arg(long, value_name = "ID", conflicts_with = "as_of")]
    pub status_report: Option<String>,

    /// Add what changed since the last published status report, in `veikart diff`'s words
    #[arg(long)]
    pub since_last: bool,
}

pub fn cmd_report(ctx: &mut Ctx, args: ReportArgs) -> Result<u8> {
    // Without --format, the output file's extension picks it.
    let output = args.output.as_deref();
    let extensions = [
        ("md", Format::Md),
        ("markdown", Format::Md),
        ("html", Format::Html),
        ("htm", Format::Html),
        ("json", Format::Json),
    ];
    let format = super::common::output_format(ctx, "report", output, &extensions, Format::Md)?;
    let (project, as_of) = ctx.open_on(args.as_of)?;
    super::common::check_output(output, format, "veikart report -o rapport.html")?;
    let report = match &args.status_report {
        Some(wanted) => {
            let published = status_report::published(&project, wanted)?;
            let since = status_report::period_start(&project, Some(&published), as_of)?;
            let mut report = status_report::at_report(&project, &published, |p, day| {
                gather(p, day, since, args.log)
            })?;
            report.status_report = Some(status_report::StatusReportView::of(&project, &published));
            if args.since_last {
                report.since_last = Some(status_report::since_last(&project, Some(&published))?);
            }
            report
        }
        None => {
            let since = status_report::period_start(&project, None, as_of)?;
            let mut report = gather(&project, as_of, since, args.log)?;
            if args.since_last {
                report.since_last = Some(status_report::since_last(&project, None)?);
            }
            report
        }
    };
    let (text, charts) = match format {
        Format::Json => (crate::output::json::to_string(&report)? + "\n", Vec::new()),
        Format::Html => (render::html(&report), Vec::new()),
        _ => render::markdown(&report, &md_charts(output)),
    };
    // The chart files first, so the Markdown never links to a missing one.
    if let Some(dir) = output.map(|o| o.parent().unwrap_or(std::path::Path::new(""))) {
        for c in &charts {
            let path = dir.join(&c.name);
            crate::store::fsutil::write_atomic(&path, &path.display().to_string(), &c.bytes)?;
        }
    }
    super::common::deliver(ctx, output, text.as_bytes(), |shown| {
        tr!("Skrev rapporten til {shown}.", "Wrote the report to {shown}.")
    })?;
    Ok(SUCCESS)
}

/// Charts in a Markdown report: Mermaid on stdout, SVG files beside the
/// file with `-o` (named after it: `rapport-ventetid.svg`).
fn md_charts(output: Option<&std::path::Path>) -> MdCharts {
    match output.and_then(|o| o.file_stem()).and_then(|s| s.to_str()) {
        Some(stem) => MdCharts::Files { stem: stem.to_string() },
        None => MdCharts::Mermaid,
    }
}
