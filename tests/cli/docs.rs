//! The docs are test input: every ```console block in README.md and docs/
//! runs against a copy of the example project, and what veikart prints must
//! be what the block shows. `VEIKART_BLESS=1 cargo test --test cli docs`
//! writes the real output back into the files (see CONTRIBUTING in README).
//!
//! A block's lines that start with `$ ` are commands, run by `sh` in the
//! project folder with the test binary as `veikart` and the date pinned to
//! 2026-11-23; the lines under a command are its standard output and error,
//! in the order printed. A line `...` (or `…`) stands for any number of lines, and
//! `[..]` inside a line for any text. The blocks of one file run in order on
//! one copy, so a later block sees what an earlier one wrote. A file that
//! holds `<!-- docs-test: empty -->` starts in an empty folder instead.
//!
//! A line `<!-- docs-test: SETUP -->` right above a block says what it
//! starts from: `example`, `project` (a new one), `empty`, `repo` (the folder
//! holding `examples/fjordvik-legevakt`), `write PATH` (the last ```toml block
//! above, written as PATH first) or `skip` (shown, not run: it needs what a
//! test cannot have, such as `man` or another project).

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{Sandbox, bin, copy_tree};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// One `$ command` and the lines shown under it.
struct Step {
    /// Line number of the command in the file (1-based).
    line: usize,
    command: String,
    expected: Vec<String>,
    /// Blank lines after the output in the file, kept when blessing.
    blanks: usize,
}

struct Block {
    steps: Vec<Step>,
    /// What the block starts from, from a `<!-- docs-test: … -->` line
    /// right above it: `example` (a fresh copy of the example project),
    /// `project` (a new project from `init`), `empty` (an empty folder), or
    /// none: go on from the block before.
    setup: Option<String>,
    /// Line numbers (0-based) of the block's first and last content line.
    start: usize,
    end: usize,
}

fn blocks(text: &str) -> Vec<Block> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim_end() != "```console" {
            i += 1;
            continue;
        }
        let start = i + 1;
        let mut end = start;
        while end < lines.len() && lines[end].trim_end() != "```" {
            end += 1;
        }
        let mut steps: Vec<Step> = Vec::new();
        let mut continued = false;
        for (n, l) in lines.iter().enumerate().take(end).skip(start) {
            if continued && let Some(s) = steps.last_mut() {
                // A command that ends in `\` goes on on the next line.
                s.command.push('\n');
                s.command.push_str(l);
                continued = l.ends_with('\\');
            } else if let Some(cmd) = l.strip_prefix("$ ") {
                steps.push(Step {
                    line: n + 1,
                    command: cmd.to_string(),
                    expected: Vec::new(),
                    blanks: 0,
                });
                continued = cmd.ends_with('\\');
            } else if let Some(s) = steps.last_mut() {
                s.expected.push(l.to_string());
            }
        }
        // Blank lines between commands separate them; they are not output.
        for s in &mut steps {
            while s.expected.last().is_some_and(|l| l.trim().is_empty()) {
                s.expected.pop();
                s.blanks += 1;
            }
        }
        let setup = lines[..i]
            .iter()
            .rev()
            .find(|l| !l.trim().is_empty())
            .and_then(|l| l.trim().strip_prefix("<!-- docs-test:"))
            .and_then(|l| l.strip_suffix("-->"))
            .map(|l| l.trim().to_string());
        out.push(Block { steps, setup, start, end });
        i = end + 1;
    }
    out
}

/// Whether `got` matches `want`, with `...` lines and `[..]` in lines.
fn matches(want: &[String], got: &[&str]) -> bool {
    match want.split_first() {
        None => got.is_empty(),
        Some((w, rest)) if matches!(w.trim(), "..." | "…") => {
            (0..=got.len()).any(|skip| matches(rest, &got[skip..]))
        }
        Some((w, rest)) => {
            got.split_first().is_some_and(|(g, grest)| line_matches(w, g) && matches(rest, grest))
        }
    }
}

fn line_matches(want: &str, got: &str) -> bool {
    let want = want.trim_end();
    let got = got.trim_end();
    let parts: Vec<&str> = want.split("[..]").collect();
    if parts.len() == 1 {
        return want == got;
    }
    let mut rest = got;
    for (n, part) in parts.iter().enumerate() {
        if n == 0 {
            match rest.strip_prefix(part) {
                Some(r) => rest = r,
                None => return false,
            }
        } else if n == parts.len() - 1 {
            return rest.ends_with(part);
        } else {
            match rest.find(part) {
                Some(at) => rest = &rest[at + part.len()..],
                None => return false,
            }
        }
    }
    true
}

