//! Site visits' SQL.

macro_rules! impl_visit {
    ($store:ident) => {
        impl $store {
            async fn load_visits(&self, filter: &str, bind: VisitFilter<'_>) -> Result<Vec<crate::StoredVisit>> {
                type Row = (i64, String, i64, String, i64, i64, String, String, Option<String>, Option<String>, Option<i64>, Option<String>);
                let sql = format!(
                    "select v.id, a.slug, e.year, v.municipality_code, v.starts_at, v.ends_at, v.place, v.questions, \
                     v.report, u.name, v.report_at, v.video_url from visits v join editions e on e.id = v.edition_id \
                     join awards a on a.id = e.award_id left join users u on u.id = v.report_by \
                     where {filter} order by v.starts_at, v.id"
                );
                let q = sqlx::query_as::<_, Row>(&sql);
                let rows = match bind {
                    VisitFilter::Edition(slug, year) => q.bind(slug.as_str()).bind(i64::from(year)),
                    VisitFilter::Id(id) => q.bind(id),
                    VisitFilter::User(id) => q.bind(id),
                }
                .fetch_all(&self.pool)
                .await?;
                let mut out = Vec::with_capacity(rows.len());
                for (id, slug, y, c, start, end, place, questions, report, by, at, video) in rows {
                    let people: Vec<(i64, String)> = sqlx::query_as(
                        "select u.id, u.name from visit_participants p join users u on u.id = p.user_id \
                         where p.visit_id = $1 order by u.name",
                    )
                    .bind(id)
                    .fetch_all(&self.pool)
                    .await?;
                    let corrupt = |e: serde_json::Error| StoreError::Corrupt(e.to_string());
                    out.push(crate::StoredVisit {
                        id,
                        award: Slug::parse(&slug).map_err(|e| StoreError::Corrupt(e.to_string()))?,
                        year: year(y)?,
                        plan: juryn_domain::visit::Plan {
                            nominee: code(&c)?,
                            starts_at: time(start)?,
                            ends_at: time(end)?,
                            place,
                            video,
                            participants: people.iter().map(|(u, _)| *u).collect(),
                            questions: serde_json::from_str(&questions).map_err(corrupt)?,
                        },
                        people,
                        report: report.as_deref().map(serde_json::from_str).transpose().map_err(corrupt)?,
                        report_by: by,
                        report_at: at.map(time).transpose()?,
                    });
                }
                Ok(out)
            }
        }

        #[async_trait]
        impl crate::VisitStore for $store {
            async fn plan_visit(
                &self,
                award: &Slug,
                year: i16,
                plan: &juryn_domain::visit::Plan,
                actor: &Stamp,
            ) -> Result<Result<i64, crate::VisitRefusal>> {
                let (_writer, mut tx) = self.begin_write().await?;
                let edition = Self::edition_id(&mut tx, award, year).await?;
                for &user in &plan.participants {
                    let clash: i64 = sqlx::query_scalar(
                        "select count(*) from visits v join visit_participants p on p.visit_id = v.id \
                         where p.user_id = $1 and v.starts_at < $2 and $3 < v.ends_at",
                    )
                    .bind(user)
                    .bind(secs(plan.ends_at))
                    .bind(secs(plan.starts_at))
                    .fetch_one(&mut *tx)
                    .await?;
                    if clash > 0 {
                        return Ok(Err(crate::VisitRefusal::Overlap { user }));
                    }
                }
                let questions = serde_json::to_string(&plan.questions).map_err(|e| StoreError::Invalid(e.to_string()))?;
                let id: i64 = sqlx::query_scalar(
                    "insert into visits (edition_id, municipality_code, starts_at, ends_at, place, questions, created_at, \
                     video_url) values ($1, $2, $3, $4, $5, $6, $7, $8) returning id",
                )
                .bind(edition)
                .bind(plan.nominee.as_str())
                .bind(secs(plan.starts_at))
                .bind(secs(plan.ends_at))
                .bind(&plan.place)
                .bind(questions)
                .bind(secs(actor.at))
                .bind(&plan.video)
                .fetch_one(&mut *tx)
                .await?;
                for &user in &plan.participants {
                    sqlx::query("insert into visit_participants (visit_id, user_id) values ($1, $2) on conflict do nothing")
                        .bind(id)
                        .bind(user)
                        .execute(&mut *tx)
                        .await?;
                }
                let detail = format!("{award}/{year} {} {}–{}", plan.nominee, plan.starts_at, plan.ends_at);
                Self::record(&mut tx, actor, "visit.plan", &format!("visit/{id}"), detail).await?;
                tx.commit().await?;
                Ok(Ok(id))
            }

            async fn visits(&self, award: &Slug, year: i16) -> Result<Vec<crate::StoredVisit>> {
                self.load_visits("a.slug = $1 and e.year = $2", VisitFilter::Edition(award, year)).await
            }

            async fn visit(&self, id: i64) -> Result<Option<crate::StoredVisit>> {
                Ok(self.load_visits("v.id = $1", VisitFilter::Id(id)).await?.into_iter().next())
            }

            async fn visits_of(&self, user_id: i64) -> Result<Vec<crate::StoredVisit>> {
                self.load_visits(
                    "v.id in (select visit_id from visit_participants where user_id = $1)",
                    VisitFilter::User(user_id),
                )
                .await
            }

            async fn save_report(
                &self,
                visit_id: i64,
                report: &juryn_domain::visit::Report,
                user_id: i64,
                actor: &Stamp,
            ) -> Result<()> {
                let (_writer, mut tx) = self.begin_write().await?;
                // A visit's report is a write to its edition: refused once that is archived.
                let edition: Option<(String, i64)> = sqlx::query_as(
                    "select a.slug, e.year from visits v join editions e on e.id = v.edition_id \
                     join awards a on a.id = e.award_id where v.id = $1",
                )
                .bind(visit_id)
                .fetch_optional(&mut *tx)
                .await?;
                if let Some((slug, year)) = edition {
                    let slug = Slug::parse(&slug).map_err(|e| StoreError::Corrupt(e.to_string()))?;
                    let year = i16::try_from(year).map_err(|e| StoreError::Corrupt(e.to_string()))?;
                    Self::edition_id(&mut tx, &slug, year).await?;
                }
                let body = serde_json::to_string(report).map_err(|e| StoreError::Invalid(e.to_string()))?;
                sqlx::query("update visits set report = $1, report_by = $2, report_at = $3 where id = $4")
                    .bind(body)
                    .bind(user_id)
                    .bind(secs(actor.at))
                    .bind(visit_id)
                    .execute(&mut *tx)
                    .await?;
                Self::record(&mut tx, actor, "visit.report", &format!("visit/{visit_id}"), String::new()).await?;
                tx.commit().await?;
                Ok(())
            }
        }
    };
}

/// Which visits a query reads.
pub(crate) enum VisitFilter<'a> {
    Edition(&'a juryn_domain::Slug, i16),
    Id(i64),
    User(i64),
}

pub(crate) use impl_visit;
