//! Benefit value and economics (issue 16): what a benefit is worth in NOK,
//! weighed against its costs year by year, in every format and wherever the
//! project is summed up.

use crate::support::{Project, Sandbox, example_copy};

/// A project with one benefit and its costs.
fn project(sb: &Sandbox) -> Project<'_> {
    let p = sb.init_project();
    p.run(["benefit", "add", "Kortere ventetid", "--type", "tid"]).success();
    p.run([
        "benefit", "cost", "add", "kortere", "--kind", "engangs", "--amount", "100 000", "--year",
        "2026",
    ])
    .success();
    p.run([
        "benefit", "cost", "add", "kortere", "--kind", "løpende", "--amount", "10 000", "--year",
        "2026",
    ])
    .success();
    p
}

#[test]
fn three_estimates_are_weighed_and_the_table_nets_and_pays_back() {
    let sb = Sandbox::new();
    let p = project(&sb);
    let run = p.run([
        "benefit",
        "value",
        "kortere",
        "--realised-as",
        "budsjett",
        "--gains",
        "kommune",
        "--pessimistic",
        "30 000",
        "--expected",
        "0,05 mill",
        "--optimistic",
        "100 000 kr",
        "--from-year",
        "2027",
    ]);
    run.success();
    let file = p.read("benefits/kortere-ventetid.toml");
    for line in [
        "realised_as = \"budget\"",
        "gains = [\"municipality\"]",
        "pessimistic = 30000",
        "expected = 50000",
        "optimistic = 100000",
        "from_year = 2027",
    ] {
        assert!(file.contains(line), "{line}\n{file}");
    }
    let j = p
        .run(["benefit", "economics", "--years", "5", "--rate", "0", "--format", "json"])
        .success();
    let e = &j.json()["economics"];
    assert_eq!(e["first_year"], 2026, "{e}");
    assert_eq!(e["last_year"], 2030, "{e}");
    // (30 000 + 3 × 50 000 + 100 000) / 5 = 56 000 a year from 2027.
    let nets: Vec<f64> = e["years"]
        .as_array()
        .expect("years")
        .iter()
        .map(|y| y["net"].as_f64().unwrap_or(f64::NAN))
        .collect();
    assert_eq!(nets, [-110_000.0, 46_000.0, 46_000.0, 46_000.0, 46_000.0], "{e}");
    // Cumulative: -110, -64, -18, 28, 74 (thousands).
    assert_eq!(e["payback_year"], 2029, "{e}");
    assert_eq!(e["net_present_value"], 74_000.0, "at 0 % it is the sum of the nets\n{e}");
    assert_eq!(e["net_present_value_pessimistic"], -110_000.0 + 4.0 * 20_000.0, "{e}");
    assert_eq!(e["net_present_value_optimistic"], -110_000.0 + 4.0 * 90_000.0, "{e}");

    // Discounted at 4 %: Σ net / 1.04^t.
    let j = p.run(["benefit", "economics", "--years", "5", "--format", "json"]).success().json();
    let npv: f64 = nets.iter().enumerate().map(|(t, n)| n / 1.04f64.powi(t as i32)).sum();
    let got = j["economics"]["net_present_value"].as_f64().unwrap_or(f64::NAN);
    assert!((got - npv).abs() < 0.006, "to the øre: {got} vs {npv}");

    let text = p.run(["benefit", "economics", "--years", "5"]).success();
    assert!(
        text.stdout.contains("Gevinster og kostnader 2026–2030 (kroner, faste priser)"),
        "{text}"
    );
    assert!(text.stdout.contains("Inntjent i 2029"), "{text}");
    assert!(text.stdout.contains("budsjettgevinst: 56 000 kr per år, vektet av pessimistisk 30 000 kr og optimistisk 100 000 kr, 2027–2030"), "{text}");

    let csv = p.run(["benefit", "economics", "--years", "5", "--format", "csv"]).success();
    let mut reader = csv::Reader::from_reader(csv.stdout.as_bytes());
    let headers = reader.headers().expect("headers").clone();
    assert_eq!(&headers[0], "År");
    assert_eq!(headers.len(), 11, "every column in CSV: {headers:?}");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 6, "five years and the sum");
    assert_eq!(&rows[0][9], "-110000", "{csv}");
    assert_eq!(&rows[5][0], "Sum", "{csv}");

    let md = p.run(["benefit", "economics", "--years", "5", "--format", "md"]).success();
    assert!(md.stdout.starts_with("## Gevinster og kostnader 2026–2030\n"), "{md}");
    assert!(
        md.stdout.contains("| 2027 | 56 000 | 56 000 | 0 | 10 000 | 10 000 | 46 000 | -64 000 |"),
        "{md}"
    );
}