/// Run one shell line in `cwd`; `cd DIR` lines move `cwd` instead.
fn shell(sb: &Sandbox, cwd: &mut PathBuf, last: &mut i32, command: &str) -> String {
    if let Some(dir) = command.strip_prefix("cd ") {
        *cwd = cwd.join(dir.trim());
        return String::new();
    }
    let bin_dir = Path::new(bin()).parent().expect("bin dir").to_path_buf();
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut paths = vec![bin_dir];
    paths.extend(std::env::split_paths(&path));
    // The hermetic environment of every test run, applied to `sh`.
    let env: Command = sb.command(cwd, Vec::<&str>::new());
    let mut sh = Command::new("sh");
    // `(exit N)` first, so `echo $?` shows the code of the command before.
    sh.arg("-c").arg(format!("exec 2>&1; (exit {last}); {command}")).current_dir(&*cwd);
    for (k, v) in env.get_envs() {
        match v {
            Some(v) => sh.env(k, v),
            None => sh.env_remove(k),
        };
    }
    sh.env("PATH", std::env::join_paths(paths).expect("PATH"));
    let out = sh.output().expect("run sh");
    *last = out.status.code().unwrap_or(-1);
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The markdown files whose console blocks run.
fn files() -> Vec<PathBuf> {
    let mut files = vec![root().join("README.md")];
    let mut docs: Vec<PathBuf> = fs::read_dir(root().join("docs"))
        .expect("docs/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    files.extend(docs);
    files
}

/// A new, empty folder inside `sb`.
fn empty_folder(sb: &Sandbox) -> PathBuf {
    let n = fs::read_dir(&sb.work).map(|d| d.count()).unwrap_or(0);
    let dir = sb.work.join(format!("tom-{n}"));
    fs::create_dir_all(&dir).expect("mkdir");
    dir
}

/// A new project, as the tour in the README makes it, inside `sb`.
fn new_project(sb: &Sandbox) -> PathBuf {
    let parent = empty_folder(sb);
    let args = ["init", "legevakt", "--name", "Trygg vei gjennom legevakten"];
    let extra = ["--municipality", "Fjordvik kommune", "--service", "Legevakt"];
    sb.run(&parent, [&args[..], &extra].concat()).success();
    parent.join("legevakt")
}

/// A fresh copy of the example project inside `sb`.
fn example_copy(sb: &Sandbox) -> PathBuf {
    let to = sb.work.join("examples/fjordvik-legevakt");
    copy_tree(&root().join("examples/fjordvik-legevakt"), &to);
    to
}

#[test]
fn every_console_example_in_the_docs_prints_what_it_shows() {
    let bless = std::env::var_os("VEIKART_BLESS").is_some();
    let mut failures = String::new();
    let mut ran = 0;
    for file in files() {
        let text = fs::read_to_string(&file).expect("read doc");
        let found = blocks(&text);
        if found.is_empty() {
            continue;
        }
        let sb = Sandbox::new();
        let mut cwd = if text.contains("<!-- docs-test: empty -->") {
            sb.work.clone()
        } else {
            example_copy(&sb)
        };
        let shown = file.strip_prefix(root()).unwrap_or(&file).display().to_string();
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        let mut last = 0;
        // Replace blocks from the end, so earlier line numbers stay right.
        let mut rewrites: Vec<(usize, usize, Vec<String>)> = Vec::new();
        for block in &found {
            match block.setup.as_deref() {
                Some("example") => {
                    let _ = fs::remove_dir_all(sb.work.join("examples"));
                    cwd = example_copy(&sb);
                }
                Some("project") => cwd = new_project(&sb),
                Some("empty") => cwd = empty_folder(&sb),
                Some("repo") => cwd = sb.work.clone(),
                Some("skip") => continue,
                Some(other) => {
                    // `write PATH`: the last ```toml block above, as the file PATH.
                    let path = other
                        .strip_prefix("write ")
                        .unwrap_or_else(|| panic!("{shown}: unknown docs-test setup `{other}`"));
                    let above = &lines[..block.start];
                    let open = above.iter().rposition(|l| l.trim_end() == "```toml");
                    let open = open.unwrap_or_else(|| panic!("{shown}: no ```toml above"));
                    let body: Vec<&str> = above[open + 1..]
                        .iter()
                        .take_while(|l| l.trim_end() != "```")
                        .map(String::as_str)
                        .collect();
                    fs::write(cwd.join(path), body.join("\n") + "\n").expect("write file");
                }
                None => {}
            }
            let mut new_body: Vec<String> = Vec::new();
            for step in &block.steps {
                ran += 1;
                let got = shell(&sb, &mut cwd, &mut last, &step.command);
                let got_lines: Vec<&str> = got.lines().collect();
                new_body.push(format!("$ {}", step.command));
                if matches(&step.expected, &got_lines) {
                    new_body.extend(step.expected.iter().cloned());
                } else {
                    new_body.extend(got_lines.iter().map(|l| l.trim_end().to_string()));
                    let _ = writeln!(
                        failures,
                        "{shown}:{}: `{}` printed\n{}\n--- but the doc shows ---\n{}\n",
                        step.line,
                        step.command,
                        got.trim_end(),
                        step.expected.join("\n")
                    );
                }
                new_body.extend(std::iter::repeat_n(String::new(), step.blanks));
            }
            rewrites.push((block.start, block.end, new_body));
        }
        if bless {
            for (start, end, body) in rewrites.into_iter().rev() {
                lines.splice(start..end, body);
            }
            let mut out = lines.join("\n");
            out.push('\n');
            if out != text {
                fs::write(&file, out).expect("bless doc");
            }
        }
    }
    assert!(ran > 20, "only {ran} console commands found in the docs");
    if !bless {
        assert!(
            failures.is_empty(),
            "{failures}\nIf the new output is right: VEIKART_BLESS=1 cargo test --test cli docs"
        );
    }
}

#[test]
fn the_readme_starts_with_the_two_commands_and_its_commands_run() {
    let readme = fs::read_to_string(root().join("README.md")).expect("README");
    let first_block: Vec<&str> = readme
        .split("```")
        .nth(1)
        .map(|b| b.lines().filter(|l| !l.trim().is_empty()).collect())
        .unwrap_or_default();
    assert_eq!(
        first_block,
        ["cargo run --release -- -C examples/fjordvik-legevakt status", "cargo test"],
        "the README starts with the two commands a newcomer runs"
    );
    // The first one, with the test binary standing in for `cargo run`.
    let sb = Sandbox::new();
    let example = root().join("examples/fjordvik-legevakt");
    let run = sb.run(&sb.work, ["-C", example.to_str().expect("UTF-8"), "status"]).success();
    assert!(run.stdout.contains("Trygg vei gjennom legevakten"), "{run}");

    // Every `veikart …` in the README's text from the tour's `init` on runs,
    // in order, in the project it made (the intro only names commands).
    let mut cwd = sb.work.clone();
    let mut count = 0;
    let spans = readme.split('`').skip(1).step_by(2);
    let from_init = spans.skip_while(|s| !s.starts_with("veikart init "));
    for span in from_init {
        let Some(args) = span.strip_prefix("veikart ") else { continue };
        // Placeholders (`ID`, `DIR`, `<…>`, `…`) are not meant to run.
        let placeholder = |w: &str| w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase());
        if args.contains('<')
            || args.contains("...")
            || args.contains('…')
            || args.split_whitespace().any(placeholder)
        {
            continue;
        }
        count += 1;
        let out = shell(&sb, &mut cwd, &mut 0, &format!("veikart {args}; echo \"exit=$?\""));
        let code = out.lines().last().unwrap_or_default().to_string();
        if code == "exit=2" && out.contains("<KOMMANDO>") {
            // `veikart role` names a group of commands; it prints their list.
            continue;
        }
        assert!(code == "exit=0" || code == "exit=1", "README: `veikart {args}` failed:\n{out}");
        if args.starts_with("init ")
            && let Some(dir) = args.split_whitespace().nth(1)
        {
            cwd = cwd.join(dir);
        }
    }
    assert!(count >= 5, "only {count} commands in the README");
}

#[cfg(test)]
mod harness {
    use super::*;

    #[test]
    fn wildcards_match_lines_and_text() {
        let want = |s: &[&str]| s.iter().map(|l| l.to_string()).collect::<Vec<_>>();
        assert!(matches(&want(&["a", "...", "d"]), &["a", "b", "c", "d"]));
        assert!(matches(&want(&["a", "..."]), &["a"]));
        assert!(!matches(&want(&["a", "d"]), &["a", "b", "d"]));
        assert!(line_matches("Skrev [..] filer.", "Skrev 12 filer."));
        assert!(!line_matches("Skrev [..] filer.", "Skrev 12 mapper."));
    }
}
