//! The one line chart of an indicator over time, drawn as SVG (for HTML
//! pages and files beside a Markdown report) or as a Mermaid chart (which
//! GitHub and GitLab draw in Markdown). Both show the same lines, told
//! apart by a legend: the measured values, the planned path, the target,
//! the baseline and the deadline. In SVG each line has its own style as
//! well as its own colour, so the chart reads in black and white. Every
//! chart carries a text alternative that states its numbers.

use std::fmt::Write as _;

use super::escape;
use crate::model::date::Date;
use crate::model::number;
use crate::tr;

/// One indicator's chart: what it shows, in the data's own terms.
#[derive(Debug, Clone)]
pub struct Chart {
    /// Used for element ids and file names; any text, cleaned where used.
    pub key: String,
    pub name: String,
    pub unit: String,
    /// The measured values, oldest first.
    pub series: Vec<(Date, f64)>,
    /// The planned path's corners (a step is two points on one date).
    pub planned: Vec<(Date, f64)>,
    pub baseline: Option<f64>,
    pub baseline_date: Option<Date>,
    pub target: Option<f64>,
    pub by: Option<Date>,
    /// The chart's numbers in words (its text alternative).
    pub text: String,
}

// Colours with at least 4.5:1 contrast on white (text) — lines need 3:1.
const MEASURED: &str = "#0b5cad";
const PLANNED: &str = "#6a3d9a";
const TARGET: &str = "#1a7f37";
const BASELINE: &str = "#595959";
const DEADLINE: &str = "#b00020";
const AXIS: &str = "#595959";
const INK: &str = "#1b1b1b";

/// A line of the chart: its name in the legend, colour and SVG dash pattern.
struct Style {
    label: String,
    colour: &'static str,
    dash: &'static str,
    width: f64,
}

fn styles() -> [Style; 5] {
    [
        Style { label: tr!("målt", "measured"), colour: MEASURED, dash: "", width: 2.5 },
        Style {
            label: tr!("planlagt vei", "planned path"),
            colour: PLANNED,
            dash: "8 4",
            width: 2.0,
        },
        Style { label: tr!("mål", "target"), colour: TARGET, dash: "12 3 2 3", width: 1.5 },
        Style { label: tr!("nullpunkt", "baseline"), colour: BASELINE, dash: "2 3", width: 1.5 },
        Style { label: tr!("frist", "deadline"), colour: DEADLINE, dash: "", width: 1.5 },
    ]
}

impl Chart {
    /// Whether there is anything to draw: at least one measured value.
    pub fn drawable(&self) -> bool {
        !self.series.is_empty()
    }

    /// The chart's title: the indicator and its unit.
    pub fn title(&self) -> String {
        if self.unit.is_empty() {
            self.name.clone()
        } else {
            format!("{} ({})", self.name, self.unit)
        }
    }

    /// A key safe for an element id or a file name.
    pub fn slug(&self) -> String {
        let s: String =
            self.key
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || c == '-' { c.to_ascii_lowercase() } else { '-' }
                })
                .collect();
        if s.is_empty() { "chart".to_string() } else { s }
    }

    /// The time the chart spans: from the first of the baseline date and
    /// the first value to the last of the deadline and the latest value.
    fn span(&self) -> Option<(Date, Date)> {
        let dates = || self.series.iter().map(|p| p.0).chain(self.baseline_date).chain(self.by);
        Some((dates().min()?, dates().max()?))
    }

    /// The planned path's value on `d`, from its corners (the last corner
    /// on or before `d`, or a straight line between two).
    fn path_on(&self, d: Date) -> Option<f64> {
        let before = self.planned.iter().rev().find(|p| p.0 <= d);
        let after = self.planned.iter().find(|p| p.0 > d);
        match (before, after) {
            (Some(a), Some(b)) => {
                let share = a.0.days_until(d) as f64 / a.0.days_until(b.0).max(1) as f64;
                Some(a.1 + (b.1 - a.1) * share)
            }
            (Some(a), None) => Some(a.1),
            (None, Some(b)) => Some(b.1),
            (None, None) => None,
        }
    }
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

