//! The search index as an operator meets it: made at start beside the SQLite file (or per
//! process on PostgreSQL), made again by `juryn search reindex`, which a running server's index
//! refuses with a clear line.

use crate::helpers::*;

#[test]
fn the_index_is_made_at_start_and_again_by_reindex() {
    let dir = tempfile::tempdir().unwrap();
    let url = test_database(dir.path(), "juryn");
    let on_sqlite = url.starts_with("sqlite:");
    let index = dir.path().join("juryn.search");
    {
        let (mut server, port) = started("demo", &url, dir.path(), &[]);
        let (status, body) = http_get(port, "/sok?q=Liding%C3%B6").unwrap();
        assert_eq!(status, 200);
        assert!(body.contains("/digitaliseringskommun/2019/skrift/0186"), "Lidingö is found");
        if on_sqlite {
            assert!(index.is_dir(), "the index sits beside the SQLite file");
            // The running server holds the index: a reindex says so and changes nothing.
            let out = juryn().args(["search", "reindex", "--database", &url]).output().unwrap();
            assert!(!out.status.success());
            assert_one_line_error(&out, "a running server holds it");
        }
        assert!(server.0.try_wait().unwrap().is_none(), "the server still runs");
    }
    if on_sqlite {
        std::fs::remove_dir_all(&index).unwrap();
    }
    let out = run_ok(&["search", "reindex", "--database", &url]);
    if on_sqlite {
        assert!(out.contains("holds") && out.contains("answers"), "{out}");
        assert!(index.is_dir());
    } else {
        assert!(out.contains("nothing to reindex"), "{out}");
    }
    let (_server, port) = started("serve", &url, dir.path(), &[]);
    let (status, body) = http_get(port, "/api/v1/search?q=Liding%C3%B6").unwrap();
    assert_eq!(status, 200);
    assert!(body.contains("\"code\":\"0186\""), "{body}");
}
