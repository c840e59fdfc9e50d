//! `veikart report` (Markdown, HTML, JSON) and `veikart portfolio DIR`.

use std::path::PathBuf;

use crate::support::{Sandbox, snapshot, write};

fn example() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/fjordvik-legevakt")
}

fn on_example(sb: &Sandbox, args: &[&str]) -> crate::support::Run {
    let dir = example();
    let mut all = vec!["-C", dir.to_str().expect("utf-8 path")];
    all.extend_from_slice(args);
    sb.run(&sb.work, &all)
}

#[test]
fn report_in_markdown_shows_phase_open_items_benefit_plan_charts_and_deviations() {
    let sb = Sandbox::new();
    let before = snapshot(&example());
    let run = on_example(&sb, &["report"]).success();
    let md = &run.stdout;
    assert!(md.starts_with("# Fremdriftsrapport: Trygg vei gjennom legevakten\n"), "{run}");
    assert!(md.contains("Fjordvik kommune · Legevakt · per 2026-11-23"), "{run}");
    assert!(md.contains("Ny praksis (fase 6 av 6)"), "{run}");
    assert!(md.contains("11 av 12 punkter ferdige"), "{run}");
    // The one honestly unfinished item, with its answer.
    assert!(md.contains("*(fortsatt åpen)*"), "{run}");
    // One table row per indicator, with its state, and a chart per measured indicator.
    assert!(
        md.contains(
            "| Kortere ventetid i telefonkøen | Ventetid i telefonkø | 14 min | 5 min | 2027-06-30 | 7 min | 78 % ████████░░ | ↑ bedre | på plan |"
        ),
        "{run}"
    );
    // A chart per measured indicator, and one of the economics' cumulative net.
    assert_eq!(md.matches("xychart-beta").count(), 5, "{run}");
    assert!(md.contains("## Gevinster og kostnader 2026–2035"), "{run}");
    // Quarters to the deadline (issue 16): the latest value in each.
    assert!(md.contains("    line [13.5, 11.5, 9.5, 8, 7]"), "values with a decimal point\n{run}");
    // The open deviation with its actions, the owner by name.
    assert!(md.contains("- **Telefonkøen over 20 minutter en fredagskveld**"), "{run}");
    assert!(md.contains("frist 2026-12-11"), "{run}");
    assert!(!md.contains("— enhetsleder-legevakt,"), "owners are named, not ids\n{run}");
    assert!(md.contains("`veikart check` fant ingen problemer"), "{run}");
    assert_eq!(before, snapshot(&example()), "a report never writes");
}

#[test]
fn report_as_json_has_the_series_up_to_as_of_and_english_with_lang_en() {
    let sb = Sandbox::new();
    let run = on_example(&sb, &["report", "--format", "json", "--as-of", "2026-06-15"]).success();
    let j = run.json();
    assert_eq!(j["version"], 2);
    assert_eq!(j["as_of"], "2026-06-15");
    assert_eq!(j["phase"]["id"], "tjenesteutvikling");
    let inds = j["indicators"].as_array().expect("indicators");
    assert_eq!(inds.len(), 4);
    let phone = inds.iter().find(|i| i["unit"] == "min").expect("phone queue indicator");
    let series = phone["series"].as_array().expect("series");
    // 2025-11-01 … 2026-06-01: eight monthly values, none after --as-of.
    assert_eq!(series.len(), 8, "{phone}");
    assert_eq!(series.last().expect("a value")["date"], "2026-06-01");
    assert_eq!(phone["latest"], 9.5);
    for key in ["checklist", "check", "deviations", "ideas", "suppliers", "logs"] {
        assert!(j.get(key).is_some(), "missing {key}: {j}");
    }

    let run = on_example(&sb, &["--lang", "en", "report"]).success();
    assert!(run.stdout.starts_with("# Progress report: "), "{run}");
    assert!(run.stdout.contains("## Benefit realisation"), "{run}");
}

#[test]
fn report_in_html_is_one_page_with_a_chart_per_measured_indicator_and_escaped_text() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let idea = p.add_idea("Skilt <b>og</b> kart & piler", &[]);
    p.assess(&idea, 4, 4, Some(2));
    p.plan_waiting_time("Ventetid", &[]);
    p.run(["measure", "record", "ventetid", "35", "--date", "2026-09-01"]).success();
    p.run(["measure", "record", "ventetid", "30,5", "--date", "2026-10-01"]).success();
    let before = p.snapshot();
    let run = p.run(["report", "--format", "html"]).success();
    let html = &run.stdout;
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"nb\">"), "{run}");
    assert!(html.trim_end().ends_with("</html>"), "{run}");
    assert_eq!(html.matches("<svg ").count(), 1, "{run}");
    assert_eq!(html.matches("<circle ").count(), 2, "one point per value\n{run}");
    assert!(html.contains("<title>2026-10-01 30,5"), "{run}");
    assert!(html.contains("Skilt &lt;b&gt;og&lt;/b&gt; kart &amp; piler"), "{run}");
    assert!(!html.contains("<b>og</b>"), "user text is escaped\n{run}");
    assert_eq!(before, p.snapshot(), "a report never writes");

    // Formats it does not have are refused with exit 2.
    let run = p.run(["report", "--format", "csv"]).code(2);
    assert!(run.stderr.contains("csv"), "{run}");
}

