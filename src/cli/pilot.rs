//! `veikart pilot …`: the pilot plan with its ten points, and the findings.

use anyhow::Result;
use clap::{Args, Subcommand};

use super::{Ctx, check_line, check_text, common, date_arg};
use crate::error::{SUCCESS, UserError};
use crate::model::date::Date;
use crate::model::pilot::{self, FINDING_SPEC, PLAN_ID, POINTS, PilotFinding, PilotPlan};
use crate::model::role::{self, Role};
use crate::output::ui::Format;
use crate::store::edit;
use crate::tr;

/// Plan the pilot on the roadmap's ten points, name one responsible, log findings
#[derive(Debug, Subcommand)]
#[command(after_help = "\
Examples:
  veikart pilot plan --goals \"Se om SMS-varsel kutter ventetiden\" --start 2027-01-10 --end 2027-03-31 --responsible enhetsleder
  veikart pilot plan --training \"To timer for alle sykepleiere før start\"
  veikart pilot finding add \"Tre pasienter fikk ikke SMS på natt\" --date 2027-01-14
  veikart pilot show")]
pub enum PilotCommand {
    Plan(Box<PlanArgs>),
    #[command(subcommand)]
    Finding(super::record::Noun<PilotFinding>),
    Show(ShowArgs),
}

pub fn run(ctx: &mut Ctx, cmd: PilotCommand) -> Result<u8> {
    match cmd {
        PilotCommand::Plan(a) => cmd_pilot_plan(ctx, *a),
        PilotCommand::Finding(cmd) => super::record::run(ctx, cmd),
        PilotCommand::Show(a) => cmd_pilot_show(ctx, a),
    }
}

/// Write the pilot plan, pilot/plan.toml: only the points given change
///
/// The ten points are goals, scope, duration (or --start and --end),
/// participants, information, training, error handling, measurement,
/// observation and documentation; one role is responsible. `veikart pilot
/// show` lists what is still missing.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart pilot plan --goals \"Se om SMS-varsel kutter ventetiden\" --scope \"SMS-varsel og skjerm i venterommet\"
  veikart pilot plan --start 2027-01-10 --end 2027-03-31 --responsible enhetsleder-legevakt
  veikart pilot plan --error-handling \"Avvik meldes i kvalitetssystemet samme dag\"")]
pub struct PlanArgs {
    /// What the pilot should show and what to learn
    #[arg(long, value_name = "TEXT")]
    pub goals: Option<String>,
    /// Which touchpoints, processes and routines are piloted
    #[arg(long, value_name = "TEXT")]
    pub scope: Option<String>,
    /// How long it runs, in words
    #[arg(long, value_name = "TEXT")]
    pub duration: Option<String>,
    /// First day of the pilot
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub start: Option<Date>,
    /// Last day of the pilot
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub end: Option<Date>,
    /// Who takes part and how they are recruited
    #[arg(long, value_name = "TEXT")]
    pub participants: Option<String>,
    /// How users and staff are informed
    #[arg(long, value_name = "TEXT")]
    pub information: Option<String>,
    /// How staff are trained before the start
    #[arg(long, value_name = "TEXT")]
    pub training: Option<String>,
    /// What happens when something goes wrong
    #[arg(long, value_name = "TEXT")]
    pub error_handling: Option<String>,
    /// What is measured, and how
    #[arg(long, value_name = "TEXT")]
    pub measurement: Option<String>,
    /// Who observes what, and when
    #[arg(long, value_name = "TEXT")]
    pub observation: Option<String>,
    /// How findings are written down
    #[arg(long, value_name = "TEXT")]
    pub documentation: Option<String>,
    /// The one role responsible for the pilot (id or unique prefix)
    #[arg(long, value_name = "ROLE")]
    pub responsible: Option<String>,
}

