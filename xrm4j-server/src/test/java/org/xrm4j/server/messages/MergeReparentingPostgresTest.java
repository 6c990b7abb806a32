package org.xrm4j.server.messages;

class MergeReparentingPostgresTest extends MergeReparentingContract {
    @Override String database() { return "postgresql"; }
}
