//! The booklet's SQL: settings and versions.

macro_rules! impl_booklet {
    ($store:ident) => {
        #[async_trait]
        impl crate::BookletStore for $store {
            async fn booklet_settings(&self, award: &Slug, year: i16) -> Result<crate::BookletSettings> {
                let rows: Vec<(String, String, Option<Vec<u8>>)> = self
                    .edition_rows(
                        "select b.title, b.foreword, b.cover from booklet_settings b join editions e on e.id = b.edition_id \
                         join awards a on a.id = e.award_id where a.slug = $1 and e.year = $2",
                        award,
                        year,
                    )
                    .await?;
                Ok(rows
                    .into_iter()
                    .next()
                    .map(|(title, foreword, cover)| crate::BookletSettings { title, foreword, cover })
                    .unwrap_or_default())
            }

            async fn set_booklet_settings(
                &self,
                award: &Slug,
                year: i16,
                (title, foreword): (&str, &str),
                cover: Option<Option<&[u8]>>,
                actor: &Stamp,
            ) -> Result<()> {
                let (_writer, mut tx) = self.begin_write().await?;
                let id = Self::edition_id(&mut tx, award, year).await?;
                sqlx::query(
                    "insert into booklet_settings (edition_id, title, foreword) values ($1, $2, $3) \
                     on conflict (edition_id) do update set title = excluded.title, foreword = excluded.foreword",
                )
                .bind(id)
                .bind(title)
                .bind(foreword)
                .execute(&mut *tx)
                .await?;
                let mut detail = format!("title {title:?}, foreword {} words", foreword.split_whitespace().count());
                if let Some(cover) = cover {
                    sqlx::query("update booklet_settings set cover = $1 where edition_id = $2")
                        .bind(cover.map(<[u8]>::to_vec))
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                    detail.push_str(&match cover {
                        Some(c) => format!(", cover {} bytes", c.len()),
                        None => ", cover removed".to_owned(),
                    });
                }
                Self::record(&mut tx, actor, "booklet.settings", &format!("{award}/{year}"), detail).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn booklet_versions(&self, award: &Slug, year: i16) -> Result<Vec<crate::BookletVersion>> {
                type Row = (i64, String, String, i64, i64, i64, i64, String);
                let rows: Vec<Row> = self
                    .edition_rows(
                        "select v.version, v.sha256, v.source_sha256, v.pages, cast(length(v.pdf) as bigint), v.publish_at, v.created_at, \
                         v.created_by from booklet_versions v join editions e on e.id = v.edition_id \
                         join awards a on a.id = e.award_id where a.slug = $1 and e.year = $2 order by v.version desc",
                        award,
                        year,
                    )
                    .await?;
                rows.into_iter()
                    .map(|(version, sha256, source_sha256, pages, size, publish_at, created_at, created_by)| {
                        Ok(crate::BookletVersion {
                            version: version as i32,
                            sha256,
                            source_sha256,
                            pages: pages as i32,
                            size,
                            publish_at: time(publish_at)?,
                            created_at: time(created_at)?,
                            created_by,
                        })
                    })
                    .collect()
            }

            async fn booklet_pdf(&self, award: &Slug, year: i16, version: i32) -> Result<Option<Vec<u8>>> {
                Ok(sqlx::query_scalar(
                    "select v.pdf from booklet_versions v join editions e on e.id = v.edition_id \
                     join awards a on a.id = e.award_id where a.slug = $1 and e.year = $2 and v.version = $3",
                )
                .bind(award.as_str())
                .bind(i64::from(year))
                .bind(i64::from(version))
                .fetch_optional(&self.pool)
                .await?)
            }

            async fn booklet_data(&self, award: &Slug, year: i16, version: i32) -> Result<Option<String>> {
                Ok(sqlx::query_scalar(
                    "select v.data from booklet_versions v join editions e on e.id = v.edition_id \
                     join awards a on a.id = e.award_id where a.slug = $1 and e.year = $2 and v.version = $3",
                )
                .bind(award.as_str())
                .bind(i64::from(year))
                .bind(i64::from(version))
                .fetch_optional(&self.pool)
                .await?)
            }

            async fn publish_booklet(
                &self,
                award: &Slug,
                year: i16,
                new: &crate::NewBookletVersion,
                actor: &Stamp,
            ) -> Result<i32> {
                let (_writer, mut tx) = self.begin_write().await?;
                let id = Self::edition_id(&mut tx, award, year).await?;
                // Takes the edition's row lock on PostgreSQL (SQLite's writers already take
                // turns), so two publications at once get numbers one after the other.
                sqlx::query("update editions set year = year where id = $1").bind(id).execute(&mut *tx).await?;
                let last: Option<i64> =
                    sqlx::query_scalar("select max(version) from booklet_versions where edition_id = $1")
                        .bind(id)
                        .fetch_one(&mut *tx)
                        .await?;
                let version = last.unwrap_or(0) + 1;
                let number = i32::try_from(version).map_err(|e| StoreError::Corrupt(e.to_string()))?;
                let sha256 = juryn_domain::seal::sha256_hex(&new.pdf);
                sqlx::query(
                    "insert into booklet_versions (edition_id, version, sha256, source_sha256, pages, pdf, data, \
                     publish_at, created_at, created_by) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                )
                .bind(id)
                .bind(version)
                .bind(&sha256)
                .bind(&new.source_sha256)
                .bind(i64::from(new.pages))
                .bind(&new.pdf)
                .bind(&new.data)
                .bind(secs(new.publish_at))
                .bind(secs(actor.at))
                .bind(&actor.by)
                .execute(&mut *tx)
                .await?;
                let detail = format!("version {version}, sha256 {sha256}, from {}", new.publish_at);
                Self::record(&mut tx, actor, "booklet.published", &format!("{award}/{year}"), detail).await?;
                tx.commit().await?;
                Ok(number)
            }
        }
    };
}
pub(crate) use impl_booklet;
