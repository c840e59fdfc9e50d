//! `veikart tech …`: technology options, assessed on the five criteria.

use anyhow::Result;
use clap::{Args, Subcommand};
use serde::Serialize;

use super::{
    Ctx, check_line, check_title, common, date_arg, enum_arg, filled_text, int_arg, today,
};
use crate::error::SUCCESS;
use crate::model::date::Date;
use crate::model::technology::{self, AssessmentFile, CRITERION, DECISION, Technology};
use crate::output::ui::Format;
use crate::store::edit;
use crate::tr;

/// Develop, buy or procure technology, and compare the options on five criteria
#[derive(Debug, Subcommand)]
#[command(after_help = "\
Examples:
  veikart tech add \"Pasientvarsling fra journalsystemet\" --decision buy --supplier \"Journalleverandøren\" --it-involved 2026-09-01
  veikart tech assess pasientvarsling user-needs 4 --note \"Dekker SMS og skjerm\"
  veikart tech assess pasientvarsling sikkerhet 5 --note \"Databehandleravtale finnes\"
  veikart tech show pasientvarsling
  veikart tech compare --format md")]
pub enum TechCommand {
    Add(AddArgs),
    Set(super::record::Set<crate::model::technology::Technology>),
    Choose(DecideArgs),
    Reject(DecideArgs),
    Assess(AssessArgs),
    List(ListArgs),
    Show(ShowArgs),
    Compare(CompareArgs),
    Rm(super::record::Rm<crate::model::technology::Technology>),
}

pub fn run(ctx: &mut Ctx, cmd: TechCommand) -> Result<u8> {
    match cmd {
        TechCommand::Add(a) => cmd_tech_add(ctx, a),
        TechCommand::Set(a) => super::record::run_set(ctx, a),
        TechCommand::Choose(a) => cmd_tech_decide(ctx, a, "chosen"),
        TechCommand::Reject(a) => cmd_tech_decide(ctx, a, "rejected"),
        TechCommand::Assess(a) => cmd_tech_assess(ctx, a),
        TechCommand::List(a) => cmd_tech_list(ctx, a),
        TechCommand::Show(a) => cmd_tech_show(ctx, a),
        TechCommand::Compare(a) => cmd_tech_compare(ctx, a),
        TechCommand::Rm(a) => super::record::run_rm(ctx, a),
    }
}

/// Record a technology option and print its id
///
/// Bring the IT unit in early (--it-involved). Procurement rules allow a
/// time-limited trial before a contract (--trial-until).
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart tech add \"Pasientvarsling fra journalsystemet\" --decision buy --it-involved 2026-09-01
  veikart tech add \"Egen varslingsapp\" --decision develop
  veikart tech add \"Skjermløsning i venterommet\" --decision procure --trial-until 2027-03-31")]
pub struct AddArgs {
    /// The option, in a few words
    pub name: String,

    #[command(flatten)]
    pub option: OptionFields,

    /// What the option is
    #[arg(long, short = 'd', value_name = "TEXT")]
    pub description: Option<String>,

    /// The date it was recorded [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub date: Option<Date>,
}

/// What `tech add` records about an option.
#[derive(Debug, Args)]
pub struct OptionFields {
    /// develop, buy or procure (utvikle, kjøpe/velge, anskaffe)
    #[arg(long, value_name = "D", value_parser = enum_arg(&DECISION))]
    pub decision: Option<String>,

    /// Who would deliver it (free text)
    #[arg(long, value_name = "S")]
    pub supplier: Option<String>,

    /// When the IT unit was brought in
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub it_involved: Option<Date>,

    /// End of a time-limited trial under the procurement rules
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub trial_until: Option<Date>,
}

impl OptionFields {
    /// The keys and values given, checked.
    fn values(&self) -> Result<Vec<(&'static str, toml_edit::Value)>> {
        let mut values = Vec::new();
        if let Some(d) = &self.decision {
            values.push(("decision", edit::text(d)));
        }
        if let Some(s) = &self.supplier {
            values.push(("supplier", edit::text(&check_line("--supplier", s)?)));
        }
        if let Some(d) = self.it_involved {
            values.push(("it_involved", edit::date(d)));
        }
        if let Some(d) = self.trial_until {
            values.push(("trial_until", edit::date(d)));
        }
        Ok(values)
    }
}

