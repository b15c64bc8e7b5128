-- Inquiries from SMEs (or a support body on an SME's behalf) to a specialist's published listing.
-- listing.open_inquiries (V5) counts this table's SENT and ACCEPTED rows per listing and is kept
-- in the same transaction as every change here.
CREATE TABLE inquiry (
    id                   UUID PRIMARY KEY,
    listing_id           UUID        NOT NULL REFERENCES listing (id),
    requester_subject    TEXT        NOT NULL,
    requester_role       TEXT        NOT NULL CHECK (requester_role IN ('company', 'support-body')),
    company_name         TEXT        NOT NULL,
    industry             TEXT        NOT NULL REFERENCES industry_division (code),
    prefecture           TEXT        NOT NULL CHECK (prefecture ~ '^[0-9]{2}$'),
    size_band            TEXT        NOT NULL REFERENCES company_size_band (code),
    themes               INTEGER[]   NOT NULL,
    preferred_format     TEXT        REFERENCES consultation_format (code),
    accepts_online       BOOLEAN     NOT NULL,
    message              TEXT        CHECK (char_length(message) <= 2000),
    -- The SME's contact person; shown to the specialist only with consent.
    contact              JSONB       NOT NULL,
    consent_to_share_contact BOOLEAN NOT NULL,
    status               TEXT        NOT NULL CHECK (status IN
        ('SENT', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'COMPLETED', 'CANCELLED')),
    respond_by           TIMESTAMPTZ NOT NULL,
    responded_at         TIMESTAMPTZ,
    decline_reason       TEXT        REFERENCES inquiry_decline_reason (code),
    decline_note         TEXT,
    closed_at            TIMESTAMPTZ,
    closed_by_role       TEXT,
    version              BIGINT      NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX inquiry_by_listing ON inquiry (listing_id, created_at DESC, id DESC);
CREATE INDEX inquiry_by_requester ON inquiry (requester_subject, created_at DESC, id DESC);
CREATE INDEX inquiry_due ON inquiry (respond_by) WHERE status = 'SENT';
