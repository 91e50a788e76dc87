package dev.breakdown.webhook.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BodyPreviewTest {

    @Test
    void keepsShortProseAndCollapsesWhitespace() {
        assertThat(BodyPreview.of("Steps:\n\n1. open\t2. click  ")).isEqualTo("Steps: 1. open 2. click");
    }

    @Test
    void leavesOutCodeBlocksEvenUnterminatedOnes() {
        assertThat(BodyPreview.of("Crash.\n```\ntrace\n```\nAfter.\n```\nunterminated")).isEqualTo("Crash. After.");
    }

    @Test
    void cutsAt280CharactersWithoutSplittingASurrogatePair() {
        assertThat(BodyPreview.of("a".repeat(500))).hasSize(280);
        String emojiAtEdge = "a".repeat(279) + "\uD83D\uDE00" + "tail";
        assertThat(BodyPreview.of(emojiAtEdge)).isEqualTo("a".repeat(279));
    }

    @Test
    void emptyBodiesHaveNoPreview() {
        assertThat(BodyPreview.of(null)).isNull();
        assertThat(BodyPreview.of(" \n ")).isNull();
    }

    @Test
    void singlePassGivesWhatTheRegexDefinitionGives() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String alphabet = "ab  \n\t\r```\u2003\u00a0é\uD83D\uDE00x.";
        for (int run = 0; run < 20_000; run++) {
            StringBuilder body = new StringBuilder();
            for (int i = 0, n = random.nextInt(random.nextBoolean() ? 40 : 900); i < n; i++) {
                body.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(BodyPreview.of(body.toString())).as("seed %d, body '%s'", seed, body)
                    .isEqualTo(byRegex(body.toString()));
        }
    }

    /** The definition: fenced code out, whitespace runs to one space, stripped, cut at 280 (not inside a pair). */
    private static String byRegex(String body) {
        String text = Pattern.compile("\\s+").matcher(Pattern.compile("```.*?(?:```|\\z)", Pattern.DOTALL)
                .matcher(body).replaceAll(" ")).replaceAll(" ").strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() <= BodyPreview.LENGTH) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(BodyPreview.LENGTH - 1)) ? BodyPreview.LENGTH - 1
                : BodyPreview.LENGTH;
        return text.substring(0, end);
    }
}
