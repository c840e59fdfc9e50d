//! Solution proposals, their user tests and technology options (issue 5,
//! items 1, 2 and 10): every command, its bad inputs with the files left
//! byte-for-byte, and a real git merge of tests added on two branches.

use crate::support::{Project, Sandbox, assert_refused};

fn id_of(p: &Project, args: &[&str]) -> String {
    let run = p.run(args).success();
    let id = run.stdout.trim().to_string();
    assert!(!id.is_empty() && !id.contains('\n'), "one id on stdout\n{run}");
    id
}

fn check_line(p: &Project, code: &str) -> String {
    let run = p.run(["check"]).code(1);
    run.stdout
        .lines()
        .find(|l| l.contains(&format!("[{code}]")))
        .unwrap_or_else(|| panic!("no {code} in\n{run}"))
        .to_string()
}

/// A project with two ideas and one proposal built on them.
fn with_proposal(sb: &Sandbox) -> (Project<'_>, String) {
    let p = sb.init_project();
    p.add_idea("Skjerm med forventet ventetid", &[]);
    p.add_idea("SMS når det nærmer seg din tur", &[]);
    let id = id_of(
        &p,
        &[
            "proposal",
            "add",
            "Ventetid på skjerm og SMS",
            "--idea",
            "skjerm",
            "--idea",
            "sms",
            "--artefact",
            "skisser/venterom.pdf",
            "--description",
            "Skjerm i venterommet og SMS ti minutter før",
        ],
    );
    (p, id)
}

#[test]
fn a_proposal_is_added_tested_twice_the_same_day_decided_and_estimated() {
    let sb = Sandbox::new();
    let (p, id) = with_proposal(&sb);
    assert_eq!(id, "ventetid-pa-skjerm-og-sms");
    let file: toml::Table = p.read("proposals/ventetid-pa-skjerm-og-sms.toml").parse().unwrap();
    assert_eq!(file["status"].as_str(), Some("draft"));
    let ideas: Vec<&str> =
        file["ideas"].as_array().unwrap().iter().filter_map(|v| v.as_str()).collect();
    assert_eq!(ideas, ["skjerm-med-forventet-ventetid", "sms-nar-det-naermer-seg-din-tur"]);
    assert_eq!(file["artefacts"].as_array().unwrap().len(), 1);

    let t1 = id_of(
        &p,
        &[
            "proposal",
            "test",
            "ventetid",
            "--date",
            "2026-10-12",
            "--with",
            "bruker,ansatte",
            "--participants",
            "6",
            "--feedback",
            "Skjermen ble lagt merke til",
        ],
    );
    let t2 = id_of(
        &p,
        &[
            "proposal",
            "test",
            "ventetid",
            "--date",
            "2026-10-12",
            "--with",
            "pårørende",
            "--feedback",
            "Ønsker SMS også til pårørende",
            "--decision",
            "forbedre",
        ],
    );
    assert_eq!(t1, "ventetid-pa-skjerm-og-sms/2026-10-12");
    assert_eq!(t2, "ventetid-pa-skjerm-og-sms/2026-10-12-2");
    let test: toml::Table =
        p.read("user-tests/ventetid-pa-skjerm-og-sms/2026-10-12.toml").parse().unwrap();
    assert_eq!(test["with"].as_array().unwrap().len(), 2);
    assert_eq!(test["participants"].as_integer(), Some(6));
    assert!(test.get("proposal").is_none(), "the owner is the folder, not a key");
    let test2 = p.read("user-tests/ventetid-pa-skjerm-og-sms/2026-10-12-2.toml");
    assert!(test2.contains("decision = \"improve\""), "{test2}");
    assert!(p.read("proposals/ventetid-pa-skjerm-og-sms.toml").contains("status = \"tested\""));

    let run = p
        .run([
            "proposal",
            "decide",
            "ventetid",
            "beholde",
            "--reason",
            "Begge testene var positive",
        ])
        .success();
    assert!(run.stderr.contains("«Ventetid på skjerm og SMS» er nå valgt."), "{run}");
    p.run(["proposal", "estimate", "ventetid", "--cost", "85 000,50", "--gain", "Færre spørsmål"])
        .success();
    let text = p.read("proposals/ventetid-pa-skjerm-og-sms.toml");
    assert!(text.contains("status = \"kept\""), "{text}");
    assert!(text.contains("decided = 2026-11-23"), "{text}");
    assert!(text.contains("cost = 85000.5"), "{text}");

    let list = p.run(["proposal", "list", "--format", "json"]).success().json();
    let items = list["proposals"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["test_count"], 2);
    assert_eq!(items[0]["status"], "kept");
    assert_eq!(items[0]["path"], "proposals/ventetid-pa-skjerm-og-sms.toml");

    let show = p.run(["proposal", "show", "ventetid", "--format", "json"]).success().json();
    assert_eq!(show["tests"].as_array().unwrap().len(), 2);
    assert_eq!(show["tests"][0]["proposal"], "ventetid-pa-skjerm-og-sms");
    assert_eq!(show["ideas"][0]["title"], "Skjerm med forventet ventetid");
    let text = p.run(["proposal", "show", "ventetid"]).success();
    assert!(text.stdout.contains("Ønsker SMS også til pårørende"), "{text}");
    assert!(text.stdout.contains("Begge testene var positive"), "{text}");
    let list = p.run(["proposal", "list"]).success();
    assert!(list.stdout.contains("valgt"), "status label in Bokmål\n{list}");

    let run = p.run(["check"]).success();
    assert!(run.stdout.is_empty(), "{run}");
}

