//! `veikart idea …`: collect ideas, score them, decide on them.

mod promote;

use anyhow::Result;
use clap::{Args, Subcommand, ValueEnum};

use crate::cli::{Ctx, check_text, check_title, common, date_arg, enum_arg, int_arg, today};
use crate::error::{SUCCESS, UserError};
use crate::model::date::Date;
use crate::model::idea::{self, Idea, KIND, SOURCE, STATUS};
use crate::model::number;
use crate::output::ui::Format;
use crate::store::edit;
use crate::tr;

/// Collect ideas, score them and decide on them
#[derive(Debug, Subcommand)]
#[command(after_help = "\
Examples:
  veikart idea add \"Bedre skilting på legevakten\" --source user --kind improvement
  veikart idea assess bedre-skilting --feasibility 5 --benefit 4 --cost 1
  veikart idea list --status assessed
  veikart idea set bedre-skilting --status prioritised")]
pub enum IdeaCommand {
    Add(AddArgs),
    List(ListArgs),
    Show(ShowArgs),
    Assess(AssessArgs),
    Set(super::record::Set<crate::model::idea::Idea>),
    Promote(promote::PromoteArgs),
    Rm(super::record::Rm<crate::model::idea::Idea>),
}

pub fn run(ctx: &mut Ctx, cmd: IdeaCommand) -> Result<u8> {
    match cmd {
        IdeaCommand::Add(a) => cmd_idea_add(ctx, a),
        IdeaCommand::List(a) => cmd_idea_list(ctx, a),
        IdeaCommand::Show(a) => cmd_idea_show(ctx, a),
        IdeaCommand::Assess(a) => cmd_idea_assess(ctx, a),
        IdeaCommand::Promote(a) => promote::cmd_idea_promote(ctx, a),
        IdeaCommand::Set(a) => super::record::run_set(ctx, a),
        IdeaCommand::Rm(a) => super::record::run_rm(ctx, a),
    }
}

/// Record a new idea and print its id
///
/// The id is made from the title (`Bedre skilting på legevakten` →
/// `bedre-skilting-pa-legevakten`); a clash gets `-2`, `-3`. The idea starts
/// with status `new` and today's date as `submitted`.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart idea add \"Bedre skilting på legevakten\"
  veikart idea add \"SMS-varsel når det er din tur\" --source relative --kind innovation
  veikart idea add \"Felles venterom\" --tag venterom --tag bygg --date 2026-03-02")]
pub struct AddArgs {
    /// The idea in a few words
    pub title: String,

    /// What the idea is and which problem it solves
    #[arg(long, short = 'd', value_name = "TEXT")]
    pub description: Option<String>,

    /// Who it came from: user, relative, employee, partner or other (bruker, pårørende, ansatt, …)
    #[arg(long, value_name = "SOURCE", value_parser = enum_arg(&SOURCE))]
    pub source: Option<String>,

    /// improvement (a small change in operations) or innovation (needs its own project)
    #[arg(long, value_name = "KIND", value_parser = enum_arg(&KIND))]
    pub kind: Option<String>,

    /// A label for grouping (can be repeated)
    #[arg(long = "tag", value_name = "T")]
    pub tags: Vec<String>,

    /// A related idea, by id or unique prefix (can be repeated)
    #[arg(long = "related", value_name = "ID")]
    pub related: Vec<String>,

    /// The submission date [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub date: Option<Date>,
}

fn cmd_idea_add(ctx: &mut Ctx, args: AddArgs) -> Result<u8> {
    let project = ctx.open()?;
    let title = check_title(&args.title)?;
    let tags = clean_tags(&args.tags)?;
    let related =
        args.related.iter().map(|r| project.resolve(&idea::SPEC, r)).collect::<Result<Vec<_>>>()?;
    let description =
        args.description.as_deref().map(|d| check_text("--description", d)).transpose()?;

    let mut values = vec![("title", edit::text(&title))];
    if let Some(d) = &description {
        values.push(("description", edit::text(d)));
    }
    if let Some(s) = &args.source {
        values.push(("source", edit::text(s)));
    }
    if let Some(k) = &args.kind {
        values.push(("kind", edit::text(k)));
    }
    values.push(("status", edit::text("new")));
    if !tags.is_empty() {
        values.push(("tags", edit::list(&tags)));
    }
    if !related.is_empty() {
        values.push(("related", edit::list(&related)));
    }
    values.push(("submitted", edit::date(today(args.date)?)));
    common::add_record(ctx, &project, &idea::SPEC, &title, values)?;
    Ok(SUCCESS)
}

