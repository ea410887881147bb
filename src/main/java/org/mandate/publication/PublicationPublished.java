package org.mandate.publication;

/** A new publication is out. */
public record PublicationPublished(long id, PublicationKind kind, String period, String digest) {}
