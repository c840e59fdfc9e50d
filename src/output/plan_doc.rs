//! The benefit realisation plan ([`PlanDoc`]) as a document: Markdown, one
//! self-contained HTML page, or an Excel workbook with a sheet per part.
//!
//! The document is laid out once, as sections of paragraphs, lists and
//! tables ([`sections`]); Markdown and HTML only draw that layout. A table
//! whose columns also make a sheet is declared once as typed cells
//! ([`Column`]), shown as text in a document and kept typed in the
//! workbook (money as money, dates as dates). Every piece of the project's
//! own text goes through [`super::escape`].

use std::fmt::Write as _;

use anyhow::Result;

use super::escape;
use super::xlsx::{Cell, Sheet};
use crate::app::plan_doc::{ActionEntry, BenefitEntry, ChangeEntry, IndicatorEntry, PlanDoc};
use crate::model::benefit::{GAINS, IMPORTANCE, REALISED_AS, TYPE};
use crate::model::number;
use crate::output::economics::kroner;
use crate::tr;

/// A part of a section.
enum Block {
    Para(String),
    Heading(String),
    List(Vec<String>),
    Table { caption: String, headers: Vec<String>, rows: Vec<Vec<String>> },
}

struct Section {
    title: String,
    blocks: Vec<Block>,
}

/// A column of a table that is both a document table and a sheet: its
/// header and its typed cell for a row.
type Column<T> = (String, fn(&T) -> Cell);

/// A cell as a reader sees it in a document.
fn shown(c: &Cell) -> String {
    match c {
        Cell::Text(s) => s.clone(),
        Cell::Number(v) => number::format(*v),
        Cell::Money(v) => number::money(v.round()),
        Cell::Percent(v) => number::percent(Some(v * 100.0)),
        Cell::Date(d) => d.to_string(),
        Cell::Empty => "–".to_string(),
    }
}

fn rows_of<T>(cols: &[Column<T>], items: &[T]) -> (Vec<String>, Vec<Vec<String>>, Vec<Vec<Cell>>) {
    let headers = cols.iter().map(|(h, _)| h.clone()).collect();
    let cells: Vec<Vec<Cell>> =
        items.iter().map(|i| cols.iter().map(|(_, f)| f(i)).collect()).collect();
    let text = cells.iter().map(|r| r.iter().map(shown).collect()).collect();
    (headers, text, cells)
}

fn num(v: Option<f64>) -> Cell {
    v.map_or(Cell::Empty, Cell::Number)
}

fn date(d: Option<crate::model::date::Date>) -> Cell {
    d.map_or(Cell::Empty, Cell::Date)
}

fn gains(keys: &[String]) -> String {
    keys.iter().map(|g| GAINS.label(g)).collect::<Vec<_>>().join(", ")
}

fn realised(b: &BenefitEntry) -> String {
    b.realised_as.as_deref().map_or_else(
        || tr!("ikke verdsatt ennå", "not valued yet"),
        |r| REALISED_AS.label(r).to_string(),
    )
}

fn importance(b: &BenefitEntry) -> String {
    b.importance
        .as_deref()
        .map_or_else(|| tr!("ikke vurdert", "not judged"), |i| IMPORTANCE.label(i).to_string())
}

fn titles(links: &[crate::app::plan_doc::Linked]) -> String {
    links.iter().map(|l| l.title.as_str()).collect::<Vec<_>>().join("; ")
}

fn role(r: &Option<String>) -> Cell {
    Cell::opt_text(r.as_deref())
}

/// The amount of a benefit and its unit: hours a year for freed time,
/// NOK a year for a figure, nothing for the rest.
fn amount(b: &BenefitEntry) -> (Cell, String) {
    match (b.hours_per_year, b.per_year) {
        (Some(h), _) => (Cell::Number(h), tr!("timer per år", "hours a year")),
        (None, Some(v)) => (Cell::Money(v), tr!("kroner per år", "NOK a year")),
        (None, None) if b.total.is_some() => (Cell::Empty, tr!("år for år", "year by year")),
        _ => (Cell::Empty, String::new()),
    }
}

