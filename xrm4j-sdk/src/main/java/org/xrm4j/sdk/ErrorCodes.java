package org.xrm4j.sdk;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one catalogue of fault codes. Names and numbers are the platform's own where it documents them; the few
 * codes xrm4j had to choose (where no document names one) are marked as such.
 */
public final class ErrorCodes {
    private static final Map<Integer, ErrorCode> BY_CODE = new LinkedHashMap<>();

    public static final ErrorCode ObjectDoesNotExist = def("ObjectDoesNotExist", 0x80040217, 404, "The specified object was not found.");
    public static final ErrorCode DuplicateRecord = def("DuplicateRecord", 0x80040237, 412, "Operation failed due to a SQL integrity violation.");
    public static final ErrorCode DuplicateRecordEntityKey = def("DuplicateRecordEntityKey", 0x80060892, 412, "A record with the same key values already exists.");
    public static final ErrorCode ObjectAlreadyExists = def("ObjectAlreadyExists", 0x8004E30A, 412, "An object with this id already exists.");
    public static final ErrorCode InvalidArgument = def("InvalidArgument", 0x80040203, 400, "Invalid argument.");
    public static final ErrorCode RequiredFieldMissing = def("RequiredFieldMissing", 0x80040200, 400, "A required field is missing.");
    public static final ErrorCode PrivilegeDenied = def("PrivilegeDenied", 0x80040220, 403, "The user does not hold the necessary privileges.");
    public static final ErrorCode PrincipalPrivilegeDenied = def("PrincipalPrivilegeDenied", 0x80040231, 403, "Target user or team does not hold required privileges.");
    public static final ErrorCode InvalidUserAuth = def("InvalidUserAuth", 0x80040204, 401, "The caller could not be authenticated.");
    public static final ErrorCode CannotActOnBehalfOfAnotherUser = def("CannotActOnBehalfOfAnotherUser", 0x8004A110, 403, "User does not have the privilege to act on behalf another user.");
    public static final ErrorCode InvalidCallerId = def("InvalidCallerId", 0x80048D1A, 400, "CallerId provided for impersonation is invalid.");
    public static final ErrorCode NotSupported = def("NotSupported", 0x80040315, 400, "This action is not supported.");
    public static final ErrorCode NotImplemented = def("NotImplemented", 0x80040219, 501, "The requested functionality is not yet implemented.");
    public static final ErrorCode UnExpected = def("UnExpected", 0x80040216, 500, "An unexpected error occurred.");
    public static final ErrorCode CannotDeleteDueToAssociation = def("CannotDeleteDueToAssociation", 0x80040227, 400, "The object you tried to delete is associated with another object and cannot be deleted.");
    public static final ErrorCode InvalidState = def("InvalidState", 0x80040233, 400, "The object is not in a valid state to perform this operation.");
    public static final ErrorCode Validation = def("Validation", 0x80044331, 400, "A validation error occurred.");
    public static final ErrorCode QueryBuilderNoEntity = def("QueryBuilderNoEntity", 0x80041102, 400, "The specified entity does not exist.");
    public static final ErrorCode QueryBuilderNoAttribute = def("QueryBuilderNoAttribute", 0x80041103, 400, "The specified attribute does not exist on this entity.");
    public static final ErrorCode QueryBuilderInvalidConditionOperator = def("QueryBuilderInvalidConditionOperator", 0x80041104, 400, "The condition operator is not valid for this query.");
    public static final ErrorCode InvalidFetchXml = def("InvalidFetchXml", 0x80041108, 400, "The FetchXML query is not valid.");
    public static final ErrorCode ConcurrencyVersionMismatch = def("ConcurrencyVersionMismatch", 0x80060882, 412, "The version of the existing record doesn't match the RowVersion property provided.");
    // 0x80060883 is the value most sources give ConcurrencyVersionNotProvided; others swap it with OptimisticConcurrencyNotEnabled.
    public static final ErrorCode ConcurrencyVersionNotProvided = def("ConcurrencyVersionNotProvided", 0x80060883, 400, "The RowVersion property must be provided when the value of ConcurrencyBehavior is IfVersionMatches.");
    public static final ErrorCode IsvAborted = def("IsvAborted", 0x80040265, 400, "ISV code aborted the operation.");
    public static final ErrorCode IsvUnExpected = def("IsvUnExpected", 0x80040224, 500, "An unexpected error occurred from ISV code.");
    public static final ErrorCode TransactionAborted = def("TransactionAborted", 0x80040255, 500, "The transaction was aborted.");
    public static final ErrorCode SdkCorrelationTokenDepthTooHigh = def("SdkCorrelationTokenDepthTooHigh", 0x80044182, 400, "This operation was canceled because it included an infinite loop: the call depth exceeded the maximum.");
    public static final ErrorCode SdkEntityDoesNotSupportMessage = def("SdkEntityDoesNotSupportMessage", 0x80040800, 400, "The method being invoked does not support provided entity type.");
    public static final ErrorCode ThrottlingBurstRequestLimitExceededError = def("ThrottlingBurstRequestLimitExceededError", 0x80072322, 429, "Number of requests exceeded the limit over the time window.");
    public static final ErrorCode ThrottlingTimeExceededError = def("ThrottlingTimeExceededError", 0x80072321, 429, "Combined execution time of incoming requests exceeded the limit over the time window.");
    public static final ErrorCode ThrottlingConcurrencyLimitExceededError = def("ThrottlingConcurrencyLimitExceededError", 0x80072326, 429, "Number of concurrent requests exceeded the limit.");
    public static final ErrorCode AccessDenied = def("AccessDenied", 0x80048405, 403, "Access is denied.");
    public static final ErrorCode SolutionConcurrencyFailure = def("SolutionConcurrencyFailure", 0x80071151, 400, "The solution installation or removal failed due to the installation or removal of another solution at the same time.");
    public static final ErrorCode DuplicatedJobId = def("DuplicatedJobId", 0x80071152, 400, "Parameter ImportJobId must be unique.");
    public static final ErrorCode ImportCustomizationsBadZipFileError = def("ImportCustomizationsBadZipFileError", 0x80048060, 400, "The solution file is invalid. The compressed file must contain the following files at its root: solution.xml, customizations.xml, and [Content_Types].xml.");
    public static final ErrorCode ImportDependencySolutionError = def("ImportDependencySolutionError", 0x80048034, 400, "The solution requires solutions that are not currently installed.");
    public static final ErrorCode ImportSolutionManagedError = def("ImportSolutionManagedError", 0x80048038, 400, "The solution already exists in this system as managed and cannot be upgraded.");
    public static final ErrorCode ImportSolutionManagedToUnmanagedMismatch = def("ImportSolutionManagedToUnmanagedMismatch", 0x80048040, 400, "The solution is already installed as managed; an unmanaged version cannot be imported over it.");
    public static final ErrorCode ImportSolutionUnmanagedToManagedMismatch = def("ImportSolutionUnmanagedToManagedMismatch", 0x80048041, 400, "The solution is already installed as unmanaged; a managed version cannot be imported over it.");
    public static final ErrorCode PendingUpgradeExists = def("PendingUpgradeExists", 0x8004F086, 400, "This solution has a pending upgrade. Please complete the upgrade before proceeding.");
    public static final ErrorCode SolutionUpgradeFailed = def("SolutionUpgradeFailed", 0x8004F046, 400, "The solution upgrade failed.");
    public static final ErrorCode SolutionUpgradeNotAvailable = def("SolutionUpgradeNotAvailable", 0x8004853B, 400, "The solution doesn't have an upgrade that is ready to be applied.");
    public static final ErrorCode InvalidSolutionUniqueName = def("InvalidSolutionUniqueName", 0x8004F002, 400, "The solution unique name is not valid.");

