package io.ankirag.adapter.out.anki.ankiconnect;

import io.ankirag.application.port.out.anki.AnkiConnectPort;
import java.net.URI;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The server's AnkiConnect client, from {@code ANKI_CONNECT_URL}, {@code ANKI_CONNECT_KEY} and the timeouts. */
@Configuration(proxyBeanMethods = false)
class AnkiConnectConfiguration {

    @Bean
    AnkiConnectPort ankiConnect(@Value("${ankirag.anki-connect.url}") URI url,
                                @Value("${ankirag.anki-connect.key:}") String key,
                                @Value("${ankirag.anki-connect.connect-timeout}") Duration connectTimeout,
                                @Value("${ankirag.anki-connect.request-timeout}") Duration requestTimeout,
                                @Value("${ankirag.anki-connect.batch-size}") int batchSize) {
        return new AnkiConnectClient(url, key, connectTimeout, requestTimeout, batchSize, 16L << 20);
    }
}