/// The smallest of 1, 3, 6, 12, 24, 60 or 120 months that cuts the span
/// into at most `max` periods aligned on multiples of it (quarters start in
/// January, April, July and October); with the index of the first period's
/// first month and the number of periods.
fn periods(from: Date, to: Date, max: i32) -> (i32, i32, i32) {
    let (a, b) = (month_index(from), month_index(to));
    let mut last = (120, a.div_euclid(120) * 120, 1);
    for step in [1, 3, 6, 12, 24, 60, 120] {
        let first = a.div_euclid(step) * step;
        let count = (b - first).div_euclid(step) + 1;
        last = (step, first, count);
        if count <= max {
            break;
        }
    }
    last
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

/// About five round values from `lo` to `hi` for the value axis.
fn value_ticks(lo: f64, hi: f64) -> Vec<f64> {
    let raw = (hi - lo) / 4.0;
    if !raw.is_finite() || raw <= 0.0 {
        return vec![lo];
    }
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    let mut v = (lo / step).ceil() * step;
    let mut out = Vec::new();
    while v <= hi + step * 1e-9 && out.len() < 12 {
        out.push(if v.abs() < step * 1e-9 { 0.0 } else { v });
        v += step;
    }
    out
}

/// A value as the chart labels it, with the unit.
fn value_label(c: &Chart, v: f64) -> String {
    if c.unit.is_empty() { number::format(v) } else { format!("{} {}", number::format(v), c.unit) }
}

/// The chart as one SVG element: a value axis with round ticks, a time
/// axis with dated ticks, the baseline and the target as horizontal lines,
/// the planned path, the measured values with points (the first and the
/// latest labelled), the deadline as a labelled vertical line, and a legend
/// that shows each line's style. `<title>` and `<desc>` give the numbers in
/// words; `standalone` adds the XML namespace for a file of its own.
pub fn svg(c: &Chart, standalone: bool) -> String {
    const W: f64 = 680.0;
    const H: f64 = 300.0;
    const LEFT: f64 = 64.0;
    const RIGHT: f64 = 80.0;
    const TOP: f64 = 28.0;
    const BOTTOM: f64 = 64.0;
    let Some((from, to)) = c.span() else { return String::new() };
    let mut lo = f64::INFINITY;
    let mut hi = f64::NEG_INFINITY;
    let values = c.series.iter().chain(&c.planned).map(|p| p.1);
    for v in values.chain(c.baseline).chain(c.target) {
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
    let days = from.days_until(to);
    let plot_w = W - LEFT - RIGHT;
    let x = |d: Date| {
        if days == 0 {
            LEFT + plot_w / 2.0
        } else {
            LEFT + from.days_until(d) as f64 / days as f64 * plot_w
        }
    };
    let y = |v: f64| TOP + (hi - v) / (hi - lo) * (H - TOP - BOTTOM);
    let bottom = H - BOTTOM;
    let slug = c.slug();
    let h = escape::html;
    let ns = if standalone { " xmlns=\"http://www.w3.org/2000/svg\"" } else { "" };
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<svg{ns} viewBox=\"0 0 {W} {H}\" width=\"100%\" role=\"img\" aria-labelledby=\"chart-{slug}-title chart-{slug}-desc\" font-family=\"system-ui, sans-serif\">\n\
         <title id=\"chart-{slug}-title\">{}</title><desc id=\"chart-{slug}-desc\">{}</desc>",
        h(&c.title()),
        h(&c.text)
    );
    if standalone {
        let _ = writeln!(s, "<rect width=\"{W}\" height=\"{H}\" fill=\"#ffffff\"/>");
    }
    // Value axis: round ticks with light grid lines.
    for v in value_ticks(lo, hi) {
        let _ = writeln!(
            s,
            "<line x1=\"{LEFT}\" y1=\"{0:.1}\" x2=\"{1:.1}\" y2=\"{0:.1}\" stroke=\"#d9d9d9\" stroke-width=\"1\"/>\
             <text x=\"{2:.1}\" y=\"{3:.1}\" font-size=\"11\" text-anchor=\"end\" fill=\"{INK}\">{4}</text>",
            y(v),
            W - RIGHT,
            LEFT - 6.0,
            y(v) + 4.0,
            h(&number::format(v))
        );
    }
    let _ = writeln!(
        s,
        "<line x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{LEFT}\" y2=\"{bottom:.1}\" stroke=\"{AXIS}\"/>\
         <line x1=\"{LEFT}\" y1=\"{bottom:.1}\" x2=\"{:.1}\" y2=\"{bottom:.1}\" stroke=\"{AXIS}\"/>",
        W - RIGHT,
    );
    if !c.unit.is_empty() {
        let _ = writeln!(
            s,
            "<text x=\"{LEFT}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"start\" fill=\"{INK}\">{}</text>",
            TOP - 12.0,
            h(&c.unit)
        );
    }
    // Time axis: the first day of each period, at most seven ticks.
    let (step, first, count) = periods(from, to, 7);
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
            "<line x1=\"{0:.1}\" y1=\"{bottom:.1}\" x2=\"{0:.1}\" y2=\"{1:.1}\" stroke=\"{AXIS}\"/>\
             <text class=\"tick\" x=\"{0:.1}\" y=\"{2:.1}\" font-size=\"11\" text-anchor=\"{anchor}\" fill=\"{INK}\">{3}</text>",
            x(*d),
            bottom + 4.0,
            bottom + 17.0,
            h(label)
        );
    }
    let [measured, planned, target, baseline, deadline] = styles();
    let line = |st: &Style| {
        let dash = if st.dash.is_empty() {
            String::new()
        } else {
            format!(" stroke-dasharray=\"{}\"", st.dash)
        };
        format!("stroke=\"{}\" stroke-width=\"{}\"{dash}", st.colour, st.width)
    };
    // Baseline and target: horizontal lines, labelled at the right end.
    for (value, st, class) in [(c.baseline, &baseline, "baseline"), (c.target, &target, "target")] {
        if let Some(v) = value {
            let _ = writeln!(
                s,
                "<line class=\"{class}\" x1=\"{LEFT}\" y1=\"{0:.1}\" x2=\"{1:.1}\" y2=\"{0:.1}\" {2}/>\
                 <text x=\"{3:.1}\" y=\"{4:.1}\" font-size=\"11\" text-anchor=\"start\" fill=\"{5}\">{6}</text>",
                y(v),
                W - RIGHT,
                line(st),
                W - RIGHT + 4.0,
                y(v) + 4.0,
                st.colour,
                h(&format!("{} {}", st.label, number::format(v)))
            );
        }
    }
    if let Some(by) = c.by {
        let at = x(by);
        let anchor = if at > W / 2.0 { "end" } else { "start" };
        let _ = writeln!(
            s,
            "<line class=\"deadline\" x1=\"{at:.1}\" y1=\"{:.1}\" x2=\"{at:.1}\" y2=\"{bottom:.1}\" {}/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"{anchor}\" fill=\"{DEADLINE}\">{}</text>",
            TOP - 10.0,
            line(&deadline),
            if anchor == "end" { at - 3.0 } else { at + 3.0 },
            TOP - 14.0,
            h(&tr!("frist {by}", "deadline {by}"))
        );
    }
    if !c.planned.is_empty() {
        let points: Vec<String> =
            c.planned.iter().map(|p| format!("{:.1},{:.1}", x(p.0), y(p.1))).collect();
        let _ = writeln!(
            s,
            "<polyline class=\"planned\" fill=\"none\" {} points=\"{}\"/>",
            line(&planned),
            points.join(" ")
        );
    }
    let points: Vec<String> =
        c.series.iter().map(|p| format!("{:.1},{:.1}", x(p.0), y(p.1))).collect();
    let _ = writeln!(
        s,
        "<polyline class=\"measured\" fill=\"none\" {} stroke-linejoin=\"round\" points=\"{}\"/>",
        line(&measured),
        points.join(" ")
    );
    for p in &c.series {
        let _ = writeln!(
            s,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\" fill=\"{MEASURED}\"><title>{} {}</title></circle>",
            x(p.0),
            y(p.1),
            p.0,
            h(&value_label(c, p.1))
        );
    }
    // The first and the latest value labelled beside their points.
    let mut ends: Vec<&(Date, f64)> = c.series.first().into_iter().collect();
    if c.series.len() > 1 {
        ends.extend(c.series.last());
    }
    for (k, p) in ends.iter().enumerate() {
        let above = c.target.zip(c.baseline).is_none_or(|(t, b)| t < b) == (k == 0);
        let dy = if above { -8.0 } else { 15.0 };
        let anchor = if k == 0 { "start" } else { "end" };
        let _ = writeln!(
            s,
            "<text class=\"value\" x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" font-weight=\"600\" text-anchor=\"{anchor}\" fill=\"{MEASURED}\">{}</text>",
            x(p.0),
            y(p.1) + dy,
            h(&number::format(p.1))
        );
    }
    // The legend: each line's own style beside its name.
    let mut lx = LEFT;
    let ly = H - 16.0;
    let shown = [
        (true, &measured),
        (!c.planned.is_empty(), &planned),
        (c.target.is_some(), &target),
        (c.baseline.is_some(), &baseline),
        (c.by.is_some(), &deadline),
    ];
    s.push_str("<g class=\"legend\">");
    for (_, st) in shown.iter().filter(|(on, _)| *on) {
        let _ = write!(
            s,
            "<line x1=\"{lx:.1}\" y1=\"{ly:.1}\" x2=\"{:.1}\" y2=\"{ly:.1}\" {}/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" fill=\"{INK}\">{}</text>",
            lx + 24.0,
            line(st),
            lx + 28.0,
            ly + 4.0,
            h(&st.label)
        );
        lx += 36.0 + 6.5 * st.label.chars().count() as f64;
    }
    s.push_str("</g>\n</svg>\n");
    s
}

