//! The one output layer's promises (issue 13): Markdown, CSV and the
//! terminal are safe whatever the files hold, and the CI formats fit what
//! GitHub and GitLab show.

use std::fs;
use std::process::Command;

use crate::support::{Project, Sandbox};

const SCRIPT: &str = "<script>alert(1)</script>";
const IMG: &str = "<img src=x onerror=alert(1)>";
const LINK: &str = "[klikk](javascript:alert(1))";

/// A project whose records carry HTML, link syntax and `|` in their text.
fn hostile(sb: &Sandbox) -> Project<'_> {
    let p = sb.init_project();
    p.run(["benefit", "add", &format!("Gevinst {SCRIPT}"), "--type", "tid"]).success();
    p.run([
        "benefit",
        "plan",
        "gevinst",
        "--indicator",
        "Ventetid",
        "--unit",
        "min | kr",
        "--baseline",
        "40",
        "--target",
        "20",
        "--by",
        "2027-06-30",
    ])
    .success();
    p.run(["deviation", "add", &format!("Avvik {IMG}"), "--kind", "service"]).success();
    p.run(["role", "add", "Leder | sjef", "--kind", "internal"]).success();
    p.run(["journey", "add", "Ringer"]).success();
    p.run(["activity", "add", &format!("Svare {LINK}"), "--step", "ringer"]).success();
    p.add_idea(&format!("Idé {LINK}"), &[]);
    p
}

/// Markdown from a hostile project holds no HTML tag and no link of its own.
fn assert_inert_markdown(md: &str) {
    for raw in ["<script", "<img", "[klikk]("] {
        assert!(!md.contains(raw), "raw `{raw}` in Markdown:\n{md}");
    }
    // A link needs `](` with the bracket not escaped.
    let link = md.match_indices("](").any(|(i, _)| !md[..i].ends_with('\\'));
    assert!(!link, "a link in Markdown:\n{md}");
}

#[test]
fn markdown_shows_html_links_and_pipes_from_records_as_text() {
    let sb = Sandbox::new();
    let p = hostile(&sb);
    let report = p.run(["report", "--format", "md"]).success();
    assert_inert_markdown(&report.stdout);
    assert!(report.stdout.contains("&lt;script&gt;"), "{}", report.stdout);
    // The unit's `|` does not split the indicator's row: every row of the
    // table has as many cells as its header.
    let table: Vec<&str> =
        report.stdout.lines().skip_while(|l| !l.contains("| Gevinst |")).take(3).collect();
    let cells = |l: &str| l.replace("\\|", "").matches('|').count();
    assert_eq!(cells(table[0]), cells(table[2]), "{}", table.join("\n"));
    assert!(table[2].contains("min \\| kr"), "{}", table[2]);

    let raci = p.run(["raci", "show", "--format", "md"]).success();
    assert_inert_markdown(&raci.stdout);
    assert!(raci.stdout.contains("Leder \\| sjef"), "{}", raci.stdout);
    let html = p.run(["report", "--format", "html"]).success();
    for raw in [SCRIPT, IMG] {
        assert!(!html.stdout.contains(raw), "raw `{raw}` in HTML");
    }
}

#[test]
fn csv_cells_that_start_like_a_formula_are_neutralised_and_read_back_unchanged() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.plan_waiting_time("Ventetid", &[]);
    p.run(["measure", "record", "ventetid", "35", "--date", "2026-10-01", "--note", "=1+1"])
        .success();
    p.run(["measure", "record", "ventetid", "-3", "--date", "2026-11-01", "--note", "@SUM(A1)"])
        .success();
    let export = p.run(["measure", "export"]).success();
    let mut rows = csv::Reader::from_reader(export.stdout.as_bytes());
    let notes: Vec<(String, String)> = rows
        .records()
        .map(|r| r.expect("CSV row"))
        .map(|r| (r[2].to_string(), r[3].to_string()))
        .collect();
    // A plain negative number is not a formula and stays a number.
    assert_eq!(
        notes,
        [("35".into(), "'=1+1".into()), ("-3".into(), "'@SUM(A1)".into())],
        "{}",
        export.stdout
    );
    let excel = p.run(["measure", "export", "--excel"]).success();
    assert!(excel.stdout.contains(";'=1+1"), "{}", excel.stdout);

    // Imported back, the notes are what was recorded.
    fs::write(p.path("eksport.csv"), &export.stdout).expect("write");
    p.run(["measure", "import", "eksport.csv", "--replace"]).success();
    let notes: Vec<serde_json::Value> =
        p.run(["measure", "list", "--format", "json"]).json()["measurements"]
            .as_array()
            .expect("measurements")
            .iter()
            .map(|m| m["note"].clone())
            .collect();
    assert_eq!(notes, [serde_json::json!("=1+1"), serde_json::json!("@SUM(A1)")]);
}