fn cmd_tech_add(ctx: &mut Ctx, args: AddArgs) -> Result<u8> {
    let project = ctx.open()?;
    let name = check_title(&args.name)?;
    let mut values = vec![("name", edit::text(&name))];
    values.extend(args.option.values()?);
    if let Some(d) = &args.description {
        values.push(("description", edit::text(&filled_text("--description", d)?)));
    }
    values.push(("created", edit::date(today(args.date)?)));
    common::add_record(ctx, &project, &technology::SPEC, &name, values)?;
    Ok(SUCCESS)
}

/// Choose (or reject) a technology option, with the reason
///
/// `choose` marks the option chosen, `reject` rejected; both need a reason
/// and record the date as `decided`. A rejected option needs no more scores
/// on the five criteria. `veikart status` and `veikart report` name the
/// chosen option. To reopen one, `veikart tech set ID --status open`.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart tech choose pasientvarsling --reason \"Dekker SMS og skjerm, og IT kan drifte den\"
  veikart tech reject egen-app --reason \"For dyr å drifte\" --date 2026-10-20")]
pub struct DecideArgs {
    /// The option (id or unique prefix)
    pub id: String,

    /// Why (required)
    #[arg(long, value_name = "TEXT")]
    pub reason: String,

    /// The date of the decision [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub date: Option<Date>,
}

fn cmd_tech_decide(ctx: &mut Ctx, args: DecideArgs, status: &'static str) -> Result<u8> {
    let verb = if status == "chosen" { "tech choose" } else { "tech reject" };
    ctx.ui.format(verb)?;
    use crate::model::value::Value;
    let reason = crate::model::input::text(&args.reason)
        .map_err(|m| crate::error::UserError::new(format!("--reason: {m}")))?;
    let project = ctx.open()?;
    let id = project.resolve(&technology::SPEC, &args.id)?;
    let date = today(args.date)?;
    let changes = project.edit_values(&technology::SPEC, &id, |_| {
        Ok(vec![
            ("status", Some(Value::Str(status.to_string()))),
            ("reason", Some(Value::Str(reason))),
            ("decided", Some(Value::Date(date))),
        ])
    })?;
    common::edited(ctx, &project, &technology::SPEC, &id, &changes);
    Ok(SUCCESS)
}

/// Score a technology option on one criterion, 1 (poor) to 5 (very good)
///
/// The criteria are user-needs, integrations, scalability, security (and
/// privacy) and cost. Each assessment is its own file,
/// assessments/<option>/<criterion>.toml, so assessments of different
/// criteria on two branches merge without a conflict. Assessing a criterion
/// again replaces the score, note and date in that file.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart tech assess pasientvarsling user-needs 4 --note \"Dekker SMS og skjerm\"
  veikart tech assess pasientvarsling integrasjoner 3 --note \"Krever ny kobling mot timeboken\"
  veikart tech assess egen-app kostnader 1 --note \"Høy driftskostnad\" --date 2026-10-01")]
pub struct AssessArgs {
    /// The option (id or unique prefix)
    pub id: String,

    /// user-needs, integrations, scalability, security or cost (brukerbehov, integrasjoner, skalerbarhet, informasjonssikkerhet, kostnader)
    #[arg(value_name = "CRITERION", value_parser = enum_arg(&CRITERION))]
    pub criterion: String,

    /// The score: 1 (poor) to 5 (very good)
    #[arg(value_name = "1-5", value_parser = int_arg(&technology::ASSESSMENT_SPEC, "score"))]
    pub score: i64,

    /// Why it got that score
    #[arg(long, value_name = "TEXT", required = true)]
    pub note: String,

    /// The assessment date [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub date: Option<Date>,
}

