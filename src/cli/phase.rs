//! `veikart phase …`: where the project stands in the roadmap, and recorded
//! decisions to move on, go back or skip.

use anyhow::Result;
use clap::{Args, Subcommand};
use serde::Serialize;
use toml_edit::DocumentMut;

use super::{Ctx, check_text, date_arg, today};
use crate::app::checklist::{ChecklistSummary, PhaseRef};
use crate::app::checklist::{find_phase, phase_not_in_roadmap, progress, skipped_files, who};
use crate::error::{SUCCESS, UserError};
use crate::model::checklist::{self, DECISION_SPEC, Decision};
use crate::model::date::Date;
use crate::output::ui::Format;
use crate::store::edit;
use crate::tr;

/// Show the current phase, its steps and what is left; or change phase
///
/// Without a subcommand, shows the phase the project is in, the roadmap's
/// steps for it, the checklist items still unfinished, and earlier phase
/// decisions. The roadmap is not a straight line: going back to an earlier
/// phase or skipping one is allowed, and every change is recorded with a
/// reason in `decisions/`.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
#[command(after_help = "\
Examples:
  veikart phase
  veikart phase --format json
  veikart phase set pilotering --reason \"Styringsgruppen godkjente piloten 3. mars\"
  veikart phase set innsikt --reason \"Testene viste at vi ikke forstod behovet godt nok\"")]
pub struct PhaseArgs {
    #[command(subcommand)]
    pub action: Option<PhaseAction>,

    /// Evaluate the checklist as of this date, without what is dated later [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub as_of: Option<Date>,
}

#[derive(Debug, Subcommand)]
pub enum PhaseAction {
    Set(SetArgs),
}

/// Move the project to another phase, recording why
///
/// Writes `decisions/<date>-<from>-to-<to>.toml` with the date, who decided,
/// the reason and the checklist of the phase being left as it is judged now
/// (each item's status, answer and data, and the commit it was judged at),
/// then changes `phase` in veikart.toml. Unfinished items are named, and
/// `checklist --check` counts them as unfinished while the phase is closed.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart phase set pilotering --reason \"Styringsgruppen godkjente piloten\"
  veikart phase set ny-praksis --reason \"I drift fra 1. september\" --by \"Kari Nordmann\" --date 2026-09-01")]
pub struct SetArgs {
    /// The phase to move to (id, alias or name)
    pub phase: String,

    /// Why (required)
    #[arg(long, value_name = "TEXT")]
    pub reason: String,

    /// Who decided [default: git's user.name, else $USER]
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,

    /// The date of the decision [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub date: Option<Date>,
}

pub fn cmd_phase(ctx: &mut Ctx, args: PhaseArgs) -> Result<u8> {
    match args.action {
        Some(PhaseAction::Set(a)) => set(ctx, a),
        None => show(ctx, args.as_of),
    }
}

#[derive(Serialize)]
struct PhaseJson<'a> {
    roadmap: &'a str,
    phase: PhaseRef,
    steps: Vec<&'a str>,
    checklist: ChecklistSummary,
    decisions: Vec<super::common::WithPath<'a, Decision>>,
}

