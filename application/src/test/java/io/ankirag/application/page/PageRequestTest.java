package io.ankirag.application.page;

import static io.ankirag.application.fakes.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.ankirag.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageRequestTest {

    @Test
    void firstPageStartsAtOffsetZero() {
        assertThat(new PageRequest(1, 20).offset()).isZero();
    }

    @Test
    void offsetSkipsTheEarlierPages() {
        assertThat(new PageRequest(3, 25).offset()).isEqualTo(50);
    }

    @Test
    void offsetDoesNotOverflowForHugePageNumbers() {
        assertThat(new PageRequest(Integer.MAX_VALUE, 100).offset()).isEqualTo((Integer.MAX_VALUE - 1L) * 100);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void rejectsPageBelowOne(int page) {
        assertThat(refusalOf(() -> new PageRequest(page, 20)).code()).isEqualTo(ErrorCode.REQ_002);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -5, 101, 1000})
    void rejectsSizeOutsideOneToHundred(int size) {
        assertThat(refusalOf(() -> new PageRequest(1, size)).code()).isEqualTo(ErrorCode.REQ_002);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 20, 100})
    void acceptsSizesFromOneToHundred(int size) {
        assertThat(new PageRequest(1, size).size()).isEqualTo(size);
    }

    @Test
    void defaultSizeIsAValidSize() {
        assertThat(new PageRequest(1, PageRequest.DEFAULT_SIZE).size()).isEqualTo(20);
    }
}