#[test]
fn discarding_needs_a_reason_and_a_discard_without_one_is_found_by_check() {
    let sb = Sandbox::new();
    let (p, id) = with_proposal(&sb);
    let run = assert_refused(&p, &sb.work, &["proposal", "decide", &id, "discard"], &[]);
    assert!(run.stderr.contains("--reason"), "{run}");
    assert_refused(&p, &sb.work, &["proposal", "decide", &id, "discard", "--reason", " "], &[]);
    assert_refused(&p, &sb.work, &["proposal", "decide", &id, "maybe", "--reason", "x"], &[]);
    p.run(["proposal", "decide", &id, "forkaste", "--reason", "For dyrt"]).success();
    let path = format!("proposals/{id}.toml");
    let text = p.read(&path).replace("reason = \"For dyrt\"\n", "");
    p.write(&path, &text);
    let line = check_line(&p, "missing-reason");
    assert!(line.starts_with(&format!("{path}:")), "{line}");
}

#[test]
fn proposal_commands_refuse_bad_input_and_change_nothing() {
    let sb = Sandbox::new();
    let (p, id) = with_proposal(&sb);
    let w = &sb.work;
    assert_refused(&p, w, &["proposal", "add", "../../etc/passwd"], &[]);
    assert_refused(
        &p,
        w,
        &["proposal", "add", "Noe nytt", "--idea", "finnes-ikke"],
        &["finnes-ikke"],
    );
    for bad in [
        &["proposal", "test", "finnes-ikke", "--with", "user", "--feedback", "x"][..],
        &["proposal", "decide", "finnes-ikke", "keep", "--reason", "x"],
        &["proposal", "estimate", "finnes-ikke", "--cost", "10"],
        &["proposal", "show", "finnes-ikke"],
    ] {
        assert_refused(&p, w, bad, &["finnes-ikke"]);
    }
    assert_refused(
        &p,
        w,
        &["proposal", "test", &id, "--date", "2026-02-30", "--with", "user", "--feedback", "x"],
        &["2026-02-30"],
    );
    assert_refused(&p, w, &["proposal", "test", &id, "--with", "naboer", "--feedback", "x"], &[]);
    assert_refused(&p, w, &["proposal", "test", &id, "--with", "user", "--feedback", ""], &[]);
    assert_refused(
        &p,
        w,
        &["proposal", "test", &id, "--with", "user", "--feedback", "x", "--participants", "0"],
        &[],
    );
    assert_refused(&p, w, &["proposal", "estimate", &id, "--cost", "-5"], &[]);
    assert_refused(&p, w, &["proposal", "estimate", &id, "--cost", "mye"], &[]);
    assert_refused(&p, w, &["proposal", "estimate", &id], &[]);

    // A broken proposal file is never written over, and no test is added for it.
    let path = format!("proposals/{id}.toml");
    p.write(&path, "title = \"Ventetid\"\nstatus = \"draft\ncreated = 2026-11-01\n");
    for args in [
        &["proposal", "test", &id, "--with", "user", "--feedback", "x"][..],
        &["proposal", "decide", &id, "keep", "--reason", "x"],
        &["proposal", "estimate", &id, "--cost", "10"],
        &["proposal", "show", &id],
        &["proposal", "list"],
    ] {
        assert_refused(&p, w, args, &[&format!("{path}:2:")]);
    }
}

