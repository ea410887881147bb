package org.mandate.identity;

import java.util.Collection;
import java.util.List;
import org.mandate.shared.Actor;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in user as Spring Security sees it; also the {@link Actor} other modules read. */
class MandatePrincipal implements UserDetails, Actor.Holder {

    private final User user;
    private final String passwordHash;

    MandatePrincipal(User user, String passwordHash) {
        this.user = user;
        this.passwordHash = passwordHash;
    }

    @Override
    public Actor actor() {
        return new Actor(user.username(), user.role(), user.scopeUnit());
    }

    User user() {
        return user;
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
