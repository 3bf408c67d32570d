package io.ankirag.bootstrap.it;

import static io.ankirag.bootstrap.it.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.ankirag.bootstrap.it.Accounts.Session;
import org.junit.jupiter.api.Test;

@IntegrationTest
class DecksIT extends HttpApiTestBase {

    @Test
    void createdDeckIsImmediatelyReadable() {
        Session user = accounts.register();

        var created = api.post("/api/decks/", body("name", "Python Programming", "description", "Карточки по Python"), user.accessToken());

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.text("name")).isEqualTo("Python Programming");
        assertThat(created.text("owner_id")).isEqualTo(accounts.idOf(user));
        assertThat(created.body().path("cards_count").asLong()).isZero();
        var read = api.get("/api/decks/" + created.text("id"), user.accessToken());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("description")).isEqualTo("Карточки по Python");
    }

    @Test
    void treeNestsDecksAtAnyDepthSortedByName() {
        Session user = accounts.register();
        String programming = deck(user, "Programming", null);
        String python = deck(user, "Python", programming);
        String asyncio = deck(user, "asyncio", python);
        deck(user, "Go", programming);
        deck(user, "Biology", null);

        var tree = api.get("/api/decks/tree", user.accessToken());

        assertThat(tree.status()).isEqualTo(200);
        assertThat(tree.body()).hasSize(2);
        assertThat(tree.body().get(0).path("name").asText()).isEqualTo("Biology");
        var prog = tree.body().get(1);
        assertThat(prog.path("children").findValuesAsText("name")).containsExactly("Go", "Python", "asyncio");
        assertThat(prog.path("children").get(1).path("children").get(0).path("id").asText()).isEqualTo(asyncio);
    }

    @Test
    void renameAndDescribe() {
        Session user = accounts.register();
        String id = deck(user, "Old", null);

        var updated = api.patch("/api/decks/" + id, body("name", "New", "description", "about"), user.accessToken());

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.text("name")).isEqualTo("New");
        assertThat(updated.text("description")).isEqualTo("about");
    }

    @Test
    void movingUnderItselfOrADescendantIsACircularReference() {
        Session user = accounts.register();
        String a = deck(user, "A", null);
        String b = deck(user, "B", a);
        String c = deck(user, "C", b);

        var underSelf = api.post("/api/decks/" + a + "/move", body("parent_id", a), user.accessToken());
        var underGrandchild = api.post("/api/decks/" + a + "/move", body("parent_id", c), user.accessToken());

        assertThat(underSelf.status()).isEqualTo(400);
        assertThat(underSelf.code()).isEqualTo("DECK_003");
        assertThat(underGrandchild.status()).isEqualTo(400);
        assertThat(underGrandchild.code()).isEqualTo("DECK_003");
        assertThat(api.get("/api/decks/" + a, user.accessToken()).body().path("parent_id").isNull()).isTrue();
    }

    @Test
    void moveUnderAnotherDeckAndBackToTheTop() {
        Session user = accounts.register();
        String a = deck(user, "A", null);
        String b = deck(user, "B", null);

        var moved = api.post("/api/decks/" + b + "/move", body("parent_id", a), user.accessToken());
        assertThat(moved.text("parent_id")).isEqualTo(a);

        var top = api.post("/api/decks/" + b + "/move", body("parent_id", null), user.accessToken());
        assertThat(top.status()).isEqualTo(200);
        assertThat(top.body().path("parent_id").isNull()).isTrue();
    }

    @Test
    void deletingADeckDeletesItsSubDecks() {
        Session user = accounts.register();
        String a = deck(user, "A", null);
        String b = deck(user, "B", a);

        assertThat(api.delete("/api/decks/" + a, user.accessToken()).status()).isEqualTo(204);

        assertThat(api.get("/api/decks/" + a, user.accessToken()).code()).isEqualTo("DECK_001");
        assertThat(api.get("/api/decks/" + b, user.accessToken()).code()).isEqualTo("DECK_001");
        assertThat(api.get("/api/decks/tree", user.accessToken()).body()).isEmpty();
    }

    @Test
    void invalidNameChangesNothing() {
        Session user = accounts.register();
        String a = deck(user, "A", null);

        var response = api.patch("/api/decks/" + a, body("name", "Bad::Name", "description", "x"), user.accessToken());

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("REQ_002");
        assertThat(api.get("/api/decks/" + a, user.accessToken()).body().path("description").isNull()).isTrue();
    }

    @Test
    void decksArePaginated() {
        Session user = accounts.register();
        for (int i = 0; i < 5; i++) {
            deck(user, "Deck " + i, null);
        }

        var page = api.get("/api/decks?page=2&size=2", user.accessToken());

        assertThat(page.body().path("total").asLong()).isEqualTo(5);
        assertThat(page.body().path("pages").asInt()).isEqualTo(3);
        assertThat(page.body().path("items").findValuesAsText("name")).containsExactly("Deck 2", "Deck 3");
    }

    @Test
    void anotherUsersDecksDoNotExistForMe() {
        Session alice = accounts.register();
        Session bob = accounts.register();
        String alices = deck(alice, "Alice's", null);
        String bobs = deck(bob, "Bob's", null);

        assertThat(api.get("/api/decks/" + alices, bob.accessToken()).code()).isEqualTo("DECK_001");
        assertThat(api.get("/api/decks/tree", bob.accessToken()).body()).hasSize(1);
        assertThat(api.get("/api/decks", bob.accessToken()).body().path("total").asLong()).isEqualTo(1);
        assertThat(api.patch("/api/decks/" + alices, body("name", "Mine now"), bob.accessToken()).code()).isEqualTo("DECK_001");
        assertThat(api.post("/api/decks/" + alices + "/move", body("parent_id", bobs), bob.accessToken()).code()).isEqualTo("DECK_001");
        assertThat(api.post("/api/decks/" + bobs + "/move", body("parent_id", alices), bob.accessToken()).code()).isEqualTo("DECK_001");
        assertThat(api.post("/api/decks", body("name", "Child", "parent_id", alices), bob.accessToken()).code()).isEqualTo("DECK_001");
        assertThat(api.delete("/api/decks/" + alices, bob.accessToken()).code()).isEqualTo("DECK_001");
        assertThat(api.get("/api/decks/" + alices, alice.accessToken()).text("name")).isEqualTo("Alice's");
    }

    private String deck(Session user, String name, String parent) {
        var response = api.post("/api/decks", body("name", name, "parent_id", parent), user.accessToken());
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.text("id");
    }
}