#[test]
fn check_finds_bad_user_tests_and_tests_of_unknown_proposals() {
    let sb = Sandbox::new();
    let (p, id) = with_proposal(&sb);
    p.write(
        &format!("user-tests/{id}/2026-10-01.toml"),
        "date = 2026-10-01\nwith = [\"naboer\"]\nfeedback = \"x\"\n",
    );
    let line = check_line(&p, "enum");
    assert!(line.starts_with(&format!("user-tests/{id}/2026-10-01.toml:2:")), "{line}");
    p.write(
        &format!("user-tests/{id}/2026-10-01.toml"),
        "date = 2026-10-01\nwith = [\"user\"]\nfeedback = \"x\"\n",
    );
    p.run(["check"]).success();
    p.write(
        "user-tests/finnes-ikke/2026-10-01.toml",
        "date = 2026-10-01\nwith = [\"user\"]\nfeedback = \"x\"\n",
    );
    let run = p.run(["check"]).code(1);
    assert!(run.stdout.contains("finnes-ikke"), "{run}");
}

fn git(p: &Project, args: &[&str]) {
    p.sb.git(&p.root, args).success();
}

#[test]
fn two_branches_testing_one_proposal_on_different_dates_merge_without_conflict() {
    let sb = Sandbox::new();
    let (p, id) = with_proposal(&sb);
    git(&p, &["init", "-q", "-b", "main"]);
    git(&p, &["add", "-A"]);
    git(&p, &["commit", "-q", "-m", "Forslag"]);

    git(&p, &["checkout", "-q", "-b", "a"]);
    p.run(["proposal", "test", &id, "--date", "2026-10-12", "--with", "user", "--feedback", "A"])
        .success();
    git(&p, &["add", "-A"]);
    git(&p, &["commit", "-q", "-m", "Test A"]);

    git(&p, &["checkout", "-q", "main"]);
    git(&p, &["checkout", "-q", "-b", "b"]);
    p.run([
        "proposal",
        "test",
        &id,
        "--date",
        "2026-10-19",
        "--with",
        "employee",
        "--feedback",
        "B",
    ])
    .success();
    git(&p, &["add", "-A"]);
    git(&p, &["commit", "-q", "-m", "Test B"]);

    git(&p, &["checkout", "-q", "a"]);
    let merge = p.sb.git(&p.root, ["merge", "--no-edit", "b"]).success();
    assert!(!merge.stdout.contains("CONFLICT"), "{merge}");
    let status = p.sb.git(&p.root, ["status", "--porcelain"]).success();
    assert!(status.stdout.is_empty(), "{status}");

    let run = p.run(["check"]).success();
    assert!(run.stdout.is_empty(), "{run}");
    let show = p.run(["proposal", "show", &id, "--format", "json"]).success().json();
    let feedback: Vec<&str> =
        show["tests"].as_array().unwrap().iter().filter_map(|t| t["feedback"].as_str()).collect();
    assert_eq!(feedback, ["A", "B"], "both tests, in date order");
    assert_eq!(show["proposal"]["status"], "tested");
}

