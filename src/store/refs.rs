//! References to a record of one of several kinds (a benefit's enablers:
//! a proposal, a technology option, an activity or a touchpoint), written
//! with their folder (`proposals/sms-varsel`). What a user types is
//! resolved here, once, for every field of [`FieldType::RefsAmong`].
//!
//! [`FieldType::RefsAmong`]: crate::model::schema::FieldType::RefsAmong

use anyhow::Result;

use super::Project;
use crate::error::UserError;
use crate::model::id::{self, Lookup};
use crate::model::schema::KindSpec;
use crate::tr;

/// The kinds that live in `dirs`, in that order.
fn kinds(dirs: &[&'static str]) -> Vec<&'static KindSpec> {
    dirs.iter().filter_map(|d| crate::model::kind_of(d)).map(|k| k.spec).collect()
}

/// The kind `word` names among `kinds`: its folder (`proposals`), its noun
/// (`proposal`) or its command (`tech`), in English or Bokmål.
fn kind_named(word: &str, kinds: &[&'static KindSpec]) -> Option<&'static KindSpec> {
    let w = word.trim().to_lowercase();
    kinds.iter().copied().find(|k| {
        [k.dir, k.noun, k.command, k.noun_nb, k.plural, k.plural_nb]
            .iter()
            .any(|n| n.to_lowercase() == w)
    })
}

impl Project {
    /// `folder/id` for what the user typed as a reference to a record of
    /// one of `dirs`: `proposal/ID` (or the folder, `proposals/ID`), or a
    /// plain id or unique prefix, looked up in every one of the folders. A
    /// plain id found in two kinds is refused, asking for the kind.
    pub fn resolve_among(&self, dirs: &[&'static str], wanted: &str) -> Result<String> {
        let kinds = kinds(dirs);
        let typed = wanted.trim();
        if let Some((word, rest)) = typed.split_once(['/', ':'])
            && let Some(spec) = kind_named(word, &kinds)
        {
            return Ok(format!("{}/{}", spec.dir, self.resolve(spec, rest)?));
        }
        // An exact id in one kind wins over prefixes in others.
        let mut exact = Vec::new();
        let mut prefixed = Vec::new();
        let mut all: Vec<String> = Vec::new();
        for spec in &kinds {
            let ids = self.ids(spec)?;
            match id::lookup(typed, ids.iter().map(String::as_str)) {
                Lookup::Found(found) => {
                    let exactly = found == typed || found == id::slug(typed);
                    let whole = format!("{}/{found}", spec.dir);
                    if exactly { exact.push(whole) } else { prefixed.push(whole) }
                }
                Lookup::Ambiguous(several) => {
                    prefixed.extend(several.into_iter().map(|i| format!("{}/{i}", spec.dir)));
                }
                Lookup::Unknown(_) => {}
            }
            all.extend(ids.into_iter().map(|i| format!("{}/{i}", spec.dir)));
        }
        let which: Vec<String> = kinds.iter().map(|k| k.label().to_string()).collect();
        let which = match which.as_slice() {
            [rest @ .., last] if !rest.is_empty() => {
                format!("{} {} {last}", rest.join(", "), crate::i18n::pick("eller", "or"))
            }
            _ => which.join(""),
        };
        let found = if exact.is_empty() { prefixed } else { exact };
        match found.as_slice() {
            [one] => Ok(one.clone()),
            [] => {
                let bare: Vec<&str> =
                    all.iter().filter_map(|a| a.split_once('/').map(|(_, i)| i)).collect();
                let close: Vec<String> = id::closest(&id::slug(typed), &bare)
                    .into_iter()
                    .filter_map(|c| all.iter().find(|a| a.ends_with(&format!("/{c}"))).cloned())
                    .collect();
                let mut e = UserError::new(tr!(
                    "fant ingen {which} med id «{typed}»",
                    "no {which} with id `{typed}`"
                ));
                if !close.is_empty() {
                    e = e.hint(tr!("mente du {}?", "did you mean {}?", close.join(", ")));
                }
                Err(e
                    .hint(tr!(
                        "se dem med `veikart proposal list`, `veikart tech list`, `veikart activity list` og `veikart touchpoint list`",
                        "list them with `veikart proposal list`, `veikart tech list`, `veikart activity list` and `veikart touchpoint list`"
                    ))
                    .into())
            }
            several => {
                let example = several.first().cloned().unwrap_or_default();
                Err(UserError::new(tr!(
                    "«{typed}» passer til flere: {}",
                    "`{typed}` matches several: {}",
                    several.join(", ")
                ))
                .hint(tr!(
                    "si hva slags post du mener, som `{example}`",
                    "say which kind you mean, like `{example}`"
                ))
                .into())
            }
        }
    }
}
