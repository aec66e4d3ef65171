import { FINDING_KINDS } from '../analysis/findings.js';
import { INQUIRY_RECIPIENTS } from '../evaluation/inquiry-letters.js';
import { PROBLEM_SOURCES } from '../evaluation/ledger.js';
import { BODIES } from '../evaluation/standard.js';
import { MATTER_SOURCES } from '../model/matters.js';
import { RECORD_FILES } from '../model/record-kinds.js';
import { DISPATCH_STATUSES, DISPATCH_VIAS } from '../dispatch/dispatch.js';
import { DEPARTMENT_KINDS, ITEM_LEVELS, POWER_ITEM_TYPES, REGION_LEVELS, ROUTE_OUTCOMES } from '../model/records.js';

/** GraphQL enum resolvers: the API says PENALTY (BOUNDARY_ITEM) where the graph and bundles say "penalty" ("boundary-item"). */
function enumValues(values: readonly string[]): Record<string, string> {
  return Object.fromEntries(values.map((value) => [value.toUpperCase().replace(/-/g, '_'), value]));
}

export const enumResolvers = {
  RegionLevel: enumValues(REGION_LEVELS),
  DepartmentKind: enumValues(DEPARTMENT_KINDS),
  PowerItemType: enumValues(POWER_ITEM_TYPES),
  ItemLevel: enumValues(ITEM_LEVELS),
  RoutingOutcome: enumValues(ROUTE_OUTCOMES),
  DispatchStatus: enumValues(DISPATCH_STATUSES),
  DispatchVia: enumValues(DISPATCH_VIAS),
  FindingKind: enumValues(FINDING_KINDS),
  MatterSource: enumValues(MATTER_SOURCES),
  EvaluationBody: enumValues(BODIES),
  ProblemSource: enumValues(PROBLEM_SOURCES),
  InquiryRecipient: enumValues(INQUIRY_RECIPIENTS),
  RecordKind: Object.fromEntries(RECORD_FILES.map((file) => [file.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase(), file])),
};
