//! `benefit economics` drawn: the yearly table, the totals, the present
//! values and the payback year, and the benefits beside them (priced, not
//! priced, not yet valued) — as text, Markdown, CSV and JSON. `status`,
//! `report` and `portfolio` use the one-line summary and the table from here.

use serde_json::{Value, json};

use crate::model::economics::{Economics, Year};
use crate::model::number;
use crate::output::escape;
use crate::tr;

/// An amount in NOK for a reader: `1 200 000 kr`.
pub fn kroner(v: f64) -> String {
    tr!("{} kr", "NOK {}", number::money(v.round()))
}

/// The word for how a benefit is realised.
fn realised(key: &str) -> String {
    crate::model::benefit::REALISED_AS.label(key).to_string()
}

/// The columns of the yearly table: (header, value), the benefit columns
/// only when some year has such a benefit (all of them in CSV).
/// A column of the yearly table: its header and its value in a year.
type Column = (String, fn(&Year) -> f64);

fn columns(e: &Economics, all: bool) -> Vec<Column> {
    let mut cols: Vec<Column> = Vec::new();
    let any = |f: fn(&Year) -> f64| all || e.years.iter().any(|y| f(y) != 0.0);
    if any(|y| y.budget) {
        cols.push((tr!("Budsjett", "Budget"), |y| y.budget));
    }
    if any(|y| y.capacity) {
        cols.push((tr!("Kapasitet", "Capacity"), |y| y.capacity));
    }
    if any(|y| y.other_public) {
        cols.push((tr!("Annen offentlig", "Other public"), |y| y.other_public));
    }
    cols.push((tr!("Gevinster", "Benefits"), |y| y.benefits));
    cols.push((tr!("Engangskostnader", "One-off costs"), |y| y.one_off_costs));
    cols.push((tr!("Løpende kostnader", "Recurring costs"), |y| y.recurring_costs));
    cols.push((tr!("Kostnader", "Costs"), |y| y.costs));
    cols.push((tr!("Netto", "Net"), |y| y.net));
    cols.push((tr!("Akkumulert netto", "Cumulative net"), |y| y.cumulative_net));
    cols
}

/// A note of what falls after the last year, or None.
fn left_out_line(e: &Economics) -> Option<String> {
    if e.left_out.is_empty() {
        return None;
    }
    let items: Vec<String> = e
        .left_out
        .iter()
        .map(|l| match l.what.as_str() {
            "cost" => tr!("en kostnad i {} ({})", "a cost in {} ({})", l.year, l.id),
            _ => tr!("gevinsten {} fra {}", "the benefit {} from {}", l.id, l.year),
        })
        .collect();
    Some(tr!(
        "Utenfor beregningen, som slutter i {}: {}. Regn med flere år med --years.",
        "Outside the calculation, which ends in {}: {}. Count more years with --years.",
        e.last_year,
        items.join(", ")
    ))
}

/// The yearly table as headers and rows, each amount as `amount` writes
/// it, ending with a row of totals.
fn grid(e: &Economics, all: bool, amount: fn(f64) -> String) -> (Vec<String>, Vec<Vec<String>>) {
    let cols = columns(e, all);
    let mut headers = vec![tr!("År", "Year")];
    headers.extend(cols.iter().map(|(h, _)| h.clone()));
    let mut rows: Vec<Vec<String>> = e
        .years
        .iter()
        .map(|y| {
            let mut row = vec![y.year.to_string()];
            row.extend(cols.iter().map(|(_, f)| amount(f(y))));
            row
        })
        .collect();
    let mut total = vec![tr!("Sum", "Total")];
    let last = cols.len().saturating_sub(1);
    for (i, (_, f)) in cols.iter().enumerate() {
        // The cumulative net has no sum; its last year is the total.
        total.push(if i == last {
            amount(e.years.last().map_or(0.0, |y| y.cumulative_net))
        } else {
            amount(e.years.iter().map(f).sum())
        });
    }
    rows.push(total);
    (headers, rows)
}

/// The yearly table for a reader: amounts grouped, whole kroner; the
/// benefit columns only where some year has such a benefit.
pub fn table(e: &Economics) -> (Vec<String>, Vec<Vec<String>>) {
    grid(e, false, |v| number::money(v.round()))
}

