-- One gap → guidance theme mapping: guide/closers/gap-closers.json, which also says which
-- specialists close a gap. Diagnoses read their themes from there too, so this copy goes.
DROP TABLE gap_theme;
