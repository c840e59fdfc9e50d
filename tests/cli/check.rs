//! `veikart check`: every problem at once as `path:line:col: error[code]:
//! message` with `hint:` lines, sorted by path and line; `--format json` and
//! `--format github`; exit 0 clean, 1 findings, 2 could not run.
//!
//! Each kind of problem gets its own small fixture, with the fault placed on a
//! line other than the first so that a wrong line number shows.

use crate::support::{Project, Run, Sandbox, assert_same_tree, idea_text};

/// A project with one good idea, `bedre-skilting`, for references to point at.
fn project(sb: &Sandbox) -> Project<'_> {
    let p = sb.init_project();
    p.write("ideas/bedre-skilting.toml", &idea_text("Bedre skilting"));
    p
}

/// One diagnostic as printed: its first line and the hint lines under it.
#[derive(Debug)]
struct Printed {
    line: String,
    hints: Vec<String>,
}

/// Split `check`'s text output into diagnostics.
fn printed(run: &Run) -> Vec<Printed> {
    let mut out: Vec<Printed> = Vec::new();
    for l in run.stdout.lines() {
        if let Some(h) = l.strip_prefix("  hint: ") {
            out.last_mut()
                .unwrap_or_else(|| panic!("a hint before any diagnostic\n{run}"))
                .hints
                .push(h.to_string());
        } else {
            out.push(Printed { line: l.to_string(), hints: Vec::new() });
        }
    }
    out
}

/// Run `check` on a project with `rel` holding `text` (or a folder when
/// `text` is `None`); expect exit 1 and exactly one diagnostic, whose first
/// line must start with `head` and which must carry a hint containing `hint`.
fn one_problem(rel: &str, text: Option<&str>, head: &str, hint: &str) -> Printed {
    let sb = Sandbox::new();
    let p = project(&sb);
    match text {
        Some(t) => p.write(rel, t),
        None => std::fs::create_dir_all(p.path(rel)).expect("mkdir"),
    }
    let before = p.snapshot();
    let run = p.run(["check"]).code(1);
    assert_same_tree(&before, &p.snapshot(), &run);
    let mut diags = printed(&run);
    assert_eq!(diags.len(), 1, "exactly one problem expected\n{run}");
    let d = diags.remove(0);
    assert!(d.line.starts_with(head), "expected a line starting with {head:?}\n{run}");
    let message = d.line.split_once("]: ").map_or("", |(_, m)| m);
    assert!(!message.trim().is_empty(), "the diagnostic has a message after the code\n{run}");
    assert!(
        d.hints.iter().any(|h| h.contains(hint)),
        "expected a `hint:` line containing {hint:?}\n{run}"
    );
    assert!(run.stderr.contains("1 feil"), "a summary on stderr\n{run}");
    d
}

#[test]
fn check_on_a_clean_project_exits_0_and_prints_no_diagnostics() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let a = p.add_idea("Bedre skilting", &["--tag", "bygg"]);
    let b = p.add_idea("Digital kø", &["--related", &a]);
    p.assess(&b, 3, 4, Some(2));
    p.run(["idea", "set", &a, "--status", "parked", "--reason", "Venter på nybygget"]).success();
    let run = p.run(["check"]).success();
    assert!(run.stdout.is_empty(), "{run}");
    assert!(run.stderr.contains("Sjekket 3 filer: alt i orden."), "{run}");
}

#[test]
fn check_reports_a_toml_syntax_error_at_its_line() {
    let d = one_problem(
        "ideas/syntaks.toml",
        Some("title = \"Kaffe\"\nstatus = \"new\nsubmitted = 2026-11-01\n"),
        "ideas/syntaks.toml:2:14: error[syntax]: ",
        "veikart",
    );
    assert!(d.line.contains("TOML"), "{d:?}");
}

#[test]
fn check_reports_an_unknown_key_and_suggests_the_right_one() {
    one_problem(
        "ideas/kaffe.toml",
        Some("title = \"Kaffe\"\nstatus = \"new\"\nsubmitted = 2026-11-01\nbenifit = 3\n"),
        "ideas/kaffe.toml:4:1: error[unknown-key]: ukjent nøkkel `benifit`",
        "`benefit`",
    );
}

#[test]
fn check_reports_a_wrong_type_at_the_value() {
    one_problem(
        "ideas/kaffe.toml",
        Some(
            "title = \"Kaffe\"\nstatus = \"new\"\nsubmitted = 2026-11-01\nfeasibility = \"high\"\nbenefit = 3\n",
        ),
        "ideas/kaffe.toml:4:15: error[type]: `feasibility`",
        "1",
    );
}

