//! Rendering a [`Report`] as Markdown (tables, progress bars and Mermaid
//! charts, which GitHub and GitLab draw) or as one self-contained HTML page
//! with an SVG chart per indicator. Pure functions of the report: no I/O.

use std::fmt::Write as _;

use super::escape::{self, md};
use crate::app::report::{ActionReport, IndicatorReport, Report, TechnologyReport};
use crate::model::date::Date;
use crate::model::idea::STATUS;
use crate::model::{deviation, log, number};
use crate::tr;

fn num(v: Option<f64>, unit: &str) -> String {
    match v {
        Some(v) if unit.is_empty() => number::format(v),
        Some(v) => format!("{} {unit}", number::format(v)),
        None => "–".to_string(),
    }
}

fn date(d: Option<Date>) -> String {
    d.map_or("–".to_string(), |d| d.to_string())
}

fn percent(a: Option<f64>) -> String {
    a.map_or("–".to_string(), |a| format!("{} %", a.round() as i64))
}

/// `███████░░░` for 0–100 % (clamped), ten cells.
fn bar(a: Option<f64>) -> String {
    let Some(a) = a else { return String::new() };
    let full = ((a.clamp(0.0, 100.0) / 10.0).round()) as usize;
    format!("{}{}", "█".repeat(full), "░".repeat(10 - full))
}

fn trend(i: &IndicatorReport) -> String {
    i.trend.map_or("–".to_string(), |t| t.label())
}

fn subtitle(r: &Report) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(m) = &r.project.municipality {
        parts.push(m.clone());
    }
    if let Some(s) = &r.project.service {
        parts.push(s.clone());
    }
    parts.push(tr!("per {}", "as of {}", r.as_of));
    parts.join(" · ")
}

fn phase_line(r: &Report) -> String {
    tr!(
        "{} (fase {} av {}). Sjekklisten for fasen: {} ferdige.",
        "{} (phase {} of {}). The phase's checklist: {} finished.",
        r.phase.name,
        r.phase.position,
        r.phase.of,
        crate::i18n::items_of(r.checklist.finished, r.checklist.total)
    )
}

fn action_line(a: &ActionReport) -> String {
    let state = match (a.done, a.due, a.overdue) {
        (Some(d), ..) => tr!("gjort {d}", "done {d}"),
        (None, Some(d), true) => tr!("frist {d}, forfalt", "due {d}, overdue"),
        (None, Some(d), false) => tr!("frist {d}", "due {d}"),
        (None, None, _) => tr!("ingen frist", "no due date"),
    };
    let note = a.note.as_deref().map(|n| format!(": {n}")).unwrap_or_default();
    format!("{} — {}, {state}{note}", a.text, a.owner_name)
}

fn check_line(r: &Report) -> String {
    use crate::i18n::counted;
    let files = counted(r.check.files, ("fil", "filer"), ("file", "files"));
    if r.check.errors == 0 && r.check.warnings == 0 {
        tr!(
            "`veikart check` fant ingen problemer i {files}.",
            "`veikart check` found no problems in {files}."
        )
    } else {
        let mut line = tr!(
            "`veikart check` fant {} og {} i {files}.",
            "`veikart check` found {} and {} in {files}.",
            counted(r.check.errors, ("feil", "feil"), ("error", "errors")),
            counted(r.check.warnings, ("advarsel", "advarsler"), ("warning", "warnings"))
        );
        if r.check.errors > 0 {
            line.push_str(&tr!(
                " Kjør `veikart check` for å se dem.",
                " Run `veikart check` to see them."
            ));
        }
        line
    }
}

fn idea_counts(r: &Report) -> String {
    let counts: Vec<String> = STATUS
        .keys()
        .into_iter()
        .filter_map(|k| {
            let n = r.ideas.by_status.get(k).copied().unwrap_or(0);
            (n > 0).then(|| format!("{} {n}", STATUS.label(k)))
        })
        .collect();
    tr!(
        "{}, {} åpne ({}).",
        "{}, {} open ({}).",
        crate::model::idea::SPEC.count(r.ideas.total),
        r.ideas.open,
        counts.join(", ")
    )
}

