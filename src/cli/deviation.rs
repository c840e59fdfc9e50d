//! `veikart deviation …`: deviations (avvik) and their corrective actions.

use anyhow::Result;
use clap::{Args, Subcommand};

use super::{Ctx, check_line, check_text, check_title, common, date_arg, enum_arg, today};
use crate::error::{SUCCESS, UserError};
use crate::model::date::Date;
use crate::model::deviation::{self, Deviation, KIND, STATUS};
use crate::model::indicator;
use crate::model::role::{self, Role};
use crate::model::supplier;
use crate::output::ui::Format;
use crate::store::edit;
use crate::tr;

/// Record deviations (avvik) and correct them with actions
#[derive(Debug, Subcommand)]
#[command(after_help = "\
Examples:
  veikart deviation add \"Telefonkøen var over 20 minutter\" --kind tjenestefeil --date 2026-11-02
  veikart deviation action telefonkoen \"Sette inn ekstra sykepleier på kveldstid\" --owner legevaktsjef --due 2026-12-15
  veikart deviation close telefonkoen --note \"Køen er under 5 minutter igjen\"
  veikart deviation list")]
pub enum DeviationCommand {
    Add(AddArgs),
    Action(ActionArgs),
    Close(CloseArgs),
    List(ListArgs),
    Show(ShowArgs),
    Set(super::record::Set<crate::model::deviation::Deviation>),
    Rm(super::record::Rm<crate::model::deviation::Deviation>),
}

pub fn run(ctx: &mut Ctx, cmd: DeviationCommand) -> Result<u8> {
    match cmd {
        DeviationCommand::Add(a) => cmd_deviation_add(ctx, a),
        DeviationCommand::Action(a) => cmd_deviation_action(ctx, a),
        DeviationCommand::Close(a) => cmd_deviation_close(ctx, a),
        DeviationCommand::List(a) => cmd_deviation_list(ctx, a),
        DeviationCommand::Show(a) => cmd_deviation_show(ctx, a),
        DeviationCommand::Set(a) => super::record::run_set(ctx, a),
        DeviationCommand::Rm(a) => super::record::run_rm(ctx, a),
    }
}

/// Record a deviation and print its id
///
/// Kinds: service (a failure in the service), benefit (a benefit off plan),
/// supplier (a supplier not delivering) and process (a process not followed).
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart deviation add \"Telefonkøen var over 20 minutter\" --kind tjenestefeil
  veikart deviation add \"Ventetiden øker igjen\" --kind gevinstavvik --indicator ventetid --date 2026-11-02
  veikart deviation add \"Journalsystemet var nede i to timer\" --kind leverandør --supplier journalleverandoren")]
pub struct AddArgs {
    /// What went wrong, in a few words
    pub title: String,

    /// service, benefit, supplier or process (tjenestefeil, gevinstavvik, leverandør, prosess)
    #[arg(long, value_name = "KIND", value_parser = enum_arg(&KIND))]
    pub kind: Option<String>,

    /// The indicator it concerns (id or unique prefix)
    #[arg(long, value_name = "INDICATOR")]
    pub indicator: Option<String>,

    /// The supplier it concerns (id or unique prefix)
    #[arg(long, value_name = "SUPPLIER")]
    pub supplier: Option<String>,

    /// What happened
    #[arg(long, value_name = "TEXT")]
    pub description: Option<String>,

    /// When it was found [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub date: Option<Date>,
}

fn cmd_deviation_add(ctx: &mut Ctx, args: AddArgs) -> Result<u8> {
    let project = ctx.open()?;
    let title = check_title(&args.title)?;
    let ind =
        args.indicator.as_deref().map(|i| project.resolve(&indicator::SPEC, i)).transpose()?;
    let sup = args.supplier.as_deref().map(|s| project.resolve(&supplier::SPEC, s)).transpose()?;
    let description =
        args.description.as_deref().map(|d| check_text("--description", d)).transpose()?;
    let mut values = vec![("title", edit::text(&title))];
    if let Some(k) = &args.kind {
        values.push(("kind", edit::text(k)));
    }
    if let Some(i) = &ind {
        values.push(("indicator", edit::text(i)));
    }
    if let Some(s) = &sup {
        values.push(("supplier", edit::text(s)));
    }
    values.push(("date", edit::date(today(args.date)?)));
    values.push(("status", edit::text("open")));
    if let Some(d) = description.filter(|d| !d.is_empty()) {
        values.push(("description", edit::text(&d)));
    }
    common::add_record(ctx, &project, &deviation::SPEC, &title, values)?;
    Ok(SUCCESS)
}

