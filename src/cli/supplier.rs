//! `veikart supplier …`: suppliers and reviews of their delivery.

use anyhow::Result;
use clap::{Args, Subcommand};

use super::{Ctx, check_line, check_text, common, date_arg, int_arg};
use crate::error::SUCCESS;
use crate::model::date::Date;
use crate::model::deviation::{self, Deviation, KIND, STATUS};
use crate::model::supplier::{self, Supplier};
use crate::output::ui::Format;
use crate::store::edit;
use crate::tr;

/// Follow up the suppliers' delivery (leveranseevne)
#[derive(Debug, Subcommand)]
#[command(after_help = "\
Examples:
  veikart supplier add \"Journalleverandøren AS\" --contract \"Avtale 2025/118\"
  veikart supplier review journal --score 4 --note \"Stabil drift, ett avbrudd\"
  veikart supplier list
  veikart supplier show journal")]
pub enum SupplierCommand {
    Add(AddArgs),
    Review(ReviewArgs),
    List(ListArgs),
    Show(ShowArgs),
    Set(super::record::Set<crate::model::supplier::Supplier>),
    Rm(super::record::Rm<crate::model::supplier::Supplier>),
}

pub fn run(ctx: &mut Ctx, cmd: SupplierCommand) -> Result<u8> {
    match cmd {
        SupplierCommand::Add(a) => cmd_supplier_add(ctx, a),
        SupplierCommand::Review(a) => cmd_supplier_review(ctx, a),
        SupplierCommand::List(a) => cmd_supplier_list(ctx, a),
        SupplierCommand::Show(a) => cmd_supplier_show(ctx, a),
        SupplierCommand::Set(a) => super::record::run_set(ctx, a),
        SupplierCommand::Rm(a) => super::record::run_rm(ctx, a),
    }
}

/// Record a supplier and print its id
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart supplier add \"Journalleverandøren AS\" --contract \"Avtale 2025/118\"
  veikart supplier add \"Telefoni AS\" --description \"Telefonløsning med kø og tilbakeringing\"")]
pub struct AddArgs {
    /// The supplier's name
    pub name: String,

    /// The contract: a reference, a path or a URL
    #[arg(long, value_name = "TEXT")]
    pub contract: Option<String>,

    /// What the supplier delivers
    #[arg(long, value_name = "TEXT")]
    pub description: Option<String>,
}

fn cmd_supplier_add(ctx: &mut Ctx, args: AddArgs) -> Result<u8> {
    let project = ctx.open()?;
    let name = super::check_title(&args.name)?;
    let mut values = vec![("name", edit::text(&name))];
    if let Some(c) = &args.contract {
        values.push(("contract", edit::text(&check_line("--contract", c)?)));
    }
    if let Some(d) = &args.description {
        let d = check_text("--description", d)?;
        if !d.is_empty() {
            values.push(("description", edit::text(&d)));
        }
    }
    common::add_record(ctx, &project, &supplier::SPEC, &name, values)?;
    Ok(SUCCESS)
}

/// Review a supplier's delivery with a score from 1 to 5
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart supplier review journal --score 4 --note \"Stabil drift, ett avbrudd\"
  veikart supplier review telefoni --score 2 --date 2026-10-31")]
pub struct ReviewArgs {
    /// The supplier (id or unique prefix)
    pub supplier: String,

    /// How well they delivered: 1 (poorly) to 5 (very well)
    #[arg(long, value_name = "1-5", value_parser = int_arg(&crate::model::supplier::SPEC, "review.score"))]
    pub score: i64,

    /// The date of the review [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub date: Option<Date>,

    /// What the score is based on
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

fn cmd_supplier_review(ctx: &mut Ctx, args: ReviewArgs) -> Result<u8> {
    ctx.ui.format("supplier review")?;
    let project = ctx.open()?;
    let id = project.resolve(&supplier::SPEC, &args.supplier)?;
    let date = super::happened(args.date)?;
    let note = args.note.as_deref().map(|n| check_line("--note", n)).transpose()?;
    let mut entry = vec![("date", edit::date(date)), ("score", edit::int(args.score))];
    if let Some(n) = &note {
        entry.push(("note", edit::text(n)));
    }
    let changed = project.edit::<Supplier>(&id, |_, doc| {
        if edit::push_table(doc, "review", entry) {
            Ok(())
        } else {
            Err(common::not_table_array(&project.shown_record(&supplier::SPEC, &id), "review"))
        }
    })?;
    common::edited(ctx, &project, &supplier::SPEC, &id, &changed);
    Ok(SUCCESS)
}

/// List suppliers with their latest review
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart supplier list
  veikart supplier list --format json")]
pub struct ListArgs {}

fn cmd_supplier_list(ctx: &mut Ctx, _args: ListArgs) -> Result<u8> {
    let format = ctx.ui.format("supplier list")?;
    let project = ctx.open()?;
    let mut suppliers: Vec<Supplier> = project.load_all()?;
    suppliers
        .sort_by(|a, b| a.name.to_lowercase().cmp(&b.name.to_lowercase()).then(a.id.cmp(&b.id)));
    if format == Format::Json {
        let items: Vec<_> = suppliers
            .iter()
            .map(|s| {
                let derived = serde_json::json!({ "latest_review": s.latest() });
                common::record_json(&project, &supplier::SPEC, &s.id, s, derived)
            })
            .collect();
        return common::json_list(ctx, "suppliers", &items);
    }
    if suppliers.is_empty() {
        ctx.ui.status(&tr!(
            "Ingen leverandører ennå. Legg til en med `veikart supplier add NAVN`.",
            "No suppliers yet. Add one with `veikart supplier add NAME`."
        ));
        return Ok(SUCCESS);
    }
    let headers = vec![
        "ID".to_string(),
        tr!("LEVERANDØR", "SUPPLIER"),
        tr!("AVTALE", "CONTRACT"),
        tr!("SISTE SKÅR", "LATEST SCORE"),
        tr!("DATO", "DATE"),
        tr!("VURDERINGER", "REVIEWS"),
    ];
    let rows = suppliers
        .iter()
        .map(|s| {
            let latest = s.latest();
            vec![
                s.id.clone(),
                s.name.clone(),
                common::dash(s.contract.as_ref()),
                latest.map_or_else(|| "–".to_string(), |r| format!("{}/5", r.score)),
                common::dash(latest.and_then(|r| r.date)),
                s.reviews.len().to_string(),
            ]
        })
        .collect();
    let table = ctx.ui.table(&headers, rows);
    ctx.ui.out(&table)?;
    Ok(SUCCESS)
}

/// Show one supplier: contract, reviews and the deviations that name it
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart supplier show journal
  veikart supplier show journal --format json")]
pub struct ShowArgs {
    /// The supplier (id or unique prefix)
    pub id: String,

