package io.ankirag.adapter.out.anki.apkg;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Hands every byte that really came out of {@code in} to a budget, which throws once a limit is passed: sizes in
 * zip headers and zstd frames are claims, these counts are facts.
 */
class CountingInputStream extends FilterInputStream {

    private final Budget budget;
    private long count;

    CountingInputStream(InputStream in, Budget budget) {
        super(in);
        this.budget = budget;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        } else {
            ended();
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        } else if (n < 0) {
            ended();
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes are inflated too: read them so they count.
        return Math.max(0, read(new byte[(int) Math.clamp(n, 0, 8192)]));
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Called once the stream is exhausted; a subclass may check what it saw. */
    void ended() throws IOException {
    }

    private void counted(int n) {
        count += n;
        budget.charge(n, count);
    }

    @FunctionalInterface
    interface Budget {

        /** @throws io.ankirag.domain.error.DomainException {@code SYNC_002} once a limit is passed */
        void charge(long added, long streamTotal);
    }
}
