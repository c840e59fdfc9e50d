//! Issue 12, each bug it names as its own test: the records engine makes
//! every write obey the rules `check` enforces, and every reader agree with
//! `check`.

use crate::support::{Sandbox, assert_refused};

#[test]
fn proposal_estimate_refuses_an_ambiguous_amount_as_benefit_cost_add_does() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.run(["proposal", "add", "Skilt ved inngangen"]).success();
    p.run(["benefit", "add", "Kortere ventetid", "--type", "tid"]).success();
    let root = p.root.clone();
    for args in [
        &["proposal", "estimate", "skilt", "--cost", "1.200"][..],
        &["benefit", "cost", "add", "kortere", "--kind", "engangs", "--amount", "1.200"],
    ] {
        assert_refused(&p, &root, args, &["1.200", "tvetydig"]);
    }
    p.run(["proposal", "estimate", "skilt", "--cost", "1 200"]).success();
    let t: toml::Table = p.read("proposals/skilt-ved-inngangen.toml").parse().expect("TOML");
    assert_eq!(t["cost"].as_integer(), Some(1200));
}

/// A project with two roles, a step and an activity with an accountable role.
fn raci_project(sb: &Sandbox) -> crate::support::Project<'_> {
    let p = sb.init_project();
    for args in [
        &["role", "add", "Lege"][..],
        &["role", "add", "Sykepleier"],
        &["journey", "add", "Ringer legevakten"],
        &["activity", "add", "Vurdere hastegrad", "--step", "ringer"],
        &["raci", "set", "vurdere", "lege", "H"],
    ] {
        p.run(args).success();
    }
    p
}

#[test]
fn raci_set_refuses_a_second_accountable_role_with_checks_code() {
    let sb = Sandbox::new();
    let p = raci_project(&sb);
    let root = p.root.clone();
    for letters in ["H", "HU", "A", "ar"] {
        let run = assert_refused(
            &p,
            &root,
            &["raci", "set", "vurdere", "sykepleier", letters],
            &["activities/vurdere-hastegrad.toml", "[raci-many-accountable]"],
        );
        assert!(run.stderr.contains("ingenting ble endret"), "{run}");
    }
    // Work not done yet never blocks: the only H may become a U, and
    // `check` goes on reporting the missing H.
    p.run(["raci", "set", "vurdere", "lege", "U"]).success();
    let run = p.run(["check"]).code(1);
    assert!(run.stdout.contains("error[raci-no-accountable]"), "{run}");
    p.run(["raci", "set", "vurdere", "sykepleier", "H"]).success();
    p.run(["check"]).success();
}

#[test]
fn a_personal_identity_number_in_a_text_argument_is_refused() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.run(["stakeholder", "add", "Fagforbundet"]).success();
    let root = p.root.clone();
    // Made up, with check digits that hold; with and without the space.
    for args in [
        &["pilot", "finding", "add", "Bruker 150765 10013 fikk ikke SMS"][..],
        &["idea", "add", "Ringe tilbake", "--description", "Gjelder 15076510013"],
        &["stakeholder", "set", "fagforbundet", "--plan", "Kontakt 150765 10013"],
    ] {
        let run = assert_refused(&p, &root, args, &["fødselsnummer", "[personal-id]"]);
        assert!(run.stderr.contains("for eksempel"), "says what may be stored instead\n{run}");
        assert!(!run.stderr.contains("15076510013") && !run.stderr.contains("150765-"), "{run}");
    }
    assert!(!p.path("pilot-findings").exists(), "no file, so no file name with the number");
    // A number that only looks like one (its check digits fail) is fine.
    p.run(["pilot", "finding", "add", "Telefon 150765 10012 svarte ikke"]).success();
}

