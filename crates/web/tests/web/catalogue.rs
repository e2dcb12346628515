//! Every message the templates and the code ask for is in both catalogues.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use juryn_domain::Lang;

fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(p) = stack.pop() {
        for e in std::fs::read_dir(p).unwrap() {
            let path = e.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == ext) {
                out.push(path);
            }
        }
    }
    out
}

/// The string literals that follow each of `openers` in the files.
fn keys_after(paths: &[PathBuf], openers: &[&str]) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for path in paths {
        let text = std::fs::read_to_string(path).unwrap();
        for opener in openers {
            for part in text.split(opener).skip(1) {
                if let Some(end) = part.find('"') {
                    let key = &part[..end];
                    if !key.is_empty()
                        && key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    {
                        keys.insert(key.to_owned());
                    }
                }
            }
        }
    }
    keys
}

fn used_keys() -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let templates = files(&root.join("templates"), "html");
    let sources = files(&root.join("src"), "rs");
    let mut used = keys_after(&templates, &["l.t(\""]);
    assert!(used.len() > 60, "the scan finds the template keys ({})", used.len());
    let in_code =
        keys_after(&sources, &["t(lang, \"", "t_args(lang, \"", "t(Lang::Sv, \"", "t(Lang::En, \""]);
    assert!(in_code.len() > 30, "the scan finds the code's keys ({})", in_code.len());
    used.extend(in_code);
    used.extend(juryn_web::KEYS_USED_IN_CODE.iter().map(|k| (*k).to_owned()));
    used
}

#[test]
fn every_key_used_is_in_both_catalogues() {
    let used = used_keys();
    for lang in [Lang::Sv, Lang::En] {
        let have: BTreeSet<String> = juryn_web::catalogue_keys(lang).into_iter().collect();
        let missing: Vec<_> = used.difference(&have).collect();
        assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
    }
}

/// Every string literal in the source that could be a key: some calls pass the key through a
/// variable or over several lines, which the opener scan does not see.
fn literals() -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = BTreeSet::new();
    for path in files(&root.join("src"), "rs") {
        let text = std::fs::read_to_string(path).unwrap();
        for (i, chunk) in text.split('"').enumerate() {
            if i % 2 == 1 && chunk.contains('-') && chunk.chars().all(|c| c.is_ascii_lowercase() || c == '-')
            {
                out.insert(chunk.to_owned());
            }
        }
    }
    out
}

#[test]
fn every_key_in_the_catalogue_is_used() {
    let mut used = used_keys();
    used.extend(literals());
    let have: BTreeSet<String> = juryn_web::catalogue_keys(Lang::Sv).into_iter().collect();
    let unused: Vec<_> = have.difference(&used).collect();
    assert!(unused.is_empty(), "the catalogue has keys nothing uses: {unused:?}");
}
