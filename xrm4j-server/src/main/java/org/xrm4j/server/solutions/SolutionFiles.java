package org.xrm4j.server.solutions;

import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;

/** A solution file read and parsed: its manifest and its customizations, before anything is installed. */
public record SolutionFiles(SolutionManifest manifest, Customizations customizations) {

    /** Reads the zip bytes; every problem with the file is the fault ImportCustomizationsBadZipFileError. */
    public static SolutionFiles read(byte[] zip) {
        SolutionZip z = SolutionZip.read(zip);
        try {
            return new SolutionFiles(SolutionManifest.read(z.solutionXml()), CustomizationsReader.read(z.customizationsXml()));
        } catch (NumberFormatException e) {
            throw invalid("a number in the solution is not valid (" + e.getMessage() + ").");
        }
    }

    static FaultException invalid(String why) {
        return new FaultException(ErrorCodes.ImportCustomizationsBadZipFileError, "The solution file is invalid: " + why);
    }
}
