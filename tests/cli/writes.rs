//! Writes are safe to interrupt and to run side by side (issue 14): the
//! lock lives with the project and names its holder, writes of several files
//! happen whole or not at all, and what a write cut short leaves behind is
//! reported by `check`, cleared by the next write and kept out of git.

use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use crate::support::{Run, Sandbox, snapshot};

/// Every file and folder under `root` whose name starts with `prefix`.
fn named(root: &Path, prefix: &str) -> Vec<PathBuf> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .map(|e| e.path().to_path_buf())
        .collect()
}

fn temp_lock_files() -> BTreeSet<PathBuf> {
    fs::read_dir(std::env::temp_dir())
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    let n = p.file_name().map(|n| n.to_string_lossy().into_owned());
                    n.is_some_and(|n| n.starts_with("veikart-") && n.ends_with(".lock"))
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_write_leaves_no_lock_or_temp_file_anywhere() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let before = temp_lock_files();
    p.add_idea("Første", &[]);
    p.run(["phase", "set", "innsikt", "--reason", "Forankret", "--by", "Kari"]).success();
    assert!(named(&p.root, ".veikart-").is_empty(), "no temp files");
    assert!(named(&p.root, ".veikart.lock").is_empty(), "no lock file left");
    assert_eq!(temp_lock_files(), before, "nothing in the shared temp folder");

    // In a git repository the lock is taken in the git folder, and goes too.
    sb.git(&p.root, ["init", "-q"]).success();
    p.add_idea("Andre", &[]);
    assert!(!p.path(".git/veikart.lock").exists());
    assert!(named(&p.root, ".veikart.lock").is_empty());
}

/// Hold the project's lock from this test, as a writer would, with what a
/// writer says about itself in the file.
fn hold_lock(path: &Path) -> fs::File {
    let mut f = fs::OpenOptions::new()
        .create(true)
        .truncate(true)
        .read(true)
        .write(true)
        .open(path)
        .expect("lock file");
    f.lock().expect("lock");
    f.write_all(
        b"pid = 4242\nuser = \"kari\"\ncommand = \"veikart measure import store.csv\"\nsince = 0\n",
    )
    .expect("describe");
    f
}

#[test]
fn a_writer_that_waits_too_long_gives_up_naming_the_holder_and_changes_nothing() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    sb.git(&p.root, ["init", "-q"]).success();
    let lock = hold_lock(&p.path(".git/veikart.lock"));
    let before = p.snapshot();
    let mut cmd = sb.command(&p.root, ["idea", "add", "Venter"]);
    cmd.env("VEIKART_LOCK_TIMEOUT", "0.5");
    let run = Run::of(&mut cmd).code(2);
    assert!(run.stderr.contains("prosjektet er opptatt"), "{run}");
    assert!(run.stderr.contains("`veikart measure import store.csv`"), "names the command: {run}");
    assert!(run.stderr.contains("prosess 4242"), "names the process: {run}");
    assert!(run.stderr.contains("VEIKART_LOCK_TIMEOUT"), "says how to wait longer: {run}");
    assert_eq!(p.snapshot(), before, "nothing changed");

    // A writer that waits says so, and goes on once the lock is free.
    let child = sb
        .command(&p.root, ["idea", "add", "Tålmodig"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    std::thread::sleep(std::time::Duration::from_millis(1500));
    drop(lock);
    let run = Run::from_output(
        "veikart idea add Tålmodig".into(),
        child.wait_with_output().expect("wait"),
    )
    .success();
    assert!(run.stderr.contains("Venter på at en annen"), "{run}");
    assert_eq!(run.stdout.trim(), "talmodig");
}

#[test]
fn a_lock_file_left_by_a_killed_writer_blocks_no_one() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    // Outside git the lock is in the project folder; one left behind (not
    // held, even read-only) is taken over and removed.
    let stale = p.path(".veikart.lock");
    fs::write(&stale, "pid = 1\n").expect("stale lock");
    let mut perms = fs::metadata(&stale).expect("meta").permissions();
    perms.set_readonly(true);
    fs::set_permissions(&stale, perms).expect("chmod");
    p.add_idea("Første", &[]);
    assert!(!stale.exists(), "the stale lock file is gone");
}

