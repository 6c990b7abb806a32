package org.xrm4j.server.http;

class JavaClientPostgresTest extends JavaClientContract {
    @Override String database() { return "postgresql"; }
}
