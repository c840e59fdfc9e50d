//! Issue 14, point 7: a seeded mutation test of the store. Each case copies
//! the example project, breaks one to three of its files the way an attacker
//! or an unlucky user would (flipped bytes, a cut-off file, conflict markers,
//! bytes that are not UTF-8, NUL bytes, huge lines, deep nesting, duplicated
//! keys, values of the wrong type, CRLF and byte order marks, very long
//! titles, bidi and line-separator characters, a folder or a named pipe or a
//! symbolic link where a file was, …) and then runs read commands on it. Every
//! read command, whatever it meets:
//!
//! - ends by itself within [`TIMEOUT`] and within a memory limit (no hang, no
//!   reading without end) and is not killed by a signal;
//! - exits with 0, 1 or 2, with no panic or backtrace on stderr, and with a
//!   one-line `feil:`/`error:` first when it exits with 2;
//! - prints UTF-8, and JSON that parses when asked for JSON;
//! - writes nothing: every file and folder of the case (the project, its
//!   `.git` when there is one, the files outside it that links lead to, and
//!   the `TMPDIR` the command gets) is the same after the command, bytes,
//!   inode, mode and modification time, with no file added or removed;
//! - agrees with `check` (docs/exit-codes.md, «Readers agree with check»): a
//!   reader that refuses the project (exit 2) means `check` finds an error.
//!
//! The default run is small (`cargo test --test cli fuzz`: [`DEFAULT_CASES`]
//! cases). `VEIKART_FUZZ_CASES`, `VEIKART_FUZZ_SEED` and
//! `VEIKART_FUZZ_COMMANDS` (read commands per case, or `all`) make a longer
//! one, and `VEIKART_FUZZ_SECONDS` stops it starting new cases after a while; `benches/fuzz.sh` runs it and prints the figures. A failing case
//! prints the seed that replays it alone:
//! `VEIKART_FUZZ_SEED=0x… VEIKART_FUZZ_CASES=1 cargo test --test cli fuzz`.

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsString;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{Sandbox, copy_tree, subcommands};

/// Cases in a plain `cargo test`: bounded so the whole test stays well under
/// a minute on two cores.
const DEFAULT_CASES: u64 = 30;
/// Read commands per case in a plain `cargo test` (besides `check`).
const DEFAULT_COMMANDS: usize = 7;
/// The seed of the first case unless `VEIKART_FUZZ_SEED` says otherwise.
const DEFAULT_SEED: u64 = 0x7665_696b_6172_7414;
/// A read command still running after this has hung.
const TIMEOUT: Duration = Duration::from_secs(10);
/// The address space a read command may use (`ulimit -v`, in KiB): a reader
/// that reads without end stops here instead of exhausting the machine.
const MEMORY_KIB: u64 = 4 * 1024 * 1024;

fn example() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/fjordvik-legevakt")
}

// ---------------------------------------------------------------------------
// A small deterministic random number generator (SplitMix64): the same seed
// gives the same case on every machine, with no crate to pin.

struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True `pct` times in a hundred.
    fn chance(&mut self, pct: u64) -> bool {
        self.next() % 100 < pct
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// A number from the environment, decimal or `0x` hex; `default` when unset.
fn env_u64(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Err(_) => default,
        Ok(v) if v.trim().is_empty() => default,
        Ok(v) => {
            let v = v.trim().replace('_', "");
            let parsed = match v.strip_prefix("0x") {
                Some(hex) => u64::from_str_radix(hex, 16),
                None => v.parse(),
            };
            parsed.unwrap_or_else(|e| panic!("{name}={v} is not a number: {e}"))
        }
    }
}

// ---------------------------------------------------------------------------
// The read commands, discovered from the help as tests/cli/help.rs does, so
// that a new `list` is fuzzed without touching this file.