fn clean_tags(tags: &[String]) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for t in tags {
        let t = t.trim();
        if t.is_empty() || t.chars().any(char::is_control) {
            return Err(UserError::new(tr!(
                "tomt eller ugyldig stikkord «{t}»",
                "empty or invalid tag `{t}`"
            ))
            .into());
        }
        if !out.iter().any(|o: &String| o == t) {
            out.push(t.to_string());
        }
    }
    Ok(out)
}

#[derive(Debug, Clone, Copy, ValueEnum, Default)]
pub enum SortKey {
    /// Highest priority first; unscored ideas last
    #[default]
    Priority,
    /// By title, A–Å
    Title,
    /// Newest submitted first
    Date,
}

/// List ideas, highest priority first
///
/// Priority = feasibility × benefit × (6 − cost) ÷ 1.25, from 0 to 100, with
/// cost 3 when it was not assessed (docs/ideas.md). Filters combine.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart idea list
  veikart idea list --status new --status assessed
  veikart idea list --kind improvement --tag skilting --sort title
  veikart idea list --open --format json")]
pub struct ListArgs {
    /// Only ideas with this status (can be repeated): new, assessed, prioritised, testing, rejected, parked, implemented, promoted
    #[arg(long, value_name = "S", value_parser = enum_arg(&STATUS))]
    pub status: Vec<String>,

    /// Only improvements or innovations
    #[arg(long, value_name = "K", value_parser = enum_arg(&KIND))]
    pub kind: Option<String>,

    /// Only ideas with this tag (can be repeated; all must match)
    #[arg(long = "tag", value_name = "T")]
    pub tags: Vec<String>,

    /// Only ideas from this source
    #[arg(long, value_name = "SOURCE", value_parser = enum_arg(&SOURCE))]
    pub source: Option<String>,

    /// Only ideas still in play (not rejected, parked or implemented)
    #[arg(long)]
    pub open: bool,

    /// Sort order
    #[arg(long, value_enum, default_value = "priority")]
    pub sort: SortKey,
}

fn cmd_idea_list(ctx: &mut Ctx, args: ListArgs) -> Result<u8> {
    let format = ctx.ui.format("idea list")?;
    let project = ctx.open()?;
    let mut ideas: Vec<Idea> = project
        .load_all::<Idea>()?
        .into_iter()
        .filter(|i| args.status.is_empty() || args.status.contains(&i.status))
        .filter(|i| args.kind.as_ref().is_none_or(|k| i.kind.as_ref() == Some(k)))
        .filter(|i| args.source.as_ref().is_none_or(|s| i.source.as_ref() == Some(s)))
        .filter(|i| {
            args.tags
                .iter()
                .all(|t| i.tags.iter().any(|it| it.to_lowercase() == t.trim().to_lowercase()))
        })
        .filter(|i| !args.open || i.is_open())
        .collect();
    sort(&mut ideas, args.sort);

    if format == Format::Json {
        let items: Vec<_> =
            ideas.iter().map(|i| common::with_path(&project, &idea::SPEC, &i.id, i)).collect();
        return common::json_list(ctx, "ideas", &items);
    }
    let filtered = !args.status.is_empty()
        || args.kind.is_some()
        || args.source.is_some()
        || !args.tags.is_empty()
        || args.open;
    if ideas.is_empty() && filtered {
        ctx.ui.status(&tr!("Ingen idéer passer til filtrene.", "No ideas match the filters."));
        return Ok(SUCCESS);
    }
    if ideas.is_empty() {
        ctx.ui.status(&tr!(
            "Ingen idéer å vise. Legg til en med `veikart idea add \"Tittel\"`.",
            "No ideas to show. Add one with `veikart idea add \"Title\"`."
        ));
        return Ok(SUCCESS);
    }
    let headers = vec![
        "ID".to_string(),
        tr!("TITTEL", "TITLE"),
        "STATUS".to_string(),
        tr!("TYPE", "KIND"),
        tr!("PRIORITET", "PRIORITY"),
        tr!("INNSENDT", "SUBMITTED"),
    ];
    let rows = ideas
        .iter()
        .map(|i| {
            vec![
                i.id.clone(),
                i.title.clone(),
                STATUS.label(&i.status).to_string(),
                i.kind.as_deref().map_or("–".into(), |k| KIND.label(k).to_string()),
                i.priority.map_or("–".into(), number::format),
                i.submitted.map_or("–".into(), |d| d.to_string()),
            ]
        })
        .collect();
    let table = ctx.ui.table(&headers, rows);
    ctx.ui.out(&table)?;
    Ok(SUCCESS)
}

