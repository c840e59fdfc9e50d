//! `veikart benefit value` (what a benefit is worth) and `veikart benefit
//! economics` (the benefits weighed against the costs over the years).

use anyhow::Result;
use clap::Args;

use super::{Ctx, check_line, common, enum_arg, int_arg, number_arg};
use crate::error::SUCCESS;
use crate::model::benefit::{self, Benefit, GAINS, IMPORTANCE, REALISED_AS, VALUE_KEYS};
use crate::model::economics::Options;
use crate::output::ui::Format;
use crate::store::edit;
use crate::tr;

/// Say what a benefit is worth: how it is realised, who gains, and NOK a year
///
/// Replaces what the benefit was said to be worth before (its costs stay).
/// A priced benefit takes one figure a year (`--per-year`), a list year by
/// year (`--per-year` once per year, from `--from-year`), three estimates
/// (`--pessimistic`, `--expected`, `--optimistic`, weighed as
/// (P + 3E + O) / 5), or, for freed capacity, hours a year valued at the
/// hourly cost (`hourly_cost` in veikart.toml, default 700). A non-priced
/// benefit takes an importance and why. Amounts may be written as Norwegians
/// do: `1 200 000`, `1,2 mill`, `350 000 kr`; `1.200` is refused as
/// ambiguous.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart benefit value kortere --realised-as kapasitet --hours-per-year 1200 --gains kommune --from-year 2027
  veikart benefit value faerre --realised-as budsjett --pessimistic \"300 000\" --expected \"0,4 mill\" --optimistic \"600 000\" --from-year 2027 --years 8
  veikart benefit value faerre --realised-as budsjett --per-year 100000 --per-year 250000 --per-year 400000 --from-year 2027
  veikart benefit value tryggere --realised-as ikke-prissatt --gains bruker --gains pårørende --importance høy --reason \"Færre klager og tryggere pasienter\"")]
pub struct ValueArgs {
    /// The benefit (id or unique prefix)
    pub benefit: String,

    /// budget, capacity, other-public or non-priced (budsjett, kapasitet, annen-offentlig, ikke-prissatt)
    #[arg(long, value_name = "HOW", value_parser = enum_arg(&REALISED_AS))]
    pub realised_as: String,

    /// Who gains: municipality, user, relative, employee, other-public, society (can be repeated)
    #[arg(long = "gains", value_name = "WHO", value_parser = enum_arg(&GAINS))]
    pub gains: Vec<String>,

    /// NOK a year; repeat it for a list year by year from --from-year
    #[arg(long = "per-year", value_name = "NOK", value_parser = number_arg(&benefit::SPEC, "per_year"), allow_negative_numbers = true)]
    pub per_year: Vec<f64>,

    /// NOK a year, pessimistic (with --expected and --optimistic)
    #[arg(long, value_name = "NOK", value_parser = number_arg(&benefit::SPEC, "pessimistic"), allow_negative_numbers = true)]
    pub pessimistic: Option<f64>,

    /// NOK a year, most likely
    #[arg(long, value_name = "NOK", value_parser = number_arg(&benefit::SPEC, "expected"), allow_negative_numbers = true)]
    pub expected: Option<f64>,

    /// NOK a year, optimistic
    #[arg(long, value_name = "NOK", value_parser = number_arg(&benefit::SPEC, "optimistic"), allow_negative_numbers = true)]
    pub optimistic: Option<f64>,

    /// Hours freed a year (with --realised-as capacity)
    #[arg(long, value_name = "H", value_parser = number_arg(&benefit::SPEC, "hours_per_year"), allow_negative_numbers = true)]
    pub hours_per_year: Option<f64>,

    /// NOK an hour for these hours [default: hourly_cost in veikart.toml, else 700]
    #[arg(long, value_name = "NOK", value_parser = number_arg(&benefit::SPEC, "hourly_cost"), allow_negative_numbers = true)]
    pub hourly_cost: Option<f64>,

    /// The first year it counts [default: the first year of the calculation]
    #[arg(long, value_name = "YYYY", value_parser = int_arg(&benefit::SPEC, "from_year"))]
    pub from_year: Option<i64>,

    /// For how many years it counts [default: to the end of the calculation]
    #[arg(long, value_name = "N", value_parser = int_arg(&benefit::SPEC, "years"))]
    pub years: Option<i64>,

    /// For a non-priced benefit: low, moderate or high (liten, middels, stor)
    #[arg(long, value_name = "LEVEL", value_parser = enum_arg(&IMPORTANCE))]
    pub importance: Option<String>,

    /// Why it matters that much
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
}

