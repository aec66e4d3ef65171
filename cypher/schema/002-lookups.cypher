// Indexes for the lookups analysts and the API make beyond the unique keys.
CREATE INDEX department_name IF NOT EXISTS FOR (n:Department) ON (n.name);
CREATE INDEX power_item_type IF NOT EXISTS FOR (n:PowerItem) ON (n.type);
CREATE INDEX boundary_item_status IF NOT EXISTS FOR (n:BoundaryItem) ON (n.status);
CREATE INDEX complaint_received_at IF NOT EXISTS FOR (n:Complaint) ON (n.receivedAt);
CREATE INDEX volume_year IF NOT EXISTS FOR ()-[r:VOLUME]-() ON (r.year);
CREATE INDEX routed_outcome IF NOT EXISTS FOR ()-[r:ROUTED]-() ON (r.outcome);
CREATE FULLTEXT INDEX text_search IF NOT EXISTS FOR (n:PowerItem|Task|BoundaryItem|Matter|Complaint) ON EACH [n.name, n.title, n.text, n.description];
