import { hasVisibleCharacter, quoteText } from '../core/answers';

/**
 * The sidebar's server functions are reachable with any arguments (google.script.run, or the
 * preview's /run with any JSON): each checks its arguments here, at the boundary, against rules
 * declared beside it, and answers a bad one with a sentence naming it (values quoted capped,
 * hidden characters by code point) before any work or any read of the workbook.
 */

/**
 * One argument or field: what it is called in a message, its type, and its limits. `visible`: text
 * given must show something (a lone zero-width space is refused). An object's fields are matched
 * as own properties only, so names such as `constructor` or `__proto__` are unknown fields.
 */
export type ArgRule =
  | { label: string; type: 'text'; optional?: boolean; maxLength: number; visible?: boolean }
  | { label: string; type: 'number'; optional?: boolean; whole?: boolean; min?: number; max?: number }
  | { label: string; type: 'texts'; optional?: boolean; maxLength: number; maxItems: number }
  | { label: string; type: 'object'; optional?: boolean; fields: Readonly<Record<string, ArgRule>> };

/** How a value is named in a message: its kind, or the text itself quoted. */
function describeArg(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return `"${quoteText(value)}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

const isMissing = (value: unknown) => value === null || value === undefined;

/** A name the object itself holds, never one it inherits (`toString`, `constructor`, `__proto__`). */
export function isOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** The problem with one value, or undefined when it keeps to its rule. */
function problemWith(rule: ArgRule, value: unknown): string | undefined {
  if (isMissing(value) || (rule.type === 'text' && value === '' && rule.optional)) return rule.optional ? undefined : `${rule.label} is required; got nothing.`;
  const got = describeArg(value);
  switch (rule.type) {
    case 'text':
      if (typeof value !== 'string') return `${rule.label} must be text; got ${got}.`;
      if (value.length > rule.maxLength) return `${rule.label} must be at most ${rule.maxLength} characters; got ${got}.`;
      if (rule.visible && !hasVisibleCharacter(value)) return `${rule.label} must contain a visible character; got ${got}.`;
      return undefined;
    case 'number': {
      if (typeof value !== 'number') return `${rule.label} must be a number; got ${got}.`;
      const whole = rule.whole ? 'a whole number' : 'a number';
      const range = rule.min !== undefined && rule.max !== undefined ? ` from ${rule.min} to ${rule.max}` : rule.min !== undefined ? `, ${rule.min} or more` : '';
      const outside = (rule.min !== undefined && value < rule.min) || (rule.max !== undefined && value > rule.max);
      if ((rule.whole && !Number.isInteger(value)) || outside) return `${rule.label} must be ${whole}${range}; got ${got}.`;
      return undefined;
    }
    case 'texts': {
      if (!Array.isArray(value)) return `${rule.label} must be a list of text; got ${got}.`;
      if (value.length > rule.maxItems) return `${rule.label} may list at most ${rule.maxItems}; got ${value.length}.`;
      const bad = value.findIndex((item) => typeof item !== 'string' || item.length > rule.maxLength);
      return bad < 0 ? undefined : `${rule.label}: item ${bad + 1} must be text of at most ${rule.maxLength} characters; got ${describeArg(value[bad])}.`;
    }
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return `${rule.label} must be an object; got ${got}.`;
      const record = value as Record<string, unknown>;
      const unknown = Object.keys(record).find((key) => !isOwn(rule.fields, key));
      if (unknown !== undefined) return `${rule.label} has no field "${quoteText(unknown)}"; its fields: ${Object.keys(rule.fields).join(', ')}.`;
      for (const [key, field] of Object.entries(rule.fields)) {
        const problem = problemWith(field, isOwn(record, key) ? record[key] : undefined);
        if (problem) return problem;
      }
      return undefined;
    }
  }
}

/** Throws the first problem with the arguments, or with their number. */
export function checkArgs(name: string, rules: readonly ArgRule[], args: readonly unknown[]): void {
  // google.script.run passes trailing missing arguments as nothing; more than declared is a mistake, and so are many blanks.
  if (args.length > LIMITS.arguments || (args.length > rules.length && args.slice(rules.length).some((extra) => !isMissing(extra)))) {
    throw new Error(`${name} takes ${rules.length === 0 ? 'no arguments' : `at most ${rules.length} argument${rules.length === 1 ? '' : 's'}`}; got ${args.length}.`);
  }
  rules.forEach((rule, index) => {
    const problem = problemWith(rule, args[index]);
    if (problem) throw new Error(problem);
  });
}

/** `run`, checking its arguments against `rules` first (the same signature, for the sidebar's typed client). */
export function validated<F extends (...args: never[]) => unknown>(name: string, rules: readonly ArgRule[], run: F): F {
  return ((...args: unknown[]) => {
    checkArgs(name, rules, args);
    return run(...(args as Parameters<F>));
  }) as unknown as F;
}

/** Limits shared by the sidebar's calls: Sheets' 100-character tab names, 50,000 characters a cell, its grid. */
export const LIMITS = { tabName: 100, cellText: 50000, shortText: 200, rows: 10000000, columns: 18278, seed: Number.MAX_SAFE_INTEGER, arguments: 10 } as const;

/** An optional short text argument (a name, an id, a rating), by its label. */
export const optionalText = (label: string): ArgRule => ({ label, type: 'text', optional: true, maxLength: LIMITS.shortText });

/** Arguments several sidebar calls take. */
export const STANDARD_ID: ArgRule = { label: 'The standard id', type: 'text', maxLength: LIMITS.shortText };
export const TAB_NAME: ArgRule = { label: 'The tab name', type: 'text', maxLength: LIMITS.tabName };
export const SEED: ArgRule = { label: 'The seed', type: 'number', optional: true, whole: true, min: 0, max: LIMITS.seed };
