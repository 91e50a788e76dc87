-- State the policies need, shared by every agent instance: H2 by default, PostgreSQL in production.

-- Owners we assigned; one row per event and rule so a replayed event counts once.
CREATE TABLE assignment (
    event_id    VARCHAR(200) NOT NULL,
    rule_name   VARCHAR(200) NOT NULL,
    issue_key   VARCHAR(400) NOT NULL,
    team        VARCHAR(200),
    assignee    VARCHAR(200) NOT NULL,
    assigned_at TIMESTAMP WITH TIME ZONE NOT NULL,
    released_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (event_id, rule_name)
);
CREATE INDEX assignment_issue ON assignment (issue_key);
CREATE INDEX assignment_open ON assignment (released_at, assignee);

-- Nudges per target and window: sent, the one notice that the limit was reached, or held for a digest.
CREATE TABLE nudge (
    event_id     VARCHAR(200)    NOT NULL,
    rule_name    VARCHAR(200)    NOT NULL,
    target       VARCHAR(400)    NOT NULL,
    window_start BIGINT          NOT NULL,
    outcome      VARCHAR(10)     NOT NULL,
    message      VARCHAR(100000) NOT NULL,
    note         VARCHAR(1000)   NOT NULL,
    delivered_by VARCHAR(200),
    created_at   BIGINT          NOT NULL,
    PRIMARY KEY (event_id, rule_name, target)
);
CREATE INDEX nudge_window ON nudge (target, window_start, outcome);
