package org.xrm4j.server.solutions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xrm4j.server.solutions.SolutionFixtures.attribute;
import static org.xrm4j.server.solutions.SolutionFixtures.files;
import static org.xrm4j.server.solutions.SolutionFixtures.utf8;
import static org.xrm4j.server.solutions.SolutionFixtures.zip;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xrm4j.server.metadata.EntityMetadata;
import org.xrm4j.server.metadata.RequiredLevel;
import org.xrm4j.server.metadata.SystemEntities;

/** Shapes that exports made by Dataverse carry and the hand-made fixtures did not: how the import plans them. */
class ExportShapesTest {

    private static ImportPlan plan(String extraAttributes, String extraRelationships) {
        Map<String, byte[]> m = files("XtShapes", "1.0", "xt_Leave", extraAttributes);
        String customizations = new String(m.get("customizations.xml"), java.nio.charset.StandardCharsets.UTF_8);
        m.put("customizations.xml", utf8(customizations.replace("<EntityRelationships>", "<EntityRelationships>" + extraRelationships)));
        return ImportPlanner.plan(SolutionFiles.read(zip(m)).customizations(), SystemEntities.metadata());
    }

    private static EntityMetadata leave(ImportPlan plan) {
        return plan.newEntities.stream().filter(e -> e.logicalName().equals("xt_leave")).findFirst().orElseThrow();
    }

    @Test void requiredInTheFileIsApplicationRequired() {
        String code = "<attribute PhysicalName=\"xt_Code\"><Type>nvarchar</Type><Name>xt_code</Name><LogicalName>xt_code</LogicalName>"
                + "<RequiredLevel>required</RequiredLevel><DisplayMask>ValidForAdvancedFind|ValidForForm|ValidForGrid|RequiredForForm</DisplayMask>"
                + "<Format>text</Format><MaxLength>20</MaxLength><Length>40</Length></attribute>";
        EntityMetadata leave = leave(plan(code, ""));
        assertThat(leave.attribute("xt_code").requiredLevel()).isEqualTo(RequiredLevel.ApplicationRequired);
        assertThat(leave.attribute("xt_hours").requiredLevel()).isEqualTo(RequiredLevel.None);
    }

    @Test void columnsTheFileMarksNotValidForCreateOrUpdateStayReadOnly() {
        // A money column's base-currency copy, as every export writes it next to the money column.
        String base = attribute("xt_cost_Base", "money", "<ValidForUpdateApi>0</ValidForUpdateApi><ValidForReadApi>1</ValidForReadApi>"
                + "<ValidForCreateApi>0</ValidForCreateApi><MinValue>-922337203685477</MinValue><MaxValue>922337203685477</MaxValue>"
                + "<Accuracy>2</Accuracy><AccuracySource>2</AccuracySource><CalculationOf>xt_Cost</CalculationOf>");
        EntityMetadata leave = leave(plan(base, ""));
        assertThat(leave.attribute("xt_cost_base").validForCreate()).isFalse();
        assertThat(leave.attribute("xt_cost_base").validForUpdate()).isFalse();
        assertThat(leave.attribute("xt_cost").validForCreate()).isTrue();
        assertThat(leave.attribute("xt_cost").validForUpdate()).isTrue();
    }

    @Test void columnsTakeTheirDisplayNames() {
        String days = "<attribute PhysicalName=\"xt_Days\"><Type>int</Type><Name>xt_days</Name><LogicalName>xt_days</LogicalName>"
                + "<RequiredLevel>none</RequiredLevel><MinValue>0</MinValue><MaxValue>30</MaxValue>"
                + "<displaynames><displayname description=\"Days off\" languagecode=\"1033\" /></displaynames></attribute>";
        assertThat(leave(plan(days, "")).attribute("xt_days").displayName()).isEqualTo("Days off");
    }

    @Test void aLookupToATableNeitherInTheFileNorTheOrganizationIsSkippedNamingTheTable() {
        String currency = attribute("TransactionCurrencyId", "lookup", "<LookupStyle>single</LookupStyle><LookupTypes />");
        String relationship = "<EntityRelationship Name=\"TransactionCurrency_xt_Leave\"><EntityRelationshipType>OneToMany</EntityRelationshipType>"
                + "<ReferencingEntityName>xt_Leave</ReferencingEntityName><ReferencedEntityName>TransactionCurrency</ReferencedEntityName>"
                + "<CascadeDelete>Restrict</CascadeDelete><ReferencingAttributeName>TransactionCurrencyId</ReferencingAttributeName></EntityRelationship>";
        ImportPlan plan = plan(currency, relationship);
        assertThat(leave(plan).has("transactioncurrencyid")).isFalse();
        assertThat(plan.log).anySatisfy(e -> {
            assertThat(e.name()).isEqualTo("xt_leave.transactioncurrencyid");
            assertThat(e.result()).isEqualTo("warning");
            assertThat(e.errorText()).contains("transactioncurrency").contains("neither in the solution nor in the organization");
        });
    }
}
