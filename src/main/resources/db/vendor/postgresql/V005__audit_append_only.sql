-- On PostgreSQL the database itself refuses to rewrite history: audit rows can only be inserted.
create or replace function audit_entry_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end;
$$;
create trigger audit_entry_no_update before update or delete on audit_entry
    for each row execute function audit_entry_immutable();
