package org.mandate.audit.web;

import org.mandate.audit.AuditEntry;
import org.mandate.audit.AuditTrail;
import org.mandate.shared.Actor;
import org.mandate.shared.PageResult;
import org.mandate.shared.Paging;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail for admins: {@code /api/v1/audit?entityType=&entityId=}. */
@RestController
class AuditApi {

    private final AuditTrail trail;

    AuditApi(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/api/v1/audit")
    PageResult<AuditEntry> list(
            @RequestParam(required = false) String entityType,
            @RequestParam(required = false) String entityId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return trail.list(Actor.require(), entityType, entityId, Paging.of(page, size));
    }
}