#[test]
fn freed_hours_are_valued_at_the_hourly_cost_and_a_list_runs_year_by_year() {
    let sb = Sandbox::new();
    let p = project(&sb);
    p.run(["benefit", "value", "kortere", "--realised-as", "kapasitet", "--hours-per-year", "100"])
        .success();
    let e = p.run(["benefit", "economics", "--years", "2", "--format", "json"]).success().json();
    assert_eq!(e["economics"]["years"][0]["capacity"], 70_000.0, "700 kr an hour by default\n{e}");
    assert_eq!(e["economics"]["totals"]["hours"], 200.0, "{e}");
    // The project's own hourly cost.
    let toml = p.read("veikart.toml");
    p.write("veikart.toml", &format!("{toml}hourly_cost = 850\n"));
    let e = p.run(["benefit", "economics", "--years", "2", "--format", "json"]).success().json();
    assert_eq!(e["economics"]["years"][0]["capacity"], 85_000.0, "{e}");
    let text = p.run(["benefit", "economics", "--years", "2"]).success();
    assert!(text.stdout.contains("100 timer × 850 kr = 85 000 kr per år"), "{text}");

    // `--per-year` repeated is a list from --from-year; the rest of the value is replaced.
    p.run([
        "benefit",
        "value",
        "kortere",
        "--realised-as",
        "budget",
        "--per-year",
        "1,2 mill",
        "--per-year",
        "1 500 000",
        "--from-year",
        "2027",
    ])
    .success();
    let file = p.read("benefits/kortere-ventetid.toml");
    assert!(file.contains("[[yearly_amount]]\nyear = 2027\namount = 1200000\n"), "{file}");
    assert!(file.contains("[[yearly_amount]]\nyear = 2028\namount = 1500000\n"), "{file}");
    assert!(!file.contains("hours_per_year"), "{file}");
    let e = p.run(["benefit", "economics", "--years", "4", "--format", "json"]).success().json();
    let budget: Vec<f64> = e["economics"]["years"]
        .as_array()
        .expect("years")
        .iter()
        .map(|y| y["budget"].as_f64().unwrap_or(f64::NAN))
        .collect();
    assert_eq!(budget, [0.0, 1_200_000.0, 1_500_000.0, 0.0], "{e}");
}