fn cmd_pilot_plan(ctx: &mut Ctx, args: PlanArgs) -> Result<u8> {
    ctx.ui.format("pilot plan")?;
    let mut texts: Vec<(&str, String)> = Vec::new();
    for (key, value) in [
        ("goals", &args.goals),
        ("scope", &args.scope),
        ("participants", &args.participants),
        ("information", &args.information),
        ("training", &args.training),
        ("error_handling", &args.error_handling),
        ("measurement", &args.measurement),
        ("observation", &args.observation),
        ("documentation", &args.documentation),
    ] {
        if let Some(v) = value {
            let flag = format!("--{}", key.replace('_', "-"));
            let v = check_text(&flag, v)?;
            if v.is_empty() {
                return Err(UserError::new(tr!("{flag} er tom", "{flag} is empty")).into());
            }
            texts.push((key, v));
        }
    }
    let duration = args.duration.as_deref().map(|d| check_line("--duration", d)).transpose()?;
    if texts.is_empty()
        && duration.is_none()
        && args.start.is_none()
        && args.end.is_none()
        && args.responsible.is_none()
    {
        return Err(UserError::new(tr!(
            "ingenting å skrive i planen",
            "nothing to write in the plan"
        ))
        .hint(tr!(
            "gi minst ett av punktene, for eksempel --goals TEKST (se `veikart pilot plan --help`)",
            "give at least one point, for example --goals TEXT (see `veikart pilot plan --help`)"
        ))
        .into());
    }
    let project = ctx.open()?;
    let responsible =
        args.responsible.as_deref().map(|r| project.resolve(&role::SPEC, r)).transpose()?;
    if let Some(r) = &responsible {
        // A broken role file is refused before the plan is written.
        project.load::<Role>(r)?;
    }
    let apply = |doc: &mut toml_edit::DocumentMut| {
        // Written in the spec's order for a new plan.
        for f in pilot::SPEC.fields {
            let value = match f.name {
                "duration" => duration.as_deref().map(edit::text),
                "start" => args.start.map(edit::date),
                "end" => args.end.map(edit::date),
                "responsible" => responsible.as_deref().map(edit::text),
                k => texts.iter().find(|(t, _)| *t == k).map(|(_, v)| edit::text(v)),
            };
            if let Some(v) = value {
                edit::set(doc, f.name, v);
            }
        }
    };
    let mut doc = toml_edit::DocumentMut::new();
    apply(&mut doc);
    let created = project.create_exact(&pilot::SPEC, PLAN_ID, &doc)?;
    if created {
        // Check the new file the same way every read does.
        let plan: PilotPlan = project.load(PLAN_ID)?;
        ctx.ui.status(&tr!(
            "Skrev piloteringsplanen i {} ({} av 10 punkter fylt ut).",
            "Wrote the pilot plan in {} ({} of 10 points filled in).",
            project.shown_record(&pilot::SPEC, PLAN_ID),
            10 - plan.missing.iter().filter(|m| **m != "responsible").count()
        ));
        if ctx.ui.json_chosen() {
            common::created_json(ctx, &project, &pilot::SPEC, PLAN_ID)?;
        }
        return Ok(SUCCESS);
    }
    let changed = project.edit::<PilotPlan>(PLAN_ID, |_, doc| {
        apply(doc);
        Ok(())
    })?;
    common::edited(ctx, &project, &pilot::SPEC, PLAN_ID, &changed);
    Ok(SUCCESS)
}

/// Show the pilot plan, what it still lacks, and the findings so far
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart pilot show
  veikart pilot show --format json")]
pub struct ShowArgs {}

