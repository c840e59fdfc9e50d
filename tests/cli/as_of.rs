//! `--as-of DATE` without `--at` (issue 15): the project as it stood on
//! DATE — no record dated after it, and the phase the decisions made by then
//! left. Each reader's output is compared with the same command on a copy
//! from which this test itself removed what came later.

use std::path::Path;

use crate::support::{Sandbox, copy_tree, example_copy, snapshot};

/// The readers that take `--as-of`.
const READERS: &[&[&str]] = &[
    &["status"],
    &["status", "--format", "json"],
    &["report"],
    &["report", "--format", "json"],
    &["checklist"],
    &["checklist", "--all", "--format", "json"],
    &["checklist", "--check", "--through-current"],
    &["phase"],
    &["benefit", "list"],
    &["benefit", "show", "kortere-ventetid-i-telefonkoen"],
    &["deviation", "list"],
    &["supplier", "show", "nordlys-telefoni-as"],
    &["routine", "list"],
    &["raci", "check"],
    &["check"],
    &["check", "--format", "json"],
];

/// Folders whose records are dated by a field.
const DATED: &[(&str, &str)] = &[
    ("ideas", "submitted"),
    ("proposals", "created"),
    ("user-tests", "date"),
    ("technologies", "created"),
    ("assessments", "date"),
    ("decisions", "date"),
    ("checklist", "date"),
    ("deviations", "date"),
    ("logs", "date"),
    ("insights", "date"),
    ("pilot-findings", "date"),
    ("goals", "created"),
    ("routines", "created"),
];

fn date_in(t: &toml::Table, key: &str) -> Option<String> {
    match t.get(key)? {
        toml::Value::Datetime(d) => Some(d.to_string()),
        toml::Value::String(s) => Some(s.clone()),
        _ => None,
    }
}

