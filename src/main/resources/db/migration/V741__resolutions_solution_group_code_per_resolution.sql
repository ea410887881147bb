-- A solution group's code is unique within its resolution, not across all of them: a second resolution may
-- have its own G1. Every reference to a group names its resolution with it (tasks carry resolution_slug).
alter table resolution_solution_group drop constraint resolution_sg_code_uk;
alter table resolution_solution_group add constraint resolution_sg_code_uk unique (resolution_id, code);
