// Indexes on relationship properties with a handful of values (a volume's year, a route's
// outcome) made the planner seek them instead of expanding from the indexed node, turning each
// volume MERGE into a scan of a third of all volumes. Dropped where an older schema has them.
DROP INDEX volume_year IF EXISTS;
DROP INDEX routed_outcome IF EXISTS;
