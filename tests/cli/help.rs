//! Every command's `--help` has a summary and examples, in English with
//! `--lang en` and in Bokmål by default. The command tree is discovered from
//! the help itself, so a new command is covered without touching this file.

use crate::support::{Run, Sandbox, subcommands};

/// Every command path (`[]`, `["idea"]`, `["idea", "add"]`, …).
fn all_commands(sb: &Sandbox) -> Vec<Vec<String>> {
    let mut todo = vec![Vec::<String>::new()];
    let mut all = Vec::new();
    while let Some(path) = todo.pop() {
        let mut args = vec!["--lang".to_string(), "en".to_string()];
        args.extend(path.iter().cloned());
        args.push("--help".into());
        let run = sb.run(&sb.work, &args).success();
        for sub in subcommands(&run.stdout, "Commands:") {
            let mut p = path.clone();
            p.push(sub);
            todo.push(p);
        }
        all.push(path);
    }
    all.sort();
    all
}

#[test]
fn every_command_help_exits_0_and_has_examples() {
    let sb = Sandbox::new();
    let all = all_commands(&sb);
    for must in [
        &["init"][..],
        &["idea"],
        &["idea", "add"],
        &["idea", "list"],
        &["idea", "show"],
        &["idea", "assess"],
        &["idea", "set"],
        &["status"],
        &["check"],
    ] {
        assert!(
            all.iter().any(|c| c == must),
            "`veikart {}` is in the help: {all:?}",
            must.join(" ")
        );
    }
    for path in &all {
        let mut args: Vec<&str> = vec!["--lang", "en"];
        args.extend(path.iter().map(String::as_str));
        args.push("--help");
        let run = sb.run(&sb.work, &args).success();
        assert!(run.stdout.contains("\nExamples:\n  veikart "), "English examples\n{run}");
        assert!(
            run.stdout.lines().next().is_some_and(|l| !l.trim().is_empty()),
            "a summary first\n{run}"
        );

        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let run = sb.run(&sb.work, &args).success();
        assert!(
            run.stdout.contains("\nEksempler:\n  veikart "),
            "Bokmål examples by default\n{run}"
        );
    }
}

#[test]
fn help_in_bokmal_has_no_english_left_over() {
    let sb = Sandbox::new();
    for path in all_commands(&sb) {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let run = sb.run(&sb.work, &args).success();
        for english in ["Print this message", "Print help", "Usage:", "Options:", "Commands:"] {
            assert!(!run.stdout.contains(english), "{english:?} is English\n{run}");
        }
    }
}

#[test]
fn short_help_also_works() {
    let sb = Sandbox::new();
    let run = sb.run(&sb.work, ["--lang", "en", "idea", "add", "-h"]).success();
    assert!(run.stdout.contains("Examples:"), "{run}");
}

#[test]
fn version_prints_the_crate_version() {
    let sb = Sandbox::new();
    let run = sb.run(&sb.work, ["--version"]).success();
    assert_eq!(run.stdout.trim(), format!("veikart {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn an_unknown_command_is_a_usage_error_with_exit_2() {
    let sb = Sandbox::new();
    let run = sb.run(&sb.work, ["idea", "fjern", "x"]).code(2);
    assert!(run.stderr.contains("fjern"), "{run}");
}

#[test]
fn usage_mistakes_are_explained_in_the_projects_language_with_exit_2() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let cases: &[(&[&str], &str)] = &[
        (&["idea", "ad", "x"], "feil: ukjent kommando «ad»"),
        (&["idea", "add"], "feil: mangler <TITLE>"),
        (&["idea", "list", "--stauts", "new"], "feil: ukjent valg «--stauts»"),
        (&["idea", "add", "x", "--source", "nope"], "«nope» er ikke en gyldig verdi"),
        (&["checklist", "--all", "innsikt"], "kan ikke brukes sammen med"),
    ];
    for (args, want) in cases {
        let run = p.run(args.iter());
        assert_eq!(run.code, 2, "{run}");
        assert!(run.stderr.starts_with("feil: "), "{run}");
        assert!(run.stderr.contains(want), "{want:?}\n{run}");
        assert!(run.stderr.contains("  tips: mer hjelp med --help"), "{run}");
        assert!(!run.stderr.contains("For more information"), "{run}");
    }
    let mut en = vec!["--lang", "en"];
    en.extend_from_slice(&["idea", "add", "x", "--source", "nope"]);
    let run = p.run(&en);
    assert_eq!(run.code, 2, "{run}");
    assert!(run.stderr.contains("`nope` is not a valid value; choose one of"), "{run}");
    // English usage mistakes read the same way: one line, then hints.
    for (args, want) in [
        (&["--lang", "en", "idea", "ad", "x"][..], "error: unknown command `ad`"),
        (&["--lang", "en", "idea", "add"][..], "error: missing <TITLE>"),
        (
            &["--lang", "en", "idea", "list", "--stauts", "new"][..],
            "error: unknown option `--stauts`",
        ),
    ] {
        let run = p.run(args);
        assert_eq!(run.code, 2, "{run}");
        assert!(run.stderr.starts_with(want), "{want:?}\n{run}");
        assert!(run.stderr.contains("  hint: more help with --help"), "{run}");
        assert!(!run.stderr.contains("For more information"), "{run}");
    }
}

#[test]
fn veikart_lang_picks_the_language_an_empty_one_is_unset_and_a_bad_one_is_refused() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let with = |value: &str, args: &[&str]| {
        let mut cmd = sb.command(&p.root, args);
        cmd.env("VEIKART_LANG", value);
        Run::from_output(format!("VEIKART_LANG={value} veikart {}", args.join(" ")), {
            cmd.output().expect("run veikart")
        })
    };
    let run = with("en", &["idea", "show", "nope"]).code(2);
    assert!(run.stderr.starts_with("error: "), "{run}");
    // Empty counts as unset: the project's language (Bokmål) applies.
    let run = with("", &["idea", "show", "nope"]).code(2);
    assert!(run.stderr.starts_with("feil: "), "{run}");
    let before = p.snapshot();
    let run = with("klingon", &["idea", "add", "x"]).code(2);
    assert!(run.stderr.starts_with("feil: VEIKART_LANG: «klingon» er ikke et språk"), "{run}");
    assert!(run.stderr.contains("VEIKART_LANG=nb"), "{run}");
    assert_eq!(before, p.snapshot(), "nothing written");
}
