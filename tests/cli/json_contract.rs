//! The JSON contract (docs/json.md): every command that offers `--format
//! json` is run on a copy of the example project (the writes on a scratch
//! copy, the readers on a fresh project too), and every document it prints
//! is validated against its schema in docs/schema/output/ and held to the
//! rules that hold for all of them: `version` first, arrays under plural
//! names, clean numbers, dates as `YYYY-MM-DD`, one type per shared concept.
//! A key the schema does not know fails (every object is closed), and so
//! does a key it requires that is missing (every key is required).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::support::{Run, Sandbox, copy_tree, subcommands};

const BASE: &str = "https://veikart.invalid/schema/output/";
const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

/// Array-valued keys that are not plural in English and are allowed
/// anyway (docs/json.md, "Rules"): keys of the files (`team`, `related`,
/// `with`, `evidence`), a Latin plural, words that name a set (`missing`,
/// `chosen`, `top`, `removed`, `imported`, `replaced`), and a change's raw
/// `old` and `new` values. A key of several words is plural when one of
/// them is (`targets_reached_first_time`).
const NOT_PLURAL: &[&str] = &[
    "team",
    "related",
    "with",
    "evidence",
    "criteria",
    "missing",
    "chosen",
    "top",
    "removed",
    "imported",
    "replaced",
    "old",
    "new",
    "unchanged",
];

/// Keys whose value is a date (or null) wherever they appear.
const DATE_KEYS: &[&str] = &[
    "as_of",
    "date",
    "latest_date",
    "baseline_date",
    "due",
    "done",
    "closed",
    "created",
    "submitted",
    "assessed",
    "decided",
    "reviewed",
    "next_review",
    "started",
    "start",
    "end",
    "it_involved",
    "trial_until",
];

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn example() -> PathBuf {
    repo().join("examples/fjordvik-legevakt")
}

/// Every schema in docs/schema/output/, by file name.
fn schema_files() -> BTreeMap<String, Value> {
    let dir = repo().join("docs/schema/output");
    let mut out = BTreeMap::new();
    for entry in fs::read_dir(&dir).expect("docs/schema/output") {
        let path = entry.expect("entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        if !name.ends_with(".schema.json") {
            continue;
        }
        let text = fs::read_to_string(&path).expect("read");
        let v: Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name} is not JSON: {e}"));
        out.insert(name, v);
    }
    out
}

/// The schemas, with the registry their references are resolved in.
struct Schemas {
    files: BTreeMap<String, Value>,
    registry: jsonschema::Registry<'static>,
}

impl Schemas {
    fn load() -> Schemas {
        let files = schema_files();
        let registry = jsonschema::Registry::new()
            .extend(files.iter().map(|(name, v)| (format!("{BASE}{name}"), v.clone())))
            .and_then(|b| b.prepare())
            .unwrap_or_else(|e| panic!("the output schemas resolve: {e}"));
        Schemas { files, registry }
    }

    /// The errors of `doc` against the schema in `file`; empty when it fits.
    fn errors(&self, file: &str, doc: &Value) -> Vec<String> {
        assert!(self.files.contains_key(file), "no schema docs/schema/output/{file}");
        let validator = jsonschema::options()
            .with_registry(&self.registry)
            .should_validate_formats(true)
            .build(&json!({ "$ref": format!("{BASE}{file}") }))
            .unwrap_or_else(|e| panic!("{file} is a valid schema: {e}"));
        validator.iter_errors(doc).map(|e| format!("{} at {}", e, e.instance_path())).collect()
    }
}

/// One document a command printed, and the schema it must fit.
struct Printed {
    schema: String,
    run: Run,
}

/// Runs commands with the hermetic environment, without the write checks of
/// [`Sandbox::run`] (the contract is about the output), and keeps what they
/// printed.
struct Runner<'a> {
    sb: &'a Sandbox,
    printed: Vec<Printed>,
}

