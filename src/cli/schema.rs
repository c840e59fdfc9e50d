//! `veikart schema`: print the JSON Schema of a file kind, for editors.

use anyhow::Result;
use clap::Args;

use super::Ctx;
use crate::error::{SUCCESS, UserError};
use crate::output::ui::Format;
use crate::store::schema;
use crate::tr;

/// Print the JSON Schema of a file kind, for editors such as taplo
///
/// Without KIND, lists the kinds. The same schemas are in docs/schema/ of the
/// veikart sources; point your editor at them (docs/file-format.md).
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart schema
  veikart schema ideas > ideas.schema.json
  veikart schema project
  veikart schema roadmap > roadmap.schema.json")]
pub struct SchemaArgs {
    /// The kind: project, ideas, roles, … (the folder name)
    pub kind: Option<String>,
}

pub fn cmd_schema(ctx: &mut Ctx, args: SchemaArgs) -> Result<u8> {
    // A schema is JSON whichever of the two is asked for.
    let format = ctx.ui.format("schema")?;
    let all = schema::all();
    let Some(kind) = args.kind else {
        let mut rows: Vec<(String, String)> = all
            .iter()
            .map(|(name, spec)| {
                let file = match (&spec.group, spec.dir.is_empty()) {
                    (_, true) => "veikart.toml".to_string(),
                    (Some(g), _) => format!("{}/<{}>/<id>.toml", spec.dir, g.field),
                    (None, _) => format!("{}/<id>.toml", spec.dir),
                };
                (name.to_string(), file)
            })
            .collect();
        rows.push((schema::ROADMAP.to_string(), "roadmap.toml".to_string()));
        if format == Format::Json {
            let items: Vec<serde_json::Value> = rows
                .iter()
                .map(|(name, file)| serde_json::json!({ "name": name, "file": file }))
                .collect();
            ctx.ui.json(&serde_json::json!({ "schemas": items }))?;
            return Ok(SUCCESS);
        }
        let s: String = rows.iter().map(|(name, file)| format!("{name:<12} {file}\n")).collect();
        ctx.ui.out(&s)?;
        return Ok(SUCCESS);
    };
    let wanted = kind.trim().to_lowercase();
    if wanted == schema::ROADMAP || wanted == "roadmap.toml" {
        ctx.ui.out(&schema::render_roadmap())?;
        return Ok(SUCCESS);
    }
    match all.iter().find(|(name, spec)| *name == wanted || spec.noun == wanted) {
        Some((name, spec)) => {
            ctx.ui.out(&schema::render(name, spec))?;
            Ok(SUCCESS)
        }
        None => {
            let mut names: Vec<&str> = all.iter().map(|(n, _)| *n).collect();
            names.push(schema::ROADMAP);
            Err(UserError::new(tr!("ukjent filtype «{kind}»", "unknown file kind `{kind}`"))
                .hint(tr!("velg en av: {}", "choose one of: {}", names.join(", ")))
                .into())
        }
    }
}
