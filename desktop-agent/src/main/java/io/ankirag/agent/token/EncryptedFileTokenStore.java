package io.ankirag.agent.token;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The refresh token in a file of the user's config folder, encrypted with AES-256-GCM under a key derived (HMAC-SHA256)
 * from a random 256-bit secret in {@code machine.secret} beside it; both files are {@code 0600} where the file system
 * has POSIX permissions. The server URL is the GCM associated data, so a token file moved to another server's
 * name does not decrypt.
 *
 * <p>Threat model. Used only where no OS keyring answers. It keeps the token out of plain sight: a copied or
 * backed-up token file, a config folder shared or synced without the secret, or a grep over the disk yields no
 * usable token, and tampering is detected (GCM). The permissions keep other local users out. It does not protect
 * against malware or anyone running as this user (or root): they can read the secret as the agent does. That is
 * the same bound as a keyring unlocked at login; the refresh token also expires on the server and each one works
 * only once, and logging out in the agent revokes it.
 */
public final class EncryptedFileTokenStore implements RefreshTokenStore {

    static final String SECRET_FILE = "machine.secret";
    private static final byte FORMAT_VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;
    private final URI serverUrl;
    private final Path tokenFile;

    public EncryptedFileTokenStore(Path directory, URI serverUrl) {
        this.directory = directory;
        this.serverUrl = serverUrl;
        this.tokenFile = directory.resolve("refresh-token-" + shortHash(serverUrl.toString()) + ".enc");
    }

    public Path tokenFile() {
        return tokenFile;
    }

    @Override
    public Optional<String> load() {
        if (!Files.isRegularFile(tokenFile)) {
            return Optional.empty();
        }
        try {
            ByteBuffer sealed = ByteBuffer.wrap(Files.readAllBytes(tokenFile));
            if (sealed.remaining() < 1 + IV_BYTES || sealed.get() != FORMAT_VERSION) {
                throw new TokenStoreException("Unknown format of " + tokenFile, null);
            }
            byte[] iv = new byte[IV_BYTES];
            sealed.get(iv);
            byte[] cipherText = new byte[sealed.remaining()];
            sealed.get(cipherText);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, iv);
            return Optional.of(new String(cipher.doFinal(cipherText), StandardCharsets.UTF_8));
        } catch (IOException | GeneralSecurityException e) {
            throw new TokenStoreException("Cannot decrypt " + tokenFile
                    + " (written on another machine, for another server, or altered); log in again", e);
        }
    }

    @Override
    public void save(String refreshToken) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            byte[] cipherText = cipher(Cipher.ENCRYPT_MODE, iv).doFinal(refreshToken.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = ByteBuffer.allocate(1 + IV_BYTES + cipherText.length)
                    .put(FORMAT_VERSION).put(iv).put(cipherText).array();
            Path temporary = directory.resolve(tokenFile.getFileName() + ".tmp");
            Files.deleteIfExists(temporary);
            createOwnerOnly(temporary);
            Files.write(temporary, sealed, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(temporary, tokenFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | GeneralSecurityException e) {
            throw new TokenStoreException("Cannot write " + tokenFile, e);
        }
    }

    @Override
    public void clear() {
        try {
            Files.deleteIfExists(tokenFile);
        } catch (IOException e) {
            throw new TokenStoreException("Cannot delete " + tokenFile, e);
        }
    }

    @Override
    public String describe() {
        return "encrypted file " + tokenFile;
    }

    private Cipher cipher(int mode, byte[] iv) throws IOException, GeneralSecurityException {
        Mac hmac = Mac.getInstance("HmacSHA256");
        byte[] secret = machineSecret();
        try {
            hmac.init(new SecretKeySpec(secret, "HmacSHA256"));
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        byte[] key = hmac.doFinal("ankirag-agent refresh token v1".getBytes(StandardCharsets.UTF_8));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(serverUrl.toString().getBytes(StandardCharsets.UTF_8));
        Arrays.fill(key, (byte) 0);
        return cipher;
    }

    /** The machine-local secret, created on first use; never rewritten, or every stored token would be lost. */
    private byte[] machineSecret() throws IOException {
        Path secretFile = directory.resolve(SECRET_FILE);
        if (!Files.exists(secretFile)) {
            Files.createDirectories(directory);
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            Path temporary = Files.createTempFile(directory, SECRET_FILE, ".tmp");
            restrictToOwner(temporary);
            Files.write(temporary, secret);
            try {
                // A link, not a move: of two agents starting at once, the second keeps the first one's secret.
                Files.createLink(secretFile, temporary);
            } catch (FileAlreadyExistsException raced) {
                // the other one won; read its secret below
            } catch (UnsupportedOperationException | IOException noLinks) {
                Files.move(temporary, secretFile, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
        byte[] secret = Files.readAllBytes(secretFile);
        if (secret.length != 32) {
            throw new IOException(secretFile + " is not a secret this agent wrote");
        }
        return secret;
    }

    private static void createOwnerOnly(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        if (Files.getFileAttributeView(path.getParent(), PosixFileAttributeView.class) != null) {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            // Windows: a file under the user's profile is private to them by its inherited ACL.
            Files.createFile(path);
        }
    }

    private static void restrictToOwner(Path path) throws IOException {
        if (Files.getFileAttributeView(path, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(path, OWNER_ONLY);
        }
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
