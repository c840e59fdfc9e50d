//! A [`Diff`] as text, Markdown (for a pull-request comment or the job
//! summary) and JSON. Pure functions of the diff.

use serde_json::{Value, json};

use super::escape::{md, md_code};
use crate::app::diff::{Diff, Entry, Series};
use crate::app::history::Step;
use crate::i18n::{counted, pick};
use crate::model::schema::KindSpec;
use crate::tr;

fn heading(d: &Diff) -> String {
    tr!("Endringer fra {} til {}", "Changes from {} to {}", d.from.label(), d.to.label())
}

fn kind_name(spec: &KindSpec) -> String {
    super::ui::capitalised(pick(spec.plural_nb, spec.plural))
}

fn word(e: &Entry) -> String {
    match e {
        Entry::Added(_) => tr!("ny", "added"),
        Entry::Removed(_) => tr!("fjernet", "removed"),
        Entry::Changed(..) => tr!("endret", "changed"),
        Entry::Unreadable(_) => tr!("kan ikke leses", "cannot be read"),
    }
}

/// `60 nye verdier (2010-01-01 til 2010-03-20); siste: 69 (2010-03-20)`.
fn series_line(s: &Series) -> String {
    let mut parts = Vec::new();
    if s.added > 0 {
        parts.push(counted(s.added, ("ny verdi", "nye verdier"), ("value added", "values added")));
    }
    if s.changed > 0 {
        parts.push(counted(
            s.changed,
            ("endret verdi", "endrede verdier"),
            ("value changed", "values changed"),
        ));
    }
    if s.removed > 0 {
        parts.push(counted(
            s.removed,
            ("fjernet verdi", "fjernede verdier"),
            ("value removed", "values removed"),
        ));
    }
    let mut line = parts.join(", ");
    if let Some((first, last)) = &s.dates {
        if first == last {
            line.push_str(&format!(" ({first})"));
        } else {
            line.push_str(&tr!(" ({first} til {last})", " ({first} to {last})"));
        }
    }
    if let Some((date, value)) = &s.latest {
        let v = crate::model::number::format(*value);
        line.push_str(&tr!("; siste: {v} ({date})", "; latest: {v} ({date})"));
    }
    if s.achievement != (None, None) {
        let pct = |a: Option<f64>| crate::model::number::percent(a);
        let (a, b) = (pct(s.achievement.0), pct(s.achievement.1));
        line.push_str(&tr!("; måloppnåelse: {a} → {b}", "; achievement: {a} → {b}"));
    }
    if s.state != (None, None) {
        let label = |st: Option<crate::model::indicator::PlanState>| {
            st.map_or_else(|| "–".to_string(), |st| st.label())
        };
        let (a, b) = (label(s.state.0), label(s.state.1));
        if a == b {
            line.push_str(&tr!("; tilstand: {a} (uendret)", "; state: {a} (unchanged)"));
        } else {
            line.push_str(&tr!("; tilstand: {a} → {b}", "; state: {a} → {b}"));
        }
    }
    line
}

/// `nåverdi 3 742 337 kr → 4 100 000 kr; netto … → …`, or None.
fn economics_line(d: &Diff) -> Option<String> {
    let (a, b) = d.economics.as_ref()?;
    use crate::output::economics::kroner;
    let npv = |e: &Option<crate::model::economics::Summary>| {
        e.as_ref().map_or_else(|| "–".to_string(), |e| kroner(e.net_present_value))
    };
    let net = |e: &Option<crate::model::economics::Summary>| {
        e.as_ref().map_or_else(|| "–".to_string(), |e| kroner(e.net))
    };
    let payback = |e: &Option<crate::model::economics::Summary>| {
        e.as_ref().and_then(|e| e.payback_year).map_or_else(|| "–".to_string(), |y| y.to_string())
    };
    let mut line = tr!(
        "nåverdi {} → {}; netto {} → {}",
        "net present value {} → {}; net {} → {}",
        npv(a),
        npv(b),
        net(a),
        net(b)
    );
    if payback(a) != payback(b) {
        line.push_str(&tr!("; inntjent {} → {}", "; pays back {} → {}", payback(a), payback(b)));
    }
    Some(line)
}

