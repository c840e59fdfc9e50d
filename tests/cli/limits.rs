//! Limits and positions (issue 14): every rule the command line holds a text
//! to (length, characters, paths) `check` holds the files to as well, in
//! the same words and at the value's line and column; every file-level
//! problem carries a position where the file has one; nothing in a record
//! folder is passed over without a word.

use std::fs;

use crate::support::{Sandbox, assert_refused, assert_same_tree, idea_text, snapshot};

/// One diagnostic of `check`: path, line, column, code, message.
type Found = (String, u64, u64, String, String);

/// `check --format json --lang en` in the project: its exit code and its
/// diagnostics.
fn diagnostics(p: &crate::support::Project) -> (i32, Vec<Found>) {
    let run = p.run(["check", "--format", "json", "--lang", "en"]);
    let v = run.json();
    let list = v["diagnostics"].as_array().cloned().unwrap_or_default();
    let out = list
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64().unwrap_or_default(),
                d["column"].as_u64().unwrap_or_default(),
                d["code"].as_str().unwrap_or_default().to_string(),
                d["message"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    (run.code, out)
}

#[test]
fn a_title_too_long_for_the_command_line_fails_check_at_its_value() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let long = "a".repeat(10_000);
    // The command line refuses it …
    let (_, first) = p.run(["--lang", "en", "idea", "add", &long]).failure();
    assert!(first.contains("the title is too long (over 200 characters)"), "{first}");
    // … and so does check, in a file, at the value.
    p.write("ideas/lang.toml", &format!("# En lang tittel\n{}", idea_text(&long)));
    let (code, found) = diagnostics(&p);
    assert_eq!(code, 1, "{found:?}");
    assert!(
        found.iter().any(|(path, line, col, code, msg)| path == "ideas/lang.toml"
            && (*line, *col) == (2, 9)
            && code == "too-long"
            && msg.contains("is too long (over 200 characters)")),
        "{found:?}"
    );
    // A write to the record is refused while the title is too long.
    let before = snapshot(&p.root);
    let run = p.run(["idea", "assess", "lang", "--feasibility", "3", "--benefit", "3"]).code(2);
    assert!(run.stderr.contains("ideas/lang.toml:2:9:"), "{run}");
    assert!(run.stderr.contains("for lang (over 200 tegn)"), "{run}");
    assert_same_tree(&before, &snapshot(&p.root), &run);
}

#[test]
fn every_text_rule_of_the_command_line_holds_in_files_too() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.write("ideas/sti.toml", &idea_text("../../etc/passwd"));
    p.write(
        "ideas/kontroll.toml",
        &format!("{}description = \"Ring\\u0007 oss\"\n", idea_text("Kontrolltegn")),
    );
    p.write(
        "ideas/merker.toml",
        &format!("{}tags = [\"skilt\", \"\", \"a\\tb\"]\n", idea_text("Merker")),
    );
    p.write(
        "veikart.toml",
        &p.read("veikart.toml").replace("Digital legevakt", &"Legevakt ".repeat(30)),
    );
    let (code, found) = diagnostics(&p);
    assert_eq!(code, 1, "{found:?}");
    let at = |path: &str, code: &str| {
        found
            .iter()
            .find(|d| d.0 == path && d.3 == code)
            .map(|d| (d.1, d.2, d.4.clone()))
            .unwrap_or_else(|| panic!("no {code} in {path}: {found:?}"))
    };
    let (line, col, msg) = at("ideas/sti.toml", "path-like");
    assert_eq!((line, col), (1, 9));
    assert!(msg.contains("`title` `../../etc/passwd` looks like a file path"), "{msg}");
    let (line, col, msg) = at("ideas/kontroll.toml", "control-character");
    assert_eq!((line, col), (4, 15));
    assert_eq!(msg, "`description` has control characters");
    // Each bad entry of a list of one-line texts, at the entry.
    let tags: Vec<_> = found.iter().filter(|d| d.0 == "ideas/merker.toml").collect();
    assert_eq!(tags.len(), 2, "{tags:?}");
    assert_eq!((tags[0].1, tags[0].2, tags[0].3.as_str()), (4, 18, "empty"));
    assert_eq!(tags[0].4, "`tags[2]` is empty");
    assert_eq!((tags[1].1, tags[1].2, tags[1].3.as_str()), (4, 22, "control-character"));
    // The project's name is held to the rules of `init --name`.
    let (line, _, msg) = at("veikart.toml", "too-long");
    assert_eq!(
        line,
        1 + p.read("veikart.toml").lines().position(|l| l.starts_with("name")).unwrap_or(0) as u64
    );
    assert!(msg.starts_with("`name` is too long"), "{msg}");
}

