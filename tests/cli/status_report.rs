//! Status reports (issue 17, part 1): traffic lights per period, prefilled
//! from the previous report, published on a git commit and frozen from
//! then on; `report --status-report ID` renders the project as it was at
//! that commit, and `--since-last` says what changed in `veikart diff`'s words.

use crate::support::{Project, Sandbox, assert_refused, assert_same_tree, example_copy, snapshot};

const ALL: &[&str] = &[
    "status-report",
    "new",
    "--overall",
    "green",
    "--time",
    "yellow",
    "--cost",
    "green",
    "--quality",
    "grønn",
    "--risk",
    "gul",
    "--benefits",
    "rød",
    "--comment-time",
    "Piloten er to uker forsinket",
];

/// A new project in a git repository, everything committed.
fn in_git(sb: &Sandbox) -> Project<'_> {
    let p = sb.init_project();
    sb.git(&p.root, ["init", "-q"]).success();
    commit(&p, "Prosjektet");
    p
}

fn commit(p: &Project, message: &str) {
    p.sb.git(&p.root, ["add", "."]).success();
    p.sb.git(&p.root, ["commit", "-qm", message]).success();
}

fn head(p: &Project) -> String {
    p.sb.git(&p.root, ["rev-parse", "HEAD"]).success().stdout.trim().to_string()
}

#[test]
fn new_with_every_light_writes_one_small_file() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let run = p.run(ALL).success();
    assert_eq!(run.stdout.trim(), "2026-11");
    assert!(run.stderr.contains("status-reports/2026-11.toml"), "{run}");
    assert_eq!(
        p.read("status-reports/2026-11.toml"),
        "period = \"2026-11\"\noverall = \"green\"\ntime = \"yellow\"\n\
         comment_time = \"Piloten er to uker forsinket\"\ncost = \"green\"\n\
         quality = \"green\"\nrisk = \"yellow\"\nbenefits = \"red\"\ncreated = 2026-11-23\n"
    );
    // A second report for the same period gets an id of its own.
    let run = p.run(ALL).success();
    assert_eq!(run.stdout.trim(), "2026-11-2");
    p.run(["check"]).success();
}

#[test]
fn new_is_prefilled_from_the_previous_report() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.run(ALL).success();
    let run = p.run(["status-report", "new", "--period", "2026-12", "--time", "red"]).success();
    assert_eq!(run.stdout.trim(), "2026-12");
    assert!(run.stderr.contains("fylt ut fra 2026-11"), "{run}");
    let t: toml::Table = p.read("status-reports/2026-12.toml").parse().expect("TOML");
    assert_eq!(t["time"].as_str(), Some("red"));
    assert_eq!(t["benefits"].as_str(), Some("red"));
    assert_eq!(t["overall"].as_str(), Some("green"));
    assert_eq!(t["comment_time"].as_str(), Some("Piloten er to uker forsinket"));
    // A comment given as "" is left out.
    p.run(["status-report", "new", "--period", "2027-01", "--comment-time", ""]).success();
    let t: toml::Table = p.read("status-reports/2027-01.toml").parse().expect("TOML");
    assert!(t.get("comment_time").is_none(), "{t}");
    assert_eq!(t["time"].as_str(), Some("red"));
}

#[test]
fn missing_lights_without_a_previous_report_are_refused_by_name() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let run = assert_refused(
        &p,
        &p.root,
        &["status-report", "new", "--overall", "green", "--time", "red"],
        &["--cost", "--quality", "--risk", "--benefits"],
    );
    assert!(!run.stderr.contains("--time,"), "{run}");
    assert!(!p.root.join("status-reports").exists());
    // Without a terminal (CI, a pipe) no editor is ever opened.
    let marker = sb.work.join("editor-ran");
    let editor = sb.work.join("editor.sh");
    std::fs::write(&editor, format!("#!/bin/sh\ntouch '{}'\n", marker.display())).expect("write");
    let mut cmd = sb.command(&p.root, ["status-report", "new"]);
    let out = cmd.env("EDITOR", &editor).env("VISUAL", &editor).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(!marker.exists(), "an editor was opened without a terminal");
    assert!(!p.root.join("status-reports").exists());
}

