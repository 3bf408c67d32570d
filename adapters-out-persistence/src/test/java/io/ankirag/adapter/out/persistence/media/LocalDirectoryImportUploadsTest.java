package io.ankirag.adapter.out.persistence.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ankirag.application.port.in.sync.ImportJobId;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDirectoryImportUploadsTest {

    @TempDir
    Path temporary;

    @Test
    void takesTheUploadOverUntilItsJobIsOver() throws IOException {
        LocalDirectoryImportUploads uploads = new LocalDirectoryImportUploads(temporary.resolve("media/.import-jobs"));
        Path upload = Files.writeString(temporary.resolve("upload.apkg"), "zip bytes");
        ImportJobId job = new ImportJobId(UUID.randomUUID());

        uploads.keep(job, upload);

        assertThat(upload).doesNotExist();
        assertThat(uploads.fileOf(job)).hasContent("zip bytes").hasParent(temporary.resolve("media/.import-jobs"));
        uploads.discard(job);
        uploads.discard(job);
        assertThatThrownBy(() -> uploads.fileOf(job))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SYS_001));
    }
}
