package archfixture.application.port.out;

import archfixture.adapter.in.rest.Controller;

/** Breaks: an out port that is a class, not named *Port, and depends on an adapter and on Jackson. */
public class SaveThings {

    public Object save(com.fasterxml.jackson.databind.ObjectMapper json) {
        return new Controller();
    }
}
