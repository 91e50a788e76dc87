package dev.breakdown.chatweb.page;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the chat page shows and how the ChatKit component is set up, under {@code breakdown.chat-web.page}
 * (chat-web/README.md lists every key and its variable).
 */
@ConfigurationProperties("breakdown.chat-web.page")
@Validated
public record ChatPageProperties(
        @DefaultValue("https://cdn.platform.openai.com/deployments/chatkit/chatkit.js")
        @NotBlank(message = "must not be blank: CHATKIT_SCRIPT_URL") String scriptUrl,
        @DefaultValue("5s") @NotNull Duration scriptTimeout,
        @DefaultValue("/chatkit") @NotBlank String apiUrl,
        @DefaultValue("domain_pk_localhost_dev") @NotBlank(message = "must not be blank: CHATKIT_DOMAIN_KEY") String domainKey,
        @DefaultValue("What should we look at?") @NotBlank(message = "must not be blank: CHAT_GREETING") String greeting,
        @DefaultValue("Ask what the agent did, why, and who meets when")
        @NotBlank(message = "must not be blank: CHAT_PLACEHOLDER") String placeholder,
        @DefaultValue("false") boolean attachments,
        List<@Valid StarterPrompt> starterPrompts,
        @DefaultValue @Valid Theme theme) {

    private static final Set<String> SCHEMES = Set.of("light", "dark", "system");
    private static final Set<String> RADII = Set.of("pill", "round", "soft", "sharp");

    public ChatPageProperties {
        starterPrompts = starterPrompts == null ? List.of() : List.copyOf(starterPrompts);
    }

    @AssertTrue(message = "CHATKIT_SCRIPT_URL must be an http(s) URL or a path on this server")
    public boolean isScriptUrlValid() {
        return scriptUrl == null || scriptUrl.startsWith("https://") || scriptUrl.startsWith("http://") || scriptUrl.startsWith("/");
    }

    /** One button on the start screen; {@code icon} is one of ChatKit's icon names. */
    public record StarterPrompt(
            @NotBlank(message = "every starter prompt needs a label") String label,
            @NotBlank(message = "every starter prompt needs a prompt") String prompt,
            String icon) {
    }

    /** The original front end's look: grayscale hue 220 tint 6, slate accents, round corners. */
    public record Theme(
            @DefaultValue("system") String colorScheme,
            @DefaultValue("220") int grayscaleHue,
            @DefaultValue("6") int grayscaleTint,
            @DefaultValue("#0f172a") @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "must be a colour like #0f172a") String accentLight,
            @DefaultValue("#f1f5f9") @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "must be a colour like #f1f5f9") String accentDark,
            @DefaultValue("round") String radius) {

        @AssertTrue(message = "CHAT_THEME must be light, dark or system")
        public boolean isColorSchemeValid() {
            return colorScheme != null && SCHEMES.contains(colorScheme);
        }

        @AssertTrue(message = "the theme's radius must be pill, round, soft or sharp")
        public boolean isRadiusValid() {
            return radius != null && RADII.contains(radius);
        }

        @AssertTrue(message = "the theme's grayscale hue must be 0-360 and its tint 0-9")
        public boolean isGrayscaleValid() {
            return grayscaleHue >= 0 && grayscaleHue <= 360 && grayscaleTint >= 0 && grayscaleTint <= 9;
        }
    }
}
