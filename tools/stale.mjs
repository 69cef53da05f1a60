// Whether built files are older than what they were made from: shared by tools/build.mjs (dist/) and
// tools/run.mjs (each tool's bundle). The inputs file lists the sources, relative to the checkout,
// and the checkout's folder: a checkout moved elsewhere builds again.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** True when an output or the inputs file is missing, the checkout moved, or an input is newer than the oldest output (or gone). */
export function stale(root, outputs, inputsFile) {
  if (!existsSync(inputsFile) || outputs.some((output) => !existsSync(output))) return true;
  const built = Math.min(...outputs.map((output) => statSync(output).mtimeMs));
  const { folder, inputs } = JSON.parse(readFileSync(inputsFile, 'utf8'));
  if (folder !== root) return true;
  return inputs.some((input) => {
    try {
      return statSync(join(root, input)).mtimeMs > built;
    } catch {
      return true;
    }
  });
}
