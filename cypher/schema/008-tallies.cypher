// Routing tallies (cypher/tallies.cypher), one node per key.
CREATE CONSTRAINT matter_tally_key IF NOT EXISTS FOR (n:MatterTally) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT route_tally_key IF NOT EXISTS FOR (n:RouteTally) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT refusal_tally_key IF NOT EXISTS FOR (n:RefusalTally) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT co_handled_tally_key IF NOT EXISTS FOR (n:CoHandledTally) REQUIRE n.key IS UNIQUE;
