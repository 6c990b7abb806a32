package org.xrm4j.sdk;

/**
 * One entry of the {@link ErrorCodes} catalogue: the SDK's name, the numeric code a fault carries, the HTTP status the
 * SDK protocol answers it with, and the platform's default message.
 */
public record ErrorCode(String name, int code, int httpStatus, String message) {
    /** The code as Dataverse writes it in the Web API: {@code 0x80040217}. */
    public String hex() { return String.format("0x%08X", code).replace("0X", "0x"); }
}
