//! `veikart checklist …`: what is left in a phase, answers to its items, and
//! the CI gate (`--check`).

use anyhow::Result;
use clap::{Args, Subcommand};
use toml_edit::DocumentMut;

use super::{Ctx, check_line, check_text, date_arg, enum_arg, today};
use crate::app::checklist::Evaluation;
use crate::app::checklist::{find_phase, phase_not_in_roadmap, who};
use crate::error::{FINDINGS, SUCCESS, UserError};
use crate::model::checklist::{ANSWER, ANSWER_SPEC, Answer};
use crate::model::date::Date;
use crate::model::id::{self, Lookup};
use crate::model::roadmap::{Evaluation as Eval, Phase, Roadmap};
use crate::output::checklist as view;
use crate::output::ci;
use crate::output::ui::Format;
use crate::store::{Project, edit};
use crate::tr;

/// Show a phase's checklist, answer its items, or gate CI on it
///
/// Every phase of the roadmap ends with a checklist. Automatic items are
/// decided by the project's data, suggested items show what the data says
/// while a person answers, and manual items are answered by a person. An item
/// is finished when it is done (for automatic items: when the data holds) or
/// answered not-relevant. With `--check`, the exit status is 1 when any item
/// is unfinished, so a CI job can stop a phase from being closed by accident,
/// and 2 while a file has errors and the checklist cannot be judged. A phase
/// the project has closed by a decision is judged as the decision recorded
/// it; `--recheck` shows today's evaluation beside.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
#[command(after_help = "\
Examples:
  veikart checklist
  veikart checklist tjenesteutvikling
  veikart checklist tick forankring management-anchoring --note \"Vedtatt i kommunalsjefens ledermøte\"
  veikart checklist answer ny-praksis results-celebrated still-open --note \"Feiring planlagt i desember\"
  veikart checklist --check --through-current
  veikart checklist innsikt --recheck
  veikart checklist --check --format junit > checklist.xml
  veikart checklist --check --format github")]
pub struct ChecklistArgs {
    #[command(subcommand)]
    pub action: Option<ChecklistAction>,

    /// The phase (id, alias or name) [default: the current phase]
    pub phase: Option<String>,

    /// Exit with status 1 when any item is unfinished (for CI)
    #[arg(long)]
    pub check: bool,

    /// Every phase from the first up to and including the current one
    #[arg(long, conflicts_with_all = ["phase", "all"])]
    pub through_current: bool,

    /// Every phase of the roadmap
    #[arg(long, conflicts_with = "phase")]
    pub all: bool,

    /// Evaluate as of this date, without what is dated later [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub as_of: Option<Date>,

    /// Show today's evaluation beside the one recorded when a closed phase was closed
    #[arg(long)]
    pub recheck: bool,
}

#[derive(Debug, Subcommand)]
pub enum ChecklistAction {
    Tick(TickArgs),
    Answer(AnswerArgs),
    Untick(UntickArgs),
}

/// Mark an item as done
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart checklist tick forankring management-anchoring
  veikart checklist tick innsikt needs-understood --note \"Gjennomgått med fagrådet\" --evidence docs/innsikt.md")]
pub struct TickArgs {
    /// The phase (id, alias or name)
    pub phase: String,
    /// The item (id or unique prefix)
    pub item: String,
    #[command(flatten)]
    pub common: AnswerCommon,
    /// Why it is done (optional)
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

/// Answer an item with no, not-relevant or still-open (a note is required)
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart checklist answer forankring related-projects not-relevant --note \"Ingen andre kommuner har prøvd dette\"
  veikart checklist answer ny-praksis results-celebrated still-open --note \"Feiring i desember\"")]
pub struct AnswerArgs {
    /// The phase (id, alias or name)
    pub phase: String,
    /// The item (id or unique prefix)
    pub item: String,
    /// The answer: no, not-relevant or still-open (or done)
    #[arg(value_name = "ANSWER", value_parser = enum_arg(&ANSWER))]
    pub answer: String,
    #[command(flatten)]
    pub common: AnswerCommon,
    /// Why (required)
    #[arg(long, value_name = "TEXT")]
    pub note: String,
}

