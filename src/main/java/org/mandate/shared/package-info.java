/**
 * Small value types every module shares: localized texts, the acting user, problem-details errors,
 * paging and the audit event. No services and no state.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.mandate.shared;