#[test]
fn portfolio_lists_every_project_in_a_tree_and_flags_one_it_cannot_read() {
    let sb = Sandbox::new();
    let root = sb.work.join("kommune");
    for (dir, name) in [("legevakt", "Trygg legevakt"), ("helse/hjemmetjeneste", "Digitalt tilsyn")]
    {
        sb.run(&sb.work, ["init", &format!("kommune/{dir}"), "--name", name]).success();
    }
    // A hidden folder is not searched.
    sb.run(&sb.work, ["init", "kommune/.gammel", "--name", "Skjult"]).success();
    sb.run(&root.join("legevakt"), ["idea", "add", "Bedre skilting"]).success();

    let before = snapshot(&root);
    let run = sb.run(&sb.work, ["portfolio", "kommune"]).success();
    let lines = run.out_lines();
    assert!(lines[0].starts_with("MAPPE"), "{run}");
    let hjem = lines.iter().position(|l| l.starts_with("helse/hjemmetjeneste")).expect("listed");
    let lege = lines.iter().position(|l| l.starts_with("legevakt")).expect("listed");
    assert!(hjem < lege, "sorted by folder\n{run}");
    assert!(lines[lege].contains("Trygg legevakt") && lines[lege].contains("Forankring (1/6)"));
    assert!(!run.stdout.contains("Skjult"), "{run}");
    assert!(run.stderr.contains("2 prosjekter per 2026-11-23."), "{run}");

    let j = sb.run(&sb.work, ["portfolio", "kommune", "--format", "json"]).success().json();
    let projects = j["projects"].as_array().expect("projects");
    assert_eq!(projects.len(), 2, "{j}");
    assert_eq!(projects[1]["path"], "legevakt");
    assert_eq!(projects[1]["idea_count"], 1);
    assert_eq!(projects[1]["phase"]["id"], "forankring");
    assert_eq!(projects[1]["error"], serde_json::Value::Null);

    // A broken project is listed with the reason, and the exit code says so.
    write(&root.join("ødelagt/veikart.toml"), "name = \"Halvferdig\nphase = 3\n");
    let run = sb.run(&sb.work, ["portfolio", "kommune"]).code(1);
    assert!(run.stdout.contains("ødelagt"), "{run}");
    assert!(run.stderr.contains("ødelagt/veikart.toml"), "names the file\n{run}");
    let run = sb.run(&sb.work, ["portfolio", "kommune", "--format", "md"]).code(1);
    assert!(run.stdout.starts_with("# Portefølje per 2026-11-23\n"), "{run}");
    assert!(run.stdout.contains("| legevakt | Trygg legevakt |"), "{run}");
    std::fs::remove_dir_all(root.join("ødelagt")).expect("remove");
    assert_eq!(before, snapshot(&root), "portfolio never writes");
}

#[test]
fn portfolio_of_a_missing_folder_fails_and_of_an_empty_one_says_so() {
    let sb = Sandbox::new();
    let (_, first) = sb.run(&sb.work, ["portfolio", "finnes-ikke"]).failure();
    assert!(first.contains("finnes-ikke er ikke en mappe"), "{first}");
    std::fs::create_dir_all(sb.work.join("tom")).expect("mkdir");
    let run = sb.run(&sb.work, ["portfolio", "tom"]).success();
    assert!(run.stdout.is_empty(), "{run}");
    assert!(run.stderr.contains("Fant ingen veikart-prosjekter"), "{run}");
    let j = sb.run(&sb.work, ["portfolio", "tom", "--format", "json"]).success().json();
    assert_eq!(j["projects"], serde_json::json!([]));
}

