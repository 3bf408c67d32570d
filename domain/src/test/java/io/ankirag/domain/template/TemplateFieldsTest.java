package io.ankirag.domain.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateFieldsTest {

    private static final TemplateFields BASIC_WITH_EXTRA = new TemplateFields(List.of(
            new TemplateField("Front", true),
            new TemplateField("Back", true),
            new TemplateField("Extra", false)));

    // --- one field

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t\n "})
    void aBlankFieldNameIsRefused(String blank) {
        assertRefused(() -> new TemplateField(blank, true), "must not be blank");
    }

    @Test
    void aFieldNameIsTrimmed() {
        assertThat(new TemplateField("  Back Extra \n", false).name()).isEqualTo("Back Extra");
    }

    @Test
    void aFieldNameMayBeExactlyTheMaximumLengthOnceTrimmed() {
        String longest = "x".repeat(TemplateField.MAX_LENGTH);

        assertThat(new TemplateField(" " + longest + " ", true).name()).isEqualTo(longest);
    }

    @Test
    void aFieldNameLongerThanTheMaximumIsRefused() {
        assertRefused(() -> new TemplateField("x".repeat(TemplateField.MAX_LENGTH + 1), true), "at most 100 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Fr:ont", ":Front", "{Front", "Front}", "Fr{o}nt", "\"Front\"", "Fr\"ont"})
    void aFieldNameWithAColonBraceOrQuoteAnywhereIsRefused(String name) {
        assertRefused(() -> new TemplateField(name, true), "is not allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"#Front", "^Front", "/Front", "  #Front"})
    void aFieldNameStartingWithHashCaretOrSlashIsRefused(String name) {
        assertRefused(() -> new TemplateField(name, true), "is not allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Front#2", "x^2", "Question/Answer", "Back Extra", "Übersetzung", "C++"})
    void hashCaretAndSlashAreAllowedAfterTheStart(String name) {
        assertThat(new TemplateField(name, true).name()).isEqualTo(name);
    }

    // --- a template's fields

    @Test
    void aTemplateNeedsAtLeastOneField() {
        assertRefused(() -> new TemplateFields(List.of()), "at least one field");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Front", "front", "FRONT", " Front "})
    void fieldNamesAreUniqueIgnoringCase(String duplicate) {
        assertRefused(() -> new TemplateFields(List.of(new TemplateField("Front", true), new TemplateField("Back", false),
                new TemplateField(duplicate, false))), "unique");
    }

    @Test
    void theNamesComeInTemplateOrder() {
        assertThat(BASIC_WITH_EXTRA.names()).containsExactly("Front", "Back", "Extra");
    }

    @Test
    void theFieldsCannotBeChangedAfterwards() {
        List<TemplateField> given = new ArrayList<>(List.of(new TemplateField("Front", true)));
        TemplateFields fields = new TemplateFields(given);
        given.add(new TemplateField("Back", false));

        assertThat(fields.names()).containsExactly("Front");
    }

    // --- validating a card's values

    @Test
    void validValuesComeBackInTemplateOrder() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("Extra", "e");
        given.put("Back", "b");
        given.put("Front", "f");

        Map<String, String> validated = BASIC_WITH_EXTRA.validate(given);

        assertThat(validated).containsExactly(Map.entry("Front", "f"), Map.entry("Back", "b"), Map.entry("Extra", "e"));
    }

    @Test
    void anAbsentOptionalFieldComesBackEmpty() {
        assertThat(BASIC_WITH_EXTRA.validate(Map.of("Back", "b", "Front", "f")))
                .containsExactly(Map.entry("Front", "f"), Map.entry("Back", "b"), Map.entry("Extra", ""));
    }

    @Test
    void aNullOptionalFieldComesBackEmpty() {
        Map<String, String> given = new HashMap<>(Map.of("Front", "f", "Back", "b"));
        given.put("Extra", null);

        assertThat(BASIC_WITH_EXTRA.validate(given)).containsEntry("Extra", "");
    }

    @Test
    void anUnknownFieldIsRefusedByNameWithTheTemplatesFields() {
        assertRefused(() -> BASIC_WITH_EXTRA.validate(Map.of("Front", "f", "Back", "b", "Hint", "h")),
                "unknown field 'Hint' (this template has Front, Back, Extra)");
    }

    @Test
    void aValueIsMatchedToItsFieldByExactName() {
        assertRefused(() -> BASIC_WITH_EXTRA.validate(Map.of("front", "f", "Back", "b")), "unknown field 'front'");
    }

    @Test
    void anAbsentRequiredFieldIsRefusedByName() {
        assertRefused(() -> BASIC_WITH_EXTRA.validate(Map.of("Front", "f", "Extra", "e")), "field 'Back' is required");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "\n"})
    void aBlankRequiredFieldIsRefusedByName(String blank) {
        Map<String, String> given = new HashMap<>(Map.of("Front", "f"));
        given.put("Back", blank);

        assertRefused(() -> BASIC_WITH_EXTRA.validate(given), "field 'Back' is required");
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        assertThatThrownBy(() -> BASIC_WITH_EXTRA.validate(Map.of("Hint", "h", "Back", " ")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REQ_002))
                .hasMessageContaining("unknown field 'Hint'")
                .hasMessageContaining("field 'Front' is required")
                .hasMessageContaining("field 'Back' is required")
                .hasMessageNotContaining("'Extra' is required");
    }

    private static void assertRefused(ThrowingCallable call, String detail) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REQ_002))
                .hasMessageContaining(detail);
    }
}
