//! What people type, turned into field values: one parser per kind of value
//! (text, date, whole number, decimal, money, yes/no, enum key), with the
//! bounds of the field's declaration. Every command-line flag that sets a
//! field uses these, so `--cost 1.200` means the same everywhere, and the
//! bounds are the ones `check` holds files to.

use super::date::Date;
use super::number;
use super::schema::{EnumSpec, Field, FieldType, TextRule, text_problem};
use super::value::Value;
use crate::tr;

/// Parse `raw` as a value of `field`. `title` says the field names the record
/// (it must read as a title, not a path). References (`Ref`, `Refs`) come back
/// as the text typed; the store resolves them to ids.
pub fn parse(field: &Field, raw: &str, title: bool) -> Result<Value, String> {
    match field.ty {
        FieldType::Line if title => self::title(raw).map(Value::Str),
        FieldType::Line | FieldType::Lines => line(raw).map(Value::Str),
        FieldType::Text => text(raw).map(Value::Str),
        FieldType::Date => date(raw).map(Value::Date),
        FieldType::Int { min, max } => int(raw, min, max).map(Value::Int),
        FieldType::Year => year(raw).map(Value::Int),
        FieldType::Number => decimal(raw).map(number_value),
        FieldType::Money => money(raw).map(number_value),
        FieldType::Bool => yes_no(raw).map(Value::Bool),
        FieldType::Enum(spec) | FieldType::Keys(spec) => {
            key(spec, raw).map(|k| Value::Str(k.to_string()))
        }
        FieldType::Ref(_) | FieldType::Refs(_) | FieldType::RefsAmong(_) => {
            let t = raw.trim();
            if t.is_empty() {
                Err(tr!("id-en er tom", "the id is empty"))
            } else {
                Ok(Value::Str(t.to_string()))
            }
        }
        FieldType::RefMap(..) | FieldType::Tables(_) => {
            Err(tr!("dette feltet har egne kommandoer", "this field has commands of its own"))
        }
    }
}

/// A whole number stays an integer in the file (`order = 20`).
fn number_value(f: f64) -> Value {
    if number::is_whole(f) { Value::Int(f as i64) } else { Value::Float(f) }
}

/// One line of text: not empty, no control characters (the rule
/// [`TextRule::Line`], on the value with the spaces around it trimmed). A
/// hidden character is refused before trimming: the line and paragraph
/// separators (U+2028, U+2029) count as white space and would otherwise
/// vanish unseen.
pub fn line(raw: &str) -> Result<String, String> {
    let what = tr!("teksten", "the text");
    if let Some(c) = super::schema::hidden_char(raw, true) {
        return Err(super::schema::hidden_char_message(&what, c));
    }
    let t = raw.trim();
    match text_problem(t, TextRule::Line, &what) {
        Some(p) => Err(p.message),
        None => Ok(t.to_string()),
    }
}

/// Free text: line breaks and tabs are fine, other control characters are
/// not (the rule [`TextRule::Text`]), and it must say something.
pub fn text(raw: &str) -> Result<String, String> {
    if let Some(p) = text_problem(raw, TextRule::Text, &tr!("teksten", "the text")) {
        return Err(p.message);
    }
    let t = raw.trim();
    if t.is_empty() {
        return Err(tr!("teksten er tom", "the text is empty"));
    }
    Ok(t.to_string())
}

/// A title or a name (the rule [`TextRule::Title`]), trimmed.
pub fn title(raw: &str) -> Result<String, String> {
    match super::schema::title_problem(raw) {
        Some(problem) => Err(problem),
        None => Ok(raw.trim().to_string()),
    }
}

/// A `YYYY-MM-DD` date.
pub fn date(raw: &str) -> Result<Date, String> {
    Date::parse(raw).ok_or_else(|| {
        tr!(
            "«{raw}» er ikke en gyldig dato; skriv ÅÅÅÅ-MM-DD, for eksempel 2026-11-01",
            "`{raw}` is not a valid date; write YYYY-MM-DD, for example 2026-11-01"
        )
    })
}

/// A whole number from `min` to `max` (`4`, `4,0`).
pub fn int(raw: &str, min: i64, max: i64) -> Result<i64, String> {
    number::parse_int_in(raw, min, max).ok_or_else(|| {
        if min == i64::MIN || max == i64::MAX {
            return tr!("«{raw}» er ikke et helt tall", "`{raw}` is not a whole number");
        }
        #[allow(clippy::cast_precision_loss)]
        let (min, max) = (number::money(min as f64), number::money(max as f64));
        tr!(
            "«{raw}» er ikke et helt tall fra {min} til {max}",
            "`{raw}` is not a whole number from {min} to {max}"
        )
    })
}

/// How many (`--top 10`): a whole number from 0 up.
pub fn count(raw: &str) -> Result<usize, String> {
    let t = raw.trim();
    t.parse::<usize>().ok().filter(|_| t.chars().all(|c| c.is_ascii_digit())).ok_or_else(|| {
        tr!(
            "«{raw}» er ikke et helt tall fra 0 og oppover",
            "`{raw}` is not a whole number from 0 up"
        )
    })
}

