//! SPEC §5: every kind of bad input gets a clear one-line error naming the
//! file (with line and column when a file is at fault) and exit code 2, and
//! every file stays byte-for-byte as it was. Each case snapshots the whole
//! sandbox (not only the project) before and after the command.

use crate::support::{Project, Sandbox, assert_refused, idea_text};

/// A project with two ideas whose ids share the prefix `bedre`.
fn project(sb: &Sandbox) -> Project<'_> {
    let p = sb.init_project();
    p.add_idea("Bedre skilting", &[]);
    p.add_idea("Bedre mat", &[]);
    p
}

#[test]
fn malformed_toml_in_an_idea_is_never_written_over_by_assess() {
    let sb = Sandbox::new();
    let p = project(&sb);
    p.write("ideas/kaffe.toml", "title = \"Kaffe\"\nstatus = \"new\nsubmitted = 2026-11-01\n");
    assert_refused(
        &p,
        &sb.work,
        &["idea", "assess", "kaffe", "--feasibility", "3", "--benefit", "3"],
        &["ideas/kaffe.toml:2:14:"],
    );
    assert_refused(
        &p,
        &sb.work,
        &["idea", "set", "kaffe", "--status", "prioritised"],
        &["ideas/kaffe.toml:2:14:"],
    );
}

#[test]
fn malformed_toml_in_an_idea_fails_read_commands_naming_it() {
    let sb = Sandbox::new();
    let p = project(&sb);
    p.write("ideas/kaffe.toml", "title = \"Kaffe\"\nstatus = \"new\nsubmitted = 2026-11-01\n");
    for args in [&["idea", "list"][..], &["idea", "show", "kaffe"], &["status"]] {
        assert_refused(&p, &sb.work, args, &["ideas/kaffe.toml:2:14:"]);
    }
}

#[test]
fn malformed_project_file_fails_idea_list_naming_it() {
    let sb = Sandbox::new();
    let p = project(&sb);
    p.write(
        "veikart.toml",
        "name = \"Digital legevakt\"\nroadmap = \"ks-2018\"\nphase = forankring\n",
    );
    assert_refused(&p, &sb.work, &["idea", "list"], &["veikart.toml:3:9:"]);
    assert_refused(&p, &sb.work, &["idea", "add", "Kaffe"], &["veikart.toml:3:9:"]);
}

#[test]
fn missing_required_field_is_refused_naming_the_file_and_field() {
    let sb = Sandbox::new();
    let p = project(&sb);
    p.write("ideas/kaffe.toml", "title = \"Kaffe\"\nstatus = \"new\"\n");
    let run = assert_refused(
        &p,
        &sb.work,
        &["idea", "assess", "kaffe", "--feasibility", "3", "--benefit", "3"],
        &["ideas/kaffe.toml:", "submitted"],
    );
    assert!(run.stderr.contains("veikart check"), "points at check for the rest\n{run}");
}

#[test]
fn wrong_type_is_refused_naming_file_line_and_column() {
    let sb = Sandbox::new();
    let p = project(&sb);
    p.write(
        "ideas/kaffe.toml",
        "title = \"Kaffe\"\nstatus = \"new\"\nsubmitted = 2026-11-01\nbenefit = \"mye\"\nfeasibility = 2\n",
    );
    assert_refused(
        &p,
        &sb.work,
        &["idea", "set", "kaffe", "--status", "prioritised"],
        &["ideas/kaffe.toml:4:11:", "benefit"],
    );
}

#[test]
fn unknown_id_is_refused_with_a_suggestion() {
    let sb = Sandbox::new();
    let p = project(&sb);
    let run = assert_refused(
        &p,
        &sb.work,
        &["idea", "assess", "bedre-skiltin-x", "--feasibility", "3", "--benefit", "3"],
        &["bedre-skiltin-x"],
    );
    assert!(run.stderr.contains("bedre-skilting"), "{run}");
    assert_refused(
        &p,
        &sb.work,
        &["idea", "set", "finnes-ikke", "--kind", "improvement"],
        &["finnes-ikke"],
    );
}

#[test]
fn ambiguous_id_is_refused_listing_the_candidates() {
    let sb = Sandbox::new();
    let p = project(&sb);
    assert_refused(
        &p,
        &sb.work,
        &["idea", "set", "bedre", "--status", "testing"],
        &["bedre-mat", "bedre-skilting"],
    );
    assert_refused(
        &p,
        &sb.work,
        &["idea", "assess", "bed", "--feasibility", "3", "--benefit", "3"],
        &["bedre-mat", "bedre-skilting"],
    );
}

#[test]
fn impossible_date_is_refused() {
    let sb = Sandbox::new();
    let p = project(&sb);
    for args in [
        &["idea", "add", "Kaffe", "--date", "2026-02-30"][..],
        &[
            "idea",
            "assess",
            "bedre-mat",
            "--feasibility",
            "3",
            "--benefit",
            "3",
            "--date",
            "2026-02-30",
        ],
        &["idea", "set", "bedre-mat", "--status", "testing", "--date", "2026-02-30"],
        &["idea", "add", "Kaffe", "--date", "30.02.2026"],
        &["status", "--as-of", "2026-13-01"],
    ] {
        let date = args.last().copied().unwrap_or_default();
        assert_refused(&p, &sb.work, args, &[date]);
    }
}

