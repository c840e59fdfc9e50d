//! Reading roadmaps: the built-in templates shipped in `roadmaps/`, and a
//! project's own `roadmap.toml`, which either adds items to a built-in one
//! (`extends = "ks-2018"`) or defines a roadmap of its own.

use std::path::Path;

use crate::diag::{Diagnostic, LineIndex, Severity};
use crate::model::checks;
use crate::model::roadmap::{At, Origin, Roadmap};
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
    let local = if super::source::exists(&path) {
        let text = super::read_checked(&path, shown).map_err(|d| vec![*d])?;
        Some((parse(&text, shown)?, text))
    } else {
        None
    };
    let Some((mut own, text)) = local else {
        return Ok(builtin(id));
    };
    let place = Places::new(&text);
    for p in &mut own.phases {
        for i in &mut p.items {
            // Whatever a project writes itself is its own.
            i.origin = Origin::Local;
        }
    }
    let extends = own.extends.is_some();
    let mut problems = own.problems(checks::is_known, !extends);
    let roadmap = match own.extends.clone() {
        Some(base) => {
            let Some(mut b) = builtin(&base) else {
                return Err(vec![place.diagnostic(
                    shown,
                    At::Key("extends"),
                    tr!(
                        "`extends` viser til «{base}», som ikke er et innebygd veikart ({})",
                        "`extends` names `{base}`, which is not a built-in roadmap ({})",
                        builtin_ids().join(", ")
                    ),
                    Vec::new(),
                )]);
            };
            problems.extend(b.extend_with(own));
            b
        }
        None if own.id.trim().is_empty() => {
            return Err(vec![place.diagnostic(
                shown,
                At::File,
                tr!(
                    "{shown} har verken `extends` (for å legge til punkter i et innebygd veikart) eller `id` (for et eget veikart)",
                    "{shown} has neither `extends` (to add items to a built-in roadmap) nor `id` (for a roadmap of its own)"
                ),
                vec![tr!(
                    "skriv for eksempel `extends = \"ks-2018\"` øverst; se docs/roadmap.md",
                    "write for example `extends = \"ks-2018\"` at the top; see docs/roadmap.md"
                )],
            )]);
        }
        None => own,
    };
    let mut out: Vec<Diagnostic> = problems
        .into_iter()
        .map(|p| {
            let hints = match place.text(p.at) {
                Some(rule) if matches!(p.at, At::Rule(..)) => rule_hints(&rule),
                _ => Vec::new(),
            };
            place.diagnostic(shown, p.at, p.message, hints)
        })
        .collect();
    if roadmap.id != id {
        out.push(place.diagnostic(
            shown,
            At::Key(if extends { "extends" } else { "id" }),
            tr!(
                "{shown} gjelder veikartet «{}», men veikart.toml følger «{id}»",
                "{shown} is for the roadmap `{}`, but veikart.toml follows `{id}`",
                roadmap.id
            ),
            vec![tr!(
                "sett `roadmap = \"{}\"` i veikart.toml, eller rett {shown}",
                "set `roadmap = \"{}\"` in veikart.toml, or correct {shown}",
                roadmap.id
            )],
        ));
    }
    if out.is_empty() { Ok(Some(roadmap)) } else { Err(out) }
}

/// "Did you mean" for an unknown rule, and where the rules are listed.
fn rule_hints(typed: &str) -> Vec<String> {
    let names: Vec<&str> = checks::RULES.iter().map(|(n, _)| *n).collect();
    let mut hints = Vec::new();
    if let Some(best) = crate::model::id::closest(typed, &names).first() {
        hints.push(tr!("mente du {best}?", "did you mean {best}?"));
    }
    hints.push(tr!(
        "reglene står i docs/roadmap.md (avsnittet «Rules»)",
        "the rules are listed in docs/roadmap.md (section \"Rules\")"
    ));
    hints
}

/// Where the parts of a roadmap file are, for pointing at a line.
struct Places<'a> {
    doc: Option<toml_edit::Document<String>>,
    lines: LineIndex<'a>,
}

impl<'a> Places<'a> {
    fn new(text: &'a str) -> Places<'a> {
        Places {
            doc: toml_edit::Document::parse(text.to_string()).ok(),
            lines: LineIndex::new(text),
        }
    }

    /// The value `at` names (a phase's or item's `id`, an item's `rule`),
    /// and the table it is in: (value, table's span).
    fn value(&self, at: At) -> Option<(Option<&toml_edit::Item>, Option<std::ops::Range<usize>>)> {
        let doc = self.doc.as_ref()?;
        let phase = |i: usize| nth_table(doc.get("phase")?, i);
        match at {
            At::File | At::Key(_) => None,
            At::Phase(i) => {
                let (t, span) = phase(i)?;
                Some((t.get("id"), span))
            }
            At::Item(i, j) | At::Rule(i, j) => {
                let (p, _) = phase(i)?;
                let (t, span) = nth_table(p.get("item")?, j)?;
                let key = if matches!(at, At::Rule(..)) { "rule" } else { "id" };
                Some((t.get(key), span))
            }
        }
    }

    /// The text of the value `at` names.
    fn text(&self, at: At) -> Option<String> {
        self.value(at)?.0?.as_str().map(str::to_string)
    }

    /// The byte span of what `at` names, if the file has it.
    fn span(&self, at: At) -> Option<std::ops::Range<usize>> {
        if let At::Key(k) = at {
            return self.doc.as_ref()?.as_table().key(k).and_then(|k| k.span());
        }
        let (value, table) = self.value(at)?;
        value.and_then(|v| v.span()).or(table)
    }

    fn diagnostic(&self, shown: &str, at: At, message: String, hints: Vec<String>) -> Diagnostic {
        let (line, column) = self.span(at).map_or((1, 1), |s| self.lines.position(s.start));
        Diagnostic {
            path: shown.to_string(),
            line,
            column,
            severity: Severity::Error,
            code: "roadmap".into(),
            message,
            hints,
            incomplete: false,
        }
    }
}

/// The `n`th table of an array of tables (`[[x]]`) or of an inline array of
/// tables, with its span where known.
fn nth_table(
    item: &toml_edit::Item,
    n: usize,
) -> Option<(&dyn toml_edit::TableLike, Option<std::ops::Range<usize>>)> {
    if let Some(a) = item.as_array_of_tables() {
        let t = a.get(n)?;
        return Some((t, t.span()));
    }
    let v = item.as_array()?.get(n)?;
    let t = v.as_inline_table()?;
    Some((t, v.span()))
}

fn parse(text: &str, shown: &str) -> Result<Roadmap, Vec<Diagnostic>> {
    toml::from_str::<Roadmap>(text).map_err(|e| {
        let (line, column) = e.span().map_or((1, 1), |s| LineIndex::new(text).position(s.start));
        let msg = e.message().trim().to_string();
        let mut d = at(shown, line, tr!("ugyldig veikart: {msg}", "invalid roadmap: {msg}"));
        d.column = column;
        vec![d]
    })
}

fn at(path: &str, line: usize, message: String) -> Diagnostic {
    let mut d = Diagnostic::file_level(path, "roadmap", message);
    d.line = line;
    d
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
                r.problems(checks::is_known, true).is_empty(),
                "{id}: {:?}",
                r.problems(checks::is_known, true)
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
