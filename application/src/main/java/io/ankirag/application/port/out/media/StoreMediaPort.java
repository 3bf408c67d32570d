package io.ankirag.application.port.out.media;

import io.ankirag.domain.user.UserId;
import java.io.InputStream;
import java.util.OptionalLong;

/** Keeps the media files (images, sounds) that card fields reference, per owner, under the name fields use. */
public interface StoreMediaPort {

    /**
     * Stores {@code content} as the owner's media file {@code name}, replacing a file of that name.
     *
     * @throws io.ankirag.domain.error.DomainException {@code SYNC_002} for a name that is not a plain file name
     *                                                 (separators, {@code ..}, control characters);
     *                                                 {@code SYS_001} when the file cannot be written
     */
    void store(UserId owner, String name, InputStream content);

    /** The size of the owner's media file {@code name}; empty when there is none or the name is not a plain file name. */
    OptionalLong sizeOf(UserId owner, String name);

    /**
     * Opens the owner's media file {@code name}; the caller closes the stream.
     *
     * @throws io.ankirag.domain.error.DomainException {@code SYNC_002} for a name that is not a plain file name;
     *                                                 {@code SYS_001} when the file is missing or unreadable
     */
    InputStream open(UserId owner, String name);

    /**
     * Removes the owner's media file {@code name} if there is one: how a failed import takes back the files it
     * added.
     *
     * @throws io.ankirag.domain.error.DomainException {@code SYNC_002} for a name that is not a plain file name;
     *                                                 {@code SYS_001} when the file cannot be removed
     */
    void remove(UserId owner, String name);
}
