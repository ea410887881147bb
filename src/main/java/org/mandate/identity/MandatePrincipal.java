package org.mandate.identity;

import java.util.Collection;
import java.util.List;
import org.mandate.shared.Actor;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in user as Spring Security sees it; also the {@link Actor} other modules read. It remembers
 * the credentials version it was loaded under, so that a session ends when the account changes.
 */
class MandatePrincipal implements UserDetails, Actor.Holder {

    @java.io.Serial
    private static final long serialVersionUID = 1L;

    private final User user;
    private final String passwordHash;
    private final long credentialsVersion;

    MandatePrincipal(Users.Stored stored) {
        this.user = stored.user();
        this.passwordHash = stored.passwordHash();
        this.credentialsVersion = stored.credentialsVersion();
    }

    @Override
    public Actor actor() {
        return new Actor(user.username(), user.role(), user.scopeUnit());
    }

    User user() {
        return user;
    }

    long credentialsVersion() {
        return credentialsVersion;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isEnabled() {
        return user.enabled();
    }
}
