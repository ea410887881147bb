/**
 * Users, roles, org-unit scopes, login (form, HTTP Basic, personal API tokens) and the security
 * configuration. Depends on the org-unit tree for scopes.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"orgunits", "shared"})
package org.mandate.identity;
