//! Record ids: readable slugs of a title (SPEC §2), and finding an id from
//! what a user typed (a unique prefix, or a close suggestion).

use unicode_normalization::UnicodeNormalization;

/// The longest id we make.
pub const MAX_LEN: usize = 60;

/// The slug of a title: lowercase ASCII, `æ→ae ø→o å→a`, other accents
/// stripped, every run of other characters to one `-`, at most 60 characters,
/// cut at a word boundary where possible. Empty when nothing is left.
pub fn slug(title: &str) -> String {
    let s = truncate(&slug_whole(title));
    // Windows cannot make a file named `con.toml` or `lpt1.toml`.
    if is_reserved_on_windows(&s) { format!("{s}-1") } else { s }
}

/// The device names Windows reserves, whatever the extension.
fn is_reserved_on_windows(s: &str) -> bool {
    matches!(s, "con" | "prn" | "aux" | "nul")
        || ((s.starts_with("com") || s.starts_with("lpt"))
            && s.len() == 4
            && s.as_bytes()[3].is_ascii_digit()
            && s.as_bytes()[3] != b'0')
}

/// The slug of a title, not cut at 60 characters: what makes two names the
/// same (`Sykepleier` and `sykepleier!`), however long they are.
pub fn slug_whole(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    let mut pending_dash = false;
    fn push(s: &str, out: &mut String, pending_dash: &mut bool) {
        if *pending_dash && !out.is_empty() {
            out.push('-');
        }
        *pending_dash = false;
        out.push_str(s);
    }
    for c in title.chars() {
        let lower: String = c.to_lowercase().collect();
        for c in lower.chars() {
            let mapped: Option<&str> = match c {
                'æ' => Some("ae"),
                'ø' => Some("o"),
                'å' => Some("a"),
                'ß' => Some("ss"),
                'œ' => Some("oe"),
                'đ' | 'ð' => Some("d"),
                'þ' => Some("th"),
                'ł' => Some("l"),
                _ => None,
            };
            if let Some(m) = mapped {
                push(m, &mut out, &mut pending_dash);
                continue;
            }
            for d in c.nfkd() {
                if d.is_ascii_alphanumeric() {
                    let mut buf = [0u8; 4];
                    push(d.to_ascii_lowercase().encode_utf8(&mut buf), &mut out, &mut pending_dash);
                } else if !is_combining_mark(d) {
                    pending_dash = true;
                }
            }
        }
    }
    out
}

fn truncate(s: &str) -> String {
    if s.len() <= MAX_LEN {
        return s.to_string();
    }
    let cut = &s[..MAX_LEN];
    match cut.rfind('-') {
        Some(i) if i >= MAX_LEN / 2 => cut[..i].to_string(),
        _ => cut.trim_end_matches('-').to_string(),
    }
}

fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Whether `s` is a well-formed id: lowercase ASCII letters and digits in
/// groups joined by single dashes, at most 60 characters (plus a `-N` suffix).
pub fn is_valid(s: &str) -> bool {
    if s.is_empty() || s.len() > MAX_LEN + 4 {
        return false;
    }
    s.split('-').all(|part| {
        !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    })
}

/// The id to try for the `n`-th clash of `base` (1 = the base itself).
pub fn with_suffix(base: &str, n: usize) -> String {
    if n <= 1 { base.to_string() } else { format!("{base}-{n}") }
}

/// What a typed id or prefix matched among the known ids.
#[derive(Debug, PartialEq, Eq)]
pub enum Lookup {
    Found(String),
    Ambiguous(Vec<String>),
    /// No match; the closest ids, best first (maybe none).
    Unknown(Vec<String>),
}

/// Find `wanted` among `ids`: an exact id wins, then a unique prefix.
pub fn lookup<'a>(wanted: &str, ids: impl IntoIterator<Item = &'a str>) -> Lookup {
    let wanted = wanted.trim();
    if wanted.is_empty() {
        // An empty id is a prefix of every id, but never meant as one.
        return Lookup::Unknown(Vec::new());
    }
    let needle = slug(wanted);
    let needle = if needle.is_empty() { wanted.to_lowercase() } else { needle };
    let ids: Vec<&str> = ids.into_iter().collect();
    if ids.contains(&wanted) {
        return Lookup::Found(wanted.to_string());
    }
    if ids.contains(&needle.as_str()) {
        return Lookup::Found(needle);
    }
    let mut hits: Vec<String> =
        ids.iter().filter(|id| id.starts_with(&needle)).map(|s| s.to_string()).collect();
    hits.sort();
    match hits.len() {
        1 => Lookup::Found(hits.remove(0)),
        0 => Lookup::Unknown(closest(&needle, &ids)),
        _ => Lookup::Ambiguous(hits),
    }
}

