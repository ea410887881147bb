-- H2 is the embedded development database; the append-only trigger lives in the PostgreSQL migration.
select 1;
