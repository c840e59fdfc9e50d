//! The indicator's planned path (issue 16, item 4): «på plan» / «bak plan»
//! against a straight line from baseline to deadline or against yearly
//! steps (`[[yearly_target]]`), the rules on yearly targets on write and in
//! `check`, and the report's charts on a real time axis to the deadline.

use crate::support::{Project, Sandbox, assert_same_tree};

/// A project with a benefit and one indicator planned from `baseline` on
/// 2026-01-01 to `target` on `by`.
fn planned<'a>(sb: &'a Sandbox, baseline: &str, target: &str, by: &str) -> Project<'a> {
    let p = sb.init_project();
    p.run(["benefit", "add", "Bedre tjeneste", "--type", "kvalitet"]).success();
    p.run([
        "benefit",
        "plan",
        "bedre",
        "--indicator",
        "Indikator",
        "--unit",
        "poeng",
        "--baseline",
        baseline,
        "--baseline-date",
        "2026-01-01",
        "--target",
        target,
        "--by",
        by,
    ])
    .success();
    p
}

const FILE: &str = "indicators/indikator.toml";

fn record(p: &Project, value: &str, date: &str) {
    p.run(["measure", "record", "indikator", value, "--date", date]).success();
}

/// The indicator as `benefit list --format json --as-of DATE` shows it.
fn row(p: &Project, as_of: &str) -> serde_json::Value {
    let v = p.run(["benefit", "list", "--format", "json", "--as-of", as_of]).success().json();
    v["benefits"][0]["indicators"][0].clone()
}

fn planned_value(row: &serde_json::Value) -> f64 {
    row["planned"].as_f64().unwrap_or_else(|| panic!("a planned value: {row}"))
}

fn add_yearly(p: &Project, rows: &[(&str, &str)]) {
    let mut text = p.read(FILE);
    for (year, target) in rows {
        text.push_str(&format!("\n[[yearly_target]]\nyear = {year}\ntarget = {target}\n"));
    }
    p.write(FILE, &text);
}

#[test]
fn a_rising_indicator_is_on_plan_above_the_straight_path_and_behind_below_it() {
    let sb = Sandbox::new();
    // 10 to 20 during 2026: about 12.5 on 1 April, 17.5 on 1 October.
    let p = planned(&sb, "10", "20", "2027-01-01");
    record(&p, "13", "2026-04-01");
    record(&p, "16", "2026-10-01");
    let april = row(&p, "2026-04-10");
    assert_eq!(april["state"], "on-track", "{april}");
    assert!((planned_value(&april) - 12.47).abs() < 0.01, "{april}");
    let october = row(&p, "2026-10-10");
    assert_eq!(october["state"], "behind", "{october}");
    assert!((planned_value(&october) - 17.48).abs() < 0.01, "{october}");
    // Before the baseline date the path is the baseline; from the deadline on, the target.
    record(&p, "19", "2027-02-01");
    let after = row(&p, "2027-02-10");
    assert_eq!((after["planned"].as_f64(), &after["state"]), (Some(20.0), &"behind".into()));
    record(&p, "20", "2027-03-01");
    assert_eq!(row(&p, "2027-03-10")["state"], "reached");
    let text = p.run(["benefit", "list", "--as-of", "2026-10-10"]).success().stdout;
    assert!(text.contains("bak plan"), "{text}");
}

#[test]
fn a_falling_indicator_is_on_plan_below_the_path() {
    let sb = Sandbox::new();
    // Waiting time from 60 to 30 minutes during 2026: lower is better.
    let p = planned(&sb, "60", "30", "2027-01-01");
    record(&p, "52", "2026-04-01");
    record(&p, "45", "2026-10-01");
    let april = row(&p, "2026-04-10");
    assert_eq!(april["state"], "on-track", "{april}");
    assert!((planned_value(&april) - 52.6).abs() < 0.1, "{april}");
    let october = row(&p, "2026-10-10");
    assert_eq!(october["state"], "behind", "{october}");
    assert!((planned_value(&october) - 37.5).abs() < 0.1, "{october}");
    let text = p.run(["benefit", "list", "--as-of", "2026-04-10"]).success().stdout;
    assert!(text.contains("på plan"), "{text}");
}

