package org.mandate.identity.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.mandate.identity.AccountManagement;
import org.mandate.identity.AccountManagement.AccountChanges;
import org.mandate.identity.AccountManagement.NewAccount;
import org.mandate.identity.AccountPages;
import org.mandate.identity.User;
import org.mandate.shared.Actor;
import org.mandate.shared.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Accounts (admins) and personal API tokens (everyone, for themselves). */
@RestController
@RequestMapping("/api/v1")
class AccountApi {

    private final AccountManagement accounts;
    private final AccountPages pages;

    AccountApi(AccountManagement accounts, AccountPages pages) {
        this.accounts = accounts;
        this.pages = pages;
    }

    record UserJson(String username, String displayName, Role role, String scopeUnit, boolean enabled, long version) {
        static UserJson of(User u) {
            return new UserJson(u.username(), u.displayName(), u.role(), u.scopeUnit(), u.enabled(), u.version());
        }
    }

    record UserRequest(
            String username,
            String password,
            String displayName,
            Role role,
            String scopeUnit,
            Boolean enabled,
            Long version) {}

    record TokenRequest(String name) {}

    @GetMapping("/me")
    UserJson me() {
        return UserJson.of(accounts.find(Actor.require().username()).orElseThrow());
    }

    @GetMapping("/users")
    List<UserJson> users() {
        return accounts.all(Actor.require()).stream().map(UserJson::of).toList();
    }

    @PostMapping("/users")
    ResponseEntity<UserJson> create(@RequestBody UserRequest body) {
        User created = accounts.create(
                Actor.require(),
                new NewAccount(body.username(), body.password(), body.displayName(), body.role(), body.scopeUnit()));
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.username()))
                .body(UserJson.of(created));
    }

    @PatchMapping("/users/{username}")
    UserJson update(@PathVariable String username, @RequestBody UserRequest body) {
        return UserJson.of(accounts.update(
                Actor.require(),
                username,
                new AccountChanges(
                        body.password(),
                        body.displayName(),
                        body.role(),
                        body.scopeUnit(),
                        body.enabled(),
                        body.version())));
    }

    @GetMapping("/tokens")
    List<AccountPages.TokenView> tokens() {
        return pages.tokens(Actor.require());
    }

    /** Returns the token once; keep it, it cannot be shown again. */
    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> createToken(@RequestBody TokenRequest body) {
        return Map.of("name", body.name(), "token", accounts.createToken(Actor.require(), body.name()));
    }

    @DeleteMapping("/tokens/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        accounts.revokeToken(Actor.require(), id);
        return ResponseEntity.noContent().build();
    }
}
