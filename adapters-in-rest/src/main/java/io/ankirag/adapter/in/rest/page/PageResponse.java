package io.ankirag.adapter.in.rest.page;

import io.ankirag.application.page.Page;
import java.util.List;
import java.util.function.Function;

/** The one list envelope of the API: 1-based {@code page}, {@code size} per page, {@code pages} in all. */
public record PageResponse<T>(List<T> items, long total, int page, int size, int pages) {

    public static <S, T> PageResponse<T> of(Page<S> page, Function<? super S, ? extends T> mapper) {
        Page<T> mapped = page.map(mapper);
        return new PageResponse<>(mapped.items(), mapped.total(), mapped.page(), mapped.size(), mapped.pages());
    }
}
