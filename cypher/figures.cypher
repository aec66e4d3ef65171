// Figures computed from the graph (the boundary analysis), kept so that a replica starting, or
// one that has not yet made its own, answers at once with the latest (src/figures/stored-figure.ts).

// name: storedFigure
MATCH (f:StoredFigure {key: $key})
RETURN f.revision AS revision, f.generatedAt AS generatedAt, f.data AS data

// name: storeFigure
// Keeps the figure unless a newer revision's is already kept (two replicas may make it at once).
MERGE (f:StoredFigure {key: $key})
WITH f
WHERE coalesce(f.revision, -1) <= $revision
SET f.revision = $revision, f.generatedAt = $generatedAt, f.data = $data
RETURN f.revision AS revision

// name: deleteStoredFigures
// Forgets every kept figure: the next server start makes its own (bench:analyze times that start).
MATCH (f:StoredFigure)
DELETE f
RETURN count(*) AS deleted