/// The report as Markdown.
/// `Valgt: Pasientvarsling (kjøpe, 21 av 25 poeng) – fordi …`.
fn technology_line(t: &TechnologyReport) -> String {
    let how = t.decision.as_deref().map(|d| crate::model::technology::DECISION.label(d));
    let mut line = match how {
        Some(h) => tr!(
            "Valgt: {} ({h}, {} av 25 poeng)",
            "Chosen: {} ({h}, {} of 25 points)",
            t.name,
            t.total
        ),
        None => tr!("Valgt: {} ({} av 25 poeng)", "Chosen: {} ({} of 25 points)", t.name, t.total),
    };
    if let Some(r) = &t.reason {
        line.push_str(&format!(" – {}", r.lines().next().unwrap_or_default()));
    }
    line
}

pub fn markdown(r: &Report) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# {}: {}\n", tr!("Statusrapport", "Status report"), md(&r.project.name));
    let _ = writeln!(s, "{}\n", md(&subtitle(r)));
    r.status_report.iter().for_each(|v| s.push_str(&super::status_report::report_markdown(v)));
    if let Some(p) = &r.project.problem {
        let _ = writeln!(s, "> {}\n", escape::md_lines(p, "\n> "));
    }

    let _ = writeln!(s, "## {}\n", tr!("Fase og sjekkliste", "Phase and checklist"));
    let _ = writeln!(s, "{}\n", md(&phase_line(r)));
    if r.checklist.unfinished > 0 {
        let _ = writeln!(s, "{}\n", tr!("Dette gjenstår:", "Still to do:"));
        for i in &r.checklist.unfinished_items {
            let _ = write!(
                s,
                "- {} *({})*",
                md(&i.text),
                crate::model::checklist::status_label(&i.status)
            );
            if let Some(d) = &i.detail {
                let _ = write!(s, " — {}", md(d));
            }
            s.push('\n');
        }
        s.push('\n');
    }

    let _ = writeln!(s, "## {}\n", tr!("Gevinstrealisering", "Benefit realisation"));
    if r.indicators.is_empty() {
        let _ = writeln!(
            s,
            "{}\n",
            tr!(
                "Ingen måleindikatorer ennå (`veikart benefit plan`).",
                "No indicators yet (`veikart benefit plan`)."
            )
        );
    } else {
        let head = tr!(
            "| Gevinst | Indikator | Nullpunkt | Mål | Innen | Siste | Oppnådd | | Utvikling | Tilstand |",
            "| Benefit | Indicator | Baseline | Target | By | Latest | Achieved | | Trend | State |"
        );
        let _ = writeln!(s, "{head}\n|---|---|--:|--:|---|--:|--:|---|---|---|");
        for i in &r.indicators {
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                md(&i.benefit_title),
                md(&i.name),
                md(&num(i.baseline, &i.unit)),
                md(&num(i.target, &i.unit)),
                date(i.by),
                md(&num(i.latest, &i.unit)),
                percent(i.achievement),
                bar(i.achievement),
                trend(i),
                i.state.label()
            );
        }
        s.push('\n');
        for i in r.indicators.iter().filter(|i| i.series.len() >= 2) {
            s.push_str(&mermaid(i));
        }
    }
    if let Some(e) = &r.economics {
        s.push_str(&crate::output::economics::report_markdown(e));
    }

    s.push_str(&super::benefit_map::report_md(&r.benefit_map));
    let _ = writeln!(s, "## {}\n", tr!("Åpne avvik", "Open deviations"));
    if r.deviations.is_empty() {
        let _ = writeln!(s, "{}\n", tr!("Ingen åpne avvik.", "No open deviations."));
    } else {
        for d in &r.deviations {
            let kind = d.kind.as_deref().map(|k| deviation::KIND.label(k).to_string());
            let meta: Vec<String> = kind.into_iter().chain(d.date.map(|d| d.to_string())).collect();
            let _ = write!(s, "- **{}**", md(&d.title));
            if !meta.is_empty() {
                let _ = write!(s, " ({})", md(&meta.join(", ")));
            }
            s.push('\n');
            if d.actions.is_empty() {
                let _ = writeln!(s, "  - {}", tr!("ingen tiltak ennå", "no corrective action yet"));
            }
            for a in &d.actions {
                let _ = writeln!(s, "  - {}", md(&action_line(a)));
            }
        }
        s.push('\n');
    }

    let _ = writeln!(s, "## {}\n", tr!("Idéer", "Ideas"));
    let _ = writeln!(s, "{}\n", idea_counts(r));
    if !r.ideas.top.is_empty() {
        let _ = writeln!(s, "{}\n", tr!("Høyest prioriterte åpne idéer:", "Top open ideas:"));
        for (n, i) in r.ideas.top.iter().enumerate() {
            let _ = writeln!(
                s,
                "{}. {} ({}, {})",
                n + 1,
                md(&i.title),
                num(i.priority, ""),
                STATUS.label(&i.status)
            );
        }
        s.push('\n');
    }

    if !r.technology.is_empty() {
        let _ = writeln!(s, "## {}\n", tr!("Teknologi", "Technology"));
        for t in &r.technology {
            let _ = writeln!(s, "- {}", md(&technology_line(t)));
        }
        s.push('\n');
    }

    if !r.suppliers.is_empty() {
        let _ = writeln!(s, "## {}\n", tr!("Leverandører", "Suppliers"));
        let _ = writeln!(
            s,
            "{}\n|---|--:|---|",
            tr!(
                "| Leverandør | Siste vurdering (1–5) | Dato |",
                "| Supplier | Latest score (1–5) | Date |"
            )
        );
        for sup in &r.suppliers {
            let score = sup.score().map_or("–".to_string(), |v| v.to_string());
            let _ = writeln!(s, "| {} | {score} | {} |", md(&sup.name), date(sup.date()));
        }
        s.push('\n');
    }

    r.since_last.iter().for_each(|x| s.push_str(&super::status_report::since_last_markdown(x)));
    if !r.log.is_empty() {
        let _ = writeln!(s, "## {}\n", tr!("Siste fra loggen", "Latest from the log"));
        for l in &r.log {
            let _ = writeln!(s, "- {} {}: {}", date(l.date), log::KIND.label(&l.kind), md(&l.text));
        }
        s.push('\n');
    }

    let _ = writeln!(s, "---\n\n{}", check_line(r));
    s
}

