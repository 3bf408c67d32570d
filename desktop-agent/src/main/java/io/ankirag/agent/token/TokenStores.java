package io.ankirag.agent.token;

import io.ankirag.agent.config.AgentConfig;
import java.net.URI;

/** Picks the token store the configuration asks for: the keyring when one answers, else the encrypted file. */
public final class TokenStores {

    private TokenStores() {
    }

    public static RefreshTokenStore forServer(AgentConfig config, URI serverUrl) {
        return switch (config.tokenStore()) {
            case FILE -> new EncryptedFileTokenStore(config.configDir(), serverUrl);
            case KEYRING -> KeyringTokenStore.open(serverUrl).orElseThrow(() -> new TokenStoreException(
                    "token.store is keyring, but no OS keyring answers on this desktop", null));
            case AUTO -> KeyringTokenStore.open(serverUrl)
                    .orElseGet(() -> new EncryptedFileTokenStore(config.configDir(), serverUrl));
        };
    }
}
