import { readFileSync } from 'node:fs';

/**
 * Just enough of a Dockerfile to lay out what it builds without Docker: its stages and, in each,
 * the instructions that place files (WORKDIR, COPY, RUN, ENV) and the command it runs (CMD).
 */

type Instruction =
  | { kind: 'COPY'; from?: string; sources: string[]; target: string }
  | { kind: 'RUN'; command: string }
  | { kind: 'ENV'; values: Record<string, string> }
  | { kind: 'WORKDIR'; path: string }
  | { kind: 'CMD'; argv: string[] };

export interface Stage {
  name: string | undefined;
  instructions: Instruction[];
}

/** Joins continued lines and drops comments and blank lines. */
function logicalLines(text: string): string[] {
  const lines: string[] = [];
  let current = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.endsWith('\\')) {
      current += line.slice(0, -1) + ' ';
      continue;
    }
    lines.push(current + line);
    current = '';
  }
  return lines;
}

function parseEnv(rest: string): Record<string, string> {
  return Object.fromEntries([...rest.matchAll(/(\w+)=("[^"]*"|\S+)/g)].map(([, key, value]) => [key!, value!.replace(/^"|"$/g, '')]));
}

/** The stages of a Dockerfile, in order. Instructions the layout does not depend on are left out. */
export function parseDockerfile(path: string): Stage[] {
  const stages: Stage[] = [];
  for (const line of logicalLines(readFileSync(path, 'utf8'))) {
    const [, keyword = '', rest = ''] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
    const stage = stages.at(-1);
    switch (keyword.toUpperCase()) {
      case 'FROM':
        stages.push({ name: /\sAS\s+(\S+)/i.exec(rest)?.[1], instructions: [] });
        break;
      case 'COPY': {
        const words = rest.split(/\s+/);
        const from = words[0]?.startsWith('--from=') ? words.shift()!.slice('--from='.length) : undefined;
        const target = words.pop()!;
        stage?.instructions.push({ kind: 'COPY', from, sources: words, target });
        break;
      }
      case 'RUN':
        stage?.instructions.push({ kind: 'RUN', command: rest });
        break;
      case 'ENV':
        stage?.instructions.push({ kind: 'ENV', values: parseEnv(rest) });
        break;
      case 'WORKDIR':
        stage?.instructions.push({ kind: 'WORKDIR', path: rest });
        break;
      case 'CMD':
        stage?.instructions.push({ kind: 'CMD', argv: JSON.parse(rest) as string[] });
        break;
    }
  }
  return stages;
}