#[test]
fn technology_options_are_assessed_on_five_criteria_and_compared() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let a = id_of(
        &p,
        &[
            "tech",
            "add",
            "Pasientvarsling fra journalsystemet",
            "--decision",
            "kjøpe",
            "--supplier",
            "Journalleverandøren",
            "--it-involved",
            "2026-09-01",
        ],
    );
    let b = id_of(
        &p,
        &["tech", "add", "Egen varslingsapp", "--decision", "utvikle", "--date", "2026-06-08"],
    );
    assert!(p.read(&format!("technologies/{b}.toml")).contains("created = 2026-06-08\n"));
    for (c, s) in [
        ("brukerbehov", "4"),
        ("integrasjoner", "4"),
        ("skalerbarhet", "3"),
        ("sikkerhet", "5"),
        ("kostnader", "4"),
    ] {
        p.run(["tech", "assess", &a, c, s, "--note", "vurdert i workshop"]).success();
    }
    for c in ["user-needs", "integrations", "scalability", "security", "cost"] {
        p.run(["tech", "assess", &b, c, "2", "--note", "usikkert"]).success();
    }
    // Assessing again replaces the criterion's entry.
    p.run(["tech", "assess", &a, "user-needs", "5", "--note", "etter brukertest"]).success();
    // One file per option and criterion; the option's own file is untouched.
    assert!(!p.read(&format!("technologies/{a}.toml")).contains("assessment"));
    let files = std::fs::read_dir(p.path(&format!("assessments/{a}"))).unwrap().count();
    assert_eq!(files, 5);
    assert_eq!(
        p.read(&format!("assessments/{a}/user-needs.toml")),
        "score = 5\nnote = \"etter brukertest\"\ndate = 2026-11-23\n",
        "replaced in place"
    );
    assert!(p.read(&format!("assessments/{a}/security.toml")).starts_with("score = 5\n"));

    let v = p.run(["tech", "compare", "--format", "json"]).success().json();
    let options = v["options"].as_array().unwrap();
    assert_eq!(options[0]["id"], a.as_str(), "highest total first");
    assert_eq!(options[0]["total"], 21);
    assert_eq!(options[1]["total"], 10);
    assert_eq!(v["criteria"].as_array().unwrap().len(), 5);

    let csv = p.run(["tech", "compare", "--format", "csv"]).success();
    let lines: Vec<&str> = csv.stdout.lines().collect();
    assert_eq!(lines.len(), 8, "header, decision, five criteria, total\n{csv}");
    assert!(lines[7].ends_with(",21,10"), "{csv}");
    let md = p.run(["tech", "compare", "--format", "md"]).success();
    assert!(md.stdout.contains("| informasjonssikkerhet | 5 | 2 |"), "{md}");
    let txt = p.run(["tech", "compare"]).success();
    assert!(txt.stdout.contains("Pasientvarsling fra journalsystemet"), "{txt}");
    let list = p.run(["tech", "list", "--format", "json"]).success().json();
    assert_eq!(list["technologies"].as_array().unwrap().len(), 2);
    p.run(["tech", "set", &b, "--decision", "anskaffe", "--trial-until", "2027-03-31"]).success();
    assert!(p.read(&format!("technologies/{b}.toml")).contains("decision = \"procure\""));
    let run = p.run(["check"]).success();
    assert!(run.stdout.is_empty(), "{run}");
}

