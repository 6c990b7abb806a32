package org.xrm4j.cli;

class LoadCommandPostgresTest extends LoadCommandContract {
    @Override String database() { return "postgresql"; }
}
