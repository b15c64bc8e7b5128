-- Listing criteria (掲載基準, seed line 627): what a listing must meet to be listed, checked on
-- submission, on approval, on reinstatement and reconfirmation, and (registry criteria) on every
-- registry import. Criteria are rows over a small set of generic evaluators (kind), so adding or
-- disabling one, or moving 60 days to 90, is an UPDATE, not a release.
--   MIN_COUNT            params {fields: [...], min}: the declared values of the fields together
--                        number at least min (an array counts its items, a true flag counts one)
--   REGISTRY_VALID_DAYS  params {days}: the registry says VALID and the registration does not
--                        expire within days
--   COURSES_NOT_OVERDUE  params {}: neither mandatory course (online, practical) is OVERDUE
--   PLEDGE_CURRENT       params {}: the owner accepted the current ethics pledge version
--   REQUIRED_WHEN        params {field, whenField, equals}: field is declared when whenField
--                        equals the value
--   FEE_PER_FORMAT       params {minFormats}: at least minFormats formats, each with a fee
-- Texts may name parameters in braces ({days}); they are filled in from params.
CREATE TABLE listing_criterion (
    code            TEXT PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9-]*$'),
    position        INTEGER NOT NULL,
    kind            TEXT    NOT NULL CHECK (kind IN ('MIN_COUNT', 'REGISTRY_VALID_DAYS',
                        'COURSES_NOT_OVERDUE', 'PLEDGE_CURRENT', 'REQUIRED_WHEN', 'FEE_PER_FORMAT')),
    params          JSONB   NOT NULL DEFAULT '{}',
    description_ja  TEXT    NOT NULL,
    description_en  TEXT    NOT NULL,
    failure_ja      TEXT    NOT NULL,
    failure_en      TEXT    NOT NULL,
    enabled         BOOLEAN NOT NULL DEFAULT TRUE
);
INSERT INTO listing_criterion
    (code, position, kind, params, description_ja, description_en, failure_ja, failure_en) VALUES
('registration-valid', 10, 'REGISTRY_VALID_DAYS', '{"days": 60}',
 '登録が有効であり、{days}日以内に有効期限を迎えないこと',
 'The registration is valid and does not expire within {days} days',
 '登録が有効でないか、{days}日以内に有効期限を迎えます',
 'The registration is not valid or expires within {days} days'),
('courses-not-overdue', 20, 'COURSES_NOT_OVERDUE', '{}',
 '義務講習（オンライン講習・実践講習）の受講期限を過ぎていないこと',
 'No mandatory course (online or practical) is overdue',
 '義務講習の受講期限を過ぎています（または登録情報がありません）',
 'A mandatory course is overdue (or the registry has no record)'),
('theme', 30, 'MIN_COUNT', '{"fields": ["themes"], "min": 1}',
 '支援実績のある指導テーマを{min}つ以上申告していること',
 'At least {min} guidance theme with track record is declared',
 '指導テーマが申告されていません',
 'No guidance theme is declared'),
('region', 40, 'MIN_COUNT', '{"fields": ["prefectures", "onlineNationwide"], "min": 1}',
 '支援地域（都道府県）またはオンライン全国対応を申告していること',
 'At least one region (prefecture) or online nationwide service is declared',
 '支援地域もオンライン全国対応も申告されていません',
 'Neither a region nor online nationwide service is declared'),
('fee-per-format', 50, 'FEE_PER_FORMAT', '{"minFormats": 1}',
 '支援可能形態を{minFormats}つ以上申告し、それぞれに1回あたりの料金があること',
 'At least {minFormats} consultation format is offered, each with its fee per session',
 '支援可能形態がないか、料金のない形態があります',
 'No consultation format is offered, or a format has no fee'),
('ethics-pledge', 60, 'PLEDGE_CURRENT', '{}',
 '最新版の倫理誓約に同意していること',
 'The current version of the ethics pledge is accepted',
 '最新版の倫理誓約に同意していません',
 'The current ethics pledge is not accepted'),
('side-work', 70, 'REQUIRED_WHEN',
 '{"field": "affiliation.sideWork", "whenField": "affiliation.kind", "equals": "COMPANY"}',
 '企業所属の場合、副業が認められているか所属企業が中小企業支援を行っていることを申告していること',
 'A company-affiliated specialist declares that side work is permitted or that the company itself consults for SMEs',
 '企業所属ですが、副業の可否（または所属企業による中小企業支援）が申告されていません',
 'Company-affiliated, but neither permitted side work nor company SME consulting is declared');

-- The ethics pledge (倫理誓約) listed specialists accept, versioned: the current version is the
-- latest one in effect. A new version is a new row; owners then accept it again.
CREATE TABLE ethics_pledge (
    version         TEXT PRIMARY KEY,
    effective_from  TIMESTAMPTZ NOT NULL UNIQUE,
    text_ja         TEXT NOT NULL,
    text_en         TEXT NOT NULL
);
INSERT INTO ethics_pledge (version, effective_from, text_ja, text_en) VALUES
('2025.1', '2025-04-01T00:00:00+09:00',
 '私は、情報処理安全確保支援士の倫理綱領を遵守し、中小企業への支援において、知り得た秘密を守り、' ||
 '特定の製品・サービスの販売を目的とした不当な勧誘を行わず、自らの能力を超える業務を引き受けず、' ||
 '利益相反がある場合には事前に開示することを誓約します。',
 'I pledge to observe the code of ethics of Registered Information Security Specialists and, when ' ||
 'supporting SMEs, to keep what I learn confidential, not to press the sale of particular products ' ||
 'or services, not to take on work beyond my competence, and to disclose any conflict of interest ' ||
 'beforehand.');
