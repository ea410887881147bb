/**
 * Core indicators (baselines, targets by year, formulas over other indicators) and the data values every
 * unit reports per period, with the analytics that aggregate them over an org subtree by each indicator's
 * rule. Depends on orgunits, resolutions and shared; never on reporting (reporting depends on it).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"orgunits", "resolutions", "shared"})
package org.mandate.indicators;
