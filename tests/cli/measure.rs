//! Measurements: `measure record`, `list`, `import`, `export`, one file per
//! indicator and date, safe under concurrent writers and git merges.

use std::collections::BTreeSet;
use std::process::Stdio;

use crate::benefit::plan_project;
use crate::support::{Run, Sandbox, assert_refused, assert_same_tree, snapshot};

const DIR: &str = "measurements/ventetid-i-minutter";

fn values(p: &crate::support::Project) -> Vec<(String, f64)> {
    let v = p.run(["measure", "list", "--format", "json"]).success().json();
    v["measurements"]
        .as_array()
        .expect("measurements")
        .iter()
        .map(|m| {
            (m["date"].as_str().expect("date").to_string(), m["value"].as_f64().expect("value"))
        })
        .collect()
}

#[test]
fn record_writes_one_small_file_per_date_with_a_decimal_comma() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    let run = p
        .run([
            "measure",
            "record",
            "ventetid",
            "52,5",
            "--date",
            "2026-11-01",
            "--note",
            "Etter ny triage",
            "--by",
            "Kari",
        ])
        .success();
    assert_eq!(run.stdout.trim(), "ventetid-i-minutter/2026-11-01");
    let text = p.read(&format!("{DIR}/2026-11-01.toml"));
    assert_eq!(text, "value = 52.5\nnote = \"Etter ny triage\"\nby = \"Kari\"\n");
    p.run(["measure", "record", "ventetid-i-minutter", "50"]).success();
    assert_eq!(p.read(&format!("{DIR}/2026-11-23.toml")), "value = 50\n", "today by default");
    assert_eq!(values(&p), [("2026-11-01".to_string(), 52.5), ("2026-11-23".to_string(), 50.0)]);
    p.run(["check"]).success();
}

#[test]
fn a_second_value_for_the_same_date_is_refused_unless_replace() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    p.run(["measure", "record", "ventetid", "52", "--date", "2026-11-01"]).success();
    let root = p.root.clone();
    let run = assert_refused(
        &p,
        &root,
        &["--lang", "en", "measure", "record", "ventetid", "48", "--date", "2026-11-01"],
        &["already has a value for 2026-11-01: 52"],
    );
    assert!(run.stderr.contains("--replace"), "{run}");
    let run = p
        .run([
            "--lang",
            "en",
            "measure",
            "record",
            "ventetid",
            "48",
            "--date",
            "2026-11-01",
            "--replace",
            "--format",
            "json",
        ])
        .success();
    assert_eq!(run.json()["replaced"], true);
    assert!(run.stderr.contains("Replaced 52 with 48"), "{run}");
    assert_eq!(p.read(&format!("{DIR}/2026-11-01.toml")), "value = 48\n");
}

#[test]
fn bad_record_input_is_refused_and_changes_nothing() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    let root = p.root.clone();
    assert_refused(&p, &root, &["measure", "record", "ukjent", "5"], &["ukjent"]);
    for bad in [
        &["measure", "record", "ventetid", "fem"][..],
        &["measure", "record", "ventetid", "1,2,3"],
        &["measure", "record", "ventetid", "5", "--date", "2026-13-01"],
    ] {
        let before = snapshot(&root);
        let run = p.run(bad).code(2);
        assert_same_tree(&before, &snapshot(&root), &run);
    }
    assert_refused(&p, &root, &["measure", "record", "ventetid", "5", "--by", "a\nb"], &[]);
    // A folder where the value's file would be: refused, never replaced.
    std::fs::create_dir_all(p.path(&format!("{DIR}/2026-11-01.toml"))).expect("mkdir");
    assert_refused(
        &p,
        &root,
        &["measure", "record", "ventetid", "5", "--date", "2026-11-01", "--replace"],
        &["2026-11-01.toml"],
    );
    // Negative values are numbers, not options.
    std::fs::remove_dir(p.path(&format!("{DIR}/2026-11-01.toml"))).expect("rmdir");
    p.run(["measure", "record", "ventetid", "-3", "--date", "2026-11-02"]).success();
    assert_eq!(p.read(&format!("{DIR}/2026-11-02.toml")), "value = -3\n");
}