impl Runner<'_> {
    /// `veikart -C dir ARGS --format json`, which must succeed; its document
    /// must fit `schema` (a file in docs/schema/output/, without `.schema.json`).
    fn json(&mut self, dir: &Path, schema: &str, args: &[&str]) -> Value {
        let mut all: Vec<String> = vec!["-C".into(), dir.display().to_string()];
        all.extend(args.iter().map(|a| (*a).to_string()));
        all.extend(["--format".into(), "json".into()]);
        let sb = self.sb;
        self.json_in(&sb.work, schema, &all)
    }

    fn json_in(&mut self, cwd: &Path, schema: &str, args: &[String]) -> Value {
        self.json_code(cwd, schema, args, 0)
    }

    /// [`Runner::json_in`] for a command that ends with exit code `code`.
    fn json_code(&mut self, cwd: &Path, schema: &str, args: &[String], code: i32) -> Value {
        let mut cmd = self.sb.command(cwd, args);
        let command = format!("veikart {}", args.join(" "));
        let out = cmd.output().unwrap_or_else(|e| panic!("could not start {command}: {e}"));
        let run = Run::from_output(command, out).code(code);
        let v = run.json();
        self.printed.push(Printed { schema: format!("{schema}.schema.json"), run });
        v
    }

    /// The first record's id of a list.
    fn first_id(&mut self, dir: &Path, schema: &str, args: &[&str], key: &str) -> String {
        let v = self.json(dir, schema, args);
        v[key][0]["id"].as_str().unwrap_or_else(|| panic!("{key}[0].id in {v}")).to_string()
    }
}

/// The readers: every command that prints data, on `dir`; `full` for a
/// project with a record of every kind (the example), so the shows run too.
fn readers(r: &mut Runner, dir: &Path, full: bool) {
    for (schema, args) in [
        ("status", &["status"][..]),
        ("status", &["status", "--top", "1"]),
        ("report", &["report"]),
        ("report", &["report", "--as-of", "2026-06-15"]),
        ("portfolio", &["portfolio"]),
        ("phase", &["phase"]),
        ("checklist", &["checklist"]),
        ("checklist", &["checklist", "--all"]),
        ("checklist", &["checklist", "--through-current", "--recheck"]),
        ("roadmap-show", &["roadmap", "show"]),
        ("check", &["check"]),
        ("raci-check", &["raci", "check"]),
        ("raci-show", &["raci", "show"]),
        ("tech-compare", &["tech", "compare"]),
        ("owner", &["owner"]),
        ("schema", &["schema"]),
        ("pilot-show", &["pilot", "show"]),
        ("benefit-list", &["benefit", "list"]),
        ("benefit-economics", &["benefit", "economics"]),
        ("benefit-map", &["benefit", "map"]),
        ("measure-export", &["measure", "export"]),
    ] {
        r.json(dir, schema, args);
    }
    // `list` of every kind, and `show` of its first record.
    for (noun, key) in [
        ("idea", "ideas"),
        ("role", "roles"),
        ("journey", "steps"),
        ("activity", "activities"),
        ("routine", "routines"),
        ("touchpoint", "touchpoints"),
        ("benefit", "benefits"),
        ("indicator", "indicators"),
        ("measure", "measurements"),
        ("deviation", "deviations"),
        ("supplier", "suppliers"),
        ("proposal", "proposals"),
        ("user-test", "user-tests"),
        ("tech", "technologies"),
        ("goal", "goals"),
        ("team", "team"),
        ("stakeholder", "stakeholders"),
        ("related", "related"),
        ("insight", "insights"),
        ("log", "logs"),
        ("pilot finding", "pilot-findings"),
        ("status-report", "status-reports"),
    ] {
        let words: Vec<&str> = noun.split(' ').collect();
        let file = noun.replace(' ', "-");
        let list: Vec<&str> = words.iter().copied().chain(["list"]).collect();
        if !full {
            r.json(dir, &format!("{file}-list"), &list);
            continue;
        }
        let id = r.first_id(dir, &format!("{file}-list"), &list, key);
        let show: Vec<&str> = words.iter().copied().chain(["show", id.as_str()]).collect();
        r.json(dir, &format!("{file}-show"), &show);
    }
}

