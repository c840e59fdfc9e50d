//! Shell completion. `veikart completions SHELL` prints the script a shell
//! sources; with it, the shell asks the same binary what fits at each TAB
//! (`COMPLETE=bash veikart -- veikart idea show …`, clap_complete's dynamic
//! completion), and veikart answers from the clap tree, offering the ids of
//! the project's records (the file stems in their folders) and the phases of
//! its roadmap where an argument takes one. `--static` prints clap_complete's
//! fixed script instead, which never calls veikart and so knows no ids.

use std::ffi::OsString;
use std::path::PathBuf;

use anyhow::Result;
use clap::{Arg, Args, Command};
use clap_complete::engine::{ArgValueCandidates, CompletionCandidate};
use clap_complete::env::Shells;

use super::Ctx;
use crate::error::{SUCCESS, UserError};
use crate::i18n;
use crate::model::schema::{FieldType, KindSpec};
use crate::model::{KINDS, kind_of};
use crate::store::Location;
use crate::store::scan::{self, Found};
use crate::tr;

/// The variable that turns a run into an answer to the shell.
pub const VAR: &str = "COMPLETE";

/// Print a shell completion script for bash, zsh, fish, powershell or elvish
///
/// The script completes commands, options and their values, and the ids of
/// the project's records (`veikart idea show <TAB>`): at each TAB the shell
/// asks veikart, so it stays right after an upgrade when it is loaded anew at
/// shell start. With --static the script completes commands and options only
/// and never calls veikart, for packages that install a fixed file. The
/// setup line for each shell is in docs/cli.md.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart completions bash
  source <(veikart completions bash)
  source <(veikart completions zsh)
  veikart completions fish | source
  veikart completions bash --static > /usr/share/bash-completion/completions/veikart")]
pub struct CompletionsArgs {
    /// The shell to complete in
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,

    /// Print a fixed script that never calls veikart (commands and options, no ids)
    #[arg(long = "static")]
    pub static_script: bool,
}

pub fn cmd_completions(ctx: &mut Ctx, args: CompletionsArgs) -> Result<u8> {
    refuse_format(ctx, "completions")?;
    let mut buf = Vec::new();
    if args.static_script {
        let mut cmd = super::command_for(ctx.help_lang());
        clap_complete::generate(args.shell, &mut cmd, "veikart", &mut buf);
    } else {
        let name = args.shell.to_string();
        let shells = Shells::builtins();
        let shell = shells.completer(&name).ok_or_else(|| {
            UserError::new(tr!("kan ikke fullføre i {name}", "cannot complete in {name}"))
        })?;
        shell.write_registration(VAR, "veikart", "veikart", &completer(), &mut buf)?;
    }
    ctx.ui.out(&String::from_utf8_lossy(&buf))?;
    Ok(SUCCESS)
}

/// `completions` and `man` write scripts and roff, so no `--format` fits.
pub fn refuse_format(ctx: &Ctx, command: &str) -> Result<()> {
    if ctx.ui.format(command).is_err() {
        return Err(UserError::new(tr!(
            "`{command}` skriver ikke data og tar ikke --format",
            "`{command}` prints no data and takes no --format"
        ))
        .hint(tr!("utelat --format", "leave out --format"))
        .into());
    }
    Ok(())
}

/// The program the script calls back: the binary as it was started, made
/// absolute when it was started by a path (`./target/debug/veikart`), so
/// that the script works from any folder.
fn completer() -> String {
    let argv0 = std::env::args_os().next().map(PathBuf::from).unwrap_or_else(|| "veikart".into());
    let path = if argv0.components().count() > 1 {
        std::env::current_dir().map(|d| d.join(&argv0)).unwrap_or(argv0)
    } else {
        argv0
    };
    path.to_string_lossy().into_owned()
}

/// When the shell asks (`COMPLETE` is set), print what fits and exit;
/// otherwise return at once and let the run go on.
pub fn answer_if_asked() {
    clap_complete::CompleteEnv::with_factory(command).var(VAR).complete();
}

/// The command line being completed, as the shell passed it after `--`
/// (`veikart idea show bed`), program name first.
fn typed() -> Vec<OsString> {
    let args: Vec<OsString> = std::env::args_os().collect();
    match args.iter().position(|a| a == "--") {
        Some(i) => args[i + 1..].to_vec(),
        None => Vec::new(),
    }
}

/// The clap tree the shell is answered from: the help of the language the
/// typed line asks for, with the candidates attached.
fn command() -> Command {
    let lang = super::help_language(&typed());
    i18n::set(lang);
    with_candidates(super::command_for(lang), "")
}

/// The project `-C DIR`/`--project DIR` on the typed line points at.
fn typed_project() -> Option<PathBuf> {
    let words: Vec<String> = typed().iter().skip(1).map(|a| a.to_string_lossy().into()).collect();
    let mut found = None;
    let mut it = words.iter();
    while let Some(w) = it.next() {
        if w == "--" {
            break;
        }
        if w == "-C" || w == "--project" {
            found = it.next().map(PathBuf::from);
        } else if let Some(v) = w.strip_prefix("--project=") {
            found = Some(PathBuf::from(v));
        } else if let Some(v) = w.strip_prefix("-C")
            && !v.is_empty()
        {
            found = Some(PathBuf::from(v));
        }
    }
    found
}

