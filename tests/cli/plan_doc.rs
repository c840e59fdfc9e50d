//! `benefit plan-doc` (issue 16, item 5): the benefit realisation plan as a
//! document in Markdown, HTML and Excel, with real data from the example,
//! hostile titles escaped, and a change log only in a git repository.

use calamine::{Data, Reader};

use crate::support::{Project, Sandbox, assert_refused, example_copy};

/// An amount as the Norwegian document writes it: `1 200 000`.
fn grouped(v: f64) -> String {
    let digits = format!("{}", v.round().abs() as i64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    if v.round() < 0.0 { format!("-{out}") } else { out }
}

fn section<'a>(md: &'a str, heading: &str) -> &'a str {
    let start = md.find(&format!("\n## {heading}\n")).unwrap_or_else(|| {
        panic!("the document has a section «{heading}»:\n{md}");
    });
    let rest = &md[start + 4..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    &rest[..end]
}

#[test]
fn the_markdown_has_every_part_with_the_examples_data() {
    let sb = Sandbox::new();
    let p = example_copy(&sb);
    let md = p.run(["benefit", "plan-doc"]).success().stdout;
    assert!(md.starts_with("# Gevinstrealiseringsplan: Trygg vei gjennom legevakten"), "{md}");
    assert!(md.contains("Fjordvik kommune"), "{md}");

    let benefits = section(&md, "Gevinstene");
    for title in [
        "Færre unødvendige legevaktbesøk",
        "Kortere ventetid i telefonkøen",
        "Tryggere pasienter og pårørende",
    ] {
        assert!(benefits.contains(title), "{title}\n{benefits}");
    }
    assert!(benefits.contains("| 600 | timer per år | 420 000 |"), "{benefits}");
    assert!(benefits.contains("Telefonsamtale med sykepleier"), "an enabler's title\n{benefits}");
    assert!(benefits.contains("Kortere ventetid på telefon om kvelden"), "a goal\n{benefits}");
    assert!(benefits.contains("Enhetsleder legevakt"), "the owner by name\n{benefits}");

    // The figures are those of `benefit economics`.
    let e = p.run(["benefit", "economics", "--format", "json"]).success().json();
    let e = &e["economics"];
    let economy = section(&md, "Gevinster og kostnader år for år");
    for b in e["priced_benefits"].as_array().expect("priced") {
        let per_year = b["per_year"].as_f64().expect("per year");
        assert!(benefits.contains(&grouped(per_year)), "{per_year}\n{benefits}");
    }
    for y in e["years"].as_array().expect("years") {
        let row = format!("| {} |", y["year"].as_i64().expect("year"));
        let line = economy.lines().find(|l| l.starts_with(&row)).expect("a row per year");
        let net = grouped(y["net"].as_f64().expect("net"));
        assert!(line.contains(&format!("| {net} |")), "{line} has the net {net}");
    }
    let npv = grouped(e["net_present_value"].as_f64().expect("npv"));
    assert!(economy.contains(&format!("{npv} kr")), "{npv}\n{economy}");

    let uses = section(&md, "Slik skal gevinstene brukes");
    assert!(uses.contains("600 timer i året"), "{uses}");
    assert!(uses.contains("kommunens eget budsjett"), "{uses}");
    assert!(uses.contains("Innringere skal slippe"), "the description is used\n{uses}");
    assert!(section(&md, "Andre offentlige virksomheter").contains("Ingen gevinst"));
    let non_priced = section(&md, "Gevinster som ikke er prissatt");
    assert!(non_priced.contains("| Tryggere pasienter og pårørende | stor |"), "{non_priced}");

    let actions = section(&md, "Tiltak og risiko");
    for text in [
        "Sette inn en ekstra sykepleier på telefon fredag kveld til årsskiftet",
        "Be Nordlys om varsling når tilbakeringingen stopper",
        "2026-12-18",
        "Ny telefonløsning med tilbakeringing er i drift",
    ] {
        assert!(actions.contains(text), "{text}\n{actions}");
    }

    let indicators = section(&md, "Måleindikatorer");
    assert!(
        indicators.contains(
            "| Ventetid i telefonkø | Kortere ventetid i telefonkøen | min | Rapport fra telefonsystemet, snitt per måned | 14 | 2025-10-01 | 5 | 2027-06-30 | månedlig |"
        ),
        "{indicators}"
    );
    assert!(indicators.contains("| Sekretær |"), "who measures\n{indicators}");
    // Outside git there is no change log.
    assert!(!md.contains("## Endringslogg"), "{md}");

    // In English, in English.
    let en = p.run(["--lang", "en", "benefit", "plan-doc"]).success().stdout;
    assert!(en.starts_with("# Benefit realisation plan: "), "{en}");
    assert!(en.contains("## How the benefits will be used"), "{en}");
}

