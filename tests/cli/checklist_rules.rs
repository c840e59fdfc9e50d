//! Every automatic checklist rule, false and then true, on a small project:
//! each case builds the least data that makes the rule fail, checks that the
//! checklist says so, adds what is missing, and checks that it now holds.

use crate::support::{Project, Sandbox};

/// What the rule's item says in `checklist --all --format json`: (passed, detail).
fn rule(p: &Project, name: &str) -> (bool, String) {
    let item = p.rule_item(name);
    (
        item["data"]["passed"].as_bool().expect("auto items have data"),
        item["data"]["detail"].as_str().unwrap_or_default().to_string(),
    )
}

fn case(name: &str, fail: impl Fn(&Project), pass: impl Fn(&Project)) {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.run(["role", "add", "Leder"]).success();
    fail(&p);
    let (passed, detail) = rule(&p, name);
    assert!(!passed, "{name} should fail here: {detail}");
    assert!(!detail.is_empty(), "{name} says why");
    pass(&p);
    let (passed, detail) = rule(&p, name);
    assert!(passed, "{name} should hold now: {detail}");
    // The fixtures are valid projects: nothing here is a `check` error.
    let run = p.run(["check"]);
    assert_eq!(run.code, 0, "{name}: the fixture checks clean\n{run}");
}

fn run(p: &Project, args: &[&str]) {
    p.run(args).success();
}

const INDICATOR: &str = "name = \"Ventetid\"\nbenefit = \"kortere-ventetid\"\nunit = \"minutter\"\n\
    baseline = 90\nbaseline_date = 2026-01-10\ntarget = 60\nby = 2027-06-30\nresponsible = \"leder\"\n";
const BENEFIT: &str = "title = \"Kortere ventetid\"\ntype = \"time\"\nresponsible = \"leder\"\ncreated = 2026-01-05\n";

fn benefit_and_indicator(p: &Project) {
    p.write("benefits/kortere-ventetid.toml", BENEFIT);
    p.write("indicators/ventetid.toml", INDICATOR);
}

#[test]
fn anchoring_rules() {
    case(
        "problem-and-goals",
        |p| run(p, &["goal", "add", "Ingen venter over en time"]),
        |p| {
            let text = p.read("veikart.toml") + "problem = \"Lang og uforutsigbar ventetid\"\n";
            p.write("veikart.toml", &text);
        },
    );
    case("benefits-listed", |_| {}, |p| p.write("benefits/kortere-ventetid.toml", BENEFIT));
    case(
        "owner-and-team",
        |p| run(p, &["team", "add", "Kari Nordmann", "--role", "Sykepleier"]),
        |p| run(p, &["owner", "leder"]),
    );
    case(
        "stakeholders-planned",
        |p| run(p, &["stakeholder", "add", "Fastlegene"]),
        |p| {
            p.write(
                "stakeholders/fastlegene.toml",
                "name = \"Fastlegene\"\nplan = \"Møte hver måned\"\n",
            )
        },
    );
    case("related-listed", |_| {}, |p| run(p, &["related", "add", "Legevakt i Bergen"]));
}

#[test]
fn insight_rules() {
    case(
        "current-journey",
        |p| run(p, &["journey", "add", "Får hjelp", "--journey", "future"]),
        |p| run(p, &["journey", "add", "Ringer legevakten", "--journey", "current"]),
    );
    case(
        "insights-users-and-staff",
        |p| {
            run(
                p,
                &[
                    "insight",
                    "add",
                    "Vet ikke hvor lenge",
                    "--method",
                    "interview",
                    "--respondent",
                    "user",
                    "--date",
                    "2026-02-01",
                ],
            )
        },
        |p| {
            run(
                p,
                &[
                    "insight",
                    "add",
                    "Mange spør i luken",
                    "--method",
                    "observation",
                    "--respondent",
                    "employee",
                    "--date",
                    "2026-02-02",
                ],
            )
        },
    );
    case(
        "insights-from-others",
        |p| {
            run(
                p,
                &[
                    "insight",
                    "add",
                    "Vil ha SMS",
                    "--method",
                    "survey",
                    "--respondent",
                    "user",
                    "--date",
                    "2026-02-01",
                ],
            )
        },
        |p| {
            run(
                p,
                &[
                    "insight",
                    "add",
                    "Bergen bruker skjerm",
                    "--method",
                    "other-municipality",
                    "--respondent",
                    "partner",
                    "--date",
                    "2026-02-03",
                ],
            )
        },
    );
}

