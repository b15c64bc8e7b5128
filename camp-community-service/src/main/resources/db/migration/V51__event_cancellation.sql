-- Cancelling an event: who organised it (the camp-office subject that created it; events made
-- before this column have none, and any camp-office member may cancel those), and when and why it
-- was cancelled. Registrations stay as they were, so members' calendars show the event as
-- cancelled rather than losing it.
ALTER TABLE community_event
    ADD COLUMN organiser            TEXT,
    ADD COLUMN cancelled_at         TIMESTAMPTZ,
    ADD COLUMN cancellation_reason  TEXT;