#[test]
fn contradictions_and_ambiguous_amounts_are_refused_in_checks_words_and_nothing_changes() {
    let sb = Sandbox::new();
    let p = project(&sb);
    let before = p.snapshot();
    for (args, words) in [
        (&["--realised-as", "budsjett", "--per-year", "1.200"][..], "«1.200» er tvetydig"),
        (&["--realised-as", "budsjett", "--per-year", "-5"][..], "kan ikke være negativt"),
        (
            &["--realised-as", "budsjett", "--pessimistic", "100"][..],
            "trenger også et forventet og et optimistisk beløp [value-incomplete]",
        ),
        (
            &[
                "--realised-as",
                "budsjett",
                "--pessimistic",
                "300",
                "--expected",
                "200",
                "--optimistic",
                "400",
            ][..],
            "[value-order]",
        ),
        (&["--realised-as", "ikke-prissatt", "--per-year", "100"][..], "[value-non-priced]"),
        (
            &[
                "--realised-as",
                "budsjett",
                "--per-year",
                "100",
                "--expected",
                "1",
                "--pessimistic",
                "1",
                "--optimistic",
                "1",
            ][..],
            "[value-twice]",
        ),
        (
            &["--realised-as", "budsjett", "--per-year", "100", "--importance", "høy"][..],
            "[value-importance]",
        ),
        (&["--realised-as", "budsjett", "--hours-per-year", "10"][..], "[value-hours]"),
        (
            &["--realised-as", "budsjett", "--per-year", "100", "--reason", "fordi"][..],
            "[value-reason]",
        ),
        (&["--realised-as", "kanskje"][..], "«kanskje» er ikke en gyldig verdi"),
    ] {
        let mut full = vec!["benefit", "value", "kortere"];
        full.extend_from_slice(args);
        let run = p.run(&full).code(2);
        assert!(run.stderr.contains(words), "{words}\n{run}");
        assert_eq!(before, p.snapshot(), "{run}");
    }
    // The same rules in `check`, for a file edited by hand.
    let file = p.read("benefits/kortere-ventetid.toml");
    p.write(
        "benefits/kortere-ventetid.toml",
        &format!("realised_as = \"non-priced\"\nper_year = 100\n{file}"),
    );
    let run = p.run(["check"]).code(1);
    assert!(run.stdout.contains("[value-non-priced]"), "{run}");
    let run = p.run(["benefit", "economics", "--rate", "25"]).code(2);
    assert!(run.stderr.contains("mellom 0 og 20"), "{run}");
}

#[test]
fn non_priced_benefits_are_listed_beside_the_numbers_everywhere() {
    let sb = Sandbox::new();
    let p = example_copy(&sb);
    let text = p.run(["benefit", "economics"]).success();
    assert!(
        text.stdout.contains(
            "Ikke prissatte gevinster:\n  tryggere-pasienter-og-parorende  stor betydning: "
        ),
        "{text}"
    );
    let status = p.run(["status"]).success();
    let line =
        status.stdout.lines().find(|l| l.starts_with("Økonomi:")).expect("an economics line");
    assert!(
        line.contains("nåverdi ")
            && line.contains("over 10 år (4 %), inntjent 2027; 1 gevinst er ikke prissatt"),
        "{line}"
    );
    let j = p.run(["status", "--format", "json"]).success().json();
    let e = p.run(["benefit", "economics", "--format", "json"]).success().json();
    assert_eq!(
        j["benefits"]["economics"]["net_present_value"],
        e["economics"]["net_present_value"]
    );
    let md = p.run(["report"]).success();
    assert!(md.stdout.contains("## Gevinster og kostnader 2026–2035"), "{md}");
    assert!(md.stdout.contains("**Ikke prissatte gevinster**"), "{md}");
    assert!(md.stdout.contains("    title \"Akkumulert netto (kroner)\""), "{md}");
    let html = p.run(["report", "--format", "html"]).success();
    assert!(
        html.stdout
            .contains("<table class=\"economics\">\n<caption>Kroner i faste priser</caption>"),
        "html"
    );
    assert!(
        html.stdout.contains("aria-label=\"Akkumulert netto per år: 2026 -328 000 kr;"),
        "the chart states its numbers"
    );
    let portfolio = sb.run(&sb.work, ["portfolio", "--format", "json"]).success().json();
    assert_eq!(
        portfolio["projects"][0]["economics"]["net_present_value"],
        e["economics"]["net_present_value"]
    );
    assert_eq!(portfolio["totals"]["project_count"], 1);
    let list = p.run(["benefit", "list"]).success();
    assert!(list.stderr.contains("Økonomi: nåverdi "), "{list}");
    let show = p.run(["benefit", "show", "tryggere"]).success();
    assert!(show.stdout.contains("Verdi:             ikke prissatt, stor betydning: "), "{show}");
}

