'use strict';
// Dataverse search with the dynamics-web-api client: search (the 1.0 endpoint, the client's default), suggest and
// autocomplete, the 2.0 endpoint's query/suggest/autocomplete (answers parsed from their JSON text by the client) and
// a refused request. Prints one JSON summary line.
// Usage: XRM4J_URL=http://127.0.0.1:P/org/ XRM4J_TOKEN=... node search.js
const crypto = require('crypto');
const { client, failure, run } = require('./client');

const api = client();
const api2 = client({ searchApi: { version: '2.0' } });

async function main() {
  const s = {};
  const word = 'srch' + crypto.randomUUID().replace(/-/g, '').slice(0, 10);
  s.word = word;
  const bakery = await api.create({ collection: 'accounts', data: { name: `${word} Alpine Bakery`, telephone1: '555-0100' } });
  const pharmacy = await api.create({ collection: 'accounts', data: { name: `${word} Pharmacy`, description: 'Open late' } });
  const contact = await api.create({ collection: 'contacts', data: { firstname: 'Maria', lastname: 'Other', emailaddress1: `maria@${word}.com` } });
  s.ids = { bakery, pharmacy, contact };

  const all = await api.search({ query: { search: word, returnTotalRecordCount: true, orderBy: ['@search.score desc', 'modifiedon desc'] } });
  s.all = all.value.map((v) => ({
    id: v['@search.objectid'], table: v['@search.entityname'], score: v['@search.score'],
    highlights: v['@search.highlights'], name: v.name ?? v.fullname, owner: v.ownerid,
  }));
  s.total = all.totalrecordcount;

  const accounts = await api.search({ query: { search: `${word} -pharmacy`, searchMode: 'all', entities: ['account'] } });
  s.notPharmacy = accounts.value.map((v) => v['@search.objectid']);
  const paged = await api.search({ query: { search: word, top: 1, skip: 1, entities: ['account'], orderBy: ['name asc'] } });
  s.paged = paged.value.map((v) => v.name);
  const filtered = await api.search({ query: { search: word, filter: "account:contains(description,'late')" } });
  s.filtered = filtered.value.map((v) => v['@search.objectid']);
  const byString = await api.search(word + ' bakery');
  s.byString = byString.value.map((v) => v['@search.objectid']);

  const suggested = await api.suggest({ query: { search: `${word} pha`, top: 3 } });
  s.suggest = suggested.value.map((v) => ({ text: v.text, id: v.document['@search.objectid'], name: v.document.name }));
  const completed = await api.autocomplete({ query: { search: `${word} bak`, entities: ['account'] } });
  s.autocomplete = completed.value;

  const q2 = await api2.query({
    query: { search: word, count: true, entities: [{ name: 'account', selectColumns: ['name', 'telephone1'] }], orderBy: ['name desc'] },
  });
  s.v2 = {
    count: q2.response.Count,
    items: q2.response.Value.map((v) => ({ id: v.Id, table: v.EntityName, name: v.Attributes.name, phone: v.Attributes.telephone1, score: v.Score })),
  };
  const s2 = await api2.suggest({ query: { search: `${word} alp` } });
  s.v2suggest = s2.response.Value.map((v) => v.Text);
  const a2 = await api2.autocomplete({ query: { search: `${word} ph` } });
  s.v2autocomplete = a2.response.Value;

  s.refused = await failure(api.suggest({ query: { search: 'ab' } }));

  return s;
}

run(main);