#[test]
fn development_rules_on_ideas_proposals_and_journey() {
    case(
        "ideas-scored",
        |p| {
            p.add_idea("Bedre skilting", &[]);
        },
        |p| p.assess("bedre-skilting", 4, 4, None),
    );
    case(
        "proposals-visualised",
        |p| run(p, &["proposal", "add", "SMS-varsel"]),
        |p| {
            let text = p.read("proposals/sms-varsel.toml");
            p.write(
                "proposals/sms-varsel.toml",
                &format!("{text}artefacts = [\"skisser/sms.png\"]\n"),
            );
        },
    );
    case(
        "proposals-tested",
        |p| run(p, &["proposal", "add", "SMS-varsel"]),
        |p| run(p, &["proposal", "test", "sms", "--with", "user", "--feedback", "Likte det"]),
    );
    case(
        "proposals-estimated",
        |p| {
            run(p, &["proposal", "add", "SMS-varsel"]);
            run(p, &["proposal", "decide", "sms", "keep", "--reason", "Testene var gode"]);
        },
        |p| {
            run(
                p,
                &[
                    "proposal",
                    "estimate",
                    "sms",
                    "--cost",
                    "40000",
                    "--gain",
                    "Færre spørsmål i luken",
                ],
            )
        },
    );
    case(
        "future-journey-raci",
        |p| {
            run(p, &["journey", "add", "Får time", "--journey", "future"]);
            run(p, &["role", "add", "Sykepleier"]);
            run(p, &["activity", "add", "Sette opp time", "--step", "far-time"]);
            run(p, &["raci", "set", "sette-opp-time", "sykepleier", "U"]);
        },
        |p| run(p, &["raci", "set", "sette-opp-time", "leder", "H"]),
    );
    case(
        "routines-owned",
        |p| {
            run(p, &["journey", "add", "Får time", "--journey", "future"]);
            run(p, &["activity", "add", "Sette opp time", "--step", "far-time"]);
            run(p, &["raci", "set", "sette-opp-time", "leder", "HU"]);
        },
        |p| {
            run(
                p,
                &["routine", "add", "Timebok", "--owner", "leder", "--activity", "sette-opp-time"],
            )
        },
    );
    case(
        "touchpoints-tested",
        |p| {
            run(
                p,
                &[
                    "touchpoint",
                    "add",
                    "Skjerm i venterommet",
                    "--channel",
                    "digital",
                    "--change",
                    "new",
                ],
            )
        },
        |p| run(p, &["touchpoint", "set", "skjerm", "--status", "tested"]),
    );
    case(
        "technology-assessed",
        |p| {
            run(
                p,
                &[
                    "tech",
                    "add",
                    "SMS-plattform",
                    "--decision",
                    "buy",
                    "--it-involved",
                    "2026-05-01",
                ],
            )
        },
        |p| {
            for c in ["user-needs", "integrations", "scalability", "security", "cost"] {
                run(p, &["tech", "assess", "sms", c, "4", "--note", "Godt nok"]);
            }
        },
    );
}

#[test]
fn development_rules_on_benefits() {
    case(
        "benefits-complete",
        |p| p.write("benefits/kortere-ventetid.toml", BENEFIT),
        |p| {
            let text = format!(
                "{BENEFIT}preconditions = [\"SMS-plattformen er på plass\"]\n\n[[cost]]\nkind = \"one-off\"\namount = 40000\n"
            );
            p.write("benefits/kortere-ventetid.toml", &text);
            p.write("indicators/ventetid.toml", INDICATOR);
        },
    );
    case(
        "indicators-complete",
        |p| {
            p.write("benefits/kortere-ventetid.toml", BENEFIT);
            p.write(
                "indicators/ventetid.toml",
                "name = \"Ventetid\"\nbenefit = \"kortere-ventetid\"\nunit = \"minutter\"\n",
            );
        },
        benefit_and_indicator,
    );
}

