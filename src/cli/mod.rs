//! The command line: global options, the noun/verb tree, and dispatch. Each
//! noun has its own module with its argument structs and `cmd_*` functions,
//! which only turn arguments into calls on the store and the model.

mod activity;
mod benefit;
mod benefit_map;
mod check;
mod checklist;
mod common;
mod completions;
mod deviation;
mod diff;
mod economics;
mod help_nb;
mod history;
mod idea;
mod init;
mod journey;
mod man;
mod measure;
mod owner;
mod phase;
mod pilot;
mod plan_doc;
mod portfolio;

mod proposal;
mod raci;
mod record;
mod repair;
mod report;
mod roadmap;
mod role;
mod routine;
mod schema;
mod site;
mod status;
mod status_report;
mod supplier;
mod tech;
mod touchpoint;

use std::path::PathBuf;

use anyhow::Result;
use clap::{Command as ClapCommand, Parser, Subcommand};

use crate::error::UserError;
use crate::i18n::{self, Lang};
use crate::model::date::Date;
use crate::model::input;
use crate::model::schema::{EnumSpec, Field, FieldType, KindSpec};
use crate::output::ui::{ColorChoice, Format, Ui};
use crate::store::{Location, Project};
use crate::tr;

const ABOUT: &str = "Run a municipal service-innovation project as plain TOML files in git";

const LONG_ABOUT: &str = "\
Run a municipal service-innovation project the way the KS roadmap for service
innovation (Veikart for tjenesteinnovasjon) describes it: ideas, solution tests,
the service journey and its RACI matrix, the benefit plan and its measurements,
phase checklists, as plain TOML files in a git repository, one file per record,
checked by `veikart check`, gated in CI by `veikart checklist --check`, and
summed up by `veikart status` and `veikart report`.";

const EXAMPLES: &str = "\
Examples:
  veikart init legevakt --name \"Digital legevakt\" --municipality \"Fjordvik kommune\"
  cd legevakt && veikart idea add \"Bedre skilting på legevakten\" --source user
  veikart idea assess bedre-skilting --feasibility 5 --benefit 4
  veikart status
  veikart checklist
  veikart report --format html > rapport.html
  veikart check --format github";

/// veikart: the KS roadmap for service innovation, as plain TOML files in git.
#[derive(Debug, Parser)]
#[command(name = "veikart", version, about = ABOUT, long_about = LONG_ABOUT, after_help = EXAMPLES)]
#[command(propagate_version = true, max_term_width = 100)]
pub struct Cli {
    /// Use the project in DIR instead of searching upwards from here
    #[arg(
        short = 'C',
        long = "project",
        value_name = "DIR",
        value_hint = clap::ValueHint::DirPath,
        global = true,
        help_heading = "Global options"
    )]
    pub project: Option<PathBuf>,

    /// Output format: text, json, md, csv, html, dot, github, codequality or junit (each command says which it offers)
    #[arg(
        long,
        value_enum,
        value_name = "FMT",
        global = true,
        help_heading = "Global options",
        hide_possible_values = true
    )]
    pub format: Option<Format>,

    /// When to use colour
    #[arg(
        long,
        value_enum,
        value_name = "WHEN",
        default_value = "auto",
        global = true,
        help_heading = "Global options"
    )]
    pub color: ColorChoice,

    /// Language of the output: nb (Bokmål) or en; default: VEIKART_LANG, else the project's `lang`
    #[arg(long, value_name = "LANG", value_parser = lang_arg, global = true, help_heading = "Global options")]
    pub lang: Option<Lang>,

    /// Print only data, no status lines
    #[arg(short, long, global = true, help_heading = "Global options")]
    pub quiet: bool,

    /// Read the project as it was committed at REV (a commit, tag, branch, or a date: the last commit on or before it), from git, without a checkout
    #[arg(long, value_name = "REV", global = true, help_heading = "Global options")]
    pub at: Option<String>,

    #[command(subcommand)]
    pub command: Command,

    /// Whether `--lang` was typed on the command line (not taken from VEIKART_LANG).
    #[arg(skip)]
    pub lang_from_flag: bool,
}

