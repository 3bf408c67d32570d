package io.ankirag.domain.user;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.util.regex.Pattern;

/**
 * Per-user defaults (spec 4.1 {@code user_preferences}). A {@code null} model means "the server's default";
 * the language is a BCP 47 tag such as {@code en} or {@code ru}.
 */
public record UserPreferences(String preferredLanguage, String defaultModel, String defaultEmbedder) {

    private static final Pattern LANGUAGE_TAG = Pattern.compile("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$");
    private static final int MAX_MODEL_NAME = 255;

    public static final UserPreferences DEFAULTS = new UserPreferences("en", null, null);

    public UserPreferences {
        preferredLanguage = preferredLanguage == null ? null : preferredLanguage.strip();
        if (preferredLanguage == null || !LANGUAGE_TAG.matcher(preferredLanguage).matches()) {
            throw new DomainException(ErrorCode.REQ_002, "preferred_language must be a language tag such as 'en' or 'ru'");
        }
        defaultModel = blankToNull(defaultModel, "default_model");
        defaultEmbedder = blankToNull(defaultEmbedder, "default_embedder");
    }

    private static String blankToNull(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String name = value.strip();
        if (name.codePointCount(0, name.length()) > MAX_MODEL_NAME) {
            throw new DomainException(ErrorCode.REQ_002, field + " must be at most " + MAX_MODEL_NAME + " characters");
        }
        return name;
    }
}
