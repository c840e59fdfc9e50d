//! The portfolio drawn as a table's cells or as Markdown.

use crate::app::portfolio::Row;
use crate::model::date::Date;
use crate::tr;

pub fn headers() -> Vec<String> {
    crate::i18n::pick(
        [
            "MAPPE",
            "PROSJEKT",
            "KOMMUNE",
            "FASE",
            "SJEKKLISTE",
            "GEVINSTER",
            "NÅVERDI",
            "AVVIK",
            "SJEKK",
        ],
        [
            "FOLDER",
            "PROJECT",
            "MUNICIPALITY",
            "PHASE",
            "CHECKLIST",
            "BENEFITS",
            "NET PRESENT VALUE",
            "DEVIATIONS",
            "CHECK",
        ],
    )
    .iter()
    .map(|s| s.to_string())
    .collect()
}

/// "3 nådd, 1 bak plan" from the indicator counts, or "–".
fn benefits(r: &Row) -> String {
    let parts: Vec<String> = crate::model::indicator::PlanState::ALL
        .iter()
        .filter_map(|s| {
            let n = r.indicator_states.get(s.key()).copied().unwrap_or(0);
            (n > 0).then(|| format!("{n} {}", s.label()))
        })
        .collect();
    if parts.is_empty() { "–".to_string() } else { parts.join(", ") }
}

pub fn cells(r: &Row) -> Vec<String> {
    let dash = || "–".to_string();
    if let Some(e) = &r.error {
        return vec![
            r.path.clone(),
            tr!("kan ikke leses: {e}", "unreadable: {e}"),
            dash(),
            dash(),
            dash(),
            dash(),
            dash(),
            dash(),
            dash(),
        ];
    }
    let phase =
        r.phase.as_ref().map_or_else(dash, |p| format!("{} ({}/{})", p.name, p.position, p.of));
    let checklist =
        r.checklist.as_ref().map_or_else(dash, |c| format!("{}/{}", c.finished, c.total));
    let deviations = if r.overdue_actions > 0 {
        tr!(
            "{} ({} forfalt)",
            "{} ({} overdue)",
            crate::i18n::counted(r.open_deviations, ("åpent", "åpne"), ("open", "open")),
            crate::i18n::counted(r.overdue_actions, ("tiltak", "tiltak"), ("action", "actions"))
        )
    } else if r.open_deviations > 0 {
        crate::i18n::counted(r.open_deviations, ("åpent", "åpne"), ("open", "open"))
    } else {
        dash()
    };
    let check = if r.errors + r.warnings == 0 {
        "ok".to_string()
    } else {
        format!(
            "{}, {}",
            crate::i18n::counted(r.errors, ("feil", "feil"), ("error", "errors")),
            crate::i18n::counted(r.warnings, ("advarsel", "advarsler"), ("warning", "warnings"))
        )
    };
    vec![
        r.path.clone(),
        r.name.clone().unwrap_or_default(),
        r.municipality.clone().unwrap_or_else(dash),
        phase,
        checklist,
        benefits(r),
        r.economics
            .as_ref()
            .map_or_else(dash, |e| crate::output::economics::kroner(e.net_present_value)),
        deviations,
        check,
    ]
}

/// The whole tree's NOK in one sentence, or None when no project has any.
pub fn totals_line(t: &crate::app::portfolio::Totals) -> Option<String> {
    use crate::output::economics::kroner;
    (t.projects > 0).then(|| {
        let mixed = if t.mixed_rates {
            tr!(
                " Prosjektene bruker ulike kalkulasjonsrenter, så summen av nåverdiene blander renter.",
                " The projects use different discount rates, so the sum of present values mixes rates."
            )
        } else {
            String::new()
        };
        let projects =
            crate::i18n::counted(t.projects, ("prosjekt", "prosjekter"), ("project", "projects"));
        tr!(
            "I alt for {projects} med tall: nåverdi {}, gevinster {}, kostnader {}, netto {}.",
            "In all for {projects} with figures: net present value {}, benefits {}, costs {}, net {}.",
            kroner(t.net_present_value),
            kroner(t.benefits),
            kroner(t.costs),
            kroner(t.net)
        ) + &mixed
    })
}

use crate::output::escape::md_row;

pub fn markdown(rows: &[Row], as_of: Date) -> String {
    let mut s = format!("# {}\n\n", tr!("Portefølje per {as_of}", "Portfolio as of {as_of}"));
    let heads = headers();
    let heads: Vec<String> = heads.iter().map(|h| crate::output::ui::capitalised(h)).collect();
    s.push_str(&md_row(&heads));
    s.push_str(&format!("|{}\n", "---|".repeat(heads.len())));
    for r in rows {
        s.push_str(&md_row(&cells(r)));
    }
    if let Some(line) = totals_line(&crate::app::portfolio::Totals::of(rows)) {
        s.push_str(&format!("\n{line}\n"));
    }
    s
}