fn cmd_pilot_show(ctx: &mut Ctx, _args: ShowArgs) -> Result<u8> {
    let format = ctx.ui.format("pilot show")?;
    let project = ctx.open()?;
    let plan: Option<PilotPlan> = if project.ids(&pilot::SPEC)?.iter().any(|i| i == PLAN_ID) {
        Some(project.load(PLAN_ID)?)
    } else {
        None
    };
    let mut findings: Vec<PilotFinding> = project.load_all()?;
    findings.sort_by(|a, b| a.date.cmp(&b.date).then(a.id.cmp(&b.id)));
    let missing: Vec<&str> = match &plan {
        Some(p) => p.missing.clone(),
        None => POINTS.iter().map(|(k, _, _)| *k).chain(["responsible"]).collect(),
    };
    if format == Format::Json {
        let findings: Vec<_> =
            findings.iter().map(|f| common::with_path(&project, &FINDING_SPEC, &f.id, f)).collect();
        ctx.ui.json(&serde_json::json!({
            // The plan as a record, with its `path` like every record.
            "plan": plan.as_ref().map(|p| common::with_path(&project, &pilot::SPEC, PLAN_ID, p)),
            "complete": missing.is_empty(),
            "missing": missing,
            "findings": findings,
        }))?;
        return Ok(SUCCESS);
    }
    let mut s = String::new();
    match &plan {
        None => s.push_str(&tr!(
            "Ingen piloteringsplan ennå. Start med `veikart pilot plan --goals TEKST`.\n",
            "No pilot plan yet. Start with `veikart pilot plan --goals TEXT`.\n"
        )),
        Some(p) => {
            let not_yet = tr!("(mangler)", "(missing)");
            let mut rows: Vec<(String, String)> = POINTS
                .iter()
                .map(|(k, _, _)| {
                    let cell = match *k {
                        "duration" => duration_cell(p, &not_yet),
                        _ => p.point(k).unwrap_or(not_yet.clone()),
                    };
                    (capital(pilot::point_label(k)), cell)
                })
                .collect();
            let responsible = match &p.responsible {
                Some(r) => {
                    project.load::<Role>(r).map_or(r.clone(), |x| format!("{} ({r})", x.name))
                }
                None => not_yet.clone(),
            };
            rows.push((capital(pilot::point_label("responsible")), responsible));
            s.push_str(&common::record_block(
                ctx,
                &tr!("Piloteringsplan", "Pilot plan"),
                &project.shown_record(&pilot::SPEC, PLAN_ID),
                &rows,
            ));
        }
    }
    s.push('\n');
    if missing.is_empty() {
        s.push_str(&tr!(
            "Planen har alle de ti punktene og en ansvarlig.\n",
            "The plan has all ten points and one responsible.\n"
        ));
    } else {
        let labels: Vec<&str> = missing.iter().map(|m| pilot::point_label(m)).collect();
        s.push_str(&tr!("Mangler: {}.\n", "Missing: {}.\n", labels.join(", ")));
    }
    if !findings.is_empty() {
        s.push('\n');
        s.push_str(&ctx.ui.bold(&tr!("Funn ({}):", "Findings ({}):", findings.len())));
        s.push('\n');
        for f in &findings {
            let first = f.text.lines().next().unwrap_or_default();
            s.push_str(&format!("  {}  {first}\n", f.date.map_or("–".into(), |d| d.to_string())));
        }
    }
    ctx.ui.out(&s)?;
    Ok(SUCCESS)
}

/// The duration as written and the dates given, so neither hides the other:
/// `6 uker (2027-01-10 – 2027-03-31)`, `fra 2027-01-10 (mangler)`.
fn duration_cell(p: &PilotPlan, not_yet: &str) -> String {
    let dates = match (p.start, p.end) {
        (Some(s), Some(e)) => Some(format!("{s} – {e}")),
        (Some(s), None) => Some(tr!("fra {s}", "from {s}")),
        (None, Some(e)) => Some(tr!("til {e}", "until {e}")),
        (None, None) => None,
    };
    let cell = match (&p.duration, dates) {
        (Some(d), Some(x)) => format!("{d} ({x})"),
        (Some(d), None) => d.clone(),
        (None, Some(x)) => x,
        (None, None) => return not_yet.to_string(),
    };
    if p.point("duration").is_some() { cell } else { format!("{cell} {not_yet}") }
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
