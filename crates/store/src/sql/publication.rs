//! What an edition publishes besides its pages: the open data (licence, time, consents) and the
//! programme's events.

macro_rules! impl_publication {
    ($store:ident) => {
        impl $store {

            /// Replaces the edition's programme inside the caller's transaction.
            async fn put_events_in(tx: &mut Tx, id: i64, events: &[juryn_domain::event::Event]) -> Result<()> {
                sqlx::query("delete from events where edition_id = $1").bind(id).execute(&mut **tx).await?;
                for (pos, e) in events.iter().enumerate() {
                    sqlx::query(
                        "insert into events (edition_id, position, kind, title_sv, title_en, starts_at, ends_at, place, \
                         presenters, description_sv, description_en) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                    )
                    .bind(id)
                    .bind(pos as i64)
                    .bind(e.kind.as_str())
                    .bind(&e.title.sv)
                    .bind(&e.title.en)
                    .bind(secs(e.starts_at))
                    .bind(secs(e.ends_at))
                    .bind(&e.place)
                    .bind(serde_json::to_string(&e.presenters).map_err(|e| StoreError::Invalid(e.to_string()))?)
                    .bind(&e.description.sv)
                    .bind(&e.description.en)
                    .execute(&mut **tx)
                    .await?;
                }
                Ok(())
            }

        }
        #[async_trait]
        impl PublicationStore for $store {
            async fn open_data(
                &self,
                award: &Slug,
                year: i16,
            ) -> Result<(Option<juryn_domain::opendata::Licence>, Option<Timestamp>)> {
                let rows: Vec<(Option<String>, Option<i64>)> = self
                    .edition_rows(
                        "select e.open_data_licence, e.open_data_public_at from editions e \
                         join awards a on a.id = e.award_id where a.slug = $1 and e.year = $2",
                        award,
                        year,
                    )
                    .await?;
                let (licence, at) = rows.into_iter().next().ok_or_else(|| StoreError::NoEdition(award.clone(), year))?;
                let licence = match licence {
                    Some(l) => Some(
                        juryn_domain::opendata::Licence::parse(&l)
                            .ok_or_else(|| StoreError::Corrupt(format!("licence {l}")))?,
                    ),
                    None => None,
                };
                Ok((licence, at.map(time).transpose()?))
            }

            async fn set_open_data(
                &self,
                award: &Slug,
                year: i16,
                licence: juryn_domain::opendata::Licence,
                public_at: Timestamp,
                actor: &Stamp,
            ) -> Result<()> {
                let (_writer, mut tx) = self.begin_write().await?;
                let id = Self::edition_id(&mut tx, award, year).await?;
                sqlx::query("update editions set open_data_licence = $1, open_data_public_at = $2 where id = $3")
                    .bind(licence.spdx())
                    .bind(secs(public_at))
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                let detail = format!("{} from {public_at}", licence.spdx());
                Self::record(&mut tx, actor, "open-data.set", &format!("{award}/{year}"), detail).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn consents(&self, award: &Slug, year: i16) -> Result<Vec<(MunicipalityCode, bool)>> {
                let rows: Vec<(String, bool)> = self
                    .edition_rows(
                        "select n.municipality_code, n.consent from entries n join editions e on e.id = n.edition_id \
                         join awards a on a.id = e.award_id where a.slug = $1 and e.year = $2 order by n.municipality_code",
                        award,
                        year,
                    )
                    .await?;
                rows.into_iter().map(|(c, consent)| Ok((code(&c)?, consent))).collect()
            }

            async fn events(&self, award: &Slug, year: i16) -> Result<Vec<juryn_domain::event::Event>> {
                type Row = (String, String, Option<String>, i64, i64, String, String, String, Option<String>);
                let rows: Vec<Row> = self
                    .edition_rows(
                        "select v.kind, v.title_sv, v.title_en, v.starts_at, v.ends_at, v.place, v.presenters, \
                         v.description_sv, v.description_en from events v join editions e on e.id = v.edition_id \
                         join awards a on a.id = e.award_id where a.slug = $1 and e.year = $2 \
                         order by v.starts_at, v.position",
                        award,
                        year,
                    )
                    .await?;
                rows.into_iter()
                    .map(|(kind, tsv, ten, start, end, place, presenters, dsv, den)| {
                        Ok(juryn_domain::event::Event {
                            kind: juryn_domain::event::EventKind::parse(&kind)
                                .ok_or_else(|| StoreError::Corrupt(format!("event kind {kind}")))?,
                            title: text(tsv, ten),
                            starts_at: time(start)?,
                            ends_at: time(end)?,
                            place,
                            presenters: serde_json::from_str(&presenters).map_err(|e| StoreError::Corrupt(e.to_string()))?,
                            description: text(dsv, den),
                        })
                    })
                    .collect()
            }

            async fn put_events(
                &self,
                award: &Slug,
                year: i16,
                events: &[juryn_domain::event::Event],
                actor: &Stamp,
            ) -> Result<()> {
                let (_writer, mut tx) = self.begin_write().await?;
                let id = Self::edition_id(&mut tx, award, year).await?;
                Self::put_events_in(&mut tx, id, events).await?;
                Self::record(&mut tx, actor, "events.put", &format!("{award}/{year}"), format!("{} events", events.len())).await?;
                tx.commit().await?;
                Ok(())
            }
        }
    };
}

pub(crate) use impl_publication;
