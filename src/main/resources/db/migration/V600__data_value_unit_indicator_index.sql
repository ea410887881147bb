-- Aggregating a subtree walks its units through the closure table and reads each unit's values of one
-- indicator: without this index every unit's lookup read all its indicators' values (seconds per national
-- figure at 12 million values; see BENCHMARKS.md).
create index indicator_data_value_unit_indicator_ix on indicator_data_value (org_unit_id, indicator_id, anchor_on);
