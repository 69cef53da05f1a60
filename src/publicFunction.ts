/**
 * What the build needs to expose a function at the top level of the Apps Script file:
 * its documentation (turned into the JSDoc block Sheets reads for autocomplete) and its body.
 */

export interface ParamDoc {
  name: string;
  /** The JSDoc type Sheets shows, e.g. "A:CM" for a range or "string". */
  type: string;
  description: string;
  optional?: boolean;
  /** The last parameter only: further arguments like it may follow (cases2, cases3, …). */
  repeating?: boolean;
  /** What a value must be, checked by one wrapper before the function runs (R11), and shown in the JSDoc. */
  check?: ParamCheck;
}

/**
 * A parameter's kind, range and default, declared once: the wrapper in src/functions/params.ts
 * checks each value (each cell, over a range the function maps) and the build writes the same
 * range and default into the JSDoc Sheets shows. `label` names the argument in messages.
 */
export type ParamCheck =
  | { kind: 'number'; label: string; min: number; max: number; example: string; default?: number }
  | { kind: 'count'; label: string; min: 0 | 1; default?: number }
  | { kind: 'whole'; label: string; default?: number }
  | { kind: 'fraction'; label: string; default?: number }
  | { kind: 'thresholds'; label: string };

export interface PublicFunctionDoc {
  /** One or two sentences for the person in the cell. */
  summary: string;
  params: ParamDoc[];
  returns: string;
  /** A formula as a user would type it, shown in Sheets' help. */
  example?: string;
  /** Marks a custom function (`@customfunction`); triggers and sidebar calls leave it out. */
  customFunction?: boolean;
}

export interface PublicFunction<F extends (...args: never[]) => unknown> {
  doc: PublicFunctionDoc;
  run: F;
}

export function customFunction<F extends (...args: never[]) => unknown>(
  doc: Omit<PublicFunctionDoc, 'customFunction'>,
  run: F,
): PublicFunction<F> {
  return { doc: { ...doc, customFunction: true }, run };
}

export function serverFunction<F extends (...args: never[]) => unknown>(doc: Omit<PublicFunctionDoc, 'customFunction'>, run: F): PublicFunction<F> {
  return { doc, run };
}
