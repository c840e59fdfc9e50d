//! `veikart proposal …`: solution proposals and the user tests that decide them.

use anyhow::Result;
use clap::{Args, Subcommand};
use serde::Serialize;

// Amounts read like amounts: `85 000` in Bokmål, `85,000` in English.
use super::{
    Ctx, check_line, check_text, check_title, common, date_arg, enum_arg, filled_text, today,
};
use crate::error::{SUCCESS, UserError};
use crate::model::date::Date;
use crate::model::idea::{self, Idea};
use crate::model::number::money;
use crate::model::proposal::{self, DECISION, Proposal, STATUS, UserTest, WITH};
use crate::output::ui::Format;
use crate::store::edit;
use crate::tr;

/// Turn chosen ideas into solution proposals, test them with users, keep or discard them
#[derive(Debug, Subcommand)]
#[command(after_help = "\
Examples:
  veikart proposal add \"Ventetid på skjerm og SMS\" --idea skjerm --idea sms --artefact skisser/venterom.pdf
  veikart proposal test ventetid --date 2026-10-12 --with user,employee --participants 6 --feedback \"Likte det\"
  veikart proposal decide ventetid keep --reason \"Alle testene var positive\"
  veikart proposal estimate ventetid --cost 85000 --gain \"Færre spørsmål i skranken\"
  veikart proposal show ventetid")]
pub enum ProposalCommand {
    Add(AddArgs),
    Test(TestArgs),
    Decide(DecideArgs),
    Estimate(EstimateArgs),
    List(ListArgs),
    Show(ShowArgs),
    Set(super::record::Set<crate::model::proposal::Proposal>),
    Rm(super::record::Rm<crate::model::proposal::Proposal>),
}

pub fn run(ctx: &mut Ctx, cmd: ProposalCommand) -> Result<u8> {
    match cmd {
        ProposalCommand::Add(a) => cmd_proposal_add(ctx, a),
        ProposalCommand::Test(a) => cmd_proposal_test(ctx, a),
        ProposalCommand::Decide(a) => cmd_proposal_decide(ctx, a),
        ProposalCommand::Estimate(a) => cmd_proposal_estimate(ctx, a),
        ProposalCommand::List(a) => cmd_proposal_list(ctx, a),
        ProposalCommand::Show(a) => cmd_proposal_show(ctx, a),
        ProposalCommand::Set(a) => super::record::run_set(ctx, a),
        ProposalCommand::Rm(a) => super::record::run_rm(ctx, a),
    }
}

/// Record a solution proposal and print its id
///
/// A proposal makes one or more chosen ideas concrete: a sketch, a journey
/// drawing, a mock-up of a form. It starts as a draft.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart proposal add \"Ventetid på skjerm og SMS\" --idea skjerm --idea sms
  veikart proposal add \"Nytt innsjekkingsskjema\" --artefact skisser/skjema.png --artefact https://figma.com/f/abc")]
pub struct AddArgs {
    /// The proposal, in a few words
    pub title: String,

    /// An idea it builds on, by id or unique prefix (can be repeated)
    #[arg(long = "idea", value_name = "ID")]
    pub ideas: Vec<String>,

    /// What it is and how it would work
    #[arg(long, short = 'd', value_name = "TEXT")]
    pub description: Option<String>,

    /// A sketch, drawing or mock-up: a path or a URL (can be repeated)
    #[arg(long = "artefact", value_name = "PATH-OR-URL")]
    pub artefacts: Vec<String>,

    /// The date it was recorded [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub date: Option<Date>,
}

fn cmd_proposal_add(ctx: &mut Ctx, args: AddArgs) -> Result<u8> {
    let project = ctx.open()?;
    let title = check_title(&args.title)?;
    let mut ideas = Vec::new();
    for i in &args.ideas {
        let id = project.resolve(&idea::SPEC, i)?;
        if !ideas.contains(&id) {
            ideas.push(id);
        }
    }
    let artefacts =
        args.artefacts.iter().map(|a| check_line("--artefact", a)).collect::<Result<Vec<_>>>()?;
    let mut values = vec![("title", edit::text(&title))];
    if !ideas.is_empty() {
        values.push(("ideas", edit::list(&ideas)));
    }
    if let Some(d) = &args.description {
        values.push(("description", edit::text(&filled_text("--description", d)?)));
    }
    if !artefacts.is_empty() {
        values.push(("artefacts", edit::list(&artefacts)));
    }
    values.push(("status", edit::text("draft")));
    values.push(("created", edit::date(today(args.date)?)));
    common::add_record(ctx, &project, &proposal::SPEC, &title, values)?;
    Ok(SUCCESS)
}

