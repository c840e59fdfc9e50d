//! The example project under examples/ is a real project: it checks clean
//! and has what the README promises (a dozen ideas in different states).

use std::path::PathBuf;

use crate::support::Sandbox;

fn example() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/fjordvik-legevakt")
}

#[test]
fn example_project_checks_clean_without_errors_or_warnings() {
    let sb = Sandbox::new();
    let dir = example();
    let dir_arg = dir.to_str().expect("UTF-8 path");
    let run = sb.run(&sb.work, ["-C", dir_arg, "check"]).success();
    assert!(run.stdout.is_empty(), "no diagnostics at all\n{run}");
    let v = sb.run(&sb.work, ["-C", dir_arg, "check", "--format", "json"]).success().json();
    assert_eq!(v["ok"], true, "{v}");
    assert_eq!(v["errors"], 0, "{v}");
    assert_eq!(v["warnings"], 0, "{v}");
    sb.run(&sb.work, ["-C", dir_arg, "check", "--strict"]).success();
}

#[test]
fn example_project_has_a_dozen_ideas_in_different_states() {
    let sb = Sandbox::new();
    let dir = example();
    let dir_arg = dir.to_str().expect("UTF-8 path");
    let v = sb.run(&sb.work, ["-C", dir_arg, "idea", "list", "--format", "json"]).success().json();
    let ideas = v["ideas"].as_array().expect("ideas");
    assert!(ideas.len() >= 12, "a dozen ideas, found {}", ideas.len());
    let states: std::collections::BTreeSet<&str> =
        ideas.iter().filter_map(|i| i["status"].as_str()).collect();
    assert!(states.len() >= 4, "ideas in different states: {states:?}");
    assert!(ideas.iter().any(|i| i["priority"].is_number()), "some ideas are assessed");

    let run = sb.run(&sb.work, ["-C", dir_arg, "status"]).success();
    assert!(run.stdout.contains("Fjordvik"), "{run}");
}

#[test]
fn example_project_is_not_changed_by_reading_it() {
    let sb = Sandbox::new();
    let dir = example();
    let dir_arg = dir.to_str().expect("UTF-8 path");
    let before = crate::support::snapshot(&dir);
    for args in [
        &["status"][..],
        &["idea", "list"],
        &["check"],
        &["proposal", "show", "ventetid"],
        &["tech", "compare"],
        &["pilot", "show"],
        &["insight", "list"],
        &["log", "list"],
        &["benefit", "list"],
        &["measure", "list"],
        &["checklist", "--all"],
        &["phase"],
        &["roadmap", "show"],
    ] {
        let mut all = vec!["-C", dir_arg];
        all.extend_from_slice(args);
        let run = sb.run(&sb.work, &all);
        crate::support::assert_same_tree(&before, &crate::support::snapshot(&dir), &run);
    }
}

/// `veikart -C examples/fjordvik-legevakt ARGS --format json`, parsed.
fn example_json(sb: &Sandbox, args: &[&str]) -> serde_json::Value {
    let dir = example();
    let mut all = vec!["-C", dir.to_str().expect("UTF-8 path")];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    sb.run(&sb.work, &all).success().json()
}

#[test]
fn example_project_has_tested_proposals_compared_technology_and_the_other_phases() {
    let sb = Sandbox::new();
    let v = example_json(&sb, &["proposal", "list"]);
    let proposals = v["proposals"].as_array().expect("proposals");
    assert!(proposals.len() >= 3, "{v}");
    assert!(proposals.iter().any(|p| p["status"] == "kept" && p["cost"].is_number()), "{v}");
    assert!(proposals.iter().any(|p| p["status"] == "discarded" && p["reason"].is_string()), "{v}");
    assert!(proposals.iter().filter(|p| p["test_count"].as_u64() >= Some(2)).count() >= 2, "{v}");

    let v = example_json(&sb, &["tech", "compare"]);
    let options = v["options"].as_array().expect("options");
    let full = options.iter().filter(|o| o["missing"].as_array().is_some_and(Vec::is_empty));
    assert!(full.count() >= 2, "two options assessed on all five criteria: {v}");
    assert!(options.iter().all(|o| o["it_involved"].is_string()), "IT involved early: {v}");

    for (noun, key, min) in [
        ("goal", "goals", 2),
        ("team", "team", 3),
        ("stakeholder", "stakeholders", 3),
        ("related", "related", 1),
        ("insight", "insights", 4),
        ("log", "logs", 3),
    ] {
        let v = example_json(&sb, &[noun, "list"]);
        let n = v[key].as_array().map_or(0, Vec::len);
        assert!(n >= min, "at least {min} {key}, found {n}");
    }
    let v = example_json(&sb, &["insight", "list"]);
    let from: std::collections::BTreeSet<&str> =
        v["insights"].as_array().unwrap().iter().filter_map(|i| i["respondent"].as_str()).collect();
    assert!(from.contains("user") && from.contains("employee"), "users and staff: {from:?}");

    let v = example_json(&sb, &["pilot", "show"]);
    assert!(v["plan"].is_object(), "{v}");
    assert_eq!(v["plan"]["responsible"], "enhetsleder-legevakt");
}

