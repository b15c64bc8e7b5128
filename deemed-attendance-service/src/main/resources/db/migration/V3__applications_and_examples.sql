-- Deemed-attendance applications (drafts, issue 4 section 2) with their experience entries, and
-- the example descriptions IPA publishes per syllabus area.

-- One application of a specialist for one substitutable requirement of one cycle. Only DRAFT
-- exists yet; later migrations extend the CHECK (SUBMITTED, APPROVED, ...). The specialist is
-- known by the token subject, exactly as registration.specialist_subject.
CREATE TABLE application (
    id                  UUID        PRIMARY KEY,
    cycle_id            UUID        NOT NULL REFERENCES cycle (id),
    requirement_kind    TEXT        NOT NULL REFERENCES requirement_kind (code),
    specialist_subject  TEXT        NOT NULL CHECK (length(specialist_subject) BETWEEN 1 AND 255),
    status              TEXT        NOT NULL CHECK (status IN ('DRAFT')),
    version             BIGINT      NOT NULL DEFAULT 0,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX application_by_owner ON application (specialist_subject, created_at DESC, id DESC);
-- At most one draft per cycle and requirement (later: per open status).
CREATE UNIQUE INDEX application_one_draft ON application (cycle_id, requirement_kind)
    WHERE status = 'DRAFT';

-- One experience entry: a coherent block of work (ひとかたまりの業務) and its result, the syllabus
-- sub-items it matches, when, where, in which role, and who certifies it. The corporate number and
-- the certifier's e-mail are personal/organisational data: only the owner (later IPA) sees them.
CREATE TABLE experience_entry (
    id                  UUID        PRIMARY KEY,
    application_id      UUID        NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    title               TEXT        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description         TEXT        NOT NULL CHECK (length(description) BETWEEN 200 AND 4000),
    -- SHA-256 (hex) of the description normalised as for the example-copy check: the same text
    -- in different applicants' entries is found by equality.
    description_key     TEXT        NOT NULL CHECK (description_key ~ '^[0-9a-f]{64}$'),
    -- Set when another applicant's entry has the same normalised description. For IPA's review;
    -- the applicant is not told.
    shared_description  BOOLEAN     NOT NULL DEFAULT false,
    period_from         DATE        NOT NULL,
    period_to           DATE        NOT NULL,
    organisation_name   TEXT        NOT NULL CHECK (length(organisation_name) BETWEEN 1 AND 200),
    corporate_number    TEXT        NOT NULL CHECK (corporate_number ~ '^[1-9][0-9]{12}$'),
    applicant_role      TEXT        NOT NULL CHECK (length(applicant_role) BETWEEN 1 AND 200),
    certifier_name      TEXT        NOT NULL CHECK (length(certifier_name) BETWEEN 1 AND 100),
    certifier_title     TEXT        NOT NULL CHECK (length(certifier_title) BETWEEN 1 AND 100),
    certifier_email     TEXT        NOT NULL CHECK (length(certifier_email) BETWEEN 3 AND 254),
    version             BIGINT      NOT NULL DEFAULT 0,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    CHECK (period_from <= period_to)
);
CREATE INDEX experience_entry_by_application ON experience_entry (application_id, created_at);
CREATE INDEX experience_entry_by_description_key ON experience_entry (description_key);

-- The syllabus sub-items an entry matches (1..n), in the order the applicant gave them.
CREATE TABLE experience_entry_item (
    entry_id   UUID    NOT NULL REFERENCES experience_entry (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL CHECK (position >= 0),
    item_code  TEXT    NOT NULL REFERENCES syllabus_item (code),
    PRIMARY KEY (entry_id, position),
    -- Deferred: rewriting an entry's list in place may swap codes between positions.
    UNIQUE (entry_id, item_code) DEFERRABLE INITIALLY DEFERRED
);

-- Example descriptions IPA publishes per syllabus area (大項目). Entries too close to one of them
-- are refused (seed report, 信頼性確保策: 領域ごとに具体例を示し、具体例通りの記載は認めない).
CREATE TABLE description_example (
    id          UUID        PRIMARY KEY,
    area        INTEGER     NOT NULL REFERENCES syllabus_area (number),
    title       TEXT        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    text        TEXT        NOT NULL CHECK (length(text) BETWEEN 50 AND 4000),
    created_at  TIMESTAMPTZ NOT NULL,
    created_by  TEXT        NOT NULL
);
CREATE INDEX description_example_by_area ON description_example (area, created_at);

-- SAMPLE TEXT (サンプル): written for this service in the style of the seed report's syllabus
-- table (around line 1514); not published by IPA. Replace with IPA's examples when they exist.
INSERT INTO description_example (id, area, title, text, created_at, created_by) VALUES
('00000000-0000-4000-8000-000000000101', 1, '【サンプル】情報セキュリティリスクアセスメントの実施支援',
 '（サンプル文例）従業員約三百名の製造業の企業において、情報セキュリティ委員会の依頼を受け、リスク基準の確立及び維持について必要な指導・助言を行った。情報資産の洗い出しを各部門の担当者と共に行い、約百二十件の情報資産について機密性、完全性及び可用性の観点から重要度を評価した。その上で、脅威と脆弱性を特定し、リスク分析及びリスク評価のプロセスを実施した。評価結果に基づき、優先的に対応すべき十五件のリスクを特定し、経営層に報告した。その結果、リスク対応計画の策定に着手することが経営会議で承認され、次年度の予算に反映された。',
 now(), 'migration'),
('00000000-0000-4000-8000-000000000201', 2, '【サンプル】業務システム更改におけるセキュリティ要件の定義',
 '（サンプル文例）受注管理システムの更改プロジェクトにおいて、企画・要件定義の段階からセキュリティの観点で参画した。取り扱う個人情報及び取引情報を整理し、脅威分析を実施した上で、認証、アクセス制御、ログ取得、暗号化等のセキュリティ要件を定義した。要件定義書のレビューを開発ベンダと共に行い、非機能要件として合意した。また、受入テストにおいて脆弱性診断の実施を計画し、診断結果に基づく是正を確認した。その結果、重大な脆弱性を残すことなくシステムを本番稼働させることができ、運用開始後の監査でも指摘事項はなかった。',
 now(), 'migration'),
('00000000-0000-4000-8000-000000000301', 3, '【サンプル】クラウドサービス利用時のアカウント管理の見直し',
 '（サンプル文例）クラウドサービスを業務に利用している中小企業において、アカウント管理及びアクセス管理の見直しを支援した。利用中のサービスとアカウントを棚卸しし、退職者のアカウントが残存していること、管理者権限が過剰に付与されていることを確認した。多要素認証の導入、権限の最小化、定期的な棚卸しの手順を整備し、担当者に運用方法を説明した。また、バックアップの取得状況を確認し、復旧手順の確認を行った。その結果、不要なアカウントが全て削除され、管理者権限を持つ利用者は二十名から三名に削減された。',
 now(), 'migration'),
('00000000-0000-4000-8000-000000000401', 4, '【サンプル】ランサムウェア感染時のインシデント対応',
 '（サンプル文例）取引先企業の社内サーバがランサムウェアに感染した事案において、情報セキュリティインシデントへの対応を支援した。初動として感染端末のネットワークからの切り離しを指示し、被害範囲の特定のためにログを収集及び分析した。証拠の保全手順を助言し、関係機関への報告内容の整理を支援した。復旧にあたってはバックアップからの復元手順を確認し、再発防止策として脆弱性への対応とセキュリティ監視の強化を提案した。その結果、業務は五日後に再開され、インシデント対応体制の見直しが経営層により決定された。',
 now(), 'migration');
