import { z } from 'zod';
import { AppError, ErrorCode } from '../../errors.js';
import type { ApiContext } from '../context.js';

/**
 * Checks what the SDL's types cannot say (blank ids, ranges, lengths); a bad argument is the
 * caller's error (BAD_USER_INPUT). Argument schemas are built once, at load: building a zod
 * schema costs more than a dispatch lookup.
 */
export function parseArgs<T>(schema: z.ZodType<T>, args: unknown): T {
  const parsed = schema.safeParse(args);
  if (!parsed.success) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  return parsed.data;
}

export const idArg = z.string().trim().min(1, 'must not be empty');
export const IdArgs = z.object({ id: idArg });
export const requiredYearArg = z.number().int().min(1949).max(2200);
export const yearArg = requiredYearArg.nullish();

/** Runs a change of the lists, then waits until dispatch answers from the changed graph. */
export async function changeThenRefresh<T>({ dispatch }: ApiContext, change: Promise<T>): Promise<T> {
  const result = await change;
  await dispatch.refresh();
  return result;
}

/** A record through a loader that the graph's structure guarantees (a department's region); missing, it is a broken graph. */
export async function loadRequired<T>(loader: { load(key: string): Promise<T | null> }, key: string, what: string): Promise<T> {
  const value = await loader.load(key);
  if (value === null) throw new AppError(ErrorCode.INTERNAL_SERVER_ERROR, `${what} "${key}" is missing from the graph`);
  return value;
}

/** The records of many keys through a loader (one batched query), the missing ones left out. */
export async function loadAll<T>(loader: { loadMany(keys: readonly string[]): Promise<(T | null | Error)[]> }, keys: readonly string[]): Promise<T[]> {
  return (await loader.loadMany(keys)).filter((value): value is T => value !== null && !(value instanceof Error));
}
