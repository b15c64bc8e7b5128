-- Messages to people (attestation requests, enrolment codes, guardian consent links), written in
-- the same transaction as the change that asks for them, like the outbox: a rollback sends
-- nothing, a commit is never without its message. A sender delivers pending rows and stamps
-- sent_at; the dev mailbox reads them back where it is enabled (dev, tests, local stack).
CREATE TABLE outgoing_mail (
    id          UUID        PRIMARY KEY,
    recipient   TEXT        NOT NULL,
    subject     TEXT        NOT NULL,
    body        TEXT        NOT NULL,
    queued_at   TIMESTAMPTZ NOT NULL,
    sent_at     TIMESTAMPTZ,
    attempts    INTEGER     NOT NULL DEFAULT 0,
    last_error  TEXT
);
CREATE INDEX outgoing_mail_by_recipient ON outgoing_mail (lower(recipient), queued_at DESC);
CREATE INDEX outgoing_mail_unsent ON outgoing_mail (queued_at) WHERE sent_at IS NULL;