#[test]
fn a_second_stakeholder_of_the_same_name_is_refused_and_set_changes_the_first() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.run(["stakeholder", "add", "Fagforbundet", "--plan", "Møte hver måned"]).success();
    let root = p.root.clone();
    let run = assert_refused(
        &p,
        &root,
        &["stakeholder", "add", "Fagforbundet", "--plan", "Møte hver uke"],
        &["Fagforbundet", "[duplicate-name]"],
    );
    assert!(run.stderr.contains("veikart stakeholder set fagforbundet"), "{run}");
    assert!(!p.path("stakeholders/fagforbundet-2.toml").exists());
    let run = p.run(["stakeholder", "set", "fagforbundet", "--plan", "Møte hver uke"]).success();
    assert!(run.stderr.contains("Plan: Møte hver måned → Møte hver uke"), "{run}");
    // Kinds that record events allow the same title twice.
    p.run(["idea", "add", "Bedre skilting"]).success();
    assert_eq!(p.add_idea("Bedre skilting", &[]), "bedre-skilting-2");
}

/// The role «Legevaktsjef», the deviation «Køen var lang» found on `found`,
/// and its action «Ekstra vakt» owned by the role, due `due`.
fn deviation_with_action(p: &crate::support::Project, found: &str, due: &str) {
    p.run(["role", "add", "Legevaktsjef"]).success();
    p.run(["deviation", "add", "Køen var lang", "--date", found]).success();
    let action = ["deviation", "action", "koen", "Ekstra vakt", "--owner", "legevaktsjef"];
    p.run([&action[..], &["--due", due]].concat()).success();
}

#[test]
fn a_corrective_action_can_be_done_or_given_a_new_date_and_a_done_one_is_never_overdue() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.run(["role", "add", "Legevaktsjef"]).success();
    p.run(["deviation", "add", "Køen var lang", "--date", "2026-10-01"]).success();
    let action = ["deviation", "action", "koen", "Ekstra vakt", "--owner", "legevaktsjef"];
    p.run([&action[..], &["--due", "2026-11-01"]].concat()).success();
    p.run([&action[..], &["--due", "2026-11-15"]].concat()).success();
    let run = p.run(["check"]).success();
    assert_eq!(run.stdout.matches("warning[action-overdue]").count(), 2, "{run}");
    assert!(run.stdout.contains("veikart deviation action done koen-var-lang 1"), "{run}");

    let run = p.run(["deviation", "action", "done", "koen", "1", "--note", "Satt inn"]).success();
    assert!(run.stderr.contains("Tiltak 1, Utført: – → 2026-11-23"), "{run}");
    let run = p.run(["deviation", "action", "set", "koen", "2", "--due", "2026-12-15"]).success();
    assert!(run.stderr.contains("Tiltak 2, Frist: 2026-11-15 → 2026-12-15"), "{run}");
    let run = p.run(["check"]).success();
    assert!(!run.stdout.contains("action-overdue"), "{run}");
    let run = p.run(["deviation", "show", "koen"]).success();
    assert!(run.stdout.contains("(gjort 2026-11-23: Satt inn)"), "{run}");

    let root = p.root.clone();
    assert_refused(&p, &root, &["deviation", "action", "done", "koen", "1"], &["allerede"]);
    assert_refused(
        &p,
        &root,
        &["deviation", "action", "set", "koen", "3", "--due", "2027-01-01"],
        &["3"],
    );
    let j = p.run(["status", "--format", "json"]).success().json();
    assert_eq!(j["benefits"]["deviations"]["overdue_actions"], 0, "{j}");
}

#[test]
fn a_technology_option_is_chosen_or_rejected_with_a_reason_and_status_names_the_chosen_one() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.run(["tech", "add", "Pasientvarsling", "--decision", "buy", "--it-involved", "2026-09-01"])
        .success();
    p.run(["tech", "add", "Egen app", "--decision", "develop"]).success();
    let root = p.root.clone();
    assert_refused(&p, &root, &["tech", "choose", "pasient"], &["--reason"]);
    let run = p.run(["tech", "choose", "pasient", "--reason", "Dekker behovet"]).success();
    assert!(run.stderr.contains("Status: åpen → valgt"), "{run}");
    p.run(["tech", "reject", "egen", "--reason", "For dyr å drifte"]).success();
    let run = p.run(["status"]).success();
    assert!(run.stdout.contains("valgt: Pasientvarsling"), "{run}");
    assert!(run.stdout.contains("1 forkastet"), "{run}");
    let j = p.run(["report", "--format", "json"]).success().json();
    assert_eq!(j["technologies"][0]["id"], "pasientvarsling", "{j}");
    // The five-criteria item asks for scores only from options not rejected.
    for c in ["user-needs", "integrations", "scalability", "security", "cost"] {
        p.run(["tech", "assess", "pasient", c, "4", "--note", "Godt nok"]).success();
    }
    let item = p.rule_item("technology-assessed");
    assert_eq!(item["data"]["passed"], true, "the rejected option needs no scores: {item}");
}

