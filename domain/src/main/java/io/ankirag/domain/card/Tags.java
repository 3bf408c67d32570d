package io.ankirag.domain.card;

import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A card's tags as Anki keeps them: no spaces inside a tag (Anki separates tags with spaces), duplicates
 * ignoring case dropped, first spelling kept, order kept.
 */
public record Tags(List<String> values) {

    static final int MAX_TAGS = 100;
    static final int MAX_TAG_LENGTH = 100;
    public static final Tags NONE = new Tags(List.of());

    public Tags {
        if (values == null) {
            values = List.of();
        }
        List<String> kept = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String raw : values) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            String tag = raw.strip();
            if (tag.chars().anyMatch(Character::isWhitespace)) {
                throw new DomainException(ErrorCode.REQ_002, "tag '" + tag + "' contains a space; Anki tags are single words (use _ or ::)");
            }
            if (tag.length() > MAX_TAG_LENGTH) {
                throw new DomainException(ErrorCode.REQ_002, "tags must be at most " + MAX_TAG_LENGTH + " characters");
            }
            if (seen.add(tag.toLowerCase(Locale.ROOT))) {
                kept.add(tag);
            }
        }
        if (kept.size() > MAX_TAGS) {
            throw new DomainException(ErrorCode.REQ_002, "a card has at most " + MAX_TAGS + " tags");
        }
        values = List.copyOf(kept);
    }
}
