// Figures computed from the graph and kept for every replica and the next start (cypher/figures.cypher).
CREATE CONSTRAINT stored_figure_key IF NOT EXISTS FOR (n:StoredFigure) REQUIRE n.key IS UNIQUE;