/// Record a quick test of a proposal with users, relatives or staff
///
/// Each test is its own file, user-tests/<proposal>/<date>.toml (a second
/// test the same day gets -2), so tests recorded on two branches merge
/// without conflicts. A draft proposal becomes tested.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart proposal test ventetid --date 2026-10-12 --with user,relative --participants 5 --feedback \"Skjermen ble lagt merke til\"
  veikart proposal test ventetid --with ansatte --feedback \"Tar for lang tid å oppdatere\" --decision improve")]
pub struct TestArgs {
    /// The proposal (id or unique prefix)
    pub id: String,

    /// When the test was done [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub date: Option<Date>,

    /// Who took part: user, relative, employee, comma-separated (bruker, pårørende, ansatt)
    #[arg(long, value_name = "WHO", required = true, value_delimiter = ',', value_parser = enum_arg(&WITH))]
    pub with: Vec<String>,

    /// How many took part
    #[arg(long, value_name = "N", value_parser = super::int_arg(&proposal::TEST_SPEC, "participants"), allow_negative_numbers = true)]
    pub participants: Option<i64>,

    /// What the participants said and did
    #[arg(long, value_name = "TEXT")]
    pub feedback: String,

    /// What the test concluded: keep, improve or discard (beholde, forbedre, forkaste)
    #[arg(long, value_name = "D", value_parser = enum_arg(&DECISION))]
    pub decision: Option<String>,
}

fn cmd_proposal_test(ctx: &mut Ctx, args: TestArgs) -> Result<u8> {
    let format = ctx.ui.format("proposal test")?;
    let project = ctx.open()?;
    let id = project.resolve(&proposal::SPEC, &args.id)?;
    // Refuse a broken proposal file before writing the test.
    let current: Proposal = project.load(&id)?;
    let feedback = filled_text("--feedback", &args.feedback)?;
    let date = today(args.date)?;
    let mut with: Vec<&str> = Vec::new();
    for k in WITH.keys() {
        if args.with.iter().any(|w| w == k) {
            with.push(k);
        }
    }
    let mut doc = toml_edit::DocumentMut::new();
    edit::set(&mut doc, "date", edit::date(date));
    edit::set(&mut doc, "with", edit::list(&with));
    if let Some(n) = args.participants {
        edit::set(&mut doc, "participants", edit::int(n));
    }
    edit::set(&mut doc, "feedback", edit::text(&feedback));
    if let Some(d) = &args.decision {
        edit::set(&mut doc, "decision", edit::text(d));
    }
    let test_id = project.create_in(&proposal::TEST_SPEC, Some(&id), &date.to_string(), &doc)?;
    let moved = if current.status == "draft" {
        project.edit::<Proposal>(&id, |_, doc| {
            edit::set(doc, "status", edit::text("tested"));
            Ok(())
        })?
    } else {
        Vec::new()
    };
    let path = project.shown_record(&proposal::TEST_SPEC, &test_id);
    match format {
        Format::Json => common::created_json(ctx, &project, &proposal::TEST_SPEC, &test_id)?,
        _ => ctx.ui.out(&test_id)?,
    }
    ctx.ui.status(&tr!(
        "La til en brukertest av «{}» i {path}.",
        "Added a user test of \"{}\" in {path}.",
        current.title
    ));
    if !moved.is_empty() {
        let shown = project.shown_record(&proposal::SPEC, &id);
        common::print_changes(ctx, &id, &shown, &moved);
    }
    Ok(SUCCESS)
}

/// Keep or discard a proposal, with the reason
///
/// The reason is always required, so the project remembers why. The date is
/// stored as `decided`.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart proposal decide ventetid keep --reason \"Brukerne fant frem raskere\"
  veikart proposal decide egen-app discard --reason \"For dyr å drifte for en liten kommune\"")]
pub struct DecideArgs {
    /// The proposal (id or unique prefix)
    pub id: String,

    /// keep or discard (beholde, forkaste)
    #[arg(value_name = "DECISION", value_parser = decision_arg)]
    pub decision: String,

    /// Why
    #[arg(long, value_name = "TEXT", required = true)]
    pub reason: String,

    /// The date of the decision [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub date: Option<Date>,
}

fn decision_arg(s: &str) -> Result<String, String> {
    match DECISION.parse(s).or_else(|| STATUS.parse(s)) {
        Some("keep" | "kept") => Ok("kept".to_string()),
        Some("discard" | "discarded") => Ok("discarded".to_string()),
        _ => Err(tr!(
            "«{s}» er ikke en beslutning; velg keep eller discard",
            "`{s}` is not a decision; choose keep or discard"
        )),
    }
}

