// Reads and the one write behind staffing (src/staffing/). Volumes are (item)-[:VOLUME]->(section).

// name: staffingDepartments
MATCH (d:Department)-[:IN]->(r:Region)
RETURN d.id AS id, d.name AS name, r.code AS region

// name: staffingSections
MATCH (d:Department)-[:HAS_SECTION]->(s:Section)
RETURN s.id AS id, s.name AS name, d.id AS department, coalesce(s.posts, 0) AS posts, s.staffed AS staffed

// name: staffingItems
MATCH (d:Department)-[:HOLDS]->(p:PowerItem)
RETURN p.code AS code, p.name AS name, p.type AS type, d.id AS department, [(s:Section)-[:IMPLEMENTS]->(p) | s.id] AS sections

// name: staffingVolumes
MATCH (p:PowerItem)-[v:VOLUME]->(s:Section)
RETURN p.code AS powerItem, s.id AS section, v.year AS year, v.received AS received, v.completed AS completed

// name: applyStaffingTransfer
// Moves a power item to another department and section with its volumes, and the posts with
// it, recording who and when on a StaffingTransfer node; bumps the graph revision.
MATCH (p:PowerItem {code: $item})<-[holds:HOLDS]-(:Department {id: $fromDepartment})
MATCH (from:Section {id: $fromSection})
MATCH (to:Section {id: $toSection})<-[:HAS_SECTION]-(toDepartment:Department {id: $toDepartment})
WHERE coalesce(from.posts, 0) >= $posts
DELETE holds
CREATE (toDepartment)-[:HOLDS]->(p)
WITH p, from, to, toDepartment
CALL (p, from) { MATCH (from)-[i:IMPLEMENTS]->(p) DELETE i }
MERGE (to)-[:IMPLEMENTS]->(p)
WITH p, from, to, toDepartment
CALL (p, from, to) {
  MATCH (p)-[v:VOLUME]->(from)
  CREATE (p)-[moved:VOLUME]->(to)
  SET moved = properties(v)
  DELETE v
}
SET from.posts = from.posts - $posts, to.posts = coalesce(to.posts, 0) + $posts
CREATE (t:StaffingTransfer {id: randomUUID(), item: $item, fromDepartment: $fromDepartment, fromSection: $fromSection,
                            toDepartment: $toDepartment, toSection: $toSection, posts: $posts, share: $share, year: $year, at: $at, by: $by})
RETURN t.id AS id, from.posts AS fromPosts, to.posts AS toPosts
