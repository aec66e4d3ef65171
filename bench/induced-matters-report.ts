import type { AnalysisReport } from '../src/analysis/analyze.js';

/** A small deterministic generator (mulberry32): the same sample on every run, for a person to judge. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * What the analysis finds on untagged lists through induced matters: how many, the overlaps by
 * department pair, and a fixed random sample of overlap findings with one item per department,
 * for an analyst (or the closing note of issue 14) to judge real or not.
 */
export function printInducedMatters(report: AnalysisReport, holderOf: Map<string, string>, sample = 20): void {
  const overlaps = report.findings.filter((f) => f.kind === 'overlap' && f.matter?.id.startsWith('induced:'));
  const matters = new Set(overlaps.map((f) => f.matter!.id));
  const proposals = report.proposals.filter((p) => p.matter.id.startsWith('induced:'));
  console.log(`\ninduced matters with overlaps: ${matters.size}; overlap findings: ${overlaps.length}; proposals on induced matters: ${proposals.length}\n`);
  const pairs = new Map<string, number>();
  for (const f of overlaps) {
    const names = f.departments.map((d) => d.name).sort();
    for (let i = 0; i < names.length; i++)
      for (let j = i + 1; j < names.length; j++) pairs.set(`${names[i]} · ${names[j]}`, (pairs.get(`${names[i]} · ${names[j]}`) ?? 0) + 1);
  }
  console.log('| department pair | overlap findings |\n| --- | ---: |');
  for (const [pair, n] of [...pairs].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`| ${pair} | ${n} |`);
  const random = seeded(14);
  const pool = [...overlaps].sort((a, b) => (a.id < b.id ? -1 : 1));
  const picked: typeof overlaps = [];
  while (picked.length < Math.min(sample, pool.length)) picked.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  console.log(`\n${picked.length} overlap findings drawn at random (seed 14), one item per department:\n`);
  for (const [n, f] of picked.entries()) {
    console.log(`${n + 1}. ${f.matter!.name} — ${f.departments.map((d) => d.name).join(' / ')}`);
    for (const department of f.departments) {
      const item = f.items.find((i) => holderOf.get(i.id) === department.id);
      console.log(`   ${department.name}: ${item?.name ?? '(a task)'}`);
    }
  }
}
