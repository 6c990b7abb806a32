package org.xrm4j.server.webapi;

class WebApiMetadataH2Test extends WebApiMetadataContract {
    @Override String database() { return "h2"; }
}