pub fn text(d: &Diff) -> String {
    if d.is_empty() {
        return tr!(
            "Ingen endringer fra {} til {}.\n",
            "No changes from {} to {}.\n",
            d.from.label(),
            d.to.label()
        );
    }
    format!("{}:\n{}", heading(d), text_body(d, "", true))
}

/// The sections of a diff as text, each line after `indent`, with a blank
/// line before each section when `gap`.
fn text_body(d: &Diff, indent: &str, gap: bool) -> String {
    let mut s = String::new();
    let section = |s: &mut String, title: &str| {
        if gap {
            s.push('\n');
        }
        s.push_str(&format!("{indent}{title}\n"));
    };
    if !d.project.is_empty() {
        section(&mut s, &tr!("Prosjektet (veikart.toml)", "The project (veikart.toml)"));
        for c in &d.project {
            s.push_str(&format!("{indent}  {}\n", c.line()));
        }
        if let Some(r) = &d.phase_reason {
            let r = r.replace('\n', " ");
            s.push_str(&format!("{indent}  {}\n", tr!("Begrunnelse: {r}", "Reason: {r}")));
        }
    }
    if let Some(line) = economics_line(d) {
        section(&mut s, &tr!("Økonomi", "Economics"));
        s.push_str(&format!("{indent}  {line}\n"));
    }
    for k in &d.kinds {
        section(&mut s, &kind_name(k.spec));
        for e in &k.entries {
            let n = e.named();
            let name = n.name.as_ref().map(|t| format!(" «{t}»")).unwrap_or_default();
            s.push_str(&format!("{indent}  {}: {}{name}\n", word(e), n.id));
            if let Entry::Changed(_, changes, derived) = e {
                for c in changes.iter().chain(derived) {
                    s.push_str(&format!("{indent}    {}\n", c.line()));
                }
            }
        }
    }
    if !d.series.is_empty() {
        section(&mut s, &kind_name(&crate::model::measurement::SPEC));
        for x in &d.series {
            s.push_str(&format!("{indent}  {}: {}\n", x.indicator, series_line(x)));
        }
    }
    if !d.checklist.is_empty() {
        section(&mut s, &tr!("Sjekklisten", "The checklist"));
        for c in &d.checklist {
            s.push_str(&format!("{indent}  {}\n", item_line(c)));
        }
    }
    s
}

/// `forankring/mandate: åpen → gjort`.
fn item_line(c: &crate::app::diff::ItemChange) -> String {
    let dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "–".to_string());
    format!("{}/{}: {} → {}", c.phase, c.item, dash(&c.before), dash(&c.after))
}

pub fn markdown(d: &Diff) -> String {
    let mut s = format!("### {}\n\n", md(&heading(d)));
    if d.is_empty() {
        s.push_str(&tr!("Ingen endringer.\n", "No changes.\n"));
        return s;
    }
    s.push_str(&markdown_body(d));
    s
}

