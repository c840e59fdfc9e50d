//! Benefits, costs, preconditions and the benefit realisation plan
//! (`benefit add`, `precondition add`, `cost add`, `plan`, `list`, `show`),
//! and the plan's rules in `check`.

use crate::support::{Project, Sandbox, assert_refused, snapshot};

/// A project with a role, a benefit and a lower-is-better indicator
/// (waiting time from 60 to 30 minutes during 2026).
pub fn plan_project(sb: &Sandbox) -> Project<'_> {
    let p = sb.init_project();
    p.run(["role", "add", "Legevaktsjef"]).success();
    let b =
        p.run(["benefit", "add", "Kortere ventetid", "--type", "tid", "--owner", "legevaktsjef"]);
    assert_eq!(b.success().stdout.trim(), "kortere-ventetid");
    p.run([
        "benefit",
        "plan",
        "kortere",
        "--indicator",
        "Ventetid i minutter",
        "--unit",
        "min",
        "--baseline",
        "60",
        "--baseline-date",
        "2026-01-01",
        "--target",
        "30",
        "--by",
        "2027-01-01",
        "--responsible",
        "legevaktsjef",
    ])
    .success();
    p
}

fn plan_json(p: &Project, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["benefit", "list", "--format", "json"];
    args.extend_from_slice(extra);
    p.run(&args).success().json()
}

fn first_indicator(v: &serde_json::Value) -> serde_json::Value {
    v["benefits"][0]["indicators"][0].clone()
}

#[test]
fn benefit_add_writes_type_beneficiary_roles_and_preconditions_with_norwegian_aliases() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.run(["role", "add", "Enhetsleder"]).success();
    let run = p
        .run([
            "benefit",
            "add",
            "Færre unødvendige besøk",
            "--type",
            "kostnad",
            "--monetary",
            "--beneficiary",
            "kommune",
            "--owner",
            "enhet",
            "--responsible",
            "enhetsleder",
            "--due",
            "2027-12-31",
            "--precondition",
            "Avtale med fastlegene",
        ])
        .success();
    assert_eq!(run.stdout.trim(), "faerre-unodvendige-besok");
    let t: toml::Table = p.read("benefits/faerre-unodvendige-besok.toml").parse().expect("TOML");
    assert_eq!(t["type"].as_str(), Some("cost"));
    assert_eq!(t["monetary"].as_bool(), Some(true));
    assert_eq!(t["beneficiary"].as_str(), Some("municipality"));
    assert_eq!(t["owner"].as_str(), Some("enhetsleder"));
    assert_eq!(t["responsible"].as_str(), Some("enhetsleder"));
    assert_eq!(t["due"].to_string(), "2027-12-31");
    assert_eq!(t["preconditions"].as_array().map(Vec::len), Some(1));

    for (alias, key) in [("tid", "time"), ("kvalitet", "quality"), ("andre", "other")] {
        let id = p.run(["benefit", "add", &format!("Gevinst {alias}"), "--type", alias]).success();
        let t: toml::Table =
            p.read(&format!("benefits/{}.toml", id.stdout.trim())).parse().expect("TOML");
        assert_eq!(t["type"].as_str(), Some(key));
    }
    // A benefit names a thing, so each gets a name of its own (issue 12).
    for (n, (alias, key)) in
        [("pårørende", "relative"), ("parorende", "relative"), ("ansatte", "employee")]
            .into_iter()
            .enumerate()
    {
        let id = p
            .run([
                "benefit",
                "add",
                &format!("Gevinst nummer {n} for {key}"),
                "--type",
                "other",
                "--beneficiary",
                alias,
            ])
            .success();
        let t: toml::Table =
            p.read(&format!("benefits/{}.toml", id.stdout.trim())).parse().expect("TOML");
        assert_eq!(t["beneficiary"].as_str(), Some(key));
    }
    p.run(["check"]).success();
}

