//! The CI setups in docs/ci.md and .pre-commit-hooks.yaml run the commands
//! this test runs: every `veikart …` line of the GitHub workflow, the GitLab
//! job and the hooks, through a real shell, on a copy of the example project.
//! The example has one honestly unfinished checklist item, so the gate fails
//! on it and everything else passes.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{Sandbox, bin, copy_tree};

fn repo(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// The shell commands of the fenced ```yaml blocks in docs/ci.md that run
/// veikart, per block: GitHub's `run: veikart …` and GitLab's `- veikart …`.
fn documented_commands() -> Vec<Vec<String>> {
    let doc = fs::read_to_string(repo("docs/ci.md")).expect("docs/ci.md");
    let mut blocks = Vec::new();
    let mut current: Option<Vec<String>> = None;
    for line in doc.lines() {
        match (line.trim_start(), current.as_mut()) {
            ("```yaml", None) => current = Some(Vec::new()),
            ("```", Some(_)) => blocks.extend(current.take()),
            (l, Some(cmds)) => {
                let cmd = l.strip_prefix("run: ").or_else(|| l.strip_prefix("- "));
                if let Some(c) = cmd.filter(|c| c.starts_with("veikart ")) {
                    cmds.push(c.to_string());
                }
            }
            _ => {}
        }
    }
    blocks.into_iter().filter(|b| !b.is_empty()).collect()
}

fn hook_entries() -> Vec<String> {
    let text = fs::read_to_string(repo(".pre-commit-hooks.yaml")).expect("hooks file");
    text.lines().filter_map(|l| l.trim().strip_prefix("entry: ")).map(str::to_string).collect()
}

fn sh(sb: &Sandbox, dir: &Path, command: &str) -> (i32, String) {
    let bin_dir = Path::new(bin()).parent().expect("bin dir");
    let path = format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap_or_default());
    let summary = sb.work.join("step-summary.md");
    let out = Command::new("sh")
        .arg("-c")
        .arg(command)
        .current_dir(dir)
        .env("PATH", path)
        .env("GITHUB_STEP_SUMMARY", &summary)
        .env("VEIKART_TODAY", crate::support::TODAY)
        .env("GITHUB_BASE_REF", "main")
        .env("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main")
        .env("NO_COLOR", "1")
        .env_remove("VEIKART_LANG")
        .output()
        .expect("sh");
    let text =
        format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn the_documented_ci_jobs_pass_the_example_except_for_its_one_unfinished_item() {
    let blocks = documented_commands();
    assert!(blocks.len() >= 2, "a GitHub and a GitLab block: {blocks:?}");
    let hooks = hook_entries();
    assert_eq!(hooks.len(), 2, "{hooks:?}");
    let sb = Sandbox::new();
    let project = sb.work.join("fjordvik");
    copy_tree(&repo("examples/fjordvik-legevakt"), &project);
    // A pull request that adds one log entry to what `origin/main` has.
    let added = "logs/2026-11-18-nye-vikarer-laert-opp-i-skjermlosningen.toml";
    let entry = fs::read_to_string(project.join(added)).expect("the log entry");
    fs::remove_file(project.join(added)).expect("remove");
    sb.git(&project, ["init", "-q", "-b", "main"]).success();
    sb.git(&project, ["add", "."]).success();
    sb.git(&project, ["commit", "-qm", "Grunnlaget"]).success();
    sb.git(&project, ["update-ref", "refs/remotes/origin/main", "HEAD"]).success();
    sb.git(&project, ["checkout", "-qb", "kake"]).success();
    fs::write(project.join(added), entry).expect("write");
    sb.git(&project, ["add", "."]).success();
    sb.git(&project, ["commit", "-qm", "Feiringen"]).success();

    let mut gates = 0;
    let mut diffs = 0;
    for command in blocks.iter().flatten().chain(hooks.iter()) {
        let (code, out) = sh(&sb, &project, command);
        if command.starts_with("veikart diff") {
            diffs += 1;
            assert_eq!(code, 0, "{command}\n{out}");
            continue;
        }
        if command.contains("--check") {
            gates += 1;
            assert_eq!(code, 1, "the gate fails on the example: {command}\n{out}");
            let report = if command.contains("> ") {
                let file = command.rsplit("> ").next().unwrap_or_default().trim();
                fs::read_to_string(project.join(file)).expect("report file")
            } else {
                out.clone()
            };
            assert!(
                report.contains("innovation-culture"),
                "the unfinished item is named: {command}\n{report}"
            );
        } else {
            assert_eq!(code, 0, "{command}\n{out}");
        }
    }
    assert_eq!(gates, 3, "each setup gates on the checklist");
    // Both Pages jobs write the site to `public`.
    assert!(project.join("public/index.html").is_file(), "the site's front page");
    assert!(project.join("public/.nojekyll").is_file(), "GitHub Pages serves it as it is");
    assert_eq!(diffs, 2, "GitHub and GitLab tell what a pull request changes");
    let summary = fs::read_to_string(sb.work.join("step-summary.md")).expect("summary");
    let gitlab = fs::read_to_string(project.join("diff.md")).expect("diff.md");
    for md in [&summary, &gitlab] {
        assert!(
            md.contains("### Endringer fra felles forgjenger av origin/main og HEAD til HEAD"),
            "{md}"
        );
        assert!(md.contains("- ny: `2026-11-18-nye-vikarer-laert-opp-i-skjermlosningen`"), "{md}");
    }
    assert!(summary.contains("## Sjekkliste for Ny praksis"), "{summary}");
    assert!(summary.contains("### `veikart check`"), "{summary}");
    let junit = fs::read_to_string(project.join("checklist.xml")).expect("junit");
    let doc = roxmltree::Document::parse(&junit).expect("XML");
    let failures = doc.descendants().filter(|n| n.has_tag_name("failure")).count();
    assert_eq!(failures, 1, "{junit}");
    assert_valid_junit(&project.join("checklist.xml"));
    let quality = fs::read_to_string(project.join("gl-code-quality-report.json")).expect("report");
    let quality: serde_json::Value = serde_json::from_str(&quality).expect("JSON");
    assert_eq!(quality, serde_json::json!([]), "the example has no problems");
}

/// Validate a JUnit file against tests/fixtures/junit.xsd (the common JUnit
/// schema's structure) with Python's `xmlschema`, which `.ci/run` installs.
/// Without it the check is skipped, except in CI, where it must run.
fn assert_valid_junit(file: &Path) {
    let script = "import sys, xmlschema\n\
                  xmlschema.XMLSchema(sys.argv[1]).validate(sys.argv[2])\n";
    let xsd = repo("tests/fixtures/junit.xsd");
    let out = Command::new("python3").arg("-c").arg(script).arg(&xsd).arg(file).output();
    let missing = match &out {
        Err(_) => true,
        Ok(o) => String::from_utf8_lossy(&o.stderr).contains("No module named 'xmlschema'"),
    };
    if missing {
        assert!(std::env::var_os("CI").is_none(), "CI needs python3 with xmlschema");
        #[allow(clippy::print_stderr)]
        {
            eprintln!("note: python3 xmlschema not found; JUnit schema check skipped");
        }
        return;
    }
    let out = out.expect("python3");
    assert!(
        out.status.success(),
        "{} is not valid JUnit:\n{}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_documented_ci_files_are_valid_yaml_with_the_reports_wired_up() {
    use yaml_rust2::{Yaml, YamlLoader};
    let doc = fs::read_to_string(repo("docs/ci.md")).expect("docs/ci.md");
    let blocks: Vec<&str> =
        doc.split("```yaml\n").skip(1).filter_map(|b| b.split("\n```").next()).collect();
    assert_eq!(blocks.len(), 3, "GitHub, GitLab and pre-commit");
    let parsed: Vec<Yaml> = blocks
        .iter()
        .map(|b| {
            let mut docs = YamlLoader::load_from_str(b).unwrap_or_else(|e| panic!("{e}\n{b}"));
            assert_eq!(docs.len(), 1, "{b}");
            docs.remove(0)
        })
        .collect();
    let steps = parsed[0]["jobs"]["veikart"]["steps"].as_vec().expect("GitHub steps");
    let runs: Vec<&str> = steps.iter().filter_map(|s| s["run"].as_str()).collect();
    assert!(runs.contains(&"veikart check --format github"), "{runs:?}");
    assert!(runs.iter().any(|r| r.starts_with("veikart checklist --check")), "{runs:?}");
    let diff_step = steps.iter().find(|s| s["run"].as_str().is_some_and(|r| r.contains("diff")));
    assert_eq!(
        diff_step.map(|s| s["if"].as_str()),
        Some(Some("github.event_name == 'pull_request'")),
        "{steps:?}"
    );
    assert_eq!(steps[0]["with"]["fetch-depth"].as_i64(), Some(0), "the base branch is fetched");
    let mr = &parsed[1]["veikart-diff"];
    assert_eq!(mr["variables"]["GIT_DEPTH"].as_i64(), Some(0), "{mr:?}");
    assert_eq!(mr["artifacts"]["paths"][0].as_str(), Some("diff.md"), "{mr:?}");
    let gitlab = &parsed[1]["veikart"];
    assert!(gitlab["script"].as_vec().is_some_and(|s| s.len() >= 3), "GitLab script");
    let reports = &gitlab["artifacts"]["reports"];
    assert_eq!(reports["codequality"].as_str(), Some("gl-code-quality-report.json"));
    assert_eq!(reports["junit"].as_str(), Some("checklist.xml"));
    let script: Vec<&str> =
        gitlab["script"].as_vec().into_iter().flatten().filter_map(Yaml::as_str).collect();
    assert!(script.iter().any(|s| s.ends_with("> gl-code-quality-report.json")), "{script:?}");
    let site = parsed[0]["jobs"]["site"]["steps"].as_vec().expect("the GitHub Pages job");
    assert!(site.iter().any(|s| s["run"].as_str() == Some("veikart site public")), "{site:?}");
    let upload = site.iter().find(|s| {
        s["uses"].as_str().is_some_and(|u| u.starts_with("actions/upload-pages-artifact"))
    });
    assert_eq!(upload.map(|s| s["with"]["path"].as_str()), Some(Some("public")), "{site:?}");
    let pages = &parsed[1]["pages"];
    assert_eq!(pages["artifacts"]["paths"][0].as_str(), Some("public"), "{pages:?}");
    assert!(
        pages["script"]
            .as_vec()
            .into_iter()
            .flatten()
            .any(|s| s.as_str() == Some("veikart site public")),
        "{pages:?}"
    );
    let hooks = parsed[2]["repos"][0]["hooks"].as_vec().expect("pre-commit hooks");
    assert_eq!(hooks.len(), 2);
}

#[test]
fn annotations_name_paths_from_the_repository_root_wherever_veikart_runs() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.run([
        "checklist",
        "answer",
        "forankring",
        "stakeholders",
        "still-open",
        "--note",
        "Kommer",
        "--by",
        "K",
    ])
    .success();
    let sub = p.root.join("ideas");
    std::fs::create_dir_all(&sub).expect("mkdir");
    let run_in = |dir: &Path, args: &[&str]| {
        let mut cmd = sb.command(dir, args);
        cmd.env("GITHUB_WORKSPACE", &sb.work);
        crate::support::Run::from_output(args.join(" "), cmd.output().expect("run"))
    };
    // GitHub reads `file=` from the root of the checked-out repository (here
    // `work/`), also for a job that runs in a folder below it.
    for dir in [&sub, &p.root, &sb.work] {
        let project = p.root.to_str().expect("UTF-8");
        let gate =
            run_in(dir, &["-C", project, "checklist", "--check", "--format", "github"]).code(1);
        assert!(
            gate.stdout
                .contains("::error file=prosjekt/checklist/forankring/stakeholders.toml,line=1,"),
            "{gate}"
        );
    }
    // Outside GitHub, the path as shown.
    let run = sb.run(&sub, ["checklist", "--check", "--format", "github"]).code(1);
    assert!(
        run.stdout.contains("::error file=../checklist/forankring/stakeholders.toml,"),
        "{run}"
    );
    p.write("ideas/kaffe.toml", "title = \"Kaffe\"\nstatus = \"ny-status\"\n");
    for dir in [&sub, &p.root, &sb.work] {
        let project = p.root.to_str().expect("UTF-8");
        let check = run_in(dir, &["-C", project, "check", "--format", "github"]).code(1);
        assert!(check.stdout.contains("::error file=prosjekt/ideas/kaffe.toml,line=2,"), "{check}");
    }
}

/// The hooks as `.pre-commit-hooks.yaml` declares them: (id, the lines of its block).
fn hook_blocks() -> Vec<(String, Vec<String>)> {
    let text = fs::read_to_string(repo(".pre-commit-hooks.yaml")).expect("hooks file");
    let mut hooks: Vec<(String, Vec<String>)> = Vec::new();
    for line in text.lines().filter(|l| !l.trim_start().starts_with('#')) {
        if let Some(id) = line.strip_prefix("- id: ") {
            hooks.push((id.trim().to_string(), Vec::new()));
        } else if let Some((_, lines)) = hooks.last_mut() {
            lines.push(line.trim().to_string());
        }
    }
    hooks
}

#[test]
fn the_pre_commit_gate_runs_before_a_push_not_on_every_commit() {
    let hooks = hook_blocks();
    let ids: Vec<&str> = hooks.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["veikart-check", "veikart-checklist"]);
    for (id, lines) in &hooks {
        for key in ["name:", "entry: veikart ", "language: rust", "pass_filenames: false"] {
            assert!(lines.iter().any(|l| l.starts_with(key)), "{id} has {key}: {lines:?}");
        }
    }
    let (_, check) = &hooks[0];
    assert!(check.iter().all(|l| !l.starts_with("stages:")), "check runs on every commit");
    assert!(check.contains(&"files: \\.toml$".to_string()), "{check:?}");
    let (_, gate) = &hooks[1];
    assert!(gate.contains(&"stages: [pre-push, manual]".to_string()), "{gate:?}");
    assert!(gate.contains(&"always_run: true".to_string()), "{gate:?}");
    // The documented config does not take the stages back.
    let doc = fs::read_to_string(repo("docs/ci.md")).expect("docs/ci.md");
    let config = doc.split("repos:").nth(1).and_then(|r| r.split("```").next()).unwrap_or_default();
    assert!(config.contains("- id: veikart-checklist"), "{config}");
    assert!(!config.contains("stages:"), "{config}");
}