/// The months from the first of a chart's dates to the last, as an index
/// (year × 12 + month − 1).
fn month_index(d: Date) -> i32 {
    d.year() * 12 + i32::from(d.month()) - 1
}

/// The first day of the month with this index.
fn month_start(index: i32) -> Option<Date> {
    Date::new(index.div_euclid(12), u8::try_from(index.rem_euclid(12) + 1).ok()?, 1)
}

/// The time a chart spans: from the first of the baseline date and the
/// first value to the last of the deadline and the latest value.
fn time_span(i: &IndicatorReport) -> Option<(Date, Date)> {
    let dates = || i.series.iter().map(|p| p.date).chain(i.baseline_date).chain(i.by);
    Some((dates().min()?, dates().max()?))
}

/// The smallest of 1, 3, 6, 12, 24, 60 or 120 months that cuts the span
/// into at most `max` periods aligned on multiples of it (quarters start in
/// January, April, July and October); with the index of the first period's
/// first month and the number of periods.
fn periods(from: Date, to: Date, max: i32) -> (i32, i32, i32) {
    let (a, b) = (month_index(from), month_index(to));
    for step in [1, 3, 6, 12, 24, 60, 120] {
        let first = a.div_euclid(step) * step;
        let count = (b - first).div_euclid(step) + 1;
        if count <= max {
            return (step, first, count);
        }
    }
    let step = 120;
    let first = a.div_euclid(step) * step;
    (step, first, (b - first).div_euclid(step) + 1)
}

/// A period's label: `2026-04` for a month, `K2 2026` for a quarter,
/// `1. halvår 2026` for a half-year, `2026` for a year, `2026–2027` for several.
fn period_label(step: i32, first: i32) -> String {
    let year = first.div_euclid(12);
    let month = first.rem_euclid(12);
    match step {
        3 => tr!("K{} {year}", "Q{} {year}", month / 3 + 1),
        6 => tr!("{}. halvår {year}", "H{} {year}", month / 6 + 1),
        12 => year.to_string(),
        s if s > 12 => format!("{year}–{}", (first + s - 1).div_euclid(12)),
        _ => format!("{year:04}-{:02}", month + 1),
    }
}

