package org.mandate.identity.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.mandate.identity.AccountManagement;
import org.mandate.identity.AccountManagement.AccountChanges;
import org.mandate.identity.AccountManagement.NewAccount;
import org.mandate.identity.TokenScope;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Accounts (admins) and personal API tokens (everyone, for themselves). */
@RestController
@RequestMapping("/api/v1")
class AccountApi {

    private final AccountManagement accounts;

    AccountApi(AccountManagement accounts) {
        this.accounts = accounts;
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

    record TokenRequest(String name, TokenScope scope, LocalDate expiresOn) {}

    /** A new token: what it is, and the token itself, shown this once. */
    record CreatedTokenJson(
            long id, String name, TokenScope scope, LocalDate expiresOn, java.time.Instant createdAt, String token) {}

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

    /** The caller's tokens; admins may ask for another account's with {@code ?user=NAME}, or all with {@code ?user=*}. */
    @GetMapping("/tokens")
    List<AccountManagement.TokenView> tokens(@RequestParam(required = false) String user) {
        return accounts.tokens(Actor.require(), user);
    }

    /** Returns the token once; keep it, it cannot be shown again. Only a password login may create one. */
    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedTokenJson createToken(@RequestBody TokenRequest body) {
        AccountManagement.CreatedToken created = accounts.createToken(
                Actor.require(), new AccountManagement.NewToken(body.name(), body.scope(), body.expiresOn()));
        AccountManagement.TokenView v = created.view();
        return new CreatedTokenJson(v.id(), v.name(), v.scope(), v.expiresOn(), v.createdAt(), created.token());
    }

    @DeleteMapping("/tokens/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        accounts.revokeToken(Actor.require(), id);
        return ResponseEntity.noContent().build();
    }
}