/// The present values and payback in one sentence.
pub fn present_value_line(e: &Economics) -> String {
    let rate = number::format(e.rate);
    let npv = kroner(e.net_present_value);
    let spread = if e.net_present_value_pessimistic != e.net_present_value_optimistic {
        tr!(
            " (pessimistisk {}, optimistisk {})",
            " (pessimistic {}, optimistic {})",
            kroner(e.net_present_value_pessimistic),
            kroner(e.net_present_value_optimistic)
        )
    } else {
        String::new()
    };
    tr!(
        "Nåverdi med {rate} % kalkulasjonsrente: {npv}{spread}.",
        "Net present value at a {rate} % discount rate: {npv}{spread}."
    )
}

/// When the project pays for itself, in one sentence.
pub fn payback_line(e: &Economics) -> String {
    match e.payback_year {
        Some(y) if e.totals.costs == 0.0 && e.left_out.is_empty() => {
            tr!(
                "Ingen kostnader er ført, så gevinstene er netto fra {y}.",
                "No costs are recorded, so the benefits are net from {y}."
            )
        }
        Some(y) => tr!(
            "Inntjent i {y}: fra da er akkumulert netto ikke lenger negativ.",
            "Pays back in {y}: from then the cumulative net is no longer negative."
        ),
        None if !e.has_figures() => {
            tr!(
                "Ingen gevinster er prissatt og ingen kostnader er ført ennå.",
                "No benefit is priced and no cost is recorded yet."
            )
        }
        None => tr!(
            "Ikke inntjent innen {}: akkumulert netto er negativ ved slutten.",
            "Does not pay back by {}: the cumulative net is negative at the end.",
            e.last_year
        ),
    }
}

/// `status`'s line: the present value over the years, and the payback year.
pub fn summary(e: &crate::model::economics::Summary) -> String {
    let years = e.last_year - e.first_year + 1;
    let npv = kroner(e.net_present_value);
    let rate = number::format(e.rate);
    let payback = match e.payback_year {
        Some(y) => tr!("inntjent {y}", "pays back {y}"),
        None => tr!("ikke inntjent innen {}", "no payback by {}", e.last_year),
    };
    let mut line = tr!(
        "nåverdi {npv} over {years} år ({rate} %), {payback}",
        "net present value {npv} over {years} years ({rate} %), {payback}"
    );
    if e.non_priced > 0 {
        let n =
            crate::i18n::counted(e.non_priced, ("gevinst", "gevinster"), ("benefit", "benefits"));
        let verb = if e.non_priced == 1 { "is" } else { "are" };
        line.push_str(&tr!("; {n} er ikke prissatt", "; {n} {verb} not priced"));
    }
    if e.unvalued > 0 {
        let n = crate::i18n::counted(e.unvalued, ("gevinst", "gevinster"), ("benefit", "benefits"));
        let verb = if e.unvalued == 1 { "is" } else { "are" };
        line.push_str(&tr!("; {n} er ikke verdsatt ennå", "; {n} {verb} not valued yet"));
    }
    line
}

/// One priced benefit in words: how it is realised and what it is worth.
fn priced_line(p: &crate::model::economics::Priced) -> String {
    let how = realised(&p.realised_as);
    let span = if p.from_year == p.to_year {
        p.from_year.to_string()
    } else {
        format!("{}–{}", p.from_year, p.to_year)
    };
    let worth = match (p.per_year, p.hours_per_year, p.hourly_cost) {
        (Some(v), Some(h), Some(c)) if p.pessimistic.is_none() => tr!(
            "{} timer × {} = {} per år",
            "{} hours × {} = {} a year",
            number::money(h),
            kroner(c),
            kroner(v)
        ),
        (Some(v), _, _) => match (p.pessimistic, p.optimistic) {
            (Some(lo), Some(hi)) => tr!(
                "{} per år, vektet av pessimistisk {} og optimistisk {}",
                "{} a year, weighted from pessimistic {} and optimistic {}",
                kroner(v),
                kroner(lo),
                kroner(hi)
            ),
            _ => tr!("{} per år", "{} a year", kroner(v)),
        },
        (None, _, _) => tr!("år for år", "year by year"),
    };
    tr!("{how}: {worth}, {span}; {} i alt", "{how}: {worth}, {span}; {} in all", kroner(p.total))
}

