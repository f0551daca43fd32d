import { describe, expect, it } from 'vitest';
import { overflowingGroups } from '../../renderer/app/draft-screen/toolbar-overflow';

const GROUPS = [
  { key: 'history', width: 70 },
  { key: 'style', width: 110 },
  { key: 'marks', width: 130 },
  { key: 'lists', width: 230 },
  { key: 'insert', width: 280 },
  { key: 'typography', width: 120 },
];
const LEAVE = ['typography', 'lists', 'history', 'insert', 'style', 'marks'];
const GAP = 4;
const ALL = 70 + 110 + 130 + 230 + 280 + 120 + 5 * GAP; // 960

describe('overflowingGroups', () => {
  it('keeps every group when all fit, to the pixel', () => {
    expect([...overflowingGroups(GROUPS, ALL, GAP, 60, LEAVE)]).toEqual([]);
  });

  it('moves groups out in the leave order until the rest and the More button fit', () => {
    // One pixel short: typography goes; the rest (820 + 4 gaps) and More (a gap and 60) need 900.
    expect([...overflowingGroups(GROUPS, ALL - 1, GAP, 60, LEAVE)]).toEqual(['typography']);
    expect([...overflowingGroups(GROUPS, 900, GAP, 60, LEAVE)]).toEqual(['typography']);
    expect([...overflowingGroups(GROUPS, 899, GAP, 60, LEAVE)]).toEqual(['typography', 'lists']);
  });

  it('counts the More button: a wider one makes one more group leave', () => {
    expect([...overflowingGroups(GROUPS, 899, GAP, 55, LEAVE)]).toEqual(['typography']);
    expect([...overflowingGroups(GROUPS, 899, GAP, 60, LEAVE)]).toEqual(['typography', 'lists']);
  });

  it('moves everything listed when nothing fits, and never a group it does not list', () => {
    expect([...overflowingGroups(GROUPS, 10, GAP, 60, LEAVE)].sort()).toEqual([...LEAVE].sort());
    expect([...overflowingGroups(GROUPS, 10, GAP, 60, ['typography', 'lists'])]).toEqual(['typography', 'lists']);
  });
});
