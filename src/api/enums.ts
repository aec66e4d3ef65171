import { DEPARTMENT_KINDS, ITEM_LEVELS, POWER_ITEM_TYPES, REGION_LEVELS } from '../model/records.js';

/** GraphQL enum resolvers: the API says PENALTY where the graph and bundles say "penalty". */
function enumValues(values: readonly string[]): Record<string, string> {
  return Object.fromEntries(values.map((value) => [value.toUpperCase(), value]));
}

export const enumResolvers = {
  RegionLevel: enumValues(REGION_LEVELS),
  DepartmentKind: enumValues(DEPARTMENT_KINDS),
  PowerItemType: enumValues(POWER_ITEM_TYPES),
  ItemLevel: enumValues(ITEM_LEVELS),
};
