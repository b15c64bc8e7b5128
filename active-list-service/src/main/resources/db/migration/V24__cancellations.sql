-- Cancellations of consultation events, individual consultation slots and guidance engagements.
-- Nothing is deleted: a cancelled row keeps its history and says when and why it was cancelled.
-- The constraints make "cancelled" and "has a time and a reason" the same thing.

ALTER TABLE consultation_event
    ADD COLUMN status              TEXT NOT NULL DEFAULT 'SCHEDULED'
        CHECK (status IN ('SCHEDULED', 'CANCELLED')),
    ADD COLUMN cancelled_at        TIMESTAMPTZ,
    ADD COLUMN cancellation_reason TEXT CHECK (length(cancellation_reason) BETWEEN 1 AND 500),
    ADD CONSTRAINT consultation_event_cancellation CHECK (
        (status = 'CANCELLED') = (cancelled_at IS NOT NULL)
        AND (cancelled_at IS NULL) = (cancellation_reason IS NULL));

-- Cancelling an event cancels all its slots too (same time and reason), so "is this slot still
-- booked" is always answered by the slot row alone — by the double-booking check and the indexes.
ALTER TABLE consultation_slot
    ADD COLUMN status              TEXT NOT NULL DEFAULT 'BOOKED'
        CHECK (status IN ('BOOKED', 'CANCELLED')),
    ADD COLUMN cancelled_at        TIMESTAMPTZ,
    ADD COLUMN cancellation_reason TEXT CHECK (length(cancellation_reason) BETWEEN 1 AND 500),
    ADD CONSTRAINT consultation_slot_cancellation CHECK (
        (status = 'CANCELLED') = (cancelled_at IS NOT NULL)
        AND (cancelled_at IS NULL) = (cancellation_reason IS NULL));

-- A cancelled slot no longer holds the specialist's or the SME's time: the race-catching unique
-- indexes of V22 cover booked slots only.
DROP INDEX consultation_slot_specialist_start;
DROP INDEX consultation_slot_sme_start;
CREATE UNIQUE INDEX consultation_slot_specialist_start ON consultation_slot (listing_id, starts_at)
    WHERE status = 'BOOKED';
CREATE UNIQUE INDEX consultation_slot_sme_start ON consultation_slot (registration_id, starts_at)
    WHERE status = 'BOOKED';

ALTER TABLE guidance_engagement DROP CONSTRAINT guidance_engagement_status_check;
ALTER TABLE guidance_engagement
    ADD CONSTRAINT guidance_engagement_status_check
        CHECK (status IN ('IN_PROGRESS', 'COMPLETED', 'CANCELLED')),
    ADD COLUMN cancelled_at        TIMESTAMPTZ,
    ADD COLUMN cancellation_reason TEXT CHECK (length(cancellation_reason) BETWEEN 1 AND 500),
    ADD CONSTRAINT guidance_engagement_cancellation CHECK (
        (status = 'CANCELLED') = (cancelled_at IS NOT NULL)
        AND (cancelled_at IS NULL) = (cancellation_reason IS NULL)),
    -- A cancelled engagement never completed: it is not part of the verified track record.
    ADD CONSTRAINT guidance_engagement_cancelled_not_completed CHECK (
        status <> 'CANCELLED' OR completed_at IS NULL);