/// A project whose own roadmap adds an item to the first phase with `text`
/// (TOML escapes allowed) as its question: the text of a roadmap is printed
/// as it is written, so what it holds must be made harmless on the way out.
fn roadmap_item_saying(p: &Project, text: &str) {
    p.write(
        "roadmap.toml",
        &format!(
            "extends = \"ks-2018\"\n\n[[phase]]\nid = \"forankring\"\n\n[[phase.item]]\n\
             id = \"egen\"\nevaluation = \"manual\"\nnb = \"{text}\"\nen = \"{text}\"\n"
        ),
    );
}

#[test]
fn control_characters_in_a_file_never_reach_the_terminal() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let id = p.add_idea("Skilting", &[]);
    let file = format!("ideas/{id}.toml");
    let text = p.read(&file).replace(
        "status =",
        "description = \"Les dette\\u001b]0;hacket\\u0007 og \\u001b[2J slett\"\nstatus =",
    );
    p.write(&file, &text);
    // In a record they break the rule of a text (as on the command line):
    // `check` says where, and readers refuse the file without printing them.
    let check = p.run(["check", "--format", "json"]).code(1).json();
    assert_eq!(check["diagnostics"][0]["code"], "control-character", "{check}");
    assert_eq!(check["diagnostics"][0]["line"], 2, "{check}");
    for args in [vec!["idea", "show", id.as_str()], vec!["idea", "list"], vec!["report"]] {
        let run = p.run(&args).code(2);
        for c in ['\u{1b}', '\u{7}'] {
            assert!(!run.stdout.contains(c), "{args:?} printed U+{:04X}:\n{run}", c as u32);
            assert!(!run.stderr.contains(c), "{args:?} printed U+{:04X}:\n{run}", c as u32);
        }
    }
    // Where they can still come from, they are shown escaped.
    p.write(&file, &text.replace("\\u001b]0;hacket\\u0007 og \\u001b[2J ", ""));
    roadmap_item_saying(&p, "Les dette\\u001b]0;hacket\\u0007 og \\u001b[2J slett");
    for args in [vec!["checklist"], vec!["checklist", "--format", "md"], vec!["report"]] {
        let run = p.run(&args).success();
        for c in ['\u{1b}', '\u{7}'] {
            assert!(!run.stdout.contains(c), "{args:?} printed U+{:04X}:\n{run}", c as u32);
        }
    }
    let show = p.run(["checklist"]).success();
    assert!(show.stdout.contains("\\u{1b}]0;hacket\\u{7}"), "{show}");
    // JSON keeps the real characters, escaped the JSON way.
    let json = p.run(["checklist", "--format", "json"]).success();
    assert!(json.stdout.contains("\\u001b]0;hacket\\u0007"), "{json}");
}

#[test]
fn bidi_overrides_and_line_separators_are_refused_in_titles_and_reported_in_files() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    for bad in ["Ny\u{2028}linje", "Ny\u{2029}avsnitt", "abc\u{202E}cba"] {
        let run = p.run(["idea", "add", bad]).code(2);
        assert!(run.stderr.contains("usynlig tegn"), "{run}");
        assert!(!p.path("ideas").exists(), "{run}");
    }
    let id = p.add_idea("Skilting", &[]);
    let file = format!("ideas/{id}.toml");
    p.write(&file, &p.read(&file).replace("Skilting", "Skil\\u2028ting"));
    let check = p.run(["check", "--format", "json"]).json();
    let codes: Vec<&str> = check["diagnostics"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(codes.contains(&"hidden-character"), "{check}");
}

/// A project with `n` ideas that `check` rejects and `n` it warns about.
fn broken(sb: &Sandbox, n: usize) -> Project<'_> {
    let p = sb.init_project();
    for i in 0..n {
        p.write(
            &format!("ideas/feil-{i:02}.toml"),
            "title = \"F\"\nstatus = \"ferdig\"\nsubmitted = 2026-11-01\n",
        );
        p.write(
            &format!("ideas/varsel-{i:02}.toml"),
            "title = \"V\"\nstatus = \"assessed\"\nsubmitted = 2026-11-01\n",
        );
    }
    p
}