fn cmd_tech_assess(ctx: &mut Ctx, args: AssessArgs) -> Result<u8> {
    ctx.ui.format("tech assess")?;
    let note = filled_text("--note", &args.note)?;
    let project = ctx.open()?;
    let id = project.resolve(&technology::SPEC, &args.id)?;
    // Refuse a broken option file before writing its assessment.
    project.load::<Technology>(&id)?;
    let date = today(args.date)?;
    let file = AssessmentFile::id_for(&id, &args.criterion);
    let values = [
        ("score", Some(edit::int(args.score))),
        ("note", Some(edit::text(&note))),
        ("date", Some(edit::date(date))),
    ];
    let mut doc = toml_edit::DocumentMut::new();
    for (key, value) in values.iter() {
        if let Some(v) = value {
            edit::set(&mut doc, key, v.clone());
        }
    }
    // One file per option and criterion: a new one, or the old one edited
    // in place (comments kept).
    if !project.create_exact(&technology::ASSESSMENT_SPEC, &file, &doc)? {
        let changes = project.edit::<AssessmentFile>(&file, |_, doc| {
            for (key, value) in values {
                edit::set_opt(doc, key, value);
            }
            Ok(())
        })?;
        common::edited(ctx, &project, &technology::ASSESSMENT_SPEC, &file, &changes);
    } else if ctx.ui.json_chosen() {
        // A first assessment of the criterion prints what an edit does.
        common::created_json(ctx, &project, &technology::ASSESSMENT_SPEC, &file)?;
    }
    ctx.ui.status(&tr!(
        "Vurderte {id} på {}: {} ({}).",
        "Assessed {id} on {}: {} ({}).",
        CRITERION.label(&args.criterion),
        args.score,
        project.shown_record(&technology::ASSESSMENT_SPEC, &file)
    ));
    Ok(SUCCESS)
}

/// Every option with its assessments, from both layouts.
pub fn load_options(project: &crate::store::Project) -> Result<Vec<Technology>> {
    let files: Vec<AssessmentFile> = project.load_all()?;
    Ok(technology::merge(project.load_all()?, &files))
}

/// List the technology options with decision, supplier and total score
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart tech list
  veikart tech list --format json")]
pub struct ListArgs {}

fn cmd_tech_list(ctx: &mut Ctx, _args: ListArgs) -> Result<u8> {
    let format = ctx.ui.format("tech list")?;
    let project = ctx.open()?;
    let list = load_options(&project)?;
    common::list_records(
        ctx,
        &project,
        format,
        &list,
        &[
            common::Col("id", "ID", "ID"),
            common::Col("name", "TEKNOLOGI", "TECHNOLOGY"),
            common::Col("decision", "VALG", "DECISION"),
            common::Col("status", "STATUS", "STATUS"),
            common::Col("supplier", "LEVERANDØR", "SUPPLIER"),
            common::Col("it_involved", "IT MED", "IT INVOLVED"),
            common::Col("total", "SUM", "TOTAL"),
        ],
        &tr!(
            "Ingen teknologivalg ennå. Legg til med `veikart tech add NAVN --decision buy`.",
            "No technology options yet. Add one with `veikart tech add NAME --decision buy`."
        ),
    )
}

/// Show one technology option with its score, note and date on every criterion
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart tech show pasientvarsling
  veikart tech show pasientvarsling --format json")]
pub struct ShowArgs {
    /// The option (id or unique prefix)
    pub id: String,
}

fn cmd_tech_show(ctx: &mut Ctx, args: ShowArgs) -> Result<u8> {
    let format = ctx.ui.format("tech show")?;
    let project = ctx.open()?;
    let id = project.resolve(&technology::SPEC, &args.id)?;
    let own: Technology = project.load(&id)?;
    let files: Vec<AssessmentFile> = project.load_group(&id)?;
    let Some(t) = technology::merge(vec![own], &files).pop() else {
        return Ok(SUCCESS);
    };
    if format == Format::Json {
        ctx.ui.json(&serde_json::json!({
            "technology": common::with_path(&project, &technology::SPEC, &t.id, &t),
        }))?;
        return Ok(SUCCESS);
    }
    let mut rows: Vec<(String, String)> = vec![(tr!("Navn", "Name"), t.name.clone())];
    let optional = [
        (tr!("Valg", "Decision"), t.decision.as_deref().map(|d| DECISION.label(d).to_string())),
        (tr!("Status", "Status"), Some(technology::STATUS.label(&t.status).to_string())),
        (tr!("Begrunnelse", "Reason"), t.reason.clone()),
        (tr!("Besluttet", "Decided"), t.decided.map(|d| d.to_string())),
        (tr!("Leverandør", "Supplier"), t.supplier.clone()),
        (tr!("IT med fra", "IT involved"), t.it_involved.map(|d| d.to_string())),
        (tr!("Utprøving til", "Trial until"), t.trial_until.map(|d| d.to_string())),
        (tr!("Registrert", "Recorded"), t.created.map(|d| d.to_string())),
        (tr!("Beskrivelse", "Description"), t.description.clone()),
    ];
    rows.extend(optional.into_iter().filter_map(|(k, v)| v.map(|v| (k, v))));
    let mut s =
        common::record_block(ctx, &t.id, &project.shown_record(&technology::SPEC, &t.id), &rows);
    s.push('\n');
    s.push_str(&ctx.ui.bold(&tr!("Vurdering ({} av 25):", "Assessment ({} of 25):", t.total)));
    s.push('\n');
    let width =
        CRITERION.keys().iter().map(|c| CRITERION.label(c).chars().count()).max().unwrap_or(0);
    for c in CRITERION.keys() {
        let label = CRITERION.label(c);
        let pad = " ".repeat(width - label.chars().count());
        match t.assessment.iter().find(|a| a.criterion == c) {
            Some(a) => {
                let mut line = format!("  {label}{pad}  {}", a.score);
                if let Some(d) = a.date {
                    line.push_str(&format!("  {d}"));
                }
                if let Some(n) = &a.note {
                    line.push_str(&format!("  {n}"));
                }
                s.push_str(&line);
            }
            None => {
                s.push_str(&format!("  {label}{pad}  –  {}", tr!("ikke vurdert", "not assessed")))
            }
        }
        s.push('\n');
    }
    ctx.ui.out(&s)?;
    Ok(SUCCESS)
}

