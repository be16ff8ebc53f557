/**
 * Reads a .cpuprofile (node --cpu-prof) and prints where its busy time went:
 * self time by place (a package, one of our files, node's internals), the same
 * with native and node-internal time charged to the nearest JavaScript frame of
 * a package or of ours that called it (a `JSON.parse` is charged to who parsed),
 * inclusive time by place, and the top functions.
 *
 *   npx tsx scripts/prof-summary.ts <file.cpuprofile|dir> [--from=S] [--to=S] [--top=N] [--per=N]
 *
 * --from/--to keep the samples between those seconds of the profile (to leave
 * start-up out); --per=N also prints each figure as ms per unit (e.g. per log).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface Frame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface Node {
  id: number;
  callFrame: Frame;
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const from = Number(option('from') ?? 0) * 1e6;
const to = Number(option('to') ?? Number.POSITIVE_INFINITY) * 1e6;
const top = Number(option('top') ?? 12);
const per = option('per') ? Number(option('per')) : undefined;

function place(frame: Frame): string | undefined {
  const url = frame.url;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules)/.exec(url);
  if (pkg) return pkg[1]!;
  const own = /\/((?:lib|functions|scripts)\/.*)$/.exec(url);
  if (own) return own[1]!;
  return undefined;
}

function rawPlace(frame: Frame): string {
  const known = place(frame);
  if (known) return known;
  if (frame.url.startsWith('node:')) return `node:${frame.url.slice(5).split('/')[0]}`;
  if (frame.url === '') return frame.functionName.startsWith('(') ? frame.functionName : '(native/builtin)';
  return frame.url;
}

function summarise(path: string): void {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const charged = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const fns = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, dt: number) => m.set(k, (m.get(k) ?? 0) + dt);
  let t = 0;
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    if (t < from || t > to) return;
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)') return;
    busy += dt;
    add(self, rawPlace(node.callFrame), dt);
    const f = node.callFrame;
    add(fns, `${f.functionName || '(anonymous)'} ${rawPlace(f)}:${f.lineNumber + 1}`, dt);
    let chargedTo: string | undefined;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const p = place(byId.get(at)!.callFrame);
      if (!p) continue;
      chargedTo ??= p;
      seen.add(p);
    }
    add(charged, chargedTo ?? rawPlace(node.callFrame), dt);
    for (const p of seen) add(inclusive, p, dt);
  });
  const show = (title: string, m: Map<string, number>) => {
    console.log(`  ${title}`);
    for (const [k, v] of [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      const perUnit = per ? `  ${(v / 1000 / per).toFixed(2).padStart(6)} ms/unit` : '';
      console.log(`    ${((100 * v) / busy).toFixed(1).padStart(5)}%${perUnit}  ${k}`);
    }
  };
  console.log(
    `${path}: ${(busy / 1000).toFixed(0)} ms busy${per ? ` (${(busy / 1000 / per).toFixed(2)} ms/unit)` : ''}`,
  );
  show('self time by place', self);
  show('native and node time charged to the nearest package/own frame', charged);
  show('inclusive by place', inclusive);
  show('top functions (self)', fns);
}

for (const arg of args.filter((a) => !a.startsWith('--'))) {
  if (statSync(arg).isDirectory()) {
    for (const f of readdirSync(arg)) if (f.endsWith('.cpuprofile')) summarise(join(arg, f));
  } else summarise(arg);
}