/// The writers, in an order that works on a copy of the example: every
/// `add`, `set` and `rm`, and every other command that writes.
fn writers(r: &mut Runner, dir: &Path, work: &Path) {
    let w = |r: &mut Runner, schema: &str, args: &[&str]| r.json(dir, schema, args);
    for args in [
        &["idea", "add", "Kaffe i venterommet"][..],
        &["role", "add", "Portvakt", "--kind", "internal"],
        &["journey", "add", "Venter på svar", "--journey", "current"],
        &["activity", "add", "Svare på spørsmål", "--step", "ringer"],
        &[
            "routine",
            "add",
            "Ukentlig gjennomgang",
            "--owner",
            "sykepleier",
            "--review-every",
            "3m",
        ],
        &["touchpoint", "add", "Plakat i gangen", "--channel", "physical", "--step", "ringer"],
        &["benefit", "add", "Mindre venting", "--type", "time", "--owner", "sykepleier"],
        &["deviation", "add", "Skjermen var svart", "--kind", "service"],
        &["supplier", "add", "Skjerm AS"],
        &["proposal", "add", "Kø-lapp", "--idea", "kaffe"],
        &["tech", "add", "Kølapp-automat", "--decision", "buy"],
        &["goal", "add", "Ingen venter uten beskjed", "--measure", "Andel som får beskjed"],
        &["team", "add", "Per Hansen", "--role", "sykepleier"],
        &["stakeholder", "add", "Brukerrådet", "--influence", "high", "--interest", "high"],
        &["related", "add", "Legevakt i Nordby"],
        &[
            "insight",
            "add",
            "Folk vil vite hvor lenge",
            "--method",
            "interview",
            "--respondent",
            "user",
        ],
        &["log", "add", "Info til ansatte", "--kind", "communication"],
        &["pilot", "finding", "add", "Lappen ble borte"],
        &["status-report", "new", "--time", "red", "--comment-time", "Forsinket"],
        // The other writes of one record.
        &["idea", "assess", "kaffe", "--feasibility", "4", "--benefit", "3", "--cost", "2"],
        &["raci", "set", "svare-pa-sporsmal", "sykepleier", "H"],
        &["raci", "set", "svare-pa-sporsmal", "sekretaer", "U"],
        &["raci", "unset", "svare-pa-sporsmal", "sekretaer"],
        &["tech", "assess", "kolapp", "user-needs", "4", "--note", "Enkel"],
        &["tech", "choose", "varsling", "--reason", "Dekker SMS og skjerm", "--date", "2026-06-30"],
        &["tech", "reject", "kolapp", "--reason", "For dyr"],
        &[
            "deviation",
            "action",
            "add",
            "skjermen",
            "Bytte skjerm",
            "--owner",
            "sykepleier",
            "--due",
            "2026-12-01",
        ],
        &["deviation", "action", "done", "skjermen", "1", "--note", "Byttet"],
        &["deviation", "action", "set", "telefonkoen", "2", "--due", "2026-12-30"],
        &["deviation", "close", "skjermen", "--note", "Ny skjerm"],
        &["routine", "review", "ukentlig"],
        &["supplier", "review", "skjerm-as", "--score", "4", "--note", "Raskt levert"],
        &[
            "proposal",
            "test",
            "ko-lapp",
            "--with",
            "user",
            "--participants",
            "3",
            "--feedback",
            "Greit",
        ],
        &["proposal", "decide", "ko-lapp", "keep", "--reason", "Brukerne likte den"],
        &["proposal", "estimate", "ko-lapp", "--cost", "1000", "--gain", "Færre spørsmål"],
        &["journey", "move", "venter-pa", "--first"],
        &["pilot", "plan", "--duration", "6 uker"],
        &["checklist", "tick", "ny-praksis", "innovation-culture", "--by", "Kari", "--note", "Ja"],
        &["owner", "sykepleier"],
        &["benefit", "precondition", "add", "mindre-venting", "Nok folk på vakt"],
        &["benefit", "cost", "add", "mindre-venting", "--kind", "one-off", "--amount", "1000"],
        &[
            "benefit",
            "value",
            "mindre-venting",
            "--realised-as",
            "budget",
            "--per-year",
            "1,2 mill",
        ],
        &[
            "benefit",
            "link",
            "mindre-venting",
            "--goal",
            "ingen-venter",
            "--enabler",
            "proposal/ko-lapp",
        ],
        &["benefit", "unlink", "mindre-venting", "--enabler", "proposal/ko-lapp"],
        // `set` of every kind.
        &["idea", "set", "kaffe", "--description", "Og vann"],
        &["role", "set", "portvakt", "--unit", "Legevakten"],
        &["journey", "set", "venter-pa", "--description", "Ingen beskjed"],
        &["activity", "set", "svare-pa-sporsmal", "--description", "På telefon"],
        &["routine", "set", "ukentlig", "--description", "Hver mandag"],
        &["touchpoint", "set", "plakat", "--description", "Ved inngangen"],
        &["benefit", "set", "mindre-venting", "--description", "Kortere kø"],
        &["indicator", "set", "ventetid-i-telefonko", "--source", "Telefonsystemet"],
        &["deviation", "set", "skjermen", "--description", "Svart i en time"],
        &["supplier", "set", "skjerm-as", "--contract", "Avtale 2026/1"],
        &["proposal", "set", "ko-lapp", "--description", "Lapp med nummer"],
        &["user-test", "set", "ko-lapp/2026-11-23", "--feedback", "Greit nok"],
        &["tech", "set", "kolapp", "--supplier", "Automat AS"],
        &["goal", "set", "ingen-venter", "--measure", "Andel med beskjed"],
        &["team", "set", "per-hansen", "--unit", "Legevakten"],
        &["stakeholder", "set", "brukerradet", "--plan", "Møte hver måned"],
        &["related", "set", "legevakt-i", "--note", "Ring dem"],
        &["insight", "set", "folk-vil", "--description", "Fra intervjuene"],
        &["log", "set", "2026-11-23-info", "--audience", "Alle ansatte"],
        &["pilot", "finding", "set", "2026-11-23-lappen", "--date", "2026-11-22"],
        &["status-report", "set", "2026-11-2", "--cost", "red", "--comment-cost", "Dyrere"],
    ] {
        w(r, "write", args);
    }
    w(
        r,
        "measure-record",
        &["measure", "record", "ventetid-i-telefonko", "6", "--date", "2026-11-20"],
    );
    w(r, "write", &["measure", "set", "ventetid-i-telefonko/2026-11-20", "--note", "Etter bytte"]);
    let csv = work.join("verdier.csv");
    fs::write(&csv, "indicator,date,value\nventetid-i-telefonko,2026-11-21,6\n").expect("csv");
    w(r, "measure-import", &["measure", "import", csv.to_str().expect("UTF-8 path")]);
    let plan = [
        "benefit",
        "plan",
        "mindre-venting",
        "--indicator",
        "Tid i kø",
        "--unit",
        "min",
        "--baseline",
        "30",
        "--target",
        "10",
        "--by",
        "2027-06-30",
    ];
    w(r, "benefit-plan", &plan);
    for target in ["4", "4.5"] {
        let plan = ["benefit", "plan", "kortere", "--indicator", "ventetid-i-telefonko"];
        let plan: Vec<&str> = plan.iter().copied().chain(["--target", target]).collect();
        w(r, "benefit-plan", &plan);
    }
    // An answer taken back, and given again: the first answer creates the file.
    w(r, "rm", &["checklist", "untick", "ny-praksis", "innovation-culture"]);
    let answer = ["checklist", "answer", "ny-praksis", "innovation-culture", "still-open"];
    let answer: Vec<&str> =
        answer.iter().copied().chain(["--note", "Venter", "--by", "Kari"]).collect();
    w(r, "write", &answer);
    w(
        r,
        "phase-set",
        &["phase", "set", "overgang-til-drift", "--by", "Kari", "--reason", "Tilbake"],
    );
    w(r, "repair", &["repair"]);
    let promoted = work.join("promotert");
    let promoted = promoted.to_str().expect("UTF-8 path");
    w(r, "idea-promote", &["idea", "promote", "informasjon", promoted]);
    // `rm` of every kind (what refers to a record goes first).
    for args in [
        &["user-test", "rm", "ko-lapp/2026-11-23"][..],
        &["proposal", "rm", "ko-lapp"],
        &["idea", "rm", "kaffe"],
        &["measure", "rm", "ventetid-i-telefonko/2026-11-21"],
        &["indicator", "rm", "tid-i-ko"],
        &["benefit", "rm", "mindre-venting"],
        &["deviation", "rm", "skjermen"],
        &["supplier", "rm", "skjerm-as"],
        &["tech", "rm", "kolapp"],
        &["touchpoint", "rm", "plakat"],
        &["activity", "rm", "svare-pa-sporsmal"],
        &["journey", "rm", "venter-pa"],
        &["routine", "rm", "ukentlig"],
        &["team", "rm", "per-hansen"],
        &["role", "rm", "portvakt"],
        &["goal", "rm", "ingen-venter"],
        &["stakeholder", "rm", "brukerradet"],
        &["related", "rm", "legevakt-i"],
        &["insight", "rm", "folk-vil"],
        &["log", "rm", "2026-11-23-info"],
        &["pilot", "finding", "rm", "2026-11-23-lappen"],
        &["status-report", "rm", "2026-11-2"],
    ] {
        w(r, "rm", args);
    }
}