fn toml_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else { return out };
    for e in entries.flatten() {
        let path = e.path();
        if path.is_dir() {
            out.extend(toml_files(&path));
        } else if path.extension().is_some_and(|x| x == "toml") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// Remove by hand what is dated after `day` (dates compare as text).
fn as_it_stood(root: &Path, day: &str) -> usize {
    let mut removed = 0;
    let mut later_decisions: Vec<(String, String)> = Vec::new();
    for (dir, field) in DATED {
        for file in toml_files(&root.join(dir)) {
            let t: toml::Table =
                std::fs::read_to_string(&file).expect("the example").parse().expect("the example");
            let date = date_in(&t, field);
            if *dir == "decisions"
                && let Some(d) = &date
                && d.as_str() > day
            {
                later_decisions
                    .push((d.clone(), t["from"].as_str().expect("the example").to_string()));
            }
            if date.is_some_and(|d| d.as_str() > day) {
                std::fs::remove_file(&file).expect("the example");
                removed += 1;
            }
        }
    }
    for file in toml_files(&root.join("measurements")) {
        let stem =
            file.file_stem().expect("the example").to_str().expect("the example").to_string();
        if stem.as_str() > day {
            std::fs::remove_file(&file).expect("the example");
            removed += 1;
        }
    }
    for file in toml_files(&root.join("suppliers")) {
        let mut t: toml::Table =
            std::fs::read_to_string(&file).expect("the example").parse().expect("the example");
        if let Some(toml::Value::Array(rows)) = t.get_mut("review") {
            let before = rows.len();
            rows.retain(|r| {
                date_in(r.as_table().expect("the example"), "date")
                    .is_none_or(|d| d.as_str() <= day)
            });
            removed += before - rows.len();
            if rows.is_empty() {
                t.remove("review");
            }
            std::fs::write(&file, toml::to_string(&t).expect("the example")).expect("the example");
        }
    }
    // A benefit's links (the benefit map) to records removed above go too:
    // on DATE the benefit could not name them yet.
    for file in toml_files(&root.join("benefits")) {
        let text = std::fs::read_to_string(&file).expect("the example");
        let mut doc: toml_edit::DocumentMut = text.parse().expect("the example");
        for key in ["goals", "enablers"] {
            let Some(list) = doc.get_mut(key).and_then(|i| i.as_array_mut()) else { continue };
            list.retain(|v| {
                let link = v.as_str().expect("the example");
                let rel = if key == "goals" { format!("goals/{link}") } else { link.to_string() };
                root.join(format!("{rel}.toml")).is_file()
            });
            if list.is_empty() {
                doc.remove(key);
            }
        }
        if doc.to_string() != text {
            std::fs::write(&file, doc.to_string()).expect("the example");
        }
    }
    later_decisions.sort();
    if let Some((_, from)) = later_decisions.first() {
        let path = root.join("veikart.toml");
        let mut doc: toml_edit::DocumentMut =
            std::fs::read_to_string(&path).expect("the example").parse().expect("the example");
        doc["phase"] = toml_edit::value(from.as_str());
        std::fs::write(&path, doc.to_string()).expect("the example");
    }
    removed
}

#[test]
fn as_of_shows_what_a_copy_without_the_later_records_shows() {
    let sb = Sandbox::new();
    let p = example_copy(&sb);
    let before = p.snapshot();
    let mut differ = Vec::new();
    for day in ["2025-06-30", "2026-02-15", "2026-06-15", "2026-10-20"] {
        let copy = sb.work.join(format!("per-{day}"));
        copy_tree(&p.root, &copy);
        let removed = as_it_stood(&copy, day);
        assert!(removed > 0, "nothing in the example is dated after {day}?");
        for args in READERS {
            let with: Vec<&str> = args.iter().copied().chain(["--as-of", day]).collect();
            let here = sb.run(&p.root, &with);
            let there = sb.run(&copy, &with);
            assert!(here.code == 0 || here.code == 1, "{here}");
            // The copy's folder has another name; the rest is the same.
            let theirs = there.stdout.replace(&format!("per-{day}"), "fjordvik-legevakt");
            if (here.code, &here.stdout) != (there.code, &theirs) {
                differ.push(format!(
                    "{} --as-of {day}\n--- here ---\n{here}\n--- copy ---\n{there}",
                    args.join(" ")
                ));
            }
        }
    }
    assert!(differ.is_empty(), "{} commands differ:\n{}", differ.len(), differ.join("\n\n"));
    assert_eq!(before, p.snapshot(), "reading as of a day writes nothing");
}

#[test]
fn a_report_as_of_a_day_before_the_project_has_its_first_phase_and_nothing_later() {
    let sb = Sandbox::new();
    let p = example_copy(&sb);
    let j = p.run(["report", "--as-of", "2025-06-30", "--format", "json"]).success().json();
    assert_eq!(j["phase"]["id"], "forankring", "{j}");
    assert_eq!(j["ideas"]["total"], 0, "{j}");
    assert_eq!(j["deviations"].as_array().map(Vec::len), Some(0), "{j}");
    for ind in j["indicators"].as_array().expect("indicators") {
        assert_eq!(ind["series"].as_array().map(Vec::len), Some(0), "{ind}");
    }
    let text =
        p.run(["supplier", "show", "nordlys-telefoni-as", "--as-of", "2026-04-01"]).success();
    assert!(text.stdout.contains("2026-03-31"), "{text}");
    assert!(!text.stdout.contains("2026-06-30"), "a later review is left out\n{text}");

    // Today's phase, ideas and deviations without --as-of.
    let j = p.run(["report", "--format", "json"]).success().json();
    assert_eq!(j["phase"]["id"], "ny-praksis", "{j}");
    assert!(j["ideas"]["total"].as_u64().unwrap_or(0) > 0, "{j}");
}

#[test]
fn with_at_as_of_only_judges_the_day_and_hides_nothing() {
    let sb = Sandbox::new();
    let p = example_copy(&sb);
    sb.git(&p.root, ["init", "-q", "-b", "main"]).success();
    sb.git(&p.root, ["add", "."]).success();
    sb.git(&p.root, ["commit", "-qm", "Eksempelet"]).success();
    let all = p.run(["status", "--format", "json"]).success().json();
    let at = p.run(["--at", "HEAD", "status", "--as-of", "2026-02-15", "--format", "json"]);
    let at = at.success().json();
    assert_eq!(at["ideas"]["total"], all["ideas"]["total"], "{at}");
    assert_eq!(at["phase"]["id"], "ny-praksis", "{at}");
    let dated = p.run(["status", "--as-of", "2026-02-15", "--format", "json"]).success().json();
    assert_eq!(dated["phase"]["id"], "innsikt", "{dated}");
    assert!(dated["ideas"]["total"].as_u64() < all["ideas"]["total"].as_u64(), "{dated}");
    // VEIKART_TODAY moves "today" but is not --as-of: nothing is hidden.
    let run = sb
        .command(&p.root, ["status", "--format", "json"])
        .env("VEIKART_TODAY", "2026-02-15")
        .output()
        .expect("run");
    let j: serde_json::Value = serde_json::from_slice(&run.stdout).expect("json");
    assert_eq!(j["phase"]["id"], "ny-praksis", "{j}");
}

#[test]
fn portfolio_at_a_revision_reads_each_project_as_committed_then() {
    let sb = Sandbox::new();
    let tree = sb.work.join("prosjekter");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/fjordvik-legevakt");
    copy_tree(&example, &tree.join("a"));
    sb.git(&tree, ["init", "-q", "-b", "main"]).success();
    sb.git(&tree, ["add", "."]).success();
    sb.git(&tree, ["commit", "-qm", "a"]).success();
    sb.git(&tree, ["tag", "v1"]).success();
    copy_tree(&example, &tree.join("b"));
    sb.run(&tree.join("a"), ["idea", "add", "Etter v1"]).success();
    sb.git(&tree, ["add", "."]).success();
    sb.git(&tree, ["commit", "-qm", "b"]).success();
    let before = snapshot(&tree);

    let now = sb.run(&tree, ["portfolio", "--format", "json"]).success().json();
    let then = sb.run(&tree, ["--at", "v1", "portfolio", "--format", "json"]).success().json();
    assert_eq!(now["projects"].as_array().map(Vec::len), Some(2), "{now}");
    assert_eq!(then["projects"].as_array().map(Vec::len), Some(1), "b came after v1\n{then}");
    assert_eq!(then["at"], "v1", "{then}");
    assert_eq!(
        then["projects"][0]["idea_count"].as_u64().map(|n| n + 1),
        now["projects"][0]["idea_count"].as_u64(),
        "{then}\n{now}"
    );
    let run = sb.run(&tree, ["--at", "v1", "portfolio"]).success();
    assert!(run.stderr.contains("1 prosjekt slik de var ved v1"), "{run}");
    let run = sb.run(&tree, ["--at", "finnes-ikke", "portfolio"]).code(1);
    assert!(run.stderr.contains("«finnes-ikke» er ingen revisjon"), "{run}");
    assert_eq!(before, snapshot(&tree), "portfolio writes nothing");
}