/// The chart's numbers in words, its text alternative: baseline, target and
/// deadline, the latest value and the planned value on its date, and the state.
fn chart_text(i: &IndicatorReport) -> String {
    let n = |v: f64| num(Some(v), &i.unit);
    let mut first: Vec<String> = Vec::new();
    if let Some(b) = i.baseline {
        first.push(match i.baseline_date {
            Some(d) => tr!("nullpunkt {} ({d})", "baseline {} ({d})", n(b)),
            None => tr!("nullpunkt {}", "baseline {}", n(b)),
        });
    }
    if let Some(t) = i.target {
        first.push(match i.by {
            Some(by) => tr!("mål {} innen fristen {by}", "target {} by the deadline {by}", n(t)),
            None => tr!("mål {}", "target {}", n(t)),
        });
    }
    let mut out = format!("{}: ", i.name);
    if !first.is_empty() {
        out.push_str(&first.join(", "));
        out.push_str(". ");
    }
    if let (Some(v), Some(d)) = (i.latest, i.latest_date) {
        out.push_str(&tr!("Siste verdi {} ({d})", "Latest value {} ({d})", n(v)));
        if let Some(p) = i.planned {
            out.push_str(&tr!(", planlagt {} den dagen", ", planned {} on that day", n(p)));
        }
        out.push_str(&format!(": {}.", i.state.label()));
    } else {
        out.push_str(&format!("{}.", i.state.label()));
    }
    out
}

/// A Mermaid line chart of one indicator on a time axis to the deadline:
/// `xychart-beta` knows only categories, so the axis is cut into at most
/// twelve equal periods (months, quarters, half-years, years, …). The first
/// line is the latest value in each period (a period without one repeats
/// the one before; the baseline counts from its date), up to the latest
/// value; the second is the planned path at each period's end. The period
/// holding the deadline is labelled so.
fn mermaid(i: &IndicatorReport) -> String {
    let quote = escape::mermaid;
    let Some((from, to)) = time_span(i) else { return String::new() };
    let (step, first, count) = periods(from, to, 12);
    let period_of = |d: Date| (month_index(d) - first).div_euclid(step);
    // The last day of period k, no later than the chart's end.
    let period_end = |k: i32| {
        month_start(first + (k + 1) * step).and_then(|d| d.add_days(-1)).map_or(to, |d| d.min(to))
    };
    let round = |v: f64| format!("{}", (v * 100.0).round() / 100.0);
    let deadline = i.by.map(period_of);
    let labels: Vec<String> = (0..count)
        .map(|k| {
            let mut l = period_label(step, first + k * step);
            if deadline == Some(k) {
                l.push_str(&tr!(" frist", " deadline"));
            }
            format!("\"{}\"", quote(&l))
        })
        .collect();
    // The measured line: the baseline from its date, then each period's latest value.
    let mut known: Vec<(i32, f64)> = Vec::new();
    if let (Some(b), Some(d)) = (i.baseline, i.baseline_date) {
        known.push((period_of(d), b));
    }
    for p in &i.series {
        known.push((period_of(p.date), p.value));
    }
    known.sort_by_key(|(k, _)| *k);
    let last = i.series.last().map_or(0, |p| period_of(p.date));
    let mut measured = Vec::new();
    let mut current = i.series.first().map(|p| p.value);
    for k in 0..=last.min(count - 1) {
        if let Some((_, v)) = known.iter().rev().find(|(at, _)| *at <= k) {
            current = Some(*v);
        }
        measured.extend(current.map(round));
    }
    let mut s = String::new();
    let _ = writeln!(s, "*{}*\n", md(&chart_text(i)));
    s.push_str("```mermaid\nxychart-beta\n");
    let _ = writeln!(s, "    title \"{} ({})\"", quote(&i.name), quote(&i.unit));
    let _ = writeln!(s, "    x-axis [{}]", labels.join(", "));
    let _ = writeln!(s, "    y-axis \"{}\"", quote(&i.unit));
    let _ = writeln!(
        s,
        "    %% {}",
        quote(&tr!(
            "Linje 1: målte verdier, den siste i hver periode.",
            "Line 1: measured values, the latest in each period."
        ))
    );
    let _ = writeln!(s, "    line [{}]", measured.join(", "));
    if !i.planned_points.is_empty() {
        let planned: Vec<String> = (0..count).map(|k| round(path_on(i, period_end(k)))).collect();
        let _ = writeln!(
            s,
            "    %% {}",
            quote(&tr!(
                "Linje 2: planlagt vei fra nullpunkt til mål, ved slutten av hver periode.",
                "Line 2: the planned path from baseline to target, at the end of each period."
            ))
        );
        let _ = writeln!(s, "    line [{}]", planned.join(", "));
    }
    s.push_str("```\n\n");
    s
}

