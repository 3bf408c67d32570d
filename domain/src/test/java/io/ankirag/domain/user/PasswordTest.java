package io.ankirag.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PasswordTest {

    @Test
    void acceptsEightCharacters() {
        assertThat(new Password("12345678").value()).isEqualTo("12345678");
    }

    @Test
    void rejectsSevenCharacters() {
        assertRejected("1234567");
    }

    @Test
    void rejectsMissingPassword() {
        assertRejected(null);
    }

    @Test
    void keepsSpacesAsPartOfThePassword() {
        assertThat(new Password("  pass word  ").value()).isEqualTo("  pass word  ");
    }

    @Test
    void countsCodePointsNotUtf16UnitsForTheMinimum() {
        String sevenEmoji = "😀".repeat(7); // 14 UTF-16 units, but only 7 characters

        assertThat(sevenEmoji).hasSize(14);
        assertRejected(sevenEmoji);
        assertThat(new Password("😀".repeat(8)).value()).isEqualTo("😀".repeat(8));
    }

    @Test
    void acceptsExactly72Utf8Bytes() {
        assertThat(new Password("a".repeat(72)).value()).hasSize(72);
    }

    @Test
    void rejectsMoreThan72Utf8Bytes() {
        assertRejected("a".repeat(73));
    }

    @Test
    void measuresTheUpperLimitInUtf8BytesNotCharacters() {
        String thirtySevenCyrillic = "ж".repeat(37); // 37 characters, 74 bytes

        assertThat(thirtySevenCyrillic.getBytes(StandardCharsets.UTF_8)).hasSize(74);
        assertRejected(thirtySevenCyrillic);
        assertThat(new Password("ж".repeat(36)).value()).hasSize(36);
    }

    @Test
    void toStringDoesNotRevealThePassword() {
        Password password = new Password("correct horse battery");

        assertThat(password.toString()).doesNotContain("correct", "horse", "battery").contains("****");
    }

    private static void assertRejected(String raw) {
        assertThatThrownBy(() -> new Password(raw))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo(ErrorCode.REQ_002);
    }
}
