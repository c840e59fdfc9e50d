//! RACI / HUKI letters and the rules of a responsibility matrix.
//!
//! HUKI is the Norwegian form: Hovedansvarlig (A, accountable), Utførende (R,
//! responsible: does the work), Konsulteres (C, consulted), Informeres (I,
//! informed). Files store HUKI letters; the command line also takes RACI.

use super::schema::{EnumSpec, Finding, Variant};
use crate::tr;

/// The values a cell may hold, as written in files.
pub static LETTERS: EnumSpec = EnumSpec {
    name: "raci",
    variants: &[
        Variant { key: "H", nb: "hovedansvarlig", en: "accountable", aliases: &["a"] },
        Variant { key: "U", nb: "utførende", en: "responsible", aliases: &["r"] },
        Variant {
            key: "HU",
            nb: "hovedansvarlig og utførende",
            en: "accountable and responsible",
            aliases: &["uh", "ar", "ra"],
        },
        Variant { key: "K", nb: "konsulteres", en: "consulted", aliases: &["c"] },
        Variant { key: "I", nb: "informeres", en: "informed", aliases: &[] },
    ],
};

/// More consulted roles than this on one activity gives a warning.
pub const MAX_CONSULTED: usize = 3;

/// Parse letters as typed: HUKI or RACI, any case, `HU`/`AR` for both.
/// Returns the stored form (`H`, `U`, `HU`, `K`, `I`) or a message.
pub fn parse_letters(input: &str) -> Result<&'static str, String> {
    let mut h = false;
    let mut u = false;
    let mut k = false;
    let mut i = false;
    let cleaned: String = input.chars().filter(|c| !matches!(c, ' ' | '+' | ',' | '/')).collect();
    if cleaned.is_empty() {
        return Err(tr!("ingen bokstaver", "no letters"));
    }
    for c in cleaned.chars() {
        match c.to_ascii_uppercase() {
            'H' | 'A' => h = true,
            'U' | 'R' => u = true,
            'K' | 'C' => k = true,
            'I' => i = true,
            other => {
                return Err(tr!(
                    "«{other}» er ikke en HUKI- eller RACI-bokstav (H/A, U/R, K/C, I)",
                    "`{other}` is not a HUKI or RACI letter (H/A, U/R, K/C, I)"
                ));
            }
        }
    }
    match (h, u, k, i) {
        (true, false, false, false) => Ok("H"),
        (false, true, false, false) => Ok("U"),
        (true, true, false, false) => Ok("HU"),
        (false, false, true, false) => Ok("K"),
        (false, false, false, true) => Ok("I"),
        _ => Err(tr!(
            "en rolle har én bokstav per aktivitet; bare H og U kan kombineres (HU)",
            "a role holds one letter per activity; only H and U combine (HU)"
        )),
    }
}

/// What a cell means, in the current language (`hovedansvarlig`).
pub fn describe(letters: &str) -> &str {
    LETTERS.label(letters)
}

/// What a role holding `letters` is, for a sentence like «sykepleier er nå
/// informert (I)»: adjectives and participles, never the verb of the legend.
pub fn role_is(letters: &str) -> &'static str {
    match letters {
        "H" => crate::i18n::pick("hovedansvarlig", "accountable"),
        "U" => crate::i18n::pick("utførende", "responsible"),
        "HU" => crate::i18n::pick("hovedansvarlig og utførende", "accountable and responsible"),
        "K" => crate::i18n::pick("konsultert", "consulted"),
        _ => crate::i18n::pick("informert", "informed"),
    }
}

