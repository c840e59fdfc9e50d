//! Which `--format` values each command offers, in one table: the commands
//! check `--format` against it and `--help` lists it.

use super::ui::Format;
use Format::*;

/// Most commands print text for people and JSON for scripts.
const TEXT_JSON: &[Format] = &[Text, Json];

/// The formats `command` (its words after `veikart`, like "idea list")
/// offers; the first is the default.
pub fn offered(command: &str) -> &'static [Format] {
    match command {
        "check" | "raci check" => &[Text, Json, Github, Codequality],
        "checklist" => &[Text, Json, Md, Junit, Github, Codequality],
        "raci show" | "tech compare" | "status-report list" => &[Text, Json, Md, Csv],
        "roadmap show" | "portfolio" | "diff" | "history" => &[Text, Json, Md],
        "measure export" => &[Csv, Json, Xlsx],
        "benefit economics" => &[Text, Json, Md, Csv, Xlsx],
        "report" => &[Md, Html, Json],
        "benefit map" => &[Text, Json, Md, Dot],
        "benefit plan-doc" => &[Md, Html, Xlsx],
        // A folder of web pages.
        "site" => &[Html],
        // `completions` and `man` write shell scripts and roff, not data.
        "completions" | "man" => &[],
        _ => TEXT_JSON,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_prints_json_but_the_generators() {
        for c in ["idea list", "status", "check", "checklist", "report", "measure export"] {
            assert!(offered(c).contains(&Json), "{c}");
        }
    }
}