#[test]
fn a_bad_light_or_period_is_one_line_and_changes_nothing() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.run(ALL).success();
    let before = snapshot(&p.root);
    let (run, first) = p.run(["status-report", "new", "--time", "blå"]).failure();
    assert!(first.contains("blå"), "{run}");
    assert_same_tree(&before, &snapshot(&p.root), &run);
    assert_refused(&p, &p.root, &["status-report", "new", "--period", "2026-13"], &["2026-13"]);
    assert_refused(
        &p,
        &p.root,
        &["status-report", "set", "2026-11", "--risk", "lilla"],
        &["lilla"],
    );
    // A light no one knows, written by hand, is what `check` reports.
    p.write(
        "status-reports/2026-11.toml",
        &p.read("status-reports/2026-11.toml").replace("\"yellow\"", "\"amber-ish\""),
    );
    let run = p.run(["check"]).code(1);
    assert!(run.stdout.contains("status-reports/2026-11.toml"), "{run}");
}

#[test]
fn set_changes_a_draft_and_refuses_a_published_report() {
    let sb = Sandbox::new();
    let p = in_git(&sb);
    p.run(ALL).success();
    let run = p
        .run(["status-report", "set", "2026-11", "--time", "red", "--comment-time", "Tre uker"])
        .success();
    assert!(run.stderr.contains("Tid: gul → rød"), "{run}");
    // `published` and `commit` are written by `publish` only.
    let (run, _) = p.run(["status-report", "set", "2026-11", "--commit", "abc"]).failure();
    assert!(run.stderr.contains("--commit"), "{run}");
    commit(&p, "Rapport");
    p.run(["status-report", "publish", "2026-11"]).success();
    let run = assert_refused(
        &p,
        &p.root,
        &["status-report", "set", "2026-11", "--time", "green"],
        &["2026-11", "låst"],
    );
    // Nor can it be removed: it is the record of what was reported.
    assert_refused(&p, &p.root, &["status-report", "rm", "2026-11"], &["2026-11", "låst"]);
    assert!(run.stderr.contains("status-report new"), "{run}");
    let run = p.run(["--lang", "en", "status-report", "set", "2026-11", "--risk", "red"]).code(2);
    assert!(run.stderr.contains("is frozen"), "{run}");
}

#[test]
fn publish_records_head_and_refuses_outside_git_and_with_changes_not_committed() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.run(ALL).success();
    assert_refused(&p, &p.root, &["status-report", "publish", "2026-11"], &["git"]);
    sb.git(&p.root, ["init", "-q"]).success();
    assert_refused(&p, &p.root, &["status-report", "publish", "2026-11"], &["commit"]);
    commit(&p, "Prosjektet");
    p.run(["idea", "add", "Kaffe på venterommet"]).success();
    let run = assert_refused(
        &p,
        &p.root,
        &["status-report", "publish", "2026-11"],
        &["ideas/kaffe-pa-venterommet.toml"],
    );
    assert!(run.stderr.contains("git commit"), "{run}");
    commit(&p, "Idé");
    // The report's own file may have changes: it is what publishing changes.
    p.run(["status-report", "set", "2026-11", "--author", "Ingrid Solberg"]).success();
    let run = p.run(["status-report", "publish", "2026"]).success();
    assert!(run.stderr.contains("git add status-reports/2026-11.toml"), "{run}");
    let t: toml::Table = p.read("status-reports/2026-11.toml").parse().expect("TOML");
    assert_eq!(t["commit"].as_str(), Some(head(&p).as_str()));
    assert_eq!(t["published"].to_string(), "2026-11-23");
    assert_refused(&p, &p.root, &["status-report", "publish", "2026-11"], &["alt publisert"]);
    let v = p.run(["status-report", "show", "2026-11", "--format", "json"]).success().json();
    assert_eq!(v["status_report"]["state"], "published");
    assert_eq!(v["status_report"]["commit"].as_str(), Some(head(&p).as_str()));
}