/// What one benefit is worth, in words, from an [`Economics`] of it alone
/// (`benefit show`); None when it is not valued yet.
pub fn worth_line(e: &Economics) -> Option<String> {
    let (line, gains) = if let Some(p) = e.priced.first() {
        (priced_line(p), &p.gains)
    } else if let Some(n) = e.non_priced.first() {
        let why = n.reason.as_deref().map(|r| format!(": {r}")).unwrap_or_default();
        let how = realised("non-priced");
        (format!("{how}, {}{why}", importance(n.importance.as_deref())), &n.gains)
    } else {
        return None;
    };
    if gains.is_empty() {
        return Some(line);
    }
    let who: Vec<&str> = gains.iter().map(|g| crate::model::benefit::GAINS.label(g)).collect();
    Some(tr!("{line}\nvinner: {}", "{line}\ngains: {}", who.join(", ")))
}

fn importance(key: Option<&str>) -> String {
    key.map_or_else(
        || tr!("betydning ikke vurdert", "importance not judged"),
        |k| tr!("{} betydning", "{} importance", crate::model::benefit::IMPORTANCE.label(k)),
    )
}

pub fn text(e: &Economics, table_text: &str) -> String {
    let mut s = tr!(
        "Gevinster og kostnader {}–{} (kroner, faste priser)\n\n",
        "Benefits and costs {}–{} (NOK, constant prices)\n\n",
        e.first_year,
        e.last_year
    );
    s.push_str(table_text);
    if !table_text.ends_with('\n') {
        s.push('\n');
    }
    s.push('\n');
    s.push_str(&present_value_line(e));
    s.push('\n');
    s.push_str(&payback_line(e));
    s.push('\n');
    if let Some(line) = left_out_line(e) {
        s.push_str(&line);
        s.push('\n');
    }
    if e.totals.hours > 0.0 {
        s.push_str(&tr!(
            "Frigjort tid i alt: {} timer ({} per time).\n",
            "Time freed in all: {} hours ({} an hour).\n",
            number::money(e.totals.hours),
            kroner(e.hourly_cost)
        ));
    }
    let width = |ids: Vec<&str>| ids.iter().map(|i| i.chars().count()).max().unwrap_or(0);
    if !e.priced.is_empty() {
        s.push_str(&tr!("\nPrissatte gevinster:\n", "\nPriced benefits:\n"));
        let w = width(e.priced.iter().map(|p| p.id.as_str()).collect());
        for p in &e.priced {
            s.push_str(&format!("  {:w$}  {}\n", p.id, priced_line(p)));
        }
    }
    if !e.non_priced.is_empty() {
        s.push_str(&tr!("\nIkke prissatte gevinster:\n", "\nNon-priced benefits:\n"));
        let w = width(e.non_priced.iter().map(|p| p.id.as_str()).collect());
        for n in &e.non_priced {
            let why = n.reason.as_deref().map(|r| format!(": {r}")).unwrap_or_default();
            s.push_str(&format!("  {:w$}  {}{why}\n", n.id, importance(n.importance.as_deref())));
        }
    }
    if !e.unvalued.is_empty() {
        s.push_str(&tr!("\nIkke verdsatt ennå:\n", "\nNot valued yet:\n"));
        let w = width(e.unvalued.iter().map(|p| p.id.as_str()).collect());
        for u in &e.unvalued {
            s.push_str(&format!(
                "  {:w$}  {}\n",
                u.id,
                tr!(
                    "bruk `veikart benefit value {} --realised-as …`",
                    "use `veikart benefit value {} --realised-as …`",
                    u.id
                )
            ));
        }
    }
    s
}

/// The figures under the table, the same in Markdown and HTML: present
/// value, payback, what the span leaves out, and the hours freed.
fn figures_line(e: &Economics) -> String {
    let mut s = present_value_line(e);
    s.push(' ');
    s.push_str(&payback_line(e));
    if let Some(line) = left_out_line(e) {
        s.push(' ');
        s.push_str(&line);
    }
    if e.totals.hours > 0.0 {
        s.push(' ');
        s.push_str(&tr!(
            "Frigjort tid i alt: {} timer ({} per time).",
            "Time freed in all: {} hours ({} an hour).",
            number::money(e.totals.hours),
            kroner(e.hourly_cost)
        ));
    }
    s
}