#[test]
fn tech_commands_refuse_bad_input_and_change_nothing() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let a = id_of(&p, &["tech", "add", "Skjermløsning"]);
    let w = &sb.work;
    assert_refused(&p, w, &["tech", "add", "/tmp/x"], &[]);
    assert_refused(&p, w, &["tech", "add", "Noe", "--decision", "leie"], &[]);
    assert_refused(&p, w, &["tech", "add", "Noe", "--it-involved", "2026-13-01"], &[]);
    assert_refused(&p, w, &["tech", "add", "Noe", "--date", "2026-02-30"], &["2026-02-30"]);
    for score in ["0", "6", "fire", "3,5"] {
        assert_refused(&p, w, &["tech", "assess", &a, "cost", score, "--note", "x"], &[]);
    }
    assert_refused(&p, w, &["tech", "assess", &a, "farge", "3", "--note", "x"], &[]);
    let run = assert_refused(&p, w, &["tech", "assess", &a, "cost", "3"], &[]);
    assert!(run.stderr.contains("--note"), "{run}");
    assert_refused(
        &p,
        w,
        &["tech", "assess", "finnes-ikke", "cost", "3", "--note", "x"],
        &["finnes-ikke"],
    );
    assert_refused(&p, w, &["tech", "set", &a], &[]);

    // Assessments kept in the option's own file (the older layout, inline or
    // as tables) are still read; a file in assessments/ wins, and the option's
    // file is left as it was.
    let path = format!("technologies/{a}.toml");
    let old = "name = \"Skjermløsning\"\ncreated = 2026-11-01\nassessment = [{ criterion = \"cost\", score = 3 }, { criterion = \"security\", score = 2 }]\n";
    p.write(&path, old);
    p.run(["check"]).success();
    let total = |p: &crate::support::Project| {
        p.run(["tech", "compare", "--format", "json"]).success().json()["options"][0]["total"]
            .clone()
    };
    assert_eq!(total(&p), 5);
    p.run(["tech", "assess", &a, "cost", "4", "--note", "x"]).success();
    assert_eq!(total(&p), 6, "the file's 4 replaces the table's 3");
    assert_eq!(p.read(&path), old);

    // A criterion's file that is a folder, or broken: named, nothing changed.
    std::fs::create_dir_all(p.path(&format!("assessments/{a}/scalability.toml"))).unwrap();
    assert_refused(
        &p,
        w,
        &["tech", "assess", &a, "skalerbarhet", "4", "--note", "x"],
        &[&format!("assessments/{a}/scalability.toml")],
    );
    std::fs::remove_dir(p.path(&format!("assessments/{a}/scalability.toml"))).unwrap();
    let cost = format!("assessments/{a}/cost.toml");
    p.write(&cost, "score = 4\nnote = \"uavsluttet\n");
    assert_refused(
        &p,
        w,
        &["tech", "assess", &a, "cost", "5", "--note", "x"],
        &[&format!("{cost}:2:")],
    );
    assert_refused(&p, w, &["tech", "compare"], &[&format!("{cost}:2:")]);
    p.write(&cost, "score = 4\n");
    // A file named after no criterion, or in the folder of no option, is found by check.
    p.write(&format!("assessments/{a}/farge.toml"), "score = 3\n");
    p.write("assessments/finnes-ikke/cost.toml", "score = 3\n");
    let run = p.run(["check"]).code(1);
    assert!(
        run.stdout.contains(&format!("assessments/{a}/farge.toml:1:1: error[assessment-name]")),
        "{run}"
    );
    assert!(run.stdout.contains("assessments/finnes-ikke/cost.toml"), "{run}");
    std::fs::remove_dir_all(p.path("assessments")).unwrap();

    // A malformed file is named with its line.
    p.write(&path, "name = \"Skjermløsning\"\ncreated = 2026-11-01\n[[assessment]]\nscore = 9\n");
    assert_refused(
        &p,
        w,
        &["tech", "assess", &a, "cost", "4", "--note", "x"],
        &[&format!("{path}:")],
    );
    assert_refused(&p, w, &["tech", "compare"], &[&format!("{path}:")]);
}

#[test]
fn costs_read_as_norwegian_amounts_in_tables_and_stay_numbers_in_json() {
    let sb = Sandbox::new();
    let (p, id) = with_proposal(&sb);
    p.run(["proposal", "estimate", &id, "--cost", "1234567,5"]).success();
    let list = p.run(["proposal", "list"]).success();
    assert!(list.stdout.contains("1 234 567,5 "), "grouped thousands, decimal comma\n{list}");
    let show = p.run(["proposal", "show", &id]).success();
    assert!(show.stdout.contains("Kostnad:       1 234 567,5 kr"), "{show}");
    let en = p.run(["--lang", "en", "proposal", "show", &id]).success();
    assert!(en.stdout.contains("NOK 1,234,567.5"), "{en}");
    let v = p.run(["proposal", "list", "--format", "json"]).success().json();
    assert_eq!(v["proposals"][0]["cost"], 1234567.5, "JSON keeps the number");

    // A negative amount is named as such, not taken for an unknown flag.
    let run = assert_refused(&p, &sb.work, &["proposal", "estimate", &id, "--cost", "-5"], &["-5"]);
    assert!(run.stderr.contains("beløp"), "{run}");
    let run = assert_refused(
        &p,
        &sb.work,
        &["proposal", "test", &id, "--with", "user", "--feedback", "x", "--participants", "-3"],
        &["-3"],
    );
    assert!(run.stderr.contains("fra 1 til 100 000"), "{run}");
}

