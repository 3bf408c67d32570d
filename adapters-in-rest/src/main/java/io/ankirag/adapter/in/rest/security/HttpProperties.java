package io.ankirag.adapter.in.rest.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxJsonBody the largest request body outside file uploads ({@code MAX_REQUEST_BODY}, 1 MB by default)
 * @param corsOrigins browser origins allowed to call the API from elsewhere ({@code APP_CORS_ORIGINS})
 */
@ConfigurationProperties("ankirag.http")
record HttpProperties(DataSize maxJsonBody, List<String> corsOrigins) {

    HttpProperties {
        maxJsonBody = maxJsonBody == null ? DataSize.ofMegabytes(1) : maxJsonBody;
        corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
    }
}