#[test]
fn check_reports_a_quoted_date_as_a_wrong_type_and_shows_the_fix() {
    one_problem(
        "ideas/kaffe.toml",
        Some("title = \"Kaffe\"\nstatus = \"new\"\nsubmitted = \"2026-11-01\"\n"),
        "ideas/kaffe.toml:3:13: error[type]: `submitted`",
        "`submitted = 2026-11-01`",
    );
}

#[test]
fn check_reports_a_bad_enum_value_and_lists_the_valid_ones() {
    one_problem(
        "ideas/kaffe.toml",
        Some("title = \"Kaffe\"\nstatus = \"ferdig\"\nsubmitted = 2026-11-01\n"),
        "ideas/kaffe.toml:2:10: error[enum]: `ferdig`",
        "prioritised",
    );
}

#[test]
fn check_reports_a_norwegian_enum_label_and_suggests_the_key() {
    one_problem(
        "ideas/kaffe.toml",
        Some("title = \"Kaffe\"\nstatus = \"prioritert\"\nsubmitted = 2026-11-01\n"),
        "ideas/kaffe.toml:2:10: error[enum]: `prioritert`",
        "status = \"prioritised\"",
    );
}

#[test]
fn check_reports_a_score_out_of_range() {
    one_problem(
        "ideas/kaffe.toml",
        Some(
            "title = \"Kaffe\"\nstatus = \"assessed\"\nsubmitted = 2026-11-01\nfeasibility = 4\nbenefit = 9\n",
        ),
        "ideas/kaffe.toml:5:11: error[range]: `benefit`",
        "5",
    );
}

#[test]
fn check_reports_a_file_name_that_is_not_an_id_and_suggests_one() {
    one_problem(
        "ideas/Kaffe_Pa_Venterommet.toml",
        Some(&idea_text("Kaffe")),
        "ideas/Kaffe_Pa_Venterommet.toml:1:1: error[bad-file-name]: ",
        "kaffe-pa-venterommet.toml",
    );
}

#[test]
fn check_reports_a_dangling_reference_at_the_list_item() {
    one_problem(
        "ideas/kaffe.toml",
        Some(
            "title = \"Kaffe\"\nstatus = \"new\"\nsubmitted = 2026-11-01\nrelated = [\"bedre-skilting\", \"bedre-skiltng\"]\n",
        ),
        // The second item, `"bedre-skiltng"`, starts at column 30.
        "ideas/kaffe.toml:4:30: error[dangling-ref]: ",
        "bedre-skilting",
    );
}

#[test]
fn check_reports_a_record_that_is_a_folder() {
    one_problem("ideas/mappe.toml", None, "ideas/mappe.toml:1:1: error[not-a-file]: ", ".toml");
}

#[test]
fn check_reports_a_missing_required_key() {
    one_problem(
        "ideas/kaffe.toml",
        Some("title = \"Kaffe\"\nstatus = \"new\"\n"),
        "ideas/kaffe.toml:1:1: error[missing]: ",
        "submitted",
    );
}

#[test]
fn check_reports_a_rejected_idea_without_a_reason_at_its_status() {
    one_problem(
        "ideas/kaffe.toml",
        Some(
            "title = \"Kaffe\"\nsubmitted = 2026-11-01\nstatus = \"rejected\"\ndecided = 2026-11-02\n",
        ),
        "ideas/kaffe.toml:3:1: error[missing-reason]: ",
        "--reason",
    );
}

#[test]
fn check_reports_a_broken_project_file_as_a_finding() {
    let sb = Sandbox::new();
    let p = project(&sb);
    p.write(
        "veikart.toml",
        "name = \"P\"\nroadmap = \"ks-2018\"\nphase = \"forankring\"\nfarge = 1\n",
    );
    let run = p.run(["check"]).code(1);
    let d = printed(&run);
    assert_eq!(d.len(), 1, "{run}");
    assert!(d[0].line.starts_with("veikart.toml:4:1: error[unknown-key]: "), "{run}");
}

/// Several problems in several files, one file with three of them.
fn messy(sb: &Sandbox) -> Project<'_> {
    let p = project(sb);
    p.write(
        "ideas/zulu.toml",
        "title = \"Z\"\nstatus = \"new\"\nsubmitted = 2026-11-01\nrelated = [\"finnes-ikke\"]\n",
    );
    p.write(
        "ideas/alfa.toml",
        "title = \"A\"\nfarge = \"rød\"\nstatus = \"ferdig\"\nsubmitted = 2026-11-01\nfeasibility = 0\nbenefit = 3\n",
    );
    p.write("ideas/midt.toml", "title = \"M\"\nstatus = \"new\"\nsubmitted = 2026-13-01\n");
    p
}

