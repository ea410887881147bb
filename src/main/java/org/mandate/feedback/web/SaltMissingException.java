package org.mandate.feedback.web;

/** Outside the demo the application does not start without the feedback salt ({@link ClientIdentity}). */
class SaltMissingException extends IllegalStateException {

    static final String DESCRIPTION = "The feedback salt is not set (MANDATE_FEEDBACK_SALT, property"
            + " mandate.feedback.salt). Raters' addresses are kept only as hashes salted with it: without one fixed"
            + " salt shared by all instances a client could rate again after every restart and on every instance."
            + " Only the demo (mandate.demo=true) starts without it.";

    static final String ACTION = "Set the environment variable MANDATE_FEEDBACK_SALT (or the property"
            + " mandate.feedback.salt) to a long random secret, for example the output of 'openssl rand -hex 32',"
            + " the same on every instance, and keep it.";

    SaltMissingException() {
        super(DESCRIPTION + " " + ACTION);
    }
}