#[test]
fn yearly_targets_make_steps_at_each_years_end() {
    let sb = Sandbox::new();
    let p = planned(&sb, "10", "20", "2027-12-31");
    add_yearly(&p, &[("2026", "14"), ("2027", "20")]);
    p.run(["check"]).success();
    // In 2026 the baseline holds (14 is due by the end of 2026): 11 is on plan,
    // though the straight line would ask for about 12.5 in June.
    record(&p, "11", "2026-06-01");
    let june = row(&p, "2026-06-10");
    assert_eq!((june["planned"].as_f64(), &june["state"]), (Some(10.0), &"on-track".into()));
    // From 31 December 2026, 14.
    record(&p, "13", "2026-12-31");
    let dec = row(&p, "2027-01-05");
    assert_eq!((dec["planned"].as_f64(), &dec["state"]), (Some(14.0), &"behind".into()));
    record(&p, "15", "2027-02-01");
    assert_eq!(row(&p, "2027-02-10")["state"], "on-track");
    // The rows are in the record's JSON, and the report's path has the steps.
    let ind = row(&p, "2027-02-10");
    assert_eq!(
        ind["yearly_targets"],
        serde_json::json!([{"year": 2026, "target": 14}, {"year": 2027, "target": 20}])
    );
    let report = p.run(["report", "--format", "json", "--as-of", "2027-02-10"]).success().json();
    let path: Vec<(String, f64)> = report["indicators"][0]["planned_points"]
        .as_array()
        .expect("path")
        .iter()
        .map(|c| {
            (
                c["date"].as_str().unwrap_or_default().to_string(),
                c["value"].as_f64().unwrap_or(f64::NAN),
            )
        })
        .collect();
    let want = [
        ("2026-01-01", 10.0),
        ("2026-12-31", 10.0),
        ("2026-12-31", 14.0),
        ("2027-12-31", 14.0),
        ("2027-12-31", 20.0),
    ];
    let want: Vec<(String, f64)> = want.iter().map(|(d, v)| (d.to_string(), *v)).collect();
    assert_eq!(path, want, "{report}");
}

#[test]
fn bad_yearly_targets_are_reported_by_check_and_refused_on_write() {
    let sb = Sandbox::new();
    let p = planned(&sb, "10", "20", "2027-12-31");
    add_yearly(&p, &[("2026", "14"), ("2026", "15"), ("2028", "20")]);
    let run = p.run(["check"]).code(1);
    let err = &run.stdout;
    assert!(
        err.contains("indicators/indikator.toml:13:1: error[yearly-target-duplicate]"),
        "{run}"
    );
    assert!(err.contains("indicators/indikator.toml:17:1: error[yearly-target-year]"), "{run}");
    // A write that leaves the mistakes is refused with the same words, and changes nothing.
    let before = p.snapshot();
    let (run, first) = p.run(["indicator", "set", "indikator", "--source", "Journalen"]).failure();
    // The line is that of the file as it would be written (`source` added).
    assert!(
        first.contains("indicators/indikator.toml:14:1: året 2026 har to årlige mål"),
        "{first}\n{run}"
    );
    assert_same_tree(&before, &p.snapshot(), &run);

    // Moving the deadline before a yearly target's year is refused too.
    let sb = Sandbox::new();
    let p = planned(&sb, "10", "20", "2027-12-31");
    add_yearly(&p, &[("2026", "14"), ("2027", "20")]);
    let before = p.snapshot();
    let (run, first) = p.run(["indicator", "set", "indikator", "--by", "2026-12-31"]).failure();
    assert!(first.contains("2027"), "{first}\n{run}");
    assert_same_tree(&before, &p.snapshot(), &run);

    // The last yearly target not the target is a warning, not an error.
    let sb = Sandbox::new();
    let p = planned(&sb, "10", "20", "2027-12-31");
    add_yearly(&p, &[("2026", "14"), ("2027", "18")]);
    let run = p.run(["check"]).success();
    assert!(run.stdout.contains("warning[yearly-target-last]"), "{run}");
    let run = p.run(["--lang", "en", "check"]).success();
    assert!(run.stdout.contains("the yearly target for 2027 (18) is not the target (20)"), "{run}");
}

