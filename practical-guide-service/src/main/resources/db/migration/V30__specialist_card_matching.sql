-- What the guide needs to recommend a specialist for a gap (issue 14 part 4), kept from the same
-- activelist.listing.v1 payload: whether the listing works online across Japan, whether its first
-- consultation is free, its effective availability (ACCEPTING, LIMITED, NOT_ACCEPTING or
-- AT_CAPACITY, as the Active List computes it today) and which of its facts a source verified.
-- Rows written before this migration have no availability (NULL: unknown until the listing's next
-- event) and revision -1, so any event that arrives replaces them.
--
-- Events are ordered by the listing's public revision, which grows with every public change
-- (availability and verified facts too); the owner's version does not move for those.
ALTER TABLE specialist_card
    ADD COLUMN online_nationwide        BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN first_consultation_free  BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN availability             TEXT CHECK (availability IN
                                            ('ACCEPTING', 'LIMITED', 'NOT_ACCEPTING', 'AT_CAPACITY')),
    ADD COLUMN verified                 TEXT[]  NOT NULL DEFAULT '{}',
    ADD COLUMN source_revision          BIGINT  NOT NULL DEFAULT -1;

-- Recommendations read only listings that take inquiries; online listings are the second tier.
CREATE INDEX specialist_card_open_themes ON specialist_card USING GIN (themes)
    WHERE listed AND (availability IS NULL OR availability IN ('ACCEPTING', 'LIMITED'));