/// Every command of the CLI, as its words after `veikart`, with the
/// formats its `--help` says it offers.
fn commands(sb: &Sandbox) -> Vec<(String, Vec<String>)> {
    fn help(sb: &Sandbox, words: &[String]) -> String {
        let mut args: Vec<String> = vec!["--lang".into(), "en".into()];
        args.extend(words.iter().cloned());
        args.push("--help".into());
        let out = sb.command(&sb.work, &args).output().expect("run --help");
        String::from_utf8(out.stdout).expect("UTF-8")
    }
    let mut out = Vec::new();
    let mut todo: Vec<Vec<String>> = vec![Vec::new()];
    while let Some(words) = todo.pop() {
        let text = help(sb, &words);
        let formats: Vec<String> = text
            .lines()
            .find_map(|l| l.strip_prefix("Formats: "))
            .map(|f| f.split(" (").next().unwrap_or_default())
            .map(|f| f.split(", ").map(str::to_string).collect())
            .unwrap_or_default();
        if !words.is_empty() {
            out.push((words.join(" "), formats));
        }
        for name in subcommands(&text, "Commands:") {
            let mut next = words.clone();
            next.push(name);
            todo.push(next);
        }
    }
    out.sort();
    out
}

// ---- the rules every document follows ---------------------------------------------