/// The rules for one activity's cells (role id → stored letters).
pub fn rules(activity_id: &str, cells: &[(String, String)]) -> Vec<Finding> {
    let mut out = Vec::new();
    let holders = |want: &[&str]| -> Vec<&str> {
        cells.iter().filter(|(_, l)| want.contains(&l.as_str())).map(|(r, _)| r.as_str()).collect()
    };
    let h = holders(&["H", "HU"]);
    let u = holders(&["U", "HU"]);
    let k = holders(&["K"]);
    if h.is_empty() {
        out.push(
            Finding::error(
                "raci-no-accountable",
                Some("raci"),
                tr!(
                    "aktiviteten har ingen hovedansvarlig (H)",
                    "the activity has no accountable role (H)"
                ),
            )
            .hint(tr!(
                "kjør `veikart raci set {activity_id} ROLLE H`",
                "run `veikart raci set {activity_id} ROLE H` (A, as in RACI, works too)"
            ))
            .incomplete(),
        );
    } else if h.len() > 1 {
        for extra in &h[1..] {
            out.push(
                Finding::error(
                    "raci-many-accountable",
                    Some("raci"),
                    tr!(
                        "aktiviteten har {} hovedansvarlige ({}); det skal være nøyaktig én",
                        "the activity has {} accountable roles ({}); it needs exactly one",
                        h.len(),
                        h.join(", ")
                    ),
                )
                .at_key(extra)
                .hint(tr!(
                    "velg én hovedansvarlig; gi de andre U, K eller I, eller del aktiviteten i to",
                    "choose one accountable role; give the others U, K or I, or split the activity"
                )),
            );
        }
    }
    if u.is_empty() {
        out.push(
            Finding::error(
                "raci-no-responsible",
                Some("raci"),
                tr!(
                    "aktiviteten har ingen utførende (U)",
                    "the activity has no responsible role (U)"
                ),
            )
            .hint(tr!(
                "kjør `veikart raci set {activity_id} ROLLE U` (eller HU om den hovedansvarlige også gjør jobben)",
                "run `veikart raci set {activity_id} ROLE U` (R, as in RACI, works too; HU if the accountable role also does the work)"
            ))
            .incomplete(),
        );
    }
    if k.len() > MAX_CONSULTED {
        out.push(
            Finding::warning(
                "raci-many-consulted",
                Some("raci"),
                tr!(
                    "{} roller konsulteres ({}); hold K-listen kort",
                    "{} roles are consulted ({}); keep the consulted list short",
                    k.len(),
                    k.join(", ")
                ),
            )
            .at_key(k[MAX_CONSULTED]),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_in_both_alphabets_and_any_case() {
        assert_eq!(parse_letters("A"), Ok("H"));
        assert_eq!(parse_letters("r"), Ok("U"));
        assert_eq!(parse_letters("hu"), Ok("HU"));
        assert_eq!(parse_letters("AR"), Ok("HU"));
        assert_eq!(parse_letters("RA"), Ok("HU"));
        assert_eq!(parse_letters("c"), Ok("K"));
        assert_eq!(parse_letters("K"), Ok("K"));
        assert_eq!(parse_letters("i"), Ok("I"));
        assert!(parse_letters("HK").is_err());
        assert!(parse_letters("X").is_err());
        assert!(parse_letters("").is_err());
    }

    fn cells(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    #[test]
    fn matrix_rules() {
        let codes = |c: &[(&str, &str)]| -> Vec<&'static str> {
            rules("a", &cells(c)).iter().map(|f| f.code).collect()
        };
        assert!(codes(&[("lege", "HU")]).is_empty());
        assert!(codes(&[("lege", "H"), ("sykepleier", "U"), ("x", "I")]).is_empty());
        assert_eq!(codes(&[("sykepleier", "U")]), vec!["raci-no-accountable"]);
        assert_eq!(codes(&[("lege", "H")]), vec!["raci-no-responsible"]);
        assert_eq!(codes(&[("a", "H"), ("b", "HU")]), vec!["raci-many-accountable"]);
        assert_eq!(
            codes(&[("a", "HU"), ("b", "K"), ("c", "K"), ("d", "K"), ("e", "K")]),
            vec!["raci-many-consulted"]
        );
        assert_eq!(codes(&[]), vec!["raci-no-accountable", "raci-no-responsible"]);
    }
}
