package io.ankirag.domain.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TagsTest {

    @Test
    void tagsAreTrimmed() {
        assertThat(tags("  spanish ", "\tverbs\n").values()).containsExactly("spanish", "verbs");
    }

    @Test
    void blankTagsAreDropped() {
        assertThat(tags("", "spanish", "   ", null, "\t").values()).containsExactly("spanish");
    }

    @Test
    void noTagsIsEmpty() {
        assertThat(new Tags(null).values()).isEmpty();
        assertThat(tags().values()).isEmpty();
        assertThat(Tags.NONE.values()).isEmpty();
    }

    @Test
    void duplicatesIgnoringCaseAreDroppedKeepingTheFirstSpellingInPlace() {
        assertThat(tags("Spanish", "verbs", "SPANISH", " spanish ", "Verbs", "grammar").values())
                .containsExactly("Spanish", "verbs", "grammar");
    }

    @Test
    void theOrderGivenIsKept() {
        assertThat(tags("zeta", "alpha", "mid").values()).containsExactly("zeta", "alpha", "mid");
    }

    @Test
    void ankisHierarchySeparatorAndUnderscoreAreAllowed() {
        assertThat(tags("lang::spanish", "irregular_verbs").values()).containsExactly("lang::spanish", "irregular_verbs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"two words", "tab\tinside", "line\nbreak", "ideographic\u3000space"})
    void aTagWithASpaceInsideIsRefused(String spaced) {
        assertRefused(List.of("ok", spaced), "contains a space");
    }

    @Test
    void aTagMayBeExactlyTheMaximumLengthOnceTrimmed() {
        String longest = "x".repeat(Tags.MAX_TAG_LENGTH);

        assertThat(tags("  " + longest + "  ").values()).containsExactly(longest);
    }

    @Test
    void aTagLongerThanTheMaximumIsRefused() {
        assertRefused(List.of("x".repeat(Tags.MAX_TAG_LENGTH + 1)), "at most 100 characters");
    }

    @Test
    void aCardMayHaveExactlyTheMaximumNumberOfTags() {
        assertThat(new Tags(distinctTags(Tags.MAX_TAGS)).values()).hasSize(Tags.MAX_TAGS);
    }

    @Test
    void moreThanTheMaximumNumberOfTagsIsRefused() {
        assertRefused(distinctTags(Tags.MAX_TAGS + 1), "at most 100 tags");
    }

    @Test
    void theMaximumCountsTagsAfterBlanksAndDuplicatesAreDropped() {
        List<String> given = new ArrayList<>(distinctTags(Tags.MAX_TAGS));
        given.addAll(List.of("TAG0", " ", "tag1"));

        assertThat(new Tags(given).values()).hasSize(Tags.MAX_TAGS);
    }

    @Test
    void theValuesCannotBeChangedAfterwards() {
        List<String> given = new ArrayList<>(List.of("spanish"));
        Tags tags = new Tags(given);
        given.add("verbs");

        assertThat(tags.values()).containsExactly("spanish");
        assertThatThrownBy(() -> tags.values().add("verbs")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void tagsWithTheSameResultAreEqual() {
        assertThat(tags(" spanish", "SPANISH", "verbs")).isEqualTo(tags("spanish", "verbs"));
    }

    private static Tags tags(String... values) {
        return new Tags(Arrays.asList(values));
    }

    private static List<String> distinctTags(int count) {
        return IntStream.range(0, count).mapToObj(i -> "tag" + i).toList();
    }

    private static void assertRefused(List<String> values, String detail) {
        assertThatThrownBy(() -> new Tags(values))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REQ_002))
                .hasMessageContaining(detail);
    }
}