/// Whether `s` is a date as the contract writes it.
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter()
            .enumerate()
            .all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() })
}

/// Whether `s` looks like a date or a time written some other way.
fn looks_like_other_date(s: &str) -> bool {
    let b = s.as_bytes();
    let iso_prefix = b.len() > 10 && s.get(..10).is_some_and(is_date);
    let with_time =
        iso_prefix && matches!(b[10], b'T' | b' ') && b.get(11).is_some_and(u8::is_ascii_digit);
    let dotted = {
        let parts: Vec<&str> = s.split('.').collect();
        parts.len() == 3
            && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit()))
            && parts[2].len() == 4
    };
    with_time || dotted
}

/// Every problem of `doc` with the rules of docs/json.md; `at` is where.
fn rule_problems(doc: &Value) -> Vec<String> {
    let mut out = Vec::new();
    match doc.as_object().and_then(|m| m.iter().next()) {
        Some((k, v)) if k == "version" && v == 2 => {}
        _ => out.push("the first key is not `\"version\": 2`".to_string()),
    }
    walk(doc, "", None, false, &mut out);
    out
}

/// `raw`: inside a change's `old` or `new`, which are values as in the
/// file, not keys of the contract.
fn walk(v: &Value, at: &str, key: Option<&str>, raw: bool, out: &mut Vec<String>) {
    let parent = at.rsplit('.').nth(1).unwrap_or_default();
    let raw = raw || matches!(key, Some("old" | "new"));
    if let Some(k) = key
        && !raw
    {
        concept(k, v, at, parent, out);
    }
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                walk(x, &format!("{at}.{k}"), Some(k), raw, out);
            }
        }
        Value::Array(items) => {
            if let Some(k) = key
                && !raw
                && !k.split('_').any(|w| w.ends_with('s'))
                && !NOT_PLURAL.contains(&k)
                && !k.chars().all(|c| c.is_ascii_digit())
            {
                out.push(format!("{at}: an array under a singular name"));
            }
            for (n, x) in items.iter().enumerate() {
                walk(x, &format!("{at}[{n}]"), None, raw, out);
            }
        }
        Value::Number(n) => {
            if let Some(x) = n.as_f64().filter(|_| n.is_f64()) {
                let text = n.to_string();
                let decimals = text.split_once('.').map_or(0, |(_, d)| d.len());
                if x == 0.0 && x.is_sign_negative() {
                    out.push(format!("{at}: -0"));
                } else if x.fract() == 0.0 {
                    out.push(format!("{at}: a whole number written as a float ({text})"));
                } else if decimals > 4 || text.contains(['e', 'E']) {
                    out.push(format!("{at}: float noise ({text})"));
                }
            }
        }
        Value::String(s) => {
            if looks_like_other_date(s) {
                out.push(format!("{at}: a date not written YYYY-MM-DD ({s:?})"));
            }
            if let Some(k) = key
                && DATE_KEYS.contains(&k)
                && !raw
                && !is_date(s)
            {
                out.push(format!("{at}: `{k}` is not a YYYY-MM-DD date ({s:?})"));
            }
        }
        _ => {}
    }
}

