import { describe, expect, it } from 'vitest';
import { NameDirectory } from '../../src/ingest/spreadsheet/directory.js';
import { itemLevel, itemType } from '../../src/ingest/spreadsheet/list-words.js';

describe('department names as lists write them', () => {
  const directory = new NameDirectory({
    regions: [
      { code: '650200', name: '克拉玛依市' },
      { code: '650203', name: '克拉玛依区' },
    ],
    departments: [
      { id: 'K-NY', name: '克拉玛依市农业农村局' },
      { id: 'K-XC', name: '克拉玛依市委宣传部' },
      { id: 'K-ZR', name: '克拉玛依市自然资源局' },
      { id: 'K-DA', name: '克拉玛依市档案局', aliases: ['市档案馆'] },
      { id: 'Q-NY', name: '克拉玛依区农业农村局' },
    ],
    sections: [],
    matters: [],
  });
  const id = (text: string) => directory.department(text).id;

  it('finds a department under its region prefix, 市 or 地州市, and without parentheticals', () => {
    expect(id('市委宣传部（新闻出版局、版权局）')).toBe('K-XC');
    expect(id('克拉玛依市 委宣传部')).toBe('K-XC');
    expect(id('市档案馆')).toBe('K-DA');
  });

  it('takes the body a "（…承办）" names, then the name outside, then other names in parentheses', () => {
    expect(id('克拉玛依市人民政府（克拉玛依市自然资源局承办）')).toBe('K-ZR');
    expect(id('克拉玛依市委办公室（市档案局）')).toBe('K-DA');
  });

  it('refuses a name that fits two departments, and a body it does not know', () => {
    expect(directory.department('地州市农业农村局').error).toMatch(/ambiguous: K-NY, Q-NY/);
    expect(directory.department('自治区农业农村厅').error).toMatch(/no department "自治区农业农村厅"/);
  });
});

describe('the words of lists', () => {
  it('reads a power type wrapped or padded in its cell, or named by a sheet', () => {
    expect(itemType('行政\n处罚')).toBe('penalty');
    expect(itemType('行政 确认')).toBe('confirmation');
    expect(itemType('其他行政权力')).toBe('other');
  });

  it('reads the level from the first phrase of a cell that also says the scope', () => {
    expect(itemLevel('地州市级')).toBe('city');
    expect(itemLevel('地州市级。负责行政区域内企业从事包装装潢印刷品印刷经营活动审批')).toBe('city');
    expect(itemLevel('县市区级')).toBe('county');
    expect(itemLevel('市、县两级')).toBe('both');
    expect(itemLevel('自治区级')).toBeUndefined();
  });
});
