package io.ankirag.adapter.out.llm.call;

import java.time.Duration;

/**
 * What a successful call returned, with how many attempts it took and how long the successful one lasted.
 */
public record Attempted<T>(T value, int attempts, Duration latency) {
}
