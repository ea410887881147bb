package org.mandate.identity;

/** What an API token may do: read only (GET, HEAD, OPTIONS), or also write. */
public enum TokenScope {
    READ,
    WRITE
}