#[test]
fn check_reports_every_problem_at_once_sorted_by_path_and_line() {
    let sb = Sandbox::new();
    let p = messy(&sb);
    let run = p.run(["check"]).code(1);
    let heads: Vec<String> = printed(&run)
        .iter()
        .map(|d| d.line.split(": ").take(2).collect::<Vec<_>>().join(": "))
        .collect();
    assert_eq!(
        heads,
        [
            "ideas/alfa.toml:2:1: error[unknown-key]",
            "ideas/alfa.toml:3:10: error[enum]",
            "ideas/alfa.toml:5:15: error[range]",
            "ideas/midt.toml:3:13: error[syntax]",
            "ideas/zulu.toml:4:12: error[dangling-ref]",
        ],
        "{run}"
    );
    assert!(run.stderr.contains("5 feil"), "{run}");
}

#[test]
fn check_format_json_has_the_same_diagnostics() {
    let sb = Sandbox::new();
    let p = messy(&sb);
    let run = p.run(["check", "--format", "json"]).code(1);
    let v = run.json();
    assert_eq!(v["version"], 2);
    assert_eq!(v["ok"], false);
    assert_eq!(v["errors"], 5);
    assert_eq!(v["warnings"], 0);
    let diags = v["diagnostics"].as_array().expect("diagnostics array");
    let got: Vec<(String, u64, u64, String)> = diags
        .iter()
        .map(|d| {
            assert_eq!(d["severity"], "error", "{d}");
            assert!(d["message"].as_str().is_some_and(|m| !m.is_empty()), "{d}");
            assert!(d["hints"].is_array(), "{d}");
            (
                d["path"].as_str().expect("path").to_string(),
                d["line"].as_u64().expect("line"),
                d["column"].as_u64().expect("column"),
                d["code"].as_str().expect("code").to_string(),
            )
        })
        .collect();
    let want = [
        ("ideas/alfa.toml", 2, 1, "unknown-key"),
        ("ideas/alfa.toml", 3, 10, "enum"),
        ("ideas/alfa.toml", 5, 15, "range"),
        ("ideas/midt.toml", 3, 13, "syntax"),
        ("ideas/zulu.toml", 4, 12, "dangling-ref"),
    ];
    let want: Vec<(String, u64, u64, String)> =
        want.iter().map(|(p, l, c, k)| (p.to_string(), *l, *c, k.to_string())).collect();
    assert_eq!(got, want, "{run}");

    let clean = Sandbox::new();
    let v = project(&clean).run(["check", "--format", "json"]).success().json();
    assert_eq!(v["ok"], true);
    assert_eq!(v["errors"], 0);
    assert_eq!(v["diagnostics"], serde_json::json!([]));
}

#[test]
fn check_format_github_prints_error_annotations() {
    let sb = Sandbox::new();
    let p = messy(&sb);
    let run = p.run(["check", "--format", "github"]).code(1);
    let lines = run.out_lines();
    assert_eq!(lines.len(), 5, "one annotation per problem, hints inside it\n{run}");
    assert!(lines[0].starts_with("::error file=ideas/alfa.toml,line=2,col=1,title="), "{run}");
    assert!(lines[0].contains("farge"), "{run}");
    assert!(lines[4].starts_with("::error file=ideas/zulu.toml,line=4,col=12,title="), "{run}");
    assert!(lines[4].contains("finnes-ikke"), "{run}");
    for l in lines {
        assert!(l.starts_with("::error file="), "{l}");
    }
}

#[test]
fn check_exit_codes_are_0_clean_0_for_warnings_1_strict_or_errors_2_cannot_run() {
    let sb = Sandbox::new();
    let p = project(&sb);
    // Marked assessed but never scored: a warning, not an error.
    p.write(
        "ideas/kaffe.toml",
        "title = \"Kaffe\"\nstatus = \"assessed\"\nsubmitted = 2026-11-01\n",
    );
    let run = p.run(["check"]).success();
    assert!(run.stdout.contains("ideas/kaffe.toml:2:1: warning[not-scored]: "), "{run}");
    p.run(["check", "--strict"]).code(1);
    let v = p.run(["check", "--format", "json"]).success().json();
    assert_eq!((v["ok"].clone(), v["warnings"].clone()), (true.into(), 1.into()));

    p.write("ideas/kaffe.toml", "title = \"Kaffe\"\nstatus = \"new\"\n");
    p.run(["check"]).code(1);

    // Could not run: a format check does not offer, or no project at all.
    p.run(["check", "--format", "csv"]).failure();
    let outside = sb.home.clone();
    sb.run(&outside, ["check"]).failure();
}

