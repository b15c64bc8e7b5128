-- Attestation messages are now queued in the platform's outgoing_mail (V0_3), shared by every
-- service that mails people. What the dev mailbox kept moves there, marked as already sent (it
-- was never meant to be delivered).
INSERT INTO outgoing_mail (id, recipient, subject, body, queued_at, sent_at)
SELECT id, recipient, subject, body, sent_at, sent_at FROM dev_mail;
DROP TABLE dev_mail;
