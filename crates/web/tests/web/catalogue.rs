//! Every message the templates and the code ask for is in both catalogues.

use std::collections::BTreeSet;

use juryn_domain::Lang;

fn keys_in_templates() -> BTreeSet<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/templates");
    let mut keys = BTreeSet::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for part in text.split("l.t(\"").skip(1) {
            keys.insert(part[..part.find('"').unwrap()].to_owned());
        }
    }
    keys
}

#[test]
fn every_key_used_is_in_both_catalogues() {
    let mut used = keys_in_templates();
    assert!(used.len() > 30, "the scan finds the template keys");
    used.extend(juryn_web::KEYS_USED_IN_CODE.iter().map(|k| (*k).to_owned()));
    for lang in [Lang::Sv, Lang::En] {
        let have: BTreeSet<String> = juryn_web::catalogue_keys(lang).into_iter().collect();
        let missing: Vec<_> = used.difference(&have).collect();
        assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
    }
}

#[test]
fn every_key_used_in_code_is_looked_up_somewhere() {
    let src = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
    let mut all = String::new();
    let mut stack = vec![std::path::PathBuf::from(src)];
    while let Some(p) = stack.pop() {
        for e in std::fs::read_dir(p).unwrap() {
            let path = e.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.file_name().unwrap() != "i18n.rs" {
                all.push_str(&std::fs::read_to_string(path).unwrap());
            }
        }
    }
    for key in juryn_web::KEYS_USED_IN_CODE {
        // Keys built with format! ("phase-{}", "status-{}", "error-…") are matched by prefix.
        let prefix = key.split('-').next().unwrap();
        assert!(
            all.contains(&format!("\"{key}\"")) || all.contains(&format!("\"{prefix}-")),
            "{key} is unused"
        );
    }
}
