package io.ankirag.agent.token;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.net.URI;
import java.util.Optional;

/** The refresh token in the OS keyring, one entry per server URL. */
public final class KeyringTokenStore implements RefreshTokenStore {

    static final String SERVICE = "AnkiRAG desktop agent";

    private final Keyring keyring;
    private final String account;

    private KeyringTokenStore(Keyring keyring, URI serverUrl) {
        this.keyring = keyring;
        this.account = serverUrl.toString();
    }

    /**
     * The keyring, if this desktop has one that answers: a lookup is tried at once, so that a missing Secret Service
     * (a headless Linux without a session bus) shows here rather than at the first refresh.
     */
    public static Optional<RefreshTokenStore> open(URI serverUrl) {
        try {
            Keyring keyring = Keyring.create();
            KeyringTokenStore store = new KeyringTokenStore(keyring, serverUrl);
            store.load();
            return Optional.of(store);
        } catch (BackendNotSupportedException | RuntimeException | LinkageError unavailable) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> load() {
        try {
            String token = keyring.getPassword(SERVICE, account);
            return token == null || token.isEmpty() ? Optional.empty() : Optional.of(token);
        } catch (PasswordAccessException notThere) {
            // java-keyring signals "no such entry" and "cannot read it" alike
            return Optional.empty();
        } catch (RuntimeException e) {
            throw new TokenStoreException("The keyring did not answer", e);
        }
    }

    @Override
    public void save(String refreshToken) {
        try {
            keyring.setPassword(SERVICE, account, refreshToken);
        } catch (PasswordAccessException | RuntimeException e) {
            throw new TokenStoreException("Cannot store the login in the keyring", e);
        }
    }

    @Override
    public void clear() {
        try {
            keyring.deletePassword(SERVICE, account);
        } catch (PasswordAccessException notThere) {
            // nothing to delete
        } catch (RuntimeException e) {
            throw new TokenStoreException("Cannot delete the login from the keyring", e);
        }
    }

    @Override
    public String describe() {
        return "OS keyring (" + keyring.getKeyringStorageType() + ")";
    }
}
