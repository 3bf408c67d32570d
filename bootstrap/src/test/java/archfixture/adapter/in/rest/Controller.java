package archfixture.adapter.in.rest;

import archfixture.adapter.out.llm.LlmClient;

/** Breaks: one adapter calling another directly. */
public class Controller {

    public Object call() {
        return new LlmClient();
    }
}
