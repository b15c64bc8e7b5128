-- IPA's registry has one owner: the deemed-attendance service imports it and publishes every
-- registration's state as deemedattendance.registration.v1. This service no longer imports the
-- registry itself; it keeps a read model of those events (jp.riss.activelist.verification.
-- RegistrationFact) and checks its listing criteria against it.
CREATE TABLE registration_fact (
    registration_number  TEXT        PRIMARY KEY CHECK (registration_number ~ '^[0-9]{6}$'),
    -- the token subject of the account bound to the number by IPA's registry: who holds it
    specialist_subject   TEXT        NOT NULL CHECK (length(specialist_subject) BETWEEN 1 AND 255),
    status               TEXT        NOT NULL CHECK (status IN ('VALID', 'SUSPENDED', 'REVOKED')),
    registered_on        DATE        NOT NULL,
    -- [{startsOn, expiresOn, renewalDueOn, requirements: [{kind, substitutable, done,
    --   periods: [{number, startsOn, endsOn, dueOn, done, fulfilledBy, applicationId, completedOn}]}]}]
    cycles               JSONB       NOT NULL,
    version              BIGINT      NOT NULL,
    changed_at           TIMESTAMPTZ NOT NULL,
    received_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX registration_fact_by_subject ON registration_fact (specialist_subject);

DROP TABLE registry_import;
DROP TABLE registry_entry;

-- Decisions per cycle: an approval of one cycle never overwrites the decision of another.
ALTER TABLE deemed_attendance_status DROP CONSTRAINT deemed_attendance_status_pkey;
ALTER TABLE deemed_attendance_status ADD PRIMARY KEY (registration_number, cycle_start);

-- Only the holder of a registration number (as IPA's registry binds it) may list under it; checked
-- on submit, approve and every change of the registration.
ALTER TABLE listing_criterion DROP CONSTRAINT listing_criterion_kind_check;
ALTER TABLE listing_criterion ADD CONSTRAINT listing_criterion_kind_check
    CHECK (kind IN ('MIN_COUNT', 'REGISTRY_VALID_DAYS', 'COURSES_NOT_OVERDUE', 'PLEDGE_CURRENT',
                    'REQUIRED_WHEN', 'FEE_PER_FORMAT', 'REGISTRATION_HELD_BY_OWNER'));
INSERT INTO listing_criterion
    (code, position, kind, params, description_ja, description_en, failure_ja, failure_en) VALUES
('registration-held-by-owner', 5, 'REGISTRATION_HELD_BY_OWNER', '{}',
 '登録番号が掲載者本人のアカウントに登録簿上で紐付いていること',
 'The registration number is bound to the listing owner''s account in IPA''s registry',
 '登録番号が掲載者本人のアカウントに紐付いていません（または登録情報がありません）',
 'The registration number is not bound to the owner''s account (or the registry has no record)');
UPDATE listing_criterion SET
    description_ja = '義務講習（オンライン講習・実践講習）の受講期限を過ぎていないこと（承認されたみなし受講を含む）',
    description_en = 'No mandatory course (online or practical) is overdue; an approved deemed-attendance application counts'
 WHERE code = 'courses-not-overdue';