/// Corrective actions: add one, mark one done, or change its due date, owner or text
///
/// `deviation action DEVIATION TEXT --owner ROLE --due DATE` adds an action
/// (short for `deviation action add`). Actions are numbered as `deviation
/// show` numbers them. An action that is done is never overdue.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
#[command(after_help = "\
Examples:
  veikart deviation action telefonkoen \"Sette inn ekstra sykepleier på kveldstid\" --owner legevaktsjef --due 2026-12-15
  veikart deviation action done telefonkoen 1 --note \"Ekstra vakt fra 1. desember\"
  veikart deviation action set telefonkoen 2 --due 2027-01-15")]
pub struct ActionArgs {
    #[command(subcommand)]
    pub verb: Option<ActionVerb>,

    #[command(flatten)]
    pub add: ActionAddArgs,
}

#[derive(Debug, Subcommand)]
pub enum ActionVerb {
    Add(ActionAddArgs),
    Done(ActionDoneArgs),
    Set(ActionSetArgs),
}

/// Add a corrective action, with an owner and a due date, to a deviation
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart deviation action add telefonkoen \"Sette inn ekstra sykepleier på kveldstid\" --owner legevaktsjef --due 2026-12-15")]
pub struct ActionAddArgs {
    /// The deviation (id or unique prefix)
    #[arg(required = true)]
    pub id: Option<String>,

    /// What will be done
    #[arg(required = true)]
    pub text: Option<String>,

    /// The role that does it (id or unique prefix)
    #[arg(long, value_name = "ROLE", required = true)]
    pub owner: Option<String>,

    /// When it should be done
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg, required = true)]
    pub due: Option<Date>,
}

/// Mark a corrective action as done
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart deviation action done telefonkoen 1
  veikart deviation action done telefonkoen 2 --date 2026-12-10 --note \"Ny vaktplan fra januar\"")]
pub struct ActionDoneArgs {
    /// The deviation (id or unique prefix)
    pub id: String,

    /// The action's number, as `deviation show` numbers them
    #[arg(value_name = "N", value_parser = super::position_arg, allow_hyphen_values = true)]
    pub n: usize,

    /// When it was done [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub date: Option<Date>,

    /// How it went
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

/// Change a corrective action's due date, owner or text
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart deviation action set telefonkoen 1 --due 2027-01-15
  veikart deviation action set telefonkoen 2 --owner sykepleier --text \"Lage ny vaktplan\"")]
pub struct ActionSetArgs {
    /// The deviation (id or unique prefix)
    pub id: String,

    /// The action's number, as `deviation show` numbers them
    #[arg(value_name = "N", value_parser = super::position_arg, allow_hyphen_values = true)]
    pub n: usize,

    /// A new due date
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub due: Option<Date>,

    /// A new owner (id or unique prefix of a role)
    #[arg(long, value_name = "ROLE")]
    pub owner: Option<String>,

    /// A new text
    #[arg(long, value_name = "TEXT")]
    pub text: Option<String>,
}

fn cmd_deviation_action(ctx: &mut Ctx, args: ActionArgs) -> Result<u8> {
    match args.verb {
        None => cmd_action_add(ctx, args.add),
        Some(ActionVerb::Add(a)) => cmd_action_add(ctx, a),
        Some(ActionVerb::Done(a)) => cmd_action_done(ctx, a),
        Some(ActionVerb::Set(a)) => cmd_action_set(ctx, a),
    }
}

fn cmd_action_add(ctx: &mut Ctx, args: ActionAddArgs) -> Result<u8> {
    ctx.ui.format("deviation action add")?;
    let (Some(wanted), Some(text), Some(owner), Some(due)) =
        (args.id, args.text, args.owner, args.due)
    else {
        return Err(UserError::new(tr!(
            "mangler avviket, teksten, --owner eller --due",
            "the deviation, the text, --owner or --due is missing"
        ))
        .into());
    };
    let project = ctx.open()?;
    let id = project.resolve(&deviation::SPEC, &wanted)?;
    let text = check_line(&tr!("tiltaket", "the action"), &text)?;
    let owner = project.resolve(&role::SPEC, &owner)?;
    let changed = project.edit::<Deviation>(&id, |d, doc| {
        if !d.is_open() {
            return Err(closed(&id));
        }
        let entry = vec![
            ("text", edit::text(&text)),
            ("owner", edit::text(&owner)),
            ("due", edit::date(due)),
        ];
        if edit::push_table(doc, "action", entry) {
            Ok(())
        } else {
            Err(common::not_table_array(&project.shown_record(&deviation::SPEC, &id), "action"))
        }
    })?;
    common::edited(ctx, &project, &deviation::SPEC, &id, &changed);
    Ok(SUCCESS)
}