#[test]
fn costs_and_preconditions_are_appended_keeping_comments_and_show_sums_them() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.run(["benefit", "add", "Kortere ventetid", "--type", "time"]).success();
    let file = "benefits/kortere-ventetid.toml";
    let mut text = p.read(file);
    text.insert_str(0, "# Fra gevinstverkstedet i mars\n");
    p.write(file, &text);
    p.run([
        "benefit",
        "cost",
        "add",
        "kortere",
        "--kind",
        "engangs",
        "--amount",
        "250 000",
        "--year",
        "2026",
        "--note",
        "Telefonløsning",
    ])
    .success();
    p.run(["benefit", "cost", "add", "kortere", "--kind", "løpende", "--amount", "48000,5"])
        .success();
    p.run(["benefit", "cost", "add", "kortere", "--kind", "recurring", "--amount", "1500"])
        .success();
    p.run(["benefit", "precondition", "add", "kortere", "Opplæring i triage"]).success();
    p.run(["benefit", "precondition", "add", "kortere", "Ny telefonløsning"]).success();
    let after = p.read(file);
    assert!(after.starts_with("# Fra gevinstverkstedet i mars\n"), "{after}");
    assert!(after.matches("[[cost]]").count() == 3, "{after}");
    let first = after.find("amount = 250000").expect("first cost");
    let last = after.find("amount = 1500").expect("last cost");
    assert!(first < last, "new costs go at the end\n{after}");
    let t: toml::Table = after.parse().expect("TOML");
    assert_eq!(t["cost"][0]["kind"].as_str(), Some("one-off"));
    assert_eq!(t["cost"][1]["amount"].as_float(), Some(48000.5));
    assert_eq!(t["cost"][0]["year"].as_integer(), Some(2026));
    let pre: Vec<&str> =
        t["preconditions"].as_array().expect("list").iter().filter_map(|v| v.as_str()).collect();
    assert_eq!(pre, ["Opplæring i triage", "Ny telefonløsning"]);

    let v = p.run(["benefit", "show", "kortere", "--format", "json"]).success().json();
    assert_eq!(v["cost_totals"]["one_off"], 250000.0);
    assert_eq!(v["cost_totals"]["recurring"], 49500.5);
    let text = p.run(["--lang", "en", "benefit", "show", "kortere"]).success().stdout;
    assert!(text.contains("total: 250,000 NOK one-off, 49,500.5 NOK recurring per year"), "{text}");
    assert!(text.contains("Opplæring i triage"), "{text}");
    let nb = p.run(["benefit", "show", "kortere"]).success().stdout;
    assert!(nb.contains("48 000,5 NOK, løpende"), "{nb}");
    assert!(nb.contains("sum: 250 000 NOK engangs, 49 500,5 NOK løpende per år"), "{nb}");
    p.run(["check"]).success();
}

#[test]
fn bad_benefit_input_is_refused_and_changes_nothing() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    let root = p.root.clone();
    assert_refused(&p, &root, &["benefit", "add", "../../etc/passwd", "--type", "time"], &[]);
    assert_refused(&p, &root, &["benefit", "add", "", "--type", "time"], &[]);
    p.run(["benefit", "add", "X", "--type", "fart"]).code(2);
    p.run(["benefit", "add", "X", "--type", "time", "--due", "2026-02-30"]).code(2);
    assert_refused(
        &p,
        &root,
        &["benefit", "add", "X", "--type", "time", "--owner", "nobody"],
        &["nobody"],
    );
    assert_refused(
        &p,
        &root,
        &["benefit", "cost", "add", "ukjent", "--kind", "engangs", "--amount", "5"],
        &["ukjent"],
    );
    p.run(["benefit", "cost", "add", "kortere", "--kind", "engangs", "--amount", "fem"]).code(2);
    p.run(["benefit", "cost", "add", "kortere", "--kind", "ofte", "--amount", "5"]).code(2);
    assert_refused(
        &p,
        &root,
        &["benefit", "cost", "add", "kortere", "--kind", "engangs", "--amount", "-5"],
        &[],
    );
    assert_refused(&p, &root, &["benefit", "precondition", "add", "kortere", "a\nb"], &[]);
    assert_refused(&p, &root, &["benefit", "show", "ukjent"], &["ukjent"]);
    // A broken benefit file is never written over.
    p.write("benefits/kortere-ventetid.toml", "title = \"Kortere ventetid\"\ntype = \n");
    let run = assert_refused(
        &p,
        &root,
        &["benefit", "cost", "add", "kortere", "--kind", "engangs", "--amount", "5"],
        &["benefits/kortere-ventetid.toml:2"],
    );
    assert!(!run.stderr.contains("panicked"), "{run}");
    assert_refused(&p, &root, &["benefit", "list"], &["benefits/kortere-ventetid.toml"]);
    // A record file that is a folder.
    p.write(
        "benefits/kortere-ventetid.toml",
        "title = \"Kortere ventetid\"\ntype = \"time\"\ncreated = 2026-11-01\n",
    );
    std::fs::create_dir_all(p.path("benefits/mappe.toml")).expect("mkdir");
    assert_refused(&p, &root, &["benefit", "show", "mappe"], &["benefits/mappe.toml"]);
    assert_refused(&p, &root, &["benefit", "list"], &["benefits/mappe.toml"]);
}

