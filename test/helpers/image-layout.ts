import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/project-root.js';
import { parseDockerfile, type Stage } from './dockerfile.js';

/**
 * Lays out the Docker image's file tree without Docker: each stage of the Dockerfile becomes a
 * folder, its COPY lines copy what they name (from the project or an earlier stage) and its RUN
 * steps run as below. A RUN step this table does not know fails the layout, so a Dockerfile
 * change cannot slip past the test that uses it.
 */

export interface ImageLayout {
  /** The final stage's folder: the image's WORKDIR. */
  root: string;
  /** The final stage's ENV, with its WORKDIR prefix mapped to `root`. */
  env: Record<string, string>;
  /** The final stage's CMD. */
  cmd: string[];
  remove(): void;
}

type Step = (stageDir: string, command: string) => void;

const npm = (cwd: string, ...args: string[]) => execFileSync('npm', args, { cwd, stdio: 'pipe' });

const STEPS: [RegExp, Step][] = [
  // The same lockfile installs the same tree: hard links of ours (one file npm rewrites is copied).
  [
    /^npm ci\b/,
    (dir) => {
      execFileSync('cp', ['-al', join(projectRoot, 'node_modules'), join(dir, 'node_modules')]);
      rmSync(join(dir, 'node_modules', '.package-lock.json'), { force: true });
      cpSync(join(projectRoot, 'node_modules', '.package-lock.json'), join(dir, 'node_modules', '.package-lock.json'));
    },
  ],
  [/^npm run build$/, (dir) => void npm(dir, 'run', 'build')],
  [/^npm prune --omit=dev$/, (dir) => void npm(dir, 'prune', '--omit=dev', '--ignore-scripts')],
  [
    /^mkdir -p /,
    (_dir, command) =>
      command
        .split(/\s+/)
        .slice(2)
        .forEach((path) => mkdirSync(path, { recursive: true })),
  ],
  // Ownership needs the image's user, which this machine does not have; the folder exists either way.
  [/^chown /, () => undefined],
];

function runStep(stageDir: string, command: string): void {
  const step = STEPS.find(([pattern]) => pattern.test(command));
  if (!step) throw new Error(`the image-layout test does not know the Dockerfile step "${command}": add it to test/helpers/image-layout.ts`);
  step[1](stageDir, command);
}

/** Builds every stage of `dockerfile` under a temporary folder; the last stage is the image. */
export function layOutImage(dockerfile = join(projectRoot, 'Dockerfile')): ImageLayout {
  const base = mkdtempSync(join(tmpdir(), 'dg-image-'));
  const stages = parseDockerfile(dockerfile);
  const folders = new Map<string, string>();
  let env: Record<string, string> = {};
  let cmd: string[] = [];
  let root = base;
  stages.forEach((stage: Stage, n) => {
    let workdir = '/';
    const stageDir = join(base, stage.name ?? `stage-${n}`);
    const inStage = (path: string) => join(stageDir, path.startsWith('/') ? path : join(workdir, path));
    const mapPaths = (text: string) => text.replaceAll(workdir === '/' ? '\0' : workdir, inStage(workdir));
    env = {};
    for (const instruction of stage.instructions) {
      switch (instruction.kind) {
        case 'WORKDIR':
          workdir = instruction.path;
          mkdirSync(inStage(workdir), { recursive: true });
          break;
        case 'COPY': {
          const from = instruction.from ? folders.get(instruction.from) : projectRoot;
          if (!from) throw new Error(`COPY --from=${instruction.from}: no such stage`);
          const many = instruction.sources.length > 1 || instruction.target.endsWith('/');
          for (const source of instruction.sources) {
            const sourcePath = join(from, source);
            const target = many ? join(inStage(instruction.target), source.split('/').pop()!) : inStage(instruction.target);
            cpSync(sourcePath, target, { recursive: true, verbatimSymlinks: true });
          }
          break;
        }
        case 'RUN':
          for (const command of instruction.command.split('&&').map((c) => c.trim())) runStep(inStage(workdir), mapPaths(command));
          break;
        case 'ENV':
          env = { ...env, ...instruction.values };
          break;
        case 'CMD':
          cmd = instruction.argv;
          break;
      }
    }
    if (stage.name) folders.set(stage.name, stageDir);
    root = inStage(workdir);
    env = Object.fromEntries(Object.entries(env).map(([key, value]) => [key, mapPaths(value)]));
  });
  return { root, env, cmd, remove: () => rmSync(base, { recursive: true, force: true }) };
}
