-- A completion deadline for one entry (2021: the externally nominated completed their texts
-- until 12 May while the call was closed for everyone else). Null: the call's deadline.
alter table entries add column complete_until bigint;
