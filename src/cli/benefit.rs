//! `veikart benefit …`: benefits, their costs and preconditions, and the
//! benefit realisation plan (one indicator per measured effect).

use std::collections::BTreeMap;

use anyhow::Result;
use clap::{Args, Subcommand};
use serde::Serialize;

use super::{
    Ctx, check_line, check_text, check_title, common, date_arg, enum_arg, int_arg, number_arg,
    today,
};
use crate::error::{SUCCESS, UserError};
use crate::model::benefit::{self, BENEFICIARY, Benefit, COST_KIND, TYPE};
use crate::model::date::Date;
use crate::model::id;
use crate::model::indicator::{self, FREQUENCY, Indicator, Progress};
use crate::model::measurement::Measurement;
use crate::model::number;
use crate::model::role::{self, Role};
use crate::output::ui::Format;
use crate::store::edit;
use crate::tr;

/// Map benefits, weigh them against costs, and plan how each is measured
#[derive(Debug, Subcommand)]
#[command(after_help = "\
Examples:
  veikart benefit add \"Kortere ventetid på legevakten\" --type tid --beneficiary bruker
  veikart benefit cost add kortere --kind engangs --amount 250000 --year 2026
  veikart benefit plan kortere --indicator \"Ventetid i minutter\" --unit min --baseline 95 --target 60 --by 2027-06-30
  veikart benefit list")]
pub enum BenefitCommand {
    Add(AddArgs),
    #[command(subcommand)]
    Precondition(PreconditionCommand),
    #[command(subcommand)]
    Cost(CostCommand),
    Plan(PlanArgs),
    Value(super::economics::ValueArgs),
    Economics(super::economics::EconomicsArgs),
    List(ListArgs),
    Show(ShowArgs),
    Set(super::record::Set<crate::model::benefit::Benefit>),
    Rm(super::record::Rm<crate::model::benefit::Benefit>),
    Link(super::benefit_map::LinkArgs),
    Unlink(super::benefit_map::UnlinkArgs),
    Map(super::benefit_map::MapArgs),
    PlanDoc(super::plan_doc::PlanDocArgs),
}

pub fn run(ctx: &mut Ctx, cmd: BenefitCommand) -> Result<u8> {
    match cmd {
        BenefitCommand::Add(a) => cmd_benefit_add(ctx, a),
        BenefitCommand::Precondition(PreconditionCommand::Add(a)) => cmd_precondition_add(ctx, a),
        BenefitCommand::Cost(CostCommand::Add(a)) => cmd_cost_add(ctx, a),
        BenefitCommand::Plan(a) => cmd_benefit_plan(ctx, a),
        BenefitCommand::Value(a) => super::economics::cmd_value(ctx, a),
        BenefitCommand::Economics(a) => super::economics::cmd_economics(ctx, a),
        BenefitCommand::List(a) => cmd_benefit_list(ctx, a),
        BenefitCommand::Show(a) => cmd_benefit_show(ctx, a),
        BenefitCommand::Set(a) => super::record::run_set(ctx, a),
        BenefitCommand::Rm(a) => super::record::run_rm(ctx, a),
        BenefitCommand::Link(a) => super::benefit_map::cmd_benefit_link(ctx, a),
        BenefitCommand::Unlink(a) => super::benefit_map::cmd_benefit_unlink(ctx, a),
        BenefitCommand::Map(a) => super::benefit_map::cmd_benefit_map(ctx, a),
        BenefitCommand::PlanDoc(a) => super::plan_doc::cmd_plan_doc(ctx, a),
    }
}

/// Record a benefit and print its id
///
/// The type says what kind of gain it is: time (time saved), cost (costs
/// avoided), quality, or other.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart benefit add \"Kortere ventetid på legevakten\" --type tid --beneficiary bruker --owner legevaktsjef
  veikart benefit add \"Færre unødvendige sykebesøk\" --type cost --monetary --due 2027-12-31 --precondition \"Ny telefonløsning er i drift\"")]
pub struct AddArgs {
    /// The benefit, in a few words
    pub title: String,

    /// time, cost, quality or other (tid, kostnad, kvalitet, andre)
    #[arg(long = "type", value_name = "TYPE", value_parser = enum_arg(&TYPE))]
    pub kind: String,

