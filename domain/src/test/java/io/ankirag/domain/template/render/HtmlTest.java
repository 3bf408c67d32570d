package io.ankirag.domain.template.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void decodesNamedEntitiesFromLatin1GreekAndSymbols() {
        assertThat(Html.decodeEntities("&yuml;&Eacute;&Omega;&sigmaf;&omega;&hearts;&mdash;&apos;&lt;&gt;"))
                .isEqualTo("ÿÉΩςω♥—'<>");
    }

    @Test
    void decodesNumericEntitiesAndTurnsNonBreakingSpacesIntoSpaces() {
        assertThat(Html.decodeEntities("&#65;&#x42;&#X43;&nbsp;&#128512;")).isEqualTo("ABC 😀");
    }

    @Test
    void leavesTheWholeTextAloneWhenAnyEntityIsMalformedOrUnknown() {
        assertThat(Html.decodeEntities("&lt; &bogus;")).isEqualTo("&lt; &bogus;");
        assertThat(Html.decodeEntities("&lt; &#xZZ;")).isEqualTo("&lt; &#xZZ;");
        assertThat(Html.decodeEntities("&lt; &")).isEqualTo("&lt; &");
    }

    @Test
    void encodesAttributesTheWayAnkisHtmlEscapeDoes() {
        assertThat(Html.encodeAttribute("\"No\", he said é ✓"))
                .isEqualTo("&quot;No&quot;&#x2C;&#x20;he&#x20;said&#x20;&#xE9;&#x20;✓");
    }
}