#[test]
fn github_annotations_are_capped_at_ten_of_each_level_with_a_notice_for_the_rest() {
    let sb = Sandbox::new();
    let p = broken(&sb, 15);
    let run = p.run(["check", "--format", "github"]).code(1);
    let lines = run.out_lines();
    let count = |level: &str| lines.iter().filter(|l| l.starts_with(level)).count();
    assert_eq!((count("::error "), count("::warning "), count("::notice ")), (10, 10, 1), "{run}");
    let notice = lines.last().copied().unwrap_or_default();
    assert!(notice.contains("20 av 30") && notice.contains("veikart check"), "{notice}");
    assert!(notice.contains("15 feil") && notice.contains("15 advarsler"), "{notice}");
    // Errors first.
    assert!(lines[..10].iter().all(|l| l.starts_with("::error ")), "{run}");
}

#[test]
fn the_step_summary_gets_markdown_from_check_and_the_checklist_gate() {
    let sb = Sandbox::new();
    let p = broken(&sb, 1);
    let summary = sb.work.join("summary.md");
    let run = |args: &[&str]| {
        let mut cmd: Command = sb.command(&p.root, args);
        cmd.env("GITHUB_STEP_SUMMARY", &summary);
        cmd.output().expect("run veikart")
    };
    let out = run(&["check"]);
    assert_eq!(out.status.code(), Some(1));
    let md = fs::read_to_string(&summary).expect("summary written");
    assert!(md.starts_with("### `veikart check`"), "{md}");
    assert!(md.contains("1 feil, 1 advarsel"), "{md}");
    assert!(md.contains("| ❌ | ideas/feil-00.toml | 2 | enum |"), "{md}");

    fs::remove_file(p.path("ideas/feil-00.toml")).expect("rm");
    let out = run(&["checklist", "--check"]);
    assert_eq!(out.status.code(), Some(1));
    let md = fs::read_to_string(&summary).expect("summary written");
    assert!(md.contains("## Sjekkliste for Forankring"), "{md}");
    assert!(md.trim_end().ends_with("er ikke ferdige (forankring 0/6)."), "{md}");
    // Without the variable, nothing is written anywhere.
    let before = fs::read_to_string(&summary).expect("summary");
    p.run(["check"]).code(0);
    assert_eq!(fs::read_to_string(&summary).expect("summary"), before);
}

#[test]
fn codequality_reports_have_fingerprints_that_survive_a_moved_line() {
    let sb = Sandbox::new();
    let p = broken(&sb, 2);
    let first = p.run(["check", "--format", "codequality"]).code(1).json();
    let issues = first.as_array().expect("a JSON array, as GitLab wants");
    assert_eq!(issues.len(), 4, "{first}");
    for i in issues {
        for key in ["description", "check_name", "fingerprint", "severity"] {
            assert!(i[key].is_string(), "{key} in {i}");
        }
        assert!(i["location"]["path"].as_str().is_some_and(|p| p.starts_with("ideas/")), "{i}");
        assert!(i["location"]["lines"]["begin"].as_u64().is_some_and(|n| n >= 1), "{i}");
    }
    let prints = |v: &serde_json::Value| -> Vec<String> {
        let mut f: Vec<String> = v
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|i| i["fingerprint"].as_str().map(str::to_string))
            .collect();
        f.sort();
        f
    };
    let unique: std::collections::BTreeSet<String> = prints(&first).into_iter().collect();
    assert_eq!(unique.len(), 4, "{first}");
    // A comment line on top moves every finding down one line.
    for f in ["ideas/feil-00.toml", "ideas/varsel-01.toml"] {
        p.write(f, &format!("# flyttet\n{}", p.read(f)));
    }
    let moved = p.run(["check", "--format", "codequality"]).code(1).json();
    assert_ne!(first, moved);
    assert_eq!(prints(&first), prints(&moved));

    let clean = Sandbox::new();
    let gate = clean.init_project().run(["checklist", "--check", "--format", "codequality"]);
    let gate = gate.code(1).json();
    assert!(gate.as_array().is_some_and(|a| a.len() == 6), "{gate}");
}

#[test]
fn junit_skips_not_relevant_items_and_has_times() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.run([
        "checklist",
        "answer",
        "forankring",
        "stakeholders",
        "not-relevant",
        "--note",
        "Ingen utenfor enheten",
        "--by",
        "K",
    ])
    .success();
    let run = p.run(["checklist", "--check", "--format", "junit"]).code(1);
    let doc = roxmltree::Document::parse(&run.stdout).expect("XML");
    let case = doc
        .descendants()
        .find(|n| {
            n.has_tag_name("testcase")
                && n.attribute("name").is_some_and(|a| a.starts_with("stakeholders:"))
        })
        .expect("testcase");
    assert!(case.children().any(|c| c.has_tag_name("skipped")), "{}", run.stdout);
    assert!(!case.children().any(|c| c.has_tag_name("failure")), "{}", run.stdout);
    for n in doc.descendants().filter(|n| n.is_element()) {
        if ["testsuites", "testsuite", "testcase"].contains(&n.tag_name().name()) {
            assert!(n.attribute("time").is_some(), "{:?} has no time", n.tag_name());
        }
    }
    let suite = doc.descendants().find(|n| n.has_tag_name("testsuite")).expect("suite");
    assert_eq!(suite.attribute("skipped"), Some("1"));
    assert_eq!(suite.attribute("failures"), Some("5"));
}

