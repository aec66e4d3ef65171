// Indexes for the lookups analysts and the API make beyond the unique keys.
CREATE INDEX department_name IF NOT EXISTS FOR (n:Department) ON (n.name);
CREATE INDEX power_item_type IF NOT EXISTS FOR (n:PowerItem) ON (n.type);
CREATE INDEX boundary_item_status IF NOT EXISTS FOR (n:BoundaryItem) ON (n.status);
CREATE INDEX complaint_received_at IF NOT EXISTS FOR (n:Complaint) ON (n.receivedAt);
