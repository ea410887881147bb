/**
 * The append-only audit trail: who changed what, when, before and after. Listens to
 * {@link org.mandate.shared.AuditedChange} events in the publishing transaction; never updates or deletes.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.mandate.audit;
