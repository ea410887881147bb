/**
 * The staff dashboard: live figures of a resolution and an org subtree, read from the other modules'
 * public APIs (tasks, bottlenecks, indicators). Read-only; writes nothing.
 */
package org.mandate.dashboard;