/// The error for changing the actions of a closed deviation.
fn closed(id: &str) -> anyhow::Error {
    UserError::new(tr!("avviket «{id}» er lukket", "the deviation `{id}` is closed"))
        .hint(tr!(
            "meld et nytt avvik med `veikart deviation add` hvis problemet er tilbake",
            "record a new deviation with `veikart deviation add` if the problem is back"
        ))
        .into()
}

/// The error for an action number the deviation does not have.
fn no_action(d: &Deviation, n: usize) -> anyhow::Error {
    if d.actions.is_empty() {
        return UserError::new(tr!(
            "avviket «{}» har ingen tiltak ennå",
            "the deviation `{}` has no actions yet",
            d.id
        ))
        .hint(tr!(
            "legg til et med `veikart deviation action {} TEKST --owner ROLLE --due DATO`",
            "add one with `veikart deviation action {} TEXT --owner ROLE --due DATE`",
            d.id
        ))
        .into();
    }
    let count = crate::i18n::counted(d.actions.len(), ("tiltak", "tiltak"), ("action", "actions"));
    UserError::new(tr!(
        "avviket «{}» har ikke noe tiltak nummer {n} (det har {count})",
        "the deviation `{}` has no action number {n} (it has {count})",
        d.id
    ))
    .hint(tr!(
        "se tiltakene med numrene sine med `veikart deviation show {}`",
        "see the actions with their numbers with `veikart deviation show {}`",
        d.id
    ))
    .into()
}

fn cmd_action_done(ctx: &mut Ctx, args: ActionDoneArgs) -> Result<u8> {
    ctx.ui.format("deviation action done")?;
    let project = ctx.open()?;
    let id = project.resolve(&deviation::SPEC, &args.id)?;
    let date = super::happened(args.date)?;
    let note =
        args.note.as_deref().map(crate::model::input::text).transpose().map_err(UserError::new)?;
    let n = args.n;
    let changed = project.edit::<Deviation>(&id, |d, doc| {
        let Some(action) = n.checked_sub(1).and_then(|i| d.actions.get(i)) else {
            return Err(no_action(d, n));
        };
        if let Some(done) = action.done {
            return Err(UserError::new(tr!(
                "tiltak {n} på «{id}» ble gjort {done} allerede",
                "action {n} of `{id}` was already done on {done}"
            ))
            .hint(tr!(
                "er datoen feil, rett `done` i tiltaket i filen",
                "if the date is wrong, correct `done` in the action in the file"
            ))
            .into());
        }
        let mut values = vec![("done", Some(edit::date(date)))];
        if let Some(t) = &note {
            values.push(("note", Some(edit::text(t))));
        }
        set_in_action(&project, &id, doc, n, &values)
    })?;
    common::edited(ctx, &project, &deviation::SPEC, &id, &changed);
    Ok(SUCCESS)
}

/// Write `values` into action `n` of the deviation `id`.
fn set_in_action(
    project: &crate::store::Project,
    id: &str,
    doc: &mut toml_edit::DocumentMut,
    n: usize,
    values: &[(&str, Option<toml_edit::Value>)],
) -> Result<()> {
    if edit::set_in_row(doc, "action", n, values) {
        Ok(())
    } else {
        Err(common::not_table_array(&project.shown_record(&deviation::SPEC, id), "action"))
    }
}

