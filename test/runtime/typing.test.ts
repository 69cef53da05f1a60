/**
 * Every fake is declared `implements Pick<AppsScriptType, keyof Fake>`. These two classes show what
 * that catches; `npm run typecheck` fails if either @ts-expect-error stops being needed.
 */

// @ts-expect-error: getBandingz is not a Range method, so keyof ExtraMethod is not a key of Range.
class ExtraMethod implements Pick<GoogleAppsScript.Spreadsheet.Range, keyof ExtraMethod> {
  getNumRows(): number {
    return 1;
  }

  getBandingz(): [] {
    return [];
  }
}

class WrongSignature implements Pick<GoogleAppsScript.Spreadsheet.Range, keyof WrongSignature> {
  // @ts-expect-error: Range.setValue takes one value; a fake cannot require two.
  setValue(value: unknown, where: string): GoogleAppsScript.Spreadsheet.Range {
    return [value, where] as unknown as GoogleAppsScript.Spreadsheet.Range;
  }
}

describe('fake typing', () => {
  it('is enforced by the type check (see the @ts-expect-error lines)', () => {
    expect([new ExtraMethod().getNumRows(), typeof new WrongSignature().setValue]).toEqual([1, 'function']);
  });
});
