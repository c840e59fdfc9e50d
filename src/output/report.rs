//! Rendering a [`Report`] as Markdown (tables, progress bars and Mermaid
//! charts, which GitHub and GitLab draw) or as one self-contained HTML page
//! with an SVG chart per indicator. Pure functions of the report: no I/O.

use std::fmt::Write as _;

use super::escape::{self, md};
use crate::app::report::{ActionReport, IndicatorReport, Point, Report, TechnologyReport};
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

/// A Mermaid line chart of one indicator, with its target as a second line.
fn mermaid(i: &IndicatorReport) -> String {
    let quote = escape::mermaid;
    let values = |f: &dyn Fn(&Point) -> f64| -> String {
        i.series
            .iter()
            .map(|p| format!("{}", (f(p) * 100.0).round() / 100.0))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let labels: Vec<String> = i.series.iter().map(|p| format!("\"{}\"", p.date)).collect();
    let mut s = String::from("```mermaid\nxychart-beta\n");
    let _ = writeln!(s, "    title \"{} ({})\"", quote(&i.name), quote(&i.unit));
    let _ = writeln!(s, "    x-axis [{}]", labels.join(", "));
    let _ = writeln!(s, "    y-axis \"{}\"", quote(&i.unit));
    let _ = writeln!(s, "    line [{}]", values(&|p| p.value));
    if let Some(t) = i.target {
        let _ = writeln!(s, "    line [{}]", values(&|_| t));
    }
    s.push_str("```\n\n");
    s
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

/// A line chart of one indicator: its values, with dashed lines for the
/// baseline (grey) and the target (green).
fn svg_chart(i: &IndicatorReport) -> String {
    const W: f64 = 640.0;
    const H: f64 = 220.0;
    const LEFT: f64 = 56.0;
    const RIGHT: f64 = 16.0;
    const TOP: f64 = 12.0;
    const BOTTOM: f64 = 28.0;
    let mut lo = f64::INFINITY;
    let mut hi = f64::NEG_INFINITY;
    for v in i.series.iter().map(|p| p.value).chain(i.baseline).chain(i.target) {
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
    let first = i.series.first().map_or(0, |p| p.date.to_days());
    let last = i.series.last().map_or(0, |p| p.date.to_days());
    let span = (last - first).max(1) as f64;
    let x = |d: Date| {
        if i.series.len() == 1 {
            LEFT + (W - LEFT - RIGHT) / 2.0
        } else {
            LEFT + (d.to_days() - first) as f64 / span * (W - LEFT - RIGHT)
        }
    };
    let y = |v: f64| TOP + (hi - v) / (hi - lo) * (H - TOP - BOTTOM);
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<div class=\"chart\"><h3>{} ({})</h3>\n<svg viewBox=\"0 0 {W} {H}\" width=\"100%\" role=\"img\" aria-label=\"{}\">",
        escape::html(&i.name),
        escape::html(&i.unit),
        escape::html(&i.name)
    );
    let _ = writeln!(
        s,
        "<line x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{LEFT}\" y2=\"{:.1}\" stroke=\"#999\"/><line x1=\"{LEFT}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#999\"/>",
        H - BOTTOM,
        H - BOTTOM,
        W - RIGHT,
        H - BOTTOM
    );
    for (value, colour) in [(i.baseline, "#888"), (i.target, "#1a7f37")] {
        if let Some(v) = value {
            let _ = writeln!(
                s,
                "<line x1=\"{LEFT}\" y1=\"{0:.1}\" x2=\"{1:.1}\" y2=\"{0:.1}\" stroke=\"{colour}\" stroke-dasharray=\"6 4\"/>\
                 <text x=\"{2:.1}\" y=\"{3:.1}\" font-size=\"11\" text-anchor=\"end\" fill=\"{colour}\">{4}</text>",
                y(v),
                W - RIGHT,
                LEFT - 4.0,
                y(v) + 4.0,
                escape::html(&number::format(v))
            );
        }
    }
    let points: Vec<String> =
        i.series.iter().map(|p| format!("{:.1},{:.1}", x(p.date), y(p.value))).collect();
    let _ = writeln!(
        s,
        "<polyline fill=\"none\" stroke=\"#0b5cad\" stroke-width=\"2\" points=\"{}\"/>",
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
    if let (Some(f), Some(l)) = (i.series.first(), i.series.last()) {
        let _ = writeln!(
            s,
            "<text x=\"{LEFT}\" y=\"{:.1}\" font-size=\"11\">{}</text>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"end\">{}</text>",
            H - 8.0,
            f.date,
            W - RIGHT,
            H - 8.0,
            l.date
        );
    }
    s.push_str("</svg>\n");
    let _ = writeln!(
        s,
        "<p class=\"legend\">{}</p></div>",
        escape::html(&tr!(
            "Blå: målte verdier. Grønn stiplet: målet. Grå stiplet: nullpunktet.",
            "Blue: measured values. Green dashes: the target. Grey dashes: the baseline."
        ))
    );
    s
}