#[test]
fn example_project_has_a_benefit_plan_followed_up_for_a_year() {
    let sb = Sandbox::new();
    let dir = example();
    let dir_arg = dir.to_str().expect("UTF-8 path");
    let v =
        sb.run(&sb.work, ["-C", dir_arg, "benefit", "list", "--format", "json"]).success().json();
    let benefits = v["benefits"].as_array().expect("benefits");
    assert!(benefits.len() >= 3, "3+ benefits: {v}");
    let types: std::collections::BTreeSet<&str> =
        benefits.iter().filter_map(|b| b["type"].as_str()).collect();
    assert!(types.len() >= 3, "benefits of different types: {types:?}");
    for b in benefits {
        assert!(!b["preconditions"].as_array().expect("list").is_empty(), "{b}");
        assert!(!b["costs"].as_array().expect("list").is_empty(), "{b}");
    }
    let indicators: Vec<&serde_json::Value> =
        benefits.iter().flat_map(|b| b["indicators"].as_array().expect("list")).collect();
    assert!(indicators.len() >= 4, "4+ indicators");
    assert!(indicators.iter().any(|i| i["direction"] == "lower"), "one lower-is-better");
    let states: Vec<&str> = indicators.iter().filter_map(|i| i["state"].as_str()).collect();
    assert!(states.contains(&"reached"), "one reached target: {states:?}");
    assert!(!states.contains(&"stale") && !states.contains(&"no-data"), "{states:?}");

    let ms =
        sb.run(&sb.work, ["-C", dir_arg, "measure", "list", "--format", "json"]).success().json();
    let ms = ms["measurements"].as_array().expect("measurements");
    for i in &indicators {
        let id = i["id"].as_str().expect("id");
        let dates: Vec<&str> =
            ms.iter().filter(|m| m["indicator"] == id).filter_map(|m| m["date"].as_str()).collect();
        let (first, last) = (dates.first().expect("values"), dates.last().expect("values"));
        assert!(*first <= "2025-11-30" && *last >= "2026-11-01", "{id}: {first}..{last}");
    }

    let d = sb.run(&sb.work, ["-C", dir_arg, "deviation", "list", "--open", "--format", "json"]);
    let d = d.success().json();
    let open = d["deviations"].as_array().expect("deviations");
    assert!(!open.is_empty(), "an open deviation");
    assert!(open.iter().any(|x| !x["actions"].as_array().expect("a").is_empty()));
    assert!(open.iter().all(|x| x["overdue_actions"] == 0), "{d}");

    let s =
        sb.run(&sb.work, ["-C", dir_arg, "supplier", "list", "--format", "json"]).success().json();
    let s = s["suppliers"].as_array().expect("suppliers");
    assert!(s.iter().any(|x| x["reviews"].as_array().is_some_and(|r| r.len() >= 2)));
}

#[test]
fn example_project_went_through_every_phase_and_its_gate_fails_on_one_honest_item() {
    let sb = Sandbox::new();
    let v =
        sb.run(&sb.work, ["-C", example().to_str().expect("UTF-8"), "phase", "--format", "json"]);
    let v = v.success().json();
    assert_eq!(v["phase"]["id"], "ny-praksis", "{v}");
    let decisions = v["decisions"].as_array().expect("decisions");
    let path: Vec<&str> = decisions.iter().filter_map(|d| d["to"].as_str()).collect();
    assert_eq!(
        path,
        ["innsikt", "tjenesteutvikling", "pilotering", "overgang-til-drift", "ny-praksis"],
        "{v}"
    );
    assert!(decisions.iter().all(|d| d["reason"].as_str().is_some_and(|r| !r.is_empty())));

    let dir = example();
    let dir_arg = dir.to_str().expect("UTF-8");
    let gate = sb.run(
        &sb.work,
        ["-C", dir_arg, "checklist", "--check", "--through-current", "--format", "json"],
    );
    assert_eq!(gate.code, 1, "{gate}");
    let v = gate.json();
    assert_eq!(v["phases"].as_array().map(Vec::len), Some(6), "every phase up to ny-praksis");
    let unfinished: Vec<String> = v["phases"]
        .as_array()
        .expect("phases")
        .iter()
        .flat_map(|p| {
            let id = p["id"].as_str().unwrap_or_default().to_string();
            p["items"].as_array().cloned().unwrap_or_default().into_iter().filter_map(move |i| {
                (i["finished"] == false).then(|| format!("{id}/{}", i["id"].as_str().unwrap_or("")))
            })
        })
        .collect();
    assert_eq!(unfinished, ["ny-praksis/innovation-culture"], "{v}");
    let item = &v["phases"][5]["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["id"] == "innovation-culture")
        .cloned()
        .expect("item");
    assert_eq!(item["status"], "still-open");
    assert!(item["note"].as_str().is_some_and(|n| !n.is_empty()), "an honest reason: {item}");
    // Every manual item the team has answered names who and when.
    for p in v["phases"].as_array().expect("phases") {
        for i in p["items"].as_array().expect("items") {
            if i["evaluation"] != "auto" {
                assert!(i["by"].is_string() && i["date"].is_string(), "{i}");
            }
        }
    }
}