#[test]
fn a_hidden_separator_at_the_end_of_a_value_is_refused_not_trimmed() {
    let sb = Sandbox::new();
    for extra in [
        ["--service", "Legevakt\u{2028}"],
        ["--municipality", "Fjordvik\u{2029}"],
        ["--problem", "Lang ventetid\u{2028}"],
    ] {
        let before = snapshot(&sb.work);
        let args = [&["init", "prosjekt", "--name", "Legevakt"][..], &extra].concat();
        let (run, first) = sb.run(&sb.work, &args).failure();
        assert!(first.contains("usynlig tegn (U+202"), "{extra:?}: {run}");
        assert_same_tree(&before, &snapshot(&sb.work), &run);
        assert!(!sb.work.join("prosjekt").exists(), "{run}");
    }
    let p = sb.init_project();
    let id = p.add_idea("Skilting", &[]);
    assert_refused(
        &p,
        &sb.work,
        &["idea", "set", &id, "--description", "Skilt\u{2029}"],
        &["usynlig tegn (U+2029)"],
    );
    let (_, first) = sb.run(&sb.work, ["init", "annet", "--name", "Legevakt\u{2028}"]).failure();
    assert!(first.contains("usynlig tegn (U+2028)"), "{first}");
}

#[test]
fn check_reports_every_bad_entry_of_a_raci_table() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.write("roles/lege.toml", "name = \"Lege\"\n");
    p.write(
        "activities/ringe.toml",
        "title = \"Ringe pasienten\"\nstep = \"ringe\"\n\n[raci]\nSykepleier = \"H\"\nlege = \"X\"\nsekretaer = 3\n",
    );
    let (code, found) = diagnostics(&p);
    assert_eq!(code, 1);
    let raci: Vec<(u64, u64, &str)> = found
        .iter()
        .filter(|d| d.0 == "activities/ringe.toml" && d.1 >= 5)
        .map(|d| (d.1, d.2, d.3.as_str()))
        .collect();
    assert_eq!(raci, [(5, 1, "bad-id"), (6, 8, "enum"), (7, 13, "type")], "{found:?}");
}

#[test]
fn a_measurements_folder_made_a_plain_file_is_an_error_everywhere() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.plan_waiting_time("Ventetid", &[]);
    p.run(["measure", "record", "ventetid", "35", "--date", "2026-10-01"]).success();
    fs::remove_dir_all(p.path("measurements/ventetid")).expect("rm -r");
    fs::write(p.path("measurements/ventetid"), "").expect("touch");
    let (code, found) = diagnostics(&p);
    assert_eq!(code, 1, "check fails: {found:?}");
    let d = found
        .iter()
        .find(|d| d.3 == "not-a-folder")
        .unwrap_or_else(|| panic!("no not-a-folder: {found:?}"));
    assert_eq!(d.0, "measurements/ventetid");
    assert!(d.4.contains("is a file, but should be a folder of measurements"), "{d:?}");
    let before = snapshot(&p.root);
    for args in [
        &["benefit", "list"][..],
        &["measure", "list"],
        &["measure", "list", "ventetid"],
        &["status"],
        &["report"],
        &["benefit", "show", "kortere"],
    ] {
        let (run, first) = p.run(args).failure();
        assert!(first.contains("measurements/ventetid:1:1: "), "{args:?}: {run}");
        assert!(first.contains("er en fil, men skal være en mappe med målinger"), "{run}");
    }
    assert_same_tree(&before, &snapshot(&p.root), &"readers");
}