#[test]
fn plan_creates_then_updates_one_indicator_keeping_comments() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    let file = "indicators/ventetid-i-minutter.toml";
    let t: toml::Table = p.read(file).parse().expect("TOML");
    assert_eq!(t["benefit"].as_str(), Some("kortere-ventetid"));
    assert_eq!(t["baseline"].as_integer(), Some(60));
    assert_eq!(t["target"].as_integer(), Some(30));
    assert_eq!(t["by"].to_string(), "2027-01-01");
    assert_eq!(t["responsible"].as_str(), Some("legevaktsjef"));
    let mut text = p.read(file);
    text.push_str("# Målt fra telefonsystemet\n");
    p.write(file, &text);
    let run = p
        .run([
            "benefit",
            "plan",
            "kortere",
            "--indicator",
            "Ventetid i minutter",
            "--target",
            "25,5",
            "--frequency",
            "ukentlig",
            "--format",
            "json",
        ])
        .success();
    assert_eq!(run.json()["created"], false);
    let after = p.read(file);
    assert!(after.contains("# Målt fra telefonsystemet"), "{after}");
    let t: toml::Table = after.parse().expect("TOML");
    assert_eq!(t["target"].as_float(), Some(25.5));
    assert_eq!(t["frequency"].as_str(), Some("weekly"));
    assert_eq!(t["baseline"].as_integer(), Some(60), "untouched");
}

#[test]
fn plan_refuses_incomplete_equal_or_clashing_indicators() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    p.run(["benefit", "add", "Bedre kvalitet", "--type", "quality"]).success();
    let root = p.root.clone();
    assert_refused(
        &p,
        &root,
        &["benefit", "plan", "kortere", "--indicator", "Ny", "--unit", "min", "--baseline", "5"],
        &["--target", "--by"],
    );
    assert_refused(
        &p,
        &root,
        &[
            "benefit",
            "plan",
            "kortere",
            "--indicator",
            "Ny",
            "--unit",
            "min",
            "--baseline",
            "5",
            "--target",
            "5",
            "--by",
            "2027-01-01",
        ],
        &[],
    );
    assert_refused(
        &p,
        &root,
        &["benefit", "plan", "bedre", "--indicator", "Ventetid i minutter", "--target", "20"],
        &["kortere-ventetid"],
    );
    assert_refused(
        &p,
        &root,
        &["benefit", "plan", "kortere", "--indicator", "Ventetid i minutter", "--target", "60"],
        &[],
    );
    assert_refused(
        &p,
        &root,
        &[
            "benefit",
            "plan",
            "kortere",
            "--indicator",
            "Ny",
            "--unit",
            "min",
            "--baseline",
            "5",
            "--target",
            "2",
            "--by",
            "2026-12-31",
            "--baseline-date",
            "2027-01-01",
        ],
        &[],
    );
    p.run([
        "benefit",
        "plan",
        "kortere",
        "--indicator",
        "Ny",
        "--unit",
        "min",
        "--baseline",
        "x",
        "--target",
        "2",
        "--by",
        "2027-01-01",
    ])
    .code(2);
    assert_refused(
        &p,
        &root,
        &[
            "benefit",
            "plan",
            "kortere",
            "--indicator",
            "Ny",
            "--unit",
            "min",
            "--baseline",
            "5",
            "--target",
            "2",
            "--by",
            "2027-01-01",
            "--responsible",
            "ingen",
        ],
        &["ingen"],
    );
}

