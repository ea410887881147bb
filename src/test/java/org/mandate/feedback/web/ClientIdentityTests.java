package org.mandate.feedback.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientIdentityTests {

    private static MockHttpServletRequest request(String remote, String forwarded) {
        MockHttpServletRequest r = new MockHttpServletRequest();
        r.setRemoteAddr(remote);
        if (forwarded != null) {
            r.addHeader("X-Forwarded-For", forwarded);
        }
        return r;
    }

    @Test
    void forwardedForIsIgnoredWithoutATrustedProxy() {
        ClientIdentity identity = new ClientIdentity("salt", "", false);
        assertThat(identity.address(request("203.0.113.9", "198.51.100.1"))).isEqualTo("203.0.113.9");
        assertThat(identity.of(request("203.0.113.9", "198.51.100.1")))
                .isEqualTo(identity.of(request("203.0.113.9", "198.51.100.2")));
    }

    @Test
    void aTrustedProxyPassesOnTheRightMostUntrustedAddress() {
        ClientIdentity identity = new ClientIdentity("salt", "10.0.0.1, 10.0.0.2", false);
        assertThat(identity.address(request("10.0.0.1", "1.2.3.4, 198.51.100.7, 10.0.0.2")))
                .isEqualTo("198.51.100.7");
        assertThat(identity.address(request("10.0.0.1", null))).isEqualTo("10.0.0.1");
        assertThat(identity.address(request("203.0.113.9", "1.2.3.4"))).isEqualTo("203.0.113.9");
    }

    @Test
    void onlyASaltedHashIsKept() {
        String hash = new ClientIdentity("salt", "", false).of(request("203.0.113.9", null));
        assertThat(hash).hasSize(64).doesNotContain("203.0.113.9");
        assertThat(new ClientIdentity("other", "", false).of(request("203.0.113.9", null)))
                .isNotEqualTo(hash);
    }

    @Test
    void anIpv6ClientCountsByItsSlash64() {
        ClientIdentity identity = new ClientIdentity("salt", "", false);
        assertThat(identity.of(request("2001:db8:1:2::1", null)))
                .isEqualTo(identity.of(request("2001:db8:1:2:aaaa:bbbb:cccc:dddd", null)))
                .isNotEqualTo(identity.of(request("2001:db8:1:3::1", null)));
        ClientIdentity.RateKeys a = identity.rateKeys(request("2001:db8:1:2::1", null));
        ClientIdentity.RateKeys b = identity.rateKeys(request("2001:db8:1:2::2", null));
        assertThat(a.address()).isNotEqualTo(b.address());
        assertThat(a.prefix()).isEqualTo(b.prefix()).isNotNull();
        assertThat(identity.rateKeys(request("203.0.113.9", null)).prefix()).isNull();
    }

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(ClientIdentity.class);

    @Test
    void outsideTheDemoTheSaltIsRequired() {
        context.withPropertyValues("mandate.demo=false").run(c -> {
            assertThat(c).hasFailed();
            assertThat(c.getStartupFailure())
                    .rootCause()
                    .isInstanceOf(SaltMissingException.class)
                    .hasMessageContaining("MANDATE_FEEDBACK_SALT")
                    .hasMessageContaining("mandate.feedback.salt");
        });
        context.withPropertyValues("mandate.feedback.salt=  ")
                .run(c -> assertThat(c).getFailure().rootCause().isInstanceOf(SaltMissingException.class));
        context.withPropertyValues("mandate.feedback.salt=a-long-secret")
                .run(c -> assertThat(c).hasNotFailed().hasSingleBean(ClientIdentity.class));
    }

    @Test
    void theDemoStartsWithoutASalt() {
        context.withPropertyValues("mandate.demo=true")
                .run(c -> assertThat(c).hasNotFailed().hasSingleBean(ClientIdentity.class));
    }
}
