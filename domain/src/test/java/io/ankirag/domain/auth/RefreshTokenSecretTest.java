package io.ankirag.domain.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RefreshTokenSecretTest {

    @Test
    void generatesA43CharacterUnpaddedBase64UrlString() {
        String value = RefreshTokenSecret.generate(new SecureRandom()).value();

        assertThat(value).hasSize(43).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void generatedSecretCarries256RandomBits() {
        String value = RefreshTokenSecret.generate(new SecureRandom()).value();

        assertThat(Base64.getUrlDecoder().decode(value)).hasSize(32);
    }

    @Test
    void generatedSecretsDiffer() {
        SecureRandom random = new SecureRandom();
        Set<String> values = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            values.add(RefreshTokenSecret.generate(random).value());
        }

        assertThat(values).hasSize(100);
    }

    @Test
    void generationIsDrivenByTheGivenRandomSource() {
        RefreshTokenSecret first = RefreshTokenSecret.generate(new SplittableRandom(42));
        RefreshTokenSecret second = RefreshTokenSecret.generate(new SplittableRandom(42));

        assertThat(first).isEqualTo(second);
    }

    @Test
    void digestIs64LowerCaseHexCharacters() {
        assertThat(new RefreshTokenSecret("anything").digest()).matches("[0-9a-f]{64}");
    }

    @Test
    void digestIsTheSha256OfTheValue() {
        // Well-known SHA-256 test vector.
        assertThat(new RefreshTokenSecret("abc").digest())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void digestIsStableForTheSameValue() {
        assertThat(new RefreshTokenSecret("same").digest()).isEqualTo(new RefreshTokenSecret("same").digest());
    }

    @Test
    void differentValuesHaveDifferentDigests() {
        assertThat(new RefreshTokenSecret("one").digest()).isNotEqualTo(new RefreshTokenSecret("two").digest());
    }

    @Test
    void toStringDoesNotRevealTheSecret() {
        RefreshTokenSecret secret = RefreshTokenSecret.generate(new SecureRandom());

        assertThat(secret.toString()).doesNotContain(secret.value()).contains("****");
    }
}
