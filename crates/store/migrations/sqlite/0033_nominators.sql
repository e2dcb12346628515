-- Who nominates (domain::nomination): a private person, an organisation or a company, with the
-- organisation's name; and, where the organiser asks nominators to answer the questionnaire's
-- questions as well as give a reason, their answers (a JSON list, one per question; null when
-- they only gave a reason).
alter table nominations add column nominator_kind text not null default 'privatperson';
alter table nominations add column nominator_organisation text not null default '';
alter table nominations add column answers text;
alter table editions add column nominators_answer boolean not null default false;