impl Cli {
    /// Parse `std::env::args`, exiting with clap's message (exit 2) on a usage error.
    pub fn parse_args() -> Cli {
        use clap::FromArgMatches;
        // A shell asking what fits at a TAB gets its answer, and the run ends.
        completions::answer_if_asked();
        let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
        let lang = help_language(&args);
        // Value parsers word their errors in this language too.
        i18n::set(lang);
        let nb = lang == Lang::Nb;
        // Parse with the bare tree first: the help texts cost more to set up
        // than parsing does, and they change nothing about what parses.
        // Only help, the version and usage errors need them.
        let parsed = {
            use clap::CommandFactory;
            Cli::command().try_get_matches_from(&args)
        };
        let matches = match parsed.or_else(|_| command_for(lang).try_get_matches_from(&args)) {
            Ok(m) => m,
            Err(e) => {
                // Usage mistakes in our own words and the chosen language,
                // as one line and hints; help and version print as clap does.
                if let Some(text) = help_nb::usage_error(&e) {
                    use std::io::Write;
                    let text = crate::output::escape::terminal(&text, false);
                    let _ = std::io::stderr().write_all(text.as_bytes());
                    std::process::exit(2);
                }
                e.exit()
            }
        };
        let mut cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
        cli.lang_from_flag = cli.lang.is_some();
        if cli.lang.is_none() {
            // VEIKART_LANG when set and not empty (an empty one counts as unset).
            match std::env::var("VEIKART_LANG").ok().filter(|v| !v.trim().is_empty()) {
                None => {}
                Some(v) => match lang_arg(&v) {
                    Ok(lang) => cli.lang = Some(lang),
                    Err(why) => {
                        use std::io::Write;
                        let (error, hint) = if nb { ("feil", "tips") } else { ("error", "hint") };
                        let _ = writeln!(
                            std::io::stderr(),
                            "{error}: VEIKART_LANG: {why}\n  {hint}: {}",
                            tr!(
                                "sett VEIKART_LANG=nb eller VEIKART_LANG=en, eller fjern den",
                                "set VEIKART_LANG=nb or VEIKART_LANG=en, or unset it"
                            )
                        );
                        std::process::exit(2);
                    }
                },
            }
        }
        cli
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Init(init::InitArgs),
    #[command(subcommand)]
    Idea(idea::IdeaCommand),
    #[command(subcommand)]
    Role(role::RoleCommand),
    #[command(subcommand)]
    Journey(journey::JourneyCommand),
    #[command(subcommand)]
    Activity(activity::ActivityCommand),
    #[command(subcommand)]
    Raci(raci::RaciCommand),
    #[command(subcommand)]
    Routine(routine::RoutineCommand),
    #[command(subcommand)]
    Touchpoint(touchpoint::TouchpointCommand),
    #[command(subcommand)]
    Benefit(benefit::BenefitCommand),
    #[command(subcommand)]
    Indicator(record::Records<crate::model::indicator::Indicator>),
    #[command(subcommand)]
    Measure(measure::MeasureCommand),
    #[command(subcommand)]
    Deviation(deviation::DeviationCommand),
    #[command(subcommand)]
    Supplier(supplier::SupplierCommand),
    Owner(owner::OwnerArgs),
    // Issue 5
    #[command(subcommand)]
    Proposal(proposal::ProposalCommand),
    #[command(subcommand)]
    UserTest(record::Records<crate::model::proposal::UserTest>),
    #[command(subcommand)]
    Tech(tech::TechCommand),
    #[command(subcommand)]
    Goal(record::Noun<crate::model::goal::Goal>),
    #[command(subcommand)]
    Team(record::Noun<crate::model::team::Member>),
    #[command(subcommand)]
    Stakeholder(record::Noun<crate::model::stakeholder::Stakeholder>),
    #[command(subcommand)]
    Related(record::Noun<crate::model::related::Related>),
    #[command(subcommand)]
    Insight(record::Noun<crate::model::insight::Insight>),
    #[command(subcommand)]
    Pilot(pilot::PilotCommand),
    #[command(subcommand)]
    Log(record::Noun<crate::model::log::LogEntry>),
    Status(status::StatusArgs),
    #[command(subcommand)]
    StatusReport(status_report::StatusReportCommand),
    Report(report::ReportArgs),
    Site(site::SiteArgs),
    Portfolio(portfolio::PortfolioArgs),
    Phase(phase::PhaseArgs),
    Checklist(checklist::ChecklistArgs),
    #[command(subcommand)]
    Roadmap(roadmap::RoadmapCommand),
    Check(check::CheckArgs),
    Diff(diff::DiffArgs),
    History(history::HistoryArgs),
    Repair(repair::RepairArgs),
    Schema(schema::SchemaArgs),
    Completions(completions::CompletionsArgs),
    Man(man::ManArgs),
}

/// `--at REV`: from now on the store reads the project as it was committed
/// at REV, from git's objects.
fn at_revision(project: Option<&std::path::Path>, rev: &str) -> Result<()> {
    let loc = Location::find(project)?;
    crate::store::source::show(crate::store::git::snapshot(&loc.root, rev)?);
    Ok(())
}

/// The language for `--help`, decided before the arguments are parsed:
/// `--lang` on the command line, else `VEIKART_LANG`, else the `lang` of the
/// project in `-C DIR` or above the working folder, else Bokmål.
fn help_language(args: &[std::ffi::OsString]) -> Lang {
    let args: Vec<String> = args.iter().map(|a| a.to_string_lossy().into_owned()).collect();
    let value_of = |long: &str, short: Option<&str>| -> Option<String> {
        let mut it = args.iter().skip(1);
        while let Some(a) = it.next() {
            if a == "--" {
                break;
            }
            if a == long || short.is_some_and(|s| a == s) {
                return it.next().cloned();
            }
            if let Some(v) = a.strip_prefix(&format!("{long}=")) {
                return Some(v.to_string());
            }
            if let Some(s) = short
                && let Some(v) = a.strip_prefix(s)
                && !v.is_empty()
                && !a.starts_with("--")
            {
                return Some(v.to_string());
            }
        }
        None
    };
    if let Some(lang) = value_of("--lang", None).as_deref().and_then(Lang::parse) {
        return lang;
    }
    if let Some(lang) = std::env::var("VEIKART_LANG").ok().as_deref().and_then(Lang::parse) {
        return lang;
    }
    let dir = value_of("--project", Some("-C")).map(PathBuf::from);
    Location::find(dir.as_deref()).ok().and_then(|loc| loc.peek_lang()).unwrap_or_default()
}

/// What every command gets: the output handle and how to open the project.
pub struct Ctx {
    pub ui: Ui,
    /// `--at REV`, as typed.
    pub at: Option<String>,
    project: Option<PathBuf>,
    lang_forced: bool,
    /// The language typed as `--lang` (for `init`, which stores it).
    pub lang_flag: Option<Lang>,
}

impl Ctx {
    /// Find and open the project; its `lang` applies unless `--lang`/`VEIKART_LANG` said otherwise.
    pub fn open(&self) -> Result<Project> {
        let project = self.locate()?.open()?.with_today(today(None)?);
        if !self.lang_forced
            && let Some(lang) = project.info.lang.as_deref().and_then(Lang::parse)
        {
            i18n::set(lang);
        }
        Ok(project)
    }

