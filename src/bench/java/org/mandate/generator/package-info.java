/**
 * The national data generator: the whole country at the scale of DESIGN.md (about 3,400 units, 200,000
 * tasks, 300 indicators, a year of values, bottlenecks, reports, feedback), deterministic from a seed,
 * bulk-loaded with PostgreSQL COPY. A benchmark tool: it writes the modules' tables directly, below their
 * APIs, as a database loader would, and is never active unless asked for.
 */
package org.mandate.generator;
