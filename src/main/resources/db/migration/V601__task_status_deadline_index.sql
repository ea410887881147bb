-- "Overdue" is a status among the unfinished ones and a deadline before today: counting the country's
-- overdue tasks reads this index alone instead of fetching some 50,000 task rows (see BENCHMARKS.md).
create index task_status_deadline_ix on task (status, deadline);
