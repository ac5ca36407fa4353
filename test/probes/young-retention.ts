// Run by test/unit/memory.test.ts in a process of its own (node --expose-gc): how much of the heap
// linting seed 000 eight times leaves behind after two young-generation collections, the results
// dropped ("dropped") or held ("held", the control: what the measure gives when the documents stay).
import { readFileSync } from 'node:fs';
import { lint } from '../../server/src/core/lint';
import { SEEDS } from '../helpers';

const gc = (globalThis as { gc?: (options?: { type: 'minor' | 'major' }) => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const text = readFileSync(SEEDS.find((f) => f.includes('000_'))!, 'utf8');
for (let i = 0; i < 30; i++) lint(text);

function kept(hold: boolean): number {
  const held: unknown[] = [];
  gc!(); gc!();
  const before = process.memoryUsage().heapUsed;
  for (let k = 0; k < 8; k++) { const result = lint(text); if (hold) held.push(result); }
  // The parser keeps its last document (wordsReadFor): another one takes its place.
  lint('L’Assemblée générale,\n\n1. *Décide* de rester saisie de la question.\n');
  gc!({ type: 'minor' }); gc!({ type: 'minor' });
  const after = process.memoryUsage().heapUsed;
  held.length = 0;
  return after - before;
}

const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1];
const dropped = median([1, 2, 3, 4, 5].map(() => kept(false)));
const heldBytes = median([1, 2, 3].map(() => kept(true)));
console.log(JSON.stringify({ dropped, held: heldBytes }));
