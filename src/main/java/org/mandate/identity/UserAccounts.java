package org.mandate.identity;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads accounts for form login and HTTP Basic. */
@Component
class UserAccounts implements UserDetailsService {

    private final Users users;

    UserAccounts(Users users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username)
                .map(MandatePrincipal::new)
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }
}