    /// The benefit can be counted in money
    #[arg(long)]
    pub monetary: bool,

    /// Who gains: user, relative, employee, municipality or other
    #[arg(long, value_name = "WHO", value_parser = enum_arg(&BENEFICIARY))]
    pub beneficiary: Option<String>,

    /// The role that owns the benefit (gevinsteier)
    #[arg(long, value_name = "ROLE")]
    pub owner: Option<String>,

    /// The role responsible for realising it (gevinstansvarlig)
    #[arg(long, value_name = "ROLE")]
    pub responsible: Option<String>,

    /// When the benefit should be realised
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub due: Option<Date>,

    /// Something that must be true for the benefit to come (can be repeated)
    #[arg(long = "precondition", value_name = "TEXT")]
    pub preconditions: Vec<String>,

    /// What the benefit is and how it comes about
    #[arg(long, value_name = "TEXT")]
    pub description: Option<String>,

    /// The date it was recorded [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub date: Option<Date>,
}

fn cmd_benefit_add(ctx: &mut Ctx, args: AddArgs) -> Result<u8> {
    let project = ctx.open()?;
    let title = check_title(&args.title)?;
    let owner = args.owner.as_deref().map(|r| project.resolve(&role::SPEC, r)).transpose()?;
    let responsible =
        args.responsible.as_deref().map(|r| project.resolve(&role::SPEC, r)).transpose()?;
    let preconditions = args
        .preconditions
        .iter()
        .map(|p| check_line("--precondition", p))
        .collect::<Result<Vec<_>>>()?;
    let description =
        args.description.as_deref().map(|d| check_text("--description", d)).transpose()?;
    let mut values = vec![("title", edit::text(&title)), ("type", edit::text(&args.kind))];
    if args.monetary {
        values.push(("monetary", edit::boolean(true)));
    }
    if let Some(b) = &args.beneficiary {
        values.push(("beneficiary", edit::text(b)));
    }
    if let Some(o) = &owner {
        values.push(("owner", edit::text(o)));
    }
    if let Some(r) = &responsible {
        values.push(("responsible", edit::text(r)));
    }
    if let Some(d) = args.due {
        values.push(("due", edit::date(d)));
    }
    if !preconditions.is_empty() {
        values.push(("preconditions", edit::list(&preconditions)));
    }
    if let Some(d) = description.filter(|d| !d.is_empty()) {
        values.push(("description", edit::text(&d)));
    }
    values.push(("created", edit::date(today(args.date)?)));
    common::add_record(ctx, &project, &benefit::SPEC, &title, values)?;
    Ok(SUCCESS)
}

/// Name what must be true for a benefit to be realised
#[derive(Debug, Subcommand)]
#[command(after_help = "\
Examples:
  veikart benefit precondition add kortere \"Sykepleierne har fått opplæring i ny triage\"")]
pub enum PreconditionCommand {
    Add(PreconditionArgs),
}

/// Add a precondition (forutsetning) to a benefit
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart benefit precondition add kortere \"Sykepleierne har fått opplæring i ny triage\"
  veikart benefit precondition add faerre \"Avtale med fastlegene om timer samme dag\"")]
pub struct PreconditionArgs {
    /// The benefit (id or unique prefix)
    pub benefit: String,

    /// What must be true
    pub text: String,
}

fn cmd_precondition_add(ctx: &mut Ctx, args: PreconditionArgs) -> Result<u8> {
    ctx.ui.format("benefit precondition add")?;
    let project = ctx.open()?;
    let id = project.resolve(&benefit::SPEC, &args.benefit)?;
    let text = check_line(&tr!("forutsetningen", "the precondition"), &args.text)?;
    let changed = project.edit::<Benefit>(&id, |b, doc| {
        if !b.preconditions.contains(&text) {
            edit::push_to_list(doc, "preconditions", &text);
        }
        Ok(())
    })?;
    common::edited(ctx, &project, &benefit::SPEC, &id, &changed);
    Ok(SUCCESS)
}

/// Record what a benefit costs
#[derive(Debug, Subcommand)]
#[command(after_help = "\
Examples:
  veikart benefit cost add kortere --kind engangs --amount 250000 --year 2026 --note \"Ny telefonløsning\"")]