fn show(ctx: &mut Ctx, as_of: Option<Date>) -> Result<u8> {
    let format = ctx.ui.format("phase")?;
    let (project, as_of) = ctx.open_on(as_of)?;
    let roadmap = project.roadmap()?;
    let current = project.info.phase.clone();
    if roadmap.phase(&current).is_none() {
        return Err(phase_not_in_roadmap(&project, &roadmap));
    }
    let report = crate::app::pass::read(&project, as_of)?;
    let eval = crate::app::checklist::evaluate_on(
        &project,
        &report,
        roadmap,
        std::slice::from_ref(&current),
    );
    let Some(p) = eval.phases.first() else {
        return Err(anyhow::anyhow!("internal error: the phase {current} vanished"));
    };
    let mut decisions: Vec<Decision> = project.load_all()?;
    decisions.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    let (position, of) = project.info.phase_position();
    if format == Format::Json {
        ctx.ui.json(&PhaseJson {
            roadmap: &eval.roadmap.id,
            phase: PhaseRef::of_project(&project, &eval.roadmap),
            steps: p.phase.steps.iter().map(|s| s.get()).collect(),
            checklist: ChecklistSummary::of(p),
            decisions: decisions
                .iter()
                .map(|d| super::common::with_path(&project, &DECISION_SPEC, &d.id, d))
                .collect(),
        })?;
        return Ok(SUCCESS);
    }
    let mut s = String::new();
    s.push_str(&ctx.ui.bold(&tr!(
        "Fase {position} av {of}: {} ({})",
        "Phase {position} of {of}: {} ({})",
        p.phase.name(),
        eval.roadmap.name()
    )));
    s.push('\n');
    s.push_str(&tr!("Steg:\n", "Steps:\n"));
    for (n, step) in p.phase.steps.iter().enumerate() {
        s.push_str(&format!("  {}. {}\n", n + 1, step.get()));
    }
    s.push_str(&tr!("Sjekkliste: {}\n", "Checklist: {}\n", progress(p)));
    for i in p.unfinished() {
        s.push_str(&format!("  [ ] {}  {}\n", i.item.id, checklist::status_label(&i.state.status)));
        s.push_str(&format!("      {}\n", i.item.text()));
        if let Some(o) = i.outcome.as_ref().filter(|o| !o.passed) {
            s.push_str(&format!("      data: {}\n", o.detail));
        }
    }
    if !decisions.is_empty() {
        s.push_str(&tr!("Fasebeslutninger:\n", "Phase decisions:\n"));
        for d in &decisions {
            s.push_str(&format!(
                "  {} {} → {}{}: {}\n",
                d.date.map(|x| x.to_string()).unwrap_or_default(),
                d.from,
                d.to,
                d.by.as_deref().map(|b| format!(" ({b})")).unwrap_or_default(),
                d.reason.replace('\n', " ")
            ));
        }
    }
    s.push_str(&tr!(
        "Se alle punktene med `veikart checklist`; bytt fase med `veikart phase set FASE --reason TEKST`.\n",
        "See every item with `veikart checklist`; change phase with `veikart phase set PHASE --reason TEXT`.\n"
    ));
    ctx.ui.out(&s)?;
    Ok(SUCCESS)
}