#[test]
fn reaching_the_target_the_first_time_is_celebrated_once() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    let run = p
        .run(["--lang", "en", "measure", "record", "ventetid", "35", "--date", "2026-10-01"])
        .success();
    assert!(!run.stderr.contains("first time"), "{run}");
    let run = p
        .run([
            "--lang",
            "en",
            "measure",
            "record",
            "ventetid",
            "30",
            "--date",
            "2026-11-01",
            "--format",
            "json",
        ])
        .success();
    assert!(run.stderr.contains("reached for the first time"), "{run}");
    assert!(run.stderr.contains("celebrat"), "{run}");
    assert_eq!(run.json()["target_reached_first_time"], true);
    let run = p
        .run(["measure", "record", "ventetid", "28", "--date", "2026-11-15", "--format", "json"])
        .success();
    assert_eq!(run.json()["target_reached_first_time"], false, "{run}");
    let run = p.run(["measure", "record", "ventetid", "29", "--date", "2026-11-20"]).success();
    assert!(!run.stderr.contains("første gang"), "{run}");
}

#[test]
fn list_filters_by_indicator_and_dates_and_export_round_trips() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    p.run([
        "benefit",
        "plan",
        "kortere",
        "--indicator",
        "Klager",
        "--unit",
        "antall",
        "--baseline",
        "9",
        "--target",
        "3",
        "--by",
        "2027-06-30",
    ])
    .success();
    for (d, v) in [("2026-09-01", "55"), ("2026-10-01", "50,5"), ("2026-11-01", "45")] {
        p.run(["measure", "record", "ventetid", v, "--date", d]).success();
    }
    p.run([
        "measure",
        "record",
        "klager",
        "7",
        "--date",
        "2026-10-15",
        "--note",
        "To om skilting, en om kø",
    ])
    .success();
    let v = p
        .run([
            "measure",
            "list",
            "vent",
            "--from",
            "2026-10-01",
            "--to",
            "2026-10-31",
            "--format",
            "json",
        ])
        .success()
        .json();
    let ms = v["measurements"].as_array().expect("list");
    assert_eq!(ms.len(), 1, "{v}");
    assert_eq!(ms[0]["value"], 50.5);
    assert_eq!(ms[0]["unit"], "min");
    assert_eq!(ms[0]["path"], "measurements/ventetid-i-minutter/2026-10-01.toml");
    let text = p.run(["--lang", "en", "measure", "list"]).success().stdout;
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5, "{text}");
    assert!(lines[1].starts_with("klager") && lines[2].contains("2026-09-01"), "{text}");

    let csv = p.run(["measure", "export", "--format", "csv"]).success().stdout;
    assert_eq!(
        csv,
        "indicator,date,value,note\n\
         klager,2026-10-15,7,\"To om skilting, en om kø\"\n\
         ventetid-i-minutter,2026-09-01,55,\n\
         ventetid-i-minutter,2026-10-01,50.5,\n\
         ventetid-i-minutter,2026-11-01,45,\n"
    );
    let only = p.run(["measure", "export", "klager", "--format", "csv"]).success().stdout;
    assert_eq!(only.lines().count(), 2, "{only}");
    p.run(["measure", "export"]).success();
    p.run(["measure", "export", "--format", "md"]).code(2);

    // The export imports into a fresh project with the same plan.
    let sb2 = Sandbox::new();
    let q = plan_project(&sb2);
    q.run([
        "benefit",
        "plan",
        "kortere",
        "--indicator",
        "Klager",
        "--unit",
        "antall",
        "--baseline",
        "9",
        "--target",
        "3",
        "--by",
        "2027-06-30",
    ])
    .success();
    q.write("eksport.csv", &csv);
    let run = q.run(["measure", "import", "eksport.csv", "--format", "json"]).success();
    assert_eq!(run.json()["imported"].as_array().map(Vec::len), Some(4));
    assert_eq!(q.run(["measure", "export", "--format", "csv"]).success().stdout, csv);
}

#[test]
fn import_writes_every_row_with_decimal_commas_and_semicolons() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    p.write("m.csv", "Date;Value;Indicator;Note\n2026-09-01;55,5;ventetid;første\n2026-10-01;50;ventetid-i-minutter;\n\n");
    let run = p.run(["--lang", "en", "measure", "import", "m.csv", "--by", "Siri"]).success();
    assert!(run.stderr.contains("Imported 2 values from m.csv"), "{run}");
    assert_eq!(
        p.read(&format!("{DIR}/2026-09-01.toml")),
        "value = 55.5\nnote = \"første\"\nby = \"Siri\"\n"
    );
    assert_eq!(p.read(&format!("{DIR}/2026-10-01.toml")), "value = 50\nby = \"Siri\"\n");
    p.run(["check"]).success();
}

