/**
 * Reads the built script's source: its top-level function declarations, and which of them are custom
 * functions (a JSDoc block with an `@customfunction` tag right before the declaration).
 */
import * as ts from 'typescript';

export interface TopLevelFunction {
  name: string;
  customFunction: boolean;
  /** Parameter names as declared. */
  parameters: string[];
}

export function topLevelFunctions(source: string): TopLevelFunction[] {
  const file = ts.createSourceFile('Code.js', source, ts.ScriptTarget.ES2019, true, ts.ScriptKind.JS);
  return file.statements.filter(ts.isFunctionDeclaration).flatMap((declaration) => {
    if (declaration.name === undefined) return [];
    const jsDocs = (declaration as { jsDoc?: ts.JSDoc[] }).jsDoc ?? [];
    // Only the block nearest the declaration documents it, as Sheets reads it.
    const nearest = jsDocs[jsDocs.length - 1];
    // A tag starts its line (after the comment's "*"); "@customfunction" inside a sentence is not one.
    const customFunction = nearest !== undefined && /(?:^\/\*\*|\n\s*\*?)\s*@customfunction\b/i.test(nearest.getText(file));
    return [{ name: declaration.name.text, customFunction, parameters: declaration.parameters.map((p) => p.name.getText(file)) }];
  });
}

export function customFunctionNames(source: string): string[] {
  return topLevelFunctions(source)
    .filter((fn) => fn.customFunction)
    .map((fn) => fn.name);
}