/// What every answer records besides the status.
#[derive(Debug, Args)]
pub struct AnswerCommon {
    /// A path or record id that backs the answer (can be repeated)
    #[arg(long = "evidence", value_name = "PATH-OR-ID")]
    pub evidence: Vec<String>,
    /// Who answers [default: git's user.name, else $USER]
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
    /// The date of the answer [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub date: Option<Date>,
}

/// Take back an answer (the item is open again)
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart checklist untick forankring management-anchoring")]
pub struct UntickArgs {
    /// The phase (id, alias or name)
    pub phase: String,
    /// The item (id or unique prefix)
    pub item: String,
}

pub fn cmd_checklist(ctx: &mut Ctx, args: ChecklistArgs) -> Result<u8> {
    match args.action {
        Some(ChecklistAction::Tick(a)) => {
            let note = a.note.as_deref().map(|n| check_text("--note", n)).transpose()?;
            ctx.ui.format("checklist tick")?;
            answer(ctx, &a.phase, &a.item, "done", note, a.common)
        }
        Some(ChecklistAction::Answer(a)) => {
            ctx.ui.format("checklist answer")?;
            let note = check_text("--note", &a.note)?;
            if note.is_empty() {
                return Err(UserError::new(tr!("--note er tom", "--note is empty"))
                    .hint(tr!(
                        "skriv kort hvorfor, for eksempel --note \"Ingen leverandører i dette prosjektet\"",
                        "say briefly why, for example --note \"No suppliers in this project\""
                    ))
                    .into());
            }
            answer(ctx, &a.phase, &a.item, &a.answer, Some(note), a.common)
        }
        Some(ChecklistAction::Untick(a)) => untick(ctx, &a),
        None => show(ctx, &args),
    }
}

fn find_item<'a>(phase: &'a Phase, typed: &str) -> Result<&'a crate::model::roadmap::Item> {
    let ids: Vec<&str> = phase.items.iter().map(|i| i.id.as_str()).collect();
    let hint_list = || {
        tr!(
            "se punktene med `veikart checklist {}`",
            "see the items with `veikart checklist {}`",
            phase.id
        )
    };
    match id::lookup(typed, ids.iter().copied()) {
        Lookup::Found(found) => phase
            .item(&found)
            .ok_or_else(|| anyhow::anyhow!("internal error: item {found} vanished")),
        Lookup::Ambiguous(c) => Err(UserError::new(tr!(
            "«{typed}» passer til flere punkter: {}",
            "`{typed}` matches several items: {}",
            c.join(", ")
        ))
        .hint(hint_list())
        .into()),
        Lookup::Unknown(c) => {
            let mut e = UserError::new(tr!(
                "fasen {} har ikke noe punkt «{typed}»",
                "the phase {} has no item `{typed}`",
                phase.id
            ));
            if !c.is_empty() {
                e = e.hint(tr!("mente du {}?", "did you mean {}?", c.join(", ")));
            }
            Err(e.hint(hint_list()).into())
        }
    }
}

