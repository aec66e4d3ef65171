import type { Command } from 'commander';
import { listMatters } from '../catalog/catalog.js';
import { induceMattersInGraph, matterDecisions } from '../catalog/induced-matters.js';
import { runAction } from './run-action.js';
import { withDatabase } from './with-database.js';

/** `dutygraph matters …`: the matters of the graph, and analysts' decisions on induced ones. */
export function registerMattersCommand(program: Command): void {
  const matters = program.command('matters').description('matters: list them; induce them from untagged lists; rename, merge, split, confirm induced ones');

  matters
    .command('list')
    .description('every matter: id, source (imported/induced), confirmed, name, words')
    .option('--induced', 'induced matters only')
    .option('--json', 'print JSON')
    .action(
      runAction(async (flags: { induced?: boolean; json?: boolean }) => {
        await withDatabase(async ({ db }) => {
          const rows = (await listMatters(db)).filter((m) => !flags.induced || m.source === 'induced');
          if (flags.json) return void process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
          for (const m of rows) {
            const state = m.source === 'induced' ? (m.confirmed ? 'induced, confirmed' : 'induced') : 'imported';
            process.stdout.write(`${m.id}\t${state}\t${m.name}${m.words.length > 1 ? `\t${m.words.join('/')}` : ''}\n`);
          }
        });
      }),
    );

  matters
    .command('induce')
    .description('find matters in the untagged power items again (imports do it themselves); decided ones are kept')
    .action(
      runAction(async () => {
        await withDatabase(async ({ db }) => {
          const r = await induceMattersInGraph(db);
          process.stdout.write(
            `induced ${r.matters} matters from ${r.items} untagged power items (${r.deleted} no longer found, deleted); ${r.linkedComplaints} of ${r.complaints} untagged complaints linked\n`,
          );
        });
      }),
    );

  matters
    .command('rename <id> <name>')
    .description('give an induced matter the name analysts use (kept by reruns)')
    .action(
      runAction((id: string, name: string) =>
        withDatabase(async ({ db }) => void process.stdout.write(`${(await matterDecisions.rename(db, id, name)).id}\n`)),
      ),
    );

  matters
    .command('confirm <id>')
    .description('confirm an induced matter: induction leaves it as it is; dispatch uses it like an imported one')
    .action(runAction((id: string) => withDatabase(async ({ db }) => void process.stdout.write(`${(await matterDecisions.confirm(db, id)).id}\n`))));

  matters
    .command('merge <into> <from...>')
    .description('move the items, words and complaints of the <from> matters into <into>')
    .action(
      runAction(async (into: string, from: string[]) =>
        withDatabase(async ({ db }) => void process.stdout.write(`${(await matterDecisions.merge(db, into, from)).id}\n`)),
      ),
    );

  matters
    .command('split <id>')
    .description('move some items of an induced matter into a new one')
    .requiredOption('--items <codes>', 'comma-separated power item codes to move')
    .requiredOption('--name <name>', "the new matter's name (its id is induced:<name>)")
    .action(
      runAction(async (id: string, flags: { items: string; name: string }) =>
        withDatabase(async ({ db }) => {
          const items = flags.items
            .split(',')
            .map((code) => code.trim())
            .filter(Boolean);
          process.stdout.write(`${(await matterDecisions.split(db, id, items, flags.name)).id}\n`);
        }),
      ),
    );
}
