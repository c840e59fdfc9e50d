//! Writers killed at random moments (issue 14): afterwards every file
//! parses, the next write leaves no temporary file, and no write of several
//! files is half done.
//!
//! The default run is short; `VEIKART_KILL_CASES=N` runs N kills per kind
//! of writer and `VEIKART_KILL_SEED=S` replays one run (benches/kill.sh runs
//! the long version).

use std::fs;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::support::{Project, Sandbox, example_copy};

/// A small, seeded random source (xorshift64*), so a failing run can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A duration from zero up to `max`.
    fn upto(&mut self, max: Duration) -> Duration {
        let micros = max.as_micros().max(1) as u64;
        Duration::from_micros(self.next() % micros)
    }
}

fn setting(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// Run `args` in the project and kill it after `delay` (if it is still
/// running then). Returns whether it was killed.
fn run_killed(p: &Project, args: &[String], delay: Duration) -> bool {
    let mut child =
        p.sb.command(&p.root, args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn veikart");
    std::thread::sleep(delay);
    let killed = matches!(child.try_wait(), Ok(None));
    let _ = child.kill();
    let _ = child.wait();
    killed
}

/// How long `args` takes when not killed (at least 1 ms).
fn timed(p: &Project, args: &[String]) -> Duration {
    let start = Instant::now();
    let out = p.sb.command(&p.root, args).output().expect("run veikart");
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    start.elapsed().max(Duration::from_millis(1))
}

/// The record files of a folder of the project.
fn count(p: &Project, rel: &str) -> usize {
    fs::read_dir(p.path(rel))
        .map(|d| {
            d.filter_map(Result::ok)
                .filter(|e| e.file_name().to_string_lossy().ends_with(".toml"))
                .count()
        })
        .unwrap_or(0)
}

/// Codes that mean a file is broken or a write was left half done.
const BROKEN: &[&str] = &[
    "syntax",
    "unreadable",
    "unfinished-write",
    "stray-temp",
    "not-a-file",
    "merge-conflict",
    "bad-file-name",
    "stray-folder",
    "misplaced",
];

/// After the next write: every TOML file parses, `check` finds no broken
/// file, and nothing temporary is left anywhere in the project.
fn assert_whole(p: &Project, what: &str) {
    for entry in walkdir::WalkDir::new(&p.root).into_iter().filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        assert!(
            !name.starts_with(".veikart-") && name != ".veikart.lock",
            "{what}: {} was left behind",
            entry.path().display()
        );
        if name.ends_with(".toml") && entry.file_type().is_file() {
            let text = fs::read_to_string(entry.path()).expect("read");
            if let Err(e) = text.parse::<toml::Table>() {
                panic!("{what}: {} does not parse: {e}", entry.path().display());
            }
        }
    }
    let out =
        p.sb.command(&p.root, ["check", "--format", "json", "--lang", "en"])
            .output()
            .expect("check");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("check JSON");
    for d in v["diagnostics"].as_array().expect("diagnostics") {
        let code = d["code"].as_str().unwrap_or_default();
        assert!(!BROKEN.contains(&code), "{what}: check found {d}");
    }
}

/// After a kill, the next command that writes puts things right: `repair`
/// or, every other time, an ordinary write.
fn next_write(p: &Project, i: u64) {
    let args: Vec<String> = if i.is_multiple_of(2) {
        vec!["repair".into()]
    } else {
        vec!["idea".into(), "add".into(), format!("Etter avbrudd {i}")]
    };
    let out = p.sb.command(&p.root, &args).output().expect("run");
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

fn words(s: &str) -> Vec<String> {
    s.split(' ').map(String::from).collect()
}

struct Figures {
    kills: u64,
    cut_short: u64,
}

#[test]
fn writers_killed_at_random_moments_leave_the_old_state_or_the_new_one() {
    let cases = setting("VEIKART_KILL_CASES", 8);
    let seed = setting("VEIKART_KILL_SEED", 0x5eed_1234);
    let mut rng = Rng(seed | 1);
    let sb = Sandbox::new();
    let p = example_copy(&sb);
    let mut figures = Figures { kills: 0, cut_short: 0 };
    let started = Instant::now();

    // measure import: 60 values, all or none.
    let import = |i: u64| -> Vec<String> {
        let mut csv = String::from("indicator,date,value\n");
        // A quarter of its own per run: 20 days in each of three months.
        let (year, month) = (1900 + i / 4, (i % 4) * 3 + 1);
        for day in 0..60 {
            csv.push_str(&format!(
                "ventetid-i-telefonko,{year}-{:02}-{:02},{}\n",
                month + day / 20,
                day % 20 + 1,
                10 + day
            ));
        }
        let file = p.root.join(format!("rader-{i}.csv"));
        fs::write(&file, csv).expect("csv");
        vec!["measure".into(), "import".into(), file.display().to_string()]
    };
    let cases = cases.min(400);
    let full = timed(&p, &import(cases));
    for i in 0..cases {
        let before = count(&p, "measurements/ventetid-i-telefonko");
        let args = import(i);
        figures.cut_short += u64::from(run_killed(&p, &args, rng.upto(full + full / 5)));
        figures.kills += 1;
        next_write(&p, i);
        let after = count(&p, "measurements/ventetid-i-telefonko");
        assert!(
            after == before || after == before + 60,
            "import {i} (seed {seed}): {before} → {after} values"
        );
        assert_whole(&p, &format!("import {i} (seed {seed})"));
        let _ = fs::remove_file(p.root.join(format!("rader-{i}.csv")));
    }
    let _ = fs::remove_file(p.root.join(format!("rader-{cases}.csv")));

    // phase set: the decision and the phase change together.
    let phase = |p: &Project| -> String {
        let info: toml::Table = p.read("veikart.toml").parse().expect("veikart.toml");
        info["phase"].as_str().expect("phase").to_string()
    };
    let to = |i: u64| if i.is_multiple_of(2) { "innsikt" } else { "pilotering" };
    let set = |i: u64| words(&format!("phase set {} --reason Skritt --by Kari", to(i)));
    let full = timed(&p, &set(1));
    for i in 0..cases {
        let (decisions, was) = (count(&p, "decisions"), phase(&p));
        figures.cut_short += u64::from(run_killed(&p, &set(i), rng.upto(full + full / 5)));
        figures.kills += 1;
        next_write(&p, i);
        let (now_decisions, now) = (count(&p, "decisions"), phase(&p));
        let what = format!("phase set {i} (seed {seed})");
        if now == was {
            assert_eq!(now_decisions, decisions, "{what}: a decision without the phase change");
        } else {
            assert_eq!(now, to(i), "{what}");
            assert_eq!(now_decisions, decisions + 1, "{what}: a phase change without its decision");
        }
        assert_whole(&p, &what);
    }

    // tech rm: an option goes with its five assessments, or stays with them.
    let criteria = ["user-needs", "integrations", "security", "scalability", "cost"];
    for i in 0..cases {
        let id = format!("alternativ-{i}");
        let add =
            sb.run(&p.root, words(&format!("tech add Alternativ-{i} --decision buy"))).success();
        assert_eq!(add.stdout.trim(), id);
        for c in criteria {
            sb.run(&p.root, ["tech", "assess", &id, c, "3", "--note", "Greit nok"]).success();
        }
        let rm = words(&format!("tech rm {id}"));
        let full = Duration::from_millis(40);
        figures.cut_short += u64::from(run_killed(&p, &rm, rng.upto(full)));
        figures.kills += 1;
        next_write(&p, i);
        let option = p.path(&format!("technologies/{id}.toml")).exists();
        let parts = count(&p, &format!("assessments/{id}"));
        let what = format!("tech rm {i} (seed {seed})");
        assert!(
            (option && parts == 5) || (!option && parts == 0),
            "{what}: the option is {} with {parts} of its assessments",
            if option { "there" } else { "gone" }
        );
        assert!(
            !Path::new(&p.path(&format!("assessments/{id}"))).exists() || option,
            "{what}: an empty folder"
        );
        assert_whole(&p, &what);
    }

    // One-file edits and creations: whole or not at all, and no temp file.
    for i in 0..cases {
        let args = if i.is_multiple_of(2) {
            words(&format!("idea add Idé-{i}"))
        } else {
            words("idea assess bedre-skilting --feasibility 4 --benefit 3 --cost 2")
        };
        figures.cut_short += u64::from(run_killed(&p, &args, rng.upto(Duration::from_millis(30))));
        figures.kills += 1;
        next_write(&p, i);
        assert_whole(&p, &format!("{} {i} (seed {seed})", args[..2].join(" ")));
    }
    eprintln!(
        "kill test: {} writers killed at random moments ({} of them mid-write), seed {seed}, {:.1} s",
        figures.kills,
        figures.cut_short,
        started.elapsed().as_secs_f64()
    );
}