#[test]
fn check_reports_every_problem_of_a_file_at_once() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.write(
        "ideas/a.toml",
        "title = \"A\"\nstatus = \"rejected\"\nsubmitted = 2026-11-01\nfeasibility = 9\nrelated = [\"a\"]\n",
    );
    let run = p.run(["check"]).code(1);
    for code in ["error[range]", "error[missing-reason]", "error[self-reference]"] {
        assert!(run.stdout.contains(code), "{code}\n{run}");
    }
    // A finding about a field that is already wrong is not reported twice.
    assert!(!run.stdout.contains("incomplete-assessment"), "{run}");
}

#[test]
fn status_stops_at_a_broken_answer_user_test_decision_or_supplier_file() {
    for (file, text) in [
        ("checklist/forankring/stakeholders.toml", "status = \"kanskje\"\n"),
        ("user-tests/skilt/2026-11-10.toml", "date = 2026-11-10\n"),
        ("decisions/2026-11-01-forankring-to-innsikt.toml", "from = \"forankring\"\n"),
        ("suppliers/telefoni.toml", "name = \"Telefoni\"\nscore = 3\n"),
    ] {
        let sb = Sandbox::new();
        let p = sb.init_project();
        p.write(file, text);
        for args in [&["status"][..], &["report"], &["checklist"]] {
            let (run, first) = p.run(args).failure();
            assert!(first.contains(&format!("{file}:")), "{args:?} names {file}\n{run}");
        }
        let run = p.run(["portfolio", ".."]).code(1);
        assert!(run.stdout.contains(file) || run.stderr.contains(file), "{run}");
    }
}

#[test]
fn an_unknown_phase_stops_every_command_but_check_init_and_phase_set() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.add_idea("Bedre skilting", &[]);
    let text = p.read("veikart.toml").replace("phase = \"forankring\"", "phase = \"pilot\"");
    p.write("veikart.toml", &text);
    let root = p.root.clone();
    for args in [
        &["status"][..],
        &["report"],
        &["idea", "list"],
        &["idea", "add", "Ny"],
        &["idea", "set", "bedre", "--tag", "x"],
        &["role", "add", "Lege"],
    ] {
        let run = assert_refused(&p, &root, args, &["veikart.toml:", "pilot"]);
        assert!(run.stderr.contains("veikart phase set"), "{run}");
    }
    let run = p.run(["portfolio", ".."]).code(1);
    assert!(run.stdout.contains("pilot"), "{run}");
    p.run(["check"]).code(1);
    p.run(["phase", "set", "pilotering", "--reason", "Rettet fasen", "--by", "K"]).success();
    p.run(["status"]).success();
}

#[test]
fn after_a_role_is_removed_by_hand_readers_agree_with_check() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    for args in [
        &["role", "add", "Lege"][..],
        &["role", "add", "Sykepleier"],
        &["journey", "add", "Ringer legevakten"],
        &["activity", "add", "Vurdere hastegrad", "--step", "ringer"],
        &["raci", "set", "vurdere", "lege", "H"],
        &["raci", "set", "vurdere", "sykepleier", "U"],
    ] {
        p.run(args).success();
    }
    let run = p.run(["status"]).success();
    assert!(run.stdout.contains("reglene holder"), "{run}");
    std::fs::remove_file(p.path("roles/sykepleier.toml")).expect("rm");
    let run = p.run(["check"]).code(1);
    assert!(run.stdout.contains("error[dangling-ref]"), "{run}");
    for args in [&["status"][..], &["checklist", "tjenesteutvikling"], &["raci", "show"]] {
        let (run, first) = p.run(args).failure();
        assert!(first.contains("activities/vurdere-hastegrad.toml:"), "{args:?}\n{run}");
        assert!(!run.stdout.contains("reglene holder"), "{run}");
    }
}