fn indicator_columns() -> Vec<Column<IndicatorEntry>> {
    vec![
        (tr!("Indikator", "Indicator"), |i| Cell::text(i.name.clone())),
        (tr!("Gevinst", "Benefit"), |i| Cell::text(i.benefit_title.clone())),
        (tr!("Enhet", "Unit"), |i| Cell::text(i.unit.clone())),
        (tr!("Metode og kilde", "Method and source"), |i| Cell::opt_text(i.source.as_deref())),
        (tr!("Nullpunkt", "Baseline"), |i| num(i.baseline)),
        (tr!("Nullpunkt målt", "Baseline date"), |i| date(i.baseline_date)),
        (tr!("Målverdi", "Target"), |i| num(i.target)),
        (tr!("Innen", "By"), |i| date(i.by)),
        (tr!("Måles", "Measured"), |i| {
            Cell::text(crate::model::indicator::FREQUENCY.label(&i.frequency).to_string())
        }),
        (tr!("Siste resultat", "Latest result"), |i| num(i.latest)),
        (tr!("Resultatdato", "Result date"), |i| date(i.latest_date)),
        (tr!("Oppnådd", "Achieved"), |i| {
            i.achievement.map_or(Cell::Empty, |a| Cell::Percent(a / 100.0))
        }),
        (tr!("Planlagt nå", "Planned now"), |i| num(i.planned)),
        (tr!("Avvik fra plan", "Off plan by"), |i| num(i.deviation)),
        (tr!("Status", "State"), |i| Cell::text(i.state.label())),
        (tr!("Måleansvarlig", "Measured by"), |i| role(&i.responsible)),
    ]
}

fn action_columns() -> Vec<Column<ActionEntry>> {
    vec![
        (tr!("Tiltak", "Action"), |a| Cell::text(a.text.clone())),
        (tr!("Avvik", "Deviation"), |a| Cell::text(a.deviation_title.clone())),
        (tr!("Ansvarlig", "Responsible"), |a| Cell::text(a.owner.clone())),
        (tr!("Frist", "Due"), |a| date(a.due)),
        (tr!("Status", "State"), |a| Cell::text(action_state(a))),
    ]
}

fn action_state(a: &ActionEntry) -> String {
    match a.done {
        Some(d) => tr!("utført {d}", "done {d}"),
        None if a.overdue => tr!("forsinket", "overdue"),
        None => tr!("åpent", "open"),
    }
}

fn change_columns() -> Vec<Column<ChangeEntry>> {
    vec![
        (tr!("Dato", "Date"), |c| date(c.date)),
        (tr!("Av", "By"), |c| Cell::text(c.author.clone())),
        (tr!("Endring", "Change"), |c| Cell::text(c.subject.clone())),
        (tr!("Commit", "Commit"), |c| Cell::text(c.commit.clone())),
    ]
}

fn title(d: &PlanDoc) -> String {
    tr!("Gevinstrealiseringsplan: {}", "Benefit realisation plan: {}", d.name)
}

fn subtitle(d: &PlanDoc) -> String {
    let mut parts: Vec<String> = Vec::new();
    parts.extend(d.municipality.clone());
    parts.extend(d.service.clone());
    if let Some(o) = &d.owner {
        parts.push(tr!("prosjekteier: {o}", "project owner: {o}"));
    }
    parts.push(tr!("per {}", "as of {}", d.as_of));
    parts.join(" · ")
}

