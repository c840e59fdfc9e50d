//! Editor support (issue 13): the `.taplo.toml` and the schemas `init`
//! writes let taplo (the CLI, and Even Better TOML in an editor) check the
//! files as `veikart check` does, and `taplo fmt` and veikart's own edits
//! agree on the layout.
//!
//! The tests that run taplo find it on PATH (`.ci/run` installs it). Without
//! it they fail under CI (the variable `CI` is set) and otherwise pass with a
//! note on stderr. The schemas are also checked in-process with the
//! `jsonschema` crate, so that part never depends on taplo.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{Project, Sandbox, copy_tree, snapshot};

/// The `taplo` on PATH; `None` (after a note) when it is missing outside CI.
fn taplo() -> Option<PathBuf> {
    let names: &[&str] = if cfg!(windows) { &["taplo.exe", "taplo.cmd"] } else { &["taplo"] };
    let found = std::env::var_os("PATH").and_then(|path| {
        std::env::split_paths(&path)
            .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "taplo is not on PATH; .ci/run installs it (npm install -g @taplo/cli)"
        );
        #[allow(clippy::print_stderr)]
        {
            eprintln!("note: taplo is not on PATH, so this test checks nothing with it");
        }
    }
    found
}

/// `taplo ARGS` in `dir`, the project's root (taplo reads `.taplo.toml` from
/// its working folder and resolves the globs from there): whether it
/// succeeded, and what it printed.
fn taplo_run(taplo: &Path, dir: &Path, args: &[&str]) -> (bool, String) {
    let out = Command::new(taplo)
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("TAPLO_CONFIG")
        .output()
        .unwrap_or_else(|e| panic!("run {}: {e}", taplo.display()));
    let text = format!(
        "taplo {}\n--- stdout\n{}--- stderr\n{}",
        args.join(" "),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

fn example() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/fjordvik-legevakt")
}

/// A copy of the example project in the sandbox.
fn example_copy(sb: &Sandbox) -> Project<'_> {
    let root = sb.work.join("fjordvik-legevakt");
    copy_tree(&example(), &root);
    Project { sb, root }
}

/// A few writes of different kinds: an idea added, assessed and renamed, a
/// benefit with a cost and a precondition, a measurement.
fn some_writes(p: &Project) {
    let id = p.add_idea("Kaffe i venterommet", &["--tag", "venterom", "--tag", "trivsel"]);
    p.run(["idea", "assess", &id, "--feasibility", "4", "--benefit", "3", "--cost", "2"]).success();
    p.run(["idea", "set", &id, "--title", "Kaffe og vann i venterommet"]).success();
    p.run(["idea", "assess", "digital-registrering", "--feasibility", "3", "--benefit", "5"])
        .success();
    p.run(["benefit", "add", "Færre telefoner om ventetid", "--type", "tid"]).success();
    p.run([
        "benefit",
        "cost",
        "add",
        "faerre-telefoner",
        "--kind",
        "engangs",
        "--amount",
        "25000",
        "--year",
        "2026",
    ])
    .success();
    p.run(["benefit", "precondition", "add", "faerre-telefoner", "Ny telefonløsning"]).success();
    p.run(["benefit", "precondition", "add", "kortere-ventetid", "Nok sykepleiere i helgene"])
        .success();
    p.run([
        "benefit",
        "plan",
        "faerre-telefoner",
        "--indicator",
        "Telefoner om ventetid",
        "--unit",
        "stk",
        "--baseline",
        "120",
        "--target",
        "60",
        "--by",
        "2027-06-30",
        "--responsible",
        "enhetsleder-legevakt",
    ])
    .success();
    p.run(["measure", "record", "ventetid-i-telefonko", "4", "--date", "2026-11-20"]).success();
    p.run(["measure", "record", "telefoner-om-ventetid", "110", "--date", "2026-11-20"]).success();
}