/// A user other than the one running the tests, when the tests run as root
/// and can switch users (CI does); None otherwise.
fn other_user() -> Option<Vec<String>> {
    let root = std::process::Command::new("id").arg("-u").output().ok()?;
    if String::from_utf8_lossy(&root.stdout).trim() != "0" {
        return None;
    }
    let ok = std::process::Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "true"])
        .status()
        .ok()?
        .success();
    ok.then(|| {
        ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"].map(String::from).to_vec()
    })
}

#[test]
fn a_second_user_can_write_after_the_first() {
    let Some(as_other) = other_user() else {
        eprintln!("skipped: needs root and setpriv to act as a second user");
        return;
    };
    let sb = Sandbox::new();
    let p = sb.init_project();
    sb.git(&p.root, ["init", "-q"]).success();
    p.add_idea("Første", &[]);
    // A project shared by a group: everyone may write its folders.
    let chmod = std::process::Command::new("chmod")
        .args(["-R", "a+rwX"])
        .arg(sb.work.parent().expect("sandbox"))
        .status()
        .expect("chmod");
    assert!(chmod.success());
    let mut cmd = std::process::Command::new(&as_other[0]);
    cmd.args(&as_other[1..])
        .arg(crate::support::bin())
        .args(["idea", "add", "Andre"])
        .current_dir(&p.root)
        .env("VEIKART_TODAY", crate::support::TODAY)
        .env("VEIKART_LANG", "nb")
        .env("HOME", &sb.home);
    let run = Run::of(&mut cmd).success();
    assert_eq!(run.stdout.trim(), "andre", "{run}");
    p.add_idea("Tredje", &[]);
}

#[test]
fn ten_phase_changes_at_once_record_a_true_history() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let phases = ["innsikt", "tjenesteutvikling", "forankring", "innsikt", "pilotering"];
    let children: Vec<_> = (0..10)
        .map(|i| {
            sb.command(
                &p.root,
                [
                    "phase",
                    "set",
                    phases[i % phases.len()],
                    "--reason",
                    &format!("Skritt {i}"),
                    "--by",
                    "Kari",
                ],
            )
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn")
        })
        .collect();
    for c in children {
        // Some find the project already in the phase they asked for (exit 2).
        let out = c.wait_with_output().expect("wait");
        assert!(matches!(out.status.code(), Some(0) | Some(2)), "{out:?}");
    }
    let decisions: Vec<toml::Table> = fs::read_dir(p.path("decisions"))
        .expect("decisions/")
        .map(|e| {
            let text = fs::read_to_string(e.expect("entry").path()).expect("read");
            text.parse().expect("valid TOML")
        })
        .collect();
    assert!(!decisions.is_empty());
    // They can be put in an order where each starts where the one before
    // ended, from the first phase to the phase the project is in now.
    let moves: Vec<(String, String)> = decisions
        .iter()
        .map(|d| (d["from"].as_str().expect("from").into(), d["to"].as_str().expect("to").into()))
        .collect();
    let info: toml::Table = p.read("veikart.toml").parse().expect("toml");
    let now = info["phase"].as_str().expect("phase").to_string();
    let mut used = vec![false; moves.len()];
    assert!(
        chain(&moves, &mut used, "forankring", &now),
        "the decisions do not form one history from forankring to {now}: {moves:?}"
    );
    p.run(["check"]).success();
}

/// Whether the unused `moves` can all be taken one after another from `at`,
/// ending in `end`.
fn chain(moves: &[(String, String)], used: &mut [bool], at: &str, end: &str) -> bool {
    if used.iter().all(|u| *u) {
        return at == end;
    }
    for i in 0..moves.len() {
        if !used[i] && moves[i].0 == at {
            used[i] = true;
            if chain(moves, used, &moves[i].1, end) {
                return true;
            }
            used[i] = false;
        }
    }
    false
}