pub enum CostCommand {
    Add(CostArgs),
}

/// Add a one-off or recurring cost (NOK) to a benefit
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart benefit cost add kortere --kind engangs --amount 250000 --year 2026 --note \"Ny telefonløsning\"
  veikart benefit cost add kortere --kind løpende --amount \"48 000\" --note \"Lisens per år\"")]
pub struct CostArgs {
    /// The benefit (id or unique prefix)
    pub benefit: String,

    /// one-off or recurring (per year) (engangs, løpende)
    #[arg(long, value_name = "KIND", value_parser = enum_arg(&COST_KIND))]
    pub kind: String,

    /// The amount in NOK (a decimal comma and spaces are fine)
    #[arg(long, value_name = "NOK", value_parser = number_arg(&benefit::SPEC, "cost.amount"), allow_negative_numbers = true)]
    pub amount: f64,

    /// The year the cost falls in
    #[arg(long, value_name = "YYYY", value_parser = int_arg(&benefit::SPEC, "cost.year"))]
    pub year: Option<i64>,

    /// What the cost is for
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

fn cmd_cost_add(ctx: &mut Ctx, args: CostArgs) -> Result<u8> {
    ctx.ui.format("benefit cost add")?;
    let project = ctx.open()?;
    let id = project.resolve(&benefit::SPEC, &args.benefit)?;
    let amount = args.amount;
    if amount < 0.0 {
        return Err(UserError::new(tr!(
            "et beløp kan ikke være negativt ({})",
            "an amount cannot be negative ({})",
            number::format(amount)
        ))
        .into());
    }
    let note = args.note.as_deref().map(|n| check_line("--note", n)).transpose()?;
    let mut entry = vec![("kind", edit::text(&args.kind)), ("amount", edit::number(amount))];
    if let Some(y) = args.year {
        entry.push(("year", edit::int(y)));
    }
    if let Some(n) = &note {
        entry.push(("note", edit::text(n)));
    }
    let changed = project.edit::<Benefit>(&id, |_, doc| {
        if edit::push_table(doc, "cost", entry) {
            Ok(())
        } else {
            Err(common::not_table_array(&project.shown_record(&benefit::SPEC, &id), "cost"))
        }
    })?;
    common::edited(ctx, &project, &benefit::SPEC, &id, &changed);
    Ok(SUCCESS)
}

/// Plan how a benefit is measured: create or update one of its indicators
///
/// The indicator's id is made from its name and is unique in the project, so
/// `measure record` needs only that id. Running the command again with the
/// same name updates the indicator; only the options given change.
/// Achievement = (latest − baseline) ÷ (target − baseline) × 100 %; a target
/// below the baseline means lower is better.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart benefit plan kortere --indicator \"Ventetid i minutter\" --unit min --baseline 95 --target 60 --by 2027-06-30 --responsible legevaktsjef
  veikart benefit plan kortere --indicator \"Ventetid i minutter\" --frequency ukentlig")]
pub struct PlanArgs {
    /// The benefit (id or unique prefix)
    pub benefit: String,

    /// The indicator's name (its id is made from it)
    #[arg(long, value_name = "NAME")]
    pub indicator: String,

    /// The unit of the values: min, NOK, percent, … (needed for a new indicator)
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,

    /// The value before the change (needed for a new indicator)
    #[arg(long, value_name = "N", value_parser = number_arg(&indicator::SPEC, "baseline"), allow_negative_numbers = true)]
    pub baseline: Option<f64>,

    /// When the baseline was measured [default for a new indicator: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub baseline_date: Option<Date>,

    /// The value to reach (needed for a new indicator)
    #[arg(long, value_name = "N", value_parser = number_arg(&indicator::SPEC, "target"), allow_negative_numbers = true)]
    pub target: Option<f64>,

    /// When the target should be reached (needed for a new indicator)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub by: Option<Date>,

    /// weekly, monthly, quarterly or yearly (ukentlig, månedlig, kvartalsvis, årlig) [default: monthly]
    #[arg(long, value_name = "FREQ", value_parser = enum_arg(&FREQUENCY))]
    pub frequency: Option<String>,