/// The chart as a Mermaid `xychart-beta` block. Mermaid knows only a
/// category axis, so the time to the deadline is cut into at most twelve
/// equal periods (months, quarters, half-years, years, …) labelled by
/// their dates — a weekly indicator over two years gets eight quarters,
/// not a hundred labels. The lines, in the legend's order and colours: the
/// latest measured value in each period (carried forward to the latest
/// value), the planned path at each period's end, the target and the
/// baseline. The period holding the deadline is labelled so.
pub fn mermaid(c: &Chart) -> String {
    let quote = escape::mermaid;
    let Some((from, to)) = c.span() else { return String::new() };
    let (step, first, count) = periods(from, to, 12);
    let period_of = |d: Date| (month_index(d) - first).div_euclid(step);
    // The last day of period k, no later than the chart's end.
    let period_end = |k: i32| {
        month_start(first + (k + 1) * step).and_then(|d| d.add_days(-1)).map_or(to, |d| d.min(to))
    };
    let round = |v: f64| number::plain((v * 100.0).round() / 100.0);
    let deadline = c.by.map(period_of);
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
    if let (Some(b), Some(d)) = (c.baseline, c.baseline_date) {
        known.push((period_of(d), b));
    }
    for p in &c.series {
        known.push((period_of(p.0), p.1));
    }
    known.sort_by_key(|(k, _)| *k);
    let last = c.series.last().map_or(0, |p| period_of(p.0));
    let mut measured = Vec::new();
    let mut current = c.series.first().map(|p| p.1);
    for k in 0..=last.min(count - 1) {
        if let Some((_, v)) = known.iter().rev().find(|(at, _)| *at <= k) {
            current = Some(*v);
        }
        measured.extend(current.map(round));
    }
    let [st_measured, st_planned, st_target, st_baseline, _] = styles();
    let mut lines: Vec<(&Style, Vec<String>)> = vec![(&st_measured, measured)];
    if !c.planned.is_empty() {
        let planned: Vec<String> =
            (0..count).filter_map(|k| c.path_on(period_end(k))).map(round).collect();
        lines.push((&st_planned, planned));
    }
    for (value, st) in [(c.target, &st_target), (c.baseline, &st_baseline)] {
        if let Some(v) = value {
            lines.push((st, vec![round(v); count.max(1) as usize]));
        }
    }
    let palette: Vec<&str> = lines.iter().map(|(st, _)| st.colour).collect();
    let mut s = String::new();
    let _ = writeln!(
        s,
        "```mermaid\n%%{{init: {{\"themeVariables\": {{\"xyChart\": {{\"plotColorPalette\": \"{}\"}}}}}}}}%%\nxychart-beta",
        palette.join(", ")
    );
    let _ = writeln!(s, "    title \"{}\"", quote(&c.title()));
    let _ = writeln!(s, "    x-axis [{}]", labels.join(", "));
    let _ = writeln!(s, "    y-axis \"{}\"", quote(&c.unit));
    for (st, values) in &lines {
        let _ = writeln!(s, "    %% {}", quote(&st.label));
        let _ = writeln!(s, "    line [{}]", values.join(", "));
    }
    s.push_str("```\n");
    let legend: Vec<String> =
        lines.iter().map(|(st, _)| format!("{} ({})", st.label, colour_name(st.colour))).collect();
    let _ = writeln!(s, "\n{}: {}.", tr!("Linjer", "Lines"), legend.join(", "));
    s
}