/// One read command: its words and the formats its help offers.
#[derive(Clone, Debug)]
struct Reader {
    words: Vec<String>,
    formats: Vec<String>,
    how: How,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum How {
    /// In the project, or with `-C` pointing at it.
    Project,
    /// From the case folder with the folder as argument (`portfolio`).
    Tree,
    /// As a shell asks for completions at TAB (`COMPLETE=bash veikart --
    /// veikart WORDS ""`): the ids of the records and the phases.
    Complete,
}

/// The `Formats: a, b (default: a)` line of a help text.
fn formats(help: &str) -> Vec<String> {
    let Some(line) = help.lines().find_map(|l| l.strip_prefix("Formats: ")) else {
        return Vec::new();
    };
    let list = line.split(" (").next().unwrap_or_default();
    // An Excel workbook is only ever written to a file (`-o FILE`), which a
    // reader run here never gets: asked for on stdout it is a usage refusal
    // (exit 2), not the project refused.
    list.split(", ").filter(|f| *f != "xlsx").map(str::to_string).collect()
}

fn help_of(sb: &Sandbox, words: &[String]) -> String {
    let mut args: Vec<String> = vec!["--lang".into(), "en".into()];
    args.extend(words.iter().cloned());
    args.push("--help".into());
    sb.run(&sb.work, &args).success().stdout
}

/// Every command that only reads the project: each noun's `list`, and the
/// commands that show or sum up the whole project (each with and without
/// the flags that change what it reads), plus `NOUN show ID` for every
/// record of the example.
fn readers(sb: &Sandbox) -> (Vec<Reader>, Vec<Reader>) {
    let top = help_of(sb, &[]);
    let mut out = Vec::new();
    let mut shows = Vec::new();
    let example = example();
    let dir = example.to_str().expect("UTF-8 path");
    for noun in subcommands(&top, "Commands:") {
        let help = help_of(sb, std::slice::from_ref(&noun));
        let verbs = subcommands(&help, "Commands:");
        if verbs.iter().any(|v| v == "list") {
            let words = vec![noun.clone(), "list".to_string()];
            let formats = formats(&help_of(sb, &words));
            out.push(Reader { words, formats, how: How::Project });
        }
        if verbs.iter().any(|v| v == "list") && verbs.iter().any(|v| v == "show") {
            let show = vec![noun.clone(), "show".to_string()];
            let formats = formats(&help_of(sb, &show));
            let listed = sb.run(&sb.work, ["-C", dir, &noun, "list", "--format", "json"]);
            let v = listed.success().json();
            let ids = v
                .as_object()
                .into_iter()
                .flat_map(|o| o.values())
                .filter_map(|x| x.as_array())
                .flatten()
                .filter_map(|r| r["id"].as_str().map(str::to_string));
            for id in ids {
                let mut words = show.clone();
                words.push(id);
                shows.push(Reader { words, formats: formats.clone(), how: How::Project });
            }
        }
    }
    let fixed: &[&[&str]] = &[
        &["check"],
        &["check", "--strict"],
        &["status"],
        &["report"],
        &["checklist"],
        &["checklist", "--all"],
        &["checklist", "--check"],
        &["checklist", "--check", "--all"],
        &["phase"],
        &["roadmap", "show"],
        &["raci", "show"],
        &["raci", "check"],
        &["tech", "compare"],
        &["pilot", "show"],
        &["owner"],
        &["measure", "export"],
    ];
    for words in fixed {
        let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        let plain: Vec<String> = words.iter().filter(|w| !w.starts_with("--")).cloned().collect();
        let formats = formats(&help_of(sb, &plain));
        assert!(!formats.is_empty(), "`veikart {}` names its formats", plain.join(" "));
        out.push(Reader { words, formats, how: How::Project });
    }
    let formats = formats(&help_of(sb, &["portfolio".to_string()]));
    out.push(Reader { words: vec!["portfolio".into()], formats, how: How::Tree });
    // A TAB after a command that names a record or a phase.
    let complete: &[&[&str]] =
        &[&["idea", "show"], &["measure", "record"], &["phase", "set"], &["raci", "set"]];
    for words in complete {
        let words = words.iter().map(|w| w.to_string()).collect();
        out.push(Reader { words, formats: Vec::new(), how: How::Complete });
    }
    assert!(out.len() > 30, "found the read commands: {out:?}");
    assert!(shows.len() > 100, "found the records to show: {}", shows.len());
    (out, shows)
}

// ---------------------------------------------------------------------------
// The case folder, before and after: every entry with what a write would
// change. Links are recorded by their target, never followed, and a named
// pipe is never opened.

#[derive(PartialEq, Eq, Debug)]
enum Entry {
    Dir { mode: u32, mtime: (i64, i64) },
    File { bytes: Vec<u8>, mode: u32, ino: u64, mtime: (i64, i64) },
    Link(PathBuf),
    Other { mode: u32, mtime: (i64, i64) },
}

fn tree(root: &Path) -> BTreeMap<PathBuf, Entry> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Entry>) {
        let mut names: Vec<_> = fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("list {}: {e}", dir.display()))
            .map(|e| e.expect("folder entry").path())
            .collect();
        names.sort();
        for path in names {
            let rel = path.strip_prefix(root).expect("below root").to_path_buf();
            let m = fs::symlink_metadata(&path).expect("metadata");
            let mtime = (m.mtime(), m.mtime_nsec());
            let mode = m.permissions().mode();
            let ty = m.file_type();
            if ty.is_symlink() {
                out.insert(rel, Entry::Link(fs::read_link(&path).expect("read link")));
            } else if ty.is_dir() {
                out.insert(rel, Entry::Dir { mode, mtime });
                walk(root, &path, out);
            } else if ty.is_file() {
                let bytes = fs::read(&path).expect("read file");
                out.insert(rel, Entry::File { bytes, mode, ino: m.ino(), mtime });
            } else {
                out.insert(rel, Entry::Other { mode, mtime });
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, root, &mut out);
    out
}

/// What changed between two [`tree`]s, one line per path.
fn tree_diff(before: &BTreeMap<PathBuf, Entry>, after: &BTreeMap<PathBuf, Entry>) -> Vec<String> {
    let mut diffs = Vec::new();
    for (path, entry) in before {
        match after.get(path) {
            None => diffs.push(format!("removed: {}", path.display())),
            Some(e) if e != entry => diffs.push(format!("changed: {}", path.display())),
            Some(_) => {}
        }
    }
    for path in after.keys().filter(|p| !before.contains_key(*p)) {
        diffs.push(format!("added: {}", path.display()));
    }
    diffs
}

// ---------------------------------------------------------------------------
// Mutations.