#[test]
fn non_number_score_is_refused() {
    let sb = Sandbox::new();
    let p = project(&sb);
    for bad in ["abc", "fire", "", "4..0", "NaN"] {
        assert_refused(
            &p,
            &sb.work,
            &["idea", "assess", "bedre-mat", "--feasibility", "3", "--benefit", bad],
            &["--benefit"],
        );
    }
}

#[test]
fn empty_title_is_refused() {
    let sb = Sandbox::new();
    let p = project(&sb);
    for t in ["", "   ", "\t"] {
        assert_refused(&p, &sb.work, &["idea", "add", t], &[]);
        assert_refused(&p, &sb.work, &["idea", "set", "bedre-mat", "--title", t], &[]);
    }
}

#[test]
fn control_character_title_is_refused() {
    let sb = Sandbox::new();
    let p = project(&sb);
    for t in ["a\u{7}b", "to\nlinjer", "esc\u{1b}[31m"] {
        assert_refused(&p, &sb.work, &["idea", "add", t], &[]);
        assert_refused(&p, &sb.work, &["idea", "set", "bedre-mat", "--title", t], &[]);
    }
}

#[test]
fn path_like_title_is_refused_and_nothing_is_written_anywhere() {
    let sb = Sandbox::new();
    let p = project(&sb);
    for t in ["../../etc/passwd", "/tmp/x", "ideas/kaffe.toml", "..\\..\\x"] {
        assert_refused(&p, &sb.work, &["idea", "add", t], &[]);
    }
}

#[test]
fn a_record_that_is_a_folder_is_refused_naming_it() {
    let sb = Sandbox::new();
    let p = project(&sb);
    std::fs::create_dir_all(p.path("ideas/x.toml")).expect("mkdir");
    p.write("ideas/x.toml/innhold.txt", "ikke en post\n");
    assert_refused(&p, &sb.work, &["idea", "show", "x"], &["ideas/x.toml"]);
    assert_refused(
        &p,
        &sb.work,
        &["idea", "assess", "x", "--feasibility", "3", "--benefit", "3"],
        &["ideas/x.toml"],
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_idea_file_is_not_changed_by_assess() {
    use std::os::unix::fs::PermissionsExt;
    let sb = Sandbox::new();
    let p = project(&sb);
    let file = p.path("ideas/bedre-mat.toml");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    // Tests may run as root, where the mode does not stop a write: the tool
    // must look at the read-only bit itself.
    assert_refused(
        &p,
        &sb.work,
        &["idea", "assess", "bedre-mat", "--feasibility", "3", "--benefit", "3"],
        &["ideas/bedre-mat.toml"],
    );
    assert_refused(
        &p,
        &sb.work,
        &["idea", "set", "bedre-mat", "--status", "prioritised"],
        &["ideas/bedre-mat.toml"],
    );
    let mode = std::fs::metadata(&file).expect("metadata").permissions().mode();
    assert_eq!(mode & 0o777, 0o444, "the mode is left as it was");
}

#[cfg(unix)]
#[test]
fn an_edit_keeps_the_file_mode() {
    use std::os::unix::fs::PermissionsExt;
    let sb = Sandbox::new();
    let p = project(&sb);
    let file = p.path("ideas/bedre-mat.toml");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    p.assess("bedre-mat", 3, 3, None);
    let mode = std::fs::metadata(&file).expect("metadata").permissions().mode();
    assert_eq!(mode & 0o777, 0o640);
}

#[test]
fn invalid_utf8_in_an_idea_is_refused_naming_the_file() {
    let sb = Sandbox::new();
    let p = project(&sb);
    std::fs::write(p.path("ideas/kaffe.toml"), b"title = \"Caf\xe9\"\nstatus = \"new\"\n")
        .expect("write");
    assert_refused(
        &p,
        &sb.work,
        &["idea", "assess", "kaffe", "--feasibility", "3", "--benefit", "3"],
        &["ideas/kaffe.toml"],
    );
}

#[test]
fn unknown_related_id_in_idea_add_is_refused_and_writes_nothing() {
    let sb = Sandbox::new();
    let p = project(&sb);
    assert_refused(
        &p,
        &sb.work,
        &["idea", "add", "Kaffe", "--related", "finnes-ikke"],
        &["finnes-ikke"],
    );
}

#[test]
fn read_commands_never_write() {
    let sb = Sandbox::new();
    let p = project(&sb);
    p.assess("bedre-mat", 4, 4, None);
    p.write("ideas/kaffe.toml", &idea_text("Kaffe"));
    let before = crate::support::snapshot(&sb.work);
    for args in [
        &["idea", "list"][..],
        &["idea", "list", "--format", "json"],
        &["idea", "show", "kaffe"],
        &["idea", "show", "bedre-mat", "--format", "json"],
        &["status"],
        &["status", "--format", "json"],
        &["check"],
    ] {
        let run = p.run(args).success();
        crate::support::assert_same_tree(&before, &crate::support::snapshot(&sb.work), &run);
    }
}
