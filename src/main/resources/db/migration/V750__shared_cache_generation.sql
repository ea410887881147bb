-- The generations of the caches (see CacheGenerations): with several instances over one database, a change
-- committed on one moves the counter every instance reads before serving a cached figure.
create table shared_cache_generation (
    name       varchar(200) not null primary key,
    generation bigint       not null
);
