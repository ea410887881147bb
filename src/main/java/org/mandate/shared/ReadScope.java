package org.mandate.shared;

/**
 * Whose unpublished work a reader may see: drafts of tasks, values not yet approved, reports not yet approved.
 * What is published (tasks out of draft, approved values and reports) is visible to every signed-in reader;
 * the rest only to the admins and the steering secretariat ({@code everything}), and to a unit's leaders and
 * reporters within their own subtree ({@code subtree}). Independent experts, supervisors and moderators read
 * published work only: their scope says where they work, not whose drafts they may read.
 */
public record ReadScope(boolean everything, String subtree) {

    public static final ReadScope EVERYTHING = new ReadScope(true, null);
    public static final ReadScope PUBLISHED_ONLY = new ReadScope(false, null);

    public static ReadScope of(Actor actor) {
        if (actor == null) {
            return PUBLISHED_ONLY;
        }
        if (actor.is(Role.ADMIN, Role.STEERING)) {
            return EVERYTHING;
        }
        if (actor.is(Role.LEADER, Role.REPORTER) && actor.scopeUnit() != null) {
            return new ReadScope(false, actor.scopeUnit());
        }
        return PUBLISHED_ONLY;
    }

    /** True when the reader sees only published work everywhere. */
    public boolean publishedOnly() {
        return !everything && subtree == null;
    }
}
