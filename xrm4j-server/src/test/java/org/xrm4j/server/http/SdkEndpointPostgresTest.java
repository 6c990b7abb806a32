package org.xrm4j.server.http;

class SdkEndpointPostgresTest extends SdkEndpointContract {
    @Override String database() { return "postgresql"; }
}