#[test]
fn a_published_report_renders_the_project_as_it_was() {
    let sb = Sandbox::new();
    let p = example_copy(&sb);
    sb.git(&p.root, ["init", "-q"]).success();
    commit(&p, "Eksempelet");
    p.run(["status-report", "publish", "2026-11"]).success();
    commit(&p, "Statusrapport for november");
    // A new value after the report was published.
    p.run(["measure", "record", "ventetid-i-telefonko", "2", "--date", "2026-11-22"]).success();
    commit(&p, "Ny måling");

    let frozen = p.run(["report", "--status-report", "2026-11"]).success().stdout;
    let today = p.run(["report"]).success().stdout;
    let row = |text: &str| {
        text.lines()
            .find(|l| l.starts_with("| Kortere ventetid i telefonkøen |"))
            .map(str::to_string)
            .unwrap_or_default()
    };
    assert!(row(&frozen).contains("| 7 min |"), "{frozen}");
    assert!(row(&today).contains("| 2 min |"), "{today}");
    assert!(frozen.contains("## Statusrapport for 2026-11"), "{frozen}");
    assert!(frozen.contains("| Kvalitet | 🟡 gul | To avvik om informasjon"), "{frozen}");
    assert!(!today.contains("## Statusrapport for"), "{today}");
    // The log covers the period: all of it before the first report, only
    // what came after the last published one since.
    assert!(frozen.contains("## Loggen\n"), "{frozen}");
    assert!(frozen.contains("Nye vikarer lært opp i skjermløsningen"), "{frozen}");
    assert!(frozen.contains("## Feiret og formidlet\n"), "{frozen}");
    assert!(!today.contains("## Loggen"), "nothing logged since 2026-11-23\n{today}");
    assert!(!today.contains("Nye vikarer lært opp"), "{today}");

    // What changed since, in `veikart diff`'s words.
    let since = p.run(["report", "--since-last"]).success().stdout;
    let diff = p.run(["diff", "HEAD~2", "--format", "md"]).success().stdout;
    let line = diff
        .lines()
        .find(|l| l.contains("ventetid-i-telefonko"))
        .unwrap_or_else(|| panic!("{diff}"));
    assert!(since.contains("## Endringer siden forrige statusrapport"), "{since}");
    assert!(since.contains(line), "{line}\n{since}");
    assert!(!since.contains("`2026-11`"), "the reports' own files are left out: {since}");

    // HTML: a table with a caption, each light a word and a shaped marker.
    let html = p.run(["report", "--status-report", "2026-11", "--format", "html"]).success().stdout;
    assert!(html.contains("<caption>Trafikklys for 2026-11</caption>"), "{html}");
    assert!(html.contains("<span aria-hidden=\"true\">▲</span> gul</span>"), "{html}");
    let html = p.run(["report", "--since-last", "--format", "html"]).success().stdout;
    assert!(html.contains("Endringer siden forrige statusrapport"), "{html}");

    // JSON: the report and the diff, under their keys.
    let v = p.run(["report", "--status-report", "2026-11", "--since-last", "--format", "json"]);
    let (run, _) = v.failure();
    assert!(run.stderr.contains("før 2026-11"), "no report was published before: {run}");
    let v = p.run(["report", "--status-report", "2026-11", "--format", "json"]).success().json();
    let sr = &v["status_report"];
    assert_eq!(sr["id"], "2026-11");
    assert_eq!(sr["lights"].as_array().map(Vec::len), Some(6));
    assert_eq!(sr["lights"][0]["dimension"], "overall");
    assert_eq!(sr["lights"][0]["value"], "yellow");
    assert_eq!(sr["lights"][0]["label"], "gul");
    assert!(v["since_last"].is_null());
    let v = p.run(["--lang", "en", "report", "--since-last", "--format", "json"]).success().json();
    assert!(v["status_report"].is_null());
    assert_eq!(v["since_last"]["from_report"], "2026-11");
    assert_eq!(v["since_last"]["diff"]["changed"], true);
    let en = p.run(["--lang", "en", "report", "--status-report", "2026-11"]).success().stdout;
    assert!(en.contains("## Status report for 2026-11"), "{en}");
    assert!(en.contains("| Quality | 🟡 yellow |"), "{en}");
    assert!(en.contains("Published on 2026-11-23."), "{en}");
}

#[test]
fn report_refuses_a_draft_an_unknown_id_and_since_last_without_a_published_report() {
    let sb = Sandbox::new();
    let p = in_git(&sb);
    p.run(ALL).success();
    let (run, first) = p.run(["report", "--status-report", "2026-11"]).failure();
    assert!(first.contains("utkast"), "{run}");
    assert!(run.stderr.contains("status-report publish 2026-11"), "{run}");
    let (run, _) = p.run(["report", "--status-report", "1999-01"]).failure();
    assert!(run.stderr.contains("1999-01"), "{run}");
    let (run, first) = p.run(["--lang", "en", "report", "--since-last"]).failure();
    assert!(first.contains("no status report is published yet"), "{run}");
}