#[test]
fn diff_tells_how_a_change_moves_the_present_value() {
    let sb = Sandbox::new();
    let p = example_copy(&sb);
    sb.git(&p.root, ["init", "-q", "-b", "main"]).success();
    sb.git(&p.root, ["add", "."]).success();
    sb.git(&p.root, ["commit", "-qm", "Eksempelet"]).success();
    let before = p.run(["benefit", "economics", "--format", "json"]).success().json();
    p.run([
        "benefit",
        "value",
        "kortere",
        "--realised-as",
        "kapasitet",
        "--hours-per-year",
        "900",
        "--from-year",
        "2027",
    ])
    .success();
    let after = p.run(["benefit", "economics", "--format", "json"]).success().json();
    let d = p.run(["diff", "--format", "json"]).success().json();
    assert_eq!(
        d["economics"]["before"]["net_present_value"],
        before["economics"]["net_present_value"]
    );
    assert_eq!(
        d["economics"]["after"]["net_present_value"],
        after["economics"]["net_present_value"]
    );
    let text = p.run(["diff"]).success();
    assert!(text.stdout.contains("Økonomi\n  nåverdi 3 742 337 kr → "), "{text}");
    // A change that does not touch the benefits says nothing of economics.
    sb.git(&p.root, ["commit", "-qam", "Flere timer"]).success();
    p.run(["idea", "add", "Ny idé"]).success();
    let d = p.run(["diff", "--format", "json"]).success().json();
    assert_eq!(d["economics"], serde_json::Value::Null, "{d}");
}

#[test]
fn the_workbook_has_the_years_as_numbers_and_the_benefits_beside_them() {
    use calamine::{Data, Reader};
    let sb = Sandbox::new();
    let p = example_copy(&sb);
    let run = p.run(["benefit", "economics", "--format", "xlsx"]).code(2);
    assert!(run.stderr.contains("-o FIL"), "{run}");
    let file = sb.work.join("okonomi.xlsx");
    let run = p.run(["benefit", "economics", "-o", file.to_str().expect("path")]).success();
    assert!(run.stderr.contains("Skrev økonomien til"), "{run}");
    let first = std::fs::read(&file).expect("the workbook");
    p.run(["benefit", "economics", "-o", file.to_str().expect("path")]).success();
    assert_eq!(first, std::fs::read(&file).expect("again"), "the same bytes each time");
    let json = p.run(["benefit", "economics", "--format", "json"]).success().json();
    let mut book = calamine::open_workbook_auto(&file).expect("a workbook");
    assert_eq!(book.sheet_names(), ["Økonomi", "Gevinster"]);
    let years = book.worksheet_range("Økonomi").expect("the yearly sheet");
    assert_eq!(years.get((0, 0)), Some(&Data::String("År".into())));
    assert_eq!(years.get((1, 0)), Some(&Data::Float(2026.0)));
    // The net of the first year, as a number, as `--format json` has it.
    let net = json["economics"]["years"][0]["net"].as_f64().expect("net");
    assert_eq!(years.get((1, 8)), Some(&Data::Float(net)), "{years:?}");
    let benefits = book.worksheet_range("Gevinster").expect("the benefits sheet");
    let ids: Vec<String> = benefits.rows().skip(1).map(|r| r[0].to_string()).collect();
    assert!(ids.contains(&"tryggere-pasienter-og-parorende".to_string()), "{ids:?}");
}

#[test]
fn norwegian_words_work_with_spaces_as_they_are_written() {
    let sb = Sandbox::new();
    let p = project(&sb);
    p.run([
        "benefit",
        "value",
        "kortere",
        "--realised-as",
        "annen offentlig virksomhet",
        "--gains",
        "annen offentlig virksomhet",
        "--gains",
        "samfunn",
        "--per-year",
        "2 mill",
    ])
    .success();
    let file = p.read("benefits/kortere-ventetid.toml");
    assert!(file.contains("realised_as = \"other-public\""), "{file}");
    assert!(file.contains("gains = [\"other-public\", \"society\"]"), "{file}");
    assert!(file.contains("per_year = 2000000"), "{file}");
}

