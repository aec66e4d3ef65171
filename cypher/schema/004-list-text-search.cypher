// Full-text search over the lists for analysts (CALL db.index.fulltext.queryNodes('list_text', '噪声')).
// The CJK analyzer indexes Chinese as character bigrams. Complaints are left out: indexing
// every ticket's text cost more than a third of a large import, and dispatch has its own index.
DROP INDEX text_search IF EXISTS;
CREATE FULLTEXT INDEX list_text IF NOT EXISTS FOR (n:PowerItem|Task|BoundaryItem|Matter) ON EACH [n.name, n.title, n.text, n.description]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