#[test]
fn an_import_with_one_bad_row_writes_nothing_and_names_the_line() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    p.run(["measure", "record", "ventetid", "58", "--date", "2026-08-01"]).success();
    let root = p.root.clone();
    p.write("ok-but-one.csv", "indicator,date,value,note\nventetid,2026-09-01,55,\nventetid,2026-10-01,\"50,5\",\nventetid,2026-11-01,4x,\n");
    let run = assert_refused(
        &p,
        &root,
        &["--lang", "en", "measure", "import", "ok-but-one.csv"],
        &["nothing was written"],
    );
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(
        lines[1..],
        ["ok-but-one.csv:4: `4x` is not a number (a decimal comma is fine: 12,5)"],
        "{run}"
    );

    p.write(
        "bad.csv",
        "indicator,date,value\nventetid,2026-09-01,55\nukjent,2026-09-01,1\nventetid,2026-02-30,1\nventetid,2026-09-01,56\nventetid,2026-08-01,57\n,,\n\"unterminated\n",
    );
    let run = assert_refused(
        &p,
        &root,
        &["--lang", "en", "measure", "import", "bad.csv"],
        &["bad.csv", "nothing was written"],
    );
    let err = run.stderr;
    assert!(err.contains("bad.csv:3: unknown indicator `ukjent`"), "{err}");
    assert!(err.contains("bad.csv:4: `2026-02-30` is not a date"), "{err}");
    assert!(
        err.contains("bad.csv:5: ventetid-i-minutter 2026-09-01 is already on line 2"),
        "{err}"
    );
    assert!(
        err.contains("bad.csv:6: ventetid-i-minutter already has a value for 2026-08-01"),
        "{err}"
    );
    assert!(!err.contains("bad.csv:2:"), "a good row is not reported\n{err}");

    p.write("noheader.csv", "ventetid,2026-09-01,55\n");
    assert_refused(
        &p,
        &root,
        &["--lang", "en", "measure", "import", "noheader.csv"],
        &["noheader.csv:1", "indicator, date and value"],
    );
    assert_refused(&p, &root, &["measure", "import", "finnes-ikke.csv"], &["finnes-ikke.csv"]);
    std::fs::create_dir(p.path("mappe.csv")).expect("mkdir");
    assert_refused(&p, &root, &["measure", "import", "mappe.csv"], &["mappe.csv"]);
    p.write("latin1.csv", "");
    std::fs::write(
        p.path("latin1.csv"),
        b"indicator,date,value,note\nventetid,2026-09-01,1,bl\xe5\n",
    )
    .expect("write");
    // Not UTF-8 is read as Windows-1252 (see import_reads_csv_as_norwegian_excel_saves_it).
}

#[test]
fn twenty_concurrent_records_on_different_dates_leave_twenty_values() {
    const WRITERS: u32 = 20;
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    let children: Vec<_> = (1..=WRITERS)
        .map(|day| {
            let date = format!("2026-10-{day:02}");
            sb.command(
                &p.root,
                ["measure", "record", "ventetid", &format!("{}", 40 + day), "--date", &date],
            )
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn veikart")
        })
        .collect();
    for c in children {
        let out = c.wait_with_output().expect("wait");
        Run::from_output("veikart measure record".into(), out).success();
    }
    let files: BTreeSet<String> = std::fs::read_dir(p.path(DIR))
        .expect("folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    let expected: BTreeSet<String> =
        (1..=WRITERS).map(|d| format!("2026-10-{d:02}.toml")).collect();
    assert_eq!(files, expected, "twenty files, no temp files");
    let vals = values(&p);
    assert_eq!(vals.len(), 20);
    for (date, v) in vals {
        let day: f64 = date[8..].parse().expect("day");
        assert_eq!(v, 40.0 + day, "{date}");
    }
    p.run(["check"]).success();
}

#[test]
fn two_branches_recording_different_dates_merge_without_conflict_and_check_clean() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    let git = |args: &[&str]| p.sb.git(&p.root, args).success();
    git(&["init", "-q", "-b", "main"]);
    p.run(["measure", "record", "ventetid", "55", "--date", "2026-09-01"]).success();
    git(&["add", "-A"]);
    git(&["commit", "-q", "-m", "Plan og første måling"]);
    git(&["checkout", "-q", "-b", "a"]);
    p.run(["measure", "record", "ventetid", "50", "--date", "2026-10-01"]).success();
    p.run(["measure", "record", "ventetid", "48", "--date", "2026-10-15"]).success();
    git(&["add", "-A"]);
    git(&["commit", "-q", "-m", "A: oktober"]);
    git(&["checkout", "-q", "main"]);
    git(&["checkout", "-q", "-b", "b"]);
    p.run(["measure", "record", "ventetid", "45", "--date", "2026-11-01"]).success();
    git(&["add", "-A"]);
    git(&["commit", "-q", "-m", "B: november"]);
    git(&["checkout", "-q", "a"]);
    let merge = p.sb.git(&p.root, ["merge", "--no-edit", "b"]).success();
    assert!(!merge.stdout.contains("CONFLICT"), "{merge}");
    assert!(git(&["status", "--porcelain"]).stdout.is_empty());
    let run = p.run(["check"]).success();
    assert!(run.stdout.is_empty(), "{run}");
    let dates: Vec<String> = values(&p).into_iter().map(|(d, _)| d).collect();
    assert_eq!(dates, ["2026-09-01", "2026-10-01", "2026-10-15", "2026-11-01"]);
}

