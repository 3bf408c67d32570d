package io.ankirag.application.sync;

import java.time.Duration;
import java.util.Objects;

/**
 * @param inlineMaxBytes uploads up to this size are imported at once, larger ones as jobs
 *                       ({@code SYNC_IMPORT_INLINE_MAX_BYTES})
 * @param lease          how long a claimed job stays its worker's without a renewal; a dead instance's job is
 *                       taken up again after it
 * @param maxAttempts    starts of a job before it fails for good ({@code SYNC_IMPORT_MAX_ATTEMPTS})
 * @param retryDelay     how long a job waits after a failed attempt, times the attempts so far
 */
public record ImportJobSettings(long inlineMaxBytes, Duration lease, int maxAttempts, Duration retryDelay) {

    public ImportJobSettings {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(retryDelay, "retryDelay");
        if (inlineMaxBytes < 0 || maxAttempts < 1 || lease.isNegative() || lease.isZero() || retryDelay.isNegative()) {
            throw new IllegalArgumentException("import job settings out of range");
        }
    }
}