    /// Like [`Ctx::open`], also while `veikart.toml` names a phase the
    /// roadmap does not have (for `phase set`, which repairs that).
    pub fn open_to_repair(&self) -> Result<Project> {
        let project = self.locate()?.open_to_repair()?.with_today(today(None)?);
        if !self.lang_forced
            && let Some(lang) = project.info.lang.as_deref().and_then(Lang::parse)
        {
            i18n::set(lang);
        }
        Ok(project)
    }

    /// "Today" for a reading command's `--as-of`. Given as a flag without
    /// `--at`, it also makes the project read as it stood on that day:
    /// records dated after it are left out, and the phase is the one the
    /// decisions made by then left (see [`crate::store::dated`]).
    pub fn as_of(&self, flag: Option<Date>) -> Result<Date> {
        let day = today(flag)?;
        if flag.is_some()
            && crate::store::source::shown_revision().is_none()
            && let Ok(loc) = self.locate()
        {
            crate::store::dated::show(&loc, day);
        }
        Ok(day)
    }

    /// [`Ctx::open`] after [`Ctx::as_of`]: the project as it stood on the day.
    pub fn open_on(&self, flag: Option<Date>) -> Result<(Project, Date)> {
        let day = self.as_of(flag)?;
        Ok((self.open()?, day))
    }

    pub fn lang_forced(&self) -> bool {
        self.lang_forced
    }

    pub fn locate(&self) -> Result<Location> {
        Location::find(self.project.as_deref())
    }

