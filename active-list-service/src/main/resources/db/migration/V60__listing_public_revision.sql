-- The public revision of a listing: grows by one with every change of what the public sees of it
-- (the change feed's entries and the activelist.listing.v1 events carry it), including changes
-- that do not move the owner's version (ETag): verified facts, completed engagements, the inquiry
-- load reaching or leaving capacity. It starts at the version, which earlier events carried, so it
-- never goes back for a consumer that ordered by that.
ALTER TABLE listing ADD COLUMN public_revision BIGINT NOT NULL DEFAULT 0;
UPDATE listing SET public_revision = version;