/// The shared concepts: one key, one type, in every document.
fn concept(k: &str, v: &Value, at: &str, parent: &str, out: &mut Vec<String>) {
    let keys = |v: &Value| -> Vec<String> {
        v.as_object().map(|m| m.keys().cloned().collect()).unwrap_or_default()
    };
    let fits = match k {
        "id" | "path" => v.is_string(),
        "latest" | "achievement" | "previous" | "expected" => v.is_number() || v.is_null(),
        "latest_date" => v.is_string() || v.is_null(),
        "trend" => v.is_null() || ["better", "worse", "flat"].iter().any(|t| v == t),
        "state" => v.is_string(),
        "unfinished" | "overdue_actions" | "total" => v.is_u64(),
        "changes" | "actions" | "unfinished_items" => v.is_array(),
        "latest_review" => v.is_null() || keys(v) == ["date", "score", "note"],
        "indicator_states" => {
            keys(v).iter().map(String::as_str).collect::<BTreeSet<_>>()
                == ["behind", "no-data", "no-plan", "on-track", "reached", "stale"].into()
        }
        "checklist" => {
            v.is_null() || keys(v) == ["finished", "total", "unfinished", "unfinished_items"]
        }
        // The project's `phase` is the key of veikart.toml, the phase's id.
        "phase" if parent == "project" => v.is_string(),
        "phase" => v.is_null() || keys(v) == ["id", "name", "position", "of"],
        _ => true,
    };
    if !fits {
        out.push(format!("{at}: `{k}` is not the shared concept's type: {v}"));
    }
    if k == "actions"
        && let Some(items) = v.as_array()
    {
        for a in items {
            let ks = keys(a);
            if !["text", "owner", "due", "done", "note"].iter().all(|x| ks.iter().any(|k| k == x)) {
                out.push(format!("{at}: an action without text, owner, due, done and note: {a}"));
            }
        }
    }
}

// ---- the schemas themselves -------------------------------------------------------

/// The definitions that are open on purpose: a record (closed where it is
/// used, so a document can add its derived values) and the like.
fn open_defs(files: &BTreeMap<String, Value>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (file, s) in files {
        for (name, d) in s["$defs"].as_object().into_iter().flatten() {
            if d.get("properties").is_some() && !closed(d) {
                out.insert(format!("{file}#/$defs/{name}"));
            }
        }
    }
    out
}

fn closed(s: &Value) -> bool {
    s.get("additionalProperties") == Some(&Value::Bool(false))
        || s.get("unevaluatedProperties") == Some(&Value::Bool(false))
}

/// What is wrong with one schema file: a key it lists but does not require
/// (so it could be left out), an object left open, an open definition
/// used without closing it.
fn schema_problems(
    file: &str,
    s: &Value,
    open: &BTreeSet<String>,
    at: &str,
    under_defs: bool,
    out: &mut Vec<String>,
) {
    let Value::Object(m) = s else {
        if let Value::Array(items) = s {
            for (n, x) in items.iter().enumerate() {
                schema_problems(file, x, open, &format!("{at}/{n}"), under_defs, out);
            }
        }
        return;
    };
    if let Some(Value::Object(props)) = m.get("properties") {
        let required: BTreeSet<&str> = m
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        for (k, p) in props {
            if p != &Value::Bool(false) && !required.contains(k.as_str()) {
                out.push(format!("{file}{at}: `{k}` is not required"));
            }
        }
        if !closed(s) && !under_defs {
            out.push(format!("{file}{at}: an object without additionalProperties: false"));
        }
    }
    let refs_open = |x: &Value| {
        x.get("$ref").and_then(Value::as_str).is_some_and(|r| {
            let target = if r.starts_with('#') { format!("{file}{r}") } else { r.to_string() };
            open.contains(&target)
        })
    };
    let in_all_of =
        m.get("allOf").and_then(Value::as_array).is_some_and(|items| items.iter().any(refs_open));
    if (refs_open(s) || in_all_of) && !closed(s) && !under_defs {
        out.push(format!(
            "{file}{at}: an open definition used without unevaluatedProperties: false"
        ));
    }
    for (k, x) in m {
        let is_defs = k == "$defs";
        match x {
            Value::Object(inner) if is_defs || k == "properties" => {
                for (name, d) in inner {
                    schema_problems(file, d, open, &format!("{at}/{k}/{name}"), is_defs, out);
                }
            }
            Value::Object(_) | Value::Array(_) if k != "enum" && k != "const" => {
                let nested_in_all_of = k == "allOf";
                schema_problems(file, x, open, &format!("{at}/{k}"), nested_in_all_of, out);
            }
            _ => {}
        }
    }
}

