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

    @Test void aFolderWithoutTheSkeletonIsRefused() {
        assertThatThrownBy(() -> SolutionPackager.pack(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Other/Solution.xml");
    }
}
