package io.ankirag.adapter.out.persistence.jdbc;

import java.util.Locale;

/** User text inside an SQL {@code LIKE}: its own {@code %} and {@code _} must match themselves, not anything. */
public final class LikePatterns {

    private LikePatterns() {
    }

    /** {@code %text%}, lower-cased, with {@code \} as the escape character (PostgreSQL's default). */
    public static String containing(String text) {
        String escaped = text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
