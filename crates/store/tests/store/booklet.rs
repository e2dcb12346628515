//! The booklet's settings and versions on both backends: versions numbered in order, kept
//! whole with their SHA-256, the cover set and removed.

use juryn_domain::Slug;
use juryn_store::prelude::*;
use juryn_store::{NewBookletVersion, demo};

use crate::backends::store_suite;
use crate::by;

fn slug() -> Slug {
    Slug::parse(demo::AWARD_SLUG).unwrap()
}

fn version(pdf: &[u8], at: &str) -> NewBookletVersion {
    NewBookletVersion {
        pdf: pdf.to_vec(),
        data: r#"{"title":"T"}"#.into(),
        source_sha256: "ab".repeat(32),
        pages: 47,
        publish_at: at.parse().unwrap(),
    }
}

store_suite! {
    async fn booklet_versions_are_numbered_and_kept_whole(store) {
        demo::load(store).await.unwrap();
        assert_eq!(store.booklet_settings(&slug(), 2019).await.unwrap(), Default::default());
        assert!(store.booklet_versions(&slug(), 2019).await.unwrap().is_empty());

        store.set_booklet_settings(&slug(), 2019, ("Titel", "Förord"), None, &by("t")).await.unwrap();
        let png: &[u8] = b"\x89PNG\r\n\x1a\nbytes";
        store.set_booklet_settings(&slug(), 2019, ("Ny titel", ""), Some(Some(png)), &by("t")).await.unwrap();
        let s = store.booklet_settings(&slug(), 2019).await.unwrap();
        assert_eq!((s.title.as_str(), s.foreword.as_str(), s.cover.as_deref()), ("Ny titel", "", Some(png)));
        store.set_booklet_settings(&slug(), 2019, ("Ny titel", "Ett förord"), None, &by("t")).await.unwrap();
        assert_eq!(store.booklet_settings(&slug(), 2019).await.unwrap().cover.as_deref(), Some(png), "kept when not given");
        store.set_booklet_settings(&slug(), 2019, ("Ny titel", "Ett förord"), Some(None), &by("t")).await.unwrap();
        assert_eq!(store.booklet_settings(&slug(), 2019).await.unwrap().cover, None);

        let first = b"%PDF-1.7 first \x00\xff";
        assert_eq!(store.publish_booklet(&slug(), 2019, &version(first, "2019-06-14T08:00:00Z"), &by("org")).await.unwrap(), 1);
        assert_eq!(store.publish_booklet(&slug(), 2019, &version(b"%PDF second", "2019-06-20T08:00:00Z"), &by("org")).await.unwrap(), 2);
        let versions = store.booklet_versions(&slug(), 2019).await.unwrap();
        assert_eq!(versions.iter().map(|v| v.version).collect::<Vec<_>>(), [2, 1], "newest first");
        assert_eq!(versions[1].sha256, juryn_domain::seal::sha256_hex(first));
        assert_eq!((versions[1].pages, versions[1].size), (47, first.len() as i64));
        assert_eq!(versions[1].publish_at.to_string(), "2019-06-14T08:00:00Z");
        assert_eq!(versions[1].created_by, "org");
        assert_eq!(store.booklet_pdf(&slug(), 2019, 1).await.unwrap().as_deref(), Some(&first[..]));
        assert_eq!(store.booklet_data(&slug(), 2019, 2).await.unwrap().as_deref(), Some(r#"{"title":"T"}"#));
        assert_eq!(store.booklet_pdf(&slug(), 2019, 3).await.unwrap(), None);
        assert_eq!(store.booklet_pdf(&slug(), 2018, 1).await.unwrap(), None);
        // Two publications at once: both kept, numbered one after the other.
        let (a, b) = (version(b"%PDF a", "2019-07-01T08:00:00Z"), version(b"%PDF b", "2019-07-01T08:00:00Z"));
        let s = slug();
        let (by_a, by_b) = (by("a"), by("b"));
        let (x, y) = tokio::join!(store.publish_booklet(&s, 2019, &a, &by_a), store.publish_booklet(&s, 2019, &b, &by_b));
        let mut got = [x.unwrap(), y.unwrap()];
        got.sort_unstable();
        assert_eq!(got, [3, 4]);
        let audit = store.audit_events(20).await.unwrap();
        assert!(audit.iter().any(|e| e.action == "booklet.published" && e.detail.contains(&versions[1].sha256)));
    }
}
