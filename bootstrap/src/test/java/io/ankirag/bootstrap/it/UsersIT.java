package io.ankirag.bootstrap.it;

import static io.ankirag.bootstrap.it.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.ankirag.bootstrap.it.Accounts.Session;
import org.junit.jupiter.api.Test;

@IntegrationTest
class UsersIT extends HttpApiTestBase {

    @Test
    void meShowsTheAccountWithDefaultPreferences() {
        Session user = accounts.register();

        var me = api.get("/api/users/me", user.accessToken());

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("email")).isEqualTo(user.email());
        assertThat(me.text("role")).isEqualTo("user");
        assertThat(me.body().path("is_active").asBoolean()).isTrue();
        assertThat(me.body().path("preferences").path("preferred_language").asText()).isEqualTo("en");
        assertThat(me.body().has("hashed_password")).isFalse();
    }

    @Test
    void userChangesNameAndPreferences() {
        Session user = accounts.register();

        var updated = api.patch("/api/users/me",
                body("display_name", "Мария", "preferred_language", "ru", "default_model", "gpt-4o-mini"), user.accessToken());

        assertThat(updated.status()).isEqualTo(200);
        var me = api.get("/api/users/me", user.accessToken());
        assertThat(me.text("display_name")).isEqualTo("Мария");
        assertThat(me.body().path("preferences").path("preferred_language").asText()).isEqualTo("ru");
        assertThat(me.body().path("preferences").path("default_model").asText()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void invalidPreferenceIsRefusedAndNothingChanges() {
        Session user = accounts.register();

        var response = api.patch("/api/users/me", body("display_name", "New Name", "preferred_language", "not a tag!"), user.accessToken());

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("REQ_002");
        assertThat(api.get("/api/users/me", user.accessToken()).text("display_name")).isEqualTo("Test User");
    }

    @Test
    void passwordChangeNeedsTheCurrentPasswordAndEndsOtherSessions() {
        Session user = accounts.register();

        var wrong = api.patch("/api/users/me", body("current_password", "nope-nope-nope", "new_password", "brand-new-password"), user.accessToken());
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.code()).isEqualTo("AUTH_001");

        var changed = api.patch("/api/users/me", body("current_password", Accounts.PASSWORD, "new_password", "brand-new-password"), user.accessToken());
        assertThat(changed.status()).isEqualTo(200);
        assertThat(api.post("/api/auth/refresh", body("refresh_token", user.refreshToken()), null).status()).isEqualTo(401);
        assertThat(api.post("/api/auth/login", body("email", user.email(), "password", "brand-new-password"), null).status()).isEqualTo(200);
        assertThat(api.post("/api/auth/login", body("email", user.email(), "password", Accounts.PASSWORD), null).status()).isEqualTo(401);
    }

    @Test
    void adminRoutesAreRefusedToUsers() {
        Session user = accounts.register();

        var list = api.get("/api/users", user.accessToken());
        var change = api.patch("/api/users/" + accounts.idOf(user), body("role", "admin"), user.accessToken());

        assertThat(list.status()).isEqualTo(403);
        assertThat(list.code()).isEqualTo("AUTH_004");
        assertThat(change.status()).isEqualTo(403);
        assertThat(api.get("/api/users/me", user.accessToken()).text("role")).isEqualTo("user");
    }

    @Test
    void adminListsUsersPageByPageAndSearches() {
        Session admin = accounts.admin();
        Session a = accounts.register();
        accounts.register();

        var page = api.get("/api/users?page=1&size=2", admin.accessToken());
        var search = api.get("/api/users?q=" + a.email().substring(0, 20), admin.accessToken());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().path("items")).hasSize(2);
        assertThat(page.body().path("size").asInt()).isEqualTo(2);
        assertThat(page.body().path("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(page.body().path("pages").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(search.body().path("total").asLong()).isEqualTo(1);
        assertThat(search.body().path("items").get(0).path("email").asText()).isEqualTo(a.email());
    }

    @Test
    void pageSizeIsBounded() {
        var response = api.get("/api/users?size=1000", accounts.admin().accessToken());

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("REQ_002");
    }

    @Test
    void adminPromotesAUser() {
        Session admin = accounts.admin();
        Session user = accounts.register();

        var promoted = api.patch("/api/users/" + accounts.idOf(user), body("role", "admin"), admin.accessToken());

        assertThat(promoted.status()).isEqualTo(200);
        assertThat(promoted.text("role")).isEqualTo("admin");
        assertThat(api.get("/api/users", user.accessToken()).status()).isEqualTo(200);
    }

    @Test
    void adminCannotLockThemselvesOut() {
        Session admin = accounts.admin();
        String adminId = accounts.idOf(admin);

        var demote = api.patch("/api/users/" + adminId, body("role", "user"), admin.accessToken());
        var delete = api.delete("/api/users/" + adminId, admin.accessToken());

        assertThat(demote.status()).isEqualTo(422);
        assertThat(demote.code()).isEqualTo("REQ_002");
        assertThat(delete.status()).isEqualTo(422);
    }

    @Test
    void unknownUserIsNotFound() {
        var response = api.get("/api/users/0190c1f0-0000-7000-8000-000000000000", accounts.admin().accessToken());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("USER_002");
    }

    @Test
    void deletedUserIsGoneAndTheirEmailIsFreeAgain() {
        Session admin = accounts.admin();
        Session user = accounts.register();
        String id = accounts.idOf(user);

        assertThat(api.delete("/api/users/" + id, admin.accessToken()).status()).isEqualTo(204);

        assertThat(api.get("/api/users/" + id, admin.accessToken()).code()).isEqualTo("USER_002");
        assertThat(api.get("/api/users/me", user.accessToken()).code()).isEqualTo("AUTH_001");
        assertThat(api.post("/api/auth/login", body("email", user.email(), "password", Accounts.PASSWORD), null).code()).isEqualTo("AUTH_001");
        assertThat(api.post("/api/auth/register", body("email", user.email(), "password", Accounts.PASSWORD), null).status()).isEqualTo(201);
    }
}
