package org.mandate.orgunits;

/** The level of a unit in the tree; a child always sits at a deeper rank than its parent. */
public enum OrgLevel {
    CENTRAL(0),
    MINISTRY(1),
    PROVINCE(1),
    DEPARTMENT(2),
    COMMUNE(2);

    private final int rank;

    OrgLevel(int rank) {
        this.rank = rank;
    }

    public boolean mayContain(OrgLevel child) {
        return child.rank > rank;
    }
}