#[test]
fn achievement_trend_and_state_for_a_lower_is_better_indicator() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    let i = first_indicator(&plan_json(&p, &["--as-of", "2026-07-10"]));
    assert_eq!(i["direction"], "lower");
    assert_eq!(i["state"], "no-data");
    p.run(["measure", "record", "ventetid", "50", "--date", "2026-06-01"]).success();
    p.run(["measure", "record", "ventetid", "42", "--date", "2026-07-02"]).success();
    // (42 − 60) ÷ (30 − 60) = 60 %, and half the year had gone: on track.
    let i = first_indicator(&plan_json(&p, &["--as-of", "2026-07-10"]));
    let a = i["achievement"].as_f64().expect("achievement");
    assert!((a - 60.0).abs() < 1e-6, "{i}");
    assert_eq!(i["trend"], "better");
    assert_eq!(i["state"], "on-track");
    // Worse again: behind.
    p.run(["measure", "record", "ventetid", "55", "--date", "2026-07-09"]).success();
    let i = first_indicator(&plan_json(&p, &["--as-of", "2026-07-10"]));
    assert_eq!(i["trend"], "worse");
    assert_eq!(i["state"], "behind");
    let table =
        p.run(["--lang", "en", "benefit", "list", "--as-of", "2026-07-10"]).success().stdout;
    let row = table.lines().find(|l| l.contains("ventetid-i-minutter")).expect("row");
    for cell in
        ["kortere-ventetid", "60 min", "30 min", "2027-01-01", "55 min", "17 %", "worse", "behind"]
    {
        assert!(row.contains(cell), "{cell} in {row}");
    }
    p.run(["measure", "record", "ventetid", "30", "--date", "2026-07-10"]).success();
    let i = first_indicator(&plan_json(&p, &["--as-of", "2026-07-10"]));
    assert_eq!(i["state"], "reached");
    // Judged as of an earlier day, later values do not count.
    let i = first_indicator(&plan_json(&p, &["--as-of", "2026-06-15"]));
    assert_eq!(i["latest"], 50.0);
    assert!(i["trend"].is_null());
}

#[test]
fn achievement_and_state_for_a_higher_is_better_indicator() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    p.run([
        "benefit",
        "plan",
        "kortere",
        "--indicator",
        "Fornøyde pasienter",
        "--unit",
        "%",
        "--baseline",
        "50",
        "--baseline-date",
        "2026-01-01",
        "--target",
        "90",
        "--by",
        "2027-01-01",
        "--responsible",
        "legevaktsjef",
    ])
    .success();
    p.run(["measure", "record", "fornoyde", "60", "--date", "2026-06-01"]).success();
    let v = plan_json(&p, &["--as-of", "2026-06-10"]);
    let rows = v["benefits"][0]["indicators"].as_array().expect("indicators").clone();
    let i = rows.iter().find(|r| r["id"] == "fornoyde-pasienter").expect("row");
    assert_eq!(i["direction"], "higher");
    // 25 % of the way, with 41 % of the time gone: behind.
    assert_eq!(i["achievement"], 25.0);
    assert_eq!(i["state"], "behind");
    p.run(["measure", "record", "fornoyde", "75", "--date", "2026-07-01"]).success();
    let v = plan_json(&p, &["--as-of", "2026-07-10"]);
    let i = v["benefits"][0]["indicators"]
        .as_array()
        .expect("indicators")
        .iter()
        .find(|r| r["id"] == "fornoyde-pasienter")
        .expect("row")
        .clone();
    assert_eq!(i["achievement"], 62.5);
    assert_eq!(i["trend"], "better");
    assert_eq!(i["state"], "on-track");
    p.run(["measure", "record", "fornoyde", "95", "--date", "2026-08-01"]).success();
    let v = plan_json(&p, &["--as-of", "2026-08-01"]);
    let i = v["benefits"][0]["indicators"]
        .as_array()
        .expect("indicators")
        .iter()
        .find(|r| r["id"] == "fornoyde-pasienter")
        .expect("row")
        .clone();
    assert_eq!(i["state"], "reached");
    assert_eq!(i["achievement"], 112.5);
}