#[test]
fn check_speaks_english_with_lang_en() {
    let sb = Sandbox::new();
    let p = project(&sb);
    p.write(
        "ideas/kaffe.toml",
        "title = \"Kaffe\"\nstatus = \"new\"\nsubmitted = 2026-11-01\nbenifit = 3\n",
    );
    let run = p.run(["--lang", "en", "check"]).code(1);
    assert!(
        run.stdout.starts_with("ideas/kaffe.toml:4:1: error[unknown-key]: unknown key `benifit`\n  hint: did you mean `benefit`?\n"),
        "{run}"
    );
    assert!(run.stderr.contains("Checked 3 files"), "{run}");
}

#[test]
fn check_never_writes() {
    let sb = Sandbox::new();
    let p = messy(&sb);
    let before = sb.work.clone();
    let snap = crate::support::snapshot(&before);
    let run = p.run(["check"]).code(1);
    assert_same_tree(&snap, &crate::support::snapshot(&before), &run);
}

#[test]
fn a_national_identity_number_in_any_file_is_a_warning_with_its_place() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    // A made-up number whose check digits hold, and one whose do not. No
    // command writes the first (issue 12), so it is written by hand.
    let id = "pasient-ringte-tre-ganger";
    p.write(
        &format!("ideas/{id}.toml"),
        "title = \"Pasient ringte tre ganger\"\ndescription = \"Gjelder 150385 10190, se journal.\"\nstatus = \"new\"\nsubmitted = 2026-11-01\n",
    );
    p.add_idea("Nytt telefonnummer 15038510191", &[]);
    let run = p.run(["check"]).success();
    let want = format!("ideas/{id}.toml:");
    let line = run
        .stdout
        .lines()
        .find(|l| l.contains("warning[personal-id]"))
        .unwrap_or_else(|| panic!("a personal-id warning\n{run}"));
    assert!(line.starts_with(&want), "{run}");
    assert!(line.contains("fødselsnummer"), "{run}");
    assert_eq!(run.stdout.matches("personal-id").count(), 1, "only the valid number\n{run}");
    p.run(["check", "--strict"]).code(1);
    let j = p.run(["check", "--format", "json"]).success().json();
    let diag = j["diagnostics"]
        .as_array()
        .and_then(|d| d.iter().find(|d| d["code"] == "personal-id"))
        .cloned()
        .unwrap_or_else(|| panic!("in the JSON too: {j}"));
    assert_eq!(diag["severity"], "warning");
    assert!(diag["column"].as_u64().is_some_and(|c| c > 1), "{diag}");
}

#[test]
fn more_indicators_than_the_limit_is_a_warning_on_the_project_file() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    for n in 1..=8 {
        p.plan_waiting_time(&format!("Ventetid {n}"), &[]);
    }
    let run = p.run(["check"]).success();
    assert!(!run.stdout.contains("too-many-indicators"), "8 is within the default\n{run}");
    p.plan_waiting_time("Ventetid 9", &[]);
    let run = p.run(["check"]).success();
    assert!(run.stdout.contains("veikart.toml:1:1: warning[too-many-indicators]"), "{run}");
    assert!(run.stdout.contains("9 måleindikatorer, flere enn 8"), "{run}");

    // The project sets its own limit; the warning then points at it.
    let text = p.read("veikart.toml");
    p.write("veikart.toml", &format!("{text}max_indicators = 5\n"));
    let line = p.read("veikart.toml").lines().count();
    let run = p.run(["check"]).success();
    assert!(run.stdout.contains(&format!("veikart.toml:{line}:")), "{run}");
    assert!(run.stdout.contains("flere enn 5"), "{run}");
    p.write("veikart.toml", &format!("{text}max_indicators = 9\n"));
    let run = p.run(["check"]).success();
    assert!(!run.stdout.contains("too-many-indicators"), "{run}");
    p.write("veikart.toml", &format!("{text}max_indicators = 0\n"));
    let run = p.run(["check"]).code(1);
    assert!(run.stdout.contains("error[range]"), "{run}");
}