fn answer(
    ctx: &mut Ctx,
    phase: &str,
    item: &str,
    status: &str,
    note: Option<String>,
    common: AnswerCommon,
) -> Result<u8> {
    let project = ctx.open()?;
    let roadmap = project.roadmap()?;
    let phase = find_phase(&roadmap, phase)?;
    let item = find_item(phase, item)?;
    let by = who(&project, common.by.as_deref())?;
    let date = today(common.date)?;
    let evidence =
        common.evidence.iter().map(|e| check_line("--evidence", e)).collect::<Result<Vec<_>>>()?;
    let note = note.filter(|n| !n.is_empty());
    let id = format!("{}/{}", phase.id, item.id);
    // `keep`: the answer stays the same, so a note and evidence given
    // before stay unless new ones are given; a new answer starts afresh.
    let set_all = |doc: &mut DocumentMut, keep: bool| {
        edit::set(doc, "status", edit::text(status));
        if note.is_some() || !keep {
            edit::set_opt(doc, "note", note.as_deref().map(edit::text));
        }
        edit::set(doc, "by", edit::text(&by));
        edit::set(doc, "date", edit::date(date));
        if !evidence.is_empty() {
            edit::set(doc, "evidence", edit::list(&evidence));
        } else if !keep {
            edit::remove(doc, "evidence");
        }
    };
    let shown = project.shown_record(&ANSWER_SPEC, &id);
    let exists = project.record_path(&ANSWER_SPEC, &id).exists();
    if exists {
        let changed = project.edit::<Answer>(&id, |current, doc| {
            set_all(doc, current.status == status);
            Ok(())
        })?;
        super::common::edited(ctx, &project, &ANSWER_SPEC, &id, &changed);
    } else {
        let mut doc = DocumentMut::new();
        set_all(&mut doc, false);
        if !project.create_exact(&ANSWER_SPEC, &id, &doc)? {
            return Err(UserError::new(tr!(
                "{shown} ble skrevet av noen andre i mellomtiden; ingenting ble endret",
                "{shown} was written by someone else meanwhile; nothing was changed"
            ))
            .hint(tr!("prøv igjen", "try again"))
            .into());
        }
        ctx.ui.status(&tr!("Skrev {shown}.", "Wrote {shown}."));
        if ctx.ui.json_chosen() {
            super::common::created_json(ctx, &project, &ANSWER_SPEC, &id)?;
        }
    }
    if !ctx.ui.json_chosen() {
        ctx.ui.out(&format!("{}\n", item.id))?;
    }
    for e in evidence.iter().filter(|e| !evidence_found(&project, e)) {
        ctx.ui.warn(&tr!(
            "fant ingen fil eller post «{e}» i prosjektet; belegget er lagret som skrevet",
            "found no file or record `{e}` in the project; the evidence is kept as written"
        ));
    }
    if item.evaluation == Eval::Auto && status == "done" {
        ctx.ui.status(&tr!(
            "Merk: dette punktet er automatisk; det er ferdig bare når dataene holder (se `veikart checklist {}`).",
            "Note: this item is automatic; it is finished only when the data holds (see `veikart checklist {}`).",
            phase.id
        ));
    }
    Ok(SUCCESS)
}

/// Whether evidence names something: a link, a path in the project, or a
/// record (`ventetid`, `proposals/ventetid`).
fn evidence_found(project: &Project, e: &str) -> bool {
    if e.contains("://") {
        return true;
    }
    let rel = e.trim_start_matches("./");
    if !rel.is_empty() && project.root.join(rel).exists() {
        return true;
    }
    crate::model::KINDS.iter().any(|k| {
        let id = rel.strip_prefix(k.spec.dir).and_then(|r| r.strip_prefix('/')).unwrap_or(rel);
        id::is_valid(id) && project.root.join(k.spec.dir).join(format!("{id}.toml")).is_file()
    })
}

fn untick(ctx: &mut Ctx, a: &UntickArgs) -> Result<u8> {
    let format = ctx.ui.format("checklist untick")?;
    let project = ctx.open()?;
    let roadmap = project.roadmap()?;
    let phase = find_phase(&roadmap, &a.phase)?;
    let item = find_item(phase, &a.item)?;
    let id = format!("{}/{}", phase.id, item.id);
    let shown = project.shown_record(&ANSWER_SPEC, &id);
    let removed = project.remove(&ANSWER_SPEC, &id)?;
    if format == Format::Json {
        let files: Vec<&str> = if removed { vec![shown.as_str()] } else { Vec::new() };
        ctx.ui.json(&serde_json::json!({ "id": id, "removed": files }))?;
    }
    if removed {
        ctx.ui.status(&tr!(
            "Fjernet {shown}; punktet er åpent igjen.",
            "Removed {shown}; the item is open again."
        ));
    } else {
        ctx.ui.status(&tr!(
            "Punktet {} var ikke besvart; ingenting å fjerne.",
            "The item {} had no answer; nothing to remove.",
            item.id
        ));
    }
    Ok(SUCCESS)
}

