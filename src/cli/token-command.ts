import { Option, type Command } from 'commander';
import { BODIES, type Body } from '../evaluation/standard.js';
import { isRole, ROLES } from '../auth/roles.js';
import { createToken, listTokens, newToken } from '../auth/token-store.js';
import { loadConfig } from '../config.js';
import { AppError, ErrorCode } from '../errors.js';
import { runAction } from './run-action.js';
import { withDatabase } from './with-database.js';
import { assertDepartmentExists } from '../evaluation/form-store.js';

/** `dutygraph token create|list`: API bearer tokens, stored hashed in DUTYGRAPH_TOKENS_FILE. */
export function registerTokenCommand(program: Command): void {
  const token = program.command('token').description('API bearer tokens (roles: viewer, dispatcher, analyst, editor, admin)');
  token
    .command('create')
    .description('create a token; it is printed once, on the last line; running servers accept it within a second')
    .requiredOption('--role <role>', ROLES.join(' | '))
    .option('--label <text>', 'who or what the token is for', '')
    .option('--department <id>', "a department's own token (role viewer): it may also fill that department's evaluation forms")
    .addOption(new Option('--body <body>', "a body's own token (role viewer): it may also enter that body's evaluation indicators").choices(BODIES))
    .option('--no-store', 'store nothing: print the DUTYGRAPH_TOKEN_HASHES line for the environment (.env for Docker) instead')
    .action(
      runAction(async (flags: { role: string; label: string; store: boolean; department?: string; body?: Body }) => {
        if (!isRole(flags.role)) throw new AppError(ErrorCode.BAD_USER_INPUT, `--role: expected one of ${ROLES.join(', ')}, got "${flags.role}"`);
        if ((flags.department !== undefined || flags.body !== undefined) && !flags.store)
          throw new AppError(ErrorCode.BAD_USER_INPUT, "a department's or a body's token is kept in the token file (drop --no-store)");
        if (flags.department !== undefined) await withDatabase(({ db }) => assertDepartmentExists(db, flags.department!));
        if (!flags.store) {
          const { token: value, stored } = newToken(flags.role, flags.label);
          process.stdout.write(
            `put this line in the server's environment (or .env beside docker-compose.yml); add more tokens separated by commas:\n` +
              `DUTYGRAPH_TOKEN_HASHES=${stored.role}:${stored.hash}\nthe ${stored.role} token, shown only now; send it as "Authorization: Bearer <token>":\n${value}\n`,
          );
          return;
        }
        const path = loadConfig().auth.tokensFile;
        const { token: value, stored } = createToken(path, flags.role, flags.label, { department: flags.department, body: flags.body });
        process.stdout.write(
          `created ${stored.role} token ${stored.id}${stored.label ? ` (${stored.label})` : ''}${stored.department || stored.body ? ` of ${stored.department ?? stored.body}` : ''} in ${path}; send it as "Authorization: Bearer <token>":\n${value}\n`,
        );
      }),
    );
  token
    .command('list')
    .description('list tokens (ids, roles, labels; never the tokens)')
    .action(
      runAction(async () => {
        for (const t of listTokens(loadConfig().auth.tokensFile))
          process.stdout.write(`${t.id}\t${t.role}\t${t.createdAt}\t${t.label}${t.department || t.body ? `\t${t.department ?? t.body}` : ''}\n`);
      }),
    );
}