/// How a priced benefit will be used, said from its figures.
fn use_line(b: &BenefitEntry) -> Option<String> {
    let t = &b.title;
    let line = match (b.realised_as.as_deref()?, b.hours_per_year, b.per_year) {
        ("capacity", Some(h), Some(v)) => tr!(
            "{t}: {} timer i året frigjøres og brukes til andre oppgaver (verdt {} per år).",
            "{t}: {} hours a year are freed and used for other tasks (worth {} a year).",
            number::money(h),
            kroner(v)
        ),
        ("capacity", _, Some(v)) => tr!(
            "{t}: frigjort tid verdt {} per år brukes til andre oppgaver.",
            "{t}: freed time worth {} a year is used for other tasks.",
            kroner(v)
        ),
        ("budget", _, Some(v)) => tr!(
            "{t}: {} per år tas ut i kommunens eget budsjett.",
            "{t}: {} a year is taken out in the municipality's own budget.",
            kroner(v)
        ),
        ("other-public", _, Some(v)) => tr!(
            "{t}: {} per år kommer en annen offentlig virksomhet til gode.",
            "{t}: {} a year goes to another public body.",
            kroner(v)
        ),
        ("non-priced", _, _) => return None,
        (how, _, _) => match b.total {
            Some(total) => tr!(
                "{t}: {}, {} i alt over perioden, år for år.",
                "{t}: {}, {} in all over the period, year by year.",
                REALISED_AS.label(how),
                kroner(total)
            ),
            None => tr!(
                "{t}: {}, men uten beløp ennå.",
                "{t}: {}, but with no amount yet.",
                REALISED_AS.label(how)
            ),
        },
    };
    Some(match &b.description {
        Some(desc) => format!("{line} {desc}"),
        None => line,
    })
}

fn benefit_details(b: &BenefitEntry) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(d) = &b.description {
        out.push(tr!("Beskrivelse: {d}", "Description: {d}"));
    }
    out.push(tr!("Type: {}", "Type: {}", TYPE.label(&b.kind)));
    // The first line is the worth; the second, who gains, is said below.
    match crate::output::economics::worth_line(&b.alone).as_deref().and_then(|w| w.lines().next()) {
        Some(w) => out.push(tr!("Verdi: {w}", "Worth: {w}")),
        None => out.push(tr!("Verdi: ikke verdsatt ennå", "Worth: not valued yet")),
    }
    if !b.gains.is_empty() {
        out.push(tr!("Hvem vinner: {}", "Who gains: {}", gains(&b.gains)));
    }
    if !b.enablers.is_empty() {
        out.push(tr!("Det som gir den: {}", "Brought by: {}", titles(&b.enablers)));
    }
    if !b.goals.is_empty() {
        out.push(tr!("Tjener målene: {}", "Serves the goals: {}", titles(&b.goals)));
    }
    if !b.preconditions.is_empty() {
        out.push(tr!("Forutsetninger: {}", "Preconditions: {}", b.preconditions.join("; ")));
    }
    let (one_off, recurring) = b.costs.iter().fold((0.0, 0.0), |(o, r), c| {
        if c.kind == "recurring" { (o, r + c.amount) } else { (o + c.amount, r) }
    });
    if !b.costs.is_empty() {
        out.push(tr!(
            "Kostnader: {} engangs, {} løpende per år",
            "Costs: {} one-off, {} recurring a year",
            kroner(one_off),
            kroner(recurring)
        ));
    }
    out
}

