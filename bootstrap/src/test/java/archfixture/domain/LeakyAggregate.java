package archfixture.domain;

import archfixture.adapter.out.llm.LlmClient;
import archfixture.bootstrap.Wiring;

/** Breaks: uses Spring, an adapter and bootstrap from the domain. */
@org.springframework.stereotype.Component
public class LeakyAggregate {

    public Object leak() {
        return new Object[] {new LlmClient(), new Wiring()};
    }
}
