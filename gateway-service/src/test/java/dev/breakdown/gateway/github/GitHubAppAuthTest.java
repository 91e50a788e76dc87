package dev.breakdown.gateway.github;

import static dev.breakdown.gateway.writeback.Fixtures.DIRECTORY;
import static dev.breakdown.gateway.writeback.Fixtures.NOBODY;
import static dev.breakdown.gateway.writeback.Fixtures.context;
import static dev.breakdown.gateway.writeback.Fixtures.githubIssue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.breakdown.gateway.standin.GitHubStandIn;
import dev.breakdown.gateway.standin.TrackerStandIn.Received;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.client.RestClient;

/**
 * GitHub App authentication with a freshly generated RSA key in the PKCS#1 PEM form GitHub hands out: the JWT finds
 * the repository's installation, the installation token is cached and renewed before it expires.
 */
class GitHubAppAuthTest {

    static final String APP_ID = "424242";
    static final long INSTALLATION = 777;
    static KeyPair keys;
    @TempDir
    static Path dir;
    static Path pem;

    private GitHubStandIn github;

    @BeforeAll
    static void generateKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        pem = dir.resolve("app.private-key.pem");
        Files.writeString(pem, "-----BEGIN RSA PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pkcs1(keys.getPrivate().getEncoded()))
                + "\n-----END RSA PRIVATE KEY-----\n");
    }

    @AfterEach
    void stop() {
        if (github != null) {
            github.close();
        }
    }

    @Test
    void appFindsTheInstallationAndWritesWithItsToken() {
        github = new GitHubStandIn().app(APP_ID, (RSAPublicKey) keys.getPublic(), INSTALLATION, Duration.ofHours(1));
        GitHubTracker tracker = appTracker();

        String first = tracker.assign(context(githubIssue(1), "assign_owner", "owner:alice"), DIRECTORY.resolve("owner:alice"), true);
        tracker.comment(context(githubIssue(1), "post_nudge", "team:triage"), "m-1", "hello", NOBODY, true);

        assertThat(first).isEqualTo("github: assigned alice-gh to acme/web#1");
        assertThat(github.received()).extracting(r -> r.method() + " " + r.path()).startsWith(
                "GET /repos/acme/web/installation", "POST /app/installations/777/access_tokens",
                "GET /repos/acme/web/issues/1", "POST /repos/acme/web/issues/1/assignees");
        assertThat(github.tokensIssued()).as("the installation token is cached").isEqualTo(1);
        assertThat(github.received("GET", "/installation")).as("the installation is cached").hasSize(1);
        Received write = github.received("POST", "/assignees").get(0);
        assertThat(write.authorization()).startsWith("Bearer ghs_");
        assertThat(github.assignees("acme/web", 1)).containsExactly("alice-gh");
    }

    @Test
    void tokenCloseToItsExpiryIsRenewedBeforeUse() {
        // GitHub's tokens live an hour; one that expires within five minutes is not used any more.
        github = new GitHubStandIn().app(APP_ID, (RSAPublicKey) keys.getPublic(), INSTALLATION, Duration.ofMinutes(4));
        GitHubTracker tracker = appTracker();

        tracker.comment(context(githubIssue(2), "post_nudge", "team:triage"), "m-2a", "one", NOBODY, true);
        tracker.comment(context(githubIssue(2), "post_nudge", "team:triage"), "m-2b", "two", NOBODY, true);

        assertThat(github.tokensIssued()).isEqualTo(2);
        assertThat(github.comments("acme/web", 2)).hasSize(2);
    }

    @Test
    void jwtSignedWithAnotherKeyIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        github = new GitHubStandIn().app(APP_ID, (RSAPublicKey) generator.generateKeyPair().getPublic(), INSTALLATION,
                Duration.ofHours(1));

        assertThatThrownBy(() -> appTracker().comment(context(githubIssue(3), "post_nudge", "team:triage"), "m-3", "x", NOBODY, true))
                .hasMessage("github answered 401 to GET /repos/acme/web/installation: A JSON web token could not be decoded");
    }

    @Test
    void fileThatIsNoKeyStopsTheStartNamingTheVariable() throws Exception {
        Path notAKey = dir.resolve("not-a-key.pem");
        Files.writeString(notAKey, "hello");

        assertThatThrownBy(() -> GitHubAppAuth.readKey(notAKey.toString()))
                .hasMessageStartingWith("GITHUB_APP_PRIVATE_KEY (" + notAKey + ")");
    }

    private GitHubTracker appTracker() {
        return new GitHubConfig().gitHubTracker(new GitHubProperties(github.url(), null, APP_ID, pem.toString()),
                RestClient.builder(), new SimpleMeterRegistry());
    }

    // A 2048-bit RSA PKCS#8 key is a fixed 26-byte header around the PKCS#1 key; GitHub's PEMs are PKCS#1.
    private static byte[] pkcs1(byte[] pkcs8) {
        byte[] header = {0x02, 0x01, 0x00, 0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7,
                0x0d, 0x01, 0x01, 0x01, 0x05, 0x00, 0x04, (byte) 0x82};
        assertThat(Arrays.copyOfRange(pkcs8, 4, 24)).isEqualTo(header);
        return Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
    }
}
