-- Tokens get an expiry day, a scope (READ or WRITE) and the day they were revoked; tokens made before
-- this change keep working for 90 more days with the rights they had (WRITE).
alter table identity_api_token add column expires_on date;
alter table identity_api_token add column scope varchar(10) not null default 'WRITE';
alter table identity_api_token add column revoked_at timestamp with time zone;
update identity_api_token set expires_on = current_date + interval '90' day where expires_on is null;
alter table identity_api_token alter column expires_on set not null;

-- Raised whenever a password, the enabled flag, the role or the scope changes: a session signed in under
-- an older value is ended on its next request.
alter table identity_user add column credentials_version bigint not null default 0;
