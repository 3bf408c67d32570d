package io.ankirag.domain.template;

import static io.ankirag.domain.template.Given.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.template.SystemTemplates.SystemTemplate;
import io.ankirag.domain.template.TemplateCommand.CreateTemplate;
import io.ankirag.domain.template.TemplateCommand.DeleteTemplate;
import io.ankirag.domain.template.TemplateCommand.ReviseTemplate;
import io.ankirag.domain.template.TemplateEvent.TemplateCreated;
import io.ankirag.domain.template.TemplateEvent.TemplateDeleted;
import io.ankirag.domain.template.TemplateEvent.TemplateRevised;
import io.ankirag.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CardTemplateTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-01-02T10:00:00Z");
    private static final UserId ALICE = new UserId(UUID.randomUUID());
    private static final UserId BOB = new UserId(UUID.randomUUID());
    private static final TemplateId ID = new TemplateId(UUID.randomUUID());

    private static final TemplateFields WORD_FIELDS =
            new TemplateFields(List.of(new TemplateField("Word", true), new TemplateField("Meaning", false)));
    private static final TemplateDesign VOCABULARY = new TemplateDesign("Vocabulary", WORD_FIELDS,
            List.of(new CardType("Recognition", "{{Word}}", "{{FrontSide}}<hr id=answer>{{Meaning}}")), ".card {}");

    private static final TemplateCreated CREATED = new TemplateCreated(ID, ALICE, "vocab", TemplateKind.STANDARD,
            "Vocabulary", WORD_FIELDS.fields(), VOCABULARY.cardTypes(), ".card {}", T0);

    @Test
    void createsATemplate() {
        var events = given().when(new CreateTemplate(ID, ALICE, new TemplateName("vocab"), TemplateKind.STANDARD, VOCABULARY, T0));

        assertThat(events).containsExactly(CREATED);
    }

    @Test
    void refusesACardTypeThatShowsAnUnknownField() {
        var design = withCardTypes(new CardType("Card 1", "{{Word}}", "{{Meaning}} {{Example}}"));

        String detail = given().whenRefused(create(TemplateKind.STANDARD, design), ErrorCode.REQ_002);

        assertThat(detail).contains("unknown field 'Example'");
    }

    @Test
    void fieldsInSectionsCountAndSpecialFieldsNeedNoDefinition() {
        var design = withCardTypes(new CardType("Card 1", "{{Word}}{{#Example}}<i>{{Example}}</i>{{/Example}}", "{{FrontSide}} {{Tags}}"));

        String detail = given().whenRefused(create(TemplateKind.STANDARD, design), ErrorCode.REQ_002);

        assertThat(detail).contains("unknown field 'Example'").doesNotContain("FrontSide", "Tags");
    }

    @Test
    void refusesAMalformedTemplate() {
        given().whenRefused(create(TemplateKind.STANDARD, withCardTypes(new CardType("Card 1", "{{#Word}}open", ""))), ErrorCode.REQ_002);
    }

    @Test
    void refusesAFrontWithoutAField() {
        given().whenRefused(create(TemplateKind.STANDARD, withCardTypes(new CardType("Card 1", "Hello", "{{Word}}"))), ErrorCode.REQ_002);
    }

    @Test
    void refusesTwoCardTypesWithTheSameFront() {
        var design = withCardTypes(new CardType("Card 1", "{{Word}}", "{{Meaning}}"), new CardType("Card 2", "{{Word}}", "x"));

        given().whenRefused(create(TemplateKind.STANDARD, design), ErrorCode.REQ_002);
    }

    @Test
    void clozeTemplateMustUseTheClozeFilterOnItsFront() {
        String detail = given().whenRefused(create(TemplateKind.CLOZE, VOCABULARY), ErrorCode.REQ_002);

        assertThat(detail).contains("{{cloze:Field}}");
    }

    @Test
    void clozeTemplateHasExactlyOneCardType() {
        var design = withCardTypes(new CardType("A", "{{cloze:Word}}", ""), new CardType("B", "{{cloze:Meaning}}", ""));

        given().whenRefused(create(TemplateKind.CLOZE, design), ErrorCode.REQ_002);
    }

    @Test
    void standardTemplateMayNotUseTheClozeFilter() {
        given().whenRefused(create(TemplateKind.STANDARD, withCardTypes(new CardType("Card 1", "{{cloze:Word}}", ""))), ErrorCode.REQ_002);
    }

    @Test
    void revisesEveryEditablePartAtOnce() {
        var revised = new TemplateDesign("Words", new TemplateFields(List.of(new TemplateField("Word", true),
                new TemplateField("Meaning", true), new TemplateField("Example", false))),
                List.of(new CardType("Recognition", "{{Word}}", "{{Meaning}}<br>{{Example}}")), "");

        var events = given(CREATED).when(new ReviseTemplate(ID, ALICE, revised, T1));

        assertThat(events).containsExactly(new TemplateRevised(ID, "Words", revised.fields().fields(), revised.cardTypes(), "", T1));
    }

    @Test
    void revisingToTheSameDesignChangesNothing() {
        assertThat(given(CREATED).when(new ReviseTemplate(ID, ALICE, VOCABULARY, T1))).isEmpty();
    }

    @Test
    void revisionIsCheckedLikeCreation() {
        var dropsAFieldStillShown = new TemplateDesign("Vocabulary", new TemplateFields(List.of(new TemplateField("Word", true))),
                VOCABULARY.cardTypes(), "");

        given(CREATED).whenRefused(new ReviseTemplate(ID, ALICE, dropsAFieldStillShown, T1), ErrorCode.REQ_002);
    }

    @Test
    void deletes() {
        assertThat(given(CREATED).when(new DeleteTemplate(ID, ALICE, T1))).containsExactly(new TemplateDeleted(ID, T1));
    }

    @Test
    void anotherUsersTemplateIsNotFound() {
        given(CREATED).whenRefused(new ReviseTemplate(ID, BOB, VOCABULARY, T1), ErrorCode.TEMPLATE_001);
        given(CREATED).whenRefused(new DeleteTemplate(ID, BOB, T1), ErrorCode.TEMPLATE_001);
    }

    @Test
    void deletedOrMissingTemplateIsNotFound() {
        given(CREATED, new TemplateDeleted(ID, T1)).whenRefused(new ReviseTemplate(ID, ALICE, VOCABULARY, T1), ErrorCode.TEMPLATE_001);
        given(CREATED, new TemplateDeleted(ID, T1)).whenRefused(new DeleteTemplate(ID, ALICE, T1), ErrorCode.TEMPLATE_001);
        given().whenRefused(new DeleteTemplate(ID, ALICE, T1), ErrorCode.TEMPLATE_001);
    }

    @Test
    void usersCannotChangeOrDeleteSystemTemplates() {
        SystemTemplate basic = SystemTemplates.BASIC;
        TemplateEvent seeded = given().when(seed(basic)).getFirst();

        String detail = given(seeded).whenRefused(new ReviseTemplate(basic.id(), ALICE, basic.design(), T1), ErrorCode.AUTH_004);
        given(seeded).whenRefused(new DeleteTemplate(basic.id(), ALICE, T1), ErrorCode.AUTH_004);

        assertThat(detail).contains("system template");
    }

    @Test
    void seedingAgainChangesNothing() {
        for (SystemTemplate template : SystemTemplates.ALL) {
            TemplateEvent seeded = given().when(seed(template)).getFirst();

            assertThat(given(seeded).when(seed(template))).isEmpty();
        }
    }

    @Test
    void creatingAnExistingTemplateAgainLeavesItsDesignToARevision() {
        var redesigned = new TemplateDesign("Vocabulary", WORD_FIELDS, VOCABULARY.cardTypes(), ".card { color: red; }");

        assertThat(given(CREATED).when(new CreateTemplate(ID, ALICE, new TemplateName("vocab"), TemplateKind.STANDARD, redesigned, T1)))
                .isEmpty();
    }

    @Test
    void creatingOverAnExistingTemplateOfAnotherNameIsRefused() {
        given(CREATED).whenRefused(new CreateTemplate(ID, ALICE, new TemplateName("other"), TemplateKind.STANDARD, VOCABULARY, T1),
                ErrorCode.REQ_002);
    }

    @Test
    void systemTemplatesFollowAnki() {
        assertThat(SystemTemplates.ALL).extracting(t -> t.name().value())
                .containsExactly("Basic", "Basic (and reversed card)", "Cloze");
        assertThat(SystemTemplates.CLOZE.design().fields().names()).containsExactly("Text", "Back Extra");
        assertThat(SystemTemplates.BASIC_AND_REVERSED.design().cardTypes()).extracting(CardType::frontTemplate)
                .containsExactly("{{Front}}", "{{Back}}");
        assertThat(SystemTemplates.CLOZE.id()).isEqualTo(TemplateId.ofSystem("Cloze"));
    }

    private static CreateTemplate create(TemplateKind kind, TemplateDesign design) {
        return new CreateTemplate(ID, ALICE, new TemplateName("vocab"), kind, design, T0);
    }

    private static CreateTemplate seed(SystemTemplate template) {
        return new CreateTemplate(template.id(), UserId.SYSTEM, template.name(), template.kind(), template.design(), T0);
    }

    private static TemplateDesign withCardTypes(CardType... cardTypes) {
        return new TemplateDesign("Vocabulary", WORD_FIELDS, List.of(cardTypes), "");
    }
}
