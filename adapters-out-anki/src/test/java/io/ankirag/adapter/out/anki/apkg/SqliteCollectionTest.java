package io.ankirag.adapter.out.anki.apkg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqliteCollectionTest {

    @Test
    void splitsTagsOnAnyRunOfWhitespaceAsAnkiWritesThem() {
        assertThat(SqliteCollection.tags(" easy interval ")).containsExactly("easy", "interval");
        assertThat(SqliteCollection.tags("a\tb\n\nc  d")).containsExactly("a", "b", "c", "d");
        assertThat(SqliteCollection.tags("Ch.16::Courts ünïcode")).containsExactly("Ch.16::Courts", "ünïcode");
        assertThat(SqliteCollection.tags("   ")).isEmpty();
        assertThat(SqliteCollection.tags("")).isEmpty();
        assertThat(SqliteCollection.tags(null)).isEmpty();
    }
}