/// The example with a benefit whose title tries to break the document.
fn hostile(sb: &Sandbox) -> Project<'_> {
    let p = example_copy(sb);
    p.run(["benefit", "add", "<script>alert(1)</script> | del", "--type", "kvalitet"]).success();
    p
}

#[test]
fn html_is_one_accessible_page_with_hostile_titles_escaped() {
    let sb = Sandbox::new();
    let p = hostile(&sb);
    let html = p.run(["benefit", "plan-doc", "--format", "html"]).success().stdout;
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"nb\">"), "{html}");
    assert!(!html.contains("<script"), "no script, and the title escaped\n{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; | del"), "{html}");
    assert!(!html.contains("http://") && !html.contains("https://"), "nothing fetched");
    let tables = html.matches("<table>").count();
    assert!(tables >= 5, "{tables} tables\n{html}");
    assert_eq!(tables, html.matches("<table>\n<caption>").count(), "every table has a caption");
    assert_eq!(tables, html.matches("</table>").count());
    assert!(html.trim_end().ends_with("</html>"));
    let en = p.run(["--lang", "en", "benefit", "plan-doc", "--format", "html"]).success().stdout;
    assert!(en.contains("<html lang=\"en\">"), "{en}");

    // Markdown escapes it too: no raw tag, and the bar cannot split a cell.
    let md = p.run(["benefit", "plan-doc", "--format", "md"]).success().stdout;
    assert!(!md.contains("<script>"), "{md}");
    assert!(md.contains("&lt;script&gt;alert(1)&lt;/script&gt; \\| del"), "{md}");
}

fn book(path: &std::path::Path) -> calamine::Sheets<std::io::BufReader<std::fs::File>> {
    calamine::open_workbook_auto(path).expect("a workbook")
}

#[test]
fn xlsx_has_a_sheet_per_part_with_typed_cells_and_the_same_bytes_twice() {
    let sb = Sandbox::new();
    let p = example_copy(&sb);
    p.run(["benefit", "plan-doc", "-o", "plan.xlsx"]).success();
    let path = p.path("plan.xlsx");
    let mut wb = book(&path);
    assert_eq!(wb.sheet_names(), ["Gevinster", "Økonomi", "Indikatorer", "Tiltak"]);

    let benefits = wb.worksheet_range("Gevinster").expect("sheet");
    assert_eq!(benefits.get((0, 1)), Some(&Data::String("Gevinst".into())));
    let row = (1..benefits.height())
        .find(|r| {
            benefits.get((*r, 0)) == Some(&Data::String("kortere-ventetid-i-telefonkoen".into()))
        })
        .expect("the benefit's row");
    assert_eq!(benefits.get((row, 8)), Some(&Data::Float(600.0)), "hours as a number");
    assert_eq!(benefits.get((row, 10)), Some(&Data::Float(420_000.0)), "NOK as a number");
    assert!(matches!(benefits.get((row, 16)), Some(Data::DateTime(_))), "due is a date");

    let economy = wb.worksheet_range("Økonomi").expect("sheet");
    assert_eq!(economy.get((1, 0)), Some(&Data::Float(2026.0)));
    let e = p.run(["benefit", "economics", "--format", "json"]).success().json();
    let first = &e["economics"]["years"][1];
    assert_eq!(economy.get((2, 8)), Some(&Data::Float(first["net"].as_f64().expect("net"))));

    let indicators = wb.worksheet_range("Indikatorer").expect("sheet");
    let row = (1..indicators.height())
        .find(|r| indicators.get((*r, 0)) == Some(&Data::String("Ventetid i telefonkø".into())))
        .expect("the indicator's row");
    assert_eq!(indicators.get((row, 4)), Some(&Data::Float(14.0)), "the baseline");
    match indicators.get((row, 5)) {
        Some(Data::DateTime(d)) => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            assert_eq!((y, m, day), (2025, 10, 1));
        }
        other => panic!("the baseline date is a date: {other:?}"),
    }
    assert_eq!(indicators.get((row, 6)), Some(&Data::Float(5.0)), "the target");

    let actions = wb.worksheet_range("Tiltak").expect("sheet");
    assert!(
        actions.rows().any(|r| r.get(1)
            == Some(&Data::String("Be Nordlys om varsling når tilbakeringingen stopper".into()))),
        "the open deviation's action"
    );

    let bytes = std::fs::read(&path).expect("read");
    p.run(["benefit", "plan-doc", "--format", "xlsx", "-o", "plan.xlsx"]).success();
    assert_eq!(std::fs::read(&path).expect("read"), bytes, "two runs give the same bytes");

    p.run(["--lang", "en", "benefit", "plan-doc", "-o", "en.xlsx"]).success();
    let wb = book(&p.path("en.xlsx"));
    assert_eq!(wb.sheet_names(), ["Benefits", "Economics", "Indicators", "Actions"]);
}

