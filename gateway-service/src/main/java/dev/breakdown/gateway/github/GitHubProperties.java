package dev.breakdown.gateway.github;

import dev.breakdown.gateway.HttpUrl;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * GitHub write-back ({@code breakdown.github}): GITHUB_API_URL, and either GITHUB_TOKEN or a GitHub App
 * (GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY, the path of its PEM file). Nothing set: dry-run only.
 */
@ConfigurationProperties("breakdown.github")
@Validated
public record GitHubProperties(
        @DefaultValue("https://api.github.com")
        @NotNull(message = "must be set: GITHUB_API_URL, e.g. https://api.github.com or https://ghe.example.com/api/v3")
        @HttpUrl(message = "must be an absolute http(s) URL: check GITHUB_API_URL, e.g. https://api.github.com")
        String apiUrl,
        String token,
        String appId,
        String appPrivateKey) {

    public GitHubProperties {
        apiUrl = apiUrl == null ? null : apiUrl.strip().replaceAll("/+$", "");
        token = blankToNull(token);
        appId = blankToNull(appId);
        appPrivateKey = blankToNull(appPrivateKey);
    }

    public URI apiUri() {
        return URI.create(apiUrl);
    }

    public boolean usesApp() {
        return appId != null;
    }

    public boolean configured() {
        return token != null || appId != null;
    }

    @AssertTrue(message = "set GITHUB_TOKEN or GITHUB_APP_ID + GITHUB_APP_PRIVATE_KEY, not both")
    public boolean isOneCredential() {
        return token == null || appId == null;
    }

    @AssertTrue(message = "GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY go together: set both (the App's id and the path "
            + "of its private key .pem) or neither")
    public boolean isAppComplete() {
        return (appId == null) == (appPrivateKey == null);
    }

    @AssertTrue(message = "GITHUB_APP_ID must be the App's numeric id (App settings, \"App ID\")")
    public boolean isAppIdNumeric() {
        return appId == null || appId.matches("[0-9]+");
    }

    @AssertTrue(message = "GITHUB_APP_PRIVATE_KEY must be the path of a readable .pem file (the App's private key)")
    public boolean isPrivateKeyReadable() {
        return appPrivateKey == null || Files.isReadable(Path.of(appPrivateKey));
    }

    /** The token stays out of logs. */
    @Override
    public String toString() {
        return "GitHubProperties[apiUrl=" + apiUrl + ", token=" + (token == null ? "unset" : "set") + ", appId=" + appId
                + ", appPrivateKey=" + appPrivateKey + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
