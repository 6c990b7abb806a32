'use strict';
// Drives relationship and global option set definitions with the dynamics-web-api client: a one-to-many relationship
// created with its lookup, read, used by records (@odata.bind, $expand), changed and deleted; a many-to-many one
// created, associated and deleted; a global option set created, read, changed, bound to a new choice column and
// deleted once no column uses it. Prints one JSON summary line.
// Usage: XRM4J_URL=http://127.0.0.1:P/org/ XRM4J_TOKEN=... node relationships.js
const { client, failure, run } = require('./client');

const api = client();
const labelOf = (text) => ({ '@odata.type': 'Microsoft.Dynamics.CRM.Label', LocalizedLabels: [{ Label: text, LanguageCode: 1033 }] });

async function table(schema, setName, display) {
  await api.createEntity({
    data: {
      '@odata.type': 'Microsoft.Dynamics.CRM.EntityMetadata', SchemaName: schema, EntitySetName: setName, DisplayName: labelOf(display),
      DisplayCollectionName: labelOf(display + 's'), OwnershipType: 'UserOwned', HasActivities: false, HasNotes: false,
      Attributes: [{ '@odata.type': 'Microsoft.Dynamics.CRM.StringAttributeMetadata', SchemaName: 'nr_Name', MaxLength: 100, IsPrimaryName: true }],
    },
  });
}