#[test]
fn the_output_schemas_require_every_key_and_close_every_object() {
    let files = schema_files();
    assert!(files.len() > 40, "docs/schema/output/ holds the schemas: {:?}", files.keys());
    let open = open_defs(&files);
    let mut problems = Vec::new();
    for (file, s) in &files {
        if s["$schema"] != DRAFT {
            problems.push(format!("{file}: $schema is not draft 2020-12"));
        }
        if s["$id"] != format!("{BASE}{file}") {
            problems.push(format!("{file}: $id is not {BASE}{file}"));
        }
        schema_problems(file, s, &open, "#", false, &mut problems);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The schemas resolve, every reference included.
    let schemas = Schemas::load();
    for file in files.keys() {
        let _ = schemas.errors(file, &json!({}));
    }
}

#[test]
fn every_json_document_fits_its_schema_and_the_rules() {
    let sb = Sandbox::new();
    let schemas = Schemas::load();
    let mut r = Runner { sb: &sb, printed: Vec::new() };

    let ex = sb.work.join("fjordvik-legevakt");
    copy_tree(&example(), &ex);
    readers(&mut r, &ex, true);

    // `diff` in a repository: no change, then changes of every sort.
    sb.git(&ex, ["init", "-q"]).success();
    sb.git(&ex, ["add", "."]).success();
    sb.git(&ex, ["commit", "-qm", "Eksempelet"]).success();
    r.json(&ex, "diff", &["diff"]);
    sb.run(&ex, ["idea", "add", "Ny idé"]).success();
    sb.run(&ex, ["measure", "record", "ventetid-i-telefonko", "3", "--date", "2026-11-22"])
        .success();
    sb.run(&ex, ["idea", "assess", "digital-registrering", "--feasibility", "2", "--benefit", "2"])
        .success();
    r.json(&ex, "diff", &["diff"]);
    r.json(&ex, "diff", &["diff", "HEAD", "HEAD"]);
    sb.git(&ex, ["add", "."]).success();
    sb.git(&ex, ["commit", "-qm", "Endringer"]).success();
    r.json(&ex, "history", &["history"]);
    r.json(&ex, "history", &["history", "digital-registrering-for-oppmote"]);
    // A status report published on the commit, the report rendered from
    // it, and what changed since.
    r.json(&ex, "write", &["status-report", "publish", "2026-10"]);
    r.json(&ex, "report", &["report", "--status-report", "2026-10", "--log", "1"]);
    r.json(&ex, "report", &["report", "--since-last"]);

    let scratch = sb.work.join("skriv");
    copy_tree(&example(), &scratch);
    writers(&mut r, &scratch, &sb.work);
    // The readers again after the writes: closed deviations, a chosen
    // option, an answer still open, another phase.
    readers(&mut r, &scratch, true);

    // A new project: nothing recorded, every optional value null.
    let init = ["init", "ny", "--name", "Nytt prosjekt", "--format", "json"].map(String::from);
    r.json_in(&sb.work.clone(), "init", &init);
    let fresh = sb.work.join("ny");
    readers(&mut r, &fresh, false);
    r.json(&fresh, "write", &["pilot", "plan", "--goals", "Lære"]);
    r.json(&fresh, "pilot-show", &["pilot", "show"]);
    // A project with problems, for the diagnostics.
    fs::create_dir_all(fresh.join("ideas")).expect("mkdir");
    fs::write(fresh.join("ideas/tre.toml"), "title = \"Tre\"\nsubmitted = \"i går\"\n")
        .expect("write");
    let check = ["-C", "ny", "check", "--format", "json"].map(String::from);
    let v = r.json_code(&sb.work.clone(), "check", &check, 1);
    assert!(v["diagnostics"].as_array().is_some_and(|d| !d.is_empty()), "{v}");
    // Every project above, the broken one too.
    let portfolio = ["portfolio", ".", "--format", "json"].map(String::from);
    let v = r.json_code(&sb.work.clone(), "portfolio", &portfolio, 1);
    assert!(v["projects"].as_array().is_some_and(|p| p.iter().any(|p| p["error"].is_string())));

    let mut problems = Vec::new();
    for p in &r.printed {
        let doc: Value = p.run.json();
        for e in schemas.errors(&p.schema, &doc) {
            problems.push(format!("{} ({}): {e}", p.run.command, p.schema));
        }
        for e in rule_problems(&doc) {
            problems.push(format!("{} : {e}", p.run.command));
        }
    }
    problems.dedup();
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));

    // Every schema is used, and every command that offers JSON was run.
    let used: BTreeSet<&str> = r.printed.iter().map(|p| p.schema.as_str()).collect();
    let unused: Vec<&String> = schemas
        .files
        .keys()
        .filter(|f| {
            !used.contains(f.as_str())
                && !["common.schema.json", "records.schema.json"].contains(&f.as_str())
        })
        .collect();
    assert!(unused.is_empty(), "schemas no document was checked against: {unused:?}");
    let ran: BTreeSet<String> = r
        .printed
        .iter()
        .map(|p| {
            let words: Vec<&str> = p.run.command.split(' ').skip(1).collect();
            let words = match words.first() {
                Some(&"-C") => &words[2..],
                _ => &words[..],
            };
            words.iter().take_while(|w| !w.starts_with('-')).copied().collect::<Vec<_>>().join(" ")
        })
        .collect();
    let offering: Vec<String> = commands(&sb)
        .into_iter()
        .filter(|(_, formats)| formats.iter().any(|f| f == "json"))
        .map(|(c, _)| c)
        .collect();
    assert!(offering.len() > 140, "the help lists the commands: {offering:?}");
    let missing: Vec<&String> = offering
        .iter()
        .filter(|c| !ran.iter().any(|r| r == *c || r.starts_with(&format!("{c} "))))
        .collect();
    assert!(missing.is_empty(), "commands that offer JSON but were not checked: {missing:?}");
}

