//! The follow-up's SQL: its set-up as JSON questions, and the selected municipalities' answers,
//! each save checked against the cut, the deadline and the questions inside its write.

macro_rules! impl_follow_up {
    ($store:ident) => {
        impl $store {
            async fn follow_up_in(conn: &mut Conn, edition_id: i64) -> Result<Option<juryn_domain::follow_up::FollowUp>> {
                let row: Option<(i64, i64, String)> =
                    sqlx::query_as("select after_round, closes_at, questions from follow_ups where edition_id = $1")
                        .bind(edition_id)
                        .fetch_optional(&mut *conn)
                        .await?;
                row.map(|(after, closes, questions)| {
                    Ok(juryn_domain::follow_up::FollowUp {
                        after_round: u16::try_from(after).map_err(|e| StoreError::Corrupt(e.to_string()))?,
                        closes_at: time(closes)?,
                        questions: serde_json::from_str(&questions).map_err(|e| StoreError::Corrupt(e.to_string()))?,
                    })
                })
                .transpose()
            }
        }

        #[async_trait]
        impl crate::follow_up::FollowUpStore for $store {
            async fn follow_up(&self, award: &Slug, year: i16) -> Result<Option<juryn_domain::follow_up::FollowUp>> {
                let mut conn = self.pool.acquire().await?;
                let (id, _) = Self::edition_row_in(&mut conn, award, year).await?;
                Self::follow_up_in(&mut conn, id).await
            }

            async fn put_follow_up(
                &self,
                award: &Slug,
                year: i16,
                f: &juryn_domain::follow_up::FollowUp,
                actor: &Stamp,
            ) -> Result<std::result::Result<(), crate::follow_up::FollowUpRefusal>> {
                use crate::follow_up::FollowUpRefusal;
                let (_writer, mut tx) = self.begin_write().await?;
                let id = Self::edition_id(&mut tx, award, year).await?;
                let rounds = Self::rounds_in(&mut tx, id).await?;
                if let Err(p) = juryn_domain::follow_up::check_setup(f, rounds.len()) {
                    return Ok(Err(FollowUpRefusal::Setup(p)));
                }
                let before = Self::follow_up_in(&mut tx, id).await?;
                let answered: i64 = sqlx::query_scalar("select count(*) from follow_up_answers where edition_id = $1")
                    .bind(id)
                    .fetch_one(&mut *tx)
                    .await?;
                let changed = before.as_ref().is_some_and(|b| b.questions != f.questions || b.after_round != f.after_round);
                if answered > 0 && changed {
                    return Ok(Err(FollowUpRefusal::Answered));
                }
                let questions = serde_json::to_string(&f.questions).map_err(|e| StoreError::Invalid(e.to_string()))?;
                sqlx::query(
                    "insert into follow_ups (edition_id, after_round, closes_at, questions) values ($1, $2, $3, $4) \
                     on conflict (edition_id) do update set after_round = excluded.after_round, \
                     closes_at = excluded.closes_at, questions = excluded.questions",
                )
                .bind(id)
                .bind(i64::from(f.after_round))
                .bind(secs(f.closes_at))
                .bind(questions)
                .execute(&mut *tx)
                .await?;
                let detail = format!("after round {}, {} questions, until {}", f.after_round, f.questions.len(), f.closes_at);
                Self::record(&mut tx, actor, "follow-up.put", &format!("{award}/{year}"), detail).await?;
                tx.commit().await?;
                Ok(Ok(()))
            }

            async fn follow_up_answers(&self, award: &Slug, year: i16) -> Result<Vec<crate::follow_up::FollowUpAnswers>> {
                let rows: Vec<(String, String, String, i64)> = self
                    .edition_rows(
                        "select f.municipality_code, f.answers, f.source, f.saved_at from follow_up_answers f \
                         join editions e on e.id = f.edition_id join awards a on a.id = e.award_id \
                         where a.slug = $1 and e.year = $2 order by f.municipality_code",
                        award,
                        year,
                    )
                    .await?;
                rows.into_iter()
                    .map(|(c, answers, source, at)| {
                        Ok(crate::follow_up::FollowUpAnswers {
                            municipality: code(&c)?,
                            answers: serde_json::from_str(&answers).map_err(|e| StoreError::Corrupt(e.to_string()))?,
                            source: if source == "import" {
                                crate::follow_up::FollowUpSource::Import
                            } else {
                                crate::follow_up::FollowUpSource::Portal
                            },
                            saved_at: time(at)?,
                        })
                    })
                    .collect()
            }

            async fn save_follow_up(
                &self,
                (award, year): (&Slug, i16),
                answers: &[(MunicipalityCode, Vec<String>)],
                source: crate::follow_up::FollowUpSource,
                actor: &Stamp,
            ) -> Result<std::result::Result<(), crate::follow_up::FollowUpRefusal>> {
                use crate::follow_up::{FollowUpRefusal, FollowUpSource};
                let (_writer, mut tx) = self.begin_write().await?;
                let id = Self::edition_id(&mut tx, award, year).await?;
                let Some(f) = Self::follow_up_in(&mut tx, id).await? else {
                    return Ok(Err(FollowUpRefusal::NoFollowUp));
                };
                if source == FollowUpSource::Portal && !f.open_at(actor.at) {
                    return Ok(Err(FollowUpRefusal::Closed));
                }
                let through: Vec<String> = sqlx::query_scalar(
                    "select municipality_code from round_selections where edition_id = $1 and round = $2",
                )
                .bind(id)
                .bind(i64::from(f.after_round))
                .fetch_all(&mut *tx)
                .await?;
                for (c, list) in answers {
                    if !through.iter().any(|t| t == c.as_str()) {
                        return Ok(Err(FollowUpRefusal::NotThrough(*c)));
                    }
                    if list.len() != f.questions.len() {
                        return Ok(Err(FollowUpRefusal::Answer(list.len().min(f.questions.len()), juryn_domain::questionnaire::AnswerProblem::Missing)));
                    }
                    let complete = source == FollowUpSource::Portal;
                    for (i, (q, a)) in f.questions.iter().zip(list).enumerate() {
                        if let Err(p) = juryn_domain::questionnaire::check_answer(q, a, complete) {
                            return Ok(Err(FollowUpRefusal::Answer(i, p)));
                        }
                    }
                    let json = serde_json::to_string(list).map_err(|e| StoreError::Invalid(e.to_string()))?;
                    sqlx::query(
                        "insert into follow_up_answers (edition_id, municipality_code, answers, source, saved_at) \
                         values ($1, $2, $3, $4, $5) on conflict (edition_id, municipality_code) do update set \
                         answers = excluded.answers, source = excluded.source, saved_at = excluded.saved_at",
                    )
                    .bind(id)
                    .bind(c.as_str())
                    .bind(json)
                    .bind(source.as_str())
                    .bind(secs(actor.at))
                    .execute(&mut *tx)
                    .await?;
                }
                let codes: Vec<&str> = answers.iter().map(|(c, _)| c.as_str()).collect();
                let detail = format!("{} {}", source.as_str(), codes.join(" "));
                Self::record(&mut tx, actor, "follow-up.answers", &format!("{award}/{year}"), detail).await?;
                tx.commit().await?;
                Ok(Ok(()))
            }
        }
    };
}

pub(crate) use impl_follow_up;