#[test]
fn pilot_rules() {
    let full_plan = |p: &Project| {
        run(
            p,
            &[
                "pilot",
                "plan",
                "--goals",
                "Se om SMS virker",
                "--scope",
                "Kveldstid",
                "--start",
                "2026-03-01",
                "--end",
                "2026-05-31",
                "--participants",
                "Alle på kveldsvakt",
                "--information",
                "Plakat",
                "--training",
                "Kurs",
                "--error-handling",
                "Ring vakthavende",
                "--measurement",
                "Ventetid",
                "--observation",
                "To kvelder i uka",
                "--documentation",
                "Logg",
            ],
        )
    };
    case(
        "pilot-plan-complete",
        |p| run(p, &["pilot", "plan", "--goals", "Se om SMS virker"]),
        full_plan,
    );
    case("pilot-responsible", full_plan, |p| run(p, &["pilot", "plan", "--responsible", "leder"]));
    case(
        "pilot-measured",
        |p| {
            full_plan(p);
            benefit_and_indicator(p);
            p.write("measurements/ventetid/2026-06-15.toml", "value = 70\n");
        },
        |p| p.write("measurements/ventetid/2026-04-15.toml", "value = 75\n"),
    );
    case("pilot-findings", full_plan, |p| {
        run(p, &["pilot", "finding", "add", "Mange svarte ikke på SMS"])
    });
}

#[test]
fn transition_rules() {
    case(
        "suppliers-contracted",
        |p| p.write("suppliers/sms-leverandoren.toml", "name = \"SMS-leverandøren\"\n"),
        |p| {
            p.write(
                "suppliers/sms-leverandoren.toml",
                "name = \"SMS-leverandøren\"\ncontract = \"Avtale 2026/14\"\n",
            )
        },
    );
    case(
        "baselines-dated",
        |p| {
            run(p, &["pilot", "plan", "--start", "2026-03-01", "--end", "2026-05-31"]);
            p.write("benefits/kortere-ventetid.toml", BENEFIT);
            p.write("indicators/ventetid.toml", &INDICATOR.replace("2026-01-10", "2026-04-01"));
        },
        |p| p.write("indicators/ventetid.toml", INDICATOR),
    );
    case(
        "routines-reviewable",
        |p| run(p, &["routine", "add", "Timebok", "--owner", "leder"]),
        |p| {
            let text = p.read("routines/timebok.toml") + "review_every = \"12m\"\n";
            p.write("routines/timebok.toml", &text);
        },
    );
    case("service-owner", |_| {}, |p| run(p, &["owner", "leder"]));
}

#[test]
fn new_practice_rules() {
    case(
        "indicators-measured",
        |p| {
            benefit_and_indicator(p);
            p.write("measurements/ventetid/2026-08-01.toml", "value = 75\n");
        },
        |p| p.write("measurements/ventetid/2026-11-10.toml", "value = 70\n"),
    );
    case(
        "suppliers-reviewed",
        |p| {
            let s = "name = \"SMS-leverandøren\"\n\n[[review]]\ndate = 2025-06-01\nscore = 4\n";
            p.write("suppliers/sms-leverandoren.toml", s);
        },
        |p| {
            let s = p.read("suppliers/sms-leverandoren.toml")
                + "\n[[review]]\ndate = 2026-10-01\nscore = 3\n";
            p.write("suppliers/sms-leverandoren.toml", &s);
        },
    );
    case(
        "ideas-triaged",
        |p| {
            p.write(
                "ideas/kaffe.toml",
                "title = \"Kaffe\"\nstatus = \"new\"\nsubmitted = 2026-09-01\n",
            );
        },
        |p| p.assess("kaffe", 3, 2, None),
    );
    case(
        "needs-before-solutions",
        |p| {
            run(p, &["proposal", "add", "SMS-varsel", "--date", "2026-02-01"]);
            run(
                p,
                &[
                    "insight",
                    "add",
                    "Vet ikke hvor lenge",
                    "--method",
                    "interview",
                    "--respondent",
                    "user",
                    "--date",
                    "2026-03-01",
                ],
            );
        },
        |p| {
            run(
                p,
                &[
                    "insight",
                    "add",
                    "Lang ventetid",
                    "--method",
                    "statistics",
                    "--respondent",
                    "user",
                    "--date",
                    "2026-01-15",
                ],
            );
        },
    );
}