/// The planned path's value on `d`, from its corners (the last corner on or
/// before `d`, or a straight line between two).
fn path_on(i: &IndicatorReport, d: Date) -> f64 {
    let before = i.planned_points.iter().rev().find(|p| p.date <= d);
    let after = i.planned_points.iter().find(|p| p.date > d);
    match (before, after) {
        (Some(a), Some(b)) => {
            let share = a.date.days_until(d) as f64 / a.date.days_until(b.date).max(1) as f64;
            a.value + (b.value - a.value) * share
        }
        (Some(a), None) => a.value,
        (None, Some(b)) => b.value,
        (None, None) => f64::NAN,
    }
}

const CSS: &str = "body{font-family:system-ui,sans-serif;max-width:64rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.45}\
h1{margin-bottom:.2rem}.sub{color:#555;margin-top:0}\
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}\
td.n{text-align:right}td.d{white-space:nowrap}table{font-size:.92rem}.chart svg{display:block;max-width:42rem}.reached{color:#1a7f37;font-weight:600}.on-track{color:#1a7f37}.behind{color:#b35900;font-weight:600}\
.stale,.no-plan,.no-data{color:#666}.overdue{color:#b00020;font-weight:600}.chart{margin:1rem 0 2rem}.chart h3{margin:.2rem 0;font-size:1rem}\
.legend{font-size:.85rem;color:#555}blockquote{border-left:4px solid #ccc;margin:1rem 0;padding:.2rem 1rem;color:#333}\
footer{margin-top:2rem;color:#555;font-size:.9rem}";