#[test]
fn list_shows_every_light_in_text_markdown_csv_and_json() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.run(["status-report", "list"]).success();
    p.run(ALL).success();
    p.run(["status-report", "new", "--period", "2026-Q4", "--risk", "red"]).success();
    let text = p.run(["status-report", "list"]).success().stdout;
    assert!(text.contains("PERIODE"), "{text}");
    assert!(text.contains("gul"), "{text}");
    assert!(text.contains("utkast"), "{text}");
    let en = p.run(["--lang", "en", "status-report", "list"]).success().stdout;
    assert!(en.contains("draft") && en.contains("yellow"), "{en}");
    let md = p.run(["status-report", "list", "--format", "md"]).success().stdout;
    assert!(md.starts_with("| PERIODE |"), "{md}");
    let csv = p.run(["status-report", "list", "--format", "csv"]).success().stdout;
    assert!(csv.starts_with("period,overall,time,cost,quality,risk,benefits,state,id"), "{csv}");
    assert!(csv.contains("2026-Q4,green,yellow,green,green,red,red,draft,2026-q4"), "{csv}");
    let v = p.run(["status-report", "list", "--format", "json"]).success().json();
    // In time order: the quarter starts before November.
    assert_eq!(v["status-reports"][0]["id"], "2026-q4");
    assert_eq!(v["status-reports"][1]["id"], "2026-11");
    assert_eq!(v["status-reports"][1]["state"], "draft");
}

#[test]
fn the_example_has_reports_and_check_passes() {
    let sb = Sandbox::new();
    let p = example_copy(&sb);
    p.run(["check"]).success();
    let v = p.run(["status-report", "list", "--format", "json"]).success().json();
    assert!(v["status-reports"].as_array().is_some_and(|r| r.len() >= 2), "{v}");
}

/// At a terminal (here a pseudo-terminal from util-linux `script`), `new`
/// without every light opens `$EDITOR` on a template, and writes what it
/// gets back; an editor that leaves the lights empty cancels.
#[test]
fn at_a_terminal_new_opens_the_editor_on_a_template() {
    if std::process::Command::new("script").arg("--version").output().is_err() {
        assert!(std::env::var_os("CI").is_none(), "CI needs util-linux script");
        return;
    }
    let sb = Sandbox::new();
    let p = sb.init_project();
    let fill = sb.work.join("fyll-ut.sh");
    std::fs::write(
        &fill,
        "#!/bin/sh\nsed -i -e 's/^overall = \"\"/overall = \"grønn\"/' -e 's/^time = \"\"/time = \"gul\"/' \
         -e 's/^cost = \"\"/cost = \"green\"/' -e 's/^quality = \"\"/quality = \"green\"/' \
         -e 's/^risk = \"\"/risk = \"red\"/' -e 's/^benefits = \"\"/benefits = \"green\"/' \
         -e 's/^comment_risk = \"\"/comment_risk = \"Leverandøren er sen\"/' \"$1\"\n",
    )
    .expect("write the editor");
    let at_terminal = |editor: &str| {
        let command = format!("{} status-report new --period 2026-11", crate::support::bin());
        let out = sb
            .command_of("script", &p.root, ["-qec", &command, "/dev/null"])
            .env("EDITOR", editor)
            .env_remove("VISUAL")
            .output()
            .expect("script");
        (out.status.code(), String::from_utf8_lossy(&out.stdout).into_owned())
    };
    // An editor that changes nothing: cancelled, nothing written.
    let (code, out) = at_terminal("true");
    assert_eq!(code, Some(2), "{out}");
    assert!(out.contains("avbrutt"), "{out}");
    assert!(!p.path("status-reports/2026-11.toml").exists(), "{out}");
    let (code, out) = at_terminal(&format!("sh {}", fill.display()));
    assert_eq!(code, Some(0), "{out}");
    let t: toml::Table = p.read("status-reports/2026-11.toml").parse().expect("TOML");
    assert_eq!(t["overall"].as_str(), Some("green"), "Bokmål words are read too: {t}");
    assert_eq!(t["time"].as_str(), Some("yellow"));
    assert_eq!(t["risk"].as_str(), Some("red"));
    assert_eq!(t["comment_risk"].as_str(), Some("Leverandøren er sen"));
    p.run(["check"]).success();
}
