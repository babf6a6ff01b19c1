import 'reflect-metadata';
import { ConfigError, loadConfig, openRuntime } from '@cdtt/platform';
import { CLI_COMMANDS } from './commands';

/** `npm run cli -- <command> [args]`: operator commands on the configured database. */
async function main(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = CLI_COMMANDS.find((c) => c.name === name);
  if (!command) {
    if (name !== undefined && name !== 'help' && name !== '--help') console.error(`unknown command: ${name}\n`);
    console.log('usage: npm run cli -- <command>\n\ncommands:');
    for (const c of CLI_COMMANDS) console.log(`  ${c.name.padEnd(20)} ${c.summary}`);
    return name === undefined || name === 'help' || name === '--help' ? 0 : 2;
  }
  const out = (line: string): void => console.log(line);
  if (command.runOffline && command.needsRuntime?.(args) === false) return command.runOffline(args, out);
  const runtime = await openRuntime(loadConfig(), `cdtt-cli:${command.name}`, (message) => console.warn(message));
  try {
    return await command.run(runtime, args, out);
  } finally {
    await runtime.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
