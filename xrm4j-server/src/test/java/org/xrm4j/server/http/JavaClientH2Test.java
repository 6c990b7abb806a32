package org.xrm4j.server.http;

class JavaClientH2Test extends JavaClientContract {
    @Override String database() { return "h2"; }
}