#[test]
fn check_reports_misnamed_measurements_and_unknown_indicators() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    p.write(&format!("{DIR}/neste-uke.toml"), "value = 3\n");
    p.write("measurements/finnes-ikke/2026-11-01.toml", "value = 3\n");
    p.write(&format!("{DIR}/2026-11-02.toml"), "value = \"tre\"\n");
    let run = p.run(["--lang", "en", "check"]).code(1);
    assert!(
        run.stdout.contains(
            "measurements/ventetid-i-minutter/neste-uke.toml:1:1: error[measurement-name]"
        ),
        "{run}"
    );
    assert!(
        run.stdout.contains("measurements/finnes-ikke/2026-11-01.toml:1:1: error[dangling-ref]"),
        "{run}"
    );
    assert!(
        run.stdout.contains("measurements/ventetid-i-minutter/2026-11-02.toml:1:9: error[type]"),
        "{run}"
    );
    // Other commands refuse the broken file rather than guess.
    let root = p.root.clone();
    assert_refused(&p, &root, &["measure", "list"], &["2026-11-02.toml"]);
}

#[test]
fn an_unreadable_earlier_value_does_not_block_recording_a_new_one() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    p.write(&format!("{DIR}/2026-10-01.toml"), "value = \n");
    p.run(["measure", "record", "ventetid", "45", "--date", "2026-11-01"]).success();
    assert_eq!(p.read(&format!("{DIR}/2026-11-01.toml")), "value = 45\n");
    assert_eq!(p.read(&format!("{DIR}/2026-10-01.toml")), "value = \n", "left alone");
    let run = p.run(["check"]).code(1);
    assert!(run.stdout.contains("2026-10-01.toml:1:"), "{run}");
}

#[test]
fn import_replace_replaces_values_for_the_same_date_and_without_it_a_clash_is_a_bad_row() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    p.run(["measure", "record", "ventetid", "58", "--date", "2026-08-01", "--note", "gammel"])
        .success();
    let root = p.root.clone();
    p.write(
        "rettet.csv",
        "indicator,date,value,note\nventetid,2026-08-01,\"57,5\",rettet\nventetid,2026-09-01,55,\n",
    );
    let run = assert_refused(
        &p,
        &root,
        &["--lang", "en", "measure", "import", "rettet.csv"],
        &["1 of the rows in rettet.csv", "nothing was written"],
    );
    assert!(
        run.stderr.contains(
            "rettet.csv:2: ventetid-i-minutter already has a value for 2026-08-01 (use --replace to replace it)"
        ),
        "{run}"
    );
    let run = p
        .run(["--lang", "en", "measure", "import", "rettet.csv", "--replace", "--format", "json"])
        .success();
    let v = run.json();
    assert_eq!(v["imported"].as_array().map(Vec::len), Some(2), "{run}");
    assert_eq!(v["replaced"], serde_json::json!(["ventetid-i-minutter/2026-08-01"]), "{run}");
    assert_eq!(p.read(&format!("{DIR}/2026-08-01.toml")), "value = 57.5\nnote = \"rettet\"\n");
    assert_eq!(p.read(&format!("{DIR}/2026-09-01.toml")), "value = 55\n");
    // Twice in one file is still a bad row with --replace, and an unreadable
    // old value is not replaced.
    p.write("dobbel.csv", "indicator,date,value\nventetid,2026-10-01,50\nventetid,2026-10-01,51\n");
    assert_refused(
        &p,
        &root,
        &["--lang", "en", "measure", "import", "dobbel.csv", "--replace"],
        &["nothing was written"],
    );
    std::fs::create_dir(p.path(&format!("{DIR}/2026-07-01.toml"))).expect("mkdir");
    p.write("mappe.csv", "indicator,date,value\nventetid,2026-07-01,50\n");
    let run = assert_refused(
        &p,
        &root,
        &["--lang", "en", "measure", "import", "mappe.csv", "--replace"],
        &["nothing was written"],
    );
    assert!(run.stderr.contains("mappe.csv:2: "), "{run}");
    assert!(run.stderr.contains("is a folder"), "{run}");
}