#[test]
fn an_import_that_fails_on_one_row_writes_none_of_them() {
    let sb = Sandbox::new();
    let p = crate::support::example_copy(&sb);
    let csv = p.root.join("rader.csv");
    let existing = "measurements/ventetid-i-telefonko";
    let dates: Vec<String> = fs::read_dir(p.path(existing))
        .expect("measurements")
        .map(|e| {
            e.expect("entry").file_name().to_string_lossy().trim_end_matches(".toml").to_string()
        })
        .collect();
    let old = dates.iter().min().expect("a value").clone();
    // The value to replace is read-only: the write of that row is refused
    // after the first row is already staged.
    let locked = p.path(&format!("{existing}/{old}.toml"));
    let mut perms = fs::metadata(&locked).expect("meta").permissions();
    perms.set_readonly(true);
    fs::set_permissions(&locked, perms).expect("chmod");
    fs::write(&csv, format!("indicator,date,value\nventetid-i-telefonko,2019-01-01,40\nventetid-i-telefonko,{old},41\n"))
        .expect("csv");
    let before = p.snapshot();
    let run = p.run(["measure", "import", "rader.csv", "--replace"]);
    assert_eq!(run.code, 2, "{run}");
    assert!(run.stderr.contains("skrivebeskyttet"), "{run}");
    assert_eq!(p.snapshot(), before, "no row written");
}

#[test]
fn a_write_cut_short_after_its_journal_is_finished_by_the_next_write() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    // What a `phase set` killed after its journal was written leaves: the
    // decision staged, the project file staged, neither in place.
    let info = p.read("veikart.toml").replace("phase = \"forankring\"", "phase = \"innsikt\"");
    p.write(".veikart-tmp/.veikart-a.tmp", "from = \"forankring\"\nto = \"innsikt\"\ndate = 2026-11-23\nby = \"Kari\"\nreason = \"Klar\"\n");
    p.write(".veikart-tmp/.veikart-b.tmp", &info);
    p.write(
        ".veikart-tmp/journal.json",
        r#"{"version":1,"steps":[
            {"target":"decisions/2026-11-23-forankring-to-innsikt.toml","staged":".veikart-a.tmp"},
            {"target":"veikart.toml","staged":".veikart-b.tmp"}]}"#,
    );
    let check = p.run(["check", "--format", "json"]).code(1).json();
    let codes: Vec<&str> = check["diagnostics"]
        .as_array()
        .expect("diags")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert_eq!(codes, ["unfinished-write"], "{check}");
    assert_eq!(check["diagnostics"][0]["path"], ".veikart-tmp/journal.json");

    let run = p.run(["idea", "add", "Etterpå"]).success();
    assert!(
        run.stderr.contains("Fullførte en skriving som ble avbrutt (2 filer lagt på plass)"),
        "{run}"
    );
    assert!(p.path("decisions/2026-11-23-forankring-to-innsikt.toml").is_file());
    assert!(p.read("veikart.toml").contains("phase = \"innsikt\""));
    assert!(!p.path(".veikart-tmp").exists());
    p.run(["check"]).success();
}

#[test]
fn a_write_cut_short_before_its_journal_is_undone_and_repair_says_what_it_did() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let before = p.snapshot();
    // Staged files without a journal: the write never happened.
    p.write(".veikart-tmp/.veikart-a.tmp", "title = \"Halvveis\"\n");
    // A temp file an older veikart left beside a record.
    p.write("ideas/.veikart-x1y2.tmp", "title = \"Gammel\"\n");
    let check = p.run(["check", "--format", "json"]).success().json();
    let found: Vec<(String, String)> = check["diagnostics"]
        .as_array()
        .expect("diags")
        .iter()
        .map(|d| (d["path"].as_str().unwrap_or("").into(), d["code"].as_str().unwrap_or("").into()))
        .collect();
    assert_eq!(
        found,
        [
            (".veikart-tmp".to_string(), "stray-temp".to_string()),
            ("ideas/.veikart-x1y2.tmp".into(), "stray-temp".into())
        ],
        "{check}"
    );
    let run = p.run(["check"]).success();
    assert!(run.stdout.contains("warning[stray-temp]") || run.stdout.contains("advarsel"), "{run}");

    let run = p.run(["repair"]).success();
    assert!(run.stderr.contains("Fjernet 2 midlertidige filer."), "{run}");
    assert_eq!(run.stdout, ".veikart-tmp/.veikart-a.tmp\nideas/.veikart-x1y2.tmp\n");
    let mut after = p.snapshot();
    after.remove(&PathBuf::from("ideas"));
    assert_eq!(after, before, "only the temp files went");
    let run = p.run(["repair", "--format", "json"]).success().json();
    assert_eq!(run["finished_files"], serde_json::json!([]));
    assert_eq!(run["removed_files"], serde_json::json!([]));
    let run = p.run(["repair"]).success();
    assert!(run.stderr.contains("Ingenting å reparere"), "{run}");
}

