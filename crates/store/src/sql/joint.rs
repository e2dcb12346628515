//! Joint entries: the members of each (entry_members) and the entry's display name, checked
//! against the edition's other entries inside the write.

macro_rules! impl_joint {
    ($store:ident) => {
        impl $store {
            async fn joint_in(conn: &mut Conn, edition_id: i64) -> Result<Vec<juryn_domain::joint::JointEntry>> {
                let rows: Vec<(String, String, Option<String>)> = sqlx::query_as(
                    "select m.lead_code, m.municipality_code, e.display_name from entry_members m \
                     join entries e on e.edition_id = m.edition_id and e.municipality_code = m.lead_code \
                     where m.edition_id = $1 order by m.lead_code, m.position",
                )
                .bind(edition_id)
                .fetch_all(&mut *conn)
                .await?;
                let mut joint: Vec<juryn_domain::joint::JointEntry> = Vec::new();
                for (lead, member, name) in rows {
                    let lead = code(&lead)?;
                    match joint.last_mut().filter(|j| j.lead() == lead) {
                        Some(j) => j.members.push(code(&member)?),
                        None => joint.push(juryn_domain::joint::JointEntry {
                            name: name.unwrap_or_default(),
                            members: vec![code(&member)?],
                        }),
                    }
                }
                Ok(joint)
            }
        }

        #[async_trait]
        impl JointEntryStore for $store {
            async fn make_joint(
                &self,
                award: &Slug,
                year: i16,
                joint: &juryn_domain::joint::JointEntry,
                actor: &Stamp,
            ) -> Result<Result<(), juryn_domain::joint::JointProblem>> {
                if joint.members.is_empty() {
                    return Ok(Err(juryn_domain::joint::JointProblem::TooFew));
                }
                let (_writer, mut tx) = self.begin_write().await?;
                let id = Self::edition_id(&mut tx, award, year).await?;
                let lead = joint.lead();
                // Taken: every other entry's code and every other joint entry's members.
                let mut taken: Vec<MunicipalityCode> = Vec::new();
                let leads: Vec<String> = sqlx::query_scalar("select municipality_code from entries where edition_id = $1")
                    .bind(id)
                    .fetch_all(&mut *tx)
                    .await?;
                for c in leads.iter().filter(|c| c.as_str() != lead.as_str()) {
                    taken.push(code(c)?);
                }
                for other in Self::joint_in(&mut tx, id).await?.into_iter().filter(|j| j.lead() != lead) {
                    taken.extend(other.members);
                }
                if let Err(p) = juryn_domain::joint::check(joint, &taken) {
                    return Ok(Err(p));
                }
                Self::invite_entry_in(&mut tx, id, lead, actor.at).await?;
                sqlx::query("update entries set display_name = $1 where edition_id = $2 and municipality_code = $3")
                    .bind(joint.name.trim())
                    .bind(id)
                    .bind(lead.as_str())
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("delete from entry_members where edition_id = $1 and lead_code = $2")
                    .bind(id)
                    .bind(lead.as_str())
                    .execute(&mut *tx)
                    .await?;
                for (i, m) in joint.members.iter().enumerate() {
                    sqlx::query(
                        "insert into entry_members (edition_id, municipality_code, lead_code, position) values ($1, $2, $3, $4)",
                    )
                    .bind(id)
                    .bind(m.as_str())
                    .bind(lead.as_str())
                    .bind(i as i64)
                    .execute(&mut *tx)
                    .await?;
                }
                let jurors: Vec<i64> =
                    sqlx::query_scalar("select distinct user_id from jurors where edition_id = $1 and user_id is not null")
                        .bind(id)
                        .fetch_all(&mut *tx)
                        .await?;
                for user in jurors {
                    Self::refresh_conflicts_in(&mut tx, id, user, actor.at).await?;
                }
                let members: Vec<String> = joint.members.iter().map(|m| m.to_string()).collect();
                let detail = format!("{}: {}", joint.name.trim(), members.join(" "));
                Self::record(&mut tx, actor, "entry.joint", &format!("{award}/{year}/{lead}"), detail).await?;
                tx.commit().await?;
                Ok(Ok(()))
            }

            async fn joint_entries(&self, award: &Slug, year: i16) -> Result<Vec<juryn_domain::joint::JointEntry>> {
                let mut conn = self.pool.acquire().await?;
                let (id, _) = Self::edition_row_in(&mut conn, award, year).await?;
                Self::joint_in(&mut conn, id).await
            }

            async fn joint_entries_of(
                &self,
                member: MunicipalityCode,
            ) -> Result<Vec<(Slug, i16, juryn_domain::joint::JointEntry)>> {
                let mut conn = self.pool.acquire().await?;
                let editions: Vec<(i64, String, i64)> = sqlx::query_as(
                    "select m.edition_id, a.slug, e.year from entry_members m join editions e on e.id = m.edition_id \
                     join awards a on a.id = e.award_id where m.municipality_code = $1 order by e.year",
                )
                .bind(member.as_str())
                .fetch_all(&mut *conn)
                .await?;
                let mut found = Vec::new();
                for (id, slug, y) in editions {
                    let slug = Slug::parse(&slug).map_err(|e| StoreError::Corrupt(e.to_string()))?;
                    for j in Self::joint_in(&mut conn, id).await?.into_iter().filter(|j| j.has(member)) {
                        found.push((slug.clone(), year(y)?, j));
                    }
                }
                Ok(found)
            }
        }
    };
}

pub(crate) use impl_joint;
