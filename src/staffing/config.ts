import type { PowerItemType } from '../model/records.js';

/**
 * The WISN method's parameters (docs/staffing.md). Defaults follow WHO's WISN manual, with
 * Chinese working-time rules: 260 working days less 11 public holidays, 10 days of annual
 * leave, 5 of sick leave and 5 of training or other leave, 8 hours a day: 1,832 hours a post.
 */
export interface StaffingConfig {
  /** Days of the year a post could work (5 × 52). */
  workingDays: number;
  publicHolidays: number;
  annualLeave: number;
  sickLeave: number;
  otherLeave: number;
  hoursPerDay: number;
  /** Standard time (hours of one post) to handle one case, by item type. */
  standardHours: Record<PowerItemType, number>;
  /** Standard times of particular items, by code, over their type's. */
  itemHours: Record<string, number>;
  /**
   * Category allowance: the share of working time spent on work no volume counts (meetings,
   * reports, study). Required posts are divided by (1 − this).
   */
  categoryAllowance: number;
  /** Which yearly count is the workload: cases received, or cases completed. */
  volume: 'received' | 'completed';
}

export const STAFFING_DEFAULTS: StaffingConfig = {
  workingDays: 260,
  publicHolidays: 11,
  annualLeave: 10,
  sickLeave: 5,
  otherLeave: 5,
  hoursPerDay: 8,
  standardHours: {
    licensing: 1.5,
    confirmation: 1,
    benefit: 1,
    levy: 0.5,
    reward: 2,
    adjudication: 12,
    penalty: 10,
    inspection: 4,
    coercion: 6,
    other: 2,
  },
  itemHours: {},
  categoryAllowance: 0.15,
  volume: 'received',
};

/** Available working time of one post in a year, in hours (WISN's AWT). */
export function availableHours(config: StaffingConfig): number {
  return (config.workingDays - config.publicHolidays - config.annualLeave - config.sickLeave - config.otherLeave) * config.hoursPerDay;
}