#[test]
fn init_keeps_temp_files_and_the_lock_out_of_git() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let ignore = p.read(".gitignore");
    assert!(ignore.lines().any(|l| l == ".veikart-*"), "{ignore}");
    assert!(ignore.lines().any(|l| l == ".veikart.lock"), "{ignore}");
    sb.git(&p.root, ["init", "-q"]).success();
    p.write(".veikart-tmp/.veikart-a.tmp", "x");
    p.write("ideas/.veikart-b.tmp", "x");
    p.write(".veikart.lock", "pid = 1\n");
    let status = sb.git(&p.root, ["status", "--porcelain", "--untracked-files=all"]).success();
    assert!(!status.stdout.contains(".veikart-"), "{status}");
    assert!(!status.stdout.contains(".veikart.lock"), "{status}");
    assert!(status.stdout.contains(".veikart/schema"), "the schemas are still committed: {status}");

    // An existing .gitignore gets the lines added, in its own line endings.
    let dir = sb.work.join("eget");
    fs::create_dir_all(&dir).expect("mkdir");
    fs::write(dir.join(".gitignore"), "target/\r\n*.bak\r\n").expect("gitignore");
    sb.run(&sb.work, ["init", "eget", "--name", "Eget"]).success();
    let text = fs::read_to_string(dir.join(".gitignore")).expect("read");
    assert!(text.starts_with("target/\r\n*.bak\r\n# veikart"), "{text:?}");
    assert!(text.ends_with(".veikart-*\r\n.veikart.lock\r\n"), "{text:?}");
    let again = snapshot(&dir);
    sb.run(&sb.work, ["init", "eget", "--name", "Eget"]).code(2);
    assert_eq!(snapshot(&dir), again);
}

#[test]
fn a_crafted_journal_never_moves_a_file_out_of_the_project() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let elsewhere = sb.work.join("elsewhere");
    fs::create_dir_all(&elsewhere).expect("mkdir");
    std::os::unix::fs::symlink(&elsewhere, p.path("ideas")).expect("ln -s");
    p.write(".veikart-tmp/a", "title = \"Ut\"\n");
    p.write(".veikart-tmp/b", "title = \"Ut\"\n");
    p.write(
        ".veikart-tmp/journal.json",
        r#"{"version":1,"steps":[
            {"target":"../utenfor.toml","staged":"a"},
            {"target":"ideas/ut.toml","staged":"b"},
            {"target":"veikart.toml","staged":"../../prosjekt/veikart.toml"}]}"#,
    );
    let info = p.read("veikart.toml");
    p.run(["repair"]).success();
    assert!(!sb.work.join("utenfor.toml").exists());
    assert!(
        fs::read_dir(&elsewhere).expect("ls").next().is_none(),
        "nothing written through the link"
    );
    assert_eq!(p.read("veikart.toml"), info);
    assert!(!p.path(".veikart-tmp").exists());
}

#[test]
fn a_file_named_like_the_temp_folder_is_cleared_by_the_next_write() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.write(".veikart-tmp", "rest\n");
    let check = p.run(["check", "--format", "json"]).success().json();
    assert_eq!(check["diagnostics"][0]["code"], "stray-temp", "{check}");
    let run = p.run(["repair"]).success();
    assert_eq!(run.stdout, ".veikart-tmp\n", "{run}");
    assert!(!p.path(".veikart-tmp").exists());
    p.write(".veikart-tmp", "rest\n");
    p.add_idea("Etterpå", &[]);
    assert!(!p.path(".veikart-tmp").exists());
}