/// The files of the project a mutation may break: records mostly, now and
/// then `veikart.toml` or the editor support files.
fn targets(root: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = fs::read_dir(dir) else { return };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            let Ok(m) = fs::symlink_metadata(&p) else { continue };
            if p.file_name().is_some_and(|n| n == ".git") {
                continue;
            }
            if m.is_dir() {
                walk(&p, out);
            } else if m.is_file() {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(root, &mut out);
    out
}

/// The folders of the project (its own folder left out), for the mutations
/// that work on a folder.
fn folders(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![root.to_path_buf()];
    while let Some(d) = todo.pop() {
        let Ok(entries) = fs::read_dir(&d) else { continue };
        for e in entries.flatten() {
            let p = e.path();
            if e.file_type().is_ok_and(|t| t.is_dir()) && e.file_name() != ".git" {
                out.push(p.clone());
                todo.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Values of the wrong type, out of range, or at the edge of one.
const ODD_VALUES: &[&str] = &[
    "42",
    "-1",
    "0",
    "9223372036854775807",
    "-9223372036854775808",
    "99999999999999999999",
    "1e308",
    "-1e308",
    "5e-324",
    "-0.0",
    "nan",
    "inf",
    "-inf",
    "true",
    "\"\"",
    "\" \"",
    "\"x\"",
    "[]",
    "[1, \"a\"]",
    "[[]]",
    "{}",
    "{ a = 1 }",
    "0001-01-01",
    "9999-12-31",
    "2026-02-29",
    "2024-02-29",
    "1979-05-27T07:32:00Z",
    "1979-05-27T07:32:00",
    "07:32:00",
    "2026-11-23",
    "2026-11-24",
    "\"2026-11-23\"",
    "\"../../../etc/passwd\"",
    "\"/dev/zero\"",
    "\"ideas/\"",
    "\"-\"",
    "'''\nline one\nline two'''",
];

/// Text a user may paste that breaks naive output: line and paragraph
/// separators, bidi overrides, zero-width and control characters, terminal
/// escapes, markup, CSV formulas, table pipes.
const ODD_TEXT: &[&str] = &[
    "\u{2028}",
    "\u{2029}",
    "\u{202e}gnp.exe",
    "\u{2066}isolate\u{2069}",
    "\u{200b}",
    "\u{feff}",
    "\\u0000",
    "\\u0007",
    "\\u001b[31mred\\u001b[0m",
    "\\u009b",
    "\\r\\n",
    "\\n\\n# heading",
    "e\u{301}\u{301}\u{301}",
    "👩‍👩‍👧‍👦",
    "</script><script>alert(1)</script>",
    "<!--",
    "]]>",
    "| a | b |",
    "=HYPERLINK(\\\"x\\\")",
    "`code`",
    "[link](javascript:alert(1))",
    "::error::x",
    "%0A",
];

/// Break something in the project at `root`; `outside` is a folder beside
/// it that links may lead to. Returns what was done, for the report.
fn mutate(rng: &mut Rng, root: &Path, outside: &Path, ids: &[String]) -> String {
    let files = targets(root);
    let records: Vec<&PathBuf> =
        files.iter().filter(|p| p.extension().is_some_and(|e| e == "toml")).collect();
    let regular = |p: &Path| fs::symlink_metadata(p).is_ok_and(|m| m.is_file());
    let mut file = match rng.below(100) {
        0..=79 if !records.is_empty() => rng.pick(&records).to_path_buf(),
        80..=89 => root.join("veikart.toml"),
        _ if !files.is_empty() => rng.pick(&files).clone(),
        _ => root.join("veikart.toml"),
    };
    let mut kind = rng.below(33);
    let mut prefix = String::new();
    if rng.chance(8) && regular(&root.join("veikart.toml")) {
        // A project's own roadmap file, then (mostly) broken like a record.
        prefix = roadmap_file(rng, root);
        file = root.join("roadmap.toml");
        if rng.chance(30) {
            return prefix;
        }
        // Text mutations, or a folder, link, pipe or nothing in its place.
        kind = rng.below(25);
    }
    let rel = file.strip_prefix(root).unwrap_or(&file).display().to_string();
    // Never open what an earlier mutation made a pipe or a link to a device.
    let bytes = if regular(&file) { fs::read(&file).unwrap_or_default() } else { Vec::new() };
    let (what, new): (String, Option<Vec<u8>>) = match kind {
        0 => {
            let n = rng.range(1, 8);
            let mut b = bytes.clone();
            for _ in 0..n {
                if !b.is_empty() {
                    let i = rng.below(b.len());
                    b[i] ^= 1 << rng.below(8);
                }
            }
            (format!("flip {n} bits"), Some(b))
        }
        1 => {
            let at = rng.below(bytes.len() + 1);
            (format!("truncate at byte {at}"), Some(bytes[..at].to_vec()))
        }
        2 => ("conflict markers".to_string(), Some(conflict(rng, &bytes))),
        3 => {
            let bad: &[&[u8]] =
                &[b"\xff", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\xc0\x80", b"\xfe\xff"];
            let seq = rng.pick(bad);
            let at = rng.below(bytes.len() + 1);
            (format!("invalid UTF-8 {seq:?} at byte {at}"), Some(splice(&bytes, at, seq)))
        }
        4 => {
            let at = rng.below(bytes.len() + 1);
            (format!("NUL at byte {at}"), Some(splice(&bytes, at, b"\0")))
        }
        5 => {
            let n = *rng.pick(&[5_000, 100_000, 600_000, 1_048_577, 2_000_000]);
            let mut b = bytes.clone();
            match rng.below(3) {
                0 => b.extend(format!("\nextra = \"{}\"\n", "x".repeat(n)).bytes()),
                1 => b.extend(format!("\n# {}\n", "ø".repeat(n / 2)).bytes()),
                _ => b.extend("tags = [\"a\"]\n".repeat(n / 12).bytes()),
            }
            (format!("huge line or lines ({n} bytes)"), Some(b))
        }
        6 => ("duplicate a key".to_string(), Some(duplicate_key(rng, &bytes))),
        7 => {
            let v = *rng.pick(ODD_VALUES);
            (format!("a value becomes {v:?}"), Some(set_value(rng, &bytes, v)))
        }
        8 => ("delete a line".to_string(), Some(edit_lines(rng, &bytes, LineEdit::Delete))),
        9 => ("duplicate a line".to_string(), Some(edit_lines(rng, &bytes, LineEdit::Duplicate))),
        10 => ("swap two lines".to_string(), Some(edit_lines(rng, &bytes, LineEdit::Swap))),
        11 => {
            let b = match rng.below(3) {
                0 => String::from_utf8_lossy(&bytes).replace('\n', "\r\n").into_bytes(),
                1 => String::from_utf8_lossy(&bytes).replace('\n', "\r").into_bytes(),
                _ => String::from_utf8_lossy(&bytes).replacen('\n', "\r\n", 2).into_bytes(),
            };
            ("CRLF or CR line endings".to_string(), Some(b))
        }
        12 => {
            let boms: &[&[u8]] = &[b"\xef\xbb\xbf", b"\xef\xbb\xbf\xef\xbb\xbf", b"\xff\xfe"];
            let bom = rng.pick(boms);
            (format!("byte order mark {bom:?}"), Some(splice(&bytes, 0, bom)))
        }
        13 => {
            let n = *rng.pick(&[201, 1_000, 10_000, 200_000]);
            let ch = *rng.pick(&["x", "ø", "🦀", "\u{202e}"]);
            let v = format!("\"{}\"", ch.repeat(n));
            let key = *rng.pick(&["title", "name", "description", "note"]);
            (format!("{key} of {n} × {ch:?}"), Some(set_key(&bytes, key, &v)))
        }
        14 => {
            let t = *rng.pick(ODD_TEXT);
            (format!("odd text {t:?} in a string"), Some(in_string(rng, &bytes, t)))
        }
        15 => {
            let depth = *rng.pick(&[64, 200, 3_000, 100_000]);
            let b = match rng.below(4) {
                0 => format!("deep = {}{}\n", "[".repeat(depth), "]".repeat(depth)),
                1 => format!("deep = {}1{}\n", "{ a = ".repeat(depth), " }".repeat(depth)),
                2 => format!("{} = 1\n", vec!["a"; depth].join(".")),
                _ => format!("[{}]\nx = 1\n", vec!["t"; depth].join(".")),
            };
            let mut out = bytes.clone();
            if rng.chance(50) {
                out = b.into_bytes().into_iter().chain(bytes.iter().copied()).collect();
            } else {
                out.extend(b.bytes());
            }
            (format!("nesting {depth} deep"), Some(out))
        }
        16 if !ids.is_empty() => {
            let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned());
            let id = match stem {
                Some(s) if rng.chance(40) => s,
                _ => rng.pick(ids).clone(),
            };
            let v = format!("\"{id}\"");
            (format!("a value becomes the id {id:?}"), Some(set_value(rng, &bytes, &v)))
        }
        17 => {
            let len = rng.range(0, 400);
            let b: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
            (format!("{len} random bytes"), Some(b))
        }
        18 => ("empty file".to_string(), Some(Vec::new())),
        19 => {
            replace(&file);
            fs::create_dir(&file).expect("mkdir");
            if rng.chance(50) {
                fs::write(file.join("inner.toml"), &bytes).expect("write");
            }
            ("a folder in its place".to_string(), None)
        }
        20 => {
            let target = *rng.pick(&["/dev/zero", "/dev/null", "/dev/urandom"]);
            replace(&file);
            symlink(target, &file).expect("symlink");
            (format!("a link to {target}"), None)
        }
        21 => {
            let away = outside.join(format!("copy-{}", rng.next() % 1000));
            fs::write(&away, &bytes).expect("write outside");
            replace(&file);
            symlink(&away, &file).expect("symlink");
            (format!("a link out of the project to {}", away.display()), None)
        }
        22 => {
            replace(&file);
            let ok = Command::new("mkfifo").arg(&file).status().is_ok_and(|s| s.success());
            assert!(ok, "mkfifo {}", file.display());
            ("a named pipe in its place".to_string(), None)
        }
        23 => {
            replace(&file);
            let how = match rng.below(4) {
                0 => {
                    symlink(&file, &file).expect("symlink");
                    "a link to itself"
                }
                1 => {
                    symlink(outside.join("nothing-here"), &file).expect("symlink");
                    "a dangling link"
                }
                2 if !records.is_empty() => {
                    let other = rng.pick(&records).to_path_buf();
                    let rel = other.strip_prefix(root).expect("in the project");
                    let depth = file.strip_prefix(root).map_or(1, |r| r.components().count());
                    let up = "../".repeat(depth - 1);
                    symlink(format!("{up}{}", rel.display()), &file).expect("symlink");
                    "a link to another file of the project"
                }
                _ => {
                    let sibling = file.with_extension("other.toml");
                    let _ = symlink(&file, &sibling);
                    symlink(&sibling, &file).expect("symlink");
                    "two links in a circle"
                }
            };
            (how.to_string(), None)
        }
        24 => {
            replace(&file);
            ("removed".to_string(), None)
        }
        25 | 26 => return mutate_folder(rng, root, outside),
        27 => {
            let names: &[&[u8]] = &[
                b"Ugyldig navn.toml",
                b".skjult.toml",
                b"stor.TOML",
                b"x.toml.tmp",
                b".veikart-abc123.tmp",
                b"bad\xffname.toml",
                b"-rf.toml",
                b"a..b.toml",
                b"CON.toml",
                b"\xe2\x80\xaegnp.toml",
            ];
            let name: &[u8] = rng.pick::<&[u8]>(names);
            let name = std::ffi::OsStr::from_bytes(name).to_os_string();
            let dir = file.parent().unwrap_or(root).to_path_buf();
            let _ = fs::write(dir.join(&name), &bytes);
            (format!("a stray file {name:?} beside it"), None)
        }
        28 => {
            // Long names, and names like the dates of measurements.
            let names = [
                "a".to_string(),
                "a".repeat(250),
                "0001-01-01".into(),
                "9999-12-31".into(),
                "2026-02-30".into(),
                "2026-11-24".into(),
                "0000-00-00".into(),
                "2026-1-1".into(),
            ];
            let name = rng.pick(&names);
            let dir = file.parent().unwrap_or(root).to_path_buf();
            let _ = fs::write(dir.join(format!("{name}.toml")), &bytes);
            (format!("a copy named {}.toml", clip(name, 20)), None)
        }
        29 => {
            // A record in another kind's folder, under its own name.
            let folders = folders(root);
            let dir = rng.pick(&folders).clone();
            let name = file.file_name().map(OsString::from).unwrap_or_default();
            let _ = fs::write(dir.join(&name), &bytes);
            let shown = dir.strip_prefix(root).unwrap_or(&dir).display().to_string();
            (format!("copied into {shown}/"), None)
        }
        30 => {
            let n = rng.range(2, 40);
            let mut b = bytes.clone();
            for _ in 0..n {
                b = edit_lines(rng, &b, LineEdit::Delete);
            }
            (format!("delete {n} lines"), Some(b))
        }
        31 => {
            let table = *rng.pick(&["[x]\n", "[[x]]\n", "[title]\n", "[[tags]]\n", "[a.b]\n"]);
            (
                format!("a table header {table:?}"),
                Some(splice(&bytes, bytes.len(), table.as_bytes())),
            )
        }
        _ => {
            let v = *rng.pick(ODD_VALUES);
            let key = *rng.pick(&[
                "status",
                "date",
                "phase",
                "roadmap",
                "lang",
                "started",
                "value",
                "baseline",
                "target",
                "by",
                "owner",
                "role",
                "benefit",
                "indicator",
                "feasibility",
                "cost",
                "submitted",
                "letters",
                "order",
                "step",
                "score",
                "due",
                "frequency",
            ]);
            (format!("{key} = {v}"), Some(set_key(&bytes, key, v)))
        }
    };
    if let Some(new) = new {
        // Only a regular file (or none): never write through a link.
        if regular(&file) || fs::symlink_metadata(&file).is_err() {
            fs::write(&file, new).expect("write mutated file");
        }
    }
    format!("{prefix}{rel}: {what}")
}

/// Write a `roadmap.toml`: one that extends a built-in roadmap, or one of
/// the project's own (a copy of a built-in one under another id, or a bare
/// one), with `veikart.toml` pointing at it. Returns what was done.
fn roadmap_file(rng: &mut Rng, root: &Path) -> String {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("roadmaps");
    let builtin = |name: &str| fs::read_to_string(repo.join(name)).expect("built-in roadmap");
    let item =
        "[[phase.item]]\nid = \"personvern\"\nevaluation = \"manual\"\nnb = \"P?\"\nen = \"P?\"\n";
    let (what, text, id) = match rng.below(6) {
        0 => ("extends ks-2018", format!("extends = \"ks-2018\"\n\n[[phase]]\nid = \"ny-praksis\"\n\n{item}"), None),
        1 => ("extends samveis-2015", format!("extends = \"samveis-2015\"\n\n[[phase]]\nid = \"ny-praksis\"\n\n{item}"), None),
        2 => ("a copy of ks-2018 as `egen`", builtin("ks-2018.toml").replacen("id = \"ks-2018\"", "id = \"egen\"", 1), Some("egen")),
        3 => ("a copy of samveis-2015 as `egen`", builtin("samveis-2015.toml").replacen("id = \"samveis-2015\"", "id = \"egen\"", 1), Some("egen")),
        4 => ("a bare roadmap `egen`", "id = \"egen\"\nnb = \"E\"\nen = \"E\"\n\n[[phase]]\nid = \"ny-praksis\"\nnb = \"N\"\nen = \"N\"\n".to_string(), Some("egen")),
        _ => ("a roadmap `egen` that extends itself", "id = \"egen\"\nextends = \"egen\"\nnb = \"E\"\nen = \"E\"\n".to_string(), Some("egen")),
    };
    // An earlier mutation may have put a folder, a link or a pipe there.
    replace(&root.join("roadmap.toml"));
    fs::write(root.join("roadmap.toml"), text).expect("write roadmap.toml");
    if let Some(id) = id {
        let info = root.join("veikart.toml");
        let old = fs::read(&info).expect("read veikart.toml");
        fs::write(&info, set_key(&old, "roadmap", &format!("\"{id}\""))).expect("write");
    }
    format!("roadmap.toml: {what}; ")
}

/// The mutations on a folder: a kind's folder, an owner's folder or the
/// support folder becomes a file, a link, or goes away.
fn mutate_folder(rng: &mut Rng, root: &Path, outside: &Path) -> String {
    let all = folders(root);
    let dir = rng.pick(&all).clone();
    let rel = dir.strip_prefix(root).unwrap_or(&dir).display().to_string();
    let what = match rng.below(5) {
        0 => {
            fs::remove_dir_all(&dir).expect("rm -r");
            fs::write(&dir, "title = \"a file\"\n").expect("write");
            "a file in its place"
        }
        1 => {
            let away = outside.join(format!("dir-{}", rng.next() % 1000));
            copy_tree(&dir, &away);
            fs::remove_dir_all(&dir).expect("rm -r");
            symlink(&away, &dir).expect("symlink");
            "a link to a copy out of the project"
        }
        2 => {
            fs::remove_dir_all(&dir).expect("rm -r");
            symlink(root, &dir).expect("symlink");
            "a link to the project itself (a loop)"
        }
        3 => {
            fs::remove_dir_all(&dir).expect("rm -r");
            "removed"
        }
        _ => {
            let mut deep = dir.clone();
            for _ in 0..rng.range(2, 40) {
                deep = deep.join("d");
            }
            fs::create_dir_all(&deep).expect("mkdir -p");
            fs::write(deep.join("x.toml"), "title = \"deep\"\n").expect("write");
            "deep folders inside"
        }
    };
    format!("{rel}/: {what}")
}

/// Make room for something else at `path`.
fn replace(path: &Path) {
    match fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => fs::remove_dir_all(path).expect("rm -r"),
        Ok(_) => fs::remove_file(path).expect("rm"),
        Err(_) => {}
    }
}

fn splice(bytes: &[u8], at: usize, insert: &[u8]) -> Vec<u8> {
    let mut out = bytes[..at].to_vec();
    out.extend_from_slice(insert);
    out.extend_from_slice(&bytes[at..]);
    out
}

fn lines(bytes: &[u8]) -> Vec<Vec<u8>> {
    bytes.split_inclusive(|b| *b == b'\n').map(<[u8]>::to_vec).collect()
}

fn is_key_line(line: &[u8]) -> bool {
    let t = String::from_utf8_lossy(line);
    let t = t.trim_start();
    !t.starts_with('#') && !t.starts_with('[') && t.contains('=')
}

enum LineEdit {
    Delete,
    Duplicate,
    Swap,
}

fn edit_lines(rng: &mut Rng, bytes: &[u8], how: LineEdit) -> Vec<u8> {
    let mut ls = lines(bytes);
    if ls.is_empty() {
        return bytes.to_vec();
    }
    let i = rng.below(ls.len());
    match how {
        LineEdit::Delete => {
            ls.remove(i);
        }
        LineEdit::Duplicate => {
            let l = ls[i].clone();
            ls.insert(i, l);
        }
        LineEdit::Swap => {
            let j = rng.below(ls.len());
            ls.swap(i, j);
        }
    }
    ls.concat()
}

fn conflict(rng: &mut Rng, bytes: &[u8]) -> Vec<u8> {
    let ls = lines(bytes);
    let i = rng.below(ls.len() + 1);
    let j = (i + rng.range(0, 3)).min(ls.len());
    let ours = ls[i..j].concat();
    let theirs = edit_lines(rng, &ours, LineEdit::Delete);
    let mut out = ls[..i].concat();
    match rng.below(4) {
        0 => out.extend_from_slice(b"<<<<<<< HEAD\n"),
        1 => out.extend_from_slice(b"=======\n"),
        2 => out.extend_from_slice(b">>>>>>> theirs\n"),
        _ => {
            out.extend_from_slice(b"<<<<<<< HEAD\n");
            out.extend_from_slice(&ours);
            out.extend_from_slice(b"=======\n");
            out.extend_from_slice(&theirs);
            out.extend_from_slice(b">>>>>>> 3f2a1bc (other change)\n");
        }
    }
    out.extend(ls[j..].concat());
    out
}

fn duplicate_key(rng: &mut Rng, bytes: &[u8]) -> Vec<u8> {
    let mut ls = lines(bytes);
    let keys: Vec<usize> = (0..ls.len()).filter(|i| is_key_line(&ls[*i])).collect();
    if keys.is_empty() {
        return bytes.to_vec();
    }
    let i = *rng.pick(&keys);
    let mut copy = ls[i].clone();
    if !copy.ends_with(b"\n") {
        copy.push(b'\n');
    }
    let at = rng.range(i + 1, ls.len());
    ls.insert(at, copy);
    ls.concat()
}

/// The value of a random `key = value` line replaced by `value`.
fn set_value(rng: &mut Rng, bytes: &[u8], value: &str) -> Vec<u8> {
    let mut ls = lines(bytes);
    let keys: Vec<usize> = (0..ls.len()).filter(|i| is_key_line(&ls[*i])).collect();
    if keys.is_empty() {
        return [bytes, format!("x = {value}\n").as_bytes()].concat();
    }
    let i = *rng.pick(&keys);
    let text = String::from_utf8_lossy(&ls[i]).into_owned();
    let key = text.split('=').next().unwrap_or_default();
    ls[i] = format!("{key}= {value}\n").into_bytes();
    ls.concat()
}

/// `key = value`: the line of `key` replaced, or one added at the top.
fn set_key(bytes: &[u8], key: &str, value: &str) -> Vec<u8> {
    let mut ls = lines(bytes);
    let line = format!("{key} = {value}\n").into_bytes();
    let at = ls.iter().position(|l| {
        let t = String::from_utf8_lossy(l);
        t.strip_prefix(key).is_some_and(|r| r.trim_start().starts_with('='))
    });
    match at {
        Some(i) => ls[i] = line,
        None => ls.insert(0, line),
    }
    ls.concat()
}

/// `text` put inside a random basic string of the file (after its opening quote).
fn in_string(rng: &mut Rng, bytes: &[u8], text: &str) -> Vec<u8> {
    let quotes: Vec<usize> = bytes
        .windows(3)
        .enumerate()
        .filter(|(_, w)| w[0] == b'=' && w[1] == b' ' && w[2] == b'"')
        .map(|(i, _)| i + 3)
        .collect();
    if quotes.is_empty() {
        return [format!("title = \"{text}\"\n").as_bytes(), bytes].concat();
    }
    splice(bytes, *rng.pick(&quotes), text.as_bytes())
}

// ---------------------------------------------------------------------------
// Running one read command under watch.

struct Outcome {
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    hung: bool,
    elapsed: Duration,
}

/// `veikart ARGS` in `cwd`, under a memory limit, killed after [`TIMEOUT`].
/// stdout and stderr go to files in `scratch` (outside the case folder).
fn run_watched(
    sb: &Sandbox,
    cwd: &Path,
    args: &[String],
    env: &[(&str, String)],
    tmp: &Path,
    scratch: &Path,
) -> Outcome {
    let script = format!("ulimit -v {MEMORY_KIB} && exec \"$0\" \"$@\"");
    let mut all = vec!["-c".to_string(), script, crate::support::bin().to_string()];
    all.extend(args.iter().cloned());
    let out_path = scratch.join("stdout");
    let err_path = scratch.join("stderr");
    let mut cmd = sb.command_of("/bin/sh", cwd, &all);
    cmd.envs(env.iter().map(|(k, v)| (k, v)))
        .env("TMPDIR", tmp)
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::null())
        .stdout(fs::File::create(&out_path).expect("stdout file"))
        .stderr(fs::File::create(&err_path).expect("stderr file"));
    let start = Instant::now();
    let mut child = cmd.spawn().expect("start veikart");
    let mut hung = false;
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        if start.elapsed() > TIMEOUT {
            hung = true;
            let _ = child.kill();
            break child.wait().expect("wait after kill");
        }
        std::thread::sleep(Duration::from_millis(3));
    };
    Outcome {
        code: status.code(),
        stdout: fs::read(&out_path).unwrap_or_default(),
        stderr: fs::read(&err_path).unwrap_or_default(),
        hung,
        elapsed: start.elapsed(),
    }
}

/// What is wrong with one run, if anything: the first broken promise.
fn judge(o: &Outcome, format: Option<&str>) -> Option<String> {
    if o.hung {
        return Some(format!("hung: still running after {TIMEOUT:?}"));
    }
    let stderr = String::from_utf8_lossy(&o.stderr);
    let Some(code) = o.code else {
        return Some("killed by a signal (a crash, a stack overflow or out of memory)".into());
    };
    if !matches!(code, 0..=2) {
        return Some(format!("exit code {code}"));
    }
    for bad in
        ["panicked", "RUST_BACKTRACE", "stack overflow", "memory allocation", "internal error"]
    {
        if stderr.contains(bad) {
            return Some(format!("stderr has {bad:?}"));
        }
    }
    if code == 2 && !(stderr.starts_with("feil: ") || stderr.starts_with("error: ")) {
        return Some("exit 2 without a `feil:`/`error:` line first on stderr".into());
    }
    let Ok(stdout) = std::str::from_utf8(&o.stdout) else {
        return Some("stdout is not UTF-8".into());
    };
    if std::str::from_utf8(&o.stderr).is_err() {
        return Some("stderr is not UTF-8".into());
    }
    if format == Some("json")
        && code != 2
        && let Err(e) = serde_json::from_str::<serde_json::Value>(stdout)
    {
        return Some(format!("--format json printed no JSON: {e}"));
    }
    None
}

// ---------------------------------------------------------------------------
// One case.

/// A broken promise, with what it takes to see it again.
struct Failure {
    seed: u64,
    problem: String,
    command: String,
    mutations: Vec<String>,
    detail: String,
}

struct Figures {
    commands: u64,
    slowest: (Duration, String),
}

/// Run the case of `seed` in `dir`: copy the example, mutate it, run read
/// commands. Returns the failures (at most one per command).
#[allow(clippy::too_many_arguments)]
fn run_case(
    sb: &Sandbox,
    dir: &Path,
    seed: u64,
    readers: &[Reader],
    shows: &[Reader],
    per_case: Option<usize>,
    ids: &[String],
    figures: &mut Figures,
) -> Vec<Failure> {
    let mut rng = Rng::new(seed);
    let case = dir.join("case");
    let scratch = dir.join("scratch");
    let _ = fs::remove_dir_all(&case);
    fs::create_dir_all(&scratch).expect("scratch");
    let root = case.join("prosjekt");
    let outside = case.join("utenfor");
    let tmp = case.join("tmp");
    copy_tree(&example(), &root);
    fs::create_dir_all(&outside).expect("outside");
    fs::create_dir_all(&tmp).expect("tmp");
    if rng.chance(30) {
        sb.git(&root, ["init", "-q"]);
    }
    let mut mutations = Vec::new();
    for _ in 0..rng.range(1, 3) {
        mutations.push(mutate(&mut rng, &root, &outside, ids));
    }
    let links = links_out(&root);

    // `check` first, to hold the readers to its verdict; then a random
    // choice of the rest (or all of them), and `show` of a few records.
    let mut chosen: Vec<Reader> = vec![Reader {
        words: vec!["check".into()],
        formats: vec!["json".into()],
        how: How::Project,
    }];
    match per_case {
        None => chosen.extend(readers.iter().cloned()),
        Some(n) => {
            for _ in 0..n {
                chosen.push(rng.pick(readers).clone());
            }
        }
    }
    let mutated: Vec<&str> = mutations.iter().filter_map(|m| m.split(':').next()).collect();
    let mine: Vec<&Reader> = shows
        .iter()
        .filter(|r| {
            r.words.last().is_some_and(|id| mutated.iter().any(|m| m.contains(id.as_str())))
        })
        .collect();
    for _ in 0..2 {
        let r = if !mine.is_empty() && rng.chance(70) { *rng.pick(&mine) } else { rng.pick(shows) };
        chosen.push(r.clone());
    }

    let mut failures = Vec::new();
    let mut check_found_errors = None;
    for (n, reader) in chosen.iter().enumerate() {
        let format = match n {
            0 => Some("json".to_string()),
            _ if reader.formats.is_empty() => None,
            _ if rng.chance(60) => Some(rng.pick(&reader.formats).clone()),
            _ => None,
        };
        let mut args: Vec<String> = Vec::new();
        if reader.how == How::Complete {
            args.extend(["--".into(), "veikart".into()]);
        }
        if rng.chance(40) {
            args.extend(["--lang".into(), "en".into()]);
        }
        let cwd = if reader.how == How::Tree {
            args.extend(reader.words.iter().cloned());
            args.push(case.display().to_string());
            case.clone()
        } else if rng.chance(50) {
            args.extend(["-C".into(), root.display().to_string()]);
            args.extend(reader.words.iter().cloned());
            case.clone()
        } else {
            args.extend(reader.words.iter().cloned());
            root.clone()
        };
        if let Some(f) = &format {
            args.extend(["--format".into(), f.clone()]);
        }
        let mut env = Vec::new();
        if reader.how == How::Complete {
            args.push(String::new());
            let index = (args.len() - 2).to_string();
            env = vec![("COMPLETE", "bash".to_string()), ("_CLAP_COMPLETE_INDEX", index)];
        }
        let before = tree(&case);
        let o = run_watched(sb, &cwd, &args, &env, &tmp, &scratch);
        figures.commands += 1;
        let command = format!("veikart {}", args.join(" "));
        if o.elapsed > figures.slowest.0 {
            figures.slowest = (o.elapsed, command.clone());
        }
        let mut problem = judge(&o, format.as_deref());
        if problem.is_none() && !o.hung {
            let diffs = tree_diff(&before, &tree(&case));
            if !diffs.is_empty() {
                problem = Some(format!("a read command wrote: {}", diffs.join(", ")));
            }
        }
        if n == 0 && problem.is_none() {
            // `check` exits with 1 when it found an error, and with 2 when
            // it could not run at all (no project), which tells nothing.
            check_found_errors = match o.code {
                Some(0) => Some(false),
                Some(1) => Some(true),
                _ => None,
            };
            if o.code != Some(2) {
                problem = unreported_link(&o.stdout, &root, &links);
            }
        }
        let show = reader.words.get(1).is_some_and(|w| w == "show") && reader.words.len() == 3;
        if problem.is_none()
            && o.code == Some(2)
            && check_found_errors == Some(false)
            && !show
            && reader.how == How::Project
        {
            problem = Some("refused the project (exit 2) although `check` found no error".into());
        }
        if let Some(problem) = problem {
            failures.push(Failure {
                seed,
                problem,
                command,
                mutations: mutations.clone(),
                detail: format!(
                    "exit: {:?}\n--- stderr ---\n{}",
                    o.code,
                    clip(&String::from_utf8_lossy(&o.stderr), 1500)
                ),
            });
        }
    }
    failures
}

/// The links out of the project where `check` reads a file: `veikart.toml`,
/// `roadmap.toml`, and any `.toml` in a folder that is not hidden (the walk
/// follows no link), as paths relative to `root`.
fn links_out(root: &Path) -> Vec<String> {
    let Ok(real_root) = root.canonicalize() else { return Vec::new() };
    let mut out = Vec::new();
    let mut todo = vec![(root.to_path_buf(), 0)];
    while let Some((dir, depth)) = todo.pop() {
        let Ok(entries) = fs::read_dir(&dir) else { continue };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let Ok(ty) = e.file_type() else { continue };
            if name.starts_with('.') {
                continue;
            }
            if ty.is_dir() {
                todo.push((e.path(), depth + 1));
            } else if ty.is_symlink()
                && name.ends_with(".toml")
                && (depth > 0 || name == "veikart.toml" || name == "roadmap.toml")
                && e.path().canonicalize().is_ok_and(|real| !real.starts_with(&real_root))
            {
                let rel = e.path().strip_prefix(root).expect("below root").display().to_string();
                out.push(rel);
            }
        }
    }
    out.sort();
    out
}

/// The first of `links` that `check --format json` (its `stdout`) does not
/// report, at the link or at a folder above it.
fn unreported_link(stdout: &[u8], root: &Path, links: &[String]) -> Option<String> {
    let v: serde_json::Value = serde_json::from_slice(stdout).ok()?;
    let prefix = format!("{}/", root.display());
    let paths: Vec<String> = v["diagnostics"]
        .as_array()?
        .iter()
        .filter_map(|d| d["path"].as_str())
        .map(|p| p.strip_prefix(&prefix).unwrap_or(p).to_string())
        .collect();
    let missing = links
        .iter()
        .find(|rel| !paths.iter().any(|p| *rel == p || rel.starts_with(&format!("{p}/"))))?;
    Some(format!("check did not report the link out of the project at {missing}"))
}

fn clip(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}… ({} bytes in all)", &s[..end], s.len())
}