pub fn cmd_value(ctx: &mut Ctx, args: ValueArgs) -> Result<u8> {
    ctx.ui.format("benefit value")?;
    let project = ctx.open()?;
    let id = project.resolve(&benefit::SPEC, &args.benefit)?;
    let reason = args.reason.as_deref().map(|r| check_line("--reason", r)).transpose()?;
    let mut gains: Vec<String> = Vec::new();
    for g in &args.gains {
        if !gains.contains(g) {
            gains.push(g.clone());
        }
    }
    let shown = project.shown_record(&benefit::SPEC, &id);
    let changed = project.edit::<Benefit>(&id, |b, doc| {
        // What the benefit is worth now, key by key; a key that keeps its
        // value keeps its place and comment, and one not given goes.
        let mut given: Vec<(&str, toml_edit::Value)> =
            vec![("realised_as", edit::text(&args.realised_as))];
        if let [one] = args.per_year.as_slice() {
            given.push(("per_year", edit::number(*one)));
        }
        let numbers = [
            ("pessimistic", args.pessimistic),
            ("expected", args.expected),
            ("optimistic", args.optimistic),
            ("hours_per_year", args.hours_per_year),
            ("hourly_cost", args.hourly_cost),
        ];
        given.extend(numbers.into_iter().filter_map(|(k, v)| Some((k, edit::number(v?)))));
        // A list year by year starts at its first row's year.
        if args.per_year.len() < 2
            && let Some(y) = args.from_year
        {
            given.push(("from_year", edit::int(y)));
        }
        if let Some(n) = args.years {
            given.push(("years", edit::int(n)));
        }
        if let Some(i) = &args.importance {
            given.push(("importance", edit::text(i)));
        }
        if let Some(r) = &reason {
            given.push(("importance_reason", edit::text(r)));
        }
        for key in VALUE_KEYS {
            if !given.iter().any(|(k, _)| k == key) && *key != "yearly_amount" {
                edit::remove(doc, key);
            }
        }
        for (key, value) in given {
            edit::set(doc, key, value);
        }
        if !gains.is_empty() {
            edit::set(doc, "gains", edit::list(&gains));
        }
        // Year by year: the rows, unless they are already just these.
        let rows: Vec<(i64, f64)> = if args.per_year.len() > 1 {
            let from = args.from_year.unwrap_or(i64::from(project.today.year()));
            args.per_year.iter().enumerate().map(|(i, a)| (from + i as i64, *a)).collect()
        } else {
            Vec::new()
        };
        let now: Vec<(i64, f64)> = b.worth.yearly.iter().map(|y| (y.year, y.amount)).collect();
        if rows != now {
            edit::remove(doc, "yearly_amount");
            for (year, amount) in rows {
                let row = vec![("year", edit::int(year)), ("amount", edit::number(amount))];
                if !edit::push_table(doc, "yearly_amount", row) {
                    return Err(common::not_table_array(&shown, "yearly_amount"));
                }
            }
        }
        // An older file's yes/no follows what it is now said to be.
        if doc.contains_key("monetary") {
            let priced = args.realised_as != "non-priced";
            if b.monetary != priced {
                edit::set(doc, "monetary", edit::boolean(priced));
            }
        }
        Ok(())
    })?;
    common::edited(ctx, &project, &benefit::SPEC, &id, &changed);
    Ok(SUCCESS)
}

/// Weigh the benefits against the costs year by year: net, present value, payback
///
/// Counts every priced benefit (`benefit value`) and every cost (`benefit
/// cost add`) over `--years` years from the first year any of them names
/// (or the project started), at constant prices. The net present value is
/// discounted at the real rate `--rate` (default: discount_rate in
/// veikart.toml, else 4 %); the payback year is the first from which the
/// cumulative net is never negative again. Benefits that are not priced are listed
/// beside the numbers. docs/benefits.md has the formulas.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart benefit economics
  veikart benefit economics --years 15 --rate 3,5
  veikart benefit economics --format md >> rapport.md
  veikart benefit economics --format csv > okonomi.csv
  veikart benefit economics -o okonomi.xlsx")]
pub struct EconomicsArgs {
    /// Write to FILE instead of stdout (atomically); .xlsx, .csv, .md and .json pick the format
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,

    /// How many years to count [default: 10, or on to the last year a benefit or cost names]
    #[arg(long, value_name = "N", value_parser = years_arg)]
    pub years: Option<i64>,

    /// The real discount rate in percent a year [default: discount_rate in veikart.toml, else 4]
    #[arg(long, value_name = "PERCENT", value_parser = rate_arg)]
    pub rate: Option<f64>,
}

fn years_arg(s: &str) -> Result<i64, String> {
    crate::model::input::int(s, 1, 100)
}

/// A rate in percent: `4`, `3,5`, `4 %`.
fn rate_arg(s: &str) -> Result<f64, String> {
    let t = s.trim().trim_end_matches('%').trim_end();
    let v = crate::model::input::decimal(t)?;
    if (0.0..=20.0).contains(&v) {
        Ok(v)
    } else {
        Err(tr!(
            "kalkulasjonsrenten er i prosent og må være mellom 0 og 20 ({s})",
            "the discount rate is in percent and must be between 0 and 20 ({s})"
        ))
    }
}

pub fn cmd_economics(ctx: &mut Ctx, args: EconomicsArgs) -> Result<u8> {
    let output = args.output.as_deref();
    let extensions = [
        ("xlsx", Format::Xlsx),
        ("csv", Format::Csv),
        ("md", Format::Md),
        ("markdown", Format::Md),
        ("json", Format::Json),
        ("txt", Format::Text),
    ];
    let format =
        common::output_format(ctx, "benefit economics", output, &extensions, Format::Text)?;
    common::check_output(output, format, "veikart benefit economics -o okonomi.xlsx")?;
    let project = ctx.open()?;
    let opts =
        Options { years: args.years, rate: args.rate, this_year: i64::from(project.today.year()) };
    let e = crate::app::economics::of(&project, opts)?;
    use crate::output::economics as view;
    let bytes = match format {
        Format::Json if output.is_none() => return ctx.ui.json(&view::json(&e)).map(|_| SUCCESS),
        Format::Json => (crate::output::json::to_string(&view::json(&e))? + "\n").into_bytes(),
        Format::Md => view::markdown(&e, "##").into_bytes(),
        Format::Csv => view::csv(&e)?.into_bytes(),
        Format::Xlsx => crate::output::xlsx::workbook(&view::sheets(&e), project.today)?,
        _ => {
            let (headers, rows) = view::table(&e);
            let table = ctx.ui.table(&headers, rows);
            let mut text = view::text(&e, &table).trim_end().to_string();
            text.push('\n');
            text.into_bytes()
        }
    };
    common::deliver(ctx, output, &bytes, |shown| {
        tr!("Skrev økonomien til {shown}.", "Wrote the economics to {shown}.")
    })?;
    Ok(SUCCESS)
}