fn cmd_proposal_decide(ctx: &mut Ctx, args: DecideArgs) -> Result<u8> {
    ctx.ui.format("proposal decide")?;
    let reason = check_text("--reason", &args.reason)?;
    if reason.is_empty() {
        return Err(UserError::new(tr!("--reason er tom", "--reason is empty"))
            .hint(tr!(
                "skriv hvorfor forslaget beholdes eller forkastes",
                "say why the proposal is kept or discarded"
            ))
            .into());
    }
    let project = ctx.open()?;
    let id = project.resolve(&proposal::SPEC, &args.id)?;
    let date = today(args.date)?;
    let mut title = String::new();
    let changed = project.edit::<Proposal>(&id, |current, doc| {
        title = current.title.clone();
        edit::set(doc, "status", edit::text(&args.decision));
        edit::set(doc, "reason", edit::text(&reason));
        edit::set(doc, "decided", edit::date(date));
        Ok(())
    })?;
    common::edited(ctx, &project, &proposal::SPEC, &id, &changed);
    if !changed.is_empty() {
        ctx.ui.status(&tr!(
            "«{title}» er nå {}.",
            "\"{title}\" is now {}.",
            STATUS.label(&args.decision)
        ));
    }
    Ok(SUCCESS)
}

/// Estimate what a proposal costs and what it gains
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart proposal estimate ventetid --cost 85000 --gain \"Færre henvendelser i skranken\"
  veikart proposal estimate ventetid --cost \"12 500,50\"")]
pub struct EstimateArgs {
    /// The proposal (id or unique prefix)
    pub id: String,

    /// Estimated cost in NOK (a decimal comma is fine)
    #[arg(long, value_name = "NOK", value_parser = super::number_arg(&proposal::SPEC, "cost"), allow_negative_numbers = true)]
    pub cost: Option<f64>,

    /// The gain expected, in words
    #[arg(long, value_name = "TEXT")]
    pub gain: Option<String>,
}

fn cmd_proposal_estimate(ctx: &mut Ctx, args: EstimateArgs) -> Result<u8> {
    ctx.ui.format("proposal estimate")?;
    if args.cost.is_none() && args.gain.is_none() {
        return Err(UserError::new(tr!("ingenting å endre", "nothing to change"))
            .hint(tr!("gi --cost, --gain eller begge", "give --cost, --gain or both"))
            .into());
    }
    let gain = args.gain.as_deref().map(|g| filled_text("--gain", g)).transpose()?;
    let project = ctx.open()?;
    let id = project.resolve(&proposal::SPEC, &args.id)?;
    let changed = project.edit::<Proposal>(&id, |_, doc| {
        if let Some(c) = args.cost {
            edit::set(doc, "cost", edit::number(c));
        }
        if let Some(g) = &gain {
            edit::set(doc, "gain", edit::text(g));
        }
        Ok(())
    })?;
    common::edited(ctx, &project, &proposal::SPEC, &id, &changed);
    Ok(SUCCESS)
}

/// List the proposals with their status, tests and estimates
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart proposal list
  veikart proposal list --status kept
  veikart proposal list --format json")]
pub struct ListArgs {
    /// Only proposals with this status: draft, tested, kept, discarded (utkast, testet, valgt, forkastet)
    #[arg(long, value_name = "S", value_parser = enum_arg(&STATUS))]
    pub status: Option<String>,
}

fn cmd_proposal_list(ctx: &mut Ctx, args: ListArgs) -> Result<u8> {
    let format = ctx.ui.format("proposal list")?;
    let project = ctx.open()?;
    let mut list: Vec<Proposal> = project.load_all()?;
    list.retain(|p| args.status.as_ref().is_none_or(|s| *s == p.status));
    list.sort_by(|a, b| {
        STATUS
            .rank(&a.status)
            .cmp(&STATUS.rank(&b.status))
            .then(a.title.to_lowercase().cmp(&b.title.to_lowercase()))
            .then(a.id.cmp(&b.id))
    });
    let mut counts = Vec::new();
    for p in &list {
        counts.push(project.group_ids(&proposal::TEST_SPEC, &p.id)?.len());
    }
    if format == Format::Json {
        let items: Vec<serde_json::Value> = list
            .iter()
            .zip(&counts)
            .map(|(p, n)| {
                let derived = serde_json::json!({ "test_count": n });
                common::record_json(&project, &proposal::SPEC, &p.id, p, derived)
            })
            .collect();
        return common::json_list(ctx, "proposals", &items);
    }
    if list.is_empty() {
        ctx.ui.status(&if args.status.is_some() {
            tr!("Ingen løsningsforslag passer til filteret.", "No proposals match the filter.")
        } else {
            tr!(
                "Ingen løsningsforslag ennå. Legg til med `veikart proposal add TITTEL --idea ID`.",
                "No proposals yet. Add one with `veikart proposal add TITLE --idea ID`."
            )
        });
        return Ok(SUCCESS);
    }
    let headers = vec![
        "ID".to_string(),
        tr!("FORSLAG", "PROPOSAL"),
        "STATUS".to_string(),
        tr!("TESTER", "TESTS"),
        tr!("KOSTNAD (KR)", "COST (NOK)"),
        tr!("GEVINST", "GAIN"),
    ];
    let rows = list
        .iter()
        .zip(&counts)
        .map(|(p, n)| {
            vec![
                p.id.clone(),
                p.title.clone(),
                STATUS.label(&p.status).to_string(),
                n.to_string(),
                p.cost.map_or("–".into(), money),
                common::cell(&proposal::SPEC, "gain", &serde_json::json!(p.gain)),
            ]
        })
        .collect();
    let table = ctx.ui.table(&headers, rows);
    ctx.ui.out(&table)?;
    Ok(SUCCESS)
}

