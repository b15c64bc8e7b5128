-- Each IPA registry import (who, when, what it did), so its report can be read again.
CREATE TABLE registry_import (
    id                UUID PRIMARY KEY,
    received_at       TIMESTAMPTZ NOT NULL,
    actor             TEXT        NOT NULL,
    media_type        TEXT        NOT NULL,
    records           INTEGER     NOT NULL,
    created           INTEGER     NOT NULL,
    updated           INTEGER     NOT NULL,
    unchanged         INTEGER     NOT NULL,
    rejected          INTEGER     NOT NULL,
    -- [{line, field, message}], at most riss.active-list.registry-import.max-reported-errors
    errors            JSONB       NOT NULL DEFAULT '[]',
    errors_truncated  BOOLEAN     NOT NULL DEFAULT FALSE,
    -- [{listingId, registrationNumber, failedCriteria: [{code, reason}]}]
    suspended         JSONB       NOT NULL DEFAULT '[]',
    duration_ms       BIGINT      NOT NULL
);

-- Listings are re-checked only where this import created or changed the registry row.
CREATE INDEX registry_entry_by_import ON registry_entry (import_id);
