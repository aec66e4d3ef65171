import { z } from 'zod';
import { deleteRecord, importFromServerPath, importUploadedFiles, upsertRecords } from '../../catalog/edit-records.js';
import type { ImportReport } from '../../ingest/import-bundle.js';
import { RECORD_FILES } from '../../model/record-kinds.js';
import type { Resolvers } from '../generated/resolver-types.js';
import { changeThenRefresh, idArg, parseArgs } from './parse-args.js';

const UpsertArgs = z.object({ kind: z.string(), records: z.array(z.unknown()) });
const DeleteArgs = z.object({ kind: z.string(), key: idArg });
const UploadArgs = z.object({ files: z.array(z.object({ name: z.string().max(100), content: z.string() })).max(20) });
const PathArgs = z.object({ path: z.string().min(1).max(1000) });

/** An import report as the API shows it: counts per kind. */
function importResult(report: ImportReport) {
  return { name: report.name ?? null, mode: report.mode, errors: report.errors, counts: RECORD_FILES.map((kind) => ({ kind, ...report.counts[kind] })) };
}

/** schema/edit.graphql: editors' changes to the lists, through the import's checks. */
export const editResolvers: Resolvers = {
  Mutation: {
    upsertRecords: async (_, args, context) => {
      const { kind, records } = parseArgs(UpsertArgs, args);
      return importResult(await changeThenRefresh(context, upsertRecords(context.db, kind, records)));
    },
    deleteRecord: (_, args, context) => {
      const { kind, key } = parseArgs(DeleteArgs, args);
      return changeThenRefresh(context, deleteRecord(context.db, kind, key));
    },
    importBundleFiles: async (_, args, context) =>
      importResult(await changeThenRefresh(context, importUploadedFiles(context.db, parseArgs(UploadArgs, args).files))),
    importBundle: async (_, args, context) =>
      importResult(await changeThenRefresh(context, importFromServerPath(context.db, context.importRoot, parseArgs(PathArgs, args).path))),
  },
};
