/**
 * Public satisfaction: citizens and businesses rate a resolution, task or unit (1–5) and may comment; ratings
 * count at once, comments after moderation. Abuse-resistant without accounts. Also owns the {@link
 * org.mandate.feedback.Target} notation ({@code TYPE:REF}) that reviews reuse. Depends on orgunits,
 * resolutions and shared.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"orgunits", "resolutions", "shared", "tasks"})
package org.mandate.feedback;