    /// The language `--help` is in for this run (see [`help_language`]),
    /// for what prints help texts without opening the project.
    pub fn help_lang(&self) -> Lang {
        if self.lang_forced {
            return i18n::current();
        }
        self.locate().ok().and_then(|loc| loc.peek_lang()).unwrap_or_else(i18n::current)
    }
}

/// The clap tree as `--help` shows it in `lang`: the Bokmål texts, each
/// command's formats, and the examples set so that clap never rewraps them.
pub(crate) fn command_for(lang: Lang) -> ClapCommand {
    use clap::CommandFactory;
    let mut cmd = Cli::command();
    if lang == Lang::Nb {
        cmd = help_nb::localize(cmd);
    } else {
        cmd.build();
    }
    finish_help(cmd, "", lang)
}

/// Whether a command runs by itself (a leaf, or one like `checklist` whose
/// subcommands are optional), rather than only naming a group.
fn runs_itself(cmd: &ClapCommand) -> bool {
    cmd.get_subcommands().next().is_none() || !cmd.is_subcommand_required_set()
}

/// `Formats: text, json (default: text)` for a command that prints data
/// ([`crate::output::formats::offered`]; the first is the default).
pub(crate) fn formats_line(cmd: &ClapCommand, path: &str, lang: Lang) -> Option<String> {
    if path.is_empty() || path.rsplit(' ').next() == Some("help") || !runs_itself(cmd) {
        return None;
    }
    let offered = crate::output::formats::offered(path);
    let default = offered.first()?;
    let names: Vec<&str> = offered.iter().map(|f| f.name()).collect();
    let names = names.join(", ");
    let default = default.name();
    Some(match lang {
        Lang::Nb => format!("Formater: {names} (standard: {default})"),
        Lang::En => format!("Formats: {names} (default: {default})"),
    })
}

/// Give `cmd` and every command under it what `--help` shows after the
/// arguments: the formats line, then the examples. clap rewraps
/// `after_help` to the terminal and would cut an example in the middle of
/// an argument, so both go into the help template as literal text, which
/// clap prints as it is; a terminal narrower than a line folds it without
/// adding a line break, so a copied example still runs. Arguments that take
/// a folder or a file also get a value hint, for the shells.
fn finish_help(mut cmd: ClapCommand, path: &str, lang: Lang) -> ClapCommand {
    // `mut_arg` moves the argument to the end, so every argument is taken
    // in turn to keep their order (and with it the positions of positionals).
    let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    for id in ids {
        cmd = cmd.mut_arg(&id, |a| match value_hint(&a) {
            Some(hint) if !a.is_global_set() => a.value_hint(hint),
            _ => a,
        });
    }
    let mut tail = Vec::new();
    tail.extend(formats_line(&cmd, path, lang));
    tail.extend(cmd.get_after_help().map(|a| a.to_string()));
    // A `{` would be read as a template tag; such a text stays where clap wraps it.
    let text = tail.join("\n\n");
    if !text.is_empty() && !text.contains('{') {
        let styles = cmd.get_styles().clone();
        let head = help_nb::template_head(&styles, lang);
        cmd = cmd.help_template(format!("{head}\n\n{}", headed(&styles, &text)));
    }
    let subs: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in subs {
        let sub_path = if path.is_empty() { name.clone() } else { format!("{path} {name}") };
        cmd = cmd.mut_subcommand(&name, |s| finish_help(s, &sub_path, lang));
    }
    cmd
}

/// Where a shell completes an argument's value as a folder or a file.
fn value_hint(arg: &clap::Arg) -> Option<clap::ValueHint> {
    let value = arg.get_value_names().and_then(|v| v.first()).map(|v| v.as_str());
    match value {
        Some("DIR") => Some(clap::ValueHint::DirPath),
        Some("FILE") => Some(clap::ValueHint::FilePath),
        _ => None,
    }
}

/// The text with each heading (`Examples:`, `Formats:` at the start of a
/// line) in clap's heading style.
fn headed(styles: &clap::builder::Styles, text: &str) -> String {
    let h = styles.get_header();
    let lines: Vec<String> = text
        .lines()
        .map(|line| match line.split_once(':') {
            Some((word, rest)) if !word.is_empty() && !word.contains(' ') => {
                format!("{}{word}:{}{rest}", h.render(), h.render_reset())
            }
            _ => line.to_string(),
        })
        .collect();
    lines.join("\n")
}

/// Run a parsed command line. Returns the exit code.
pub fn run(cli: Cli) -> Result<u8> {
    let lang_forced = cli.lang.is_some();
    i18n::set(cli.lang.unwrap_or_default());
    // The store says so on stderr when a writer waits for another, or
    // finishes a write that was cut short.
    let notices = Ui::new(cli.color, cli.format, cli.quiet);
    crate::store::lock::set_notice(Box::new(move |text| notices.status(text)));
    // `portfolio` reads each project of its folder at the revision itself.
    if let Some(rev) = &cli.at
        && !matches!(cli.command, Command::Portfolio(_))
    {
        at_revision(cli.project.as_deref(), rev)?;
    }
    let mut ctx = Ctx {
        at: cli.at.clone(),
        ui: Ui::new(cli.color, cli.format, cli.quiet),
        project: cli.project,
        lang_forced,
        lang_flag: if cli.lang_from_flag { cli.lang } else { None },
    };
    match cli.command {
        Command::Init(args) => init::cmd_init(&mut ctx, args),
        Command::Idea(cmd) => idea::run(&mut ctx, cmd),
        Command::Role(cmd) => role::run(&mut ctx, cmd),
        Command::Journey(cmd) => journey::run(&mut ctx, cmd),
        Command::Activity(cmd) => activity::run(&mut ctx, cmd),
        Command::Raci(cmd) => raci::run(&mut ctx, cmd),
        Command::Routine(cmd) => routine::run(&mut ctx, cmd),
        Command::Touchpoint(cmd) => touchpoint::run(&mut ctx, cmd),
        Command::Benefit(cmd) => benefit::run(&mut ctx, cmd),
        Command::Indicator(cmd) => record::run(&mut ctx, cmd),
        Command::Measure(cmd) => measure::run(&mut ctx, cmd),
        Command::Deviation(cmd) => deviation::run(&mut ctx, cmd),
        Command::Supplier(cmd) => supplier::run(&mut ctx, cmd),
        Command::Owner(args) => owner::cmd_owner(&mut ctx, args),
        // Issue 5
        Command::Proposal(cmd) => proposal::run(&mut ctx, cmd),
        Command::UserTest(cmd) => record::run(&mut ctx, cmd),
        Command::Tech(cmd) => tech::run(&mut ctx, cmd),
        Command::Goal(cmd) => record::run(&mut ctx, cmd),
        Command::Team(cmd) => record::run(&mut ctx, cmd),
        Command::Stakeholder(cmd) => record::run(&mut ctx, cmd),
        Command::Related(cmd) => record::run(&mut ctx, cmd),
        Command::Insight(cmd) => record::run(&mut ctx, cmd),
        Command::Pilot(cmd) => pilot::run(&mut ctx, cmd),
        Command::Log(cmd) => record::run(&mut ctx, cmd),
        Command::Status(args) => status::cmd_status(&mut ctx, args),
        Command::StatusReport(cmd) => status_report::run(&mut ctx, cmd),
        Command::Report(args) => report::cmd_report(&mut ctx, args),
        Command::Site(args) => site::cmd_site(&mut ctx, args),
        Command::Portfolio(args) => portfolio::cmd_portfolio(&mut ctx, args),
        Command::Phase(args) => phase::cmd_phase(&mut ctx, args),
        Command::Checklist(args) => checklist::cmd_checklist(&mut ctx, args),
        Command::Roadmap(cmd) => roadmap::run(&mut ctx, cmd),
        Command::Check(args) => check::cmd_check(&mut ctx, args),
        Command::Diff(args) => diff::cmd_diff(&mut ctx, args),
        Command::History(args) => history::cmd_history(&mut ctx, args),
        Command::Repair(args) => repair::cmd_repair(&mut ctx, args),
        Command::Schema(args) => schema::cmd_schema(&mut ctx, args),
        Command::Completions(args) => completions::cmd_completions(&mut ctx, args),
        Command::Man(args) => man::cmd_man(&mut ctx, args),
    }
}

/// "Today": the flag if given, else `VEIKART_TODAY`, else the local date.
pub fn today(flag: Option<Date>) -> Result<Date> {
    if let Some(d) = flag {
        return Ok(d);
    }
    if let Ok(s) = std::env::var("VEIKART_TODAY")
        && !s.trim().is_empty()
    {
        return Date::parse(&s).ok_or_else(|| {
            UserError::new(tr!(
                "VEIKART_TODAY={s} er ikke en dato (ÅÅÅÅ-MM-DD)",
                "VEIKART_TODAY={s} is not a date (YYYY-MM-DD)"
            ))
            .into()
        });
    }
    // The local calendar day (TZ, else the system's zone), so "today" in
    // Norway does not lag behind between midnight and 01:00 or 02:00.
    let now = jiff::ZonedDateTime::now().date();
    let month = u8::try_from(now.month()).unwrap_or(1);
    let day = u8::try_from(now.day()).unwrap_or(1);
    Date::new(i32::from(now.year()), month, day)
        .ok_or_else(|| anyhow::anyhow!("the system clock is out of range"))
}

/// The date of something that has happened (an action done, a review held):
/// `--date` if given, else today, and never after today.
pub fn happened(flag: Option<Date>) -> Result<Date> {
    let now = today(None)?;
    let date = flag.unwrap_or(now);
    if date > now {
        return Err(UserError::new(tr!(
            "--date {date} er etter i dag ({now}); dette kan bare registreres når det har skjedd",
            "--date {date} is after today ({now}); this can only be recorded once it has happened"
        ))
        .hint(tr!("utelat --date for å bruke dagens dato", "leave out --date to use today's date"))
        .into());
    }
    Ok(date)
}

fn lang_arg(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| {
        tr!(
            "«{s}» er ikke et språk veikart kan; bruk nb eller en",
            "`{s}` is not a language veikart speaks; use nb or en"
        )
    })
}

