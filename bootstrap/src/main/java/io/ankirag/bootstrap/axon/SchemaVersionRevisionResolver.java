package io.ankirag.bootstrap.axon;

import io.ankirag.domain.shared.SchemaVersion;
import org.axonframework.serialization.RevisionResolver;

/** Stores each event's {@link SchemaVersion} (1 when absent) as Axon's payload revision, the key upcasters use. */
class SchemaVersionRevisionResolver implements RevisionResolver {

    @Override
    public String revisionOf(Class<?> payloadType) {
        SchemaVersion version = payloadType.getAnnotation(SchemaVersion.class);
        return Integer.toString(version == null ? 1 : version.value());
    }
}
