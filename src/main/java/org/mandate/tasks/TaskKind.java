package org.mandate.tasks;

/** What a task produces. Legal documents and projects need an evidence link to be done. */
public enum TaskKind {
    LEGAL_DOCUMENT,
    PROJECT,
    POLICY,
    REPORT,
    OTHER;

    public boolean needsEvidence() {
        return this == LEGAL_DOCUMENT || this == PROJECT;
    }
}
