//! Personal data that does not belong in a project's files. A Norwegian
//! national identity number (fødselsnummer, or a D- or H-number) is eleven
//! digits: a date (DDMMYY), three digits and two mod-11 check digits. Both
//! check digits must hold, so phone, account and organisation numbers are
//! not mistaken for one.

/// The places (1-based line and character column) in `text` where a national
/// identity number seems to be written: eleven digits, or six and five with
/// one space, `-` or `.` between, not part of a longer run of digits.
pub fn national_ids(text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for (line_no, line) in text.lines().enumerate() {
        // Digits are ASCII, so bytes will do; most lines have no long run.
        let bytes = line.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if !bytes[i].is_ascii_digit() || (i > 0 && bytes[i - 1].is_ascii_digit()) {
                i += 1;
                continue;
            }
            if let Some(len) = candidate(&bytes[i..]) {
                let digits: String = bytes[i..i + len]
                    .iter()
                    .filter(|b| b.is_ascii_digit())
                    .map(|&b| b as char)
                    .collect();
                if is_national_id(&digits) {
                    found.push((line_no + 1, line[..i].chars().count() + 1));
                    i += len;
                    continue;
                }
            }
            i += 1;
        }
    }
    found
}

/// The length of an 11-digit candidate at the start of `s`, if there is one.
fn candidate(s: &[u8]) -> Option<usize> {
    let digits = |from: usize, n: usize| {
        s.len() >= from + n && s[from..from + n].iter().all(u8::is_ascii_digit)
    };
    let ends_at = |end: usize| s.get(end).is_none_or(|c| !c.is_ascii_digit());
    if digits(0, 11) && ends_at(11) {
        return Some(11);
    }
    if digits(0, 6) && matches!(s.get(6), Some(b' ' | b'-' | b'.')) && digits(7, 5) && ends_at(12) {
        return Some(12);
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
    fn other_numbers_are_left_alone() {
        let text = "tlf = \"+47 22 33 44 55\"\norg = \"974760673\"\nkonto = \"1234.56.78903\"\n\
                    lang = \"150385101901\"\nsum = 15038510190.5\n";
        // The 12-digit run and the decimal are not national ids; the last
        // line's eleven digits before the point are (a number in a sentence).
        assert_eq!(national_ids(text), vec![(5, 7)]);
    }
}
