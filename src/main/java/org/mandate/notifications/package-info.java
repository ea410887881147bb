/**
 * Notifications: nothing slips unseen. Listens to the other modules' events (a task overdue, a report due,
 * late, returned or waiting, a bottleneck raised, escalating or escalated, a re-baselining to decide or
 * decided, a mention in a comment) and to its own daily jobs, and tells the right people: a line in their
 * inbox, written in the changing transaction, and an e-mail in their language when SMTP is configured and
 * they want it, sent once by the cluster's sender with retries.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "bottlenecks",
            "discussion",
            "identity",
            "orgunits",
            "reporting",
            "reviews",
            "shared",
            "tasks"
        })
package org.mandate.notifications;
