package org.mandate.tasks;

final class TaskSpreadsheetsAccess {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private TaskSpreadsheetsAccess() {}
}