pub fn markdown(e: &Economics, heading: &str) -> String {
    let mut s = format!(
        "{heading} {}\n\n",
        tr!("Gevinster og kostnader {}–{}", "Benefits and costs {}–{}", e.first_year, e.last_year)
    );
    s.push_str(&tr!("Kroner i faste priser.\n\n", "NOK at constant prices.\n\n"));
    let (headers, rows) = table(e);
    s.push_str(&crate::output::table::md(&headers, &rows));
    s.push('\n');
    s.push_str(&figures_line(e));
    s.push('\n');
    if !e.priced.is_empty() {
        s.push_str(&tr!("\n**Prissatte gevinster**\n\n", "\n**Priced benefits**\n\n"));
        for p in &e.priced {
            s.push_str(&format!(
                "- {} ({}): {}\n",
                escape::md(&p.title),
                escape::md_code(&p.id),
                escape::md(&priced_line(p))
            ));
        }
    }
    if !e.non_priced.is_empty() {
        s.push_str(&tr!("\n**Ikke prissatte gevinster**\n\n", "\n**Non-priced benefits**\n\n"));
        for n in &e.non_priced {
            let why =
                n.reason.as_deref().map(|r| format!(": {}", escape::md(r))).unwrap_or_default();
            s.push_str(&format!(
                "- {} ({}): {}{why}\n",
                escape::md(&n.title),
                escape::md_code(&n.id),
                importance(n.importance.as_deref())
            ));
        }
    }
    if !e.unvalued.is_empty() {
        s.push_str(&tr!("\n**Ikke verdsatt ennå**\n\n", "\n**Not valued yet**\n\n"));
        for u in &e.unvalued {
            s.push_str(&format!("- {} ({})\n", escape::md(&u.title), escape::md_code(&u.id)));
        }
    }
    s
}

/// The yearly table as CSV: every column, plain whole numbers, and the
/// totals as the last row.
pub fn csv(e: &Economics) -> anyhow::Result<String> {
    let (mut headers, mut rows) = grid(e, true, |v| number::plain(v.round()));
    // The hours freed, beside the kroner.
    headers.push(tr!("Frigjorte timer", "Hours freed"));
    for (row, y) in rows.iter_mut().zip(&e.years) {
        row.push(number::plain(y.hours));
    }
    if let Some(total) = rows.last_mut() {
        total.push(number::plain(e.totals.hours));
    }
    crate::output::table::csv(&headers, &rows, false)
}