#[test]
fn report_output_writes_one_file_whose_extension_picks_the_format() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let out = sb.work.join("rapporter");
    std::fs::create_dir_all(&out).expect("mkdir");
    let html = out.join("status.html");
    let run = p.run(["report", "--output", html.to_str().expect("utf-8")]).success();
    assert!(run.stdout.is_empty(), "{run}");
    assert!(run.stderr.contains("Skrev rapporten til"), "{run}");
    assert!(std::fs::read_to_string(&html).expect("written").starts_with("<!DOCTYPE html>"));
    let json = out.join("status.json");
    p.run(["report", "-o", json.to_str().expect("utf-8")]).success();
    let text = std::fs::read_to_string(&json).expect("written");
    let j: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(j["project"]["name"], "Digital legevakt");
    // --format wins over the extension.
    p.run(["report", "-o", json.to_str().expect("utf-8"), "--format", "md"]).success();
    assert!(std::fs::read_to_string(&json).expect("written").starts_with("# Fremdriftsrapport"));

    // A folder as --output is refused, and nothing changes.
    let before = snapshot(&sb.work);
    let (_, first) = p.run(["report", "-o", out.to_str().expect("utf-8")]).failure();
    assert!(first.contains("er en mappe"), "{first}");
    assert_eq!(before, snapshot(&sb.work));
}

#[test]
fn a_broken_record_stops_the_report_and_other_problems_are_counted_at_its_end() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let good = p.add_idea("Bedre skilting", &[]);
    p.assess(&good, 5, 5, Some(1));
    // Work not done yet (an activity still without H and U) is counted at
    // the end of the report, as errors `check` reports.
    p.run(["journey", "add", "Ringer legevakten"]).success();
    p.run(["activity", "add", "Svare på telefonen", "--step", "ringer"]).success();
    let run = p.run(["report"]).success();
    assert!(run.stdout.contains("1. Bedre skilting"), "{run}");
    assert!(run.stdout.contains("`veikart check` fant 2 feil"), "{run}");
    assert!(run.stdout.contains("Kjør `veikart check` for å se dem."), "{run}");

    // A reference to an idea that does not exist is a contradiction: it
    // stops the report, file and line named (issue 12).
    let text = p.read(&format!("ideas/{good}.toml"));
    p.write(&format!("ideas/{good}.toml"), &format!("{text}related = [\"finnes-ikke\"]\n"));
    let (run, first) = p.run(["report"]).failure();
    assert!(first.contains(&format!("ideas/{good}.toml:")), "{run}");
    p.write(&format!("ideas/{good}.toml"), &text);

    // A file that is not TOML: refused like `status` refuses it, file and line named.
    p.write("ideas/halvferdig.toml", "title = \"Uten slutt\n");
    let before = p.snapshot();
    let (run, first) = p.run(["report"]).failure();
    assert!(first.contains("ideas/halvferdig.toml:1:"), "{run}");
    assert!(run.stdout.is_empty(), "{run}");
    assert_eq!(before, p.snapshot());
}

#[test]
fn report_as_of_shows_deviations_as_they_stood_that_day_as_status_does() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    p.run(["deviation", "add", "Køen for lang", "--date", "2026-11-01"]).success();
    p.run(["deviation", "close", "koen", "--note", "Ekstra vakt satt inn", "--date", "2026-11-20"])
        .success();
    let md = |as_of: &str| p.run(["report", "--as-of", as_of]).success().stdout;
    assert!(md("2026-11-10").contains("- **Køen for lang**"), "open on 2026-11-10");
    // A section with nothing to say is left out.
    assert!(!md("2026-11-23").contains("avvik"), "closed by 2026-11-23");
    assert!(!md("2026-10-01").contains("avvik"), "not found yet on 2026-10-01");
    let j = p.run(["status", "--as-of", "2026-11-10", "--format", "json"]).success().json();
    assert_eq!(j["benefits"]["deviations"]["open"], 1, "{j}");
}

#[test]
fn an_output_file_whose_ending_picks_no_format_is_refused_unless_format_chooses() {
    let sb = Sandbox::new();
    let p = sb.init_project();
    let before = p.snapshot();
    let (run, first) = p.run(["report", "-o", "rapport.pdf"]).failure();
    assert!(first.contains("`report` kan ikke skrive en .pdf-fil"), "{run}");
    assert!(run.stderr.contains(".md, .markdown, .html, .htm, .json"), "{run}");
    assert_eq!(before, p.snapshot(), "nothing written");
    p.run(["report", "-o", "rapport.txt", "--format", "md"]).success();
    assert!(p.read("rapport.txt").starts_with("# Fremdriftsrapport"));
    // With -o FILE.md, each indicator's chart is an SVG file beside it.
    p.plan_waiting_time("Ventetid", &[]);
    p.run(["measure", "record", "ventetid", "35", "--date", "2026-09-01"]).success();
    p.run(["report", "-o", "rapport.md"]).success();
    let md = p.read("rapport.md");
    assert!(md.contains("![Ventetid (min)](rapport-ventetid.svg)"), "{md}");
    assert!(!md.contains("```mermaid\n%%{init"), "no Mermaid for the indicator\n{md}");
    let svg = p.read("rapport-ventetid.svg");
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""), "{svg}");
    assert!(svg.contains("role=\"img\"") && svg.contains("<desc"), "{svg}");
}
