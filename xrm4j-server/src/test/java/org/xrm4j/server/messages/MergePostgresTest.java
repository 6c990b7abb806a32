package org.xrm4j.server.messages;

class MergePostgresTest extends MergeContract {
    @Override String database() { return "postgresql"; }
}