/// A count argument (`--top 10`).
pub fn count_arg(s: &str) -> Result<usize, String> {
    input::count(s)
}

/// A position in a numbered list (`deviation action done ID 2`).
pub fn position_arg(s: &str) -> Result<usize, String> {
    input::position(s)
}

/// A `YYYY-MM-DD` date argument.
pub fn date_arg(s: &str) -> Result<Date, String> {
    input::date(s)
}

/// The field at `path` of a kind (`score`, or `review.score` inside a table).
fn field_at(spec: &'static KindSpec, path: &str) -> &'static Field {
    let (top, sub) = match path.split_once('.') {
        Some((t, s)) => (t, Some(s)),
        None => (path, None),
    };
    let field = spec.fields.iter().find(|f| f.name == top);
    let field = match (field.map(|f| f.ty), sub) {
        (Some(FieldType::Tables(fields)), Some(s)) => fields.iter().find(|f| f.name == s),
        (_, None) => field,
        _ => None,
    };
    field.unwrap_or_else(|| panic!("{} has no field {path}", spec.dir))
}

/// A value parser for a whole-number field, with the bounds its kind
/// declares (`idea assess --feasibility` takes what `feasibility` in a file may hold).
pub fn int_arg(
    spec: &'static KindSpec,
    path: &'static str,
) -> impl Fn(&str) -> Result<i64, String> + Clone + Send + Sync + 'static {
    move |s: &str| match field_at(spec, path).ty {
        FieldType::Int { min, max } => input::int(s, min, max),
        FieldType::Year => input::year(s),
        _ => input::int(s, i64::MIN, i64::MAX),
    }
}