/// Which one of a numbered list (action 2): a whole number from 1 up.
pub fn position(raw: &str) -> Result<usize, String> {
    count(raw).ok().filter(|n| *n >= 1).ok_or_else(|| {
        tr!(
            "«{raw}» er ikke et nummer; numrene begynner på 1",
            "`{raw}` is not a number; the numbers start at 1"
        )
    })
}

/// The first and last year a year field takes.
pub const YEARS: (i64, i64) = (1900, 2200);

/// A year: four digits, from 1900 to 2200.
pub fn year(raw: &str) -> Result<i64, String> {
    let t = raw.trim();
    t.parse::<i64>()
        .ok()
        .filter(|y| t.chars().all(|c| c.is_ascii_digit()) && (YEARS.0..=YEARS.1).contains(y))
        .ok_or_else(|| {
            tr!(
                "«{raw}» er ikke et årstall, for eksempel 2026",
                "`{raw}` is not a year, for example 2026"
            )
        })
}

/// A decimal number: `12,5`, `12.5` and `1 234,5` all work. `1.200` or
/// `1,200` is refused as ambiguous: it reads as a thousand two hundred in
/// Norway (`0.125` and `12.50` read one way only).
pub fn decimal(raw: &str) -> Result<f64, String> {
    let v = number::parse_decimal(raw).ok_or_else(|| {
        tr!(
            "«{raw}» er ikke et tall (desimalkomma går fint: 12,5)",
            "`{raw}` is not a number (a decimal comma is fine: 12,5)"
        )
    })?;
    if number::looks_like_thousands(raw) {
        return Err(ambiguous(raw));
    }
    Ok(v)
}

fn ambiguous(raw: &str) -> String {
    tr!(
        "«{raw}» er tvetydig: skriv tusen med mellomrom eller uten skilletegn (1 200 eller 1200), og desimaler med komma eller punktum (1,2)",
        "`{raw}` is ambiguous: write thousands with a space or nothing (1 200 or 1200), and decimals with a comma or a point (1.2)"
    )
}

/// An amount in NOK, never negative, as people write it: `1 200 000`,
/// `1200000,50`, `kr 1 200`, `1 200 kr`, `1 200,-`, `1,2 mill`, `1,2 mill.
/// kr`, `2 millioner`, `0,5 mrd`, `300 tusen`. `1.200` or `1,200` is refused:
/// in Norway it is often written for a thousand two hundred, while it would
/// be read as 1.2 kroner.
pub fn money(raw: &str) -> Result<f64, String> {
    let not_amount = || {
        tr!(
            "«{raw}» er ikke et beløp (skriv for eksempel 1 200 000, 1200,50 eller 1,2 mill)",
            "`{raw}` is not an amount (write for example 1 200 000, 1200.50 or 1,2 mill)"
        )
    };
    let (figure, factor) = amount_and_factor(raw);
    let v = number::parse_decimal(&figure).ok_or_else(not_amount)?;
    let digits: String = figure.chars().filter(|c| !c.is_whitespace() && *c != '_').collect();
    if let Some((_, frac)) = digits.split_once(['.', ','])
        && frac.len() == 3
        && frac.chars().all(|c| c.is_ascii_digit())
    {
        return Err(tr!(
            "«{raw}» er tvetydig: skriv tusen med mellomrom eller uten skilletegn (1 200 eller 1200), og øre med to desimaler (1,20)",
            "`{raw}` is ambiguous: write thousands with a space or nothing (1 200 or 1200), and øre with two decimals (1.20)"
        ));
    }
    if v < 0.0 {
        return Err(tr!(
            "et beløp kan ikke være negativt ({raw})",
            "an amount cannot be negative ({raw})"
        ));
    }
    // Spaces group thousands: `1 200 000`, never `1 2 3` or `12 00`.
    let int_part = figure.split([',', '.']).next().unwrap_or_default();
    let groups: Vec<&str> =
        int_part.split([' ', '\u{a0}', '\u{202f}']).filter(|g| !g.is_empty()).collect();
    if groups.len() > 1 && (groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3)) {
        return Err(tr!(
            "«{raw}» har mellomrom på feil sted: skriv tusen i grupper på tre (1 200 000)",
            "`{raw}` has spaces in the wrong places: write thousands in groups of three (1 200 000)"
        ));
    }
    if v * factor > 1e13 {
        return Err(tr!(
            "«{raw}» er urimelig stort for et beløp",
            "`{raw}` is unreasonably large for an amount"
        ));
    }
    // Whole øre: `1,2 mill` is 1 200 000, never 1 199 999,9999.
    Ok(((v * factor) * 100.0).round() / 100.0)
}

