import type { PowerItemType } from './records.js';

/**
 * How much an item of a type says "this department answers for complaints about the matter":
 * who may punish or inspect is who must act; who licenses acts before, not after. Dispatch and
 * the boundary analysis weigh holders the same way.
 */
export const TYPE_WEIGHT: Record<PowerItemType, number> = {
  penalty: 3,
  inspection: 3,
  coercion: 2,
  adjudication: 1.5,
  licensing: 1,
  confirmation: 1,
  benefit: 1,
  levy: 1,
  reward: 0.5,
  other: 0.5,
};

/** A section's task on a matter, without a power item behind it. */
export const TASK_WEIGHT = 0.5;
