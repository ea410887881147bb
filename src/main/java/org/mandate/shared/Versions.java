package org.mandate.shared;

/** Optimistic locking: a client that sends a version must send the current one. */
public final class Versions {

    private Versions() {}

    public static void check(Long sent, long current) {
        if (sent != null && sent != current) {
            throw ConflictException.staleVersion(sent, current);
        }
    }
}
