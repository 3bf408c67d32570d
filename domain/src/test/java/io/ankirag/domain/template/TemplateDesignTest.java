package io.ankirag.domain.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateDesignTest {

    private static final TemplateFields FIELDS = new TemplateFields(List.of(new TemplateField("Front", true)));
    private static final CardType CARD = new CardType("Card 1", "{{Front}}", null);

    @Test
    void needsACardType() {
        assertRefused(() -> new TemplateDesign("x", FIELDS, List.of(), ""));
    }

    @Test
    void cardTypeNamesAreUniqueIgnoringCase() {
        assertRefused(() -> new TemplateDesign("x", FIELDS, List.of(CARD, new CardType("card 1", "{{Front}}!", "")), ""));
    }

    @Test
    void fieldNamesAreUniqueIgnoringCase() {
        assertRefused(() -> new TemplateFields(List.of(new TemplateField("Front", true), new TemplateField("front", false))));
    }

    @Test
    void cardTypeNeedsAFront() {
        assertRefused(() -> new CardType("Card 1", " ", "{{Back}}"));
    }

    @Test
    void missingBackAndCssAreEmpty() {
        var design = new TemplateDesign(" Words ", FIELDS, List.of(CARD), null);

        assertThat(design.displayName()).isEqualTo("Words");
        assertThat(design.css()).isEmpty();
        assertThat(design.cardTypes().getFirst().backTemplate()).isEmpty();
    }

    @Test
    void templateNameIsOneToAHundredCharacters() {
        assertRefused(() -> new TemplateName(" "));
        assertRefused(() -> new TemplateName("x".repeat(101)));
        assertThat(new TemplateName(" " + "x".repeat(100) + " ").value()).hasSize(100);
    }

    private static void assertRefused(Runnable construction) {
        assertThatThrownBy(construction::run).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.REQ_002));
    }
}