/// The workbook's sheets: the yearly table (every column, amounts as
/// numbers) and the benefits beside it.
pub fn sheets(e: &Economics) -> Vec<crate::output::xlsx::Sheet> {
    use crate::output::xlsx::{Cell, Sheet};
    let cols = columns(e, true);
    let mut headers = vec![tr!("År", "Year")];
    headers.extend(cols.iter().map(|(h, _)| h.clone()));
    headers.push(tr!("Frigjorte timer", "Hours freed"));
    let mut years = Sheet::new(tr!("Økonomi", "Economics"), headers);
    for y in &e.years {
        let mut row = vec![Cell::Number(y.year as f64)];
        row.extend(cols.iter().map(|(_, f)| Cell::Money(f(y))));
        row.push(Cell::Number(y.hours));
        years.push(row);
    }
    let last = cols.len().saturating_sub(1);
    let mut total = vec![Cell::text(tr!("Sum", "Total"))];
    for (i, (_, f)) in cols.iter().enumerate() {
        total.push(Cell::Money(if i == last {
            e.years.last().map_or(0.0, |y| y.cumulative_net)
        } else {
            e.years.iter().map(f).sum()
        }));
    }
    total.push(Cell::Number(e.totals.hours));
    years.push(total);
    years.push(Vec::new());
    years.push(vec![
        Cell::text(tr!("Nåverdi", "Net present value")),
        Cell::Money(e.net_present_value),
    ]);
    years.push(vec![
        Cell::text(tr!("Nåverdi, pessimistisk", "Net present value, pessimistic")),
        Cell::Money(e.net_present_value_pessimistic),
    ]);
    years.push(vec![
        Cell::text(tr!("Nåverdi, optimistisk", "Net present value, optimistic")),
        Cell::Money(e.net_present_value_optimistic),
    ]);
    years.push(vec![
        Cell::text(tr!("Kalkulasjonsrente (%)", "Discount rate (%)")),
        Cell::Number(e.rate),
    ]);
    years.push(vec![
        Cell::text(tr!("Inntjent år", "Payback year")),
        e.payback_year.map_or(Cell::Empty, |y| Cell::Number(y as f64)),
    ]);
    let mut benefits = Sheet::new(
        tr!("Gevinster", "Benefits"),
        [
            tr!("Id", "Id"),
            tr!("Gevinst", "Benefit"),
            tr!("Realiseres som", "Realised as"),
            tr!("Kroner per år", "NOK a year"),
            tr!("Timer per år", "Hours a year"),
            tr!("Fra år", "From year"),
            tr!("Til år", "To year"),
            tr!("Kroner i alt", "NOK in all"),
            tr!("Betydning", "Importance"),
            tr!("Begrunnelse", "Why"),
        ],
    );
    for p in &e.priced {
        benefits.push(vec![
            Cell::text(p.id.clone()),
            Cell::text(p.title.clone()),
            Cell::text(realised(&p.realised_as)),
            p.per_year.map_or(Cell::Empty, Cell::Money),
            p.hours_per_year.map_or(Cell::Empty, Cell::Number),
            Cell::Number(p.from_year as f64),
            Cell::Number(p.to_year as f64),
            Cell::Money(p.total),
            Cell::Empty,
            Cell::Empty,
        ]);
    }
    for n in &e.non_priced {
        benefits.push(vec![
            Cell::text(n.id.clone()),
            Cell::text(n.title.clone()),
            Cell::text(realised("non-priced")),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::opt_text(
                n.importance.as_deref().map(|k| crate::model::benefit::IMPORTANCE.label(k)),
            ),
            Cell::opt_text(n.reason.as_deref()),
        ]);
    }
    vec![years, benefits]
}

pub fn json(e: &Economics) -> Value {
    json!({ "economics": e })
}

/// The report's section in Markdown: the table, the present values, the
/// benefits beside them, and a Mermaid chart of the cumulative net.
pub fn report_markdown(e: &Economics) -> String {
    let mut s = markdown(e, "##");
    if e.years.len() >= 2 {
        let years: Vec<String> = e.years.iter().map(|y| y.year.to_string()).collect();
        let values: Vec<String> =
            e.years.iter().map(|y| number::plain(y.cumulative_net.round())).collect();
        let title = escape::mermaid(&tr!("Akkumulert netto (kroner)", "Cumulative net (NOK)"));
        s.push_str(&format!(
            "\n```mermaid\nxychart-beta\n    title \"{title}\"\n    x-axis [{}]\n    bar [{}]\n```\n",
            years.join(", "),
            values.join(", ")
        ));
    }
    s.push('\n');
    s
}

/// The report's section in HTML: the table with a caption, the present
/// values, the benefits beside them, and an SVG chart of the cumulative net
/// with a text alternative that states its numbers.
pub fn report_html(e: &Economics) -> String {
    use std::fmt::Write as _;
    let h = escape::html;
    let mut s = String::new();
    let title =
        tr!("Gevinster og kostnader {}–{}", "Benefits and costs {}–{}", e.first_year, e.last_year);
    let _ = writeln!(s, "<div class=\"keep\"><h2>{}</h2>", h(&title));
    let (headers, rows) = table(e);
    let _ = writeln!(
        s,
        "<table class=\"economics\">\n<caption>{}</caption>\n<thead><tr>{}</tr></thead>\n<tbody>",
        h(&tr!("Kroner i faste priser", "NOK at constant prices")),
        headers.iter().map(|c| format!("<th scope=\"col\">{}</th>", h(c))).collect::<String>()
    );
    for row in &rows {
        let cells: String = row
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if i == 0 {
                    format!("<th scope=\"row\">{}</th>", h(c))
                } else {
                    format!("<td class=\"num\">{}</td>", h(c))
                }
            })
            .collect();
        let _ = writeln!(s, "<tr>{cells}</tr>");
    }
    s.push_str("</tbody>\n</table>\n</div>\n");
    let _ = writeln!(s, "<p>{}</p>", crate::output::doc::html_text(&figures_line(e)));
    if !e.priced.is_empty() {
        let _ = writeln!(s, "<h3>{}</h3>\n<ul>", h(&tr!("Prissatte gevinster", "Priced benefits")));
        for p in &e.priced {
            let _ = writeln!(s, "<li>{}: {}</li>", h(&p.title), h(&priced_line(p)));
        }
        s.push_str("</ul>\n");
    }
    if !e.non_priced.is_empty() {
        let _ = writeln!(
            s,
            "<h3>{}</h3>\n<ul>",
            h(&tr!("Ikke prissatte gevinster", "Non-priced benefits"))
        );
        for n in &e.non_priced {
            let why = n.reason.as_deref().map(|r| format!(": {r}")).unwrap_or_default();
            let _ = writeln!(
                s,
                "<li>{}: {}{}</li>",
                h(&n.title),
                h(&importance(n.importance.as_deref())),
                h(&why)
            );
        }
        s.push_str("</ul>\n");
    }
    s.push_str(&cumulative_svg(e));
    s
}

