//! Roles, journey, activities and the RACI (HUKI) matrix (issue 3): each rule
//! fails on its own fixture with file and line, the CSV matrix reads back, a
//! journey insert writes one file, and two branches merge cleanly.

use crate::support::{Project, Sandbox};

fn id(p: &Project, args: &[&str]) -> String {
    p.run(args).success().stdout.trim().to_string()
}

/// Two roles, one step, one activity with a valid row.
fn small(p: &Project) {
    id(p, &["role", "add", "Sykepleier"]);
    id(p, &["role", "add", "Legevaktlege"]);
    id(p, &["journey", "add", "Ringer legevakten"]);
    id(p, &["activity", "add", "Vurdere hastegrad", "--step", "ringer"]);
    p.run(["raci", "set", "vurdere", "legevaktlege", "A"]).success();
    p.run(["raci", "set", "vurdere", "sykepleier", "r"]).success();
}

#[test]
fn raci_letters_are_stored_as_huki_in_the_activity_file() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    small(&p);
    let text = p.read("activities/vurdere-hastegrad.toml");
    assert!(text.contains("[raci]\nlegevaktlege = \"H\"\nsykepleier = \"U\"\n"), "{text}");
    p.run(["raci", "check"]).success();
    p.run(["check"]).success();
}

fn check_line(p: &Project, code: &str) -> String {
    let run = p.run(["check"]).code(1);
    run.stdout
        .lines()
        .find(|l| l.contains(&format!("[{code}]")))
        .unwrap_or_else(|| panic!("no {code} in\n{run}"))
        .to_string()
}

#[test]
fn an_activity_without_accountable_is_an_error_at_its_raci_table() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    small(&p);
    p.run(["raci", "unset", "vurdere", "legevaktlege"]).success();
    let line = check_line(&p, "raci-no-accountable");
    assert!(line.starts_with("activities/vurdere-hastegrad.toml:4:2: error"), "{line}");
    p.run(["raci", "check"]).code(1);
}

#[test]
fn two_accountable_roles_point_at_the_second_one() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    small(&p);
    p.write(
        "activities/vurdere-hastegrad.toml",
        "title = \"Vurdere hastegrad\"\nstep = \"ringer-legevakten\"\n\n[raci]\nlegevaktlege = \"H\"\nsykepleier = \"HU\"\n",
    );
    let line = check_line(&p, "raci-many-accountable");
    assert!(line.starts_with("activities/vurdere-hastegrad.toml:6:1: error"), "{line}");
}

#[test]
fn an_activity_without_responsible_is_an_error() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    small(&p);
    p.run(["raci", "set", "vurdere", "sykepleier", "K"]).success();
    let line = check_line(&p, "raci-no-responsible");
    assert!(line.starts_with("activities/vurdere-hastegrad.toml:4:2: error"), "{line}");
}

#[test]
fn a_role_twice_in_one_activity_is_a_syntax_error_with_its_line() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    small(&p);
    p.write(
        "activities/vurdere-hastegrad.toml",
        "title = \"Vurdere hastegrad\"\nstep = \"ringer-legevakten\"\n\n[raci]\nlegevaktlege = \"HU\"\nlegevaktlege = \"K\"\n",
    );
    let line = check_line(&p, "syntax");
    assert!(line.starts_with("activities/vurdere-hastegrad.toml:6:"), "{line}");
}

#[test]
fn a_letter_that_is_not_huki_is_an_enum_error_at_its_cell() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    small(&p);
    p.write(
        "activities/vurdere-hastegrad.toml",
        "title = \"Vurdere hastegrad\"\nstep = \"ringer-legevakten\"\n\n[raci]\nlegevaktlege = \"HU\"\nsykepleier = \"X\"\n",
    );
    let line = check_line(&p, "enum");
    assert!(line.starts_with("activities/vurdere-hastegrad.toml:6:14: error"), "{line}");
}

#[test]
fn unknown_roles_and_steps_are_dangling_references() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    small(&p);
    p.write(
        "activities/vurdere-hastegrad.toml",
        "title = \"Vurdere hastegrad\"\nstep = \"finnes-ikke\"\n\n[raci]\nlegevaktlege = \"HU\"\nsykepleir = \"U\"\n",
    );
    let run = p.run(["check"]).code(1);
    assert!(
        run.stdout.contains("activities/vurdere-hastegrad.toml:2:8: error[dangling-ref]"),
        "{run}"
    );
    assert!(
        run.stdout.contains("activities/vurdere-hastegrad.toml:6:1: error[dangling-ref]"),
        "{run}"
    );
}