    /// The role that measures and reports it (måleansvarlig)
    #[arg(long, value_name = "ROLE")]
    pub responsible: Option<String>,

    /// Where the values come from
    #[arg(long, value_name = "TEXT")]
    pub source: Option<String>,
}

fn cmd_benefit_plan(ctx: &mut Ctx, args: PlanArgs) -> Result<u8> {
    let format = ctx.ui.format("benefit plan")?;
    let project = ctx.open()?;
    let benefit_id = project.resolve(&benefit::SPEC, &args.benefit)?;
    let name = check_title(&args.indicator)?;
    let id = id::slug(&name);
    if id.is_empty() {
        return Err(UserError::new(tr!(
            "kan ikke lage en id av «{name}»",
            "cannot make an id from `{name}`"
        ))
        .into());
    }
    let unit = args.unit.as_deref().map(|u| check_line("--unit", u)).transpose()?;
    let source = args.source.as_deref().map(|s| check_line("--source", s)).transpose()?;
    let responsible =
        args.responsible.as_deref().map(|r| project.resolve(&role::SPEC, r)).transpose()?;
    let exists = project.exists(&indicator::SPEC, &id);
    let mut values: Vec<(&str, toml_edit::Value)> = Vec::new();
    let created = if exists {
        let current: Indicator = project.load(&id)?;
        if current.benefit != benefit_id {
            return Err(UserError::new(tr!(
                "måleindikatoren «{id}» hører allerede til gevinsten «{}»",
                "the indicator `{id}` already belongs to the benefit `{}`",
                current.benefit
            ))
            .hint(tr!(
                "gi indikatoren et annet navn; id-en må være unik i prosjektet",
                "give the indicator another name; its id must be unique in the project"
            ))
            .into());
        }
        false
    } else {
        let mut missing = Vec::new();
        if unit.is_none() {
            missing.push("--unit");
        }
        if args.baseline.is_none() {
            missing.push("--baseline");
        }
        if args.target.is_none() {
            missing.push("--target");
        }
        if args.by.is_none() {
            missing.push("--by");
        }
        if !missing.is_empty() {
            return Err(UserError::new(tr!(
                "en ny måleindikator trenger {}",
                "a new indicator needs {}",
                missing.join(", ")
            ))
            .hint(tr!(
                "for eksempel `veikart benefit plan {benefit_id} --indicator \"{name}\" --unit min --baseline 95 --target 60 --by 2027-06-30`",
                "for example `veikart benefit plan {benefit_id} --indicator \"{name}\" --unit min --baseline 95 --target 60 --by 2027-06-30`"
            ))
            .into());
        }
        values.push(("name", edit::text(&name)));
        values.push(("benefit", edit::text(&benefit_id)));
        true
    };
    if let Some(u) = &unit {
        values.push(("unit", edit::text(u)));
    }
    if let Some(b) = args.baseline {
        values.push(("baseline", edit::number(b)));
    }
    match (args.baseline_date, created) {
        (Some(d), _) => values.push(("baseline_date", edit::date(d))),
        (None, true) => values.push(("baseline_date", edit::date(today(None)?))),
        (None, false) => {}
    }
    if let Some(t) = args.target {
        values.push(("target", edit::number(t)));
    }
    if let Some(d) = args.by {
        values.push(("by", edit::date(d)));
    }
    if let Some(f) = &args.frequency {
        values.push(("frequency", edit::text(f)));
    }
    if let Some(r) = &responsible {
        values.push(("responsible", edit::text(r)));
    }
    if let Some(s) = &source {
        values.push(("source", edit::text(s)));
    }
    let path = project.shown_record(&indicator::SPEC, &id);
    let changes;
    if created {
        let mut doc = toml_edit::DocumentMut::new();
        for (k, v) in values {
            edit::set(&mut doc, k, v);
        }
        if !project.create_exact(&indicator::SPEC, &id, &doc)? {
            return Err(UserError::new(tr!(
                "{path} ble laget av noen andre akkurat nå; prøv igjen",
                "{path} was just created by someone else; try again"
            ))
            .into());
        }
        changes = common::created_changes(&project, &indicator::SPEC, &id);
        ctx.ui.status(&tr!(
            "La til måleindikatoren «{name}» i {path}.",
            "Added the indicator \"{name}\" in {path}."
        ));
    } else {
        let changed = project.edit::<Indicator>(&id, |_, doc| {
            for (k, v) in values {
                edit::set(doc, k, v);
            }
            Ok(())
        })?;
        common::print_changes(ctx, &id, &path, &changed);
        changes = changed;
    }
    match format {
        Format::Json => {
            ctx.ui.json(&serde_json::json!({ "id": id, "path": path, "created": created,
                "changes": changes,
            }))?
        }
        _ => ctx.ui.out(&id)?,
    }
    Ok(SUCCESS)
}