/// The phases a checklist view covers.
fn selected(roadmap: &Roadmap, project: &Project, args: &ChecklistArgs) -> Result<Vec<String>> {
    if args.all {
        return Ok(roadmap.phases.iter().map(|p| p.id.clone()).collect());
    }
    if let Some(p) = &args.phase {
        return Ok(vec![find_phase(roadmap, p)?.id.clone()]);
    }
    let current = roadmap
        .position(&project.info.phase)
        .ok_or_else(|| phase_not_in_roadmap(project, roadmap))?;
    if args.through_current {
        return Ok(roadmap.phases[..=current].iter().map(|p| p.id.clone()).collect());
    }
    Ok(vec![project.info.phase.clone()])
}

/// What the gate shows a CI service: the files `check` finds a
/// contradiction in (the gate cannot judge the checklist while they are
/// broken), then the unfinished items.
fn gate_findings(report: &crate::app::check::Report, eval: &Evaluation) -> Vec<ci::Finding> {
    let mut findings = crate::output::check::blocking_findings(report);
    findings.extend(view::findings(eval));
    findings
}

fn show(ctx: &mut Ctx, args: &ChecklistArgs) -> Result<u8> {
    let format = ctx.ui.format("checklist")?;
    if args.recheck && matches!(format, Format::Junit | Format::Github | Format::Codequality) {
        // These formats feed a CI service one result per item; two
        // evaluations side by side have no place in them.
        return Err(UserError::new(tr!(
            "--recheck viser to vurderinger side om side, og det kan bare --format text, json og md",
            "--recheck shows two evaluations side by side, which only --format text, json and md can show"
        ))
        .hint(tr!(
            "portvakten bruker alltid den lagrede vurderingen; dropp --recheck for {}",
            "the gate always uses the recorded evaluation; leave out --recheck for {}",
            format.name()
        ))
        .into());
    }
    let (project, as_of) = ctx.open_on(args.as_of)?;
    let roadmap = project.roadmap()?;
    let phases = selected(&roadmap, &project, args)?;
    let report = crate::app::check::run(&project.location(), as_of)?;
    let eval = crate::app::checklist::evaluate_on(&project, &report, roadmap, &phases);
    // A file `check` calls a contradiction stops the checklist, as it stops
    // every reader; the gate prints its annotations first, for CI.
    let broken = crate::app::pass::contradiction(&report);
    if !args.check
        && let Some(e) = broken
    {
        return Err(e);
    }
    match format {
        Format::Json => ctx.ui.json(&view::to_json(&eval, as_of, args.recheck))?,
        Format::Md => ctx.ui.out(&view::markdown(&eval, args.recheck))?,
        Format::Junit => ctx.ui.out(&view::junit(&eval))?,
        Format::Github => {
            let summary = view::summary_line(&eval);
            let findings = gate_findings(&report, &eval);
            ctx.ui.out(&ci::github(&findings, "veikart checklist", Some(&summary)))?
        }
        Format::Codequality => {
            ctx.ui.raw(&ci::codequality("checklist", &gate_findings(&report, &eval))?)?
        }
        _ => {
            let text = view::text(&ctx.ui, &eval, args.recheck);
            ctx.ui.out(&text)?;
        }
    }
    let unfinished = eval.unfinished();
    if args.check {
        if let Some(problem) = ci::step_summary(&view::markdown(&eval, false)) {
            ctx.ui.warn(&problem);
        }
        if let Some(e) = broken {
            // A rule that does not see a record can pass when it should
            // not: the gate cannot say the checklist is finished.
            let e = match e.downcast::<UserError>() {
                Ok(u) => u
                    .hint(tr!(
                        "portvakten kan ikke avgjøre sjekklisten før filen er rettet",
                        "the gate cannot judge the checklist until the file is fixed"
                    ))
                    .into(),
                Err(e) => e,
            };
            return Err(e);
        }
        if unfinished > 0 {
            ctx.ui.status(&tr!(
                "{} er ikke ferdige.",
                "{} are unfinished.",
                crate::i18n::items_of(unfinished, eval.total())
            ));
            return Ok(FINDINGS);
        }
        ctx.ui.status(&match eval.total() {
            1 => tr!("Det ene punktet er ferdig.", "The one item is finished."),
            n => tr!("Alle {n} punkter er ferdige.", "All {n} items are finished."),
        });
    }
    Ok(SUCCESS)
}
