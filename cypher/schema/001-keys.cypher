// Unique keys of every node label of the graph model (docs/graph-model.md).
// Each statement is idempotent; `dutygraph db migrate` and `npm start` apply them all.
CREATE CONSTRAINT region_code IF NOT EXISTS FOR (n:Region) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT department_id IF NOT EXISTS FOR (n:Department) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT section_id IF NOT EXISTS FOR (n:Section) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT power_item_code IF NOT EXISTS FOR (n:PowerItem) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT supervision_duty_id IF NOT EXISTS FOR (n:SupervisionDuty) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT legal_basis_id IF NOT EXISTS FOR (n:LegalBasis) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT service_item_code IF NOT EXISTS FOR (n:ServiceItem) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT task_id IF NOT EXISTS FOR (n:Task) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT matter_id IF NOT EXISTS FOR (n:Matter) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT boundary_item_id IF NOT EXISTS FOR (n:BoundaryItem) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT complaint_id IF NOT EXISTS FOR (n:Complaint) REQUIRE n.id IS UNIQUE;
