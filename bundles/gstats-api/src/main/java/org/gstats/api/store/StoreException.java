package org.gstats.api.store;

/** The store cannot be read or written; the message is one line for the user. */
public class StoreException extends Exception {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
