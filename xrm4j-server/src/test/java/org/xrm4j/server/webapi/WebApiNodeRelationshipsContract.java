package org.xrm4j.server.webapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xrm4j.server.metadata.MetadataIds;
import tools.jackson.databind.JsonNode;

/**
 * The real dynamics-web-api client creating, reading, using, changing and deleting relationships and a global
 * option set ({@code relationships.js}), with the values the client returns checked here.
 */
abstract class WebApiNodeRelationshipsContract extends WebApiNodeContract {
    @Test void relationshipsThroughDynamicsWebApi() {
        JsonNode s = NodeClient.summary(server, "relationships.js", Map.of());

        assertThat(s.get("oneToManyId").asString()).isEqualTo(MetadataIds.relationship("nr_library_nr_book").toString());
        assertThat(s.get("one").get("schemaName").asString()).isEqualTo("nr_library_nr_book");
        assertThat(s.get("one").get("lookup").asString()).isEqualTo("nr_libraryid");
        assertThat(s.get("one").get("many").asString()).isEqualTo("nr_library_books");
        assertThat(s.get("one").get("single").asString()).isEqualTo("nr_libraryid");
        assertThat(s.get("listed")).hasSize(1);
        assertThat(s.get("listed").get(0).asString()).isEqualTo("nr_library_nr_book");
        assertThat(s.get("bookLibrary").asString()).isEqualTo(s.get("libraryId").asString());
        assertThat(s.get("expandedBooks").get(0).asString()).isEqualTo("Dune");
        assertThat(s.get("updated").asBoolean()).isTrue();
        assertThat(s.get("afterUpdate").get("delete").asString()).isEqualTo("Cascade");
        assertThat(s.get("afterUpdate").get("many").asString()).isEqualTo("nr_books_of_library");
        assertThat(s.get("renamedExpand").asInt()).isEqualTo(1);

        assertThat(s.get("manyToManyId").asString()).isEqualTo(MetadataIds.relationship("nr_book_contact").toString());
        assertThat(s.get("readers").get(0).asString()).isEqualTo("Reader");
        assertThat(s.get("deletedManyToMany").asBoolean()).isTrue();
        assertThat(s.get("manyToManyAfter").get("status").asInt()).isEqualTo(404);

        String optionSetId = MetadataIds.optionSet("nr_genre").toString();
        assertThat(s.get("optionSetId").asString()).isEqualTo(optionSetId);
        assertThat(s.get("genre").get("name").asString()).isEqualTo("nr_genre");
        assertThat(s.get("genre").get("id").asString()).isEqualTo(optionSetId);
        assertThat(s.get("genre").get("options").get(1).get(0).asInt()).isEqualTo(100000001);
        assertThat(s.get("genre").get("options").get(1).get(1).asString()).isEqualTo("History");
        assertThat(s.get("typedName").asString()).isEqualTo("nr_genre");
        assertThat(s.get("optionSets").toString()).contains("\"nr_genre\"");
        assertThat(s.get("genreLabel").asString()).isEqualTo("Genres");
        assertThat(s.get("bookGenre").asInt()).isEqualTo(100000001);
        assertThat(s.get("optionSetInUse").get("status").asInt()).isEqualTo(400);
        assertThat(s.get("optionSetInUse").get("code").asString()).isEqualTo("0x80040227");
        assertThat(s.get("deletedOptionSet").asBoolean()).isTrue();
        assertThat(s.get("optionSetAfter").get("status").asInt()).isEqualTo(404);

        assertThat(s.get("lookupThroughCreateAttribute").get("code").asString()).isEqualTo("0x80040315");
        assertThat(s.get("lookupThroughCreateAttribute").get("message").asString()).contains("CreateOneToMany");
        assertThat(s.get("systemRelationship").get("code").asString()).isEqualTo("0x80040315");
        assertThat(s.get("bookAfterCascade").get("status").asInt()).isEqualTo(404);
        assertThat(s.get("deletedOneToMany").asBoolean()).isTrue();
        assertThat(s.get("lookupAfter").get("status").asInt()).isEqualTo(404);
    }
}