fn cmd_action_set(ctx: &mut Ctx, args: ActionSetArgs) -> Result<u8> {
    ctx.ui.format("deviation action set")?;
    if args.due.is_none() && args.owner.is_none() && args.text.is_none() {
        return Err(UserError::new(tr!("ingenting å endre", "nothing to change"))
            .hint(tr!(
                "gi minst én av --due, --owner, --text",
                "give at least one of --due, --owner, --text"
            ))
            .into());
    }
    let project = ctx.open()?;
    let id = project.resolve(&deviation::SPEC, &args.id)?;
    let owner = args.owner.as_deref().map(|o| project.resolve(&role::SPEC, o)).transpose()?;
    let text = args.text.as_deref().map(|t| check_line("--text", t)).transpose()?;
    let n = args.n;
    let changed = project.edit::<Deviation>(&id, |d, doc| {
        if n.checked_sub(1).and_then(|i| d.actions.get(i)).is_none() {
            return Err(no_action(d, n));
        }
        if !d.is_open() {
            return Err(closed(&id));
        }
        let mut values = Vec::new();
        if let Some(due) = args.due {
            values.push(("due", Some(edit::date(due))));
        }
        if let Some(o) = &owner {
            values.push(("owner", Some(edit::text(o))));
        }
        if let Some(t) = &text {
            values.push(("text", Some(edit::text(t))));
        }
        set_in_action(&project, &id, doc, n, &values)
    })?;
    common::edited(ctx, &project, &deviation::SPEC, &id, &changed);
    Ok(SUCCESS)
}

/// Close a deviation, saying how it was resolved
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart deviation close telefonkoen --note \"Køen er under 5 minutter igjen\"
  veikart deviation close telefonkoen --note \"Løst med ny vaktplan\" --date 2027-01-10")]
pub struct CloseArgs {
    /// The deviation (id or unique prefix)
    pub id: String,

    /// How it was resolved
    #[arg(long, value_name = "TEXT")]
    pub note: String,

    /// When it was closed [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub date: Option<Date>,
}

fn cmd_deviation_close(ctx: &mut Ctx, args: CloseArgs) -> Result<u8> {
    ctx.ui.format("deviation close")?;
    let project = ctx.open()?;
    let id = project.resolve(&deviation::SPEC, &args.id)?;
    let note = check_text("--note", &args.note)?;
    if note.is_empty() {
        return Err(UserError::new(tr!("--note er tom", "--note is empty"))
            .hint(tr!("skriv kort hvordan avviket ble løst", "say briefly how it was resolved"))
            .into());
    }
    let date = super::happened(args.date)?;
    let changed = project.edit::<Deviation>(&id, |d, doc| {
        if !d.is_open() {
            return Err(UserError::new(tr!(
                "avviket «{id}» er allerede lukket{}",
                "the deviation `{id}` is already closed{}",
                d.closed.map(|c| format!(" ({c})")).unwrap_or_default()
            ))
            .hint(tr!(
                "meld et nytt avvik med `veikart deviation add` hvis problemet er tilbake",
                "record a new deviation with `veikart deviation add` if the problem is back"
            ))
            .into());
        }
        edit::set(doc, "status", edit::text("closed"));
        edit::set(doc, "closed", edit::date(date));
        edit::set(doc, "close_note", edit::text(&note));
        Ok(())
    })?;
    common::edited(ctx, &project, &deviation::SPEC, &id, &changed);
    Ok(SUCCESS)
}

/// List deviations, open ones first, with their actions
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart deviation list
  veikart deviation list --open
  veikart deviation list --format json")]
pub struct ListArgs {
    /// Only open deviations
    #[arg(long)]
    pub open: bool,

    /// Judge due dates as of this date, without what is dated later [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub as_of: Option<Date>,
}

fn cmd_deviation_list(ctx: &mut Ctx, args: ListArgs) -> Result<u8> {
    let format = ctx.ui.format("deviation list")?;
    let (project, as_of) = ctx.open_on(args.as_of)?;
    let mut devs: Vec<Deviation> = project.load_all()?;
    if args.open {
        devs.retain(Deviation::is_open);
    }
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
        return common::json_list(ctx, "deviations", &items);
    }
    if devs.is_empty() {
        ctx.ui.status(&if args.open {
            tr!("Ingen åpne avvik.", "No open deviations.")
        } else {
            tr!(
                "Ingen avvik ennå. Meld et med `veikart deviation add TITTEL`.",
                "No deviations yet. Record one with `veikart deviation add TITLE`."
            )
        });
        return Ok(SUCCESS);
    }
    let headers = vec![
        "ID".to_string(),
        tr!("AVVIK", "DEVIATION"),
        tr!("TYPE", "KIND"),
        tr!("DATO", "DATE"),
        "STATUS".to_string(),
        tr!("TILTAK", "ACTIONS"),
    ];
    let rows = devs
        .iter()
        .map(|d| {
            let late = d.overdue(as_of).len();
            let actions = if late > 0 {
                tr!("{} ({late} forfalt)", "{} ({late} overdue)", d.actions.len())
            } else {
                d.actions.len().to_string()
            };
            vec![
                d.id.clone(),
                d.title.clone(),
                d.kind.as_deref().map_or_else(|| "–".to_string(), |k| KIND.label(k).to_string()),
                common::dash(d.date),
                STATUS.label(&d.status).to_string(),
                actions,
            ]
        })
        .collect();
    let table = ctx.ui.table(&headers, rows);
    ctx.ui.out(&table)?;
    Ok(SUCCESS)
}

