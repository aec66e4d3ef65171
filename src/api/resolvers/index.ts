import type { Resolvers } from '../generated/resolver-types.js';
import { enumResolvers } from '../enums.js';
import { analysisResolvers } from './analysis.js';
import { analystResolvers } from './analyst.js';
import { coreResolvers } from './core.js';
import { dashboardResolvers } from './dashboard.js';
import { dispatchResolvers } from './dispatch.js';
import { editResolvers } from './edit.js';
import { evaluationResolvers } from './evaluation.js';
import { evaluationWorkResolvers } from './evaluation-work.js';
import { matterResolvers } from './matters.js';
import { staffingResolvers } from './staffing.js';

/** The resolvers of every schema area, one file each as the SDL is split (makeExecutableSchema merges them), and the enums' values. */
export const resolvers: [typeof enumResolvers, ...Resolvers[]] = [
  enumResolvers,
  coreResolvers,
  dashboardResolvers,
  dispatchResolvers,
  analysisResolvers,
  analystResolvers,
  staffingResolvers,
  editResolvers,
  matterResolvers,
  evaluationResolvers,
  evaluationWorkResolvers,
];