/// What an argument names, for its candidates.
#[derive(Debug, Clone, Copy)]
enum Target {
    /// A record of this kind: the file stems in its folder.
    Records(&'static KindSpec),
    /// A phase of the project's roadmap.
    Phases,
}

impl Target {
    fn candidates(self) -> Vec<CompletionCandidate> {
        // The shell's working folder, as for any command; nothing when
        // there is no project (a TAB never prints an error).
        let Ok(loc) = Location::find(typed_project().as_deref()) else {
            return Vec::new();
        };
        match self {
            Target::Records(spec) => scan::kind(&loc, spec, None)
                .into_iter()
                .filter_map(|f| match f {
                    Found::Record { id, .. } => Some(CompletionCandidate::new(id)),
                    Found::Stray { .. } => None,
                })
                .collect(),
            Target::Phases => {
                let Ok(roadmap) = loc.open().and_then(|p| p.roadmap()) else {
                    return Vec::new();
                };
                roadmap
                    .phases
                    .iter()
                    .map(|p| {
                        let name = i18n::pick(&p.nb, &p.en);
                        let help = (!name.is_empty()).then(|| name.to_string().into());
                        CompletionCandidate::new(&p.id).help(help)
                    })
                    .collect()
            }
        }
    }
}

/// The kind a command manages: `pilot finding show` → pilot findings,
/// `idea show` → ideas (the first kind of a noun that has two).
fn own_kind(path: &str) -> Option<&'static KindSpec> {
    let words: Vec<&str> = path.split(' ').collect();
    (1..=words.len().min(2)).rev().find_map(|n| {
        let noun = words[..n].join(" ");
        KINDS.iter().map(|k| k.spec).find(|s| s.command == noun)
    })
}

/// What the argument `arg` of the command at `path` names, if anything.
fn target(path: &str, arg: &Arg) -> Option<Target> {
    if arg.is_global_set() || !arg.get_action().takes_values() {
        return None;
    }
    let id = arg.get_id().as_str();
    let value = arg.get_value_names().and_then(|v| v.first()).map(|v| v.as_str()).unwrap_or("");
    let own = own_kind(path);
    if id == "phase" {
        return Some(Target::Phases);
    }
    if id == "id" {
        return own.map(Target::Records);
    }
    // A field of the command's kind that holds the id of another record.
    if let Some(field) = own.and_then(|s| s.field(id))
        && let FieldType::Ref(dir) | FieldType::Refs(dir) = field.ty
    {
        return kind_of(dir).map(|k| Target::Records(k.spec));
    }
    // The hand-written arguments, by what they are called; the value name
    // tells a reference (`--benefit BENEFIT`) from a score (`--benefit 1-5`).
    let dir = match (id, value) {
        ("step" | "after", "STEP" | "ID") => "journey",
        ("activity" | "activities", "ACTIVITY" | "A" | "ID") => "activities",
        ("role" | "owner" | "responsible", "ROLE" | "ID") => "roles",
        ("indicator", "INDICATOR" | "ID") => "indicators",
        ("supplier", "SUPPLIER" | "ID") => "suppliers",
        ("benefit", "BENEFIT" | "ID") => "benefits",
        ("idea" | "ideas" | "related", "ID") => "ideas",
        ("proposal", "PROPOSAL" | "ID") => "proposals",
        _ => return None,
    };
    kind_of(dir).map(|k| Target::Records(k.spec))
}

/// `cmd` and every command under it, with candidates on the arguments that
/// name records.
fn with_candidates(mut cmd: Command, path: &str) -> Command {
    // `mut_arg` moves the argument to the end, so every argument is taken
    // in turn to keep their order (and with it the positions of positionals).
    let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    for id in ids {
        cmd = cmd.mut_arg(&id, |a| match target(path, &a) {
            Some(t) => a.add(ArgValueCandidates::new(move || t.candidates())),
            None => a,
        });
    }
    let subs: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in subs {
        let sub_path = if path.is_empty() { name.clone() } else { format!("{path} {name}") };
        cmd = cmd.mut_subcommand(&name, |s| with_candidates(s, &sub_path));
    }
    cmd
}

/// Every argument that gets candidates, as `path arg → folder` (for tests).
#[cfg(test)]
fn every_target() -> Vec<String> {
    fn walk(cmd: &Command, path: &str, out: &mut Vec<String>) {
        for a in cmd.get_arguments() {
            if let Some(t) = target(path, a) {
                let what = match t {
                    Target::Records(s) => s.dir,
                    Target::Phases => "<phases>",
                };
                out.push(format!("{path} {} → {what}", a.get_id()));
            }
        }
        for s in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            let p = format!("{path} {}", s.get_name());
            walk(s, p.trim(), out);
        }
    }
    let mut cmd = super::command_for(crate::i18n::Lang::En);
    cmd.build();
    let mut out = Vec::new();
    walk(&cmd, "", &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_offered_where_an_argument_names_a_record() {
        let all = every_target();
        for want in [
            "idea show id → ideas",
            "idea set related → ideas",
            "role rm id → roles",
            "pilot finding show id → pilot-findings",
            "raci set activity → activities",
            "raci set role → roles",
            "measure record indicator → indicators",
            "benefit plan benefit → benefits",
            "benefit plan responsible → roles",
            "deviation action add id → deviations",
            "supplier review supplier → suppliers",
            "proposal add ideas → ideas",
            "checklist phase → <phases>",
            "phase set phase → <phases>",
        ] {
            assert!(all.iter().any(|t| t == want), "{want} in\n{}", all.join("\n"));
        }
        for not in ["idea assess benefit", "benefit plan indicator", "tech add supplier"] {
            assert!(!all.iter().any(|t| t.starts_with(&format!("{not} "))), "{not}");
        }
    }
}