/// Bars of the cumulative net per year, below or above a zero line.
fn cumulative_svg(e: &Economics) -> String {
    use std::fmt::Write as _;
    if e.years.is_empty() {
        return String::new();
    }
    const W: f64 = 640.0;
    const H: f64 = 220.0;
    const LEFT: f64 = 80.0;
    const RIGHT: f64 = 12.0;
    const TOP: f64 = 12.0;
    const BOTTOM: f64 = 28.0;
    let values: Vec<f64> = e.years.iter().map(|y| y.cumulative_net).collect();
    let hi = values.iter().copied().fold(0.0_f64, f64::max);
    let lo = values.iter().copied().fold(0.0_f64, f64::min);
    let span = if (hi - lo).abs() < 1.0 { 1.0 } else { hi - lo };
    let y = |v: f64| TOP + (hi - v) / span * (H - TOP - BOTTOM);
    let step = (W - LEFT - RIGHT) / values.len() as f64;
    let alt: Vec<String> =
        e.years.iter().map(|y| format!("{} {}", y.year, kroner(y.cumulative_net))).collect();
    let alt = tr!("Akkumulert netto per år: {}", "Cumulative net by year: {}", alt.join("; "));
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<figure class=\"chart\"><svg viewBox=\"0 0 {W} {H}\" width=\"100%\" role=\"img\" aria-label=\"{}\">",
        escape::html(&alt)
    );
    let zero = y(0.0);
    for (i, (year, v)) in e.years.iter().zip(&values).enumerate() {
        let x = LEFT + i as f64 * step + step * 0.15;
        let (top, height) = if *v >= 0.0 { (y(*v), zero - y(*v)) } else { (zero, y(*v) - zero) };
        let fill = if *v >= 0.0 { "#1a7f37" } else { "#b42318" };
        let _ = writeln!(
            s,
            "<rect x=\"{x:.1}\" y=\"{top:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{fill}\"><title>{} {}</title></rect>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"middle\">{}</text>",
            step * 0.7,
            height.max(0.5),
            year.year,
            escape::html(&kroner(*v)),
            x + step * 0.35,
            H - 8.0,
            year.year
        );
    }
    let _ = writeln!(
        s,
        "<line x1=\"{LEFT}\" y1=\"{zero:.1}\" x2=\"{:.1}\" y2=\"{zero:.1}\" stroke=\"#333\"/>\
         <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"end\">0</text>\
         <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"end\">{}</text>\
         <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"end\">{}</text>",
        W - RIGHT,
        LEFT - 4.0,
        zero + 4.0,
        LEFT - 4.0,
        y(hi) + 4.0,
        escape::html(&number::money(hi.round())),
        LEFT - 4.0,
        y(lo) + 4.0,
        escape::html(&number::money(lo.round()))
    );
    let _ = writeln!(
        s,
        "</svg><figcaption>{}</figcaption></figure>",
        escape::html(&tr!(
            "Akkumulert netto per år i kroner: grønn over null, rød under.",
            "Cumulative net by year in NOK: green above zero, red below."
        ))
    );
    s
}
