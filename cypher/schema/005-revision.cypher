// The revision counter dispatch watches (cypher/admin.cypher: graphRevision).
CREATE CONSTRAINT revision_key IF NOT EXISTS FOR (n:Revision) REQUIRE n.key IS UNIQUE;
