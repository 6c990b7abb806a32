package org.xrm4j.server.solutions;

/** Solution versions ({@code major.minor.build.revision}) compared part by part, as numbers. */
final class SolutionVersions {
    private SolutionVersions() {}

    /** Negative, zero or positive as {@code a} is lower than, equal to or higher than {@code b}. */
    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? part(x[i]) : 0;
            long q = i < y.length ? part(y[i]) : 0;
            if (p != q) return Long.compare(p, q);
        }
        return 0;
    }

    private static long part(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
