-- When each listing was (last) submitted for review, so reviewers work oldest first.
CREATE TABLE listing_submission (
    listing_id    UUID PRIMARY KEY REFERENCES listing (id),
    submitted_at  TIMESTAMPTZ NOT NULL,
    submitted_by  TEXT        NOT NULL
);
CREATE INDEX listing_submission_queue ON listing_submission (submitted_at, listing_id);

-- Reconfirmation reminders sent (seed lines 555, 950-958: reminders to keep listings current):
-- one per listing per reconfirmation, so a rerun of the staleness job reminds nobody twice.
CREATE TABLE listing_reconfirmation_reminder (
    listing_id      UUID        NOT NULL REFERENCES listing (id),
    reconfirmed_at  TIMESTAMPTZ NOT NULL,
    reminded_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (listing_id, reconfirmed_at)
);

-- The staleness job reads published listings by how long ago they were reconfirmed.
CREATE INDEX listing_published_by_reconfirmation ON listing (reconfirmed_at)
    WHERE status = 'PUBLISHED';
