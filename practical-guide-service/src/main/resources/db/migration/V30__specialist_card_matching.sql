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

-- Recommendations read the listings in a prefecture through specialist_card_local_themes and the
-- ones working online across Japan through this index, so neither scans the whole table.
CREATE INDEX specialist_card_local_themes ON specialist_card USING GIN (prefectures, themes)
    WHERE listed;
CREATE INDEX specialist_card_online_themes ON specialist_card USING GIN (themes)
    WHERE listed AND online_nationwide;
