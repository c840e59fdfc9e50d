//! Whole-output snapshots: what every reading command prints on the example
//! project, as text, JSON and Markdown where it offers them, in Bokmål and
//! English, compared byte for byte with tests/snapshots/. A change in wording
//! or layout shows as a diff there; when it is meant,
//! `VEIKART_BLESS=1 cargo test --test cli snapshots` writes the new output.

use std::fs;
use std::path::PathBuf;

use crate::support::Sandbox;

/// (snapshot name, command words, formats it offers among text/json/md).
const CASES: &[(&str, &[&str], &[&str])] = &[
    ("status", &["status"], &["text", "json"]),
    ("check", &["check"], &["text", "json"]),
    ("checklist", &["checklist"], &["text", "json", "md"]),
    ("phase", &["phase"], &["text", "json"]),
    ("roadmap-show", &["roadmap", "show"], &["text", "json", "md"]),
    ("report", &["report"], &["md", "json"]),
    ("benefit-list", &["benefit", "list"], &["text", "json"]),
    ("benefit-show", &["benefit", "show", "faerre"], &["text", "json"]),
    ("idea-list", &["idea", "list"], &["text", "json"]),
    ("idea-show", &["idea", "show", "informasjon"], &["text", "json"]),
    ("measure-list", &["measure", "list", "klager"], &["text", "json"]),
    ("raci-show", &["raci", "show"], &["text", "json", "md"]),
    ("raci-check", &["raci", "check"], &["text", "json"]),
    ("role-list", &["role", "list"], &["text", "json"]),
    ("role-show", &["role", "show", "enhetsleder"], &["text", "json"]),
    ("journey-list", &["journey", "list"], &["text", "json"]),
    ("journey-show", &["journey", "show", "ringer-116"], &["text", "json"]),
    ("activity-list", &["activity", "list"], &["text", "json"]),
    ("touchpoint-list", &["touchpoint", "list"], &["text", "json"]),
    ("routine-list", &["routine", "list"], &["text", "json"]),
    ("deviation-list", &["deviation", "list"], &["text", "json"]),
    ("supplier-list", &["supplier", "list"], &["text", "json"]),
    ("supplier-show", &["supplier", "show", "nordlys"], &["text", "json"]),
    ("tech-list", &["tech", "list"], &["text", "json"]),
    ("tech-compare", &["tech", "compare"], &["text", "json", "md"]),
    ("proposal-list", &["proposal", "list"], &["text", "json"]),
    ("proposal-show", &["proposal", "show", "kontakt"], &["text", "json"]),
    ("owner", &["owner"], &["text", "json"]),
    ("pilot-show", &["pilot", "show"], &["text", "json"]),
    ("log-list", &["log", "list"], &["text", "json"]),
    ("goal-list", &["goal", "list"], &["text", "json"]),
    ("insight-list", &["insight", "list"], &["text", "json"]),
    ("stakeholder-list", &["stakeholder", "list"], &["text", "json"]),
    ("team-list", &["team", "list"], &["text", "json"]),
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_reading_command_prints_what_its_snapshot_shows() {
    let bless = std::env::var_os("VEIKART_BLESS").is_some();
    let sb = Sandbox::new();
    let example = root().join("examples/fjordvik-legevakt");
    let dir = root().join("tests/snapshots");
    let mut differ = Vec::new();
    let mut names = Vec::new();
    for (name, words, formats) in CASES {
        for format in *formats {
            for lang in ["nb", "en"] {
                let mut args: Vec<&str> = vec!["--lang", lang];
                args.extend_from_slice(words);
                args.extend_from_slice(&["--format", format]);
                let run = sb.run(&example, &args);
                assert!(run.code == 0 || run.code == 1, "{run}");
                let mut got = run.stdout.clone();
                if !run.stderr.is_empty() {
                    got.push_str("--- stderr ---\n");
                    got.push_str(&run.stderr);
                }
                let file = format!("{name}.{lang}.{format}");
                let path = dir.join(&file);
                names.push(file.clone());
                let want = fs::read_to_string(&path).unwrap_or_default();
                if want != got {
                    if bless {
                        fs::create_dir_all(&dir).expect("mkdir");
                        fs::write(&path, &got).expect("bless");
                    } else {
                        differ.push(format!("{file}: `veikart {}`", args.join(" ")));
                    }
                }
            }
        }
    }
    // A snapshot no case writes any more is stale.
    let stale: Vec<String> = fs::read_dir(&dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|f| !names.contains(f))
                .collect()
        })
        .unwrap_or_default();
    if bless {
        for f in &stale {
            let _ = fs::remove_file(dir.join(f));
        }
        return;
    }
    assert!(stale.is_empty(), "stale snapshots: {stale:?}");
    assert!(
        differ.is_empty(),
        "output differs from tests/snapshots/ for:\n{}\n\
         Look at the difference with `git diff` after\n\
         VEIKART_BLESS=1 cargo test --test cli snapshots",
        differ.join("\n")
    );
}