#[test]
fn a_file_not_in_utf8_is_named_at_its_bad_byte_by_every_reader_and_writer() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let id = p.add_idea("Skilting", &[]);
    let bytes =
        b"title = \"Skilting\"\nnote = \"K\xf8en\"\nstatus = \"new\"\nsubmitted = 2026-11-01\n";
    fs::write(p.path(&format!("ideas/{id}.toml")), bytes).expect("write");
    let at = format!("ideas/{id}.toml:2:10: ");
    for args in [
        &["idea", "list"][..],
        &["idea", "show", &id],
        &["status"],
        &["report"],
        &["checklist"],
        &["checklist", "--check"],
        &["idea", "assess", &id, "--feasibility", "3", "--benefit", "3"],
        &["idea", "set", &id, "--status", "parked", "--reason", "Venter"],
    ] {
        let run = assert_refused(&p, &p.root, args, &[&at, "ikke UTF-8"]);
        assert_eq!(run.stderr.matches(&format!("ideas/{id}.toml")).count(), 1, "{run}");
    }
    // The project's own roadmap too, in check and in every command.
    fs::write(p.path(&format!("ideas/{id}.toml")), idea_text("Skilting")).expect("write");
    fs::write(p.path("roadmap.toml"), b"extends = \"ks-2018\"\n# \xe6\n").expect("write");
    let (_, found) = diagnostics(&p);
    assert!(
        found.iter().any(|d| d.0 == "roadmap.toml" && (d.1, d.2) == (2, 3) && d.3 == "unreadable"),
        "{found:?}"
    );
    assert_refused(&p, &p.root, &["checklist", "--check"], &["roadmap.toml:2:3: "]);
}

#[test]
fn an_unknown_roadmap_is_named_at_its_key_in_veikart_toml_by_every_command() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let text = p.read("veikart.toml");
    let line = text.lines().position(|l| l.starts_with("roadmap")).expect("roadmap key") + 1;
    p.write("veikart.toml", &text.replace("roadmap = \"ks-2018\"", "roadmap = \"nope\""));
    let at = format!("veikart.toml:{line}:1: ");
    for args in [
        &["status"][..],
        &["checklist", "--check"],
        &["phase", "set", "innsikt", "--reason", "Ferdig"],
        &["idea", "add", "Skilting"],
    ] {
        assert_refused(&p, &p.root, args, &[&at, "ukjent veikart «nope»"]);
    }
    let (_, found) = diagnostics(&p);
    assert!(found.iter().any(|d| d.0 == "veikart.toml" && d.1 == line as u64 && d.3 == "roadmap"));
}

#[test]
fn a_name_taken_twice_is_reported_at_the_name() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.run(["role", "add", "Sykepleier"]).success();
    p.write("roles/sykepleier-2.toml", "# Fra en annen gren\nname = \"Sykepleier\"\n");
    let (_, found) = diagnostics(&p);
    assert!(
        found.iter().any(|d| d.0 == "roles/sykepleier-2.toml"
            && (d.1, d.2) == (2, 1)
            && d.3 == "duplicate-name"),
        "{found:?}"
    );
    p.run(["role", "add", "Lege"]).success();
    p.write("roles/lege.toml", "# Legen\nname = \"Lege\"\n");
    fs::remove_file(p.path("roles/sykepleier-2.toml")).expect("rm");
    assert_refused(
        &p,
        &p.root,
        &["role", "set", "lege", "--name", "Sykepleier"],
        &["roles/lege.toml:2:1: "],
    );
}
