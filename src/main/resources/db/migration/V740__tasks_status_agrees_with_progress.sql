-- A task above 0 % has started (TaskStatusRules): rows written before the rule said "not started" at 49 %,
-- and parents stayed "not started" while their sub-tasks moved. New writes keep them in agreement.
update task set status = 'ON_TRACK' where status = 'NOT_STARTED' and progress > 0;
update task set status = 'ON_TRACK'
 where status = 'NOT_STARTED'
   and exists (select 1 from task c
                where c.parent_id = task.id
                  and c.status not in ('DRAFT', 'CANCELLED', 'NOT_STARTED'));