/// Up to three ids close to `needle` by edit distance.
pub fn closest(needle: &str, ids: &[&str]) -> Vec<String> {
    let limit = (needle.chars().count() / 3).max(2);
    let mut scored: Vec<(usize, &str)> = ids
        .iter()
        .map(|id| {
            let head: String = id.chars().take(needle.chars().count()).collect();
            (levenshtein(needle, id).min(levenshtein(needle, &head)), *id)
        })
        .filter(|(d, _)| *d <= limit)
        .collect();
    scored.sort();
    if scored.is_empty() {
        // Nothing close as a whole: ids that share a real word with the needle
        // ("stakeholders-mapped" → "stakeholders"), fewest edits first.
        let words = |s: &str| -> Vec<String> {
            s.split('-').filter(|w| w.chars().count() >= 4).map(str::to_string).collect()
        };
        let wanted = words(needle);
        scored = ids
            .iter()
            .filter(|id| words(id).iter().any(|w| wanted.contains(w)))
            .map(|id| (levenshtein(needle, id), *id))
            .collect();
        scored.sort();
    }
    scored.into_iter().take(3).map(|(_, s)| s.to_string()).collect()
}

/// Edit distance between two strings, counted in characters.
pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_follow_the_spec() {
        assert_eq!(slug("Bedre skilting på legevakten"), "bedre-skilting-pa-legevakten");
        assert_eq!(slug("Ærlig øl-smak & Åpen dør!"), "aerlig-ol-smak-apen-dor");
        assert_eq!(slug("Café Noël"), "cafe-noel");
        assert_eq!(slug("  24/7 Tilgang  "), "24-7-tilgang");
        assert_eq!(slug("!!!"), "");
        assert_eq!(slug("Nav"), "nav");
        for reserved in ["CON", "Aux", "nul", "com1", "LPT9"] {
            let s = slug(reserved);
            assert_eq!(s, format!("{}-1", reserved.to_lowercase()));
            assert!(is_valid(&s), "{s}");
        }
        assert_eq!(slug("com0"), "com0");
        assert_eq!(slug("Console"), "console");
        let long = slug(&"ord ".repeat(40));
        assert!(long.len() <= MAX_LEN && is_valid(&long), "{long}");
    }

    #[test]
    fn validity() {
        assert!(is_valid("bedre-skilting"));
        assert!(is_valid("a-2"));
        assert!(!is_valid("Bedre"));
        assert!(!is_valid("a--b"));
        assert!(!is_valid("-a"));
        assert!(!is_valid(""));
    }

    #[test]
    fn lookup_prefix_ambiguity_and_suggestions() {
        let ids = ["bedre-skilting", "bedre-mat", "digital-timebok"];
        assert_eq!(lookup("digi", ids), Lookup::Found("digital-timebok".into()));
        assert_eq!(lookup("bedre-mat", ids), Lookup::Found("bedre-mat".into()));
        assert_eq!(
            lookup("bedre", ids),
            Lookup::Ambiguous(vec!["bedre-mat".into(), "bedre-skilting".into()])
        );
        assert_eq!(lookup("bedre-skiltng", ids), Lookup::Unknown(vec!["bedre-skilting".into()]));
        assert_eq!(lookup("zzzzzz", ids), Lookup::Unknown(vec![]));
        // No close spelling, but a shared word.
        let items = ["stakeholders", "problem-and-goals", "related-projects"];
        assert_eq!(
            lookup("stakeholders-mapped", items),
            Lookup::Unknown(vec!["stakeholders".into()])
        );
        assert_eq!(
            lookup("problem-defined", items),
            Lookup::Unknown(vec!["problem-and-goals".into()])
        );
    }
}