fn sort(ideas: &mut [Idea], key: SortKey) {
    match key {
        SortKey::Priority => idea::sort_by_priority(ideas),
        SortKey::Title => ideas.sort_by(|a, b| {
            a.title.to_lowercase().cmp(&b.title.to_lowercase()).then_with(|| a.id.cmp(&b.id))
        }),
        SortKey::Date => {
            ideas.sort_by(|a, b| b.submitted.cmp(&a.submitted).then_with(|| a.id.cmp(&b.id)))
        }
    }
}

/// Show one idea with its scores and decisions
///
/// Any unique prefix of the id works (`veikart idea show bedre`).
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart idea show bedre-skilting-pa-legevakten
  veikart idea show bedre
  veikart idea show bedre --format json")]
pub struct ShowArgs {
    /// The idea's id, or a unique prefix of it
    pub id: String,
}

fn cmd_idea_show(ctx: &mut Ctx, args: ShowArgs) -> Result<u8> {
    let format = ctx.ui.format("idea show")?;
    let project = ctx.open()?;
    let id = project.resolve(&idea::SPEC, &args.id)?;
    let i: Idea = project.load(&id)?;
    if format == Format::Json {
        ctx.ui.json(
            &serde_json::json!({ "idea": common::with_path(&project, &idea::SPEC, &i.id, &i) }),
        )?;
        return Ok(SUCCESS);
    }
    let mut rows: Vec<(String, String)> = vec![
        (tr!("Tittel", "Title"), i.title.clone()),
        ("Status".into(), STATUS.label(&i.status).to_string()),
    ];
    if let Some(k) = &i.kind {
        rows.push((tr!("Type", "Kind"), KIND.label(k).to_string()));
    }
    if let Some(s) = &i.source {
        rows.push((tr!("Kilde", "Source"), SOURCE.label(s).to_string()));
    }
    if !i.tags.is_empty() {
        rows.push((tr!("Stikkord", "Tags"), i.tags.join(", ")));
    }
    if !i.related.is_empty() {
        rows.push((tr!("Relatert", "Related"), i.related.join(", ")));
    }
    if let Some(d) = i.submitted {
        rows.push((tr!("Innsendt", "Submitted"), d.to_string()));
    }
    if let (Some(f), Some(b)) = (i.feasibility, i.benefit) {
        let cost = i.cost.map_or_else(|| tr!("ikke vurdert", "not assessed"), |c| c.to_string());
        rows.push((
            tr!("Vurdering", "Assessment"),
            tr!(
                "gjennomførbarhet {f}, gevinst {b}, kostnad {cost}",
                "feasibility {f}, benefit {b}, cost {cost}"
            ),
        ));
        rows.push((tr!("Prioritet", "Priority"), i.priority.map_or("–".into(), number::format)));
    }
    if let Some(d) = i.assessed {
        rows.push((tr!("Vurdert", "Assessed"), d.to_string()));
    }
    if let Some(n) = &i.note {
        rows.push((tr!("Notat", "Note"), n.clone()));
    }
    if let Some(d) = i.decided {
        rows.push((tr!("Besluttet", "Decided"), d.to_string()));
    }
    if let Some(r) = &i.reason {
        rows.push((tr!("Begrunnelse", "Reason"), r.clone()));
    }
    if let Some(p) = &i.promoted_to {
        rows.push((tr!("Videreført til", "Promoted to"), p.clone()));
    }
    if let Some(d) = &i.description {
        rows.push((tr!("Beskrivelse", "Description"), d.clone()));
    }
    let s = common::record_block(ctx, &i.id, &project.shown_record(&idea::SPEC, &i.id), &rows);
    ctx.ui.out(&s)?;
    Ok(SUCCESS)
}

