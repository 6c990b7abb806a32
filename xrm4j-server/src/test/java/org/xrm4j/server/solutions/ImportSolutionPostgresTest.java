package org.xrm4j.server.solutions;

class ImportSolutionPostgresTest extends ImportSolutionContract {
    @Override String database() { return "postgresql"; }
}
