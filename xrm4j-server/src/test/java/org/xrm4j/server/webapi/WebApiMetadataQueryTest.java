package org.xrm4j.server.webapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.OrganizationMetadata;
import org.xrm4j.server.metadata.RelationshipMetadata;
import org.xrm4j.server.metadata.SystemEntities;
import tools.jackson.databind.node.ObjectNode;

/** The parsing of metadata paths and query options, and the navigation names of the CSDL, without a server. */
class WebApiMetadataQueryTest {
    @Test void pathsWithKeysNavigationsAndCasts() {
        MetadataPath p = MetadataPath.parse("EntityDefinitions(LogicalName='account')/Attributes(LogicalName='name')/Microsoft.Dynamics.CRM.StringAttributeMetadata");
        assertThat(p.set()).isEqualTo("EntityDefinitions");
        assertThat(p.key().property()).isEqualTo("LogicalName");
        assertThat(p.key().name()).isEqualTo("account");
        assertThat(p.navigation()).isEqualTo("Attributes");
        assertThat(p.navigationKey().name()).isEqualTo("name");
        assertThat(p.cast()).isEqualTo("StringAttributeMetadata");
        UUID id = UUID.randomUUID();
        assertThat(MetadataPath.parse("EntityDefinitions({" + id + "})").key().id()).isEqualTo(id);
        assertThat(MetadataPath.parse("RelationshipDefinitions/Microsoft.Dynamics.CRM.OneToManyRelationshipMetadata").cast())
                .isEqualTo("OneToManyRelationshipMetadata");
        assertThatThrownBy(() -> MetadataPath.parse("EntityDefinitions(LogicalName='a')/Nope")).isInstanceOf(FaultException.class);
        assertThatThrownBy(() -> MetadataPath.parse("EntityDefinitions(not a key)")).isInstanceOf(FaultException.class);
    }

    @Test void expandWithNestedOptionsQuotesAndParentheses() {
        MetadataQuery q = MetadataQuery.parse("$select=LogicalName&$expand=Attributes($select=LogicalName,AttributeType;"
                + "$filter=" + WebApiContract.filter("(LogicalName eq 'a;b)' or AttributeType eq 'Money')") + "),OneToManyRelationships");
        assertThat(q.select()).containsExactly("LogicalName");
        assertThat(q.expand()).containsOnlyKeys("Attributes", "OneToManyRelationships");
        MetadataQuery attributes = q.expanded("Attributes");
        assertThat(attributes.select()).containsExactly("LogicalName", "AttributeType");
        ObjectNode money = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("LogicalName", "revenue").put("AttributeType", "Money");
        ObjectNode odd = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("LogicalName", "A;B)").put("AttributeType", "String");
        ObjectNode other = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("LogicalName", "name").put("AttributeType", "String");
        assertThat(attributes.matches(money)).isTrue();
        assertThat(attributes.matches(odd)).as("text compares case-insensitively").isTrue();
        assertThat(attributes.matches(other)).isFalse();
        assertThat(attributes.project(money).propertyNames()).containsExactlyInAnyOrder("LogicalName", "AttributeType", "MetadataId");
        assertThatThrownBy(() -> MetadataQuery.parse("$top=1")).isInstanceOf(FaultException.class);
    }

    @Test void managedPropertiesCompareByTheirValue() {
        MetadataQuery q = MetadataQuery.parse("$filter=" + WebApiContract.filter("RequiredLevel eq 'SystemRequired' and IsPrimaryId eq false"));
        ObjectNode a = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("IsPrimaryId", false);
        a.putObject("RequiredLevel").put("Value", "SystemRequired");
        assertThat(q.matches(a)).isTrue();
        a.put("IsPrimaryId", true);
        assertThat(q.matches(a)).isFalse();
    }

    /** Navigation names are unique per type, even for a table related to itself many-to-many, and partners point back. */
    @Test void csdlNavigationNamesAreUniqueAndPartnersResolve() throws Exception {
        OrganizationMetadata system = SystemEntities.metadata();
        List<RelationshipMetadata> relationships = new ArrayList<>(system.relationships());
        relationships.add(RelationshipMetadata.manyToMany("contact_peers", "contact", "contactidone", "contact", "contactidtwo", "contact_peers"));
        OrganizationMetadata metadata = new OrganizationMetadata(new ArrayList<EntityMetadata>(system.entities()), relationships);
        String xml = CsdlWriter.write(metadata);
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        org.w3c.dom.Document d = f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(xml)));
        org.w3c.dom.NodeList types = d.getElementsByTagNameNS("*", "EntityType");
        for (int i = 0; i < types.getLength(); i++) {
            org.w3c.dom.Element t = (org.w3c.dom.Element) types.item(i);
            Set<String> names = new HashSet<>();
            org.w3c.dom.NodeList children = t.getChildNodes();
            for (int k = 0; k < children.getLength(); k++) {
                if (children.item(k) instanceof org.w3c.dom.Element e && (e.getLocalName().equals("Property") || e.getLocalName().equals("NavigationProperty"))) {
                    assertThat(names.add(e.getAttribute("Name"))).as(t.getAttribute("Name") + "." + e.getAttribute("Name") + " appears twice").isTrue();
                }
            }
        }
        assertThat(xml).contains("<NavigationProperty Name=\"contact_peers\" Type=\"Collection(mscrm.contact)\">");
    }
}
