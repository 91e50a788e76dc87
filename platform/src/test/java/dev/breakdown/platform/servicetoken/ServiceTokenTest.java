package dev.breakdown.platform.servicetoken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServiceTokenTest {

    private static final String TOKEN = "0123456789abcdef0123";

    @Test
    void blankMeansUnsetAndAdmitsEveryone() {
        ServiceToken token = ServiceToken.of("  ");
        assertThat(token.isSet()).isFalse();
        assertThat(token.admits(null)).isTrue();
        assertThat(token.authorizationHeader()).isEmpty();
    }

    @Test
    void admitsOnlyTheSameBearerToken() {
        ServiceToken token = ServiceToken.of(" " + TOKEN + "\n");
        assertThat(token.admits("Bearer " + TOKEN)).isTrue();
        assertThat(token.admits("bearer " + TOKEN)).isTrue();
        assertThat(token.admits("Bearer " + TOKEN + "x")).isFalse();
        assertThat(token.admits(TOKEN)).isFalse();
        assertThat(token.admits("Basic " + TOKEN)).isFalse();
        assertThat(token.admits(null)).isFalse();
        assertThat(token.authorizationHeader()).contains("Bearer " + TOKEN);
    }

    @Test
    void aShortTokenStopsTheStartNamingTheVariableButNotTheValue() {
        assertThatThrownBy(() -> ServiceToken.of("hunter2"))
                .isInstanceOf(InvalidServiceTokenException.class)
                .hasMessageContaining("BREAKDOWN_SERVICE_TOKEN has 7 characters")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aTokenAHeaderCannotCarryIsRefused() {
        assertThatThrownBy(() -> ServiceToken.of("0123456789 abcdef0123"))
                .isInstanceOf(InvalidServiceTokenException.class)
                .hasMessageContaining("BREAKDOWN_SERVICE_TOKEN contains spaces");
    }

    @Test
    void neverPrintsItsValue() {
        assertThat(ServiceToken.of(TOKEN).toString()).isEqualTo("ServiceToken[set]").doesNotContain(TOKEN);
    }
}
