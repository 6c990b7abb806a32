package org.xrm4j.server.store;

/** A database failure that is no client's fault; the engine answers it as an unexpected fault. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) { super(message, cause); }
}
