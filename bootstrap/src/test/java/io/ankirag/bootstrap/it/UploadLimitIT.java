package io.ankirag.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** MAX_UPLOAD_SIZE becomes Spring's multipart limits; here lowered so that a small body is over it. */
@IntegrationTest
@TestPropertySource(properties = {"spring.servlet.multipart.max-file-size=64KB", "spring.servlet.multipart.max-request-size=64KB"})
// A second application on the same database would compete for the projections' tokens: close it after use.
@DirtiesContext
class UploadLimitIT extends HttpApiTestBase {

    @Test
    void anOversizedUploadIsRefusedWith413AndAProblem() {
        var user = accounts.register();

        var response = api.upload("/api/sync/import", user.accessToken(), "big.apkg", new byte[200 * 1024], Map.of());

        assertThat(response.status()).as(response.body().toString()).isEqualTo(413);
        assertThat(response.code()).isEqualTo("REQ_003");
        assertThat(response.raw().headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
    }
}
