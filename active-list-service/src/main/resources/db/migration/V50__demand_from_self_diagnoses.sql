-- What SMEs need where: one row per self-diagnosis the practical guide reports completed
-- (topic guide.diagnosis.v1). Only the region, industry and needed themes are kept — no
-- organisation, so IPA's statistics cannot point at a company.
CREATE TABLE diagnosis_demand (
    diagnosis_id  UUID PRIMARY KEY,
    prefecture    TEXT        NOT NULL CHECK (prefecture ~ '^[0-9]{2}$'),
    industry      TEXT        CHECK (industry ~ '^[A-T]$'),
    themes        INTEGER[]   NOT NULL,
    completed_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX diagnosis_demand_by_time ON diagnosis_demand (completed_at);