/// Compare the technology options side by side: criteria as rows, options as columns
///
/// Each cell is the option's current score (1–5) on the criterion; the last
/// row is the total. A criterion not yet assessed shows `–` and counts 0.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart tech compare
  veikart tech compare --format md
  veikart tech compare --format csv > teknologi.csv")]
pub struct CompareArgs {}

#[derive(Serialize)]
struct CompareJson<'a> {
    criteria: Vec<&'static str>,
    options: Vec<common::WithPath<'a, Technology>>,
}

fn cmd_tech_compare(ctx: &mut Ctx, _args: CompareArgs) -> Result<u8> {
    let format = ctx.ui.format("tech compare")?;
    let project = ctx.open()?;
    let mut list = load_options(&project)?;
    list.sort_by(|a, b| b.total.cmp(&a.total).then(a.id.cmp(&b.id)));
    if format == Format::Json {
        let options =
            list.iter().map(|t| common::with_path(&project, &technology::SPEC, &t.id, t)).collect();
        ctx.ui.json(&CompareJson { criteria: CRITERION.keys(), options })?;
        return Ok(SUCCESS);
    }
    if list.is_empty() && format == Format::Text {
        ctx.ui.status(&tr!(
            "Ingen teknologivalg å sammenligne. Legg til med `veikart tech add NAVN`.",
            "No technology options to compare. Add one with `veikart tech add NAME`."
        ));
        return Ok(SUCCESS);
    }
    let mut header = vec![tr!("Kriterium", "Criterion")];
    header.extend(list.iter().map(|t| t.name.clone()));
    let mut rows: Vec<Vec<String>> = Vec::new();
    rows.push(
        std::iter::once(tr!("Valg", "Decision"))
            .chain(list.iter().map(|t| {
                t.decision.as_deref().map_or("–".into(), |d| DECISION.label(d).to_string())
            }))
            .collect(),
    );
    for c in CRITERION.keys() {
        let mut row = vec![CRITERION.label(c).to_string()];
        row.extend(list.iter().map(|t| t.score(c).map_or("–".into(), |s| s.to_string())));
        rows.push(row);
    }
    let mut total = vec![tr!("Sum (av 25)", "Total (of 25)")];
    total.extend(list.iter().map(|t| t.total.to_string()));
    rows.push(total);
    match format {
        Format::Csv => {
            ctx.ui.out(&crate::output::table::csv(&header, &rows, false)?)?;
        }
        Format::Md => {
            ctx.ui.out(&crate::output::table::md(&header, &rows))?;
        }
        _ => {
            let mut header = header;
            header[0] = header[0].to_uppercase();
            let mut s = ctx.ui.table(&header, rows);
            let missing: Vec<String> = list
                .iter()
                .filter(|t| !t.missing.is_empty())
                .map(|t| {
                    let m: Vec<&str> = t.missing.iter().map(|c| CRITERION.label(c)).collect();
                    format!("{}: {}", t.name, m.join(", "))
                })
                .collect();
            if !missing.is_empty() {
                s.push_str(&tr!("\nIkke vurdert ennå:\n", "\nNot assessed yet:\n"));
                for m in missing {
                    s.push_str(&format!("  {m}\n"));
                }
            }
            ctx.ui.out(&s)?;
        }
    }
    Ok(SUCCESS)
}