#[test]
fn import_reads_csv_as_norwegian_excel_saves_it() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    // «CSV UTF-8»: a byte-order mark, Norwegian column names, semicolons,
    // decimal commas, CRLF line ends and dates as Excel shows them.
    std::fs::write(
        p.path("excel.csv"),
        "\u{feff}Indikator;Dato;Verdi;Merknad\r\nventetid;01.09.2026;55,5;første\r\nventetid;1.10.2026;1 050,25;\r\n",
    )
    .expect("write");
    let run = p.run(["measure", "import", "excel.csv"]).success();
    assert!(run.stderr.contains("Importerte 2 verdier fra excel.csv."), "{run}");
    assert_eq!(p.read(&format!("{DIR}/2026-09-01.toml")), "value = 55.5\nnote = \"første\"\n");
    assert_eq!(p.read(&format!("{DIR}/2026-10-01.toml")), "value = 1050.25\n");
    // «CSV (semikolondelt)»: Windows-1252.
    std::fs::write(
        p.path("ansi.csv"),
        b"indikator;dato;verdi;merknad\r\nventetid;01.11.2026;50;Ny vakt p\xe5 kveld \x96 bedre\r\n",
    )
    .expect("write");
    let run = p.run(["--lang", "en", "measure", "import", "ansi.csv"]).success();
    assert!(run.stderr.contains("reading it as Windows-1252"), "{run}");
    assert!(run.stderr.contains("Imported 1 value from ansi.csv."), "{run}");
    assert_eq!(
        p.read(&format!("{DIR}/2026-11-01.toml")),
        "value = 50\nnote = \"Ny vakt på kveld – bedre\"\n"
    );
    p.run(["check"]).success();
    // Line numbers count the CSV's lines, CRLF or not, quoted line breaks too.
    let root = p.root.clone();
    std::fs::write(
        p.path("feil.csv"),
        "indikator;dato;verdi;merknad\r\nventetid;02.11.2026;\"4\";\"to\r\nlinjer\"\r\nventetid;31.11.2026;4;\r\nventetid;03.11.2026;4x;\r\n",
    )
    .expect("write");
    let run = assert_refused(
        &p,
        &root,
        &["--lang", "en", "measure", "import", "feil.csv"],
        &["2 of the rows in feil.csv"],
    );
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(
        lines[1..],
        [
            "feil.csv:4: `31.11.2026` is not a date (YYYY-MM-DD or DD.MM.YYYY)",
            "feil.csv:5: `4x` is not a number (a decimal comma is fine: 12,5)"
        ],
        "{run}"
    );
}

#[test]
fn a_date_range_that_ends_before_it_starts_is_an_error() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    p.run(["measure", "record", "ventetid", "50", "--date", "2026-06-01"]).success();
    let root = p.root.clone();
    for cmd in ["list", "export"] {
        assert_refused(
            &p,
            &root,
            &["--lang", "en", "measure", cmd, "--from", "2026-07-01", "--to", "2026-06-01"],
            &["--from 2026-07-01 is after --to 2026-06-01"],
        );
    }
}

