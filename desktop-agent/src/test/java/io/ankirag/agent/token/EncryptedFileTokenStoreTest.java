package io.ankirag.agent.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedFileTokenStoreTest {

    private static final URI SERVER = URI.create("https://anki.example");
    private static final String TOKEN = "rt_7f3a9c0e-the-refresh-token-itself-4b1d";

    @TempDir
    Path configDir;

    @Test
    void keepsTheTokenAcrossInstances() {
        new EncryptedFileTokenStore(configDir, SERVER).save(TOKEN);

        assertThat(new EncryptedFileTokenStore(configDir, SERVER).load()).contains(TOKEN);
    }

    @Test
    void hasNothingBeforeTheFirstLoginAndAfterClearing() {
        EncryptedFileTokenStore store = new EncryptedFileTokenStore(configDir, SERVER);
        assertThat(store.load()).isEmpty();

        store.save(TOKEN);
        store.clear();

        assertThat(store.load()).isEmpty();
        assertThat(store.tokenFile()).doesNotExist();
    }

    @Test
    void theFileOnDiskDoesNotContainTheTokenInAnyPlainForm() throws IOException {
        EncryptedFileTokenStore store = new EncryptedFileTokenStore(configDir, SERVER);
        store.save(TOKEN);

        byte[] onDisk = Files.readAllBytes(store.tokenFile());
        String asText = new String(onDisk, StandardCharsets.ISO_8859_1);
        assertThat(asText).doesNotContain(TOKEN).doesNotContain("the-refresh-token");
        assertThat(asText).doesNotContain(java.util.Base64.getEncoder().encodeToString(TOKEN.getBytes(StandardCharsets.UTF_8)).substring(0, 16));
        assertThat(onDisk.length).isGreaterThanOrEqualTo(TOKEN.length() + 12 + 16);
        try (var files = Files.list(configDir)) {
            for (Path file : files.toList()) {
                assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain(TOKEN);
            }
        }
    }

    @Test
    void savingTheSameTokenTwiceWritesDifferentBytes() throws IOException {
        EncryptedFileTokenStore store = new EncryptedFileTokenStore(configDir, SERVER);
        store.save(TOKEN);
        byte[] first = Files.readAllBytes(store.tokenFile());
        store.save(TOKEN);

        assertThat(Files.readAllBytes(store.tokenFile())).isNotEqualTo(first);
        assertThat(store.load()).contains(TOKEN);
    }

    @Test
    void bothFilesAreReadableByTheOwnerOnly() throws IOException {
        EncryptedFileTokenStore store = new EncryptedFileTokenStore(configDir, SERVER);
        store.save(TOKEN);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.tokenFile()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                configDir.resolve(EncryptedFileTokenStore.SECRET_FILE)))).isEqualTo("rw-------");
    }

    @Test
    void aTokenFileIsUselessWithoutItsMachineSecret() throws IOException {
        EncryptedFileTokenStore store = new EncryptedFileTokenStore(configDir, SERVER);
        store.save(TOKEN);
        Path otherMachine = Files.createDirectories(configDir.resolve("other-machine"));
        Files.copy(store.tokenFile(), otherMachine.resolve(store.tokenFile().getFileName()));

        assertThatThrownBy(() -> new EncryptedFileTokenStore(otherMachine, SERVER).load())
                .isInstanceOf(TokenStoreException.class).hasMessageContaining("log in again");
    }

    @Test
    void aTamperedFileIsRefusedNotMisread() throws IOException {
        EncryptedFileTokenStore store = new EncryptedFileTokenStore(configDir, SERVER);
        store.save(TOKEN);
        byte[] bytes = Files.readAllBytes(store.tokenFile());
        bytes[bytes.length - 5] ^= 0x01;
        Files.write(store.tokenFile(), bytes);

        assertThatThrownBy(store::load).isInstanceOf(TokenStoreException.class);
    }

    @Test
    void eachServerHasItsOwnToken() {
        EncryptedFileTokenStore home = new EncryptedFileTokenStore(configDir, SERVER);
        EncryptedFileTokenStore work = new EncryptedFileTokenStore(configDir, URI.create("https://work.example"));
        home.save(TOKEN);
        work.save("another-token");

        assertThat(home.load()).contains(TOKEN);
        assertThat(work.load()).isEqualTo(Optional.of("another-token"));
    }
}