    // Codes no Microsoft document names; chosen by xrm4j.
    /** A request body over the configured size limit. */
    public static final ErrorCode RequestTooLarge = def("RequestTooLarge", 0x80048D25, 413, "The request is larger than the server accepts.");
    /** The server cannot take more work right now (database pool exhausted, per-organization concurrency limit). */
    public static final ErrorCode ServerBusy = def("ServerBusy", 0x8004A001, 503, "Server Busy: the server is too busy to process the request. Retry it later.");
    /** A URL that names an organization this server does not have. */
    public static final ErrorCode OrganizationNotFound = def("OrganizationNotFound", 0x8004A002, 404, "The organization was not found.");
    public static final ErrorCode ResourceNotFound = def("ResourceNotFound", 0x80060888, 404, "Resource not found for the segment.");

    private ErrorCodes() {}

    private static ErrorCode def(String name, int code, int httpStatus, String message) {
        ErrorCode c = new ErrorCode(name, code, httpStatus, message);
        if (BY_CODE.putIfAbsent(code, c) != null) throw new IllegalStateException("duplicate error code " + name);
        return c;
    }

    /** The catalogue entry for a numeric code, or {@link #UnExpected} for a code the catalogue does not hold. */
    public static ErrorCode forCode(int code) { return BY_CODE.getOrDefault(code, UnExpected); }

    public static boolean isCatalogued(int code) { return BY_CODE.containsKey(code); }

    public static Collection<ErrorCode> all() { return BY_CODE.values(); }
}
