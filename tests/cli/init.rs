//! `veikart init`, and how every other command finds its project: walking up
//! from the working folder like git, or `-C/--project DIR`.

use std::path::Path;

use crate::support::{Sandbox, TODAY, assert_same_tree, snapshot};

#[test]
fn init_creates_the_folder_and_writes_veikart_toml() {
    let sb = Sandbox::new();
    let run = sb
        .run(
            &sb.work,
            [
                "init",
                "legevakt",
                "--name",
                "Digital legevakt",
                "--municipality",
                "Fjordvik kommune",
                "--service",
                "Legevakt",
            ],
        )
        .success();
    assert!(run.stdout.is_empty(), "init prints its status on stderr, not stdout\n{run}");
    assert!(run.stderr.contains("Opprettet prosjektet «Digital legevakt»"), "{run}");

    let text = crate::support::read(&sb.work.join("legevakt/veikart.toml"));
    assert!(text.ends_with('\n') && !text.ends_with("\n\n"), "one trailing newline: {text:?}");
    let t: toml::Table = text.parse().expect("veikart.toml is TOML");
    assert_eq!(t["name"].as_str(), Some("Digital legevakt"));
    assert_eq!(t["municipality"].as_str(), Some("Fjordvik kommune"));
    assert_eq!(t["service"].as_str(), Some("Legevakt"));
    assert_eq!(t["lang"].as_str(), Some("nb"));
    assert_eq!(t["roadmap"].as_str(), Some("ks-2018"));
    assert_eq!(t["phase"].as_str(), Some("forankring"));
    // A native TOML date, not a quoted string (SPEC §2).
    assert_eq!(t["started"].as_datetime().map(ToString::to_string).as_deref(), Some(TODAY));

    // The new project checks clean straight away.
    sb.run(&sb.work.join("legevakt"), ["check"]).success();
}

#[test]
fn init_in_the_current_folder_by_default() {
    let sb = Sandbox::new();
    sb.run(&sb.work, ["init", "--name", "Her"]).success();
    assert!(sb.work.join("veikart.toml").is_file());
}

#[test]
fn init_refuses_an_existing_project_with_exit_2_and_changes_nothing() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.add_idea("Bedre skilting på legevakten", &[]);
    let before = snapshot(&sb.work);
    let (run, first) =
        sb.run(&sb.work, ["init", "prosjekt", "--name", "Et annet navn", "--lang", "en"]).failure();
    assert_same_tree(&before, &snapshot(&sb.work), &run);
    assert!(first.contains("veikart.toml"), "the error names the file: {first}");
    assert!(run.stdout.is_empty(), "{run}");
}

#[test]
fn init_refuses_an_empty_name_and_writes_nothing() {
    let sb = Sandbox::new();
    let (run, _) = sb.run(&sb.work, ["init", "prosjekt", "--name", "  "]).failure();
    assert!(snapshot(&sb.work).is_empty(), "nothing may be created\n{run}");
}

#[test]
fn init_with_lang_en_gives_an_english_project() {
    let sb = Sandbox::new();
    let run = sb.run(&sb.work, ["init", "p", "--name", "Digital clinic", "--lang", "en"]).success();
    assert!(run.stderr.contains("Created the project \"Digital clinic\""), "{run}");
    assert!(!run.stderr.contains("Opprettet"), "{run}");
    let root = sb.work.join("p");
    let t: toml::Table = crate::support::read(&root.join("veikart.toml")).parse().expect("TOML");
    assert_eq!(t["lang"].as_str(), Some("en"));

    // Later commands speak the project's language without being told.
    let run = sb.run(&root, ["idea", "add", "Better signs"]).success();
    assert!(run.stderr.contains("Added the idea \"Better signs\""), "{run}");
    let run = sb.run(&root, ["idea", "list"]).success();
    assert!(run.stdout.starts_with("ID"), "{run}");
    assert!(run.stdout.contains("TITLE") && run.stdout.contains("PRIORITY"), "{run}");
    assert!(!run.stdout.contains("TITTEL"), "{run}");
}

