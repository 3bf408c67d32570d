package io.ankirag.adapter.out.llm.call;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * An answer body that may keep a reader waiting at most {@code timeout} for its next bytes. The JDK's request
 * timeout stops at the response headers; a provider that sends them and then goes quiet (a stalled stream, a hung
 * proxy) would otherwise block the caller for ever. Only time spent blocked in {@code read} counts, so a slow
 * consumer of a stream is never mistaken for a silent provider.
 *
 * <p>A watchdog closes the stream when a read has waited too long; the blocked read then fails with
 * {@link HttpTimeoutException} rather than a bare "closed".
 */
final class IdleTimeoutInputStream extends FilterInputStream {

    private final long timeoutNanos;
    private final Duration timeout;
    private final Thread watchdog;
    private volatile long readingSince;
    private volatile boolean timedOut;
    private volatile boolean closed;

    IdleTimeoutInputStream(InputStream in, Duration timeout) {
        super(in);
        this.timeout = timeout;
        this.timeoutNanos = timeout.toNanos();
        this.watchdog = Thread.ofVirtual().name("llm-read-watchdog").start(this::watch);
    }

    private void watch() {
        while (!closed) {
            long since = readingSince;
            long waited = since == 0 ? 0 : System.nanoTime() - since;
            if (since != 0 && waited >= timeoutNanos) {
                timedOut = true;
                closeQuietly();
                return;
            }
            try {
                Thread.sleep(Duration.ofNanos(Math.max(timeoutNanos - waited, 1_000_000)));
            } catch (InterruptedException stopped) {
                return;
            }
        }
    }

    @Override
    public int read() throws IOException {
        readingSince = System.nanoTime();
        try {
            return super.read();
        } catch (IOException e) {
            throw translated(e);
        } finally {
            readingSince = 0;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        readingSince = System.nanoTime();
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            throw translated(e);
        } finally {
            readingSince = 0;
        }
    }

    private IOException translated(IOException e) {
        if (!timedOut) {
            return e;
        }
        HttpTimeoutException silent = new HttpTimeoutException(
                "no data for " + timeout.toMillis() + " ms while reading the answer");
        silent.initCause(e);
        return silent;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        watchdog.interrupt();
        super.close();
    }

    private void closeQuietly() {
        try {
            super.close();
        } catch (IOException ignored) {
            // Closing is how the blocked read is woken; a failure to close changes nothing about the timeout.
        }
    }
}