/// The sections of a diff as Markdown: a bold title and a list each.
fn markdown_body(d: &Diff) -> String {
    let mut s = String::new();
    if !d.project.is_empty() {
        s.push_str(&tr!(
            "**Prosjektet** ({})\n\n",
            "**The project** ({})\n\n",
            md_code("veikart.toml")
        ));
        for c in &d.project {
            s.push_str(&format!("- {}\n", md(&c.line())));
        }
        if let Some(r) = &d.phase_reason {
            s.push_str(&format!("- {}\n", md(&tr!("Begrunnelse: {r}", "Reason: {r}"))));
        }
        s.push('\n');
    }
    if let Some(line) = economics_line(d) {
        s.push_str(&format!("**{}**\n\n- {}\n\n", tr!("Økonomi", "Economics"), md(&line)));
    }
    for k in &d.kinds {
        s.push_str(&format!("**{}**\n\n", md(&kind_name(k.spec))));
        for e in &k.entries {
            let n = e.named();
            let name = n.name.as_ref().map(|t| format!(" «{}»", md(t))).unwrap_or_default();
            s.push_str(&format!("- {}: {}{name}\n", md(&word(e)), md_code(&n.id)));
            if let Entry::Changed(_, changes, derived) = e {
                for c in changes.iter().chain(derived) {
                    s.push_str(&format!("  - {}\n", md(&c.line())));
                }
            }
        }
        s.push('\n');
    }
    if !d.series.is_empty() {
        s.push_str(&format!("**{}**\n\n", md(&kind_name(&crate::model::measurement::SPEC))));
        for x in &d.series {
            s.push_str(&format!("- {}: {}\n", md_code(&x.indicator), md(&series_line(x))));
        }
        s.push('\n');
    }
    if !d.checklist.is_empty() {
        s.push_str(&format!("**{}**\n\n", md(&tr!("Sjekklisten", "The checklist"))));
        for c in &d.checklist {
            s.push_str(&format!("- {}\n", md(&item_line(c))));
        }
        s.push('\n');
    }
    s
}

/// A diff as HTML, for a report: a heading (`h`, such as `h3`) and the
/// sections as lists, in the words and order of [`markdown`].
pub fn html(d: &Diff, h: &str) -> String {
    use super::escape::html as esc;
    let mut s = format!("<{h}>{}</{h}>\n", esc(&heading(d)));
    if d.is_empty() {
        s.push_str(&format!("<p>{}</p>\n", esc(&tr!("Ingen endringer.", "No changes."))));
        return s;
    }
    let list = |s: &mut String, title: &str, items: Vec<String>| {
        s.push_str(&format!("<p><strong>{}</strong></p>\n<ul>\n", esc(title)));
        for i in items {
            s.push_str(&format!("<li>{i}</li>\n"));
        }
        s.push_str("</ul>\n");
    };
    if !d.project.is_empty() {
        let mut items: Vec<String> = d.project.iter().map(|c| esc(&c.line())).collect();
        if let Some(r) = &d.phase_reason {
            items.push(esc(&tr!("Begrunnelse: {r}", "Reason: {r}")));
        }
        list(&mut s, &tr!("Prosjektet (veikart.toml)", "The project (veikart.toml)"), items);
    }
    if let Some(line) = economics_line(d) {
        list(&mut s, &tr!("Økonomi", "Economics"), vec![esc(&line)]);
    }
    for k in &d.kinds {
        let items = k
            .entries
            .iter()
            .map(|e| {
                let n = e.named();
                let name = n.name.as_ref().map(|t| format!(" «{}»", esc(t))).unwrap_or_default();
                let mut item = format!("{}: <code>{}</code>{name}", esc(&word(e)), esc(&n.id));
                if let Entry::Changed(_, changes, derived) = e {
                    item.push_str("<ul>");
                    for c in changes.iter().chain(derived) {
                        item.push_str(&format!("<li>{}</li>", esc(&c.line())));
                    }
                    item.push_str("</ul>");
                }
                item
            })
            .collect();
        list(&mut s, &kind_name(k.spec), items);
    }
    if !d.series.is_empty() {
        let items = d
            .series
            .iter()
            .map(|x| format!("<code>{}</code>: {}", esc(&x.indicator), esc(&series_line(x))))
            .collect();
        list(&mut s, &kind_name(&crate::model::measurement::SPEC), items);
    }
    if !d.checklist.is_empty() {
        let items = d.checklist.iter().map(|c| esc(&item_line(c))).collect();
        list(&mut s, &tr!("Sjekklisten", "The checklist"), items);
    }
    s
}

/// A history, newest first, as text: each commit's date, author and
/// subject, then what it changed.
pub fn history_text(steps: &[Step], what: &str) -> String {
    if steps.is_empty() {
        return tr!(
            "Ingen historikk for {what} i git ennå.\n",
            "No history for {what} in git yet.\n"
        );
    }
    let mut s = String::new();
    for (i, step) in steps.iter().enumerate() {
        if i > 0 {
            s.push('\n');
        }
        let e = &step.entry;
        s.push_str(&format!("{}  {}  {} ({})\n", e.date, e.author, e.subject, e.commit.short()));
        s.push_str(&text_body(&step.diff, "  ", false));
    }
    s
}

