//! Numbers as people type them: `12,5` or `12.5`, `1 234,5`.

/// Parse a decimal number, accepting a decimal comma and spaces between
/// thousands. Returns `None` for anything else (including NaN and infinity).
pub fn parse_decimal(s: &str) -> Option<f64> {
    let cleaned: String =
        s.trim().chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '_')).collect();
    if cleaned.is_empty() || cleaned.matches([',', '.']).count() > 1 {
        return None;
    }
    let cleaned = cleaned.replace(',', ".");
    let ok_chars = cleaned
        .chars()
        .enumerate()
        .all(|(i, c)| c.is_ascii_digit() || c == '.' || (i == 0 && (c == '-' || c == '+')));
    if !ok_chars || cleaned.ends_with('.') || cleaned.starts_with('.') {
        return None;
    }
    cleaned.parse::<f64>().ok().filter(|f| f.is_finite())
}

/// Whether a number as typed could be a thousands group (`1.200`, `12,500`,
/// `-1.200`): one to three digits, not starting with 0, a point or a comma,
/// then exactly three digits.
pub fn looks_like_thousands(s: &str) -> bool {
    let t = s.trim();
    let t = t.strip_prefix(['-', '+']).unwrap_or(t);
    let Some((int, frac)) = t.split_once(['.', ',']) else { return false };
    (1..=3).contains(&int.len())
        && !int.starts_with('0')
        && int.chars().all(|c| c.is_ascii_digit())
        && frac.len() == 3
        && frac.chars().all(|c| c.is_ascii_digit())
}

/// Parse a whole number in `min..=max` (`4`, `4,0` and `4.0` all work).
pub fn parse_int_in(s: &str, min: i64, max: i64) -> Option<i64> {
    let f = parse_decimal(s)?;
    if f.fract() != 0.0 {
        return None;
    }
    let i = f as i64;
    (min..=max).contains(&i).then_some(i)
}

/// Whether a number is a whole one that fits an integer exactly.
pub fn is_whole(f: f64) -> bool {
    f.fract() == 0.0 && f.abs() < 1e15
}

/// A number for files and exports: every digit, a decimal point, no
/// trailing `.0` on whole numbers.
pub fn plain(f: f64) -> String {
    if is_whole(f) { format!("{}", f as i64) } else { f.to_string() }
}

/// A number for display: no trailing `.0`, decimal comma in Bokmål.
pub fn format(f: f64) -> String {
    let s = if is_whole(f) {
        format!("{}", f as i64)
    } else {
        let s = format!("{f:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    };
    match crate::i18n::current() {
        crate::i18n::Lang::Nb => s.replace('.', ","),
        crate::i18n::Lang::En => s,
    }
}

/// An amount with its thousands grouped: `180 000` in Bokmål, `180,000` in
/// English, with the decimals of [`format`].
pub fn money(v: f64) -> String {
    let text = format(v);
    let sep = crate::i18n::pick(" ", ",");
    let (sign, rest) = text.strip_prefix('-').map_or(("", text.as_str()), |r| ("-", r));
    let split = rest.find([',', '.']).unwrap_or(rest.len());
    let (int, frac) = rest.split_at(split);
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push_str(sep);
        }
        grouped.push(c);
    }
    format!("{sign}{grouped}{frac}")
}

/// A value with its unit (`45 min`), or `–`.
pub fn with_unit(v: Option<f64>, unit: &str) -> String {
    match v {
        Some(v) if unit.is_empty() => format(v),
        Some(v) => std::format!("{} {unit}", format(v)),
        None => "–".to_string(),
    }
}

/// A percentage, rounded (`62 %`), or `–`.
pub fn percent(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_string(), |v| std::format!("{} %", format(v.round())))
}

/// A share in percent as a reader needs it: one decimal (`77.8`), no `-0`.
pub fn percent_rounded(x: f64) -> f64 {
    let r = (x * 10.0).round() / 10.0;
    if r == 0.0 { 0.0 } else { r }
}

/// Serialise a share in percent (achievement, expected progress) the way a
/// reader needs it: one decimal (`77.8`), never float noise (docs/json.md).
pub fn serialize_percent<S: serde::Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(x) => s.serialize_f64(percent_rounded(*x)),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_comma_and_dot() {
        assert_eq!(parse_decimal("12,5"), Some(12.5));
        assert_eq!(parse_decimal("12.5"), Some(12.5));
        assert_eq!(parse_decimal("1 234,5"), Some(1234.5));
        assert_eq!(parse_decimal("-3"), Some(-3.0));
        for bad in ["", "abc", "1,2,3", "1.2.3", "NaN", "inf", "1e5", ",5", "5,"] {
            assert_eq!(parse_decimal(bad), None, "{bad}");
        }
        assert_eq!(parse_int_in("4,0", 1, 5), Some(4));
        assert_eq!(parse_int_in("4,5", 1, 5), None);
        assert_eq!(parse_int_in("6", 1, 5), None);
    }
}