#[test]
fn export_excel_writes_what_norwegian_excel_opens_and_import_reads_it_back() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    p.run([
        "measure",
        "record",
        "ventetid",
        "52,5",
        "--date",
        "2026-10-01",
        "--note",
        "Første; måned",
    ])
    .success();
    p.run(["measure", "record", "ventetid", "50", "--date", "2026-11-01"]).success();
    let run = p.run(["measure", "export", "--format", "csv", "--excel"]).success();
    assert_eq!(
        run.stdout,
        "\u{feff}indicator;date;value;note\r\n\
         ventetid-i-minutter;2026-10-01;52,5;\"Første; måned\"\r\n\
         ventetid-i-minutter;2026-11-01;50;\r\n"
    );
    let sb2 = Sandbox::new();
    let q = plan_project(&sb2);
    std::fs::write(q.path("fra-excel.csv"), &run.stdout).expect("write");
    q.run(["measure", "import", "fra-excel.csv"]).success();
    assert_eq!(
        q.run(["measure", "export", "--format", "csv"]).success().stdout,
        p.run(["measure", "export", "--format", "csv"]).success().stdout
    );
    let root = p.root.clone();
    assert_refused(
        &p,
        &root,
        &["--lang", "en", "measure", "export", "--format", "json", "--excel"],
        &["--excel only applies to --format csv"],
    );
}

#[test]
fn an_import_that_reaches_a_target_for_the_first_time_says_so_once() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    p.write(
        "vår.csv",
        "indicator,date,value\nventetid,2026-03-01,40\nventetid,2026-05-01,29\nventetid,2026-04-01,30\n",
    );
    let run = p.run(["--lang", "en", "measure", "import", "vår.csv", "--format", "json"]).success();
    assert_eq!(
        run.json()["targets_reached_first_time"],
        serde_json::json!(["ventetid-i-minutter"])
    );
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(
        lines[0],
        "🎉 The target of \"Ventetid i minutter\" is reached for the first time on 2026-04-01 (30 min against the target 30 min)!",
        "{run}"
    );
    assert_eq!(lines.len(), 2, "once, with the suggestion to celebrate\n{run}");
    p.write("sommer.csv", "indicator,date,value\nventetid,2026-06-01,25\n");
    let run = p.run(["measure", "import", "sommer.csv"]).success();
    assert!(!run.stderr.contains("🎉"), "reached before\n{run}");
    assert!(run.stderr.contains("Importerte 1 verdi fra sommer.csv."), "{run}");
}

#[test]
fn import_takes_percent_cells_as_excel_writes_them() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    p.write(
        "prosent.csv",
        "indikator;dato;verdi\nventetid;01.09.2026;55 %\nventetid;01.10.2026;52,5%\n",
    );
    p.run(["measure", "import", "prosent.csv"]).success();
    assert_eq!(p.read(&format!("{DIR}/2026-09-01.toml")), "value = 55\n");
    assert_eq!(p.read(&format!("{DIR}/2026-10-01.toml")), "value = 52.5\n");
    let root = p.root.clone();
    p.write("bare.csv", "indikator;dato;verdi\nventetid;01.11.2026;%\n");
    assert_refused(&p, &root, &["measure", "import", "bare.csv"], &["bare.csv"]);
}

#[test]
fn replacing_a_value_keeps_the_users_comments_in_the_file() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    p.run([
        "measure",
        "record",
        "ventetid",
        "52",
        "--date",
        "2026-10-01",
        "--note",
        "Foreløpig",
        "--by",
        "Kari",
    ])
    .success();
    let file = format!("{DIR}/2026-10-01.toml");
    p.write(&file, &format!("# Tall fra telefonsystemet\n{}", p.read(&file)));
    p.run(["measure", "record", "ventetid", "50,5", "--date", "2026-10-01", "--replace"]).success();
    assert_eq!(p.read(&file), "# Tall fra telefonsystemet\nvalue = 50.5\n");
    p.write("rettet.csv", "indicator,date,value,note\nventetid,2026-10-01,49,Endelig\n");
    p.run(["measure", "import", "rettet.csv", "--replace", "--by", "Siri"]).success();
    assert_eq!(
        p.read(&file),
        "# Tall fra telefonsystemet\nvalue = 49\nnote = \"Endelig\"\nby = \"Siri\"\n"
    );
    p.run(["check"]).success();
}

#[test]
fn a_value_dated_after_today_is_recorded_with_a_warning() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    let run = p.run(["measure", "record", "ventetid", "45", "--date", "2062-11-01"]).success();
    assert!(run.stderr.contains("advarsel: 2062-11-01 er etter i dag (2026-11-23)"), "{run}");
    assert!(p.path("measurements/ventetid-i-minutter/2062-11-01.toml").is_file());
    let run = p.run(["measure", "record", "ventetid", "44", "--date", "2026-11-23"]).success();
    assert!(!run.stderr.contains("advarsel"), "{run}");
}