/// The report as one HTML page, charts drawn as inline SVG.
pub fn html(r: &Report) -> String {
    let lang = crate::i18n::pick("nb", "en");
    let title = format!("{}: {}", tr!("Statusrapport", "Status report"), r.project.name);
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        escape::html(&title)
    );
    let _ = writeln!(
        s,
        "<h1>{}</h1>\n<p class=\"sub\">{}</p>",
        escape::html(&title),
        escape::html(&subtitle(r))
    );
    r.status_report.iter().for_each(|v| s.push_str(&super::status_report::report_html(v)));
    if let Some(p) = &r.project.problem {
        let _ = writeln!(s, "<blockquote>{}</blockquote>", escape::html(p));
    }

    let _ = writeln!(
        s,
        "<h2>{}</h2>\n<p>{}</p>",
        escape::html(&tr!("Fase og sjekkliste", "Phase and checklist")),
        escape::html(&phase_line(r))
    );
    if r.checklist.unfinished > 0 {
        let _ =
            writeln!(s, "<p>{}</p>\n<ul>", escape::html(&tr!("Dette gjenstår:", "Still to do:")));
        for i in &r.checklist.unfinished_items {
            let _ = write!(
                s,
                "<li>{} <em>({})</em>",
                escape::html(&i.text),
                escape::html(crate::model::checklist::status_label(&i.status))
            );
            if let Some(d) = &i.detail {
                let _ = write!(s, " — {}", escape::html(d));
            }
            s.push_str("</li>\n");
        }
        s.push_str("</ul>\n");
    }

    let _ =
        writeln!(s, "<h2>{}</h2>", escape::html(&tr!("Gevinstrealisering", "Benefit realisation")));
    if r.indicators.is_empty() {
        let _ = writeln!(
            s,
            "<p>{}</p>",
            escape::html(&tr!(
                "Ingen måleindikatorer ennå (`veikart benefit plan`).",
                "No indicators yet (`veikart benefit plan`)."
            ))
        );
    } else {
        let heads = crate::i18n::pick(
            [
                "Gevinst",
                "Indikator",
                "Nullpunkt",
                "Mål",
                "Innen",
                "Siste",
                "Oppnådd",
                "Utvikling",
                "Tilstand",
            ],
            [
                "Benefit",
                "Indicator",
                "Baseline",
                "Target",
                "By",
                "Latest",
                "Achieved",
                "Trend",
                "State",
            ],
        );
        s.push_str("<table>\n<thead><tr>");
        for h in heads {
            let _ = write!(s, "<th>{}</th>", escape::html(h));
        }
        s.push_str("</tr></thead>\n<tbody>\n");
        for i in &r.indicators {
            let _ = writeln!(
                s,
                "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"d\">{}</td>\
                 <td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td><td class=\"{}\">{}</td></tr>",
                escape::html(&i.benefit_title),
                escape::html(&i.name),
                escape::html(&num(i.baseline, &i.unit)),
                escape::html(&num(i.target, &i.unit)),
                date(i.by),
                escape::html(&num(i.latest, &i.unit)),
                escape::html(&percent(i.achievement)),
                escape::html(&trend(i)),
                i.state.key(),
                escape::html(&i.state.label())
            );
        }
        s.push_str("</tbody>\n</table>\n");
        for i in r.indicators.iter().filter(|i| !i.series.is_empty()) {
            s.push_str(&svg_chart(i));
        }
    }
    if let Some(e) = &r.economics {
        s.push_str(&crate::output::economics::report_html(e));
    }

    s.push_str(&super::benefit_map::report_html(&r.benefit_map));
    let _ = writeln!(s, "<h2>{}</h2>", escape::html(&tr!("Åpne avvik", "Open deviations")));
    if r.deviations.is_empty() {
        let _ = writeln!(
            s,
            "<p>{}</p>",
            escape::html(&tr!("Ingen åpne avvik.", "No open deviations."))
        );
    } else {
        s.push_str("<ul>\n");
        for d in &r.deviations {
            let kind = d.kind.as_deref().map(|k| deviation::KIND.label(k).to_string());
            let meta: Vec<String> = kind.into_iter().chain(d.date.map(|d| d.to_string())).collect();
            let _ = write!(s, "<li><strong>{}</strong>", escape::html(&d.title));
            if !meta.is_empty() {
                let _ = write!(s, " ({})", escape::html(&meta.join(", ")));
            }
            s.push_str("<ul>");
            if d.actions.is_empty() {
                let _ = write!(
                    s,
                    "<li>{}</li>",
                    escape::html(&tr!("ingen tiltak ennå", "no corrective action yet"))
                );
            }
            for a in &d.actions {
                let class = if a.overdue { " class=\"overdue\"" } else { "" };
                let _ = write!(s, "<li{class}>{}</li>", escape::html(&action_line(a)));
            }
            s.push_str("</ul></li>\n");
        }
        s.push_str("</ul>\n");
    }

    let _ = writeln!(
        s,
        "<h2>{}</h2>\n<p>{}</p>",
        escape::html(&tr!("Idéer", "Ideas")),
        escape::html(&idea_counts(r))
    );
    if !r.ideas.top.is_empty() {
        s.push_str("<ol>\n");
        for i in &r.ideas.top {
            let _ = writeln!(
                s,
                "<li>{} ({}, {})</li>",
                escape::html(&i.title),
                escape::html(&num(i.priority, "")),
                escape::html(STATUS.label(&i.status))
            );
        }
        s.push_str("</ol>\n");
    }

    if !r.technology.is_empty() {
        let _ = writeln!(s, "<h2>{}</h2>\n<ul>", escape::html(&tr!("Teknologi", "Technology")));
        for t in &r.technology {
            let _ = writeln!(s, "<li>{}</li>", escape::html(&technology_line(t)));
        }
        s.push_str("</ul>\n");
    }

    if !r.suppliers.is_empty() {
        let _ =
            writeln!(s, "<h2>{}</h2>\n<table>", escape::html(&tr!("Leverandører", "Suppliers")));
        let heads = crate::i18n::pick(
            ["Leverandør", "Siste vurdering (1–5)", "Dato"],
            ["Supplier", "Latest score (1–5)", "Date"],
        );
        let _ = writeln!(
            s,
            "<thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            heads[0], heads[1], heads[2]
        );
        for sup in &r.suppliers {
            let score = sup.score().map_or("–".to_string(), |v| v.to_string());
            let _ = writeln!(
                s,
                "<tr><td>{}</td><td class=\"n\">{score}</td><td>{}</td></tr>",
                escape::html(&sup.name),
                date(sup.date())
            );
        }
        s.push_str("</tbody></table>\n");
    }

    r.since_last.iter().for_each(|x| s.push_str(&super::status_report::since_last_html(x)));
    if !r.log.is_empty() {
        let _ = writeln!(
            s,
            "<h2>{}</h2>\n<ul>",
            escape::html(&tr!("Siste fra loggen", "Latest from the log"))
        );
        for l in &r.log {
            let _ = writeln!(
                s,
                "<li>{} {}: {}</li>",
                date(l.date),
                escape::html(log::KIND.label(&l.kind)),
                escape::html(&l.text)
            );
        }
        s.push_str("</ul>\n");
    }

    let _ = writeln!(s, "<footer>{}</footer>\n</body>\n</html>", escape::html(&check_line(r)));
    s
}

