-- Payments and KYC (issue 4): the webhook inbox, deposits, withdrawals, KYC state, and the hub-wide Idempotency-Key
-- records. Money stays in the ledger; these tables hold the state machines (payments.md §5) and reference the
-- ledger only through idempotency keys (source 'payments').

-- Every verified webhook delivery, stored before the 2xx answer, keyed by the vendor's event id per endpoint
-- (a duplicate or a concurrent duplicate loses on the unique key and changes nothing; payments.md §3.4 rule 1).
CREATE TABLE webhook_inbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel         text        NOT NULL CHECK (channel IN ('payments', 'kyc')),
    endpoint_id     text        NOT NULL,            -- gateway / vendor id from the URL
    vendor          text        NOT NULL,            -- the scheme that verified it: stripe, standard-webhooks, sumsub
    event_id        text        NOT NULL,            -- the vendor's event id (stable across retries)
    event_type      text        NOT NULL,
    subject         text        NOT NULL,            -- PAYMENT, REFUND, DISPUTE, PAYOUT, APPLICANT, OTHER
    status          text        NOT NULL,            -- canonical status of the event
    reference       text,                            -- payment / payout / applicant id at the vendor
    amount_minor    bigint,
    currency        char(3),
    attributes      json        NOT NULL,
    raw_body        bytea       NOT NULL,            -- the verified bytes, kept for audit
    occurred_at     timestamptz NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    state           text        NOT NULL DEFAULT 'RECEIVED'
                                CHECK (state IN ('RECEIVED', 'PROCESSED', 'UNMATCHED', 'DEFERRED', 'IGNORED')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    processed_at    timestamptz,
    outcome         text,                            -- what processing did (or why it did nothing)
    CONSTRAINT webhook_inbox_event UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_inbox_due ON webhook_inbox (next_attempt_at) WHERE state IN ('RECEIVED', 'UNMATCHED', 'DEFERRED');

-- A deposit exists before the gateway is called (payments.md §7 #3).
CREATE TABLE deposit (
    id            uuid PRIMARY KEY,
    player_id     uuid        NOT NULL REFERENCES app_user (id),
    gateway_id    text        NOT NULL,
    amount_minor  bigint      NOT NULL CHECK (amount_minor > 0),
    currency      char(3)     NOT NULL,
    status        text        NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED', 'REFUNDED', 'DISPUTED',
                                                          'CHARGED_BACK', 'REVERSED')),
    psp_reference text UNIQUE,
    redirect_url  text,
    submit_attempts integer   NOT NULL DEFAULT 0,  -- gateway calls with an unknown outcome so far
    next_submit_at  timestamptz NOT NULL DEFAULT clock_timestamp(),  -- when the resumer may call again (backing off)
    created_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at    timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX deposit_player ON deposit (player_id, created_at DESC);
CREATE INDEX deposit_unsubmitted ON deposit (next_submit_at) WHERE status = 'PENDING' AND psp_reference IS NULL;

CREATE TABLE withdrawal (
    id            uuid PRIMARY KEY,
    player_id     uuid        NOT NULL REFERENCES app_user (id),
    gateway_id    text        NOT NULL,
    amount_minor  bigint      NOT NULL CHECK (amount_minor > 0),
    currency      char(3)     NOT NULL,
    status        text        NOT NULL CHECK (status IN ('REQUESTED', 'ON_HOLD', 'SUBMITTED', 'PAID', 'FAILED',
                                                          'RETURNED', 'REJECTED')),
    hold_id       uuid        NOT NULL,             -- the ledger's pending hold (cash → held) of this withdrawal
    hold_reason   text,                             -- KYC_NOT_APPROVED, AML_SINGLE_LIMIT, AML_ROLLING_LIMIT, KYC_REJECTED
    jurisdiction  text        NOT NULL,
    psp_reference text UNIQUE,
    decided_by    text,                             -- the operator who approved or rejected it
    submit_attempts integer   NOT NULL DEFAULT 0,
    next_submit_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    created_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at    timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX withdrawal_player ON withdrawal (player_id, created_at DESC);
CREATE INDEX withdrawal_status ON withdrawal (status, created_at);

-- KYC state per player, driven by the vendor's webhooks (payments.md §5.3).
CREATE TABLE kyc_applicant (
    player_id     uuid PRIMARY KEY REFERENCES app_user (id),
    vendor_id     text,
    applicant_id  text UNIQUE,
    status        text        NOT NULL CHECK (status IN ('NOT_STARTED', 'PENDING', 'APPROVED', 'RETRY_REQUIRED',
                                                          'REJECTED', 'IN_REVIEW')),
    jurisdiction  text        NOT NULL,
    last_event_at timestamptz,                      -- occurredAt of the newest event applied (older ones are recorded only)
    updated_at    timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- The hub's own Idempotency-Key records (draft-ietf-httpapi-idempotency-key-header): one per (caller, key).
CREATE TABLE idempotency_record (
    caller        text        NOT NULL,             -- the JWT subject
    idem_key      text        NOT NULL,
    fingerprint   bytea       NOT NULL,             -- SHA-256 of method, path and body
    method        text        NOT NULL,
    path          text        NOT NULL,
    status        integer,                          -- null while the first request is in flight
    content_type  text,
    response_body bytea,
    locked_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    created_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (caller, idem_key)
);
CREATE INDEX idempotency_record_created ON idempotency_record (created_at);
