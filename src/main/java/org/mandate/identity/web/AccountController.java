package org.mandate.identity.web;

import java.time.LocalDate;
import org.mandate.identity.AccountManagement;
import org.mandate.identity.TokenScope;
import org.mandate.shared.Actor;
import org.mandate.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The user's own account: who they are, their scope, their API tokens. Admins also see all accounts. */
@Controller
class AccountController {

    static final String ACCOUNT_VIEW = "identity/account";
    static final String USERS_VIEW = "identity/users";

    private final AccountManagement accounts;

    AccountController(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/account")
    String account(Model model) {
        Actor actor = Actor.require();
        model.addAttribute("me", accounts.find(actor.username()).orElseThrow());
        model.addAttribute("tokens", accounts.tokens(actor, null));
        model.addAttribute("scopes", TokenScope.values());
        model.addAttribute("maxExpiry", accounts.today().plusDays(AccountManagement.MAX_TOKEN_DAYS));
        model.addAttribute("minExpiry", accounts.today());
        return ACCOUNT_VIEW;
    }

    @PostMapping("/account/tokens")
    String createToken(
            @RequestParam String name,
            @RequestParam(required = false) TokenScope scope,
            @RequestParam(required = false) LocalDate expiresOn,
            Model model) {
        Actor actor = Actor.require();
        try {
            model.addAttribute(
                    "newToken",
                    accounts.createToken(actor, new AccountManagement.NewToken(name, scope, expiresOn))
                            .token());
        } catch (InvalidInputException e) {
            model.addAttribute("tokenProblems", e.fieldProblems());
        }
        return account(model);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable long id) {
        accounts.revokeToken(Actor.require(), id);
        return "redirect:/account";
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        model.addAttribute("users", accounts.all(Actor.require()));
        return USERS_VIEW;
    }
}
