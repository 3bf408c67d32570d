package io.ankirag.bootstrap.it;

import static io.ankirag.bootstrap.it.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ankirag.domain.template.TemplateId;
import io.ankirag.application.port.in.card.RecordSyncOutcomeUseCase;
import io.ankirag.bootstrap.it.Accounts.Session;
import io.ankirag.domain.card.AnkiIds;
import io.ankirag.domain.card.CardId;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.user.UserId;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sync half of the status machine (approved → synced, approved → sync_failed → synced), driven through the
 * use case the AnkiConnect sync will call, and read back over HTTP.
 */
@IntegrationTest
class CardSyncTransitionsIT {

    @LocalServerPort
    int port;

    @Autowired
    RecordSyncOutcomeUseCase sync;

    ApiClient api;
    Session user;
    UserId owner;
    String deck;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        Accounts accounts = new Accounts(api);
        user = accounts.register();
        owner = UserId.of(accounts.idOf(user));
        deck = api.post("/api/decks", body("name", "D"), user.accessToken()).text("id");
    }

    @Test
    void approvedCardSyncs() {
        CardId card = approvedCard();

        sync.recordSynced(owner, card, new AnkiIds(1700000000001L, 1700000000002L));

        var read = api.get("/api/cards/" + card, user.accessToken());
        assertThat(read.text("status")).isEqualTo("synced");
        assertThat(read.body().path("anki_note_id").asLong()).isEqualTo(1700000000001L);
    }

    @Test
    void failedSyncCountsAttemptsAndARetrySucceeds() {
        CardId card = approvedCard();

        sync.recordSyncFailure(owner, card, "Anki is closed");
        sync.recordSyncFailure(owner, card, "Anki is still closed");
        var failed = api.get("/api/cards/" + card, user.accessToken());
        sync.recordSynced(owner, card, new AnkiIds(42L, 43L));
        var synced = api.get("/api/cards/" + card, user.accessToken());

        assertThat(failed.text("status")).isEqualTo("sync_failed");
        assertThat(failed.text("sync_error")).isEqualTo("Anki is still closed");
        assertThat(failed.body().path("sync_attempts").asInt()).isEqualTo(2);
        assertThat(synced.text("status")).isEqualTo("synced");
        assertThat(synced.body().path("sync_error").isNull()).isTrue();
        assertThat(synced.body().path("sync_attempts").asInt()).isEqualTo(2);
    }

    @Test
    void draftAndRejectedCardsCannotSync() {
        CardId draft = draftCard();
        CardId rejected = draftCard();
        api.post("/api/cards/" + rejected + "/reject", body("reason", "no"), user.accessToken());
        CardId synced = approvedCard();
        sync.recordSynced(owner, synced, new AnkiIds(1L, 2L));

        for (CardId card : new CardId[] {draft, rejected}) {
            assertThatThrownBy(() -> sync.recordSynced(owner, card, new AnkiIds(9L, 9L)))
                    .isInstanceOf(DomainException.class).extracting("code").isEqualTo(ErrorCode.CARD_002);
            assertThatThrownBy(() -> sync.recordSyncFailure(owner, card, "x"))
                    .isInstanceOf(DomainException.class).extracting("code").isEqualTo(ErrorCode.CARD_002);
        }
        assertThat(api.post("/api/cards/" + synced + "/approve", Map.of(), user.accessToken()).code()).isEqualTo("CARD_002");
        assertThat(api.post("/api/cards/" + synced + "/reject", body("reason", "late"), user.accessToken()).code()).isEqualTo("CARD_002");
    }

    @Test
    void aSyncedCardPushedAgainStaysSyncedOrFailsItsUpdate() {
        CardId card = approvedCard();
        sync.recordSynced(owner, card, new AnkiIds(1L, 2L));

        sync.recordSynced(owner, card, new AnkiIds(1L, 2L));
        assertThat(api.get("/api/cards/" + card, user.accessToken()).text("status")).isEqualTo("synced");

        sync.recordSyncFailure(owner, card, "Anki did not take the update");
        var failed = api.get("/api/cards/" + card, user.accessToken());
        assertThat(failed.text("status")).isEqualTo("sync_failed");
        assertThat(failed.text("sync_error")).isEqualTo("Anki did not take the update");
    }

    private CardId approvedCard() {
        CardId card = draftCard();
        api.post("/api/cards/" + card + "/approve", Map.of(), user.accessToken());
        return card;
    }

    private CardId draftCard() {
        var created = api.post("/api/cards", body("deck_id", deck, "template_id", TemplateId.ofSystem("Basic").toString(),
                "fields", Map.of("Front", "Q")), user.accessToken());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.text("id");
        return new CardId(java.util.UUID.fromString(id));
    }
}
