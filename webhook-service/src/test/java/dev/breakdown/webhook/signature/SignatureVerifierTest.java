package dev.breakdown.webhook.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureVerifierTest {
    private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    private static final String GITHUB_VECTOR =
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    @Test
    void matchesGitHubsPublishedTestVector() {
        assertThat(SignatureVerifier.sign("It's a Secret to Everybody", HELLO)).isEqualTo(GITHUB_VECTOR);
        assertThat(SignatureVerifier.matches(GITHUB_VECTOR, HELLO, List.of("It's a Secret to Everybody"))).isTrue();
    }

    @Test
    void acceptsASignatureUnderAnyConfiguredSecret() {
        assertThat(SignatureVerifier.matches(GITHUB_VECTOR, HELLO, List.of("new secret", "It's a Secret to Everybody")))
                .isTrue();
    }

    @Test
    void acceptsUpperCaseHex() {
        String upper = "sha256=" + GITHUB_VECTOR.substring(7).toUpperCase();
        assertThat(SignatureVerifier.matches(upper, HELLO, List.of("It's a Secret to Everybody"))).isTrue();
    }

    @Test
    void refusesWrongSecretOtherBodyAndMalformedHeaders() {
        List<String> secret = List.of("It's a Secret to Everybody");
        assertThat(SignatureVerifier.matches(GITHUB_VECTOR, HELLO, List.of("another secret"))).isFalse();
        assertThat(SignatureVerifier.matches(GITHUB_VECTOR, "Hello, World?".getBytes(StandardCharsets.UTF_8), secret))
                .isFalse();
        assertThat(SignatureVerifier.matches(null, HELLO, secret)).isFalse();
        assertThat(SignatureVerifier.matches(GITHUB_VECTOR.substring(7), HELLO, secret)).as("no sha256= prefix").isFalse();
        assertThat(SignatureVerifier.matches("sha1=757107ea0eb2509fc211221cce984b8a", HELLO, secret)).isFalse();
        assertThat(SignatureVerifier.matches("sha256=zz" + GITHUB_VECTOR.substring(9), HELLO, secret)).isFalse();
        assertThat(SignatureVerifier.matches(GITHUB_VECTOR, HELLO, List.of())).isFalse();
    }

    @Test
    void comparesTokensExactly() {
        assertThat(SignatureVerifier.tokensEqual("token-1", "token-1")).isTrue();
        assertThat(SignatureVerifier.tokensEqual("token-1", "token-2")).isFalse();
        assertThat(SignatureVerifier.tokensEqual("token-1", "token-10")).isFalse();
        assertThat(SignatureVerifier.tokensEqual("token-1", null)).isFalse();
    }
}
