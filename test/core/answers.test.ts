import { readAnswer } from '../../src/core/answers';

describe('answers › readAnswer (R1)', () => {
  it.each([
    ['Yes', 'yes'], ['yes', 'yes'], ['YES', 'yes'], [' y ', 'yes'], ['Y', 'yes'], [true, 'yes'],
    ['No', 'no'], ['no', 'no'], ['n', 'no'], ['  NO\t', 'no'], [false, 'no'],
    ['N/A', 'na'], ['n/a', 'na'], ['NA', 'na'], ['na', 'na'], ['Not applicable', 'na'], [' NOT APPLICABLE ', 'na'],
    ['', 'blank'], ['   ', 'blank'], [null, 'blank'], [undefined, 'blank'],
  ])('reads %p as %s', (cell, answer) => {
    expect(readAnswer(cell)).toBe(answer);
  });

  it.each([['Maybe'], ['yess'], ['N.A.'], [1], [0], [new Date(2019, 5, 1)], ['Yes.']])('refuses %p', (cell) => {
    expect(readAnswer(cell)).toBeUndefined();
  });
});
