/**
 * Independent review of implementation. Today: expert appraisals of solution groups and tasks (invited by
 * the steering secretariat, answered by the appraised unit's leader) and social supervision programmes
 * (Fatherland Front); both are published with the next publication. Scorecards and rankings come later.
 * Depends on orgunits, identity, feedback (targets) and shared.
 */
package org.mandate.reviews;
