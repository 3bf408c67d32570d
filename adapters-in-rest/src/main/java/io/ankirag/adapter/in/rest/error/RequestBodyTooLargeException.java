package io.ankirag.adapter.in.rest.error;

import java.io.IOException;

/** Raised while reading a body that grows past the limit; an IOException so that body readers pass it on. */
public class RequestBodyTooLargeException extends IOException {

    public RequestBodyTooLargeException(long limit) {
        super("request body is larger than " + limit + " bytes");
    }
}