/// The `>…<` texts of the elements with `class="tick"`, in order.
fn ticks(html: &str) -> Vec<String> {
    html.split("class=\"tick\"")
        .skip(1)
        .filter_map(|s| Some(s[s.find('>')? + 1..s.find('<')?].to_string()))
        .collect()
}

#[test]
fn the_html_chart_draws_the_path_the_deadline_and_dated_ticks() {
    let sb = Sandbox::new();
    let p = planned(&sb, "60", "30", "2027-06-30");
    for (date, value) in [("2026-02-01", "58"), ("2026-05-01", "50"), ("2026-09-01", "44")] {
        record(&p, value, date);
    }
    let html = p.run(["report", "--format", "html", "--as-of", "2026-09-10"]).success().stdout;
    let chart = &html[html.find("<svg").expect("a chart")..html.find("</svg>").expect("its end")];
    let planned = chart.find("<polyline class=\"planned\"").expect("the planned path");
    assert!(
        chart[planned..].lines().next().is_some_and(|l| l.contains("stroke-dasharray")),
        "{chart}"
    );
    let measured = chart.find("<polyline class=\"measured\"").expect("the measured line");
    assert!(!chart[measured..].lines().next().unwrap_or_default().contains("dasharray"), "{chart}");
    assert!(chart.contains("<line class=\"deadline\""), "{chart}");
    assert!(chart.contains(">frist 2027-06-30</text>"), "{chart}");
    let t = ticks(chart);
    assert!(t.len() >= 3, "{t:?}");
    let mut sorted = t.clone();
    sorted.sort();
    assert_eq!(t, sorted, "ticks in date order");
    assert!(t.iter().all(|l| l.len() == 7 && l.starts_with("202")), "{t:?}");
    // The x axis runs from the baseline date (x = 64) to the deadline (x = 600).
    assert!(chart.contains("points=\"64.0,"), "{chart}");
    assert!(chart.contains("<line class=\"deadline\" x1=\"600.0\""), "{chart}");
    // A legend that shows each line's style, and the latest value written at its point.
    assert!(chart.contains("<g class=\"legend\">"), "{chart}");
    assert!(chart.contains(">44</text>"), "{chart}");
    // The text alternative gives the numbers.
    assert!(chart.contains("<desc id=\"chart-indikator-desc\">Indikator: nullpunkt 60 poeng (2026-01-01), mål 30 poeng innen fristen 2027-06-30. 3 målinger, den første 58 poeng (2026-02-01). Siste verdi 44 poeng (2026-09-01), planlagt"), "{chart}");
    assert!(!html.contains("<script"), "self-contained");
}

#[test]
fn a_weekly_mermaid_chart_over_two_years_has_at_most_twelve_labels() {
    let sb = Sandbox::new();
    let p = planned(&sb, "60", "30", "2027-12-31");
    p.run(["indicator", "set", "indikator", "--frequency", "ukentlig"]).success();
    // Weekly values written as files, from 2026-01-05 for two years.
    let start = jiff::civil::date(2026, 1, 5);
    for week in 0..104 {
        let date = start.checked_add(jiff::Span::new().days(7 * week)).expect("a date");
        let value = 60 - 7 * week / 30;
        p.write(&format!("measurements/indikator/{date}.toml"), &format!("value = {value}\n"));
    }
    let md = p.run(["report", "--as-of", "2027-12-31"]).success().stdout;
    let axis = md.lines().find(|l| l.trim_start().starts_with("x-axis [")).expect("an x axis");
    let labels = axis.matches('"').count() / 2;
    assert!((2..=12).contains(&labels), "{axis}");
    assert!(axis.contains("frist\""), "the deadline's period is marked: {axis}");
    let lines: Vec<&str> = md.lines().filter(|l| l.trim_start().starts_with("line [")).collect();
    assert_eq!(lines.len(), 4, "measured, planned, target and baseline\n{md}");
    for l in &lines {
        assert!(l.matches(',').count() < labels, "no more values than labels: {l}");
    }
    assert!(md.contains("    %% planlagt vei\n"), "{md}");
    assert!(
        md.contains("Linjer: målt (blå), planlagt vei (lilla), mål (grønn), nullpunkt (grå)."),
        "{md}"
    );
}
