package org.xrm4j.server.solutions;

class ImportSolutionH2Test extends ImportSolutionContract {
    @Override String database() { return "h2"; }
}
