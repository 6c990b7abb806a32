package org.xrm4j.server.webapi;

class WebApiNodeFilesH2Test extends WebApiNodeFilesContract {
    @Override String database() { return "h2"; }
}
