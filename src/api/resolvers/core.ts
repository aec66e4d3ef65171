import { z } from 'zod';
import { listDepartments, listMatters, listRegions } from '../../catalog/catalog.js';
import type { Body } from '../../evaluation/standard.js';
import type { Resolvers } from '../generated/resolver-types.js';
import { IdArgs, idArg, loadAll, loadRequired, parseArgs } from './parse-args.js';

const RegionArgs = z.object({ region: idArg.nullish() });

/** schema/core.graphql: regions, departments, sections, power items and matters, related both ways through the request's loaders. */
export const coreResolvers: Resolvers = {
  Query: {
    whoami: (_, __, { principal }) => ({
      role: principal.role.toUpperCase() as Uppercase<typeof principal.role>,
      actor: principal.actor,
      department: principal.department ?? null,
      // A token's body was checked against the bodies when the token file was read.
      body: (principal.body as Body | undefined) ?? null,
    }),
    regions: (_, __, { db }) => listRegions(db),
    departments: (_, args, { db }) => listDepartments(db, { region: parseArgs(RegionArgs, args).region ?? undefined }),
    department: (_, args, { loaders }) => loaders.departmentById.load(parseArgs(IdArgs, args).id),
    matters: (_, __, { db }) => listMatters(db),
  },
  Region: {
    departments: (region, _, { loaders }) => loaders.departmentsOfRegion.load(region.code),
    parent: (region, _, { loaders }) => (region.parent ? loaders.regionByCode.load(region.parent) : null),
  },
  Department: {
    region: (department, _, { loaders }) => loadRequired(loaders.regionByCode, department.region, 'region'),
    sections: (department, _, { loaders }) => loaders.sectionsOfDepartment.load(department.id),
    powerItems: (department, _, { loaders }) => loaders.powerItemsOfDepartment.load(department.id),
    boundaryItems: (department, _, { loaders }) => loaders.boundaryItemsOfDepartment.load(department.id),
  },
  Section: {
    department: (section, _, { loaders }) => loadRequired(loaders.departmentById, section.department, 'department'),
  },
  PowerItem: {
    department: (item, _, { loaders }) => loaders.departmentById.load(item.department),
    sections: (item, _, { loaders }) => loadAll(loaders.sectionById, item.sectionIds),
    matters: (item, _, { loaders }) => loadAll(loaders.matterById, item.matterIds),
  },
  Matter: {
    powerItems: async (matter, _, { loaders }) => loadAll(loaders.powerItemByCode, await loaders.powerItemCodesOfMatter.load(matter.id)),
    parent: (matter, _, { loaders }) => (matter.parent ? loaders.matterById.load(matter.parent) : null),
  },
};