async function main() {
  const s = {};
  const setName = 'nr_libraries';
  await table('nr_Library', setName, 'Library');
  await table('nr_Book', 'nr_books', 'Book');

  s.oneToManyId = await api.createRelationship({
    data: {
      '@odata.type': 'Microsoft.Dynamics.CRM.OneToManyRelationshipMetadata', SchemaName: 'nr_library_nr_book',
      ReferencedEntity: 'nr_library', ReferencingEntity: 'nr_book', ReferencedEntityNavigationPropertyName: 'nr_library_books',
      CascadeConfiguration: { Assign: 'NoCascade', Delete: 'RemoveLink', Merge: 'NoCascade', Reparent: 'NoCascade', Share: 'NoCascade', Unshare: 'NoCascade' },
      Lookup: {
        '@odata.type': 'Microsoft.Dynamics.CRM.LookupAttributeMetadata', AttributeType: 'Lookup', AttributeTypeName: { Value: 'LookupType' },
        SchemaName: 'nr_LibraryId', DisplayName: labelOf('Library'), Description: labelOf('Where the book is'),
        RequiredLevel: { Value: 'None', CanBeChanged: true, ManagedPropertyLogicalName: 'canmodifyrequirementlevelsettings' },
      },
    },
  });
  const one = await api.retrieveRelationship({ key: s.oneToManyId, castType: 'Microsoft.Dynamics.CRM.OneToManyRelationshipMetadata' });
  s.one = { schemaName: one.SchemaName, lookup: one.ReferencingAttribute, many: one.ReferencedEntityNavigationPropertyName, single: one.ReferencingEntityNavigationPropertyName };
  const listed = await api.retrieveRelationships({
    castType: 'Microsoft.Dynamics.CRM.OneToManyRelationshipMetadata', select: ['SchemaName', 'ReferencingEntity'], filter: "ReferencedEntity eq 'nr_library'",
  });
  s.listed = listed.value.map((r) => r.SchemaName);

  const libraryId = await api.create({ collection: setName, data: { nr_name: 'Central' } });
  const book = await api.create({ collection: 'nr_books', data: { nr_name: 'Dune', 'nr_libraryid@odata.bind': `/${setName}(${libraryId})` } });
  s.bookLibrary = (await api.retrieve({ collection: 'nr_books', key: book, select: ['_nr_libraryid_value'] }))._nr_libraryid_value;
  s.libraryId = libraryId;
  const expanded = await api.retrieve({ collection: setName, key: libraryId, select: ['nr_name'], expand: [{ property: 'nr_library_books', select: ['nr_name'] }] });
  s.expandedBooks = expanded.nr_library_books.map((b) => b.nr_name);

  one.CascadeConfiguration.Delete = 'Cascade';
  one.ReferencedEntityNavigationPropertyName = 'nr_books_of_library';
  s.updated = await api.updateRelationship({ data: one, castType: 'Microsoft.Dynamics.CRM.OneToManyRelationshipMetadata' });
  const after = await api.retrieveRelationship({ key: "SchemaName='nr_library_nr_book'", select: ['CascadeConfiguration', 'ReferencedEntityNavigationPropertyName'] });
  s.afterUpdate = { delete: after.CascadeConfiguration.Delete, many: after.ReferencedEntityNavigationPropertyName };
  const renamed = await api.retrieve({ collection: setName, key: libraryId, select: ['nr_name'], expand: [{ property: 'nr_books_of_library', select: ['nr_name'] }] });
  s.renamedExpand = renamed.nr_books_of_library.length;

  s.manyToManyId = await api.createRelationship({
    data: {
      '@odata.type': 'Microsoft.Dynamics.CRM.ManyToManyRelationshipMetadata', SchemaName: 'nr_book_contact',
      Entity1LogicalName: 'nr_book', Entity2LogicalName: 'contact', IntersectEntityName: 'nr_book_contact',
      Entity1AssociatedMenuConfiguration: { Behavior: 'UseLabel', Group: 'Details', Label: labelOf('Readers'), Order: 10000 },
      Entity2AssociatedMenuConfiguration: { Behavior: 'UseLabel', Group: 'Details', Label: labelOf('Books'), Order: 10000 },
    },
  });
  const reader = await api.create({ collection: 'contacts', data: { lastname: 'Reader' } });
  await api.associate({ collection: 'nr_books', primaryKey: book, relationshipName: 'nr_book_contact', relatedCollection: 'contacts', relatedKey: reader });
  const readers = await api.retrieve({ collection: 'nr_books', key: book, select: ['nr_name'], expand: [{ property: 'nr_book_contact', select: ['lastname'] }] });
  s.readers = readers.nr_book_contact.map((c) => c.lastname);
  s.deletedManyToMany = await api.deleteRelationship({ key: s.manyToManyId });
  s.manyToManyAfter = await failure(api.retrieveRelationship({ key: s.manyToManyId }));

  s.optionSetId = await api.createGlobalOptionSet({
    data: {
      '@odata.type': 'Microsoft.Dynamics.CRM.OptionSetMetadata', Name: 'nr_genre', DisplayName: labelOf('Genre'), IsGlobal: true, OptionSetType: 'Picklist',
      Options: [{ Value: 100000000, Label: labelOf('Fiction') }, { Label: labelOf('History') }],
    },
  });
  const genre = await api.retrieveGlobalOptionSet({ key: "Name='nr_genre'" });
  s.genre = { name: genre.Name, id: genre.MetadataId, options: genre.Options.map((o) => [o.Value, o.Label.UserLocalizedLabel.Label]) };
  const typed = await api.retrieveGlobalOptionSet({ key: s.optionSetId, castType: 'Microsoft.Dynamics.CRM.OptionSetMetadata', select: ['Name'] });
  s.typedName = typed.Name;
  s.optionSets = (await api.retrieveGlobalOptionSets({ select: ['Name'] })).value.map((o) => o.Name);
  genre.DisplayName = labelOf('Genres');
  s.updatedOptionSet = await api.updateGlobalOptionSet({ data: genre });
  s.genreLabel = (await api.retrieveGlobalOptionSet({ key: s.optionSetId })).DisplayName.UserLocalizedLabel.Label;

  await api.createAttribute({
    entityKey: "LogicalName='nr_book'",
    data: {
      '@odata.type': 'Microsoft.Dynamics.CRM.PicklistAttributeMetadata', SchemaName: 'nr_Genre', DisplayName: labelOf('Genre'),
      'GlobalOptionSet@odata.bind': `/GlobalOptionSetDefinitions(${s.optionSetId})`,
    },
  });
  await api.update({ collection: 'nr_books', key: book, data: { nr_genre: 100000001 } });
  s.bookGenre = (await api.retrieve({ collection: 'nr_books', key: book, select: ['nr_genre'] })).nr_genre;
  s.optionSetInUse = await failure(api.deleteGlobalOptionSet({ key: "Name='nr_genre'" }));
  await api.deleteRecord({ collection: 'EntityDefinitions', key: "LogicalName='nr_book'", navigationProperty: 'Attributes', navigationPropertyKey: "LogicalName='nr_genre'" });
  s.deletedOptionSet = await api.deleteGlobalOptionSet({ key: s.optionSetId });
  s.optionSetAfter = await failure(api.retrieveGlobalOptionSet({ key: s.optionSetId }));

  s.lookupThroughCreateAttribute = await failure(api.createAttribute({
    entityKey: "LogicalName='nr_book'",
    data: { '@odata.type': 'Microsoft.Dynamics.CRM.LookupAttributeMetadata', SchemaName: 'nr_OtherId', Targets: ['account'] },
  }));
  s.systemRelationship = await failure(api.deleteRelationship({ key: "SchemaName='contact_customer_accounts'" }));

  await api.deleteRecord({ collection: setName, key: libraryId });
  s.bookAfterCascade = await failure(api.retrieve({ collection: 'nr_books', key: book }));
  s.deletedOneToMany = await api.deleteRelationship({ key: "SchemaName='nr_library_nr_book'" });
  s.lookupAfter = await failure(api.retrieveAttribute({ entityKey: "LogicalName='nr_book'", attributeKey: "LogicalName='nr_libraryid'" }));
  return s;
}

run(main);
