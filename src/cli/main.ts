import { Command } from 'commander';
import { registerAnalyzeCommand } from './analyze-command.js';
import { registerBundleCommands } from './bundle-commands.js';
import { registerDbCommands } from './db-command.js';
import { registerDispatchCommands } from './dispatch-commands.js';
import { registerEvaluateCommand } from './evaluate-command.js';
import { registerMattersCommand } from './matters-command.js';
import { registerSeedCommand } from './seed-command.js';
import { registerServeCommand } from './serve-command.js';
import { registerStaffingCommand } from './staffing-command.js';
import { registerTokenCommand } from './token-command.js';

/** The dutygraph command line: the same functions the API calls. */
const program = new Command()
  .name('dutygraph')
  .description('Responsibility boundaries of a city government, as a Neo4j graph behind GraphQL.')
  .showHelpAfterError();

registerDbCommands(program);
registerBundleCommands(program);
registerDispatchCommands(program);
registerAnalyzeCommand(program);
registerMattersCommand(program);
registerStaffingCommand(program);
registerEvaluateCommand(program);
registerTokenCommand(program);
registerSeedCommand(program);
registerServeCommand(program);

await program.parseAsync(process.argv);