/// The document's sections, in order.
fn sections(d: &PlanDoc) -> Vec<Section> {
    let mut out = Vec::new();

    // The benefits.
    let mut blocks = Vec::new();
    if d.benefits.is_empty() {
        blocks.push(Block::Para(tr!(
            "Ingen gevinster er registrert ennå.",
            "No benefits are recorded yet."
        )));
    } else {
        let headers = vec![
            "ID".to_string(),
            tr!("Gevinst", "Benefit"),
            tr!("Realiseres som", "Realised as"),
            tr!("Mengde", "Amount"),
            tr!("Enhet", "Unit"),
            tr!("Kroner per år", "NOK a year"),
            tr!("Gevinsteier", "Owner"),
            tr!("Gevinstansvarlig", "Responsible"),
            tr!("Innen", "Due"),
        ];
        let rows = d
            .benefits
            .iter()
            .map(|b| {
                let (amount, unit) = amount(b);
                vec![
                    b.id.clone(),
                    b.title.clone(),
                    realised(b),
                    shown(&amount),
                    if unit.is_empty() { "–".to_string() } else { unit },
                    shown(&b.per_year.map_or(Cell::Empty, Cell::Money)),
                    shown(&role(&b.owner)),
                    shown(&role(&b.responsible)),
                    shown(&date(b.due)),
                ]
            })
            .collect();
        blocks.push(Block::Table {
            caption: tr!("Gevinstene i planen", "The benefits in the plan"),
            headers,
            rows,
        });
        for b in &d.benefits {
            blocks.push(Block::Heading(format!("{} ({})", b.title, b.id)));
            blocks.push(Block::List(benefit_details(b)));
        }
    }
    out.push(Section { title: tr!("Gevinstene", "The benefits"), blocks });

    // The yearly economics.
    let e = &d.economics;
    let mut blocks = Vec::new();
    if e.has_figures() {
        let (headers, rows) = crate::output::economics::table(e);
        blocks.push(Block::Table {
            caption: tr!(
                "Gevinster, kostnader og netto {}–{}, kroner i faste priser",
                "Benefits, costs and net {}–{}, NOK at constant prices",
                e.first_year,
                e.last_year
            ),
            headers,
            rows,
        });
        blocks.push(Block::Para(format!(
            "{} {}",
            crate::output::economics::present_value_line(e),
            crate::output::economics::payback_line(e)
        )));
    } else {
        blocks.push(Block::Para(tr!(
            "Ingen gevinst er prissatt og ingen kostnad er ført ennå.",
            "No benefit is priced and no cost is recorded yet."
        )));
    }
    out.push(Section {
        title: tr!("Gevinster og kostnader år for år", "Benefits and costs year by year"),
        blocks,
    });

    // How the benefits will be used.
    let uses: Vec<String> = d.benefits.iter().filter_map(use_line).collect();
    let blocks = if uses.is_empty() {
        vec![Block::Para(tr!("Ingen gevinst er prissatt ennå.", "No benefit is priced yet."))]
    } else {
        vec![Block::List(uses)]
    };
    out.push(Section {
        title: tr!("Slik skal gevinstene brukes", "How the benefits will be used"),
        blocks,
    });

    // Other public bodies.
    let others: Vec<String> = d
        .benefits
        .iter()
        .filter(|b| b.involves_other_public())
        .map(|b| {
            tr!("{}: {}; vinner: {}", "{}: {}; gains: {}", b.title, realised(b), gains(&b.gains))
        })
        .collect();
    let blocks = if others.is_empty() {
        vec![Block::Para(tr!(
            "Ingen gevinst er ført på en annen offentlig virksomhet.",
            "No benefit is set down for another public body."
        ))]
    } else {
        vec![Block::List(others)]
    };
    out.push(Section {
        title: tr!("Andre offentlige virksomheter", "Other public bodies involved"),
        blocks,
    });

    // Non-priced benefits.
    let non_priced: Vec<&BenefitEntry> =
        d.benefits.iter().filter(|b| b.realised_as.as_deref() == Some("non-priced")).collect();
    let blocks = if non_priced.is_empty() {
        vec![Block::Para(tr!(
            "Alle gevinster som er verdsatt, er prissatt.",
            "Every benefit valued so far is priced."
        ))]
    } else {
        vec![Block::Table {
            caption: tr!("Gevinster som ikke er prissatt", "Benefits that are not priced"),
            headers: vec![
                tr!("Gevinst", "Benefit"),
                tr!("Betydning", "Importance"),
                tr!("Begrunnelse", "Why"),
                tr!("Hvem vinner", "Who gains"),
            ],
            rows: non_priced
                .iter()
                .map(|b| {
                    vec![
                        b.title.clone(),
                        importance(b),
                        b.importance_reason.clone().unwrap_or_else(|| "–".to_string()),
                        gains(&b.gains),
                    ]
                })
                .collect(),
        }]
    };
    out.push(Section {
        title: tr!("Gevinster som ikke er prissatt", "Non-priced benefits"),
        blocks,
    });

    // Actions and risks.
    let mut blocks = Vec::new();
    if d.actions.is_empty() {
        blocks.push(Block::Para(tr!(
            "Ingen avvik er åpne, så ingen korrigerende tiltak pågår.",
            "No deviation is open, so no corrective action is under way."
        )));
    } else {
        let (headers, rows, _) = rows_of(&action_columns(), &d.actions);
        blocks.push(Block::Table {
            caption: tr!(
                "Korrigerende tiltak for åpne avvik",
                "Corrective actions for open deviations"
            ),
            headers,
            rows,
        });
    }
    if !d.risks.is_empty() {
        blocks.push(Block::Table {
            caption: tr!(
                "Forutsetninger: gevinsten er i fare om de ikke holder",
                "Preconditions: the benefit is at risk if they do not hold"
            ),
            headers: vec![
                tr!("Forutsetning", "Precondition"),
                tr!("Gevinst", "Benefit"),
                tr!("Ansvarlig", "Responsible"),
            ],
            rows: d
                .risks
                .iter()
                .map(|r| {
                    vec![
                        r.precondition.clone(),
                        r.benefit_title.clone(),
                        r.responsible.clone().unwrap_or_else(|| "–".to_string()),
                    ]
                })
                .collect(),
        });
    }
    out.push(Section { title: tr!("Tiltak og risiko", "Actions and risks"), blocks });

    // Indicators.
    let blocks = if d.indicators.is_empty() {
        vec![Block::Para(tr!(
            "Ingen måleindikatorer er planlagt ennå.",
            "No indicators are planned yet."
        ))]
    } else {
        let (headers, rows, _) = rows_of(&indicator_columns(), &d.indicators);
        vec![Block::Table {
            caption: tr!(
                "Måleindikatorene med plan og siste resultat",
                "The indicators with their plan and latest result"
            ),
            headers,
            rows,
        }]
    };
    out.push(Section { title: tr!("Måleindikatorer", "Indicators"), blocks });

    // The change log, in a git repository.
    if let Some(changes) = &d.changes {
        let blocks = if changes.is_empty() {
            vec![Block::Para(tr!(
                "Ingen commit har endret gevinster, indikatorer eller målinger ennå.",
                "No commit has changed benefits, indicators or measurements yet."
            ))]
        } else {
            let (headers, rows, _) = rows_of(&change_columns(), changes);
            vec![Block::Table {
                caption: tr!(
                    "Commits som endret gevinster, indikatorer eller målinger, nyeste først",
                    "Commits that changed benefits, indicators or measurements, newest first"
                ),
                headers,
                rows,
            }]
        };
        out.push(Section { title: tr!("Endringslogg", "Change log"), blocks });
    }
    out
}