/// One indicator with where it stands, for JSON and tables.
#[derive(Serialize)]
pub struct PlanRow<'a> {
    #[serde(flatten)]
    pub indicator: &'a Indicator,
    pub direction: Option<indicator::Direction>,
    #[serde(flatten)]
    pub progress: Progress,
}

/// A plan row as JSON: the indicator's record (with its `path`), then where
/// it stands.
fn row_json(project: &crate::store::Project, row: &PlanRow) -> serde_json::Value {
    let mut derived = serde_json::Map::new();
    derived.insert("direction".into(), serde_json::to_value(row.direction).unwrap_or_default());
    if let Ok(serde_json::Value::Object(progress)) = serde_json::to_value(&row.progress) {
        derived.extend(progress);
    }
    common::record_json(project, &indicator::SPEC, &row.indicator.id, row.indicator, derived.into())
}

/// The plan: every indicator with its progress on `as_of`, by benefit id.
pub fn plan_rows<'a>(
    indicators: &'a [Indicator],
    measurements: &BTreeMap<String, Vec<Measurement>>,
    as_of: Date,
) -> BTreeMap<String, Vec<PlanRow<'a>>> {
    let mut out: BTreeMap<String, Vec<PlanRow<'a>>> = BTreeMap::new();
    for i in indicators {
        let ms = measurements.get(&i.id).map(Vec::as_slice).unwrap_or_default();
        out.entry(i.benefit.clone()).or_default().push(PlanRow {
            indicator: i,
            direction: i.direction(),
            progress: i.progress(ms, as_of),
        });
    }
    out
}

use crate::model::number::{money, percent, with_unit};

/// Show the benefit realisation plan: every benefit and indicator with its progress
///
/// Achievement = (latest − baseline) ÷ (target − baseline) × 100 %. States:
/// reached (100 % or more), on track (at least the share of the time from
/// baseline date to target date that had passed at the latest value), behind,
/// stale (no value within the frequency plus half a period) and no data.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart benefit list
  veikart benefit list --as-of 2026-06-30
  veikart benefit list --format json")]
pub struct ListArgs {
    /// Judge the plan as of this date, without what is dated later [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub as_of: Option<Date>,
}

