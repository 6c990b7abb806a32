package org.xrm4j.server.solutions;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;

/**
 * Reads a solution file (a zip) defensively: the request body is untrusted, so entry names that climb out of the
 * archive ({@code ..}, absolute paths, drive letters) are refused, and entry count, entry size, total size and
 * compression ratio are bounded so that a small zip cannot inflate into gigabytes. Only the three root files the
 * import needs are kept in memory; other entries (web resources, workflows) are read through to enforce the limits.
 */
public final class SolutionZip {
    static final int MAX_ENTRIES = 10_000;
    static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 256L * 1024 * 1024;
    /** Uncompressed size over the zip's own size; real solution files stay far below this. */
    static final long MAX_RATIO = 200;

    public static final String SOLUTION = "solution.xml";
    public static final String CUSTOMIZATIONS = "customizations.xml";
    public static final String CONTENT_TYPES = "[content_types].xml";

    private final Map<String, byte[]> rootFiles;

    private SolutionZip(Map<String, byte[]> rootFiles) { this.rootFiles = rootFiles; }

    public byte[] solutionXml() { return rootFiles.get(SOLUTION); }

    public byte[] customizationsXml() { return rootFiles.get(CUSTOMIZATIONS); }

    /** Reads the archive, or faults with ImportCustomizationsBadZipFileError before anything is installed. */
    public static SolutionZip read(byte[] zip) {
        if (zip == null || zip.length == 0) throw bad("the file is empty.");
        Map<String, byte[]> root = new HashMap<>();
        long total = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) throw bad("it has more than " + MAX_ENTRIES + " entries.");
                String name = e.getName();
                checkName(name);
                String key = name.toLowerCase(Locale.ROOT);
                boolean keep = !e.isDirectory() && (key.equals(SOLUTION) || key.equals(CUSTOMIZATIONS) || key.equals(CONTENT_TYPES));
                long size = copy(in, keep ? new ByteArrayOutputStream() : null, name, root, key);
                total += size;
                if (total > MAX_TOTAL_BYTES || total > Math.max(1L, zip.length) * MAX_RATIO) {
                    throw bad("it expands to more than its size allows (" + total + " bytes so far).");
                }
            }
        } catch (IOException ex) {
            throw bad("it is not a readable zip archive (" + ex.getMessage() + ").");
        } catch (IllegalArgumentException ex) {
            throw bad("an entry name is not valid (" + ex.getMessage() + ").");
        }
        if (!root.containsKey(SOLUTION) || !root.containsKey(CUSTOMIZATIONS) || !root.containsKey(CONTENT_TYPES)) {
            throw new FaultException(ErrorCodes.ImportCustomizationsBadZipFileError, "The solution file is invalid. The"
                    + " compressed file must contain the following files at its root: solution.xml, customizations.xml,"
                    + " and [Content_Types].xml. Found at the root: " + root.keySet() + ".");
        }
        return new SolutionZip(root);
    }

    private static long copy(InputStream in, ByteArrayOutputStream out, String name, Map<String, byte[]> root, String key)
            throws IOException {
        byte[] buf = new byte[8192];
        long size = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            size += n;
            if (size > MAX_ENTRY_BYTES) throw bad("the entry " + name + " is larger than " + MAX_ENTRY_BYTES + " bytes.");
            if (out != null) out.write(buf, 0, n);
        }
        if (out != null) {
            if (root.put(key, out.toByteArray()) != null) throw bad("the entry " + name + " appears twice.");
        }
        return size;
    }

    /** Entry names must stay inside the archive: no parent steps, no absolute or drive-qualified paths. */
    static void checkName(String name) {
        String n = name.replace('\\', '/');
        boolean climbs = n.equals("..") || n.startsWith("../") || n.endsWith("/..") || n.contains("/../");
        if (n.isEmpty() || n.startsWith("/") || climbs || (n.length() > 1 && n.charAt(1) == ':') || n.indexOf('\0') >= 0) {
            throw bad("the entry name '" + name + "' points outside the archive.");
        }
    }

    private static FaultException bad(String why) {
        return new FaultException(ErrorCodes.ImportCustomizationsBadZipFileError, "The solution file is invalid: " + why);
    }
}