/// The plan in Markdown.
pub fn markdown(d: &PlanDoc) -> String {
    let mut s = format!("# {}\n\n{}\n", escape::md(&title(d)), escape::md(&subtitle(d)));
    for sec in sections(d) {
        let _ = write!(s, "\n## {}\n", escape::md(&sec.title));
        for b in sec.blocks {
            match b {
                Block::Para(p) => {
                    let _ = write!(s, "\n{}\n", escape::md(&p));
                }
                Block::Heading(h) => {
                    let _ = write!(s, "\n### {}\n", escape::md(&h));
                }
                Block::List(items) => {
                    s.push('\n');
                    for i in items {
                        let _ = writeln!(s, "- {}", escape::md(&i));
                    }
                }
                Block::Table { caption, headers, rows } => {
                    let _ = write!(s, "\n{}:\n\n", escape::md(&caption));
                    s.push_str(&crate::output::table::md(&headers, &rows));
                }
            }
        }
    }
    s
}

const CSS: &str = "body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.45}\
.sub{color:#555;margin-top:0}table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.9rem}\
caption{text-align:left;font-weight:600;padding:.3rem 0}th,td{border-bottom:1px solid #ddd;padding:.3rem .45rem;text-align:left;vertical-align:top}";

/// The plan as one HTML page: no scripts, nothing fetched.
pub fn html(d: &PlanDoc) -> String {
    let h = escape::html;
    let lang = crate::i18n::pick("nb", "en");
    let mut s = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n<h1>{}</h1>\n<p class=\"sub\">{}</p>\n",
        h(&title(d)),
        h(&title(d)),
        h(&subtitle(d))
    );
    for sec in sections(d) {
        let _ = writeln!(s, "<section>\n<h2>{}</h2>", h(&sec.title));
        for b in sec.blocks {
            match b {
                Block::Para(p) => {
                    let _ = writeln!(s, "<p>{}</p>", h(&p));
                }
                Block::Heading(t) => {
                    let _ = writeln!(s, "<h3>{}</h3>", h(&t));
                }
                Block::List(items) => {
                    s.push_str("<ul>\n");
                    for i in items {
                        let _ = writeln!(s, "<li>{}</li>", h(&i));
                    }
                    s.push_str("</ul>\n");
                }
                Block::Table { caption, headers, rows } => {
                    let _ = writeln!(s, "<table>\n<caption>{}</caption>", h(&caption));
                    let head: String = headers
                        .iter()
                        .map(|c| format!("<th scope=\"col\">{}</th>", h(c)))
                        .collect();
                    let _ = writeln!(s, "<thead><tr>{head}</tr></thead>\n<tbody>");
                    for r in rows {
                        let cells: String =
                            r.iter().map(|c| format!("<td>{}</td>", h(c))).collect();
                        let _ = writeln!(s, "<tr>{cells}</tr>");
                    }
                    s.push_str("</tbody>\n</table>\n");
                }
            }
        }
        s.push_str("</section>\n");
    }
    s.push_str("</main>\n</body>\n</html>\n");
    s
}

