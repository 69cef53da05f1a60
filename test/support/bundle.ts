import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

export const CODE_PATH = join(__dirname, '../../dist/Code.js');

export type Bundle = Record<string, (...args: unknown[]) => any>;

/**
 * The built dist/Code.js in a bare `node:vm` context: no require, no process, no Apps
 * Script services — as strict as a custom function's sandbox.
 */
export function loadBundle(): Bundle {
  const context = vm.createContext({});
  vm.runInContext(readFileSync(CODE_PATH, 'utf8'), context, { filename: 'Code.js' });
  return context as Bundle;
}
