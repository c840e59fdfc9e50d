//! Reading roadmaps: the built-in templates shipped in `roadmaps/`, and a
//! project's own `roadmap.toml`, which either adds items to a built-in one
//! (`extends = "ks-2018"`) or defines a roadmap of its own.

use std::path::Path;

use crate::diag::{Diagnostic, LineIndex, Severity};
use crate::model::checks;
use crate::model::roadmap::{Origin, Roadmap};
use crate::tr;

/// The name of a project's own roadmap file, at its root.
pub const LOCAL_FILE: &str = "roadmap.toml";

/// The built-in roadmaps: (id, file text).
const BUILTIN: &[(&str, &str)] = &[
    ("ks-2018", include_str!("../../roadmaps/ks-2018.toml")),
    ("samveis-2015", include_str!("../../roadmaps/samveis-2015.toml")),
];

pub fn builtin_ids() -> Vec<&'static str> {
    BUILTIN.iter().map(|(id, _)| *id).collect()
}

/// A built-in roadmap by id or alias (`ks`, `samveis`). Each is parsed once
/// per run.
pub fn builtin(id: &str) -> Option<Roadmap> {
    static PARSED: std::sync::OnceLock<Vec<Option<Roadmap>>> = std::sync::OnceLock::new();
    let id = match id.trim().to_lowercase().as_str() {
        "ks" => "ks-2018".to_string(),
        "samveis" => "samveis-2015".to_string(),
        other => other.to_string(),
    };
    let at = BUILTIN.iter().position(|(b, _)| *b == id)?;
    // The built-in files are tested to parse; an error here is a build defect.
    let parsed =
        PARSED.get_or_init(|| BUILTIN.iter().map(|(_, t)| toml::from_str(t).ok()).collect());
    parsed.get(at).cloned().flatten()
}

/// The roadmap a project follows: `id` from its veikart.toml, with its own
/// `roadmap.toml` (if any) applied. `shown` is how to name that file.
/// `Ok(None)` when there is no such roadmap (no own file, and `id` is not
/// built in); the caller says so at the `roadmap` key of veikart.toml.
pub fn load(root: &Path, shown: &str, id: &str) -> Result<Option<Roadmap>, Vec<Diagnostic>> {
    let path = root.join(LOCAL_FILE);
    let local = if path.exists() {
        let text = super::read_text(&path, shown).map_err(|e| vec![at(shown, 1, e.to_string())])?;
        Some((parse(&text, shown)?, text))
    } else {
        None
    };
    match local {
        None => Ok(builtin(id)),
        Some((mut own, text)) => {
            let lines = LineIndex::new(&text);
            let line_of = |needle: &str| {
                if needle.is_empty() {
                    return 1;
                }
                text.find(needle).map_or(1, |i| lines.position(i).0)
            };
            for p in &mut own.phases {
                for i in &mut p.items {
                    // Whatever a project writes itself is its own.
                    i.origin = Origin::Local;
                }
            }
            let (roadmap, mut problems) = match own.extends.clone() {
                Some(base) => {
                    let Some(mut b) = builtin(&base) else {
                        return Err(vec![at(
                            shown,
                            line_of("extends"),
                            tr!(
                                "`extends` viser til «{base}», som ikke er et innebygd veikart ({})",
                                "`extends` names `{base}`, which is not a built-in roadmap ({})",
                                builtin_ids().join(", ")
                            ),
                        )]);
                    };
                    let problems = b.extend_with(own);
                    (b, problems)
                }
                None => (own, Vec::new()),
            };
            if roadmap.id != id {
                return Err(vec![at(
                    shown,
                    line_of("id"),
                    tr!(
                        "{shown} gjelder veikartet «{}», men veikart.toml følger «{id}»",
                        "{shown} is for the roadmap `{}`, but veikart.toml follows `{id}`",
                        roadmap.id
                    ),
                )]);
            }
            problems.extend(roadmap.problems(checks::is_known));
            if problems.is_empty() {
                Ok(Some(roadmap))
            } else {
                Err(problems
                    .into_iter()
                    .map(|(m, needle)| at(shown, line_of(&needle), m))
                    .collect())
            }
        }
    }
}

fn parse(text: &str, shown: &str) -> Result<Roadmap, Vec<Diagnostic>> {
    toml::from_str::<Roadmap>(text).map_err(|e| {
        let line = e.span().map_or(1, |s| LineIndex::new(text).position(s.start).0);
        let msg = e.message().trim().to_string();
        vec![at(shown, line, tr!("ugyldig veikart: {msg}", "invalid roadmap: {msg}"))]
    })
}

fn at(path: &str, line: usize, message: String) -> Diagnostic {
    Diagnostic {
        path: path.to_string(),
        line,
        column: 1,
        severity: Severity::Error,
        code: "roadmap".into(),
        message,
        hints: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_roadmaps_parse_and_name_known_rules() {
        for id in builtin_ids() {
            let text = BUILTIN.iter().find(|(b, _)| *b == id).map(|(_, t)| *t).unwrap();
            let r: Roadmap = toml::from_str(text).unwrap_or_else(|e| panic!("{id}: {e}"));
            assert_eq!(r.id, id);
            assert!(
                r.problems(checks::is_known).is_empty(),
                "{id}: {:?}",
                r.problems(checks::is_known)
            );
            assert!(r.phases.iter().all(|p| !p.items.is_empty() && !p.steps.is_empty()), "{id}");
        }
        let ks = builtin("ks-2018").unwrap();
        assert_eq!(
            ks.phase_ids(),
            [
                "forankring",
                "innsikt",
                "tjenesteutvikling",
                "pilotering",
                "overgang-til-drift",
                "ny-praksis"
            ]
        );
        let np = ks.phase("ny-praksis").unwrap();
        assert_eq!(np.items.len(), 12);
        assert!(np.items.iter().all(|i| i.origin == Origin::Ks));
        assert_eq!(builtin("samveis-2015").unwrap().phases.len(), 5);
    }

    #[test]
    fn every_rule_is_used_by_a_builtin_roadmap() {
        let used: std::collections::BTreeSet<String> = builtin_ids()
            .into_iter()
            .filter_map(builtin)
            .flat_map(|r| r.phases)
            .flat_map(|p| p.items)
            .filter_map(|i| i.rule)
            .collect();
        for (name, _) in checks::RULES {
            assert!(used.contains(*name), "rule {name} is not used by any built-in roadmap");
        }
    }
}