#[test]
fn an_empty_raci_matrix_does_not_hold() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.run(["role", "add", "Lege"]).success();
    p.run(["journey", "add", "Ringer legevakten"]).success();
    let run = p.run(["status"]).success();
    assert!(!run.stdout.contains("reglene holder"), "no activities: nothing holds yet\n{run}");
    assert!(run.stdout.contains("ingen aktiviteter ennå"), "{run}");
    let item = p.rule_item("future-journey-raci");
    assert_eq!(item["data"]["passed"], false, "{item}");
}

#[test]
fn counts_agree_with_their_nouns_and_raci_set_reads_as_bokmal() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    // No roles yet: the error says how to add one.
    let (run, _) = p.run(["owner", "lege"]).failure();
    assert!(run.stderr.contains("veikart role add"), "{run}");
    p.run(["role", "add", "Lege"]).success();
    let run = p.run(["check"]).success();
    assert!(run.stderr.contains("1 advarsel."), "{run}");
    p.run(["role", "add", "Sykepleier"]).success();
    let run = p.run(["check"]).success();
    assert!(run.stderr.contains("2 advarsler."), "{run}");
    p.run(["journey", "add", "Ringer legevakten"]).success();
    p.run(["activity", "add", "Vurdere hastegrad", "--step", "ringer"]).success();
    for (letters, word) in [
        ("I", "informert (I)"),
        ("K", "konsultert (K)"),
        ("HU", "hovedansvarlig og utførende (HU)"),
    ] {
        let run = p.run(["raci", "set", "vurdere", "sykepleier", letters]).success();
        assert!(run.stderr.contains(&format!("sykepleier er nå {word} på vurdere")), "{run}");
    }
}

#[test]
fn the_benefit_item_names_exactly_what_each_benefit_lacks() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.run(["benefit", "add", "Kortere ventetid", "--type", "tid", "--precondition", "Ny telefon"])
        .success();
    let item = p.rule_item("benefits-complete");
    let detail = item["data"]["detail"].as_str().unwrap_or_default();
    assert!(detail.starts_with("1 av 1 gevinst er ikke fullstendig: "), "{item}");
    assert!(detail.contains("kortere-ventetid mangler kostnader og indikator"), "{item}");
    assert!(!detail.contains("forutsetninger"), "it has preconditions: {item}");
}

#[test]
fn dates_of_what_has_happened_are_refused_in_checks_words_when_out_of_order_or_ahead() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    deviation_with_action(&p, "2026-10-01", "2026-11-01");
    p.run(["routine", "add", "Ringe tilbake", "--owner", "legevaktsjef"]).success();
    let root = p.root.clone();
    // Before the deviation was found: the rule check has, with its code.
    for args in [
        &["deviation", "action", "done", "koen", "1", "--date", "2026-09-30"][..],
        &["deviation", "close", "koen", "--note", "Løst", "--date", "2026-09-30"],
    ] {
        let run =
            assert_refused(&p, &root, args, &["deviations/koen-var-lang.toml", "[date-order]"]);
        assert!(run.stderr.contains("ble funnet (2026-10-01)"), "{run}");
    }
    // After today (2026-11-23): it has not happened yet.
    for args in [
        &["deviation", "action", "done", "koen", "1", "--date", "2026-12-24"][..],
        &["deviation", "close", "koen", "--note", "Løst", "--date", "2026-12-24"],
        &["routine", "review", "ringe", "--date", "2026-12-24"],
    ] {
        let run =
            assert_refused(&p, &root, args, &["--date 2026-12-24 er etter i dag (2026-11-23)"]);
        assert!(run.stderr.contains("utelat --date"), "{run}");
    }
    // An action marked done by hand before the deviation: check says the same.
    p.run(["deviation", "action", "done", "koen", "1"]).success();
    let text =
        p.read("deviations/koen-var-lang.toml").replace("done = 2026-11-23", "done = 2026-09-01");
    p.write("deviations/koen-var-lang.toml", &text);
    let run = p.run(["check"]).code(1);
    assert!(run.stdout.contains("error[date-order]"), "{run}");
    assert!(run.stdout.contains("tiltak 1 ble gjort (2026-09-01) før avviket ble funnet"), "{run}");
}