#[test]
fn every_automatic_rule_has_a_case_here() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let mut auto = std::collections::BTreeSet::new();
    // Each roadmap with its own first phase (an unknown phase stops every
    // command but check, init and phase set).
    for (roadmap, first) in [("ks-2018", "forankring"), ("samveis-2015", "for-du-starter")] {
        let text = p
            .read("veikart.toml")
            .replace("ks-2018", roadmap)
            .replace("samveis-2015", roadmap)
            .replace("\"forankring\"", &format!("\"{first}\""))
            .replace("\"for-du-starter\"", &format!("\"{first}\""));
        p.write("veikart.toml", &text);
        let json = p.run(["roadmap", "show", "--format", "json"]).success().json();
        for ph in json["phases"].as_array().cloned().unwrap_or_default() {
            for i in ph["items"].as_array().cloned().unwrap_or_default() {
                if i["evaluation"] == "auto" {
                    auto.insert(i["rule"].as_str().unwrap_or_default().to_string());
                }
            }
        }
    }
    let source = include_str!("checklist_rules.rs");
    for r in &auto {
        assert!(source.contains(&format!("\"{r}\",")), "no case for the auto rule {r}");
    }
    assert_eq!(auto.len(), 30, "{auto:?}");
}

#[test]
fn the_data_says_which_indicators_are_stale_and_since_when() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.run(["role", "add", "Leder"]).success();
    benefit_and_indicator(&p);
    p.write("indicators/klager.toml", &INDICATOR.replace("Ventetid", "Klager"));
    p.write("measurements/ventetid/2026-09-01.toml", "value = 75\n");
    let (passed, detail) = rule(&p, "indicators-measured");
    assert!(!passed);
    assert!(detail.starts_with("2 av 2 indikatorer"), "{detail}");
    assert!(detail.contains("ventetid (sist 2026-09-01)"), "{detail}");
    assert!(detail.contains("klager (aldri målt)"), "{detail}");
    // As of a day within the frequency, the measured one is fresh.
    let json = p
        .run(["--lang", "en", "checklist", "--all", "--format", "json", "--as-of", "2026-09-20"])
        .success()
        .json();
    let text = json.to_string();
    assert!(
        text.contains(
            "1 of 2 indicators have no measurement within their frequency: klager (never measured)"
        ),
        "{text}"
    );
}

#[test]
fn the_data_counts_one_record_as_one() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.write(
        "suppliers/sms-leverandoren.toml",
        "name = \"SMS-leverandøren\"\ncontract = \"Avtale 2026/14\"\n",
    );
    let (passed, detail) = rule(&p, "suppliers-contracted");
    assert!(passed, "{detail}");
    assert_eq!(detail, "den ene leverandøren har kontrakt");
    p.write(
        "suppliers/skjermleverandoren.toml",
        "name = \"Skjerm\"\ncontract = \"Avtale 2026/15\"\n",
    );
    assert_eq!(rule(&p, "suppliers-contracted").1, "alle 2 leverandører har kontrakt");
    let json = p.run(["--lang", "en", "checklist", "--all", "--format", "json"]).success().json();
    let text = json.to_string();
    assert!(text.contains("all 2 suppliers have a contract"), "{text}");
    assert!(!text.contains("all 1 "), "{text}");
}