#[test]
fn stale_indicators_are_found_as_of_a_date() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    p.run(["measure", "record", "ventetid", "50", "--date", "2026-03-01"]).success();
    // Monthly: stale after one month and half a month of grace.
    let ok = p.run(["check", "--as-of", "2026-04-16", "--format", "json"]).success().json();
    assert_eq!(ok["warnings"], 0, "{ok}");
    assert_eq!(first_indicator(&plan_json(&p, &["--as-of", "2026-04-16"]))["state"], "on-track");
    let run = p.run(["--lang", "en", "check", "--as-of", "2026-04-17"]).success();
    assert!(
        run.stdout.contains("indicators/ventetid-i-minutter.toml:1:1: warning[indicator-stale]"),
        "{run}"
    );
    assert!(run.stdout.contains("has not been measured since 2026-03-01"), "{run}");
    p.run(["check", "--as-of", "2026-04-17", "--strict"]).code(1);
    assert_eq!(first_indicator(&plan_json(&p, &["--as-of", "2026-04-17"]))["state"], "stale");
    // Quarterly gives more time.
    p.run([
        "benefit",
        "plan",
        "kortere",
        "--indicator",
        "Ventetid i minutter",
        "--frequency",
        "kvartalsvis",
    ])
    .success();
    let v = p.run(["check", "--as-of", "2026-04-17", "--format", "json"]).success().json();
    assert_eq!(v["warnings"], 0, "{v}");
    let run = p.run(["--lang", "en", "check", "--as-of", "2026-07-17"]).success();
    assert!(run.stdout.contains("warning[indicator-stale]"), "{run}");
}

#[test]
fn a_target_date_passed_below_100_percent_is_a_warning() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    p.run(["measure", "record", "ventetid", "40", "--date", "2026-12-20"]).success();
    let clean = p.run(["check", "--as-of", "2027-01-01", "--format", "json"]).success().json();
    assert_eq!(clean["warnings"], 0, "{clean}");
    let run = p.run(["--lang", "en", "check", "--as-of", "2027-01-02"]).success();
    assert!(run.stdout.contains("warning[target-missed]"), "{run}");
    assert!(run.stdout.contains("(67 % achieved)"), "{run}");
    p.run(["measure", "record", "ventetid", "29", "--date", "2027-01-02"]).success();
    let v = p.run(["check", "--as-of", "2027-01-02", "--format", "json"]).success().json();
    assert_eq!(v["warnings"], 0, "a reached target is no warning: {v}");
}

#[test]
fn a_missing_plan_is_an_error_only_once_the_project_is_past_development() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.run(["role", "add", "Leder"]).success();
    p.run(["benefit", "add", "Uten indikator", "--type", "time", "--owner", "leder"]).success();
    p.run(["benefit", "add", "Med halv plan", "--type", "quality"]).success();
    p.write(
        "indicators/halv.toml",
        "name = \"Halv\"\nbenefit = \"med-halv-plan\"\nunit = \"antall\"\nbaseline = 3\n",
    );
    let early = p.run(["check", "--format", "json"]).success().json();
    assert_eq!(early["errors"], 0, "{early}");
    for phase in ["tjenesteutvikling", "pilotering", "ny-praksis"] {
        let text = p.read("veikart.toml");
        let mut t: toml_edit::DocumentMut = text.parse().expect("TOML");
        t["phase"] = toml_edit::value(phase);
        p.write("veikart.toml", &t.to_string());
        let run = p.run(["--lang", "en", "check"]);
        if phase == "tjenesteutvikling" {
            run.success();
            continue;
        }
        let run = run.code(1);
        assert!(
            run.stdout
                .contains("benefits/uten-indikator.toml:1:1: error[benefit-without-indicator]"),
            "{run}"
        );
        assert!(run.stdout.contains("indicators/halv.toml:1:1: error[plan-incomplete]"), "{run}");
        assert!(
            run.stdout.contains("lacks baseline date, target, target date and responsible"),
            "{run}"
        );
        assert!(run.stdout.contains("warning[no-measurements]"), "{run}");
        assert!(
            !run.stdout.contains("med-halv-plan.toml"),
            "a benefit with an indicator is fine\n{run}"
        );
    }
}

