package io.ankirag.domain.template.render;

import java.util.List;

/** A parsed card template: literal text, field replacements and conditional sections. */
sealed interface Node {

    record Text(String text) implements Node {}

    /** {@code {{a:b:Field}}}; {@code filters} are in the order they apply, right to left: [b, a]. */
    record Field(String name, List<String> filters) implements Node {}

    /** {@code {{#Field}}...{{/Field}}}, or {@code {{^Field}}...{{/Field}}} when {@code inverted}. */
    record Section(String field, boolean inverted, List<Node> children) implements Node {}
}
