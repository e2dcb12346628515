-- Each stored answer says its kind (domain::QuestionKind's name: long-text, maturity, number,
-- yes-no), written with it from its question's kind and checked when it is read: an answer no
-- longer read by the question's kind alone (a questionnaire changed under it) is still known
-- for what it was. Existing answers take their question's kind.
alter table answers add column kind text not null default 'long-text';
update answers set kind = coalesce(
    (select q.kind::json ->> 'kind' from questions q where q.id = answers.question_id),
    'long-text'
);