/// The plan as a workbook: the benefits, the economics, the indicators, the
/// actions and risks, and (in a git repository) the changes, a sheet each.
pub fn xlsx(d: &PlanDoc, created: crate::model::date::Date) -> Result<Vec<u8>> {
    let mut sheets = Vec::new();

    let mut benefits = Sheet::new(
        tr!("Gevinster", "Benefits"),
        [
            "ID".to_string(),
            tr!("Gevinst", "Benefit"),
            tr!("Beskrivelse", "Description"),
            tr!("Type", "Type"),
            tr!("Realiseres som", "Realised as"),
            tr!("Hvem vinner", "Who gains"),
            tr!("Det som gir den", "Brought by"),
            tr!("Tjener målene", "Serves the goals"),
            tr!("Mengde", "Amount"),
            tr!("Enhet", "Unit"),
            tr!("Kroner per år", "NOK a year"),
            tr!("Kroner i alt", "NOK in all"),
            tr!("Betydning", "Importance"),
            tr!("Begrunnelse", "Why"),
            tr!("Gevinsteier", "Owner"),
            tr!("Gevinstansvarlig", "Responsible"),
            tr!("Innen", "Due"),
            tr!("Forutsetninger", "Preconditions"),
        ],
    );
    for b in &d.benefits {
        let (amount, unit) = amount(b);
        let non_priced = b.realised_as.as_deref() == Some("non-priced");
        benefits.push(vec![
            Cell::text(b.id.clone()),
            Cell::text(b.title.clone()),
            Cell::opt_text(b.description.as_deref()),
            Cell::text(TYPE.label(&b.kind).to_string()),
            Cell::text(realised(b)),
            Cell::text(gains(&b.gains)),
            Cell::text(titles(&b.enablers)),
            Cell::text(titles(&b.goals)),
            amount,
            Cell::text(unit),
            b.per_year.map_or(Cell::Empty, Cell::Money),
            b.total.map_or(Cell::Empty, Cell::Money),
            if non_priced { Cell::text(importance(b)) } else { Cell::Empty },
            Cell::opt_text(b.importance_reason.as_deref()),
            role(&b.owner),
            role(&b.responsible),
            date(b.due),
            Cell::text(b.preconditions.join("; ")),
        ]);
    }
    sheets.push(benefits);

    let e = &d.economics;
    type YearColumn = (String, fn(&crate::model::economics::Year) -> f64);
    let cols: Vec<YearColumn> = vec![
        (tr!("Budsjett", "Budget"), |y| y.budget),
        (tr!("Kapasitet", "Capacity"), |y| y.capacity),
        (tr!("Annen offentlig", "Other public"), |y| y.other_public),
        (tr!("Gevinster", "Benefits"), |y| y.benefits),
        (tr!("Engangskostnader", "One-off costs"), |y| y.one_off_costs),
        (tr!("Løpende kostnader", "Recurring costs"), |y| y.recurring_costs),
        (tr!("Kostnader", "Costs"), |y| y.costs),
        (tr!("Netto", "Net"), |y| y.net),
        (tr!("Akkumulert netto", "Cumulative net"), |y| y.cumulative_net),
    ];
    let mut headers = vec![tr!("År", "Year")];
    headers.extend(cols.iter().map(|(h, _)| h.clone()));
    let mut economy = Sheet::new(tr!("Økonomi", "Economics"), headers);
    for y in &e.years {
        let mut row = vec![Cell::Number(y.year as f64)];
        row.extend(cols.iter().map(|(_, f)| Cell::Money(f(y))));
        economy.push(row);
    }
    let mut total = vec![Cell::text(tr!("Sum", "Total"))];
    let last = cols.len() - 1;
    for (i, (_, f)) in cols.iter().enumerate() {
        total.push(Cell::Money(if i == last {
            e.years.last().map_or(0.0, |y| y.cumulative_net)
        } else {
            e.years.iter().map(f).sum()
        }));
    }
    economy.push(total);
    sheets.push(economy);

    let (headers, _, cells) = rows_of(&indicator_columns(), &d.indicators);
    let mut indicators = Sheet::new(tr!("Indikatorer", "Indicators"), headers);
    cells.into_iter().for_each(|r| indicators.push(r));
    sheets.push(indicators);

    let mut actions = Sheet::new(
        tr!("Tiltak", "Actions"),
        [
            tr!("Slag", "Kind"),
            tr!("Tiltak eller forutsetning", "Action or precondition"),
            tr!("Gjelder", "Concerns"),
            tr!("Ansvarlig", "Responsible"),
            tr!("Frist", "Due"),
            tr!("Status", "State"),
        ],
    );
    for a in &d.actions {
        actions.push(vec![
            Cell::text(tr!("korrigerende tiltak", "corrective action")),
            Cell::text(a.text.clone()),
            Cell::text(a.deviation_title.clone()),
            Cell::text(a.owner.clone()),
            date(a.due),
            Cell::text(action_state(a)),
        ]);
    }
    for r in &d.risks {
        actions.push(vec![
            Cell::text(tr!("forutsetning (risiko)", "precondition (risk)")),
            Cell::text(r.precondition.clone()),
            Cell::text(r.benefit_title.clone()),
            role(&r.responsible),
            Cell::Empty,
            Cell::Empty,
        ]);
    }
    sheets.push(actions);

    if let Some(changes) = &d.changes {
        let (headers, _, cells) = rows_of(&change_columns(), changes);
        let mut sheet = Sheet::new(tr!("Endringer", "Changes"), headers);
        cells.into_iter().for_each(|r| sheet.push(r));
        sheets.push(sheet);
    }
    super::xlsx::workbook(&sheets, created)
}
