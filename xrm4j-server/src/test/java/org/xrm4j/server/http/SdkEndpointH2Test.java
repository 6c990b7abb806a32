package org.xrm4j.server.http;

class SdkEndpointH2Test extends SdkEndpointContract {
    @Override String database() { return "h2"; }
}
