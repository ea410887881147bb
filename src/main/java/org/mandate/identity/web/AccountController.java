package org.mandate.identity.web;

import org.mandate.identity.AccountManagement;
import org.mandate.identity.AccountPages;
import org.mandate.shared.Actor;
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
    private final AccountPages pages;

    AccountController(AccountManagement accounts, AccountPages pages) {
        this.accounts = accounts;
        this.pages = pages;
    }

    @GetMapping("/account")
    String account(Model model) {
        Actor actor = Actor.require();
        model.addAttribute("me", accounts.find(actor.username()).orElseThrow());
        model.addAttribute("tokens", pages.tokens(actor));
        return ACCOUNT_VIEW;
    }

    @PostMapping("/account/tokens")
    String createToken(@RequestParam String name, Model model) {
        Actor actor = Actor.require();
        model.addAttribute("newToken", accounts.createToken(actor, name));
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
