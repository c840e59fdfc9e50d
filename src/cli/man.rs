//! `veikart man [DIR]`: one roff man page per command (`veikart.1`,
//! `veikart-idea.1`, `veikart-idea-add.1`, …), made by clap_mangen from the
//! same clap tree as `--help`.

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Args, Command, CommandFactory};

use super::Ctx;
use crate::error::{SUCCESS, UserError};
use crate::i18n::Lang;
use crate::store::fsutil::write_atomic;
use crate::tr;

/// Write one man page per command (veikart.1, veikart-idea.1, …) into DIR
///
/// DIR is made if it is missing; pages already there are replaced. The
/// pages are in English, as man pages usually are (`--help` speaks both
/// languages). Each file written is named on stderr, unless --quiet.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart man
  veikart man target/man && man -l target/man/veikart-idea-add.1
  veikart man /usr/local/share/man/man1")]
pub struct ManArgs {
    /// The folder to write the pages into, made if missing [default: the working folder]
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

pub fn cmd_man(ctx: &mut Ctx, args: ManArgs) -> Result<u8> {
    super::completions::refuse_format(ctx, "man")?;
    let here = args.dir.is_none();
    let dir = args.dir.unwrap_or_else(|| PathBuf::from("."));
    let shown_dir = dir.display().to_string();
    if dir.exists() && !dir.is_dir() {
        return Err(UserError::new(tr!(
            "{shown_dir} er en fil, ikke en mappe",
            "{shown_dir} is a file, not a folder"
        ))
        .hint(tr!(
            "gi mappen man-sidene skal skrives i: `veikart man MAPPE`",
            "name the folder for the man pages: `veikart man DIR`"
        ))
        .into());
    }
    std::fs::create_dir_all(&dir).with_context(|| {
        tr!("kunne ikke lage mappen {shown_dir}", "could not make the folder {shown_dir}")
    })?;
    for (name, page) in pages()? {
        let path = dir.join(&name);
        // In the working folder, the bare name (`veikart.1`, not `./veikart.1`).
        let shown = if here { name.clone() } else { path.display().to_string() };
        write_atomic(&path, &shown, &page)?;
        ctx.ui.status(&tr!("Skrev {shown}.", "Wrote {shown}."));
    }
    Ok(SUCCESS)
}

/// Every page, as (file name, roff), the root first.
fn pages() -> Result<Vec<(String, Vec<u8>)>> {
    let mut cmd = without_help_command(super::Cli::command());
    cmd.build();
    let mut out = Vec::new();
    collect(&cmd, "", &mut out)?;
    Ok(out)
}

/// clap's `help` subcommand is `--help` again; it gets no pages.
fn without_help_command(mut cmd: Command) -> Command {
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in names {
        cmd = cmd.mut_subcommand(&name, without_help_command);
    }
    cmd.disable_help_subcommand(true)
}

fn collect(cmd: &Command, path: &str, out: &mut Vec<(String, Vec<u8>)>) -> Result<()> {
    let mut page = cmd.clone();
    // The formats `--help` lists go on the page too, before the examples.
    if let Some(formats) = super::formats_line(cmd, path, Lang::En) {
        let after = page.get_after_help().map(|a| a.to_string());
        page = page.after_help(match after {
            Some(a) => format!("{formats}\n\n{a}"),
            None => formats,
        });
    }
    let man = clap_mangen::Man::new(page)
        .source(format!("veikart {}", env!("CARGO_PKG_VERSION")))
        .manual("veikart");
    let mut roff = Vec::new();
    man.render(&mut roff).context("could not render a man page")?;
    out.push((man.get_filename(), roff));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let sub_path = if path.is_empty() {
            sub.get_name().to_string()
        } else {
            format!("{path} {}", sub.get_name())
        };
        collect(sub, &sub_path, out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_page_per_command_named_by_its_path() {
        let pages = pages().expect("pages");
        let names: Vec<&str> = pages.iter().map(|(n, _)| n.as_str()).collect();
        for want in ["veikart.1", "veikart-idea.1", "veikart-idea-add.1", "veikart-man.1"] {
            assert!(names.contains(&want), "{want} in {names:?}");
        }
        assert!(!names.iter().any(|n| n.contains("-help")), "{names:?}");
        let (_, add) = pages.iter().find(|(n, _)| n == "veikart-idea-add.1").expect("idea add");
        let add = String::from_utf8_lossy(add);
        assert!(add.starts_with(".ie"), "roff: {add}");
        assert!(add.contains("veikart idea add"), "{add}");
        assert!(add.contains("Formats: text, json (default: text)"), "{add}");
    }
}
