package org.xrm4j.server.webapi;

class WebApiFilesH2Test extends WebApiFilesContract {
    @Override String database() { return "h2"; }
}