#[test]
fn benefit_list_and_show_read_only_and_handle_an_empty_project() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let run = p.run(["benefit", "list"]).success();
    assert!(run.stdout.is_empty() && run.stderr.contains("benefit add"), "{run}");
    let v = p.run(["benefit", "list", "--format", "json"]).success().json();
    assert_eq!(v["benefits"].as_array().map(Vec::len), Some(0));
    let sb2 = Sandbox::new();
    let p = plan_project(&sb2);
    let before = snapshot(&p.root);
    p.run(["benefit", "list"]).success();
    p.run(["benefit", "show", "kort"]).success();
    p.run(["benefit", "show", "kort", "--format", "json"]).success();
    crate::support::assert_same_tree(&before, &snapshot(&p.root), &"reading");
    p.run(["benefit", "list", "--format", "md"]).code(2);
}

#[test]
fn samveis_projects_gate_the_plan_on_their_own_phase_ids() {
    let sb = Sandbox::new();
    sb.run(&sb.work, ["init", "s", "--name", "Samveis", "--roadmap", "samveis-2015"]).success();
    let root = sb.work.join("s");
    sb.run(&root, ["benefit", "add", "Uten indikator", "--type", "time"]).success();
    let set_phase = |phase: &str| {
        let file = root.join("veikart.toml");
        let mut t: toml_edit::DocumentMut =
            std::fs::read_to_string(&file).expect("read").parse().expect("TOML");
        t["phase"] = toml_edit::value(phase);
        std::fs::write(&file, t.to_string()).expect("write");
    };
    set_phase("utvikling");
    sb.run(&root, ["check"]).success();
    set_phase("overgang-til-drift");
    let run = sb.run(&root, ["check"]).code(1);
    assert!(run.stdout.contains("error[benefit-without-indicator]"), "{run}");
}

#[test]
fn an_inline_list_of_costs_or_reviews_is_left_as_the_user_wrote_it() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let root = p.root.clone();
    p.write(
        "benefits/kortere.toml",
        "title = \"Kortere ventetid\"\ntype = \"time\"\ncreated = 2026-01-05\n\
         cost = [{ kind = \"one-off\", amount = 1000 }]\n",
    );
    p.write(
        "suppliers/skjerm.toml",
        "name = \"Skjerm AS\"\nreview = [{ date = 2026-01-01, score = 4 }]\n",
    );
    p.run(["check"]).success();
    assert_refused(
        &p,
        &root,
        &["benefit", "cost", "add", "kortere", "--kind", "recurring", "--amount", "500"],
        &["benefits/kortere.toml", "[[cost]]"],
    );
    assert_refused(
        &p,
        &root,
        &["supplier", "review", "skjerm", "--score", "3"],
        &["suppliers/skjerm.toml", "[[review]]"],
    );
}

#[test]
fn plan_updates_check_the_dates_against_what_the_indicator_already_has() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    let root = p.root.clone();
    // The indicator runs from 2026-01-01 to 2027-01-01.
    let run = assert_refused(
        &p,
        &root,
        &[
            "--lang",
            "en",
            "benefit",
            "plan",
            "kortere",
            "--indicator",
            "Ventetid i minutter",
            "--by",
            "2025-06-30",
        ],
        &["2025-06-30", "2026-01-01"],
    );
    assert!(run.stderr.contains("[target-before-baseline]"), "{run}");
    assert_refused(
        &p,
        &root,
        &[
            "benefit",
            "plan",
            "kortere",
            "--indicator",
            "Ventetid i minutter",
            "--baseline-date",
            "2027-03-01",
        ],
        &["2027-01-01", "2027-03-01"],
    );
    p.run([
        "benefit",
        "plan",
        "kortere",
        "--indicator",
        "Ventetid i minutter",
        "--by",
        "2027-06-30",
    ])
    .success();
    p.run(["check"]).success();
}