#[test]
fn init_writes_the_taplo_config_and_the_schemas_and_taplo_accepts_the_new_project() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let config = p.read(".taplo.toml");
    assert!(config.contains("[[rule]]\ninclude = [\"ideas/*.toml\"]"), "{config}");
    assert!(config.contains("include = [\"measurements/*/*.toml\"]"), "{config}");
    assert!(config.contains("path = \".veikart/schema/ideas.schema.json\""), "{config}");
    assert!(config.contains("reorder_keys = false"), "{config}");
    for name in ["project", "ideas", "measurements", "roadmap"] {
        let have = p.read(&format!(".veikart/schema/{name}.schema.json"));
        let want = crate::support::read(
            &PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join(format!("docs/schema/{name}.schema.json")),
        );
        assert_eq!(have, want, "the project's {name} schema is the shipped one");
    }
    // The new files are not records: check is clean.
    let v = p.run(["check", "--format", "json"]).success().json();
    assert_eq!(v["errors"], 0, "{v}");
    assert_eq!(v["warnings"], 0, "{v}");

    let Some(taplo) = taplo() else { return };
    p.add_idea("Bedre skilting", &[]);
    for args in [&["check"][..], &["fmt", "--check"], &["fmt", "--check", ".taplo.toml"]] {
        let (ok, out) = taplo_run(&taplo, &p.root, args);
        assert!(ok, "{out}");
    }
}

#[test]
fn init_leaves_an_existing_taplo_config_alone() {
    let sb = Sandbox::new();
    let dir = sb.work.join("repo");
    crate::support::write(&dir.join(".taplo.toml"), "# the repository's own\n");
    let run = sb.run(&sb.work, ["init", "repo", "--name", "Digital legevakt"]).success();
    assert!(run.stderr.contains(".taplo.toml fantes fra før og ble ikke endret"), "{run}");
    assert_eq!(crate::support::read(&dir.join(".taplo.toml")), "# the repository's own\n");
    assert!(dir.join(".veikart/schema/ideas.schema.json").is_file(), "{run}");
}

#[test]
fn init_refuses_a_folder_with_a_veikart_folder_and_changes_nothing() {
    let sb = Sandbox::new();
    let dir = sb.work.join("gammel");
    crate::support::write(&dir.join(".veikart/schema/ideas.schema.json"), "{}\n");
    let before = snapshot(&sb.work);
    let run = sb.run(&sb.work, ["init", "gammel", "--name", "Digital legevakt"]).code(2);
    assert!(run.stderr.contains(".veikart finnes allerede; ingenting ble endret"), "{run}");
    crate::support::assert_same_tree(&before, &snapshot(&sb.work), &run);
}

/// A write that fails after the schemas are in place (the project file's
/// name is held by a link to nowhere, which the first look does not see)
/// takes the schemas and `.taplo.toml` away again.
#[cfg(unix)]
#[test]
fn init_that_fails_half_way_leaves_nothing_behind() {
    let sb = Sandbox::new();
    let dir = sb.work.join("halv");
    fs::create_dir_all(&dir).expect("mkdir");
    std::os::unix::fs::symlink("finnes-ikke", dir.join("veikart.toml")).expect("symlink");
    let before = snapshot(&sb.work);
    let run = sb.run(&sb.work, ["init", "halv", "--name", "Digital legevakt"]).code(2);
    assert!(run.stderr.contains("ingenting ble endret"), "{run}");
    crate::support::assert_same_tree(&before, &snapshot(&sb.work), &run);
}

#[test]
fn taplo_accepts_the_example_after_veikart_writes() {
    let Some(taplo) = taplo() else { return };
    let sb = Sandbox::new();
    let p = example_copy(&sb);
    some_writes(&p);
    p.run(["check"]).success();
    let (ok, out) = taplo_run(&taplo, &p.root, &["check"]);
    assert!(ok, "taplo check after veikart writes\n{out}");
    let (ok, out) = taplo_run(&taplo, &p.root, &["fmt", "--check"]);
    assert!(ok, "the example and veikart's writes are laid out as taplo fmt wants\n{out}");
}

