-- Portable SQL (H2 2.x and PostgreSQL). V3 (a Java migration) copies V1's JSON participants into the new tables.

-- Meetings: iCalendar SEQUENCE, end time for overlap queries, the issue link and how the slot was chosen.
ALTER TABLE meetings ADD COLUMN sequence INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE meetings ADD COLUMN end_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE meetings ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE meetings ADD COLUMN issue VARCHAR(2000);
ALTER TABLE meetings ADD COLUMN requested_start TIMESTAMP WITH TIME ZONE;
ALTER TABLE meetings ADD COLUMN scheduling_reason VARCHAR(1000);

CREATE INDEX ix_meetings_start ON meetings (start_at);
CREATE INDEX ix_meetings_issue ON meetings (issue);

-- The participants as requested (owner:alice, team:triage, Bob), in request order.
CREATE TABLE meeting_participants (
    meeting_id  VARCHAR(36)  NOT NULL,
    position    INTEGER      NOT NULL,
    participant VARCHAR(320) NOT NULL,
    CONSTRAINT pk_meeting_participants PRIMARY KEY (meeting_id, position),
    CONSTRAINT fk_meeting_participants FOREIGN KEY (meeting_id) REFERENCES meetings (id)
);
CREATE INDEX ix_meeting_participants_participant ON meeting_participants (participant);

-- The people they stand for (teams expanded), by directory id: what busy checks and personal feeds query.
CREATE TABLE meeting_attendees (
    meeting_id VARCHAR(36)  NOT NULL,
    person     VARCHAR(320) NOT NULL,
    CONSTRAINT pk_meeting_attendees PRIMARY KEY (meeting_id, person),
    CONSTRAINT fk_meeting_attendees FOREIGN KEY (meeting_id) REFERENCES meetings (id)
);
CREATE INDEX ix_meeting_attendees_person ON meeting_attendees (person);

-- One row per person ever scheduled; booking a slot locks its attendees' rows (SELECT ... FOR UPDATE) so two
-- concurrent requests for the same people cannot both take the same free time.
CREATE TABLE person_locks (
    person VARCHAR(320) NOT NULL,
    CONSTRAINT pk_person_locks PRIMARY KEY (person)
);

-- Nudges: the issue link and the delivery state (channel, attempts, next attempt, failure reason).
ALTER TABLE nudges ADD COLUMN link VARCHAR(2000);
ALTER TABLE nudges ADD COLUMN channel VARCHAR(400);
ALTER TABLE nudges ADD COLUMN webhook_url VARCHAR(2000);
ALTER TABLE nudges ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE nudges ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE nudges ADD COLUMN reason VARCHAR(1000);
ALTER TABLE nudges ADD COLUMN sent_at TIMESTAMP WITH TIME ZONE;

-- V1 recorded nudges as "sent" without sending them; say so.
UPDATE nudges SET status = 'stored', reason = 'recorded before delivery existed' WHERE status = 'sent';

CREATE INDEX ix_nudges_pending ON nudges (status, next_attempt_at);
CREATE INDEX ix_nudges_recipient ON nudges (recipient);