#[test]
fn plan_and_pilot_dates_are_refused_in_checks_words() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.run(["benefit", "add", "Kortere ventetid", "--type", "tid"]).success();
    let root = p.root.clone();
    let plan = [
        "benefit",
        "plan",
        "kortere",
        "--indicator",
        "Ventetid",
        "--unit",
        "min",
        "--by",
        "2027-06-30",
    ];
    let run = assert_refused(
        &p,
        &root,
        &[&plan[..], &["--baseline", "40", "--target", "40"]].concat(),
        &["[target-equals-baseline]", "målverdien er lik nullpunktet"],
    );
    assert!(run.stderr.contains("bedre enn nullpunktet"), "{run}");
    assert!(!p.path("indicators").exists(), "{run}");
    assert_refused(
        &p,
        &root,
        &["pilot", "plan", "--start", "2027-02-01", "--end", "2027-01-01"],
        &["piloten slutter (2027-01-01) før den starter (2027-02-01) [date-order]"],
    );
    p.run(["pilot", "plan", "--start", "2027-02-01"]).success();
    assert_refused(
        &p,
        &root,
        &["pilot", "plan", "--end", "2027-01-01"],
        &["pilot/plan.toml:2:1:", "[date-order]"],
    );
}

#[test]
fn a_benefit_due_or_a_technology_decided_before_it_was_recorded_is_refused() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let root = p.root.clone();
    let run = assert_refused(
        &p,
        &root,
        &["benefit", "add", "Kortere ventetid", "--type", "tid", "--due", "2026-01-01"],
        &["[date-order]", "(2026-01-01) før den ble registrert (2026-11-23)"],
    );
    assert!(!p.path("benefits").exists(), "{run}");
    p.run(["tech", "add", "Ny telefonløsning", "--date", "2026-11-01"]).success();
    assert_refused(
        &p,
        &root,
        &["tech", "choose", "ny", "--reason", "Billigst", "--date", "2026-10-01"],
        &["technologies/ny-telefonlosning.toml:", "[date-order]"],
    );
    p.run(["tech", "choose", "ny", "--reason", "Billigst", "--date", "2026-11-10"]).success();
    p.run(["check"]).success();
}

#[test]
fn a_value_with_no_target_to_judge_it_by_is_not_called_no_data() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.plan_waiting_time("Ventetid", &["--baseline-date", "2026-10-01"]);
    p.run(["measure", "record", "ventetid", "30", "--date", "2026-11-01"]).success();
    p.run(["measure", "record", "ventetid", "28", "--date", "2026-11-15"]).success();
    let text = p.read("indicators/ventetid.toml").replace("target = 20\n", "");
    p.write("indicators/ventetid.toml", &text);
    let run = p.run(["status"]).success();
    assert!(run.stdout.contains("ventetid  mangler nullpunkt eller mål: 28 min"), "{run}");
    assert!(!run.stdout.contains("ingen data"), "{run}");
    let j = p.run(["status", "--format", "json"]).success().json();
    assert_eq!(j["benefits"]["indicator_states"]["no-plan"], 1, "{j}");
    assert_eq!(j["benefits"]["indicator_states"]["no-data"], 0, "{j}");
    // A shortened grouped id that fits two values says so.
    let root = p.root.clone();
    assert_refused(
        &p,
        &root,
        &["measure", "show", "ventetid/2026-11"],
        &["passer til flere målinger: ventetid/2026-11-01, ventetid/2026-11-15"],
    );
    let run = p.run(["measure", "show", "ventetid/2026-11-0"]).success();
    assert!(run.stdout.contains("30"), "{run}");
}