#[test]
fn two_branches_assessing_different_criteria_of_one_option_merge_without_conflict() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let a = id_of(&p, &["tech", "add", "Skjermløsning", "--decision", "procure"]);
    p.run(["tech", "assess", &a, "cost", "3", "--note", "Første anslag"]).success();
    git(&p, &["init", "-q", "-b", "main"]);
    git(&p, &["add", "-A"]);
    git(&p, &["commit", "-q", "-m", "Valg"]);

    // Branch a assesses two new criteria; branch b one new and the old one again.
    git(&p, &["checkout", "-q", "-b", "a"]);
    p.run(["tech", "assess", &a, "brukerbehov", "5", "--note", "A"]).success();
    p.run(["tech", "assess", &a, "integrasjoner", "2", "--note", "A"]).success();
    git(&p, &["add", "-A"]);
    git(&p, &["commit", "-q", "-m", "A"]);
    git(&p, &["checkout", "-q", "main"]);
    git(&p, &["checkout", "-q", "-b", "b"]);
    p.run(["tech", "assess", &a, "sikkerhet", "4", "--note", "B"]).success();
    p.run(["tech", "assess", &a, "kostnader", "2", "--note", "B: dyrere enn antatt"]).success();
    git(&p, &["add", "-A"]);
    git(&p, &["commit", "-q", "-m", "B"]);

    git(&p, &["checkout", "-q", "a"]);
    let merge = p.sb.git(&p.root, ["merge", "--no-edit", "b"]).success();
    assert!(!merge.stdout.contains("CONFLICT"), "{merge}");
    let status = p.sb.git(&p.root, ["status", "--porcelain"]).success();
    assert!(status.stdout.is_empty(), "{status}");

    let run = p.run(["check"]).success();
    assert!(run.stdout.is_empty(), "{run}");
    let v = p.run(["tech", "compare", "--format", "json"]).success().json();
    let option = &v["options"][0];
    assert_eq!(option["total"], 13, "5 + 2 + 4 + 2\n{v}");
    assert_eq!(option["missing"], serde_json::json!(["scalability"]));
    let notes: Vec<&str> = option["assessments"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|x| x["note"].as_str())
        .collect();
    assert_eq!(notes, ["A", "A", "B", "B: dyrere enn antatt"], "in the criteria's order");
    let status = p.run(["status", "--format", "json"]).success().json();
    assert_eq!(status["technology"]["best_total"], 13, "status reads the files too\n{status}");
    p.run(["tech", "assess", &a, "scale", "3", "--note", "C"]).success();
    let status = p.run(["status", "--format", "json"]).success().json();
    assert_eq!(status["technology"]["fully_assessed"], 1, "{status}");
}

#[test]
fn tech_show_gives_every_criterion_with_score_note_and_date() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let a = id_of(&p, &["tech", "add", "Skjermløsning", "--decision", "anskaffe"]);
    p.run(["tech", "assess", &a, "sikkerhet", "4", "--note", "Ingen navn på skjermen"]).success();
    p.run(["tech", "assess", &a, "cost", "2", "--note", "Dyr", "--date", "2026-10-01"]).success();
    let run = p.run(["tech", "show", "skjerm"]).success();
    assert!(run.stdout.contains("Valg:        anskaffe"), "{run}");
    assert!(run.stdout.contains("Vurdering (6 av 25):"), "{run}");
    assert!(
        run.stdout.contains("  informasjonssikkerhet  4  2026-11-23  Ingen navn på skjermen\n"),
        "{run}"
    );
    assert!(run.stdout.contains("  kostnader              2  2026-10-01  Dyr\n"), "{run}");
    assert!(run.stdout.contains("  brukerbehov            –  ikke vurdert\n"), "{run}");
    let en = p.run(["--lang", "en", "tech", "show", &a]).success();
    assert!(en.stdout.contains("  user needs            –  not assessed\n"), "{en}");
    let v = p.run(["tech", "show", &a, "--format", "json"]).success().json();
    assert_eq!(v["technology"]["total"], 6);
    assert_eq!(v["technology"]["path"], format!("technologies/{a}.toml"));
    assert_eq!(v["technology"]["assessments"][0]["note"], "Ingen navn på skjermen");
    assert_refused(&p, &sb.work, &["tech", "show", "finnes-ikke"], &["finnes-ikke"]);
    assert_refused(&p, &sb.work, &["tech", "show", &a, "--format", "csv"], &[]);
}

#[test]
fn a_wrong_value_is_answered_with_the_norwegian_words_too() {
    let sb = Sandbox::new();
    let (p, id) = with_proposal(&sb);
    let run = assert_refused(&p, &sb.work, &["proposal", "list", "--status", "godkjent"], &[]);
    assert!(
        run.stderr.contains(
            "velg en av: draft (utkast), tested (testet), kept (valgt), discarded (forkastet)"
        ),
        "{run}"
    );
    let args = ["proposal", "test", &id, "--with", "naboer", "--feedback", "x"];
    let run = assert_refused(&p, &sb.work, &args, &["naboer"]);
    assert!(run.stderr.contains("relative (pårørende)"), "{run}");
    let run = assert_refused(&p, &sb.work, &["tech", "add", "X", "--decision", "leie"], &["leie"]);
    assert!(run.stderr.contains("buy (kjøpe)"), "{run}");
    let en =
        assert_refused(&p, &sb.work, &["--lang", "en", "proposal", "list", "--status", "x"], &[]);
    assert!(en.stderr.contains("choose one of: draft, tested, kept, discarded"), "{en}");
}

