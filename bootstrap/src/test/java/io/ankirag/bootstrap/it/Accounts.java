package io.ankirag.bootstrap.it;

import static io.ankirag.bootstrap.it.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

/** Creates throw-away accounts, each with a unique email, so tests never depend on one another. */
final class Accounts {

    static final String PASSWORD = "correct-horse-battery";
    static final String ADMIN_EMAIL = "admin@it.ankirag";
    static final String ADMIN_PASSWORD = "admin-password-1";

    record Session(String email, String accessToken, String refreshToken) {
    }

    private final ApiClient api;

    Accounts(ApiClient api) {
        this.api = api;
    }

    static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    Session register() {
        String email = uniqueEmail();
        ApiClient.Response response = api.post("/api/auth/register",
                body("email", email, "password", PASSWORD, "display_name", "Test User"), null);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return new Session(email, response.text("access_token"), response.text("refresh_token"));
    }

    Session admin() {
        ApiClient.Response response = api.post("/api/auth/login", body("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD), null);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return new Session(ADMIN_EMAIL, response.text("access_token"), response.text("refresh_token"));
    }

    String idOf(Session session) {
        return api.get("/api/users/me", session.accessToken()).text("id");
    }
}
