//! Personal data that does not belong in a project's files. A Norwegian
//! national identity number (fødselsnummer, or a D- or H-number) is eleven
//! digits: a date (DDMMYY), three digits and two mod-11 check digits. Both
//! check digits must hold, so phone, account and organisation numbers are
//! not mistaken for one.

/// The places (1-based line and character column) in `text` where a national
/// identity number seems to be written: eleven digits, or six and five with
/// one or two spaces, `-` or `.` between, not part of a longer run of digits.
/// Digits in other scripts (full-width `１`) count as digits, any kind of
/// space counts as a space, and invisible characters (zero-width space, soft
/// hyphen) are passed over, so the number cannot hide behind them.
pub fn national_ids(text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for (line_no, line) in text.lines().enumerate() {
        // Each visible character folded to a plain digit, a space or itself,
        // with its column in the line as written.
        let folded: Vec<(char, usize)> = line
            .chars()
            .enumerate()
            .filter(|(_, c)| !is_invisible(*c))
            .map(|(col, c)| (fold(c), col))
            .collect();
        let mut i = 0;
        while i < folded.len() {
            let is_digit = |k: usize| folded.get(k).is_some_and(|(c, _)| c.is_ascii_digit());
            if !is_digit(i) || (i > 0 && is_digit(i - 1)) {
                i += 1;
                continue;
            }
            if let Some((len, digits)) = candidate(&folded[i..])
                && is_national_id(&digits)
            {
                found.push((line_no + 1, folded[i].1 + 1));
                i += len;
                continue;
            }
            i += 1;
        }
    }
    found
}

/// A character that shows nothing: zero-width spaces and joiners, the word
/// joiner, the byte-order mark, the soft hyphen.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{00ad}')
}

/// A digit of any script as its ASCII digit, any space as ` `.
fn fold(c: char) -> char {
    if c.is_whitespace() {
        return ' ';
    }
    if !c.is_ascii() {
        use unicode_normalization::UnicodeNormalization;
        let mut n = std::iter::once(c).nfkc();
        if let (Some(d), None) = (n.next(), n.next())
            && d.is_ascii_digit()
        {
            return d;
        }
    }
    c
}

/// The length (in folded characters) and the digits of an 11-digit
/// candidate at the start of `s`, if there is one.
fn candidate(s: &[(char, usize)]) -> Option<(usize, String)> {
    let digit = |k: usize| s.get(k).is_some_and(|(c, _)| c.is_ascii_digit());
    let run = |from: usize, n: usize| (from..from + n).all(digit);
    let ends_at = |end: usize| !digit(end);
    let text = |range: std::ops::Range<usize>| -> String {
        s[range].iter().map(|(c, _)| *c).filter(char::is_ascii_digit).collect()
    };
    if run(0, 11) && ends_at(11) {
        return Some((11, text(0..11)));
    }
    if !run(0, 6) {
        return None;
    }
    // One or two separators between the six and the five.
    let is_sep = |k: usize| s.get(k).is_some_and(|(c, _)| matches!(c, ' ' | '-' | '.'));
    for seps in 1..=2 {
        if (6..6 + seps).all(is_sep) && run(6 + seps, 5) && ends_at(11 + seps) {
            return Some((11 + seps, text(0..11 + seps)));
        }
    }
    None
}

/// Whether eleven digits form a valid fødselsnummer, D-number or H-number.
pub fn is_national_id(digits: &str) -> bool {
    let d: Vec<u32> = digits.chars().filter_map(|c| c.to_digit(10)).collect();
    if d.len() != 11 || digits.chars().count() != 11 {
        return false;
    }
    let mut day = d[0] * 10 + d[1];
    let mut month = d[2] * 10 + d[3];
    if day > 40 {
        day -= 40; // D-number
    }
    if month > 40 {
        month -= 40; // H-number
    }
    if !(1..=31).contains(&day) || !(1..=12).contains(&month) {
        return false;
    }
    let check = |weights: &[u32]| {
        let sum: u32 = weights.iter().zip(&d).map(|(w, x)| w * x).sum();
        match 11 - sum % 11 {
            11 => Some(0),
            10 => None,
            k => Some(k),
        }
    };
    check(&[3, 7, 6, 1, 8, 9, 4, 5, 2]) == Some(d[9])
        && check(&[5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) == Some(d[10])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_numbers_are_found_with_their_place() {
        // Made-up numbers whose check digits hold.
        assert!(is_national_id("15038510190"));
        assert!(is_national_id("01019010046"));
        assert!(!is_national_id("15038510191"), "wrong check digit");
        assert!(!is_national_id("12345678901"));
        assert!(!is_national_id("99999999999"));
        let text = "title = \"Pasient 15038510190 ringte\"\nnote = \"ok\"\nx = \"010190 10046\"\n";
        assert_eq!(national_ids(text), vec![(1, 18), (3, 6)]);
        // Columns count characters, not bytes.
        assert_eq!(national_ids("å æ ø 15038510190"), vec![(1, 7)]);
    }

    #[test]
    fn the_number_cannot_hide_behind_other_digits_or_spaces() {
        for hidden in [
            "Sett １５０７６５１００１３",
            "Sett 150765\u{a0}10013",
            "Sett 150765  10013",
            "Sett 15076\u{200b}510013",
            "Sett 150765\u{202f}10013",
        ] {
            assert_eq!(national_ids(hidden), vec![(1, 6)], "{hidden:?}");
        }
        assert!(national_ids("Sett 150765   10013").is_empty(), "three spaces: two numbers");
    }

    #[test]
    fn other_numbers_are_left_alone() {
        let text = "tlf = \"+47 22 33 44 55\"\norg = \"974760673\"\nkonto = \"1234.56.78903\"\n\
                    lang = \"150385101901\"\nsum = 15038510190.5\n";
        // The 12-digit run and the decimal are not national ids; the last
        // line's eleven digits before the point are (a number in a sentence).
        assert_eq!(national_ids(text), vec![(5, 7)]);
    }
}