#[test]
fn veikart_edits_after_taplo_fmt_stay_formatted() {
    let Some(taplo) = taplo() else { return };
    let sb = Sandbox::new();
    let p = example_copy(&sb);
    // Hand-written layout taplo changes: spacing around `=` and before a
    // comment, a list one item a line with odd indentation and no trailing comma.
    let rel = "benefits/kortere-ventetid-i-telefonkoen.toml";
    let text = p.read(rel);
    let list = text.lines().find(|l| l.starts_with("preconditions")).expect("a list");
    let messy = text
        .replace(
            list,
            "preconditions = [\n      \"Ny telefonløsning\",   # bestilt\n    \"Opplæring\"\n]",
        )
        .replace("type = \"time\"", "type   =   \"time\"     # spart tid");
    p.write(rel, &messy);
    let idea = "ideas/digital-registrering-for-oppmote.toml";
    p.write(idea, &p.read(idea).replace("kind = ", "kind    =  "));
    p.run(["check"]).success();
    let (ok, out) = taplo_run(&taplo, &p.root, &["fmt"]);
    assert!(ok, "{out}");
    assert!(
        p.read(rel).contains("type = \"time\" # spart tid\n"),
        "taplo laid it out\n{}",
        p.read(rel)
    );

    p.run(["idea", "assess", "digital-registrering", "--feasibility", "3", "--benefit", "5"])
        .success();
    p.run(["idea", "set", "digital-registrering", "--title", "Digital registrering hjemme"])
        .success();
    p.run(["benefit", "precondition", "add", "kortere-ventetid", "Nok sykepleiere i helgene"])
        .success();
    p.run(["benefit", "set", "kortere-ventetid", "--type", "kvalitet"]).success();
    some_writes(&p);
    let (ok, out) = taplo_run(&taplo, &p.root, &["fmt", "--check"]);
    assert!(ok, "veikart's edits keep taplo's layout\n{out}\n{}", p.read(rel));
    assert!(p.read(rel).contains("  \"Opplæring\",\n  \"Nok sykepleiere i helgene\",\n]"));
}

// ---------------------------------------------------------------------------
// The schemas against check.

/// A TOML document as JSON, the way taplo hands it to the schema: dates and
/// times become strings.
fn to_json(v: &toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        toml::Value::String(s) => J::String(s.clone()),
        toml::Value::Integer(i) => J::from(*i),
        toml::Value::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
        toml::Value::Boolean(b) => J::Bool(*b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(a) => J::Array(a.iter().map(to_json).collect()),
        toml::Value::Table(t) => {
            J::Object(t.iter().map(|(k, v)| (k.clone(), to_json(v))).collect())
        }
    }
}

/// The rules of a `.taplo.toml`: (include glob, schema path).
fn rules(config: &str) -> Vec<(String, String)> {
    let t: toml::Table = config.parse().expect(".taplo.toml is TOML");
    let mut out = Vec::new();
    for rule in t["rule"].as_array().expect("[[rule]]") {
        let path = rule["schema"]["path"].as_str().expect("rule.schema.path").to_string();
        for glob in rule["include"].as_array().expect("rule.include") {
            out.push((glob.as_str().expect("a glob").to_string(), path.clone()));
        }
    }
    out
}

/// Whether `rel` matches `glob`, whose parts are names or `*` and `*.toml`.
fn matches(glob: &str, rel: &str) -> bool {
    let (g, r): (Vec<&str>, Vec<&str>) = (glob.split('/').collect(), rel.split('/').collect());
    g.len() == r.len()
        && g.iter().zip(&r).all(|(g, r)| match g.strip_prefix('*') {
            Some(end) => r.ends_with(end) && !r.starts_with('.'),
            None => g == r,
        })
}

