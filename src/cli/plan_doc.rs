//! `veikart benefit plan-doc`: the benefit realisation plan as a document,
//! a thin adapter over [`crate::app::plan_doc`] and [`crate::output::plan_doc`].

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use super::{Ctx, date_arg};
use crate::error::SUCCESS;
use crate::model::date::Date;
use crate::output::plan_doc as render;
use crate::output::ui::Format;
use crate::tr;

/// Write the benefit realisation plan as a document: Markdown, HTML or Excel
///
/// Each benefit with what brings it, the goals it serves, what it is worth
/// (hours and NOK a year), its owner and preconditions; the benefits,
/// costs and net year by year; how the benefits will be used; other public
/// bodies involved; the non-priced benefits and why they matter; the
/// corrective actions of open deviations; the indicators with unit,
/// source, baseline, target, frequency, latest result and how far it is
/// off the planned path; and, in a git repository, the commits that changed
/// the plan. `--format xlsx` writes one sheet per part and needs `-o FILE`;
/// without `--format`, the extension of FILE picks it (default: md).
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart benefit plan-doc > gevinstplan.md
  veikart benefit plan-doc --format html -o gevinstplan.html
  veikart benefit plan-doc -o gevinstplan.xlsx
  veikart --at v1.0 benefit plan-doc --format md")]
pub struct PlanDocArgs {
    /// The plan as of this date, without what is dated later [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub as_of: Option<Date>,

    /// Write to FILE instead of stdout (atomically); .md, .html and .xlsx pick the format
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn cmd_plan_doc(ctx: &mut Ctx, args: PlanDocArgs) -> Result<u8> {
    let output = args.output.as_deref();
    let extensions = [
        ("html", Format::Html),
        ("htm", Format::Html),
        ("xlsx", Format::Xlsx),
        ("md", Format::Md),
        ("markdown", Format::Md),
    ];
    let format =
        super::common::output_format(ctx, "benefit plan-doc", output, &extensions, Format::Md)?;
    super::common::check_output(
        output,
        format,
        &tr!(
            "veikart benefit plan-doc --format xlsx -o gevinstplan.xlsx",
            "veikart benefit plan-doc --format xlsx -o benefit-plan.xlsx"
        ),
    )?;
    let (project, as_of) = ctx.open_on(args.as_of)?;
    let doc = crate::app::plan_doc::gather(&project, as_of)?;
    let mut bytes = match format {
        Format::Xlsx => render::xlsx(&doc, as_of)?,
        Format::Html => render::html(&doc).into_bytes(),
        _ => render::markdown(&doc).into_bytes(),
    };
    if output.is_none() {
        let text = String::from_utf8_lossy(&bytes).trim_end().to_string() + "\n";
        bytes = text.into_bytes();
    }
    super::common::deliver(ctx, output, &bytes, |shown| {
        tr!(
            "Skrev gevinstrealiseringsplanen til {shown}.",
            "Wrote the benefit realisation plan to {shown}."
        )
    })?;
    Ok(SUCCESS)
}