    /// Judge the deviations' due dates as of this date, without what is dated later [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub as_of: Option<Date>,
}

fn cmd_supplier_show(ctx: &mut Ctx, args: ShowArgs) -> Result<u8> {
    let format = ctx.ui.format("supplier show")?;
    let (project, as_of) = ctx.open_on(args.as_of)?;
    let id = project.resolve(&supplier::SPEC, &args.id)?;
    let s: Supplier = project.load(&id)?;
    let mut devs: Vec<Deviation> = project
        .load_all::<Deviation>()?
        .into_iter()
        .filter(|d| d.supplier.as_ref() == Some(&id))
        .collect();
    devs.sort_by(|a, b| {
        (!a.is_open(), std::cmp::Reverse(a.date), &a.id).cmp(&(
            !b.is_open(),
            std::cmp::Reverse(b.date),
            &b.id,
        ))
    });
    if format == Format::Json {
        let items: Vec<_> = devs
            .iter()
            .map(|d| {
                let derived = serde_json::json!({ "overdue_actions": d.overdue(as_of).len() });
                common::record_json(&project, &deviation::SPEC, &d.id, d, derived)
            })
            .collect();
        ctx.ui.json(&serde_json::json!({
            "as_of": as_of,
            "supplier": common::record_json(
                &project,
                &supplier::SPEC,
                &s.id,
                &s,
                serde_json::json!({ "latest_review": s.latest() }),
            ),
            "deviations": items,
        }))?;
        return Ok(SUCCESS);
    }
    let mut rows: Vec<(String, String)> = vec![(tr!("Navn", "Name"), s.name.clone())];
    rows.push((tr!("Avtale", "Contract"), common::dash(s.contract.as_ref())));
    if let Some(d) = &s.description {
        rows.push((tr!("Leverer", "Delivers"), d.clone()));
    }
    let mut reviews: Vec<(usize, &supplier::Review)> = s.reviews.iter().enumerate().collect();
    reviews.sort_by_key(|(i, r)| (r.date, *i));
    let review_lines: Vec<String> = reviews
        .iter()
        .map(|(_, r)| {
            let mut line = format!("{}  {}/5", common::dash(r.date), r.score);
            if let Some(n) = &r.note {
                line.push_str(&format!("  {n}"));
            }
            line
        })
        .collect();
    rows.push((
        tr!("Vurderinger", "Reviews"),
        if review_lines.is_empty() {
            tr!(
                "ingen ennå (`veikart supplier review {} --score 1-5`)",
                "none yet (`veikart supplier review {} --score 1-5`)",
                s.id
            )
        } else {
            review_lines.join("\n")
        },
    ));
    let dev_lines: Vec<String> = devs
        .iter()
        .map(|d| {
            let mut line = format!(
                "{}  {} ({}, {}",
                d.id,
                d.title,
                common::dash(d.date),
                STATUS.label(&d.status)
            );
            if let Some(k) = &d.kind {
                line.push_str(&format!(", {}", KIND.label(k)));
            }
            let late = d.overdue(as_of).len();
            if late > 0 {
                line.push_str(&tr!(", {late} tiltak over fristen", ", {late} overdue"));
            }
            line.push(')');
            line
        })
        .collect();
    rows.push((
        tr!("Avvik", "Deviations"),
        if dev_lines.is_empty() { tr!("ingen", "none") } else { dev_lines.join("\n") },
    ));
    let block =
        common::record_block(ctx, &s.id, &project.shown_record(&supplier::SPEC, &s.id), &rows);
    ctx.ui.out(&block)?;
    Ok(SUCCESS)
}
