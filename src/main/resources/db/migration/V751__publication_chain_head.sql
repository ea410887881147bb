-- One publication at a time across instances: a publisher locks this row, then reads the head and chains to
-- it. And the chain can never fork: no two publications may name the same predecessor.
create table publication_chain_head (
    id             int    not null primary key,
    publication_id bigint
);
insert into publication_chain_head (id, publication_id)
values (1, (select max(id) from publication));
create unique index publication_previous_digest_uk on publication (previous_digest);
