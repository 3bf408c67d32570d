package io.ankirag.bootstrap.it;

import static io.ankirag.bootstrap.it.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.ankirag.bootstrap.it.Accounts.Session;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

@IntegrationTest
class AuthIT extends HttpApiTestBase {

    @Value("${ankirag.jwt.secret-key}")
    String jwtSecret;

    @Test
    void registrationAnswersWithTheSpecsTokenResponse() {
        var response = api.post("/api/auth/register",
                body("email", Accounts.uniqueEmail(), "password", Accounts.PASSWORD, "display_name", "John Doe"), null);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.text("token_type")).isEqualTo("bearer");
        assertThat(response.body().path("expires_in").asInt()).isEqualTo(900);
        assertThat(response.text("access_token")).startsWith("eyJ");
        assertThat(response.text("refresh_token")).hasSize(43);
        assertThat(api.get("/api/users/me", response.text("access_token")).text("display_name")).isEqualTo("John Doe");
    }

    @Test
    void duplicateEmailIsRefusedWhateverItsCase() {
        Session first = accounts.register();

        var response = api.post("/api/auth/register",
                body("email", first.email().toUpperCase(), "password", Accounts.PASSWORD), null);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("USER_001");
        assertThat(response.raw().headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void wrongPasswordAndUnknownEmailLookTheSame() {
        Session user = accounts.register();

        var wrongPassword = api.post("/api/auth/login", body("email", user.email(), "password", "not-the-password"), null);
        var unknownEmail = api.post("/api/auth/login", body("email", Accounts.uniqueEmail(), "password", Accounts.PASSWORD), null);

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.code()).isEqualTo("AUTH_001");
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(unknownEmail.text("detail")).isEqualTo(wrongPassword.text("detail"));
    }

    @Test
    void loginWithTheRightPasswordStartsASession() {
        Session user = accounts.register();

        var response = api.post("/api/auth/login", body("email", user.email(), "password", Accounts.PASSWORD), null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(api.get("/api/users/me", response.text("access_token")).text("email")).isEqualTo(user.email());
    }

    @Test
    void refreshRotatesAndTheOldTokenStopsWorking() {
        Session user = accounts.register();

        var rotated = api.post("/api/auth/refresh", body("refresh_token", user.refreshToken()), null);
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.text("refresh_token")).isNotEqualTo(user.refreshToken());
        assertThat(api.get("/api/users/me", rotated.text("access_token")).status()).isEqualTo(200);

        var next = api.post("/api/auth/refresh", body("refresh_token", rotated.text("refresh_token")), null);
        assertThat(next.status()).isEqualTo(200);
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeSession() {
        Session user = accounts.register();
        var rotated = api.post("/api/auth/refresh", body("refresh_token", user.refreshToken()), null);

        var replay = api.post("/api/auth/refresh", body("refresh_token", user.refreshToken()), null);

        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.code()).isEqualTo("AUTH_001");
        assertThat(replay.text("detail")).contains("already used");
        var legitimateHolder = api.post("/api/auth/refresh", body("refresh_token", rotated.text("refresh_token")), null);
        assertThat(legitimateHolder.status()).isEqualTo(401);
        assertThat(legitimateHolder.code()).isEqualTo("AUTH_001");
    }

    @Test
    void reuseInOneSessionLeavesOtherSessionsAlone() {
        Session user = accounts.register();
        var otherDevice = api.post("/api/auth/login", body("email", user.email(), "password", Accounts.PASSWORD), null);
        api.post("/api/auth/refresh", body("refresh_token", user.refreshToken()), null);
        api.post("/api/auth/refresh", body("refresh_token", user.refreshToken()), null);

        var other = api.post("/api/auth/refresh", body("refresh_token", otherDevice.text("refresh_token")), null);

        assertThat(other.status()).isEqualTo(200);
    }

    @Test
    void logoutRevokesTheRefreshTokenAndCanBeRepeated() {
        Session user = accounts.register();

        var logout = api.post("/api/auth/logout", body("refresh_token", user.refreshToken()), null);
        var again = api.post("/api/auth/logout", body("refresh_token", user.refreshToken()), null);
        var refresh = api.post("/api/auth/refresh", body("refresh_token", user.refreshToken()), null);

        assertThat(logout.status()).isEqualTo(200);
        assertThat(logout.text("message")).isEqualTo("Successfully logged out");
        assertThat(again.status()).isEqualTo(200);
        assertThat(refresh.status()).isEqualTo(401);
        assertThat(refresh.code()).isEqualTo("AUTH_001");
    }

    @Test
    void unknownRefreshTokenIsRefused() {
        var response = api.post("/api/auth/refresh", body("refresh_token", "made-up-token"), null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("AUTH_001");
    }

    @Test
    void expiredAccessTokenIsTold() {
        Session user = accounts.register();
        String userId = accounts.idOf(user);
        Instant anHourAgo = Instant.now().minus(1, ChronoUnit.HOURS);
        String expired = signedToken(userId, anHourAgo.minus(15, ChronoUnit.MINUTES), anHourAgo);

        var response = api.get("/api/users/me", expired);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("AUTH_002");
    }

    @Test
    void tokenSignedWithAnotherKeyIsRefused() {
        Session user = accounts.register();
        String userId = accounts.idOf(user);
        Instant now = Instant.now();
        String forged = token("another-secret-another-secret-0123456789", userId, now, now.plusSeconds(600));

        var response = api.get("/api/users/me", forged);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("AUTH_001");
    }

    @Test
    void requestWithoutTokenIsRefused() {
        var response = api.get("/api/users/me", null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("AUTH_001");
        assertThat(response.raw().headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void deactivatedUserCanNeitherLogInNorUseTheirTokens() {
        Session user = accounts.register();
        Session admin = accounts.admin();
        var deactivate = api.patch("/api/users/" + accounts.idOf(user), body("is_active", false), admin.accessToken());
        assertThat(deactivate.status()).as(deactivate.body().toString()).isEqualTo(200);

        var login = api.post("/api/auth/login", body("email", user.email(), "password", Accounts.PASSWORD), null);
        var call = api.get("/api/users/me", user.accessToken());
        var refresh = api.post("/api/auth/refresh", body("refresh_token", user.refreshToken()), null);

        assertThat(login.status()).isEqualTo(403);
        assertThat(login.code()).isEqualTo("AUTH_003");
        assertThat(call.status()).isEqualTo(403);
        assertThat(call.code()).isEqualTo("AUTH_003");
        assertThat(refresh.status()).isEqualTo(401);
    }

    private String signedToken(String subject, Instant issuedAt, Instant expiresAt) {
        return token(jwtSecret, subject, issuedAt, expiresAt);
    }

    private static String token(String secret, String subject, Instant issuedAt, Instant expiresAt) {
        var key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        var encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        var claims = JwtClaimsSet.builder().issuer("ankirag").subject(subject).issuedAt(issuedAt).expiresAt(expiresAt)
                .claim("role", "user").build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }
}