#[test]
fn fuzz_read_commands_on_a_mutated_example_never_panic_hang_or_write() {
    let cases = env_u64("VEIKART_FUZZ_CASES", DEFAULT_CASES);
    let seed = env_u64("VEIKART_FUZZ_SEED", DEFAULT_SEED);
    let per_case = match std::env::var("VEIKART_FUZZ_COMMANDS") {
        Ok(v) if v == "all" => None,
        Ok(v) if !v.trim().is_empty() => Some(v.trim().parse().expect("VEIKART_FUZZ_COMMANDS")),
        _ => Some(DEFAULT_COMMANDS),
    };
    let sb = Sandbox::new();
    let (readers, shows) = readers(&sb);
    let ids: Vec<String> = shows
        .iter()
        .filter_map(|r| r.words.last().map(|id| id.rsplit('/').next().unwrap_or(id).to_string()))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();

    // The cases live in memory when the machine has a tmpfs: a case copies
    // the example and a read command runs about forty times on each, which
    // on a busy disk would time the disk, not veikart.
    let shm = Path::new("/dev/shm");
    let builder = || tempfile::Builder::new().prefix("veikart-fuzz-").to_owned();
    let cases_dir = match shm.is_dir().then(|| builder().tempdir_in(shm)) {
        Some(Ok(d)) => d,
        _ => builder().tempdir_in(&sb.work).expect("temp dir"),
    };
    let dir = cases_dir.path().canonicalize().expect("canonical temp dir");

    let start = Instant::now();
    let mut figures = Figures { commands: 0, slowest: (Duration::ZERO, String::new()) };
    let mut failures = Vec::new();
    let mut failed_cases = 0;
    // A time budget for long runs: no new case starts after it.
    let budget = Duration::from_secs(env_u64("VEIKART_FUZZ_SECONDS", u64::MAX / 4));
    let mut tried = 0;
    for i in 0..cases {
        if start.elapsed() > budget {
            break;
        }
        tried += 1;
        let case_seed = seed.wrapping_add(i);
        let found = run_case(&sb, &dir, case_seed, &readers, &shows, per_case, &ids, &mut figures);
        if !found.is_empty() {
            failed_cases += 1;
        }
        failures.extend(found);
    }

    // Group the failures by what broke, so a long run reads as a list of defects.
    let mut kinds: BTreeMap<String, Vec<&Failure>> = BTreeMap::new();
    for f in &failures {
        let key = format!("{} ← {}", f.problem, f.command.split(" --format").next().unwrap_or(""));
        let key = key.replace(&dir.display().to_string(), "…");
        kinds.entry(key).or_default().push(f);
    }
    let mut report = String::new();
    for (kind, list) in &kinds {
        let f = list[0];
        report.push_str(&format!(
            "\n== {} × {kind}\n   replay: VEIKART_FUZZ_SEED={:#x} VEIKART_FUZZ_CASES=1 cargo test --test cli fuzz\n   mutations: {}\n   command: {}\n   {}\n",
            list.len(),
            f.seed,
            f.mutations.join("; "),
            f.command,
            f.detail.replace('\n', "\n   ")
        ));
    }
    eprintln!(
        "fuzz: seed {seed:#x}: {tried} cases tried, {} commands run, {} failures in {failed_cases} cases, {} kinds, {:.1} s (slowest command {:.2} s: {})",
        figures.commands,
        failures.len(),
        kinds.len(),
        start.elapsed().as_secs_f64(),
        figures.slowest.0.as_secs_f64(),
        figures.slowest.1.replace(&dir.display().to_string(), "…"),
    );
    assert!(failures.is_empty(), "the fuzz test found broken promises:{report}");
}
