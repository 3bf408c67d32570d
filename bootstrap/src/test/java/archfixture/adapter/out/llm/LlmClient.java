package archfixture.adapter.out.llm;

import archfixture.adapter.in.rest.Controller;

/** Breaks: depends back on the REST adapter, closing a cycle between adapters. */
public class LlmClient {

    public Class<?> owner() {
        return Controller.class;
    }
}
