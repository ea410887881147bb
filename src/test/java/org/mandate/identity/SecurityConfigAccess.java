package org.mandate.identity;

/** Test access to the package-private helpers of the security configuration. */
public final class SecurityConfigAccess {

    private SecurityConfigAccess() {}

    public static String pathAndQuery(String url) {
        return SecurityConfig.pathAndQuery(url, "/");
    }
}
