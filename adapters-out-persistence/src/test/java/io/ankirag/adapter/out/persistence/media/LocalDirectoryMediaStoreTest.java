package io.ankirag.adapter.out.persistence.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.user.UserId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalDirectoryMediaStoreTest {

    @TempDir
    Path root;

    final UserId owner = new UserId(UUID.randomUUID());

    @Test
    void storesUnderTheOwnersFolderByAnkiNameReplacingAnOlderFile() throws IOException {
        LocalDirectoryMediaStore store = new LocalDirectoryMediaStore(root);

        store.store(owner, "paste-ab21 (1).jpg", bytes("old"));
        store.store(owner, "paste-ab21 (1).jpg", bytes("new"));

        Path stored = root.resolve(owner.value().toString()).resolve("paste-ab21 (1).jpg");
        assertThat(Files.readString(stored)).isEqualTo("new");
        try (Stream<Path> files = Files.list(stored.getParent())) {
            assertThat(files).containsExactly(stored);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape.jpg", "a/b.jpg", "..", ".", "a\\b.jpg", "c:evil", "nul\u0000.jpg", " "})
    void refusesNamesThatAreNotPlainFileNames(String name) throws IOException {
        LocalDirectoryMediaStore store = new LocalDirectoryMediaStore(root);

        assertThatThrownBy(() -> store.store(owner, name, bytes("x")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SYNC_002));
        try (Stream<Path> everything = Files.walk(root)) {
            assertThat(everything.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void removesOnlyTheNamedFileOfThatOwnerAndAMissingOneIsNoError() throws IOException {
        LocalDirectoryMediaStore store = new LocalDirectoryMediaStore(root);
        UserId other = new UserId(UUID.randomUUID());
        store.store(owner, "a.png", bytes("a"));
        store.store(owner, "b.png", bytes("b"));
        store.store(other, "a.png", bytes("theirs"));

        store.remove(owner, "a.png");
        store.remove(owner, "never-stored.png");

        assertThat(store.sizeOf(owner, "a.png")).isEmpty();
        assertThat(store.sizeOf(owner, "b.png")).hasValue(1);
        assertThat(store.sizeOf(other, "a.png")).hasValue(6);
        assertThatThrownBy(() -> store.remove(owner, "../" + other.value() + "/a.png"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SYNC_002));
        assertThat(store.sizeOf(other, "a.png")).hasValue(6);
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
