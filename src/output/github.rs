//! GitHub Actions workflow commands: annotations need their paths relative
//! to the repository and their text escaped by GitHub's rules.

/// A path as GitHub wants it in an annotation: relative to the root of the
/// checked-out repository (`GITHUB_WORKSPACE`), also when veikart runs in a
/// folder below it. Outside GitHub Actions, the path as shown.
pub fn gh_path(shown: &str) -> String {
    let Some(workspace) = std::env::var_os("GITHUB_WORKSPACE").filter(|w| !w.is_empty()) else {
        return shown.to_string();
    };
    let Ok(cwd) = std::env::current_dir() else { return shown.to_string() };
    let mut full = std::path::PathBuf::new();
    for c in cwd.join(shown).components() {
        match c {
            std::path::Component::ParentDir => {
                full.pop();
            }
            std::path::Component::CurDir => {}
            other => full.push(other),
        }
    }
    match full.strip_prefix(std::path::Path::new(&workspace)) {
        Ok(rel) => rel.to_string_lossy().replace('\\', "/"),
        Err(_) => shown.to_string(),
    }
}

/// Escape a workflow command's message (GitHub's rules: %, CR, LF).
pub fn gh_escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escape a workflow command's property value (also `:` and `,`).
pub fn gh_escape_property(s: &str) -> String {
    gh_escape_data(s).replace(':', "%3A").replace(',', "%2C")
}
