import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { API_RESOLVERS } from './resolvers';

/**
 * Prints the public contract from code, sorted, without a database:
 *   print-schema <file>          write it
 *   print-schema --check <file>  exit 1 when the committed file differs (CI drift check)
 */
async function main(argv: readonly string[]): Promise<number> {
  const check = argv.includes('--check');
  const file = argv.find((arg) => !arg.startsWith('--')) ?? 'schema/schema.graphql';
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  const schema = await app.get(GraphQLSchemaFactory).create([...API_RESOLVERS]);
  await app.close();
  const printed = `${printSchema(lexicographicSortSchema(schema))}\n`;
  if (!check) {
    writeFileSync(file, printed);
    console.log(`wrote ${file}`);
    return 0;
  }
  const committed = readOrEmpty(file);
  if (committed === printed) {
    console.log(`${file} matches the code`);
    return 0;
  }
  console.error(`${file} differs from the schema the code generates: run \`npm run schema:generate\` and commit it.`);
  return 1;
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