#[test]
fn a_value_given_again_changes_nothing_and_keeps_comments_and_places() {
    let sb = Sandbox::new();
    let p = example_copy(&sb);
    let rel = "benefits/kortere-ventetid-i-telefonkoen.toml";
    let file = p.read(rel);
    let commented =
        file.replace("hours_per_year = 600", "hours_per_year = 600 # 50 timer i måneden");
    p.write(rel, &commented);
    let before = p.snapshot();
    let args = [
        "benefit",
        "value",
        "kortere",
        "--realised-as",
        "kapasitet",
        "--gains",
        "kommune",
        "--gains",
        "bruker",
        "--hours-per-year",
        "600",
        "--from-year",
        "2027",
    ];
    let run = p.run(args).success();
    assert_eq!(before, p.snapshot(), "nothing written\n{run}");
    let mut changed = args.to_vec();
    changed[10] = "700";
    p.run(&changed).success();
    let after = p.read(rel);
    assert_eq!(
        after,
        commented.replace("hours_per_year = 600 #", "hours_per_year = 700 #"),
        "one value changed in its place"
    );
}

#[test]
fn negative_huge_and_doubled_values_are_refused_and_nothing_falls_out_unsaid() {
    let sb = Sandbox::new();
    let p = project(&sb);
    let before = p.snapshot();
    for (args, words) in [
        (&["--realised-as", "kapasitet", "--hours-per-year", "-3"][..], "[negative]"),
        (
            &["--realised-as", "kapasitet", "--per-year", "5", "--hours-per-year", "10"][..],
            "[value-twice]",
        ),
        (
            &["--realised-as", "budsjett", "--per-year", "99999999999999999999999"][..],
            "urimelig stort",
        ),
        (&["--realised-as", "budsjett", "--per-year", "1 2 3"][..], "grupper på tre"),
        (
            &["--realised-as", "budsjett", "--per-year", "1", "--per-year", "2", "--years", "1"][..],
            "[value-twice]",
        ),
        (&["--realised-as", "ikke-prissatt", "--from-year", "2027"][..], "[value-non-priced]"),
    ] {
        let mut full = vec!["benefit", "value", "kortere"];
        full.extend_from_slice(args);
        let run = p.run(&full).code(2);
        assert!(run.stderr.contains(words), "{words}\n{run}");
        assert_eq!(before, p.snapshot(), "{run}");
    }
    // A cost far ahead stretches the default calculation to reach it ...
    p.run([
        "benefit", "cost", "add", "kortere", "--kind", "engangs", "--amount", "5 mill", "--year",
        "2040",
    ])
    .success();
    let e = p.run(["benefit", "economics", "--format", "json"]).success().json();
    assert_eq!(e["economics"]["last_year"], 2040, "{e}");
    assert_eq!(e["economics"]["totals"]["one_off_costs"], 5_100_000.0, "{e}");
    // ... and with --years it is named, not silently dropped.
    let text = p.run(["benefit", "economics", "--years", "3"]).success();
    assert!(
        text.stdout.contains(
            "Utenfor beregningen, som slutter i 2028: en kostnad i 2040 (kortere-ventetid)."
        ),
        "{text}"
    );
}

#[test]
fn an_empty_project_has_nothing_to_weigh_and_no_payback() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let e = p.run(["benefit", "economics", "--format", "json"]).success().json();
    assert_eq!(e["economics"]["payback_year"], serde_json::Value::Null, "{e}");
    let text = p.run(["benefit", "economics"]).success();
    assert!(
        text.stdout.contains("Ingen gevinster er prissatt og ingen kostnader er ført ennå."),
        "{text}"
    );
    // A contradiction in a file stops it, as it stops status.
    p.run(["benefit", "add", "Kortere", "--type", "tid"]).success();
    let file = p.read("benefits/kortere.toml");
    p.write(
        "benefits/kortere.toml",
        &format!("pessimistic = 9\nexpected = 5\noptimistic = 10\n{file}"),
    );
    let run = p.run(["benefit", "economics"]).code(2);
    assert!(run.stderr.contains("benefits/kortere.toml:2:1: anslagene må stige"), "{run}");
}
