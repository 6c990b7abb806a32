package org.xrm4j.server.webapi;

class WebApiMetadataWritesH2Test extends WebApiMetadataWritesContract {
    @Override String database() { return "h2"; }
}