/// A line chart of one indicator on a time axis from the first of the
/// baseline date and the first value to the deadline: the measured values
/// (a solid blue line with points), the planned path (a dashed purple line),
/// baseline and target (dotted lines, labelled on the left), and the deadline
/// (a red vertical line labelled «frist»). `<title>` and `<desc>` give the
/// numbers in words.
fn svg_chart(i: &IndicatorReport) -> String {
    const W: f64 = 640.0;
    const H: f64 = 240.0;
    const LEFT: f64 = 56.0;
    const RIGHT: f64 = 16.0;
    const TOP: f64 = 24.0;
    const BOTTOM: f64 = 30.0;
    let Some((from, to)) = time_span(i) else { return String::new() };
    let mut lo = f64::INFINITY;
    let mut hi = f64::NEG_INFINITY;
    let values = i.series.iter().chain(&i.planned_points).map(|p| p.value);
    for v in values.chain(i.baseline).chain(i.target) {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if !lo.is_finite() || !hi.is_finite() {
        return String::new();
    }
    if (hi - lo).abs() < 1e-9 {
        lo -= 1.0;
        hi += 1.0;
    }
    let pad = (hi - lo) * 0.08;
    let (lo, hi) = (lo - pad, hi + pad);
    let span = from.days_until(to);
    let x = |d: Date| {
        if span == 0 {
            LEFT + (W - LEFT - RIGHT) / 2.0
        } else {
            LEFT + from.days_until(d) as f64 / span as f64 * (W - LEFT - RIGHT)
        }
    };
    let y = |v: f64| TOP + (hi - v) / (hi - lo) * (H - TOP - BOTTOM);
    let bottom = H - BOTTOM;
    let key: String = i.id.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
    let text = chart_text(i);
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<div class=\"chart\"><h3>{} ({})</h3>\n<svg viewBox=\"0 0 {W} {H}\" width=\"100%\" role=\"img\" aria-labelledby=\"chart-{key}-title chart-{key}-desc\">\n\
         <title id=\"chart-{key}-title\">{}</title><desc id=\"chart-{key}-desc\">{}</desc>",
        escape::html(&i.name),
        escape::html(&i.unit),
        escape::html(&format!("{} ({})", i.name, i.unit)),
        escape::html(&text)
    );
    let _ = writeln!(
        s,
        "<line x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{LEFT}\" y2=\"{bottom:.1}\" stroke=\"#767676\"/><line x1=\"{LEFT}\" y1=\"{bottom:.1}\" x2=\"{:.1}\" y2=\"{bottom:.1}\" stroke=\"#767676\"/>",
        W - RIGHT,
    );
    // Date ticks: the first day of each period, at most eight.
    let (step, first, count) = periods(from, to, 8);
    let ticks: Vec<Date> = (0..=count)
        .filter_map(|k| month_start(first + k * step))
        .filter(|d| *d >= from && *d <= to)
        .collect();
    let ticks: Vec<(Date, String)> = if ticks.is_empty() {
        let mut ends = vec![(from, from.to_string())];
        if to > from {
            ends.push((to, to.to_string()));
        }
        ends
    } else {
        ticks
            .into_iter()
            .map(|d| (d, period_label(if step >= 12 { 12 } else { 1 }, month_index(d))))
            .collect()
    };
    for (d, label) in &ticks {
        let anchor = match x(*d) {
            v if v < LEFT + 20.0 => "start",
            v if v > W - RIGHT - 20.0 => "end",
            _ => "middle",
        };
        let _ = writeln!(
            s,
            "<line x1=\"{0:.1}\" y1=\"{bottom:.1}\" x2=\"{0:.1}\" y2=\"{1:.1}\" stroke=\"#767676\"/>\
             <text class=\"tick\" x=\"{0:.1}\" y=\"{2:.1}\" font-size=\"11\" text-anchor=\"{anchor}\" fill=\"#1b1b1b\">{3}</text>",
            x(*d),
            bottom + 4.0,
            H - 10.0,
            escape::html(label)
        );
    }
    for (value, colour) in [(i.baseline, "#595959"), (i.target, "#1a7f37")] {
        if let Some(v) = value {
            let _ = writeln!(
                s,
                "<line x1=\"{LEFT}\" y1=\"{0:.1}\" x2=\"{1:.1}\" y2=\"{0:.1}\" stroke=\"{colour}\" stroke-width=\"1\" stroke-dasharray=\"1 3\"/>\
                 <text x=\"{2:.1}\" y=\"{3:.1}\" font-size=\"11\" text-anchor=\"end\" fill=\"{colour}\">{4}</text>",
                y(v),
                W - RIGHT,
                LEFT - 4.0,
                y(v) + 4.0,
                escape::html(&number::format(v))
            );
        }
    }
    if let Some(by) = i.by {
        let at = x(by);
        let anchor = if at > W / 2.0 { "end" } else { "start" };
        let _ = writeln!(
            s,
            "<line class=\"deadline\" x1=\"{at:.1}\" y1=\"{:.1}\" x2=\"{at:.1}\" y2=\"{bottom:.1}\" stroke=\"#b00020\" stroke-width=\"1.5\"/>\
             <text x=\"{at:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"{anchor}\" fill=\"#b00020\">{}</text>",
            TOP - 12.0,
            TOP - 15.0,
            escape::html(&tr!("frist {by}", "deadline {by}"))
        );
    }
    if !i.planned_points.is_empty() {
        let points: Vec<String> = i
            .planned_points
            .iter()
            .map(|p| format!("{:.1},{:.1}", x(p.date), y(p.value)))
            .collect();
        let _ = writeln!(
            s,
            "<polyline class=\"planned\" fill=\"none\" stroke=\"#6a3d9a\" stroke-width=\"2\" stroke-dasharray=\"8 5\" points=\"{}\"/>",
            points.join(" ")
        );
    }
    let points: Vec<String> =
        i.series.iter().map(|p| format!("{:.1},{:.1}", x(p.date), y(p.value))).collect();
    let _ = writeln!(
        s,
        "<polyline class=\"measured\" fill=\"none\" stroke=\"#0b5cad\" stroke-width=\"2\" points=\"{}\"/>",
        points.join(" ")
    );
    for p in &i.series {
        let _ = writeln!(
            s,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\" fill=\"#0b5cad\"><title>{} {}</title></circle>",
            x(p.date),
            y(p.value),
            p.date,
            escape::html(&number::format(p.value))
        );
    }
    s.push_str("</svg>\n");
    let _ = writeln!(
        s,
        "<p class=\"legend\">{} {}</p></div>",
        escape::html(&tr!(
            "Blå heltrukken linje med punkter: målte verdier. Lilla stiplet: planlagt vei fra nullpunkt til mål. Prikket: nullpunktet (grå) og målet (grønn). Rød loddrett linje: fristen.",
            "Solid blue line with points: measured values. Purple dashes: the planned path from baseline to target. Dotted: the baseline (grey) and the target (green). Red vertical line: the deadline."
        )),
        escape::html(&text)
    );
    s
}
