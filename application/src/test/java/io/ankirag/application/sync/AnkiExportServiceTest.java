package io.ankirag.application.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.ankirag.application.port.in.card.CardView;
import io.ankirag.application.port.in.template.TemplateView;
import io.ankirag.domain.card.CardId;
import io.ankirag.domain.card.CardOrigin;
import io.ankirag.domain.card.CardStatus;
import io.ankirag.domain.deck.DeckId;
import io.ankirag.domain.template.CardType;
import io.ankirag.domain.template.TemplateField;
import io.ankirag.domain.template.TemplateFields;
import io.ankirag.domain.template.TemplateId;
import io.ankirag.domain.template.TemplateKind;
import io.ankirag.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AnkiExportServiceTest {

    private static TemplateView template(TemplateKind kind, List<CardType> cardTypes) {
        return new TemplateView(TemplateId.ofSystem("T"), UserId.SYSTEM, "T", "T", kind,
                new TemplateFields(List.of(new TemplateField("Text", true), new TemplateField("Extra", false))),
                cardTypes, "", true, Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void makesOneAnkiCardPerClozeNumberInTheClozeField() {
        TemplateView cloze = template(TemplateKind.CLOZE, List.of(new CardType("Cloze", "{{cloze:Text}}", "{{cloze:Text}}")));

        assertThat(AnkiExportService.ordinals(cloze, Map.of("Text", "{{c1::a}} {{c3::b}} {{c1::c}}", "Extra", "{{c9::x}}")))
                .containsExactly(0, 2);
        assertThat(AnkiExportService.ordinals(cloze, Map.of("Text", "no cloze"))).containsExactly(0);
    }

    @Test
    void makesOneAnkiCardPerCardTypeOfAStandardTemplate() {
        TemplateView reversed = template(TemplateKind.STANDARD, List.of(new CardType("1", "{{Text}}", "{{Extra}}"),
                new CardType("2", "{{Extra}}", "{{Text}}")));

        assertThat(AnkiExportService.ordinals(reversed, Map.of("Text", "a", "Extra", "b"))).containsExactly(0, 1);
    }

    @Test
    void leavesOutCardTypesWhoseFrontShowsNothingAsAnkiDoes() {
        TemplateView reversed = template(TemplateKind.STANDARD, List.of(new CardType("1", "{{Text}}", "{{Extra}}"),
                new CardType("2", "{{Extra}}", "{{Text}}")));

        assertThat(AnkiExportService.ordinals(reversed, Map.of("Text", "a", "Extra", "<br>"))).containsExactly(0);
        assertThat(AnkiExportService.ordinals(reversed, Map.of("Text", "", "Extra", "b"))).containsExactly(1);
        assertThat(AnkiExportService.ordinals(reversed, Map.of("Text", "", "Extra", ""))).as("a note keeps a card")
                .containsExactly(0);
    }

    private static TemplateView ownTemplate(String name) {
        return new TemplateView(new TemplateId(UUID.randomUUID()), new UserId(UUID.randomUUID()), name, name,
                TemplateKind.STANDARD, new TemplateFields(List.of(new TemplateField("Text", true))),
                List.of(new CardType("1", "{{Text}}", "{{Text}}")), "", false, Instant.EPOCH, Instant.EPOCH);
    }

    private static AnkiExportService.Included card(TemplateView template, Long ankiNoteTypeId) {
        CardView card = new CardView(new CardId(UUID.randomUUID()), template.ownerId(), new DeckId(UUID.randomUUID()),
                template.id(), Map.of("Text", "x"), List.of(), CardStatus.DRAFT, CardOrigin.IMPORTED,
                ankiNoteTypeId == null ? null : 1L, null, null, ankiNoteTypeId, null, 0, null, null, null,
                Instant.EPOCH, Instant.EPOCH, null);
        return new AnkiExportService.Included(card, template, card.deckId());
    }

    @Test
    void keepsTheNoteTypeAnkiKnowsAnImportedNoteByAndJoinsNotesWrittenHereToIt() {
        TemplateView basic = ownTemplate("Basic");
        var fromOneCollection = card(basic, 1_500_000_000_001L);
        var fromAnother = card(basic, 1_500_000_000_002L);
        var alsoFromTheFirst = card(basic, 1_500_000_000_001L);
        var writtenHere = card(basic, null);
        var ids = new AnkiExportService.NoteTypeIds(List.of(fromOneCollection, fromAnother, alsoFromTheFirst, writtenHere));

        assertThat(ids.of(fromOneCollection.card(), basic)).isEqualTo(1_500_000_000_001L);
        assertThat(ids.of(fromAnother.card(), basic)).isEqualTo(1_500_000_000_002L);
        assertThat(ids.of(writtenHere.card(), basic)).as("the note type most of its notes came from")
                .isEqualTo(1_500_000_000_001L);
        assertThat(ids.noteTypes()).extracting(type -> type.ankiId())
                .containsExactly(1_500_000_000_001L, 1_500_000_000_002L);
    }

    @Test
    void givesATemplateNoNoteCameFromItsOwnIdAndNeverOneIdToTwoTemplates() {
        TemplateView mine = ownTemplate("Mine");
        TemplateView other = ownTemplate("Other");
        var imported = card(mine, AnkiExportService.idOf(other.id().value()));
        var written = card(other, null);
        var ids = new AnkiExportService.NoteTypeIds(List.of(imported, written));

        assertThat(ids.of(imported.card(), mine)).isEqualTo(AnkiExportService.idOf(other.id().value()));
        assertThat(ids.of(written.card(), other)).isEqualTo(AnkiExportService.idOf(other.id().value()) + 1);
        assertThat(ids.noteTypes()).extracting(type -> type.name()).containsExactly("Mine", "Other");
    }

    @Test
    void findsImagesAndSoundsButNotRemoteFiles() {
        assertThat(AnkiExportService.mediaReferences(
                "<img class=x src=\"a b&amp;c.png\"> <IMG src='d.jpg'/> [sound:e.mp3] <img src=\"https://x/y.png\">"))
                .containsExactly("a b&c.png", "d.jpg", "e.mp3");
    }

    @Test
    void findsWhatAudioVideoAndObjectTagsPlayAsAnkiDoes() {
        assertThat(AnkiExportService.mediaReferences("<audio controls src=\"purr.wav\"></audio>"
                + "<video><source src='clip.mp4'></video><object data=diagram.svg></object>"))
                .containsExactly("purr.wav", "clip.mp4", "diagram.svg");
    }

    @Test
    void findsTheUnderscoredFilesATemplatesCssAndCardTypesUse() {
        TemplateView styled = new TemplateView(TemplateId.ofSystem("S"), UserId.SYSTEM, "S", "S", TemplateKind.STANDARD,
                new TemplateFields(List.of(new TemplateField("Text", true))),
                List.of(new CardType("1", "<script src=\"_card.js\"></script>{{Text}}[sound:_ding.mp3]",
                        "<img src=_logo.png>{{Text}} <img src=\"field-only.png\">")),
                "@import \"_base.css\";\n@font-face { src: url('_font.woff2'); }\n.x { background: url(_bg.png) }"
                        + ".y { background: url(\"not-underscored.png\") }", true, Instant.EPOCH, Instant.EPOCH);

        assertThat(AnkiExportService.noteTypeMedia(styled))
                .containsExactlyInAnyOrder("_base.css", "_font.woff2", "_bg.png", "_card.js", "_ding.mp3", "_logo.png");
    }

    @Test
    void derivesPositiveJavaScriptSafeIdsThatStayTheSame() {
        UUID id = UUID.fromString("01a21323-604d-7e7e-bb6c-850d7e189b05");

        assertThat(AnkiExportService.idOf(id)).isEqualTo(AnkiExportService.idOf(id)).isBetween(2L, (1L << 53) - 1);
        assertThat(AnkiExportService.idOf(new UUID(0, 1))).isEqualTo(3);
    }
}
