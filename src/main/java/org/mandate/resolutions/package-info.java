/**
 * The resolution catalogue: each resolution with its measurable goals and its ordered solution groups,
 * the frame every task, indicator and report hangs from.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.mandate.resolutions;
