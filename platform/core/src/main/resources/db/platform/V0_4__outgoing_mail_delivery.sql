-- Delivery of queued mail (platform MailRelay): a failed attempt is retried no earlier than
-- next_attempt_at (exponential backoff), so one unreachable recipient or an SMTP outage neither
-- blocks the other messages nor hammers the server.
ALTER TABLE outgoing_mail ADD COLUMN next_attempt_at TIMESTAMPTZ;