#[test]
fn colour_codes_and_c1_controls_from_files_are_escaped_in_every_output() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    roadmap_item_saying(&p, "Skjult \\u001b[8mtekst og \\u009b31m C1");
    // With colour on, only veikart's own colour codes reach the terminal.
    let show = p.run(["--color", "always", "checklist"]).success();
    assert!(!show.stdout.contains("\u{1b}[8m") && !show.stdout.contains('\u{9b}'), "{show}");
    assert!(show.stdout.contains("\\u{1b}[8m"), "{show}");
    // JSON stays JSON, with the controls as escapes.
    let json = p.run(["checklist", "--format", "json"]).success();
    assert!(!json.stdout.contains('\u{9b}'), "{json}");
    assert!(json.stdout.contains("\\u009b31m"), "{json}");
    // In a record they are refused, as on the command line.
    let id = p.add_idea("Skilting", &[]);
    let file = format!("ideas/{id}.toml");
    let text =
        p.read(&file).replace("status =", "description = \"Skjult \\u009b31m C1\"\nstatus =");
    p.write(&file, &text);
    let run = p.run(["--color", "always", "idea", "show", &id]).code(2);
    assert!(!run.stderr.contains('\u{9b}') && run.stderr.contains("kontrolltegn"), "{run}");
}

#[test]
fn codequality_is_valid_json_and_its_fingerprints_do_not_depend_on_the_language() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.write(
        "ideas/rar.toml",
        "title = \"R\"\nstatus = \"ny\\u0085\\u202e\"\nsubmitted = 2026-11-01\n",
    );
    let nb = p.run(["check", "--format", "codequality"]).code(1).json();
    let en = p.run(["--lang", "en", "check", "--format", "codequality"]).code(1).json();
    let prints = |v: &serde_json::Value| v[0]["fingerprint"].clone();
    assert!(prints(&nb).is_string(), "{nb}");
    assert_eq!(prints(&nb), prints(&en));
    assert_ne!(nb[0]["description"], en[0]["description"]);
}

#[test]
fn a_users_own_leading_quote_survives_export_and_import() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.plan_waiting_time("Ventetid", &[]);
    p.run(["measure", "record", "ventetid", "35", "--date", "2026-10-01", "--note", "'=allerede"])
        .success();
    let export = p.run(["measure", "export"]).success();
    assert!(export.stdout.contains("''=allerede"), "{}", export.stdout);
    fs::write(p.path("eksport.csv"), &export.stdout).expect("write");
    p.run(["measure", "import", "eksport.csv", "--replace"]).success();
    let list = p.run(["measure", "list", "--format", "json"]).json();
    assert_eq!(list["measurements"][0]["note"], "'=allerede");
}

#[test]
fn bad_rows_and_usage_errors_never_send_control_characters_to_the_terminal() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.plan_waiting_time("Ventetid", &[]);
    fs::write(
        p.path("rader.csv"),
        "indicator,date,value\nvent\u{1b}]0;x\u{7},2026-10-01,1\nventetid,2026-13-\u{1b}[2J01,1\n",
    )
    .expect("write");
    let run = p.run(["measure", "import", "rader.csv"]).code(2);
    assert!(!run.stderr.contains('\u{1b}') && !run.stderr.contains('\u{7}'), "{run}");
    assert!(run.stderr.contains("\\u{1b}"), "{run}");
    let usage = p.run(["idea", "list", "--format", "x\u{1b}[31m"]).code(2);
    assert!(!usage.stderr.contains('\u{1b}'), "{usage}");
}

#[test]
fn the_gate_annotates_the_file_it_cannot_judge_the_checklist_for() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.write("ideas/feil.toml", "title = \"F\"\nstatus = \"bogus\"\nsubmitted = 2026-11-01\n");
    let run = p.run(["checklist", "--check", "--format", "github"]).code(2);
    assert!(
        run.stdout.lines().any(|l| l.starts_with("::error file=ideas/feil.toml,line=2,")),
        "{run}"
    );
}