/// A history as Markdown: a heading per commit.
pub fn history_markdown(steps: &[Step], what: &str) -> String {
    let mut s = format!("### {}\n\n", md(&tr!("Historikken til {what}", "The history of {what}")));
    if steps.is_empty() {
        s.push_str(&tr!("Ingen historikk i git ennå.\n", "No history in git yet.\n"));
        return s;
    }
    for step in steps {
        let e = &step.entry;
        s.push_str(&format!(
            "#### {} · {} · {} ({})\n\n",
            md(&e.date),
            md(&e.author),
            md(&e.subject),
            md_code(e.commit.short())
        ));
        s.push_str(&markdown_body(&step.diff));
    }
    s
}

/// A history as JSON: the commits, newest first, each with its diff.
pub fn history_json(steps: &[Step], record: Option<&str>) -> Value {
    let commits: Vec<Value> = steps
        .iter()
        .map(|step| {
            let e = &step.entry;
            let mut d = json(&step.diff);
            if let Some(o) = d.as_object_mut() {
                o.remove("from");
                o.remove("to");
                o.remove("changed");
            }
            json!({
                "commit": e.commit.id,
                "parent": e.parent.as_ref().map(|p| &p.id),
                "date": e.date,
                "author": e.author,
                "subject": e.subject,
                "diff": d,
            })
        })
        .collect();
    json!({ "record": record, "commits": commits })
}

pub fn json(d: &Diff) -> Value {
    let side = |s: &crate::app::diff::Side| json!({ "name": s.label(), "commit": s.commit() });
    let kinds: Vec<Value> = d
        .kinds
        .iter()
        .map(|k| {
            let records: Vec<Value> = k
                .entries
                .iter()
                .map(|e| {
                    let n = e.named();
                    let derived: Vec<&crate::model::display::Change> = match e {
                        Entry::Changed(_, _, d) => d.iter().collect(),
                        _ => Vec::new(),
                    };
                    let (change, changes) = match e {
                        Entry::Added(_) => ("added", Vec::new()),
                        Entry::Removed(_) => ("removed", Vec::new()),
                        Entry::Changed(_, c, _) => ("changed", c.iter().collect()),
                        Entry::Unreadable(_) => ("unreadable", Vec::new()),
                    };
                    json!({
                        "id": n.id,
                        "name": n.name,
                        "path": n.path,
                        "change": change,
                        "changes": changes,
                        "derived_changes": derived,
                    })
                })
                .collect();
            json!({ "kind": k.spec.dir, "records": records })
        })
        .collect();
    let series: Vec<Value> = d
        .series
        .iter()
        .map(|s| {
            json!({
                "indicator": s.indicator,
                "added": s.added,
                "changed": s.changed,
                "removed": s.removed,
                "first_date": s.dates.as_ref().map(|d| &d.0),
                "last_date": s.dates.as_ref().map(|d| &d.1),
                "latest_date": s.latest.as_ref().map(|l| &l.0),
                "latest_value": s.latest.as_ref().map(|l| l.1),
                "achievement_before": s.achievement.0,
                "achievement_after": s.achievement.1,
                "state_before": s.state.0.map(|st| st.key()),
                "state_after": s.state.1.map(|st| st.key()),
            })
        })
        .collect();
    json!({
        "from": side(&d.from),
        "to": side(&d.to),
        "changed": !d.is_empty(),
        "project_changes": d.project,
        "phase_reason": d.phase_reason,
        "economics": d.economics.as_ref().map(|(a, b)| json!({ "before": a, "after": b })),
        "kinds": kinds,
        "measurement_series": series,
        "checklist_changes": d.checklist.iter().map(|c| json!({
            "phase": c.phase,
            "item": c.item,
            "before": c.before,
            "after": c.after,
        })).collect::<Vec<_>>(),
    })
}