#[test]
fn help_in_bokmal_names_defaults_and_choices_in_bokmal() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let run = p.run(["measure", "--help"]).success();
    assert!(run.stdout.contains("[standard: auto] [mulige verdier: auto, always, never]"), "{run}");
    assert!(!run.stdout.contains("[default:") && !run.stdout.contains("possible values"), "{run}");
    let run = p.run(["--lang", "en", "measure", "--help"]).success();
    assert!(run.stdout.contains("[default: auto] [possible values: auto, always, never]"), "{run}");
}

#[test]
fn bad_numbers_conflicting_options_and_hidden_characters_get_a_clear_refusal() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.run(["role", "add", "Legevaktsjef"]).success();
    p.run(["deviation", "add", "Køen var lang"]).success();
    p.run(["idea", "add", "Ringe tilbake"]).success();
    p.run(["pilot", "finding", "add", "Mange ringte to ganger"]).success();
    let root = p.root.clone();
    // An action number: a number from 1, and a deviation without actions says so.
    for n in ["x", "0", "-1", "99999999999999999999999"] {
        assert_refused(
            &p,
            &root,
            &["deviation", "action", "done", "koen", n],
            &["numrene begynner på 1"],
        );
    }
    assert_refused(
        &p,
        &root,
        &["deviation", "action", "done", "koen", "1"],
        &["har ingen tiltak ennå"],
    );
    assert_refused(&p, &root, &["status", "--top", "-3"], &["«-3» er ikke et helt tall fra 0"]);
    // One field both given and removed.
    assert_refused(
        &p,
        &root,
        &["idea", "assess", "ringe", "--cost", "3", "--unset", "cost"],
        &["--cost og --unset cost kan ikke brukes sammen"],
    );
    assert_refused(
        &p,
        &root,
        &["role", "set", "legevaktsjef", "--description", "Leder", "--unset", "description"],
        &["--description og --unset description kan ikke brukes sammen"],
    );
    assert_refused(
        &p,
        &root,
        &["role", "set", "legevaktsjef", "--description", ""],
        &["bruk --unset description"],
    );
    assert_refused(
        &p,
        &root,
        &["role", "set", "legevaktsjef", "--unset", "name"],
        &["fordi en rolle alltid må ha det"],
    );
    // A kind with no optional field has no --unset.
    let run = p.run(["pilot", "finding", "set", "--help"]).success();
    assert!(!run.stdout.contains("--unset"), "{run}");
    // Characters that hide or turn text around.
    assert_refused(&p, &root, &["idea", "add", "God\u{202e}idé"], &["usynlig tegn (U+202E)"]);
    assert_refused(
        &p,
        &root,
        &["role", "set", "legevaktsjef", "--description", "Leder\u{2066}x"],
        &["usynlig tegn (U+2066)"],
    );
    p.write("roles/skjult.toml", "name = \"Sj\u{200b}ef\"\n");
    let run = p.run(["check"]).code(1);
    assert!(run.stdout.contains("roles/skjult.toml:1:8: error[hidden-character]"), "{run}");
    std::fs::remove_file(p.path("roles/skjult.toml")).expect("remove");
    // A type in Bokmål words.
    p.write("roles/tall.toml", "name = 5\n");
    let run = p.run(["check"]).code(1);
    assert!(run.stdout.contains("`name` skal være tekst, men er et heltall"), "{run}");
    std::fs::remove_file(p.path("roles/tall.toml")).expect("remove");
    // A name Windows keeps for a device gets a suffix.
    assert_eq!(p.run(["role", "add", "Aux"]).success().stdout.trim(), "aux-1");
}