#[test]
fn empty_texts_are_refused_rather_than_written_empty() {
    let sb = Sandbox::new();
    let (p, id) = with_proposal(&sb);
    let t = id_of(&p, &["tech", "add", "Skjerm"]);
    let w = &sb.work;
    assert_refused(&p, w, &["proposal", "add", "Ny", "--description", " "], &["--description"]);
    assert_refused(&p, w, &["proposal", "estimate", &id, "--gain", ""], &["--gain"]);
    assert_refused(&p, w, &["proposal", "test", &id, "--with", "user", "--feedback", ""], &[]);
    assert_refused(&p, w, &["tech", "add", "Noe", "--description", ""], &["--description"]);
    assert_refused(&p, w, &["tech", "assess", &t, "cost", "3", "--note", " "], &["--note"]);
    assert_refused(&p, w, &["goal", "add", "Kortere kø", "--measure", ""], &["--measure"]);
    assert_refused(&p, w, &["stakeholder", "add", "Fastlegene", "--plan", ""], &["--plan"]);
    assert_refused(&p, w, &["related", "add", "Bergen", "--note", ""], &["--note"]);
    let insight = ["insight", "add", "Kø", "--method", "intervju", "--respondent", "bruker"];
    assert_refused(&p, w, &[&insight[..], &["--description", ""]].concat(), &["--description"]);
    // The description is shown right under the title and status.
    let show = p.run(["proposal", "show", &id]).success();
    let lines = show.out_lines();
    assert!(lines[3].starts_with("Beskrivelse:"), "{show}");
}

#[test]
fn status_help_names_the_lines_of_the_other_phases() {
    let sb = Sandbox::new();
    let run = sb.run(&sb.work, ["status", "--help"]).success();
    assert!(run.stdout.contains("løsningsforslag, teknologi, piloten og loggen"), "{run}");
    let run = sb.run(&sb.work, ["--lang", "en", "status", "--help"]).success();
    assert!(run.stdout.contains("proposals, technology, the pilot and the log"), "{run}");
}

#[test]
fn insight_show_gives_the_needs_and_the_description() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let id = id_of(
        &p,
        &[
            "insight",
            "add",
            "Køen er lang om kvelden",
            "--method",
            "observasjon",
            "--respondent",
            "ansatt",
            "--need",
            "Vite ventetiden",
            "--need",
            "En stol",
            "--description",
            "«Vi står i kø i 40 minutter»",
            "--date",
            "2026-03-01",
        ],
    );
    let run = p.run(["insight", "show", "koen"]).success();
    for want in [
        "Metode:       observasjon\n",
        "Fra:          ansatt\n",
        "Behov:        Vite ventetiden\n              En stol\n",
        "Beskrivelse:  «Vi står i kø i 40 minutter»\n",
    ] {
        assert!(run.stdout.contains(want), "{want:?}\n{run}");
    }
    let en = p.run(["--lang", "en", "insight", "show", &id]).success();
    assert!(en.stdout.contains("Method:       observation\n"), "{en}");
    let v = p.run(["insight", "show", &id, "--format", "json"]).success().json();
    assert_eq!(v["insight"]["needs"][1], "En stol");
    assert_eq!(v["insight"]["path"], format!("insights/{id}.toml"));
    assert_refused(&p, &sb.work, &["insight", "show", "finnes-ikke"], &["finnes-ikke"]);
    p.write(&format!("insights/{id}.toml"), "summary = \"Kø\"\nmethod = \"gjetting\"\n");
    assert_refused(&p, &sb.work, &["insight", "show", &id], &[&format!("insights/{id}.toml:2")]);
}

