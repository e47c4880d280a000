package com.jewellery.ordertracing.review.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Commentary that could not be stored or exported is refused; everything a person writes is kept as typed. */
class CommentRulesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<img src=x onerror=\"alert(1)\"><script>alert(1)</script>",
                "'; DROP TABLE weekly_review_comment; --",
                "Задержка выросла\n\tпосле релиза\r\n",
                "emoji 😀 and & < > \" '"
            })
    void markupSqlCyrillicTabsNewlinesAndEmojiAreKept(String text) {
        assertThat(CommentRules.problem(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "nul \u0000 here",
                "bell \u0007",
                "escape \u001B[31m",
                "\uFFFF",
                "lone \uD83D surrogate",
                "\uDE00"
            })
    void controlCharactersAndBrokenUnicodeAreRefused(String text) {
        assertThat(CommentRules.problem(text)).contains(CommentRules.Problem.CONTROL_CHARACTERS);
    }

    @Test
    void theLimitIsTwentyThousandCharacters() {
        assertThat(CommentRules.problem("x".repeat(CommentRules.MAX_LENGTH))).isEmpty();
        assertThat(CommentRules.problem("x".repeat(CommentRules.MAX_LENGTH + 1)))
                .contains(CommentRules.Problem.TOO_LONG);
    }

    @Test
    void acceptedMarkupAndQuotesComeOutOfThePdfAsTyped() throws Exception {
        String accepted = "<b>bold?</b> & 'quotes' \"double\"\n\ttab Задержка";
        assertThat(CommentRules.problem(accepted)).isEmpty();

        assertThat(ReviewPdfTest.text(ReviewPdfTest.pdf(Map.of("SUMMARY", accepted))))
                .contains("<b>bold?</b> & 'quotes' \"double\"", "Задержка");
    }
}
