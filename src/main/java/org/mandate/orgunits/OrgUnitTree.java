package org.mandate.orgunits;

/**
 * SQL fragments other modules embed to scope their own queries to a subtree, so that "everything under
 * this unit" stays one indexed join on the closure table owned by this module.
 */
public final class OrgUnitTree {

    private OrgUnitTree() {}

    /**
     * A sub-select of the ids of the unit whose code is bound to {@code :param} and of every unit under it.
     * Use as {@code where t.lead_unit_id in (...)}.
     */
    public static String subtreeIds(String param) {
        return "(select c.descendant_id from org_unit_closure c join org_unit a on a.id = c.ancestor_id where a.code = :"
                + param + ")";
    }

    /** Table and columns for joins: {@code org_unit(id, code, name_vi, name_en, name_fr, name_ru, level, parent_id)}. */
    public static final String TABLE = "org_unit";

    /** Closure table {@code org_unit_closure(ancestor_id, descendant_id, distance)}. */
    public static final String CLOSURE = "org_unit_closure";
}
