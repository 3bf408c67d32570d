package io.ankirag.domain.error;

/**
 * The one catalogue of error codes the product answers with.
 *
 * <p>Codes from the specification's appendix A keep their names; the {@code REQ_*}, {@code RATE_*} and
 * {@code SYS_*} families cover what every HTTP API needs but the appendix does not list. The HTTP status
 * for each code is chosen in one place only: the REST adapter's exception handler.
 */
public enum ErrorCode {
    AUTH_001("Invalid credentials"),
    AUTH_002("Token expired"),
    AUTH_003("User inactive"),
    AUTH_004("Insufficient permissions"),
    USER_001("Email already exists"),
    USER_002("User not found"),
    DECK_001("Deck not found"),
    DECK_002("Access denied"),
    DECK_003("Circular reference"),
    CARD_001("Card not found"),
    CARD_002("Invalid status transition"),
    TEMPLATE_001("Template not found"),
    TEMPLATE_002("Template in use"),
    PROMPT_001("Prompt not found"),
    PROMPT_002("Prompt name taken"),
    PROMPT_003("System prompt is protected"),
    GEN_001("LLM error"),
    GEN_002("Invalid generation request"),
    GEN_003("Generation job not found"),
    GEN_004("Generation job is not running"),
    SYNC_001("AnkiConnect unavailable"),
    SYNC_002("Invalid .apkg file"),
    SYNC_003("AnkiConnect version not supported"),
    SYNC_004("AnkiConnect permission refused"),
    SYNC_005("AnkiConnect request failed"),
    SYNC_006("Sync task not found"),
    RAG_001("Embedding error"),
    REQ_001("Malformed request"),
    REQ_002("Validation failed"),
    REQ_003("Request body too large"),
    REQ_004("Resource not found"),
    REQ_005("Method not allowed"),
    REQ_006("Unsupported media type"),
    RATE_001("Too many requests"),
    SYS_001("Internal error"),
    SYS_002("Service unavailable");

    private final String title;

    ErrorCode(String title) {
        this.title = title;
    }

    /** A short, stable, human-readable summary; the specific detail travels in {@link DomainException}. */
    public String title() {
        return title;
    }
}
