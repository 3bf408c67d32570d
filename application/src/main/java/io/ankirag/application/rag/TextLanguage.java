package io.ankirag.application.rag;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The language of a card's text or a query, as far as search needs it: which PostgreSQL text-search configuration
 * stems its words, and whether an English-only embedding model can be trusted with it. Decided by script and
 * function words, which is enough for the two languages the spec's users write in:
 * <ul>
 *   <li>{@link #RU} when at least a quarter of the letters are Cyrillic (a card that pairs an English word with
 *       its Russian translation is a Russian learner's card; the {@code russian} configuration stems its Latin
 *       words as English) and none of them is a letter Russian lacks ({@code і ї є ґ ў}: Ukrainian, Belarusian);</li>
 *   <li>{@link #EN} when the letters are Latin and either an English function word is among the words, or the
 *       text is a few plain ASCII words (a term, a name: too short to tell, and English is the likeliest);</li>
 *   <li>{@link #UND} otherwise: other languages, code, numbers. Such text is matched word for word.</li>
 * </ul>
 */
public enum TextLanguage {

    EN("english"),
    RU("russian"),
    UND("simple");

    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final Pattern NON_RUSSIAN_CYRILLIC = Pattern.compile("[іїєґўІЇЄҐЎ]");
    /** A short text of only these words counts as English. */
    private static final int SHORT_TEXT_WORDS = 3;
    private static final Set<String> ENGLISH_FUNCTION_WORDS = Set.of(
            "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "but", "not",
            "is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did", "can", "will",
            "would", "should", "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "that", "this",
            "these", "those", "it", "its", "they", "their", "there", "than", "as", "if", "into", "about", "also");

    private final String textSearchConfiguration;

    TextLanguage(String textSearchConfiguration) {
        this.textSearchConfiguration = textSearchConfiguration;
    }

    /** The PostgreSQL text-search configuration that stems this language's words. */
    public String textSearchConfiguration() {
        return textSearchConfiguration;
    }

    /** The ISO 639-1 code, {@code und} for undetermined (as BCP 47 has it). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TextLanguage ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    public static TextLanguage detect(String text) {
        if (text == null) {
            return UND;
        }
        long cyrillic = 0;
        long latin = 0;
        long letters = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (!Character.isLetter(c)) {
                continue;
            }
            letters++;
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            if (script == Character.UnicodeScript.CYRILLIC) {
                cyrillic++;
            } else if (script == Character.UnicodeScript.LATIN) {
                latin++;
            }
        }
        if (letters == 0) {
            return UND;
        }
        if (cyrillic * 4 >= letters) {
            return NON_RUSSIAN_CYRILLIC.matcher(text).find() ? UND : RU;
        }
        if (latin * 2 < letters) {
            return UND;
        }
        int words = 0;
        boolean plainAscii = true;
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            String word = matcher.group().toLowerCase(Locale.ROOT);
            if (ENGLISH_FUNCTION_WORDS.contains(word)) {
                return EN;
            }
            words++;
            plainAscii &= word.chars().allMatch(ch -> ch < 128);
        }
        return plainAscii && words <= SHORT_TEXT_WORDS ? EN : UND;
    }
}