#[test]
fn xlsx_to_standard_output_is_refused_and_writes_nothing() {
    let sb = Sandbox::new();
    let p = example_copy(&sb);
    let root = p.root.clone();
    let run = assert_refused(
        &p,
        &root,
        &["benefit", "plan-doc", "--format", "xlsx"],
        &["Excel-arbeidsbok", "standard ut"],
    );
    assert!(run.stderr.contains("-o FIL"), "a hint: {run}");
    std::fs::create_dir(p.path("mappe.xlsx")).expect("mkdir");
    assert_refused(&p, &root, &["benefit", "plan-doc", "-o", "mappe.xlsx"], &["mappe"]);
    // The extension picks the format; -o writes the file and nothing to stdout.
    let run = p.run(["benefit", "plan-doc", "-o", "plan.html"]).success();
    assert!(run.stdout.is_empty(), "{run}");
    assert!(p.read("plan.html").starts_with("<!DOCTYPE html>"));
}

fn git(p: &Project, args: &[&str]) {
    p.sb.git(&p.root, args).success();
}

#[test]
fn in_git_the_change_log_lists_the_commits_that_changed_the_plan() {
    let sb = Sandbox::new();
    let p = example_copy(&sb);
    git(&p, &["init", "-q", "-b", "main"]);
    git(&p, &["add", "-A"]);
    git(&p, &["commit", "-q", "-m", "Gevinstplanen slik styringsgruppen vedtok den"]);
    p.run(["benefit", "set", "kortere", "--title", "Kortere ventetid på telefon"]).success();
    git(&p, &["commit", "-q", "-am", "Ny tittel på ventetidsgevinsten"]);
    std::fs::write(p.path("README.md"), "endret\n").expect("write");
    git(&p, &["commit", "-q", "-am", "Bare README"]);

    let md = p.run(["benefit", "plan-doc"]).success().stdout;
    let log = section(&md, "Endringslogg");
    assert!(log.contains("| Kari Nordmann | Ny tittel på ventetidsgevinsten |"), "{log}");
    assert!(log.contains("Gevinstplanen slik styringsgruppen vedtok den"), "{log}");
    assert!(!log.contains("Bare README"), "a commit outside the plan is left out\n{log}");
    assert!(md.contains("Kortere ventetid på telefon"), "{md}");
    let newest = log.find("Ny tittel").expect("newest");
    let oldest = log.find("Gevinstplanen slik").expect("oldest");
    assert!(newest < oldest, "newest first\n{log}");

    // At the first commit, the plan and its log are as they stood then.
    let then = p.run(["--at", "HEAD~2", "benefit", "plan-doc"]).success().stdout;
    let log = section(&then, "Endringslogg");
    assert!(!log.contains("Ny tittel"), "{log}");
    assert!(then.contains("Kortere ventetid i telefonkøen"), "{then}");

    p.run(["benefit", "plan-doc", "-o", "plan.xlsx"]).success();
    let wb = book(&p.path("plan.xlsx"));
    assert_eq!(wb.sheet_names().last().map(String::as_str), Some("Endringer"));
}

#[test]
fn a_benefit_for_another_public_body_is_named_and_its_use_said() {
    let sb = Sandbox::new();
    let p = example_copy(&sb);
    p.run(["benefit", "add", "Færre ambulanseturer", "--type", "kostnad"]).success();
    p.run([
        "benefit",
        "value",
        "faerre-ambulanseturer",
        "--realised-as",
        "annen-offentlig",
        "--gains",
        "annen-offentlig",
        "--per-year",
        "90 000",
        "--from-year",
        "2027",
    ])
    .success();
    let md = p.run(["benefit", "plan-doc"]).success().stdout;
    let others = section(&md, "Andre offentlige virksomheter");
    assert!(
        others.contains("- Færre ambulanseturer: gevinst for annen offentlig virksomhet"),
        "{others}"
    );
    let uses = section(&md, "Slik skal gevinstene brukes");
    assert!(
        uses.contains(
            "Færre ambulanseturer: 90 000 kr per år kommer en annen offentlig virksomhet til gode."
        ),
        "{uses}"
    );
}
