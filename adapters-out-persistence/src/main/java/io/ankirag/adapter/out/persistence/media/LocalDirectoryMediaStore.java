package io.ankirag.adapter.out.persistence.media;

import io.ankirag.application.port.out.media.StoreMediaPort;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.user.UserId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Media files on the local disk: {@code <root>/<owner id>/<name>}. Names are taken as Anki wrote them, since fields
 * reference them so, but only plain file names: anything that could address another folder is refused.
 */
@Component
class LocalDirectoryMediaStore implements StoreMediaPort {

    private final Path root;

    LocalDirectoryMediaStore(@Value("${ankirag.media.root}") Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void store(UserId owner, String name, InputStream content) {
        Path folder = root.resolve(owner.value().toString());
        Path target = folder.resolve(plainName(name)).normalize();
        if (!target.getParent().equals(folder)) {
            throw refused(name);
        }
        try {
            Files.createDirectories(folder);
            // Written beside the target, then moved: a reader never sees half a file.
            Path partial = Files.createTempFile(folder, ".upload-", ".part");
            try {
                Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new DomainException(ErrorCode.SYS_001, "a media file could not be stored", e);
        }
    }

    @Override
    public OptionalLong sizeOf(UserId owner, String name) {
        try {
            Path file = fileOf(owner, name);
            return Files.isRegularFile(file) ? OptionalLong.of(Files.size(file)) : OptionalLong.empty();
        } catch (DomainException | IOException notThere) {
            return OptionalLong.empty();
        }
    }

    @Override
    public InputStream open(UserId owner, String name) {
        try {
            return Files.newInputStream(fileOf(owner, name));
        } catch (IOException e) {
            throw new DomainException(ErrorCode.SYS_001, "a media file could not be read", e);
        }
    }

    @Override
    public void remove(UserId owner, String name) {
        try {
            Files.deleteIfExists(fileOf(owner, name));
        } catch (IOException e) {
            throw new DomainException(ErrorCode.SYS_001, "a media file could not be removed", e);
        }
    }

    private Path fileOf(UserId owner, String name) {
        Path folder = root.resolve(owner.value().toString());
        Path file = folder.resolve(plainName(name)).normalize();
        if (!file.getParent().equals(folder)) {
            throw refused(name);
        }
        return file;
    }

    private static String plainName(String name) {
        if (name == null || name.isBlank() || name.equals(".") || name.equals("..") || name.startsWith(".upload-")
                || name.length() > 255 || name.chars().anyMatch(c -> c == '/' || c == '\\' || c == ':' || c < 0x20 || c == 0x7f)) {
            throw refused(name);
        }
        return name;
    }

    private static DomainException refused(String name) {
        return new DomainException(ErrorCode.SYNC_002, "media file name '" + String.valueOf(name).replaceAll("\\p{Cntrl}", "?")
                + "' is not a plain file name");
    }
}