/// The figure of an amount without its currency, and what a word after it
/// multiplies it by (`1,2 mill` → `1,2`, 1 000 000).
fn amount_and_factor(raw: &str) -> (String, f64) {
    let mut t = raw.trim().to_lowercase();
    for prefix in ["nok", "kr.", "kr"] {
        if let Some(rest) = t.strip_prefix(prefix)
            && rest.starts_with(|c: char| c.is_whitespace() || c.is_ascii_digit())
        {
            t = rest.trim_start().to_string();
            break;
        }
    }
    for suffix in [",-", ".-", "nok", "kroner", "kr.", "kr"] {
        if let Some(rest) = t.strip_suffix(suffix) {
            t = rest.trim_end().to_string();
            break;
        }
    }
    const WORDS: &[(&str, f64)] = &[
        ("milliarder", 1e9),
        ("milliard", 1e9),
        ("billion", 1e9),
        ("mrd.", 1e9),
        ("mrd", 1e9),
        ("millioner", 1e6),
        ("million", 1e6),
        ("mill.", 1e6),
        ("mill", 1e6),
        ("mnok", 1e6),
        ("mln", 1e6),
        ("tusen", 1e3),
        ("thousand", 1e3),
    ];
    for (word, factor) in WORDS {
        if let Some(rest) = t.strip_suffix(word)
            && rest.ends_with(|c: char| c.is_whitespace() || c.is_ascii_digit())
        {
            return (rest.trim_end().to_string(), *factor);
        }
    }
    (t, 1.0)
}

/// Yes or no: `ja`, `nei`, `yes`, `no`, `true`, `false`, any case.
pub fn yes_no(raw: &str) -> Result<bool, String> {
    match raw.trim().to_lowercase().as_str() {
        "ja" | "yes" | "true" | "j" | "y" | "1" => Ok(true),
        "nei" | "no" | "false" | "n" | "0" => Ok(false),
        _ => Err(tr!("«{raw}» er verken ja eller nei", "`{raw}` is neither yes nor no")),
    }
}

/// The key of an enum value typed as a key, a label or an alias, any case.
pub fn key(spec: &'static EnumSpec, raw: &str) -> Result<&'static str, String> {
    spec.parse(raw).ok_or_else(|| {
        let choices = choices(spec);
        tr!(
            "«{raw}» er ikke en gyldig verdi; velg en av: {choices}",
            "`{raw}` is not a valid value; choose one of: {choices}"
        )
    })
}

/// The values an enum takes, for help and errors: the keys, and in Bokmål
/// the Norwegian word beside each (`draft (utkast), tested (testet)`).
pub fn choices(spec: &EnumSpec) -> String {
    let nb: Vec<String> = spec
        .variants
        .iter()
        .map(|v| {
            // A word that can be typed: the label when it is one word, else
            // the first alias (`spart tid` → `tid`).
            let word =
                if v.nb.contains(' ') { v.aliases.first().copied().unwrap_or(v.key) } else { v.nb };
            if word == v.key { v.key.to_string() } else { format!("{} ({word})", v.key) }
        })
        .collect();
    crate::i18n::pick(nb.join(", "), spec.keys().join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_refuses_what_reads_two_ways() {
        assert_eq!(money("1 200"), Ok(1200.0));
        assert_eq!(money("1200,50"), Ok(1200.5));
        assert!(money("1.200").is_err());
        assert!(money("1,200").is_err());
        assert!(money("-5").is_err());
        assert!(money("abc").is_err());
        assert_eq!(money("1,2 mill"), Ok(1_200_000.0));
        assert_eq!(money("1,2 mill. kr"), Ok(1_200_000.0));
        assert_eq!(money("2 millioner"), Ok(2_000_000.0));
        assert_eq!(money("kr 1 200"), Ok(1200.0));
        assert_eq!(money("1 200 kr"), Ok(1200.0));
        assert_eq!(money("1 200,-"), Ok(1200.0));
        assert_eq!(money("NOK 350 000"), Ok(350_000.0));
        assert_eq!(money("300 tusen"), Ok(300_000.0));
        assert_eq!(money("0,5 mrd"), Ok(500_000_000.0));
        assert!(money("1.200 mill").is_err());
        assert!(money("mill").is_err());
        assert!(money("kr").is_err());
        assert!(money("1 2 3").is_err());
        assert!(money("12 00").is_err());
        assert!(money("99999999999999999999999").is_err());
        assert_eq!(money("12 000,50"), Ok(12000.5));
    }

    #[test]
    fn a_decimal_that_reads_as_thousands_is_refused() {
        assert_eq!(decimal("1,2"), Ok(1.2));
        assert_eq!(decimal("0.125"), Ok(0.125));
        assert_eq!(decimal("12.50"), Ok(12.5));
        assert_eq!(decimal("1 200"), Ok(1200.0));
        assert!(decimal("1.200").is_err());
        assert!(decimal("-12,500").is_err());
    }

    #[test]
    fn whole_numbers_keep_their_bounds() {
        assert_eq!(int("4", 1, 5), Ok(4));
        assert_eq!(int("4,0", 1, 5), Ok(4));
        assert!(int("6", 1, 5).is_err());
        assert!(int("4,5", 1, 5).is_err());
    }

    #[test]
    fn yes_and_no_in_both_languages() {
        assert_eq!(yes_no("Ja"), Ok(true));
        assert_eq!(yes_no("no"), Ok(false));
        assert!(yes_no("kanskje").is_err());
    }
}