/// A value parser for a number field: an amount in NOK for a money field
/// (`1.200` refused as ambiguous, never negative), else a decimal number.
pub fn number_arg(
    spec: &'static KindSpec,
    path: &'static str,
) -> impl Fn(&str) -> Result<f64, String> + Clone + Send + Sync + 'static {
    move |s: &str| match field_at(spec, path).ty {
        FieldType::Money => input::money(s),
        _ => input::decimal(s),
    }
}

/// A value parser for an enum field: keys, labels and aliases, any case.
pub fn enum_arg(
    spec: &'static EnumSpec,
) -> impl Fn(&str) -> Result<String, String> + Clone + Send + Sync + 'static {
    move |s: &str| input::key(spec, s).map(str::to_string)
}

/// Refuse a title that is empty, multi-line or looks like a path.
pub fn check_title(title: &str) -> Result<String> {
    match crate::model::schema::title_problem(title) {
        Some(problem) => Err(UserError::new(problem)
            .hint(tr!(
                "en tittel er noen få ord på én linje, for eksempel «Bedre skilting på legevakten»",
                "a title is a few words on one line, for example \"Better signs at the emergency clinic\""
            ))
            .into()),
        None => Ok(title.trim().to_string()),
    }
}

/// Refuse a one-line value (a name, a municipality) that is empty or has
/// control characters or line breaks (the rule of [`input::line`]).
pub fn check_line(what: &str, text: &str) -> Result<String> {
    input::line(text).map_err(|m| UserError::new(format!("{what}: {m}")).into())
}

/// Like [`check_text`], for an option that must say something: an empty
/// `--gain ""` is refused rather than written as an empty value.
pub fn filled_text(what: &str, text: &str) -> Result<String> {
    input::text(text).map_err(|m| UserError::new(format!("{what}: {m}")).into())
}

/// Refuse free text with control characters other than line breaks and
/// tabs (the rule of [`input::text`]); an empty text is kept as empty.
pub fn check_text(what: &str, text: &str) -> Result<String> {
    if text.trim().is_empty() {
        return Ok(String::new());
    }
    filled_text(what, text)
}
