package io.ankirag.application.anki;

import java.io.InputStream;

/**
 * A media file as fields reference it ({@code <img src="name">}, {@code [sound:name]}). Its bytes are not held in
 * memory: {@link #open()} reads them from the package, which must still exist at that time.
 */
public record AnkiMedia(String name, long size, Content content) {

    /** Opens the bytes, uncompressed; the caller closes the stream. */
    @FunctionalInterface
    public interface Content {

        /** @throws io.ankirag.domain.error.DomainException {@code SYNC_002} when the package is gone or damaged */
        InputStream open();
    }

    public InputStream open() {
        return content.open();
    }
}
