package dev.breakdown.webhook.intake;

import static org.assertj.core.api.Assertions.assertThat;

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
}
