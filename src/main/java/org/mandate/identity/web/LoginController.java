package org.mandate.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page. */
@Controller
class LoginController {

    static final String LOGIN_VIEW = "identity/login";

    @GetMapping("/login")
    String login() {
        return LOGIN_VIEW;
    }
}
