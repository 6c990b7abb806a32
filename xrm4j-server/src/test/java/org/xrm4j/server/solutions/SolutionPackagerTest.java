package org.xrm4j.server.solutions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xrm4j.server.metadata.SystemEntities;

/** Packing an unpacked (SolutionPackager-layout) folder into a file the import reads. */
class SolutionPackagerTest {
    @TempDir Path dir;

    @Test void packedFolderReadsLikeAnExport() throws IOException {
        SolutionFixtures.unpacked(dir, "XtPacked", "xt_Packed");
        SolutionFiles files = SolutionFiles.read(SolutionPackager.pack(dir));
        assertThat(files.manifest().uniqueName()).isEqualTo("XtPacked");
        assertThat(files.customizations().entities()).extracting(Customizations.Entity::logicalName).containsExactly("xt_packed");
        assertThat(files.customizations().optionSets()).extracting(Customizations.OptionSet::name).containsExactly("xt_leavereason");
        assertThat(files.customizations().relationships()).extracting(Customizations.Relationship::name)
                .containsExactly("lk_xt_packed_createdby", "xt_systemuser_xt_packed_approver", "xt_packed_contact");
        ImportPlan plan = ImportPlanner.plan(files.customizations(), SystemEntities.metadata());
        assertThat(plan.newEntities.getFirst().attribute("xt_reason").options()).hasSize(2);
        assertThat(plan.newRelationships).anySatisfy(r -> assertThat(r.schemaName()).isEqualTo("xt_systemuser_xt_packed_approver"));
    }

    @Test void workflowsAndWebResourcesArePackedAsMetadataAndLoggedAsSkipped() throws IOException {
        SolutionFixtures.unpacked(dir, "XtFlows", "xt_Flows");
        SolutionFixtures.write(dir.resolve("Workflows/Notifyapprover-00B0DF82-0BE7-4AE5-BC12-F980D9748B26.json.data.xml"),
                "<?xml version=\"1.0\" encoding=\"utf-8\"?><Workflow WorkflowId=\"{00b0df82-0be7-4ae5-bc12-f980d9748b26}\""
                        + " Name=\"Notify approver\"><JsonFileName>/Workflows/Notifyapprover.json</JsonFileName><Type>1</Type></Workflow>");
        SolutionFixtures.write(dir.resolve("Workflows/Notifyapprover-00B0DF82-0BE7-4AE5-BC12-F980D9748B26.json"), "{}");
        SolutionFixtures.write(dir.resolve("WebResources/xt_/script.js"), "var x = 1;");
        SolutionFixtures.write(dir.resolve("WebResources/xt_/script.js.data.xml"), "<?xml version=\"1.0\" encoding=\"utf-8\"?><WebResource>"
                + "<WebResourceId>{1c491753-1f04-433d-8643-177d04ddb133}</WebResourceId><Name>xt_/script.js</Name>"
                + "<WebResourceType>3</WebResourceType><FileName>/WebResources/xt_/script.js</FileName></WebResource>");
        ImportPlan plan = ImportPlanner.plan(SolutionFiles.read(SolutionPackager.pack(dir)).customizations(), SystemEntities.metadata());
        assertThat(plan.log).filteredOn(e -> e.kind().equals("component")).extracting(ImportPlan.LogEntry::name)
                .containsExactly("Workflow Notify approver", "WebResource xt_/script.js");
        assertThat(plan.newEntities).extracting(e -> e.logicalName()).containsExactly("xt_flows");
    }

    @Test void aFolderWithoutTheSkeletonIsRefused() {
        assertThatThrownBy(() -> SolutionPackager.pack(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Other/Solution.xml");
    }
}
