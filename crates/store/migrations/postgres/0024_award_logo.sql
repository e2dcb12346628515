-- An award's logo, as uploaded (a PNG or JPEG checked by decoding it), and its kind: png or jpg.
alter table awards add column logo bytea;
alter table awards add column logo_kind text;