fn set(ctx: &mut Ctx, a: SetArgs) -> Result<u8> {
    let format = ctx.ui.format("phase set")?;
    // The phase it moves from is read under the lock, so ten at once record
    // ten true moves, one after another.
    let _lock = ctx.locate()?.lock()?;
    let project = ctx.open_to_repair()?;
    let roadmap = project.roadmap()?;
    let to = find_phase(&roadmap, &a.phase)?.id.clone();
    let from = project.info.phase.clone();
    if to == from {
        return Err(UserError::new(tr!(
            "prosjektet er allerede i fasen {to}",
            "the project is already in the phase {to}"
        ))
        .into());
    }
    let reason = check_text("--reason", &a.reason)?;
    if reason.is_empty() {
        return Err(UserError::new(tr!("--reason er tom", "--reason is empty"))
            .hint(tr!("skriv kort hvorfor fasen byttes", "say briefly why the phase changes"))
            .into());
    }
    let by = who(&project, a.by.as_deref())?;
    let date = today(a.date)?;
    let eval =
        crate::app::checklist::evaluate(&project, roadmap, std::slice::from_ref(&from), date)?;
    if let Some(s) = skipped_files(&eval) {
        ctx.ui.warn(&s);
    }
    let left = eval.phases.first();
    let open: Vec<String> =
        left.map(|p| p.unfinished().map(|i| i.item.id.clone()).collect()).unwrap_or_default();
    // Each unfinished item with its status, as the message names them.
    let named: Vec<String> = left
        .map(|p| {
            p.unfinished()
                .map(|i| format!("{} ({})", i.item.id, checklist::status_label(&i.state.status)))
                .collect()
        })
        .unwrap_or_default();
    let rows = left.map(crate::app::checklist::record_rows).unwrap_or_default();
    let judged_at = crate::store::git_head(&project.root);
    let roadmap = &eval.roadmap;
    let (pf, pt) = (roadmap.position(&from), roadmap.position(&to));

    let mut doc = DocumentMut::new();
    edit::set(&mut doc, "from", edit::text(&from));
    edit::set(&mut doc, "to", edit::text(&to));
    edit::set(&mut doc, "date", edit::date(date));
    edit::set(&mut doc, "by", edit::text(&by));
    edit::set(&mut doc, "reason", edit::text(&reason));
    if !open.is_empty() {
        edit::set(&mut doc, "open_items", edit::list(&open));
    }
    // The evaluation of the phase left, so the gate judges it as it was.
    if let Some(c) = &judged_at {
        edit::set(&mut doc, "judged_at", edit::text(c));
    }
    for row in rows {
        let entry = row.iter().map(|(k, v)| (*k, edit::value(v))).collect();
        if !edit::push_table(&mut doc, "item", entry) {
            return Err(anyhow::anyhow!("internal error: a new decision has no [[item]] tables"));
        }
    }
    // The decision and the phase change land together, or neither does.
    let id = project.batch(|| {
        let id = project.create(&DECISION_SPEC, &format!("{date} {from} to {to}"), &doc)?;
        project.edit_info(|info| {
            edit::set(info, "phase", edit::text(&to));
            Ok(())
        })?;
        Ok(id)
    })?;
    let name = |id: &str| roadmap.phase(id).map_or(id.to_string(), |p| p.name().to_string());
    let how = match (pf, pt) {
        (Some(f), Some(t)) if t < f => tr!("tilbake til", "back to"),
        (Some(f), Some(t)) if t > f + 1 => {
            let skipped = roadmap.phase_ids()[f + 1..t].join(", ");
            tr!("videre (og hopper over {skipped}) til", "on (skipping {skipped}) to")
        }
        _ => tr!("videre til", "on to"),
    };
    ctx.ui.status(&tr!(
        "Prosjektet går {how} {} (fra {}). Beslutningen står i {}.",
        "The project moves {how} {} (from {}). The decision is in {}.",
        name(&to),
        name(&from),
        project.shown_record(&DECISION_SPEC, &id)
    ));
    if !open.is_empty() {
        let items = crate::i18n::counted(open.len(), ("punkt", "punkter"), ("item", "items"));
        let (were, ferdige, it, det, uferdige) = if open.len() == 1 {
            ("was", "ferdig", "it", "det", "uferdig")
        } else {
            ("were", "ferdige", "them", "dem", "uferdige")
        };
        let mut text = tr!(
            "{items} i fasen {from} var ikke {ferdige}: {}",
            "{items} of the phase {from} {were} unfinished: {}",
            named.join(", ")
        );
        // Moving on closes the phase left; going back leaves it open.
        if matches!((pf, pt), (Some(f), Some(t)) if t > f) {
            text.push_str(&tr!(
                ". Beslutningen lagrer {det} som {uferdige}, og `veikart checklist --check` regner {det} som {uferdige} til fasen er åpnet og lukket igjen.",
                ". The decision records {it} as unfinished, and `veikart checklist --check` counts {it} as unfinished until the phase is opened and closed again."
            ));
        }
        ctx.ui.warn(&text);
    }
    if format == Format::Json {
        ctx.ui.json(&serde_json::json!({
            "from": from,
            "to": to,
            "decision": id,
            "path": project.shown_record(&DECISION_SPEC, &id),
            "open_items": open,
            "judged_at": judged_at,
        }))?;
    } else {
        ctx.ui.out(&format!("{to}\n"))?;
    }
    Ok(SUCCESS)
}
