package io.ankirag.domain.template.render;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The HTML helpers Anki's renderer relies on: emptiness, tag stripping, entity decoding and encoding. */
final class Html {

    /** Anki's {@code field_is_empty}: only ASCII whitespace and bare br/div tags. {@code &nbsp;} is not empty. */
    private static final Pattern EMPTY_FIELD =
            Pattern.compile("(?:[ \\t\\n\\x0B\\f\\r]|</?(?:br|div) ?/?>)*", Pattern.CASE_INSENSITIVE);

    private static final Pattern TAGS = Pattern.compile(
            "<!--.*?-->|<style.*?>.*?</style>|<script.*?>.*?</script>|<.*?>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static final String[] LATIN_1 = ("nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not"
            + " shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34"
            + " iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc"
            + " Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN"
            + " szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc"
            + " iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn"
            + " yuml").split(" ");

    private static final String[] GREEK = ("Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu"
            + " Xi Omicron Pi Rho - Sigma Tau Upsilon Phi Chi Psi Omega").split(" ");

    private static final String OTHER_ENTITIES = "quot 34 amp 38 apos 39 lt 60 gt 62 OElig 338 oelig 339 Scaron 352"
            + " scaron 353 Yuml 376 fnof 402 circ 710 tilde 732 thetasym 977 upsih 978 piv 982 ensp 8194 emsp 8195"
            + " thinsp 8201 zwnj 8204 zwj 8205 lrm 8206 rlm 8207 ndash 8211 mdash 8212 lsquo 8216 rsquo 8217"
            + " sbquo 8218 ldquo 8220 rdquo 8221 bdquo 8222 dagger 8224 Dagger 8225 bull 8226 hellip 8230"
            + " permil 8240 prime 8242 Prime 8243 lsaquo 8249 rsaquo 8250 oline 8254 frasl 8260 euro 8364"
            + " image 8465 weierp 8472 real 8476 trade 8482 alefsym 8501 larr 8592 uarr 8593 rarr 8594 darr 8595"
            + " harr 8596 crarr 8629 lArr 8656 uArr 8657 rArr 8658 dArr 8659 hArr 8660 forall 8704 part 8706"
            + " exist 8707 empty 8709 nabla 8711 isin 8712 notin 8713 ni 8715 prod 8719 sum 8721 minus 8722"
            + " lowast 8727 radic 8730 prop 8733 infin 8734 ang 8736 and 8743 or 8744 cap 8745 cup 8746 int 8747"
            + " there4 8756 sim 8764 cong 8773 asymp 8776 ne 8800 equiv 8801 le 8804 ge 8805 sub 8834 sup 8835"
            + " nsub 8836 sube 8838 supe 8839 oplus 8853 otimes 8855 perp 8869 sdot 8901 lceil 8968 rceil 8969"
            + " lfloor 8970 rfloor 8971 lang 9001 rang 9002 loz 9674 spades 9824 clubs 9827 hearts 9829 diams 9830";

    /** The HTML 4 named entities (plus {@code apos}), the set Anki's entity decoder knows. */
    private static final Map<String, Integer> ENTITIES = entities();

    private static Map<String, Integer> entities() {
        Map<String, Integer> entities = new HashMap<>();
        for (int i = 0; i < LATIN_1.length; i++) {
            entities.put(LATIN_1[i], 0xA0 + i);
        }
        for (int i = 0; i < GREEK.length; i++) {
            if (!GREEK[i].equals("-")) {
                entities.put(GREEK[i], 0x391 + i);
                // lower case sits 0x20 higher; the gap at capital 0x3A2 holds final sigma
                entities.put(GREEK[i].toLowerCase(Locale.ROOT), 0x3B1 + i);
            }
        }
        entities.put("sigmaf", 0x3C2);
        String[] pairs = OTHER_ENTITIES.split(" ");
        for (int i = 0; i < pairs.length; i += 2) {
            entities.put(pairs[i], Integer.parseInt(pairs[i + 1]));
        }
        return Map.copyOf(entities);
    }

    private Html() {}

    static boolean isEmptyField(String text) {
        return EMPTY_FIELD.matcher(text).matches();
    }

    /** Anki's {@code strip_html}: drops comments, style and script blocks and tags, then decodes entities. */
    static String stripHtml(String html) {
        return decodeEntities(stripTagsKeepingEntities(html));
    }

    static String stripTagsKeepingEntities(String html) {
        return TAGS.matcher(html).replaceAll("");
    }

    /**
     * Decodes named and numeric entities, turning non-breaking spaces into plain ones. Like Anki (which treats any
     * decoding error this way), text holding a bare {@code &}, an unterminated or an unknown entity is returned as is.
     */
    static String decodeEntities(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            int semicolon = text.indexOf(';', i + 1);
            Integer codePoint = semicolon < 0 ? null : entity(text.substring(i + 1, semicolon));
            if (codePoint == null) {
                return text;
            }
            out.appendCodePoint(codePoint);
            i = semicolon + 1;
        }
        return out.toString().replace('\u00A0', ' ');
    }

    private static Integer entity(String name) {
        if (!name.startsWith("#")) {
            return ENTITIES.get(name);
        }
        boolean hex = name.startsWith("#x") || name.startsWith("#X");
        String digits = name.substring(hex ? 2 : 1);
        int radix = hex ? 16 : 10;
        if (digits.isEmpty() || digits.length() > 8 || !digits.chars().allMatch(ch -> Character.digit(ch, radix) >= 0)) {
            return null;
        }
        int value = Integer.parseInt(digits, radix);
        boolean valid = Character.isValidCodePoint(value) && (value < 0xD800 || value > 0xDFFF);
        return valid ? value : null;
    }

    /** The minimal escaping Anki applies to text (htmlescape's {@code encode_minimal}). */
    static String encodeMinimal(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> appendMinimal(out, (char) c));
        return out.toString();
    }

    /** Attribute escaping as Anki does it: also every other non-alphanumeric Latin-1 character as {@code &#xHH;}. */
    static String encodeAttribute(String text) {
        StringBuilder out = new StringBuilder(text.length() * 2);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean asciiAlphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if ("&<>\"'".indexOf(c) >= 0) {
                appendMinimal(out, c);
            } else if (c < 256 && !asciiAlphanumeric) {
                out.append("&#x").append(String.format("%02X", (int) c)).append(';');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void appendMinimal(StringBuilder out, char c) {
        switch (c) {
            case '&' -> out.append("&amp;");
            case '<' -> out.append("&lt;");
            case '>' -> out.append("&gt;");
            case '"' -> out.append("&quot;");
            case '\'' -> out.append("&#x27;");
            default -> out.append(c);
        }
    }
}
