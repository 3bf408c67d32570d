package io.ankirag.bootstrap.it;

import static io.ankirag.bootstrap.it.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.ankirag.domain.template.TemplateId;
import io.ankirag.bootstrap.it.Accounts.Session;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Dropping the read models and replaying the event store rebuilds them exactly, row for row, column for column. */
@IntegrationTest
class ReplayIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void replayRebuildsIdenticalReadModels() throws InterruptedException {
        ApiClient api = new ApiClient(port);
        Accounts accounts = new Accounts(api);
        Session user = accounts.register();
        String parent = api.post("/api/decks", body("name", "Languages"), user.accessToken()).text("id");
        String deck = api.post("/api/decks", body("name", "Russian", "parent_id", parent), user.accessToken()).text("id");
        String other = api.post("/api/decks", body("name", "Other"), user.accessToken()).text("id");
        api.patch("/api/decks/" + other, body("description", "misc"), user.accessToken());
        for (int i = 0; i < 20; i++) {
            String card = api.post("/api/cards", body("deck_id", deck, "template_id", TemplateId.ofSystem("Basic").toString(),
                    "fields", Map.of("Front", "слово " + i, "Back", "word " + i), "tags", List.of("ru")), user.accessToken()).text("id");
            switch (i % 4) {
                case 0 -> api.post("/api/cards/" + card + "/approve", Map.of(), user.accessToken());
                case 1 -> api.post("/api/cards/" + card + "/reject", body("reason", "dup"), user.accessToken());
                case 2 -> api.post("/api/cards/" + card + "/move", body("deck_id", other), user.accessToken());
                default -> api.delete("/api/cards/" + card, user.accessToken());
            }
        }
        List<Map<String, Object>> decksBefore = snapshot("decks");
        List<Map<String, Object>> cardsBefore = snapshot("cards");
        Session admin = accounts.admin();

        var started = api.post("/api/admin/replay", Map.of(), admin.accessToken());
        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        awaitReplayDone(api, admin);

        assertSameRows(snapshot("decks"), decksBefore);
        assertSameRows(snapshot("cards"), cardsBefore);
        assertThat(api.get("/api/decks/" + other, user.accessToken()).body().path("cards_count").asLong()).isEqualTo(5);
    }

    @Test
    void replayIsForAdministratorsOnly() {
        ApiClient api = new ApiClient(port);
        Session user = new Accounts(api).register();

        var refused = api.post("/api/admin/replay", Map.of(), user.accessToken());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("AUTH_004");
    }

    private void awaitReplayDone(ApiClient api, Session admin) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        ApiClient.Response progress;
        while ((progress = api.get("/api/admin/replay", admin.accessToken())).body().path("replaying").asBoolean()) {
            assertThat(System.nanoTime()).as("replay finishes within 30 s: %s", progress.body()).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static void assertSameRows(List<Map<String, Object>> after, List<Map<String, Object>> before) {
        assertThat(after).hasSameSizeAs(before);
        for (int row = 0; row < before.size(); row++) {
            for (var column : before.get(row).entrySet()) {
                assertThat(after.get(row).get(column.getKey()))
                        .as("row %d (%s), column %s", row, before.get(row).get("id"), column.getKey())
                        .isEqualTo(column.getValue());
            }
        }
    }

    /** Every row and column; SQL arrays as lists, since the driver's array objects compare by identity. */
    private List<Map<String, Object>> snapshot(String table) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM " + table + " ORDER BY id");
        for (Map<String, Object> row : rows) {
            row.replaceAll((column, value) -> value instanceof java.sql.Array array ? asList(array) : value);
        }
        return rows;
    }

    private static List<Object> asList(java.sql.Array array) {
        try {
            return java.util.Arrays.asList((Object[]) array.getArray());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
