package io.ankirag.application.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void countsPagesRoundingUp() {
        assertThat(new Page<>(List.of(), 5, 1, 2).pages()).isEqualTo(3);
        assertThat(new Page<>(List.of(), 4, 1, 2).pages()).isEqualTo(2);
        assertThat(new Page<>(List.of(), 1, 1, 100).pages()).isEqualTo(1);
    }

    @Test
    void noResultsMeansNoPages() {
        assertThat(new Page<>(List.of(), 0, 1, 20).pages()).isZero();
    }

    @Test
    void mapTransformsItemsAndKeepsThePosition() {
        Page<String> mapped = new Page<>(List.of(1, 2), 12, 3, 2).map(i -> "#" + i);

        assertThat(mapped).isEqualTo(new Page<>(List.of("#1", "#2"), 12, 3, 2));
    }

    @Test
    void itemsAreAnImmutableCopy() {
        List<String> source = new ArrayList<>(List.of("a"));
        Page<String> page = new Page<>(source, 1, 1, 20);

        source.add("b");

        assertThat(page.items()).containsExactly("a");
        assertThatThrownBy(() -> page.items().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }
}
