-- The feedback rate limit, shared by every instance: one row per limited key (a salted hash of a client
-- address, "a:...", or of its IPv6 /64, "p:..."). full_at is when that key's bucket is full again, in epoch
-- milliseconds (a number, so that the atomic update is plain arithmetic on H2 and PostgreSQL alike). A row
-- whose full_at has passed means the same as no row, and the cleanup job deletes it.
create table feedback_rate_limit (
    client_key varchar(80) not null primary key,
    full_at    bigint      not null
);
create index feedback_rate_limit_full_at_ix on feedback_rate_limit (full_at);