/// A line's colour in words, for the Markdown legend.
fn colour_name(colour: &str) -> String {
    match colour {
        MEASURED => tr!("blå", "blue"),
        PLANNED => tr!("lilla", "purple"),
        TARGET => tr!("grønn", "green"),
        BASELINE => tr!("grå", "grey"),
        _ => tr!("rød", "red"),
    }
}

/// The legend in words, for a figure's caption: each line's style and colour.
pub fn legend_text(c: &Chart) -> String {
    let mut parts = vec![tr!(
        "Heltrukken blå linje med punkter: målte verdier",
        "Solid blue line with points: measured values"
    )];
    if !c.planned.is_empty() {
        parts.push(tr!("lilla stiplet linje: planlagt vei", "purple dashes: the planned path"));
    }
    if c.target.is_some() {
        parts.push(tr!("grønn strek-prikk-linje: målet", "green dash-dot line: the target"));
    }
    if c.baseline.is_some() {
        parts.push(tr!("grå prikket linje: nullpunktet", "grey dotted line: the baseline"));
    }
    if c.by.is_some() {
        parts.push(tr!("rød loddrett linje: fristen", "red vertical line: the deadline"));
    }
    format!("{}.", parts.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).expect("a date")
    }

    fn weekly() -> Chart {
        let start = d("2025-01-06");
        let series =
            (0..104).filter_map(|w| start.add_days(w * 7)).map(|d| (d, 20.0 - 0.1)).collect();
        Chart {
            key: "ventetid".into(),
            name: "Ventetid".into(),
            unit: "min".into(),
            series,
            planned: vec![(d("2025-01-01"), 20.0), (d("2026-12-31"), 10.0)],
            baseline: Some(20.0),
            baseline_date: Some(d("2025-01-01")),
            target: Some(10.0),
            by: Some(d("2026-12-31")),
            text: "Ventetid: nullpunkt 20 min".into(),
        }
    }

    #[test]
    fn a_weekly_indicator_over_two_years_gets_eight_quarters_in_mermaid() {
        let m = mermaid(&weekly());
        let axis = m.lines().find(|l| l.trim_start().starts_with("x-axis")).expect("axis");
        assert_eq!(axis.matches('"').count(), 16, "{axis}");
        assert_eq!(m.matches("    line [").count(), 4, "measured, planned, target, baseline\n{m}");
        assert!(m.contains("plotColorPalette"), "{m}");
    }

    #[test]
    fn the_svg_has_a_legend_line_styles_and_labelled_ends() {
        let s = svg(&weekly(), true);
        assert!(s.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""), "{s}");
        assert!(s.contains("class=\"legend\""), "{s}");
        assert!(s.contains("stroke-dasharray=\"8 4\""), "planned dashed\n{s}");
        assert!(s.contains("stroke-dasharray=\"2 3\""), "baseline dotted\n{s}");
        assert_eq!(s.matches("class=\"value\"").count(), 2, "{s}");
    }

    #[test]
    fn value_ticks_are_round() {
        assert_eq!(value_ticks(3.2, 14.8), vec![5.0, 10.0]);
        assert_eq!(value_ticks(0.0, 100.0), vec![0.0, 25.0, 50.0, 75.0, 100.0]);
    }
}