fn cmd_benefit_list(ctx: &mut Ctx, args: ListArgs) -> Result<u8> {
    let format = ctx.ui.format("benefit list")?;
    let (project, as_of) = ctx.open_on(args.as_of)?;
    let mut benefits: Vec<Benefit> = project.load_all()?;
    benefits
        .sort_by(|a, b| a.title.to_lowercase().cmp(&b.title.to_lowercase()).then(a.id.cmp(&b.id)));
    let indicators: Vec<Indicator> = project.load_all()?;
    let measurements = crate::model::followup::by_indicator(project.load_all()?);
    let mut plan = plan_rows(&indicators, &measurements, as_of);
    if format == Format::Json {
        let items: Vec<_> = benefits
            .iter()
            .map(|b| {
                let rows = plan.remove(&b.id).unwrap_or_default();
                let rows: Vec<_> = rows.iter().map(|r| row_json(&project, r)).collect();
                let derived = serde_json::json!({ "indicators": rows });
                common::record_json(&project, &benefit::SPEC, &b.id, b, derived)
            })
            .collect();
        let mut map = serde_json::Map::new();
        map.insert("as_of".into(), serde_json::to_value(as_of)?);
        map.insert("benefits".into(), serde_json::to_value(items)?);
        ctx.ui.json(&map)?;
        return Ok(SUCCESS);
    }
    if benefits.is_empty() {
        ctx.ui.status(&tr!(
            "Ingen gevinster ennå. Legg til en med `veikart benefit add TITTEL --type TYPE`.",
            "No benefits yet. Add one with `veikart benefit add TITLE --type TYPE`."
        ));
        return Ok(SUCCESS);
    }
    let headers = vec![
        tr!("GEVINST", "BENEFIT"),
        tr!("INDIKATOR", "INDICATOR"),
        tr!("NULLPUNKT", "BASELINE"),
        tr!("MÅL", "TARGET"),
        tr!("INNEN", "BY"),
        tr!("SISTE", "LATEST"),
        tr!("OPPNÅDD", "ACHIEVED"),
        "TREND".to_string(),
        tr!("TILSTAND", "STATE"),
    ];
    let mut rows = Vec::new();
    // Indicators whose benefit does not exist (`check` reports them) are
    // shown last, under the benefit id they name, rather than hidden.
    let orphans: Vec<(String, Vec<PlanRow>)> = plan
        .keys()
        .filter(|k| !benefits.iter().any(|b| &b.id == *k))
        .cloned()
        .collect::<Vec<_>>()
        .into_iter()
        .filter_map(|k| plan.remove(&k).map(|v| (format!("{k} (?)"), v)))
        .collect();
    let named: Vec<(String, Vec<PlanRow>)> =
        benefits.iter().map(|b| (b.id.clone(), plan.remove(&b.id).unwrap_or_default())).collect();
    for (benefit_id, mine) in named.into_iter().chain(orphans) {
        if mine.is_empty() {
            rows.push(vec![
                benefit_id.clone(),
                tr!("(ingen indikator)", "(no indicator)"),
                "–".into(),
                "–".into(),
                "–".into(),
                "–".into(),
                "–".into(),
                "–".into(),
                "–".into(),
            ]);
        }
        for r in mine {
            let i = r.indicator;
            let p = &r.progress;
            rows.push(vec![
                benefit_id.clone(),
                i.id.clone(),
                with_unit(i.baseline, &i.unit),
                with_unit(i.target, &i.unit),
                common::dash(i.by),
                with_unit(p.latest, &i.unit),
                percent(p.achievement),
                p.trend.map_or_else(|| "–".to_string(), |t| t.label()),
                p.state.label(),
            ]);
        }
    }
    let table = ctx.ui.table(&headers, rows);
    ctx.ui.out(&table)?;
    // The benefits weighed against the costs, in a line (`benefit economics` has it all).
    if let Some(e) =
        crate::app::economics::when_any(&benefits, &project.info, i64::from(as_of.year()))
    {
        ctx.ui.status(&tr!(
            "Økonomi: {} (se `veikart benefit economics`).",
            "Economics: {} (see `veikart benefit economics`).",
            crate::output::economics::summary(&e.summary())
        ));
    }
    Ok(SUCCESS)
}

/// Show one benefit with its preconditions, costs and indicators
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart benefit show kortere
  veikart benefit show kortere --format json")]
pub struct ShowArgs {
    /// The benefit (id or unique prefix)
    pub id: String,

    /// Judge the indicators as of this date, without what is dated later [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub as_of: Option<Date>,
}