#[test]
fn cost_amounts_that_read_two_ways_and_bad_years_are_refused_in_the_users_language() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    let root = p.root.clone();
    for amount in ["1.200", "1,200", "12 500,000"] {
        let run = assert_refused(
            &p,
            &root,
            &["benefit", "cost", "add", "kortere", "--kind", "engangs", "--amount", amount],
            &[amount, "tvetydig", "1 200"],
        );
        assert!(!run.stderr.contains("is ambiguous"), "{run}");
    }
    for year in ["20", "2026,0", "to tusen"] {
        let (run, first) = p
            .run([
                "benefit", "cost", "add", "kortere", "--kind", "engangs", "--amount", "1",
                "--year", year,
            ])
            .failure();
        assert!(first.contains(&format!("«{year}» er ikke et årstall")), "{run}");
    }
    p.run([
        "benefit", "cost", "add", "kortere", "--kind", "engangs", "--amount", "1 200,50", "--year",
        "2026",
    ])
    .success();
    let t: toml::Table = p.read("benefits/kortere-ventetid.toml").parse().expect("TOML");
    assert_eq!(t["cost"][0]["amount"].as_float(), Some(1200.5));
}

#[test]
fn bad_enum_values_name_the_norwegian_words_and_an_empty_id_matches_nothing() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    let root = p.root.clone();
    assert_refused(
        &p,
        &root,
        &["benefit", "add", "Noe", "--type", "penger-spart"],
        &["velg en av: time (tid), cost (kostnad), quality (kvalitet), other (annet)"],
    );
    assert_refused(
        &p,
        &root,
        &["benefit", "plan", "kortere", "--indicator", "X", "--frequency", "daglig"],
        &["weekly (ukentlig), monthly (månedlig), quarterly (kvartalsvis), yearly (årlig)"],
    );
    let run = assert_refused(
        &p,
        &root,
        &["--lang", "en", "benefit", "add", "Noe", "--type", "x"],
        &["choose one of: time"],
    );
    assert!(!run.stderr.contains("norsk"), "{run}");
    // An empty id is not a prefix of everything.
    let run = assert_refused(
        &p,
        &root,
        &["benefit", "precondition", "add", "", "Noe"],
        &["fant ingen gevinst"],
    );
    assert!(!run.stderr.contains("passer til flere"), "{run}");
    assert_refused(&p, &root, &["measure", "record", " ", "4"], &["fant ingen måleindikator"]);
}

#[test]
fn a_stale_indicator_is_called_outdated_in_bokmal_and_incomplete_plans_name_the_options() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    p.run(["measure", "record", "ventetid", "50", "--date", "2026-06-01"]).success();
    let run = p.run(["benefit", "list"]).success();
    assert!(run.stdout.contains("utdatert"), "{run}");
    assert!(!run.stdout.contains("ikke målt"), "{run}");
    p.write(
        "indicators/fornoyde-brukere.toml",
        "name = \"Fornøyde brukere\"\nbenefit = \"kortere-ventetid\"\nunit = \"prosent\"\nbaseline = 60\ntarget = 80\n",
    );
    let text = p.read("veikart.toml").replace("phase = \"forankring\"", "phase = \"pilotering\"");
    p.write("veikart.toml", &text);
    let run = p.run(["--lang", "en", "check"]).code(1);
    assert!(
        run.stdout.contains("error[plan-incomplete]: the indicator `Fornøyde brukere` lacks baseline date, target date and responsible"),
        "{run}"
    );
    assert!(
        run.stdout.contains(
            "--indicator \"Fornøyde brukere\" --baseline-date DATE --by DATE --responsible ROLE`"
        ),
        "{run}"
    );
}

#[test]
fn benefit_list_shows_an_indicator_whose_benefit_is_gone_instead_of_hiding_it() {
    let sb = Sandbox::new();
    let p = plan_project(&sb);
    let text = p
        .read("indicators/ventetid-i-minutter.toml")
        .replace("kortere-ventetid", "slettet-gevinst");
    p.write("indicators/ventetid-i-minutter.toml", &text);
    let run = p.run(["benefit", "list"]).success();
    let lines = run.out_lines();
    assert!(lines[1].starts_with("kortere-ventetid"), "{run}");
    assert!(lines[1].contains("(ingen indikator)"), "{run}");
    assert!(lines[2].starts_with("slettet-gevinst (?)  ventetid-i-minutter"), "{run}");
    p.run(["check"]).code(1);
}
