/**
 * Discussion and evidence: comments on tasks and bottlenecks (editable for 15 minutes, then only added to;
 * the audit trail keeps every version) and evidence files attached to a task, a progress update, a
 * bottleneck or a report, stored with their SHA-256 so anyone can check a file behind a result. Knows
 * nothing of tasks or bottlenecks: the modules that own a target say who may read and write it through
 * {@link org.mandate.discussion.DiscussionTarget}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.mandate.discussion;
