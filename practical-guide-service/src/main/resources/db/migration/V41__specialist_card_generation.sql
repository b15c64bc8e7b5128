-- One counter the read model's consumer bumps in every transaction that changes specialist_card.
-- Recommendations keep each prefecture:theme key's candidates in memory and read only this row
-- per request: they reload a key when the counter has moved, whichever replica applied the change.
CREATE TABLE specialist_card_generation (
    single     BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (single),
    generation BIGINT  NOT NULL
);
INSERT INTO specialist_card_generation (single, generation) VALUES (TRUE, 0);
