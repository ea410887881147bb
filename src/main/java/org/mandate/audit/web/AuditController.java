package org.mandate.audit.web;

import org.mandate.audit.AuditTrail;
import org.mandate.shared.Actor;
import org.mandate.shared.Paging;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail page, for admins. */
@Controller
class AuditController {

    static final String AUDIT_VIEW = "audit/trail";

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/admin/audit")
    String trail(
            @RequestParam(required = false) String entityType,
            @RequestParam(required = false) String entityId,
            @RequestParam(required = false) Integer page,
            Model model) {
        model.addAttribute(
                "entries", trail.list(Actor.require(), blank(entityType), blank(entityId), Paging.of(page, 100)));
        model.addAttribute("entityType", entityType);
        model.addAttribute("entityId", entityId);
        return AUDIT_VIEW;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
