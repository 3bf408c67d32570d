package io.ankirag.agent.config;

/** A setting the agent cannot use; the message names the setting and where it came from. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