/// Score an idea on feasibility and benefit (and cost), giving its priority
///
/// Scores are whole numbers from 1 to 5. Priority = feasibility × benefit ×
/// (6 − cost) ÷ 1.25, from 0 to 100; without a cost, cost counts as 3. A new
/// idea becomes `assessed`. Assessing again changes only the scores given and
/// keeps the others; `--unset cost` removes a score. Every change is printed
/// as old → new.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart idea assess bedre-skilting --feasibility 5 --benefit 4
  veikart idea assess sms-varsel --feasibility 3 --benefit 5 --cost 4 --note \"Krever integrasjon\"
  veikart idea assess sms-varsel --cost 2
  veikart idea assess sms-varsel --unset cost")]
pub struct AssessArgs {
    /// The idea's id, or a unique prefix of it
    pub id: String,

    /// How feasible it is: 1 (very hard) to 5 (easy)
    #[arg(long, value_name = "1-5", value_parser = int_arg(&idea::SPEC, "feasibility"))]
    pub feasibility: Option<i64>,

    /// How much benefit it is expected to give: 1 (little) to 5 (much)
    #[arg(long, value_name = "1-5", value_parser = int_arg(&idea::SPEC, "benefit"))]
    pub benefit: Option<i64>,

    /// What it is expected to cost: 1 (cheap) to 5 (expensive)
    #[arg(long, value_name = "1-5", value_parser = int_arg(&idea::SPEC, "cost"))]
    pub cost: Option<i64>,

    /// Why it got these scores
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,

    /// The assessment date [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub date: Option<Date>,

    /// Remove a score or the note (can be repeated): feasibility, benefit, cost, note
    #[arg(long, value_name = "FIELD", value_parser = ["feasibility", "benefit", "cost", "note"])]
    pub unset: Vec<String>,
}

fn cmd_idea_assess(ctx: &mut Ctx, args: AssessArgs) -> Result<u8> {
    ctx.ui.format("idea assess")?;
    use crate::model::value::Value;
    let scores =
        [("feasibility", args.feasibility), ("benefit", args.benefit), ("cost", args.cost)];
    if scores.iter().all(|(_, v)| v.is_none()) && args.note.is_none() && args.unset.is_empty() {
        return Err(UserError::new(tr!("ingenting å vurdere", "nothing to assess"))
            .hint(tr!(
                "gi --feasibility og --benefit (og --cost), eller --unset for å fjerne et poeng",
                "give --feasibility and --benefit (and --cost), or --unset to remove a score"
            ))
            .into());
    }
    let mut set: Vec<&str> = scores.iter().filter(|(_, v)| v.is_some()).map(|(k, _)| *k).collect();
    if args.note.is_some() {
        set.push("note");
    }
    let unset: Vec<&str> = args.unset.iter().map(String::as_str).collect();
    crate::app::record::set_and_unset(&set, &unset, str::to_string)?;
    let project = ctx.open()?;
    let id = project.resolve(&idea::SPEC, &args.id)?;
    let note = args.note.as_deref().map(|n| check_text("--note", n)).transpose()?;
    let date = today(args.date)?;
    let changes = project.edit_values(&idea::SPEC, &id, |current| {
        let mut out: crate::model::Changes = Vec::new();
        for (key, v) in scores {
            if let Some(v) = v {
                out.push((key, Some(Value::Int(v))));
            }
        }
        if let Some(n) = &note {
            out.push(("note", Some(Value::Str(n.clone()))));
        }
        for key in &args.unset {
            let key = ["feasibility", "benefit", "cost", "note"]
                .into_iter()
                .find(|k| k == key)
                .unwrap_or("note");
            out.push((key, None));
        }
        out.push(("assessed", Some(Value::Date(date))));
        if current.str("status") == Some("new") {
            out.push(("status", Some(Value::Str("assessed".into()))));
        }
        Ok(out)
    })?;
    common::edited(ctx, &project, &idea::SPEC, &id, &changes);
    let now: Idea = project.load(&id)?;
    if let Some(p) = now.priority {
        ctx.ui.status(&tr!(
            "Vurderte {id}: prioritet {}.",
            "Assessed {id}: priority {}.",
            number::format(p)
        ));
    }
    Ok(SUCCESS)
}
