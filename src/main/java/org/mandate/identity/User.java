package org.mandate.identity;

import java.io.Serializable;
import org.mandate.shared.Role;

/**
 * An account: a role and the org unit whose subtree bounds it (null only for admins). Serializable: a
 * signed-in user's session is stored in the database and read back by any instance.
 */
public record User(
        long id, String username, String displayName, Role role, String scopeUnit, boolean enabled, long version)
        implements Serializable {

    @java.io.Serial
    private static final long serialVersionUID = 1L;
}