#[test]
fn unused_roles_and_many_consulted_are_warnings() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    small(&p);
    for name in ["Sekretær", "Fastlege", "Sykehuset", "Pårørende", "Vekter"] {
        id(&p, &["role", "add", name]);
    }
    let run = p.run(["check"]).success();
    assert!(run.stdout.contains("roles/vekter.toml:1:1: warning[role-unused]"), "{run}");
    for r in ["sekretaer", "fastlege", "sykehuset", "parorende"] {
        p.run(["raci", "set", "vurdere", r, "C"]).success();
    }
    let run = p.run(["check", "--strict"]).code(1);
    assert!(run.stdout.contains("warning[raci-many-consulted]"), "{run}");
}

#[test]
fn bad_letters_are_refused_and_nothing_changes() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    small(&p);
    let before = p.snapshot();
    for bad in ["X", "HK", ""] {
        p.run(["raci", "set", "vurdere", "sykepleier", bad]).code(2);
    }
    p.run(["raci", "set", "vurdere", "ukjent-rolle", "U"]).code(2);
    assert_eq!(before, p.snapshot());
}

#[test]
fn the_csv_matrix_reads_back_with_a_csv_parser() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    small(&p);
    id(&p, &["role", "add", "Varsel, AS", "--kind", "supplier"]);
    id(&p, &["journey", "add", "Får SMS"]);
    id(&p, &["activity", "add", "Sende \"SMS\"", "--step", "far-sms", "--outside"]);
    p.run(["raci", "set", "sende", "varsel", "AR"]).success();
    let out = p.run(["raci", "show", "--format", "csv"]).success().stdout;
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, ["aktivitet", "Legevaktlege", "Sykepleier", "Varsel, AS"]);
    let rows: Vec<Vec<String>> =
        reader.records().map(|r| r.unwrap().iter().map(String::from).collect()).collect();
    assert_eq!(
        rows,
        vec![vec!["Vurdere hastegrad", "H", "U", ""], vec!["Sende \"SMS\"", "", "", "HU"]]
    );
}

#[test]
fn inserting_and_moving_a_step_writes_only_that_step() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    id(&p, &["journey", "add", "Ringer"]);
    id(&p, &["journey", "add", "Møter opp"]);
    let before = p.snapshot();
    let new = id(&p, &["journey", "add", "Får SMS", "--after", "ringer"]);
    let after = p.snapshot();
    let changed: Vec<_> = after.keys().filter(|k| before.get(*k) != after.get(*k)).collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(p.read(&format!("journey/{new}.toml")).contains("order = 15\n"));
    let json = p.run(["journey", "list", "--format", "json"]).success().json();
    let ids: Vec<&str> =
        json["steps"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["ringer", "far-sms", "moter-opp"]);
    let before = p.snapshot();
    p.run(["journey", "move", "moter", "--first"]).success();
    let after = p.snapshot();
    let changed: Vec<_> = after.keys().filter(|k| before.get(*k) != after.get(*k)).collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
}

#[test]
fn routines_past_review_warn_as_of_a_date() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    small(&p);
    id(
        &p,
        &[
            "routine",
            "add",
            "Mottak",
            "--owner",
            "syk",
            "--review-every",
            "6m",
            "--date",
            "2026-01-10",
        ],
    );
    let run = p.run(["check", "--as-of", "2026-07-01"]).success();
    assert!(!run.stdout.contains("routine-overdue"), "{run}");
    let run = p.run(["check", "--as-of", "2026-07-11"]).success();
    assert!(run.stdout.contains("routines/mottak.toml:3:1: warning[routine-overdue]"), "{run}");
    p.run(["routine", "review", "mottak", "--date", "2026-07-11"]).success();
    let run = p.run(["check", "--as-of", "2026-07-11"]).success();
    assert!(!run.stdout.contains("routine-overdue"), "{run}");
}

#[test]
fn two_branches_adding_activities_and_raci_cells_merge_cleanly() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let git = |args: &[&str]| sb.git(&p.root, args).success();
    git(&["init", "-q", "-b", "main"]);
    small(&p);
    id(&p, &["activity", "add", "Registrere henvendelse", "--step", "ringer"]);
    git(&["add", "-A"]);
    git(&["commit", "-q", "-m", "start"]);

    git(&["checkout", "-q", "-b", "a"]);
    id(&p, &["activity", "add", "Ringe tilbake", "--step", "ringer"]);
    p.run(["raci", "set", "ringe", "sykepleier", "HU"]).success();
    p.run(["raci", "set", "vurdere", "sykepleier", "U"]).success();
    p.run(["raci", "set", "vurdere", "legevaktlege", "HU"]).success();
    git(&["add", "-A"]);
    git(&["commit", "-q", "-m", "a"]);

    git(&["checkout", "-q", "main"]);
    git(&["checkout", "-q", "-b", "b"]);
    id(&p, &["activity", "add", "Skrive journal", "--step", "ringer"]);
    p.run(["raci", "set", "skrive", "legevaktlege", "HU"]).success();
    p.run(["raci", "set", "registrere", "sykepleier", "HU"]).success();
    git(&["add", "-A"]);
    git(&["commit", "-q", "-m", "b"]);

    sb.git(&p.root, ["merge", "-q", "--no-edit", "a"]).success();
    p.run(["check"]).success();
    let json = p.run(["raci", "show", "--format", "json"]).success().json();
    assert_eq!(json["activities"].as_array().unwrap().len(), 4, "{json}");
}

