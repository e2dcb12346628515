-- Words for the steps of a criterion's scale ("Svagt" … "Utmärkt"), lowest first: a JSON array
-- of {"sv": …, "en": …}, empty when the scale has only numbers.
alter table criteria add column scale_labels text not null default '[]';
