package io.ankirag.adapter.out.persistence.media;

import io.ankirag.application.port.in.sync.ImportJobId;
import io.ankirag.application.port.out.sync.ImportUploadsPort;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Uploads waiting for their job, as {@code <folder>/<job id>.apkg}. The folder defaults to one under the media
 * root, which every instance must share anyway (the media it serves are there), so any instance's worker finds them.
 */
@Component
class LocalDirectoryImportUploads implements ImportUploadsPort {

    private final Path folder;

    LocalDirectoryImportUploads(@Value("${ankirag.import.upload-folder}") Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    @Override
    public void keep(ImportJobId job, Path upload) {
        try {
            Files.createDirectories(folder);
            Path target = fileFor(job);
            try {
                Files.move(upload, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException otherFileSystem) {
                // Written beside the target, then moved: a worker never sees half a package.
                Path partial = Files.createTempFile(folder, ".upload-", ".part");
                try {
                    Files.copy(upload, partial, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(partial);
                }
            }
        } catch (IOException e) {
            throw new DomainException(ErrorCode.SYS_001, "the upload could not be kept for its import job", e);
        }
    }

    @Override
    public Path fileOf(ImportJobId job) {
        Path file = fileFor(job);
        if (!Files.isRegularFile(file)) {
            throw new DomainException(ErrorCode.SYS_001, "the uploaded package of import job " + job + " is gone");
        }
        return file;
    }

    @Override
    public void discard(ImportJobId job) {
        try {
            Files.deleteIfExists(fileFor(job));
        } catch (IOException e) {
            fileFor(job).toFile().deleteOnExit();
        }
    }

    private Path fileFor(ImportJobId job) {
        return folder.resolve(job.value() + ".apkg");
    }
}