#[test]
fn init_records_the_problem_statement_the_anchoring_rule_asks_for() {
    let sb = Sandbox::new();
    let w = &sb.work;
    let problem = "Lang og uforutsigbar ventetid på kveldstid";
    sb.run(w, ["init", "lv", "--name", "Legevakt", "--problem", problem]).success();
    let file: toml::Table = crate::support::read(&w.join("lv/veikart.toml")).parse().unwrap();
    assert_eq!(file["problem"].as_str(), Some(problem));
    let (run, first) = sb.run(w, ["init", "tom", "--name", "X", "--problem", " "]).failure();
    assert!(first.contains("--problem"), "{run}");
    assert!(!w.join("tom").exists(), "nothing written\n{run}");
}

#[test]
fn pilot_show_gives_both_the_duration_and_the_dates() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.run(["pilot", "plan", "--start", "2027-01-10"]).success();
    let run = p.run(["pilot", "show"]).success();
    assert!(run.stdout.contains("Varighet:                   fra 2027-01-10 (mangler)\n"), "{run}");
    p.run(["pilot", "plan", "--duration", "Tolv uker", "--end", "2027-03-31"]).success();
    let run = p.run(["pilot", "show"]).success();
    assert!(
        run.stdout.contains("Varighet:                   Tolv uker (2027-01-10 – 2027-03-31)\n"),
        "{run}"
    );
    assert!(!run.stdout.contains("Mangler: varighet"), "{run}");
}

#[test]
fn norwegian_help_lists_the_arguments_in_the_order_they_are_typed() {
    let sb = Sandbox::new();
    let run = sb.run(&sb.work, ["tech", "assess", "--help"]).success();
    let at = |s: &str| run.stdout.find(s).unwrap_or_else(|| panic!("{s}\n{run}"));
    assert!(at("  <ID>") < at("  <CRITERION>") && at("  <CRITERION>") < at("  <1-5>"), "{run}");
    let run = sb.run(&sb.work, ["idea", "promote", "--help"]).success();
    let at = |s: &str| run.stdout.find(s).unwrap_or_else(|| panic!("{s}\n{run}"));
    assert!(at("  <ID>") < at("  <DIR>"), "{run}");
}

#[test]
fn goal_team_stakeholder_related_and_log_entries_each_have_a_show() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.run([
        "goal",
        "add",
        "Kortere ventetid på telefon",
        "--measure",
        "Median svartid\nunder 2 minutter",
    ])
    .success();
    p.run(["team", "add", "Kari Nordmann", "--role", "prosjektleder", "--unit", "Helse"]).success();
    p.run([
        "stakeholder",
        "add",
        "Kommunalsjef helse",
        "--influence",
        "høy",
        "--plan",
        "Månedlig orientering",
    ])
    .success();
    p.run(["related", "add", "Digital hjemmeoppfølging", "--url", "https://nordby.example/dho"])
        .success();
    p.run(["log", "add", "--kind", "feiring", "Kake for 1000 SMS-varsler", "--date", "2026-11-20"])
        .success();
    let before = p.snapshot();

    let run = p.run(["goal", "show", "kortere"]).success();
    assert!(
        run.stdout
            .starts_with("kortere-ventetid-pa-telefon  (goals/kortere-ventetid-pa-telefon.toml)"),
        "{run}"
    );
    assert!(run.stdout.contains("Måles ved:"), "{run}");
    assert!(run.stdout.contains("under 2 minutter"), "whole text, not cut\n{run}");
    assert!(run.stdout.contains("Registrert:  2026-11-23"), "{run}");
    let run = p.run(["stakeholder", "show", "kommunal"]).success();
    assert!(run.stdout.contains("Innflytelse:  høy"), "enum labels in Bokmål\n{run}");
    let run = p.run(["related", "show", "digital"]).success();
    assert!(run.stdout.contains("URL:"), "{run}");
    let run = p.run(["--lang", "en", "log", "show", "2026-11-20"]).success();
    assert!(run.stdout.contains("Kind:  celebration"), "{run}");

    let j = p.run(["team", "show", "kari", "--format", "json"]).success().json();
    assert_eq!(j["version"], 2);
    assert_eq!(j["team_member"]["role"], "prosjektleder", "{j}");
    assert_eq!(j["team_member"]["path"], "team/kari-nordmann.toml", "{j}");

    let (run, first) = p.run(["goal", "show", "lengre"]).failure();
    assert!(first.contains("lengre"), "{run}");
    assert_eq!(before, p.snapshot(), "show never writes");
}
