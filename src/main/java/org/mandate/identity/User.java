package org.mandate.identity;

import org.mandate.shared.Role;

/** An account: a role and the org unit whose subtree bounds it (null only for admins). */
public record User(
        long id, String username, String displayName, Role role, String scopeUnit, boolean enabled, long version) {}
