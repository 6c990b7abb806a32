package org.xrm4j.server.webapi;

import java.io.StringWriter;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.xrm4j.server.metadata.AttributeMetadata;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.OrganizationMetadata;

/**
 * {@code $metadata}: the organization's tables as an OData v4 CSDL document (EDMX XML) in the namespace
 * {@code Microsoft.Dynamics.CRM} (alias {@code mscrm}), as the platform publishes it. Each table is an EntityType
 * derived from the abstract {@code crmbaseentity}, keyed by its primary key, with one Property per column (a lookup
 * as {@code _x_value}, Edm.Guid) and NavigationProperties for its relationships: single-valued ones named like the
 * lookup ({@code x_<table>} for a lookup with several targets) with a ReferentialConstraint, collection-valued ones
 * named by the relationship, each the other's Partner. The container holds an EntitySet per table with its
 * navigation bindings, and the functions and actions the server implements.
 */
final class CsdlWriter {
    private static final String EDMX = "http://docs.oasis-open.org/odata/ns/edmx";
    private static final String EDM = "http://docs.oasis-open.org/odata/ns/edm";
    private static final String NS = "Microsoft.Dynamics.CRM";

    private final OrganizationMetadata metadata;
    private final NavigationProperties navigations;

    private CsdlWriter(OrganizationMetadata metadata) {
        this.metadata = metadata;
        this.navigations = NavigationProperties.of(metadata);
    }

    /** Documents by metadata snapshot: a snapshot never changes, so its document is written once (and dropped with it). */
    private static final Map<OrganizationMetadata, String> DOCUMENTS = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    static String write(OrganizationMetadata metadata) {
        return DOCUMENTS.computeIfAbsent(metadata, m -> new CsdlWriter(m).document());
    }

    private String document() {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("utf-8", "1.0");
            x.writeStartElement("edmx", "Edmx", EDMX);
            x.writeNamespace("edmx", EDMX);
            x.writeAttribute("Version", "4.0");
            x.writeStartElement("edmx", "DataServices", EDMX);
            x.writeStartElement("Schema");
            x.writeDefaultNamespace(EDM);
            x.writeAttribute("Namespace", NS);
            x.writeAttribute("Alias", "mscrm");
            x.writeStartElement("EntityType");
            x.writeAttribute("Name", "crmbaseentity");
            x.writeAttribute("Abstract", "true");
            x.writeEndElement();
            for (EntityMetadata e : metadata.entities()) entityType(x, e);
            CsdlOperations.declarations(x);
            container(x);
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the CSDL document", e);
        }
        return out.toString();
    }

    private void entityType(XMLStreamWriter x, EntityMetadata e) throws XMLStreamException {
        x.writeStartElement("EntityType");
        x.writeAttribute("Name", e.logicalName());
        x.writeAttribute("BaseType", "mscrm.crmbaseentity");
        x.writeStartElement("Key");
        x.writeEmptyElement("PropertyRef");
        x.writeAttribute("Name", e.primaryIdAttribute());
        x.writeEndElement();
        for (AttributeMetadata a : e.attributes().values()) {
            x.writeEmptyElement("Property");
            x.writeAttribute("Name", RecordRenderer.jsonName(a));
            x.writeAttribute("Type", edmType(a));
            if (a.logicalName().equals(e.primaryIdAttribute())) x.writeAttribute("Nullable", "false");
            if ((a.type() == org.xrm4j.server.metadata.AttributeType.String || a.type() == org.xrm4j.server.metadata.AttributeType.Memo)
                    && a.maxLength() > 0) {
                x.writeAttribute("MaxLength", String.valueOf(a.maxLength()));
            }
            if (a.type() == org.xrm4j.server.metadata.AttributeType.Decimal || a.type() == org.xrm4j.server.metadata.AttributeType.Money) {
                x.writeAttribute("Scale", "variable");
            }
        }
        for (NavigationProperties.Navigation n : navigations.of(e.logicalName())) {
            x.writeStartElement("NavigationProperty");
            x.writeAttribute("Name", n.name());
            x.writeAttribute("Type", n.collection() ? "Collection(mscrm." + n.target() + ")" : "mscrm." + n.target());
            if (n.partner() != null) x.writeAttribute("Partner", n.partner());
            if (!n.collection()) {
                x.writeEmptyElement("ReferentialConstraint");
                x.writeAttribute("Property", "_" + n.lookup() + "_value");
                x.writeAttribute("ReferencedProperty", metadata.entity(n.target()).primaryIdAttribute());
            }
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    /** The Edm type of a column as the Web API writes its values (see RecordRenderer). */
    static String edmType(AttributeMetadata a) {
        return switch (a.type()) {
            case String, Memo, EntityName, MultiSelectPicklist -> "Edm.String";
            case Integer, Picklist, State, Status -> "Edm.Int32";
            case BigInt -> "Edm.Int64";
            case Decimal, Money -> "Edm.Decimal";
            case Double -> "Edm.Double";
            case Boolean -> "Edm.Boolean";
            case DateTime -> "Edm.DateTimeOffset";
            case Uniqueidentifier, Lookup, Customer, Owner, File, Image -> "Edm.Guid";
        };
    }

    private void container(XMLStreamWriter x) throws XMLStreamException {
        x.writeStartElement("EntityContainer");
        x.writeAttribute("Name", "System");
        for (EntityMetadata e : metadata.entities()) {
            x.writeStartElement("EntitySet");
            x.writeAttribute("Name", e.entitySetName());
            x.writeAttribute("EntityType", NS + "." + e.logicalName());
            for (NavigationProperties.Navigation n : navigations.of(e.logicalName())) {
                x.writeEmptyElement("NavigationPropertyBinding");
                x.writeAttribute("Path", n.name());
                x.writeAttribute("Target", metadata.entity(n.target()).entitySetName());
            }
            x.writeEndElement();
        }
        CsdlOperations.imports(x);
        x.writeEndElement();
    }
}