#[test]
fn status_shows_the_journey_and_raci_health() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    small(&p);
    p.run(["touchpoint", "add", "Skilt", "--channel", "fysisk", "--step", "ringer"]).success();
    let out = p.run(["status"]).success().stdout;
    assert!(out.contains("1 steg i ny tjeneste"), "{out}");
    assert!(out.contains("reglene holder"), "{out}");
    let json = p.run(["status", "--format", "json"]).success().json();
    assert_eq!(json["raci"]["broken"], 0);
    assert_eq!(json["journey"]["touchpoints"]["physical"], 1);
}

#[test]
fn the_example_has_a_complete_future_journey_and_valid_raci() {
    let sb = Sandbox::new();
    let example =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/fjordvik-legevakt");
    let run = |args: &[&str]| {
        let mut all = vec!["-C", example.to_str().unwrap()];
        all.extend_from_slice(args);
        sb.run(&example, all).success().json()
    };
    let status = run(&["status", "--format", "json"]);
    assert!(status["journey"]["steps"]["future"].as_u64().unwrap() >= 5, "{status}");
    assert!(status["journey"]["activities"].as_u64().unwrap() >= 10, "{status}");
    assert!(status["raci"]["roles"].as_u64().unwrap() >= 6, "{status}");
    assert_eq!(status["raci"]["broken"], 0);
    assert!(status["owner"].is_string());
    for channel in ["digital", "physical", "interpersonal"] {
        assert!(status["journey"]["touchpoints"][channel].as_u64().unwrap() >= 1, "{channel}");
    }
    let roles = run(&["role", "list", "--format", "json"]);
    let kinds: Vec<&str> =
        roles["roles"].as_array().unwrap().iter().map(|r| r["kind"].as_str().unwrap()).collect();
    assert!(kinds.contains(&"supplier") && kinds.contains(&"external"), "{kinds:?}");
    let routines = run(&["routine", "list", "--format", "json"]);
    for r in routines["routines"].as_array().unwrap() {
        assert!(r["owner"].is_string() && r["next_review"].is_string(), "{r}");
    }
}

#[test]
fn a_piloting_project_without_service_owner_gets_a_warning_until_one_is_named() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    small(&p);
    p.run(["check", "--strict"]).success();
    let text = p.read("veikart.toml").replace("phase = \"forankring\"", "phase = \"pilotering\"");
    p.write("veikart.toml", &text);
    let run = p.run(["check", "--strict"]).code(1);
    assert!(
        run.stdout.contains("veikart.toml:") && run.stdout.contains("warning[no-service-owner]"),
        "{run}"
    );
    p.run(["owner", "legevakt"]).success();
    assert!(p.read("veikart.toml").ends_with("owner = \"legevaktlege\"\n"));
    p.run(["check", "--strict"]).success();
    assert_eq!(p.run(["owner"]).success().stdout.trim(), "Legevaktlege (legevaktlege)");
}

#[test]
fn touchpoints_take_norwegian_channels_and_change_in_place() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    small(&p);
    let tp = id(
        &p,
        &["touchpoint", "add", "Skilt ved inngangen", "--channel", "fysisk", "--step", "ringer"],
    );
    assert_eq!(
        p.read(&format!("touchpoints/{tp}.toml")),
        "title = \"Skilt ved inngangen\"\nchannel = \"physical\"\nstep = \"ringer-legevakten\"\nstatus = \"draft\"\n"
    );
    p.run(["touchpoint", "set", "skilt", "--status", "ferdig", "--change", "endret"]).success();
    let text = p.read(&format!("touchpoints/{tp}.toml"));
    assert!(
        text.contains("status = \"ready\"\n") && text.contains("change = \"changed\"\n"),
        "{text}"
    );
    let before = p.snapshot();
    p.run(["touchpoint", "add", "X", "--channel", "brev"]).code(2);
    p.run(["touchpoint", "set", "skilt"]).code(2);
    assert_eq!(before, p.snapshot());
}

#[test]
fn role_add_external_is_short_for_kind_external_and_cannot_be_combined_with_kind() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.run(["role", "add", "Fastlege", "--external"]).success();
    assert!(p.read("roles/fastlege.toml").contains("kind = \"external\""));
    let j = p.run(["role", "show", "fastlege", "--format", "json"]).success().json();
    assert_eq!(j["role"]["kind"], "external", "{j}");
    let before = p.snapshot();
    let run = p.run(["role", "add", "Lege", "--external", "--kind", "internal"]).code(2);
    assert!(run.stderr.contains("--kind"), "{run}");
    assert_eq!(before, p.snapshot());
}