/// Show one deviation with its actions
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart deviation show telefonkoen
  veikart deviation show telefonkoen --format json")]
pub struct ShowArgs {
    /// The deviation (id or unique prefix)
    pub id: String,

    /// Judge due dates as of this date, without what is dated later [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub as_of: Option<Date>,
}

fn cmd_deviation_show(ctx: &mut Ctx, args: ShowArgs) -> Result<u8> {
    let format = ctx.ui.format("deviation show")?;
    let (project, as_of) = ctx.open_on(args.as_of)?;
    let id = project.resolve(&deviation::SPEC, &args.id)?;
    let d: Deviation = project.load(&id)?;
    if format == Format::Json {
        ctx.ui.json(&serde_json::json!({
            "deviation": common::record_json(
                &project,
                &deviation::SPEC,
                &d.id,
                &d,
                serde_json::json!({
                    "overdue_actions": d.overdue(as_of).len(),
                    "overdue_action_numbers":
                        d.overdue(as_of).iter().map(|(n, _)| *n).collect::<Vec<_>>(),
                }),
            ),
        }))?;
        return Ok(SUCCESS);
    }
    let roles: Vec<Role> = project.load_all()?;
    let role_name =
        |r: &str| roles.iter().find(|x| x.id == r).map_or(r.to_string(), |x| x.name.clone());
    let mut rows: Vec<(String, String)> = vec![
        (tr!("Tittel", "Title"), d.title.clone()),
        ("Status".into(), STATUS.label(&d.status).to_string()),
    ];
    if let Some(k) = &d.kind {
        rows.push((tr!("Type", "Kind"), KIND.label(k).to_string()));
    }
    rows.push((tr!("Funnet", "Found"), common::dash(d.date)));
    // The names too, when the records can be read (`check` reports the rest).
    if let Some(i) = &d.indicator {
        let name = project.load::<indicator::Indicator>(i).ok().map(|x| x.name);
        rows.push((tr!("Indikator", "Indicator"), with_name(i, name)));
    }
    if let Some(s) = &d.supplier {
        let name = project.load::<supplier::Supplier>(s).ok().map(|x| x.name);
        rows.push((tr!("Leverandør", "Supplier"), with_name(s, name)));
    }
    if let Some(t) = &d.description {
        rows.push((tr!("Beskrivelse", "Description"), t.clone()));
    }
    let late: Vec<usize> = d.overdue(as_of).iter().map(|(n, _)| *n).collect();
    let actions: Vec<String> = d
        .actions
        .iter()
        .enumerate()
        .map(|(n, a)| {
            let due = common::dash(a.due);
            let mark = match a.done {
                Some(done) => match &a.note {
                    Some(note) => tr!(" (gjort {done}: {note})", " (done {done}: {note})"),
                    None => tr!(" (gjort {done})", " (done {done})"),
                },
                None if late.contains(&(n + 1)) => tr!(" (forfalt)", " (overdue)"),
                None => String::new(),
            };
            tr!(
                "{}. {} – {}, innen {due}{mark}",
                "{}. {} – {}, due {due}{mark}",
                n + 1,
                a.text,
                role_name(&a.owner)
            )
        })
        .collect();
    rows.push((
        tr!("Tiltak", "Actions"),
        if actions.is_empty() { tr!("ingen ennå", "none yet") } else { actions.join("\n") },
    ));
    if let Some(c) = d.closed {
        rows.push((tr!("Lukket", "Closed"), c.to_string()));
    }
    if let Some(n) = &d.close_note {
        rows.push((tr!("Løsning", "Resolution"), n.clone()));
    }
    let block =
        common::record_block(ctx, &d.id, &project.shown_record(&deviation::SPEC, &d.id), &rows);
    ctx.ui.out(&block)?;
    Ok(SUCCESS)
}

/// `id (Name)`, or the id alone when there is no name.
fn with_name(id: &str, name: Option<String>) -> String {
    name.map_or_else(|| id.to_string(), |n| format!("{id} ({n})"))
}