fn cmd_benefit_show(ctx: &mut Ctx, args: ShowArgs) -> Result<u8> {
    let format = ctx.ui.format("benefit show")?;
    let (project, as_of) = ctx.open_on(args.as_of)?;
    let id = project.resolve(&benefit::SPEC, &args.id)?;
    let b: Benefit = project.load(&id)?;
    let indicators: Vec<Indicator> =
        project.load_all::<Indicator>()?.into_iter().filter(|i| i.benefit == id).collect();
    let measurements = crate::model::followup::by_indicator(project.load_all()?);
    let mut plan = plan_rows(&indicators, &measurements, as_of);
    let rows_of = plan.remove(&id).unwrap_or_default();
    let (one_off, recurring) = b.cost_totals();
    if format == Format::Json {
        ctx.ui.json(&serde_json::json!({
            "as_of": as_of,
            "benefit": common::with_path(&project, &benefit::SPEC, &b.id, &b),
            "cost_totals": { "one_off": one_off, "recurring": recurring },
            "indicators": rows_of.iter().map(|r| row_json(&project, r)).collect::<Vec<_>>(),
        }))?;
        return Ok(SUCCESS);
    }
    let roles: Vec<Role> = project.load_all()?;
    let role_name =
        |r: &str| roles.iter().find(|x| x.id == r).map_or(r.to_string(), |x| x.name.clone());
    let mut rows: Vec<(String, String)> = vec![
        (tr!("Tittel", "Title"), b.title.clone()),
        (tr!("Type", "Type"), TYPE.label(&b.kind).to_string()),
        (
            tr!("Økonomisk", "Monetary"),
            if b.monetary { tr!("ja", "yes") } else { tr!("nei", "no") },
        ),
    ];
    if let Some(x) = &b.beneficiary {
        rows.push((tr!("Til gode for", "Beneficiary"), BENEFICIARY.label(x).to_string()));
    }
    if let Some(o) = &b.owner {
        rows.push((tr!("Gevinsteier", "Owner"), role_name(o)));
    }
    if let Some(r) = &b.responsible {
        rows.push((tr!("Gevinstansvarlig", "Responsible"), role_name(r)));
    }
    if let Some(d) = b.due {
        rows.push((tr!("Realiseres innen", "Due"), d.to_string()));
    }
    rows.push((
        tr!("Forutsetninger", "Preconditions"),
        if b.preconditions.is_empty() {
            tr!("ingen registrert", "none recorded")
        } else {
            b.preconditions.iter().map(|p| format!("• {p}")).collect::<Vec<_>>().join("\n")
        },
    ));
    let cost_lines: Vec<String> = b
        .costs
        .iter()
        .map(|c| {
            let mut s = format!("{} NOK, {}", money(c.amount), COST_KIND.label(&c.kind));
            if let Some(y) = c.year {
                s.push_str(&format!(" {y}"));
            }
            if let Some(n) = &c.note {
                s.push_str(&format!(" – {n}"));
            }
            s
        })
        .collect();
    rows.push((
        tr!("Kostnader", "Costs"),
        if cost_lines.is_empty() {
            tr!("ingen registrert", "none recorded")
        } else {
            let mut s = cost_lines.join("\n");
            s.push_str(&tr!(
                "\nsum: {} NOK engangs, {} NOK løpende per år",
                "\ntotal: {} NOK one-off, {} NOK recurring per year",
                money(one_off),
                money(recurring)
            ));
            s
        },
    ));
    let alone = crate::model::economics::calculate(
        std::slice::from_ref(&b),
        &project.info,
        crate::model::economics::Options {
            years: None,
            rate: None,
            this_year: i64::from(project.today.year()),
        },
    );
    rows.push((
        tr!("Verdi", "Worth"),
        crate::output::economics::worth_line(&alone).unwrap_or_else(|| {
            tr!(
                "ikke verdsatt; bruk `veikart benefit value {} --realised-as …`",
                "not valued; use `veikart benefit value {} --realised-as …`",
                b.id
            )
        }),
    ));
    if let Some(d) = &b.description {
        rows.push((tr!("Beskrivelse", "Description"), d.clone()));
    }
    let ind_lines: Vec<String> = rows_of
        .iter()
        .map(|r| {
            let i = r.indicator;
            tr!(
                "{}: {} → {} innen {}; siste {}, {} oppnådd, {}",
                "{}: {} → {} by {}; latest {}, {} achieved, {}",
                i.id,
                with_unit(i.baseline, &i.unit),
                with_unit(i.target, &i.unit),
                common::dash(i.by),
                with_unit(r.progress.latest, &i.unit),
                percent(r.progress.achievement),
                r.progress.state.label()
            )
        })
        .collect();
    rows.push((
        tr!("Indikatorer", "Indicators"),
        if ind_lines.is_empty() {
            tr!("ingen (`veikart benefit plan`)", "none (`veikart benefit plan`)")
        } else {
            ind_lines.join("\n")
        },
    ));
    let block =
        common::record_block(ctx, &b.id, &project.shown_record(&benefit::SPEC, &b.id), &rows);
    ctx.ui.out(&block)?;
    Ok(SUCCESS)
}
