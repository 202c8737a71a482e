import { describe, expect, it } from 'vitest';
import { describeFollowUp, listOfNames } from '../../../src/server/follow-ups/describe-follow-up';

describe('describeFollowUp', () => {
  it('says what the person asked for, in the words the office reads', () => {
    expect(describeFollowUp('meet-first', ['Sam'])).toBe('Asked to meet Sam first');
    expect(describeFollowUp('meet-first', ['Sam', 'Grace'])).toBe('Asked to meet Sam and Grace first');
    expect(describeFollowUp('meet-first', ['Sam', 'Grace', 'Tom'])).toBe('Asked to meet Sam, Grace and Tom first');
    expect(describeFollowUp('meet-first', [])).toBe('Asked to meet the carers first');
    expect(describeFollowUp('not-sure-yet', [])).toBe('Not sure yet');
    expect(describeFollowUp('none-of-these', [])).toBe('None of these');
  });

  it('lists names as a person would', () => {
    expect(listOfNames([])).toBe('');
    expect(listOfNames(['Sam', 'Grace', 'Tom', 'Bethan'])).toBe('Sam, Grace, Tom and Bethan');
  });
});