/// The rules catch what they are about (a check that passes everything
/// proves nothing).
#[test]
fn the_rules_catch_what_they_are_about() {
    let bad = json!({
        "id": "x",
        "version": 2,
        "item": [1],
        "achievement": 77.77777777777779,
        "value": -0.0,
        "whole": 3.0,
        "date": "23.11.2026",
        "when": "2026-11-23T10:00:00",
        "latest": {"date": "2026-11-01"},
        "phase": "forankring",
    });
    let found = rule_problems(&bad).join("\n");
    for what in [
        "first key",
        ".item: an array under a singular name",
        ".achievement: float noise",
        ".value: -0",
        ".whole: a whole number",
        ".date: a date not written",
        ".when: a date not written",
        ".latest: `latest` is not the shared concept's type",
        ".phase: `phase` is not the shared concept's type",
    ] {
        assert!(found.contains(what), "{what} not found in\n{found}");
    }
    let good = json!({"version": 2, "project": {"phase": "forankring"}, "team": [], "ok": 1.5});
    assert_eq!(rule_problems(&good), Vec::<String>::new());
}

#[test]
fn a_key_the_schema_does_not_know_fails() {
    let schemas = Schemas::load();
    let sb = Sandbox::new();
    let mut r = Runner { sb: &sb, printed: Vec::new() };
    let mut doc = r.json(&example(), "status", &["status"]);
    assert_eq!(schemas.errors("status.schema.json", &doc), Vec::<String>::new());
    doc["phase"]["colour"] = json!("green");
    assert!(!schemas.errors("status.schema.json", &doc).is_empty(), "an unknown key in a phase");
    let mut doc = r.json(&example(), "idea-list", &["idea", "list"]);
    doc["ideas"][0]["colour"] = json!("green");
    assert!(
        !schemas.errors("idea-list.schema.json", &doc).is_empty(),
        "an unknown key in a record"
    );
    let mut doc = r.json(&example(), "idea-show", &["idea", "show", "skjerm-med"]);
    if let Some(m) = doc["idea"].as_object_mut() {
        m.remove("reason");
    }
    assert!(!schemas.errors("idea-show.schema.json", &doc).is_empty(), "a key left out");
}