#[test]
fn phases_by_prefix_folders_without_identity_numbers_and_done_notes_in_the_report() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let run = p.run(["checklist", "pil"]).success();
    assert!(run.stdout.starts_with("Sjekkliste for Pilotering"), "{run}");
    let run = sb.run(&sb.work, ["init", "sak-15076510013", "--name", "T", "--municipality", "X"]);
    assert_eq!(run.code, 2, "{run}");
    assert!(run.stderr.contains("fødselsnummer") && run.stderr.contains("[personal-id]"), "{run}");
    assert!(!sb.work.join("sak-15076510013").exists());

    deviation_with_action(&p, "2026-11-01", "2026-12-01");
    p.run(["deviation", "action", "done", "koen", "1", "--note", "Satt inn en vakt til"]).success();
    let run = p.run(["deviation", "show", "koen"]).success();
    assert!(run.stdout.contains("(gjort 2026-11-23: Satt inn en vakt til)"), "{run}");
    let run = p.run(["report"]).success();
    assert!(
        run.stdout.contains("Ekstra vakt — Legevaktsjef, gjort 2026-11-23: Satt inn en vakt til"),
        "{run}"
    );
    let j = p.run(["report", "--format", "json"]).success().json();
    let action = &j["deviations"][0]["actions"][0];
    assert_eq!(action["done"], "2026-11-23", "{j}");
    assert_eq!(action["note"], "Satt inn en vakt til", "{j}");

    // A duplicate after a merge: check points at the second record.
    p.write("roles/legevaktsjef-2.toml", "name = \"Legevaktsjef\"\n");
    let run = p.run(["check"]).code(1);
    assert!(run.stdout.contains("`veikart role set legevaktsjef-2 --name …`"), "{run}");
    assert!(run.stdout.contains("`veikart role rm legevaktsjef-2`"), "{run}");
}

#[test]
fn reopening_an_idea_removes_its_decision_and_answers_print_json() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.run(["idea", "add", "Ringe tilbake"]).success();
    p.run(["idea", "set", "ringe", "--status", "parkert", "--reason", "Venter på budsjett"])
        .success();
    let run = p.run(["idea", "set", "ringe", "--status", "ny"]).success();
    assert!(run.stderr.contains("Besluttet: 2026-11-23 → –"), "{run}");
    let text = p.read("ideas/ringe-tilbake.toml");
    assert!(!text.contains("decided") && !text.contains("reason"), "{text}");

    let j = p
        .run(["checklist", "tick", "forankring", "problem", "--by", "Kari", "--format", "json"])
        .success()
        .json();
    assert_eq!(j["path"], "checklist/forankring/problem-and-goals.toml", "{j}");
    let j = p
        .run([
            "checklist",
            "tick",
            "forankring",
            "problem",
            "--by",
            "Kari",
            "--note",
            "Vedtatt",
            "--format",
            "json",
        ])
        .success()
        .json();
    assert_eq!(j["changes"][0]["field"], "note", "{j}");
    assert_eq!(j["changes"][0]["new"], "Vedtatt", "{j}");
    let root = p.root.clone();
    assert_refused(
        &p,
        &root,
        &["checklist", "p"],
        &["«p» passer til flere faser: pilotering, ny-praksis"],
    );
}

#[test]
fn init_and_the_list_of_schemas_answer_in_json() {
    let sb = Sandbox::new();
    let j = sb
        .run(&sb.work, ["init", "nytt", "--name", "Nytt prosjekt", "--format", "json"])
        .success()
        .json();
    assert_eq!(j["path"], "nytt/veikart.toml", "{j}");
    assert_eq!(j["phase"]["id"], "forankring", "{j}");
    let p = sb.init_project();
    let j = p.run(["schema", "--format", "json"]).success().json();
    let names: Vec<&str> =
        j["schemas"].as_array().expect("list").iter().filter_map(|s| s["name"].as_str()).collect();
    assert!(names.contains(&"ideas") && names.contains(&"roadmap"), "{j}");
    let root = p.root.clone();
    assert_refused(&p, &root, &["schema", "--format", "md"], &["kan ikke skrive --format md"]);
}