/// Show one proposal with its ideas, tests and decision
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart proposal show ventetid
  veikart proposal show ventetid --format json")]
pub struct ShowArgs {
    /// The proposal (id or unique prefix)
    pub id: String,
}

#[derive(Serialize)]
struct IdeaRef {
    id: String,
    title: Option<String>,
}

fn cmd_proposal_show(ctx: &mut Ctx, args: ShowArgs) -> Result<u8> {
    let format = ctx.ui.format("proposal show")?;
    let project = ctx.open()?;
    let id = project.resolve(&proposal::SPEC, &args.id)?;
    let p: Proposal = project.load(&id)?;
    let mut tests: Vec<UserTest> = project.load_group(&id)?;
    proposal::sort_tests(&mut tests);
    let mut ideas = Vec::new();
    for i in &p.ideas {
        // A dangling idea is `check`'s to report; show its id.
        let title = project.load::<Idea>(i).ok().map(|x| x.title);
        ideas.push(IdeaRef { id: i.clone(), title });
    }
    if format == Format::Json {
        let tests: Vec<_> = tests
            .iter()
            .map(|t| common::with_path(&project, &proposal::TEST_SPEC, &t.id, t))
            .collect();
        ctx.ui.json(&serde_json::json!({
            "proposal": common::with_path(&project, &proposal::SPEC, &p.id, &p),
            "ideas": ideas,
            "tests": tests,
        }))?;
        return Ok(SUCCESS);
    }
    let mut rows: Vec<(String, String)> = vec![
        (tr!("Tittel", "Title"), p.title.clone()),
        ("Status".into(), STATUS.label(&p.status).to_string()),
    ];
    if let Some(d) = &p.description {
        rows.push((tr!("Beskrivelse", "Description"), d.clone()));
    }
    if !ideas.is_empty() {
        let list: Vec<String> = ideas
            .iter()
            .map(|i| match &i.title {
                Some(t) => format!("{t} ({})", i.id),
                None => i.id.clone(),
            })
            .collect();
        rows.push((tr!("Idéer", "Ideas"), list.join("\n")));
    }
    if !p.artefacts.is_empty() {
        rows.push((tr!("Skisser o.l.", "Artefacts"), p.artefacts.join("\n")));
    }
    if let Some(c) = p.cost {
        rows.push((tr!("Kostnad", "Cost"), tr!("{} kr", "NOK {}", money(c))));
    }
    if let Some(g) = &p.gain {
        rows.push((tr!("Gevinst", "Gain"), g.clone()));
    }
    if let Some(d) = p.decided {
        rows.push((tr!("Besluttet", "Decided"), d.to_string()));
    }
    if let Some(r) = &p.reason {
        rows.push((tr!("Begrunnelse", "Reason"), r.clone()));
    }
    if let Some(d) = p.created {
        rows.push((tr!("Registrert", "Recorded"), d.to_string()));
    }
    let mut s =
        common::record_block(ctx, &p.id, &project.shown_record(&proposal::SPEC, &p.id), &rows);
    s.push('\n');
    if tests.is_empty() {
        s.push_str(&tr!(
            "Ingen brukertester ennå (`veikart proposal test {} --with bruker --feedback TEKST`).\n",
            "No user tests yet (`veikart proposal test {} --with user --feedback TEXT`).\n",
            p.id
        ));
    } else {
        s.push_str(&ctx.ui.bold(&tr!("Brukertester ({}):", "User tests ({}):", tests.len())));
        s.push('\n');
        for t in &tests {
            let with: Vec<&str> = t.with.iter().map(|w| WITH.label(w)).collect();
            let mut head =
                format!("  {}  {}", t.date.map_or("–".into(), |d| d.to_string()), with.join(", "));
            if let Some(n) = t.participants {
                head.push_str(&tr!(" ({n} deltakere)", " ({n} participants)"));
            }
            if let Some(d) = &t.decision {
                head.push_str(&format!(" → {}", DECISION.label(d)));
            }
            s.push_str(&head);
            s.push('\n');
            for line in t.feedback.lines() {
                s.push_str(&format!("    {line}\n"));
            }
        }
    }
    ctx.ui.out(&s)?;
    Ok(SUCCESS)
}
