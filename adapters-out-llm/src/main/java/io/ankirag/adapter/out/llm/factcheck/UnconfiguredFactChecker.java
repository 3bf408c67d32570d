package io.ankirag.adapter.out.llm.factcheck;

import io.ankirag.application.port.out.llm.FactCheckPort;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;

/** Fact-checking when a setting it needs is missing: the application starts, and each check says what to set. */
record UnconfiguredFactChecker(String missingSetting) implements FactCheckPort {

    @Override
    public FactCheckResult check(String claim, String language) {
        throw new DomainException(ErrorCode.GEN_001,
                "Fact-checking is not configured: " + missingSetting + " is not set");
    }
}