#[test]
fn init_defaults_to_bokmal_output() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let run = p.run(["idea", "add", "Bedre skilting"]).success();
    assert!(run.stderr.contains("La til idé «Bedre skilting»"), "{run}");
    let run = p.run(["idea", "list"]).success();
    assert!(run.stdout.contains("TITTEL") && run.stdout.contains("PRIORITET"), "{run}");
}

fn assert_no_project_above(dir: &Path) {
    for d in dir.ancestors() {
        assert!(
            !d.join("veikart.toml").exists(),
            "test precondition: {} holds a veikart.toml, so no folder below it is outside a project",
            d.display()
        );
    }
}

#[test]
fn every_command_outside_a_project_exits_2_and_says_how_to_start_one() {
    let sb = Sandbox::new();
    let empty = sb.work.join("tom");
    std::fs::create_dir(&empty).expect("mkdir");
    assert_no_project_above(&empty);
    let commands: &[&[&str]] = &[
        &["idea", "add", "Bedre skilting"],
        &["idea", "list"],
        &["idea", "show", "bedre"],
        &["idea", "assess", "bedre", "--feasibility", "3", "--benefit", "3"],
        &["idea", "set", "bedre", "--status", "prioritised"],
        &["status"],
        &["check"],
    ];
    for args in commands {
        let (run, first) = sb.run(&empty, *args).failure();
        assert!(first.contains("prosjekt"), "says there is no project: {first}\n{run}");
        assert!(run.stderr.contains("veikart init"), "says how to start one\n{run}");
        assert!(run.stdout.is_empty(), "{run}");
        assert!(snapshot(&empty).is_empty(), "nothing may be created\n{run}");
    }
}

#[test]
fn project_flag_uses_the_project_in_another_folder() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    // `work/` is the parent of the project, so only -C can find it.
    let run = sb.run(&sb.work, ["-C", "prosjekt", "idea", "add", "Kaffe på venterommet"]).success();
    assert_eq!(run.stdout, "kaffe-pa-venterommet\n");
    assert!(p.path("ideas/kaffe-pa-venterommet.toml").is_file());
    assert!(!sb.work.join("ideas").exists(), "nothing is written where the command ran");

    let run = sb.run(&sb.home, ["--project", p.root.to_str().expect("utf-8"), "idea", "list"]);
    let run = run.success();
    assert!(run.stdout.contains("kaffe-pa-venterommet"), "{run}");
}

#[test]
fn project_flag_on_a_folder_without_a_project_exits_2() {
    let sb = Sandbox::new();
    let _p = sb.init_project();
    let (run, first) =
        sb.run(&sb.work.join("prosjekt"), ["-C", "../finnes-ikke", "status"]).failure();
    assert!(first.contains("finnes-ikke"), "names the folder: {first}\n{run}");
    assert!(run.stderr.contains("veikart init"), "{run}");
}

#[test]
fn commands_find_the_project_by_walking_up_from_a_subfolder() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let deep = p.path("notater/workshop");
    std::fs::create_dir_all(&deep).expect("mkdir");

    let run = sb.run(&deep, ["idea", "add", "Felles venterom"]).success();
    assert_eq!(run.stdout, "felles-venterom\n");
    assert!(p.path("ideas/felles-venterom.toml").is_file(), "written at the project root");
    assert!(!deep.join("ideas").exists(), "nothing written in the subfolder");
    // Paths are shown relative to where the user stands.
    assert!(run.stderr.contains("../../ideas/felles-venterom.toml"), "{run}");

    let run = sb.run(&deep, ["idea", "list"]).success();
    assert!(run.stdout.contains("felles-venterom"), "{run}");
    sb.run(&deep, ["check"]).success();
}
