//! The web crate in layers, read from its `use` lines: the foundation knows no view and no
//! area, the views know only the foundation, and the areas (public, portal, jury, admin, api,
//! account, nominate) use those two and never each other. Only the routes and the server on top
//! see everything. A new module must be placed in a layer here.

use std::collections::BTreeSet;
use std::path::Path;

const FOUNDATION: &[&str] = &[
    "app",
    "areas",
    "auth",
    "cache",
    "cached_page",
    "confirm",
    "connections",
    "encoding",
    "cookies",
    "error",
    "extract",
    "file_cache",
    "memo",
    "find",
    "i18n",
    "lang",
    "layout",
    "link_page",
    "mail",
    "metrics",
    "oidc",
    "middleware",
    "ranking_cache",
    "respond",
    "route",
    "search_index",
    "site",
    "static_files",
    "timefield",
];
const VIEWS: &[&str] = &[
    "answer_view",
    "booklet",
    "chart",
    "conflict_words",
    "edition_words",
    "entry_view",
    "grants",
    "map",
    "markdown",
    "names",
    "publication",
    "pulse",
    "pulse_chart",
    "question_form",
    "receipt",
    "search_docs",
    "search_query",
];
const AREAS: &[&str] = &["account", "admin", "api", "jury", "nominate", "portal", "public"];
const TOP: &[&str] = &["lib", "routes", "serve", "auto_phase"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Layer {
    Foundation,
    View,
    Area,
    Top,
}

fn layer_of(module: &str) -> Option<Layer> {
    if FOUNDATION.contains(&module) {
        Some(Layer::Foundation)
    } else if VIEWS.contains(&module) {
        Some(Layer::View)
    } else if AREAS.contains(&module) {
        Some(Layer::Area)
    } else if TOP.contains(&module) {
        Some(Layer::Top)
    } else {
        None
    }
}

/// The file's module path under `src/`: `admin/people.rs` → ["admin", "people"], `jury/mod.rs`
/// → ["jury"], `lib.rs` → ["lib"].
fn module_path(relative: &str) -> Vec<String> {
    let mut parts: Vec<String> = relative.trim_end_matches(".rs").split('/').map(str::to_owned).collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// Drops comments and string literals, so that neither is read as a path.
fn code_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '"' => {
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
                out.push_str("\"\"");
            }
            c => out.push(c),
        }
    }
    out
}

/// The top-level modules a file reaches: `crate::x…`, the first names in `use crate::{x, y::z}`,
/// and `super::…` that climbs out of its own top-level module.
fn reached(module: &[String], text: &str) -> BTreeSet<String> {
    let code = code_only(text);
    let mut out = BTreeSet::new();
    let ident = |s: &str| -> String { s.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect() };
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0;
            let mut item = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.insert(ident(item.trim()));
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                if depth == 0 || c != '{' {
                    item.push(c);
                }
            }
            out.insert(ident(item.trim()));
        } else {
            out.insert(ident(rest));
        }
    }
    // `super` from `admin/people.rs` is `admin`; from `admin/mod.rs`, the crate.
    for (i, _) in code.match_indices("super::") {
        if i > 0 && code[..i].ends_with("super::") {
            continue;
        }
        // `self` of `admin/people.rs` is admin::people and of `admin/mod.rs` admin: either
        // way, `super` is one step up from the file's module path.
        let mut base: Vec<String> = module.to_vec();
        base.pop();
        let mut rest = &code[i..];
        let mut climbs = 0;
        while let Some(r) = rest.strip_prefix("super::") {
            rest = r;
            climbs += 1;
        }
        for _ in 1..climbs {
            base.pop();
        }
        let target = if base.is_empty() { ident(rest) } else { base[0].clone() };
        out.insert(target);
    }
    out.retain(|m| !m.is_empty() && m != "self");
    out
}

/// Every import that breaks the layers, as "from → to (why)".
fn violations(files: &[(String, String)]) -> Vec<String> {
    let mut found = Vec::new();
    for (relative, text) in files {
        let module = module_path(relative);
        let top = &module[0];
        let Some(from) = layer_of(top) else {
            found
                .push(format!("{relative}: the module `{top}` has no layer (add it to tests/web/layers.rs)"));
            continue;
        };
        for to_module in reached(&module, text) {
            if &to_module == top {
                continue;
            }
            let Some(to) = layer_of(&to_module) else { continue };
            let allowed = match from {
                Layer::Top => true,
                Layer::Area => to < Layer::Area,
                Layer::View => to <= Layer::View,
                Layer::Foundation => to == Layer::Foundation,
            };
            if !allowed {
                found.push(format!("{relative}: {top} ({from:?}) → {to_module} ({to:?})"));
            }
        }
    }
    found
}

fn source_files() -> Vec<(String, String)> {
    fn walk(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).expect("read src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, root, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative =
                    path.strip_prefix(root).expect("under src").to_string_lossy().replace('\\', "/");
                out.push((relative, std::fs::read_to_string(&path).expect("read file")));
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    walk(&root, &root, &mut out);
    out.sort();
    out
}

#[test]
fn areas_never_import_each_other_and_the_foundation_knows_no_area() {
    let files = source_files();
    assert!(files.len() > 100, "the sources were read");
    let found = violations(&files);
    assert!(found.is_empty(), "imports against the layers:\n{}", found.join("\n"));
}

#[test]
fn the_check_sees_each_kind_of_import() {
    let file = |path: &str, text: &str| (path.to_owned(), text.to_owned());
    let found = violations(&[
        file("jury/visits.rs", "use crate::admin::people::thing;"),
        file("portal/edit.rs", "use crate::{app::AppState, public::{a, b}};"),
        file("admin/mod.rs", "fn f() { super::api::x(); }"),
        file("admin/people.rs", "fn f() { super::super::nominate::x(); }"),
        file("error.rs", "fn f() { crate::names::x() }"),
        file("map.rs", "use crate::jury::x;"),
        file("newthing.rs", ""),
        // Allowed: its own area, the foundation, a view, comments and strings.
        file("admin/people.rs", "use super::people; use crate::app::AppState; use crate::names::x;"),
        file("jury/list.rs", "// crate::admin::x\nlet s = \"crate::admin::x\";"),
        file("routes.rs", "crate::admin::routes(); crate::public::routes();"),
    ]);
    let expected = [
        "jury/visits.rs: jury (Area) → admin (Area)",
        "portal/edit.rs: portal (Area) → public (Area)",
        "admin/mod.rs: admin (Area) → api (Area)",
        "admin/people.rs: admin (Area) → nominate (Area)",
        "error.rs: error (Foundation) → names (View)",
        "map.rs: map (View) → jury (Area)",
        "newthing.rs: the module `newthing` has no layer (add it to tests/web/layers.rs)",
    ];
    assert_eq!(found, expected);
}
