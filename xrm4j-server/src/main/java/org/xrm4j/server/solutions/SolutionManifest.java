package org.xrm4j.server.solutions;

import java.util.Locale;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;

/** What solution.xml says about a solution and its publisher. */
public record SolutionManifest(String uniqueName, String friendlyName, String version, boolean managed, Publisher publisher) {

    /** The publisher: its customization prefix names new components, its option value prefix numbers new options. */
    public record Publisher(String uniqueName, String friendlyName, String prefix, int optionValuePrefix) {}

    static SolutionManifest read(byte[] solutionXml) {
        XmlElement root = XmlElement.parse(solutionXml, "solution.xml");
        XmlElement m = root.child("SolutionManifest");
        if (m == null || m.childText("UniqueName") == null) throw SolutionFiles.invalid("solution.xml has no SolutionManifest/UniqueName.");
        String name = m.childText("UniqueName");
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]{0,64}")) {
            throw new FaultException(ErrorCodes.InvalidSolutionUniqueName, "The solution unique name '" + name + "' is not"
                    + " valid: it may contain only letters, digits and underscores, and must start with a letter or an underscore.");
        }
        XmlElement p = m.child("Publisher");
        if (p == null || p.childText("UniqueName") == null) throw SolutionFiles.invalid("solution.xml has no Publisher/UniqueName.");
        String prefix = p.childText("CustomizationPrefix");
        String optionPrefix = p.childText("CustomizationOptionValuePrefix");
        Publisher publisher = new Publisher(p.childText("UniqueName"), orElse(p.label("LocalizedNames"), p.childText("UniqueName")),
                prefix == null ? null : prefix.toLowerCase(Locale.ROOT), optionPrefix == null ? 0 : Integer.parseInt(optionPrefix));
        String version = orElse(m.childText("Version"), "1.0.0.0");
        return new SolutionManifest(name, orElse(m.label("LocalizedNames"), name), version, "1".equals(m.childText("Managed")), publisher);
    }

    private static String orElse(String v, String fallback) { return v == null || v.isBlank() ? fallback : v; }
}
