/**
 * The organisation tree: steering committee, ministries, provinces, departments, communes and wards.
 * Owns the closure table that makes every "this unit and its subtree" query one indexed join, and the
 * scope check every write goes through.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.mandate.orgunits;