/// The schema validator for `rel` in the project at `root`, by its
/// `.taplo.toml`; panics when no rule or more than one covers the file.
fn validator(root: &Path, rel: &str) -> jsonschema::Validator {
    let config = crate::support::read(&root.join(".taplo.toml"));
    let found: Vec<(String, String)> =
        rules(&config).into_iter().filter(|(g, _)| matches(g, rel)).collect();
    assert_eq!(found.len(), 1, "exactly one rule covers {rel}: {found:?}");
    let schema: serde_json::Value =
        serde_json::from_str(&crate::support::read(&root.join(&found[0].1)))
            .expect("the schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("{} is a valid schema: {e}", found[0].1))
}

/// What the schema says about `text` as the file `rel`: its errors, or a
/// syntax error; empty when the file fits.
fn schema_errors(root: &Path, rel: &str, text: &str) -> Vec<String> {
    let doc: toml::Table = match text.parse() {
        Ok(d) => d,
        Err(e) => return vec![format!("not TOML: {e}")],
    };
    let v = validator(root, rel);
    let json = to_json(&toml::Value::Table(doc));
    v.iter_errors(&json).map(|e| e.to_string()).collect()
}

/// Every `.toml` file of a project, relative to its root (hidden ones left out).
fn toml_files(root: &Path) -> Vec<String> {
    snapshot(root)
        .keys()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .filter(|p| p.ends_with(".toml") && !p.split('/').any(|part| part.starts_with('.')))
        .collect()
}

#[test]
fn every_file_of_the_example_fits_its_schema() {
    let root = example();
    let files = toml_files(&root);
    assert!(files.len() > 100, "the example has its files: {}", files.len());
    let mut bad = Vec::new();
    for rel in &files {
        let errors = schema_errors(&root, rel, &crate::support::read(&root.join(rel)));
        if !errors.is_empty() {
            bad.push(format!("{rel}: {}", errors.join("; ")));
        }
    }
    assert!(bad.is_empty(), "files the schemas reject:\n{}", bad.join("\n"));
}

#[test]
fn the_files_veikart_writes_fit_their_schemas() {
    let sb = Sandbox::new();
    let p = example_copy(&sb);
    let before = snapshot(&p.root);
    some_writes(&p);
    let after = snapshot(&p.root);
    let written: Vec<String> = toml_files(&p.root)
        .into_iter()
        .filter(|rel| before.get(Path::new(rel)) != after.get(Path::new(rel)))
        .collect();
    assert!(written.len() >= 5, "the writes touched several files: {written:?}");
    for rel in &written {
        let errors = schema_errors(&p.root, rel, &p.read(rel));
        assert!(errors.is_empty(), "{rel}: {errors:?}\n{}", p.read(rel));
    }
}

/// A bad file: where it goes, its text, and the code `check` gives it.
struct Bad {
    rel: String,
    text: String,
    code: &'static str,
}

/// An idea with one line replaced (`from` must be in the good idea).
fn idea(from: &str, to: &str) -> String {
    let good = "title = \"Bedre skilting\"\ndescription = \"Skilt fra parkeringen.\"\nstatus = \"new\"\n\
                tags = [\"skilt\"]\nsubmitted = 2026-03-12\nfeasibility = 4\nbenefit = 3\n";
    assert!(good.contains(from), "{from:?} is in the good idea");
    good.replacen(from, to, 1)
}

/// The corpus: every kind of problem `check` finds in one file by itself
/// that a JSON Schema can state, in ideas and in kinds with other shapes
/// (tables of rows, a RACI map, grouped kinds, the project file). Each file
/// has a name of its own, so that one run of each tool sees them all.
fn corpus() -> Vec<Bad> {
    let benefit = "title = \"Kortere ventetid\"\ntype = \"time\"\ncreated = 2026-03-12\n";
    let activity = "title = \"Ringe pasienten\"\nstep = \"ringe\"\n";
    let project = "name = \"Digital legevakt\"\nroadmap = \"ks-2018\"\nphase = \"forankring\"\n";
    let cases: Vec<(&str, String, &'static str)> = vec![
        ("ideas", idea("feasibility = 4", "feasibility = \"4\""), "type"),
        ("ideas", idea("status = \"new\"", "status = \"parkert\""), "enum"),
        ("ideas", idea("title = \"Bedre skilting\"\n", ""), "missing"),
        ("ideas", idea("status = \"new\"", "status = \"new\"\ntitel = \"Skilt\""), "unknown-key"),
        ("ideas", idea("feasibility = 4", "feasibility = 7"), "range"),
        ("ideas", idea("benefit = 3", "benefit = 0"), "range"),
        ("ideas", idea("submitted = 2026-03-12", "submitted = \"2026-13-12\""), "type"),
        ("ideas", idea("submitted = 2026-03-12", "submitted = \"12.03.2026\""), "type"),
        ("ideas", idea("submitted = 2026-03-12", "submitted = 2026-03-12T10:00:00"), "type"),
        ("ideas", idea("submitted = 2026-03-12", "submitted = 0000-03-12"), "date"),
        ("ideas", idea("submitted = 2026-03-12", "submitted = 20260312"), "type"),
        ("ideas", idea("title = \"Bedre skilting\"", "title = \"   \""), "empty"),
        ("ideas", idea("title = \"Bedre skilting\"", "title = \"\""), "empty"),
        (
            "ideas",
            idea("title = \"Bedre skilting\"", "title = \"Bedre\\nskilting\""),
            "control-character",
        ),
        (
            "ideas",
            idea("title = \"Bedre skilting\"", "title = \"Bedre\\u0085skilting\""),
            "control-character",
        ),
        (
            "ideas",
            idea("title = \"Bedre skilting\"", "title = \"Bedre\\u200Bskilting\""),
            "hidden-character",
        ),
        (
            "ideas",
            idea("description = \"Skilt", "description = \"\\u202ESkilt"),
            "hidden-character",
        ),
        (
            "ideas",
            idea("description = \"Skilt", "description = \"\\u0007Skilt"),
            "control-character",
        ),
        (
            "ideas",
            idea("title = \"Bedre skilting\"", "title = \"Bedre\\u2028skilting\""),
            "hidden-character",
        ),
        ("ideas", idea("tags = [\"skilt\"]", "tags = [\"skilt\", \"\"]"), "empty"),
        ("ideas", idea("tags = [\"skilt\"]", "tags = [\"skilt\\tskilt\"]"), "control-character"),
        ("ideas", idea("tags = [\"skilt\"]", "tags = \"skilt\""), "type"),
        ("ideas", idea("tags = [\"skilt\"]", "tags = [\"skilt\", 3]"), "type"),
        ("ideas", idea("tags = [\"skilt\"]", "related = [\"Ikke Id\"]"), "bad-id"),
        (
            "ideas",
            idea("tags = [\"skilt\"]", &format!("related = [\"{}\"]", "a".repeat(70))),
            "bad-id",
        ),
        ("ideas", idea("status = \"new\"", "status = \"new\"\nkind = \"big\""), "enum"),
        ("ideas", idea("benefit = 3\n", "benefit = 3\n[benefit2]\nx = 1\n"), "unknown-key"),
        ("ideas", idea("benefit = 3", "benefit = "), "syntax"),
        ("benefits", format!("{benefit}monetary = \"ja\"\n"), "type"),
        (
            "benefits",
            format!("{benefit}\n[[cost]]\nkind = \"one-off\"\namount = -5\nyear = 2026\n"),
            "negative",
        ),
        (
            "benefits",
            format!("{benefit}\n[[cost]]\nkind = \"one-off\"\namount = 5\nyear = 1800\n"),
            "range",
        ),
        ("benefits", format!("{benefit}\n[[cost]]\nkind = \"once\"\namount = 5\n"), "enum"),
        ("benefits", format!("{benefit}\n[[cost]]\nkind = \"one-off\"\nsum = 5\n"), "unknown-key"),
        ("activities", format!("{activity}\n[raci]\nsykepleier = \"X\"\n"), "enum"),
        ("activities", format!("{activity}\n[raci]\n\"Sykepleier\" = \"H\"\n"), "bad-id"),
        ("activities", format!("{activity}raci = \"H\"\n"), "type"),
        ("measurements/ventetid", "value = \"fem\"\n".to_string(), "type"),
        ("measurements/ventetid", "note = \"uten verdi\"\n".to_string(), "missing"),
        (
            "user-tests/sms",
            "date = 2026-11-01\nwith = [\"pasient\"]\nfeedback = \"Greit\"\n".to_string(),
            "enum",
        ),
        ("", format!("{project}lang = \"se\"\n"), "enum"),
        ("", format!("{project}max_indicators = 0\n"), "range"),
        ("", project.replace("roadmap = \"ks-2018\"\n", ""), "missing"),
    ];
    cases
        .into_iter()
        .enumerate()
        .map(|(n, (folder, text, code))| {
            let rel = match folder {
                "" => format!("prosjekt-{n}/veikart.toml"),
                f if f.contains('/') => format!("{f}/2026-11-{:02}.toml", n % 28 + 1),
                f => format!("{f}/feil-{n}.toml"),
            };
            Bad { rel, text, code }
        })
        .collect()
}

/// The files `taplo check` found invalid, from its log lines
/// (`ERROR … invalid file … path="…"`), relative to `root`.
fn taplo_invalid(out: &str, root: &Path) -> Vec<String> {
    out.lines()
        .filter(|l| l.contains("invalid file"))
        .filter_map(|l| l.split("path=\"").nth(1)?.split('"').next())
        .map(|p| {
            let p = Path::new(p);
            p.strip_prefix(root).unwrap_or(p).to_string_lossy().replace('\\', "/")
        })
        .collect()
}

/// The error codes `check` gives each file of the project at `root`.
fn check_codes(p: &Project) -> (i32, Vec<(String, String)>) {
    let run = p.run(["check", "--format", "json", "--lang", "en"]);
    let v = run.json();
    let codes = v["diagnostics"]
        .as_array()
        .map(|d| {
            d.iter()
                .filter(|d| d["severity"] == "error")
                .map(|d| {
                    let path = d["path"].as_str().unwrap_or_default().to_string();
                    (path, d["code"].as_str().unwrap_or_default().to_string())
                })
                .collect()
        })
        .unwrap_or_default();
    (run.code, codes)
}

#[test]
fn the_schemas_reject_what_check_rejects() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let corpus = corpus();
    let mut projects = Vec::new();
    for case in &corpus {
        match case.rel.strip_suffix("/veikart.toml") {
            // A project file of its own, beside the project.
            Some(dir) => {
                sb.run(&p.root, ["init", dir, "--name", "Digital legevakt"]).success();
                p.write(&case.rel, &case.text);
                projects.push(Project { sb: &sb, root: p.root.join(dir) });
            }
            None => p.write(&case.rel, &case.text),
        }
    }
    let mut wrong = Vec::new();
    let (code, mut found) = check_codes(&p);
    assert_ne!(code, 0, "check fails on the corpus");
    for q in &projects {
        let (code, codes) = check_codes(q);
        assert_ne!(code, 0, "check fails on {}", q.root.display());
        let dir = q.root.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        found.extend(codes.into_iter().map(|(path, c)| (format!("{dir}/{path}"), c)));
    }
    for case in &corpus {
        if !found.iter().any(|(path, c)| *path == case.rel && c == case.code) {
            wrong.push(format!("{}: check does not give {}\n{}", case.rel, case.code, case.text));
        }
        // A project file beside the project is read as the project's own.
        let as_rel = if case.rel.ends_with("/veikart.toml") { "veikart.toml" } else { &case.rel };
        if schema_errors(&p.root, as_rel, &case.text).is_empty() {
            wrong.push(format!(
                "{}: the schema takes what check calls {}\n{}",
                case.rel, case.code, case.text
            ));
        }
    }
    if let Some(taplo) = taplo() {
        // The record files by the project's `.taplo.toml`, the project files
        // against the project schema.
        let (ok, out) = taplo_run(&taplo, &p.root, &["check"]);
        assert!(!ok, "{out}");
        let mut invalid = taplo_invalid(&out, &p.root);
        let schema = format!("file://{}", p.path(".veikart/schema/project.schema.json").display());
        let mut args = vec!["check", "--no-auto-config", "--schema", &schema];
        let files: Vec<String> =
            projects.iter().map(|q| q.root.join("veikart.toml").display().to_string()).collect();
        args.extend(files.iter().map(String::as_str));
        let (_, out_projects) = taplo_run(&taplo, &p.root, &args);
        invalid.extend(taplo_invalid(&out_projects, &p.root));
        for case in &corpus {
            if !invalid.contains(&case.rel) {
                wrong.push(format!(
                    "{}: taplo check takes what check calls {}\n{}",
                    case.rel, case.code, case.text
                ));
            }
        }
        assert!(
            !invalid.contains(&"veikart.toml".to_string()),
            "the good project file passes\n{out}"
        );
        assert!(wrong.is_empty(), "{}\n\n{out}\n{out_projects}", wrong.join("\n\n"));
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

/// What check takes, the schemas take too: good files of the corpus's
/// shapes, with the edge values (a list item of one letter, a score at each bound,
/// a zero amount, a float measurement, a text with a line break and a tab).
#[test]
fn the_schemas_take_what_check_takes() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.write("roles/sykepleier.toml", "name = \"Sykepleier\"\n");
    let good = [
        ("ideas/bedre-skilting.toml", idea("feasibility = 4", "feasibility = 5\ncost = 1")),
        ("ideas/kort-merke.toml", idea("tags = [\"skilt\"]", "tags = [\"x\"]\nnote = \"a\\tb\\nc\"")),
        ("ideas/rar-tittel.toml", idea("title = \"Bedre skilting\"", "title = \"\\u00A0x\\u200D\"")),
        (
            "benefits/kortere-ventetid.toml",
            "title = \"Kortere ventetid\"\ntype = \"time\"\ncreated = 2026-03-12\nmonetary = true\n\
             \n[[cost]]\nkind = \"one-off\"\namount = 0\nyear = 2200\n"
                .to_string(),
        ),
        ("measurements/ventetid/2026-11-01.toml", "value = 41.5\n".to_string()),
    ];
    for (rel, text) in &good {
        p.write(rel, text);
        let errors = schema_errors(&p.root, rel, text);
        assert!(errors.is_empty(), "{rel}: {errors:?}\n{text}");
    }
    let v = p.run(["check", "--format", "json", "--lang", "en"]).json();
    let blocking: Vec<&serde_json::Value> = v["diagnostics"]
        .as_array()
        .map(|d| {
            d.iter()
                .filter(|d| {
                    d["severity"] == "error"
                        && good.iter().any(|(rel, _)| d["path"] == *rel)
                        && !matches!(d["code"].as_str(), Some("dangling-ref"))
                })
                .collect()
        })
        .unwrap_or_default();
    assert!(blocking.is_empty(), "check takes these files: {blocking:?}");
    if let Some(taplo) = taplo() {
        let (ok, out) = taplo_run(&taplo, &p.root, &["check"]);
        assert!(ok, "taplo takes them too\n{out}");
    }
}
