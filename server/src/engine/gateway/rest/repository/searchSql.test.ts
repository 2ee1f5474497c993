import { describe, expect, it } from 'vitest';
import { condition, encodeCursor, filterSql, likePattern } from './searchSql.js';

describe('searchSql', () => {
  it("turns Camunda's like wildcards into SQL LIKE, escaping SQL's own", () => {
    expect(likePattern('Ord*')).toBe('Ord%');
    expect(likePattern('c?stomer')).toBe('c_stomer');
    expect(likePattern('100%_done')).toBe('100\\%\\_done');
    expect(likePattern('literal\\*star\\?')).toBe('literal*star?');
    expect(likePattern('back\\\\slash')).toBe('back\\\\slash');
  });

  it('binds every value and ANDs the operators of one property', () => {
    expect(condition('x.a', { $gte: 1, $lt: 5, $neq: 3 })).toEqual({
      sql: '(x.a is null or x.a <> ?) and (x.a >= ?) and (x.a < ?)',
      bindings: [3, 1, 5],
    });
    expect(condition('x.a', { $in: [] })).toEqual({ sql: '(false)', bindings: [] });
    expect(condition('x.flag', false)).toEqual({ sql: 'not (x.flag)', bindings: [] });
  });

  it('puts fields about the same related rows into one EXISTS', () => {
    const fields = {
      a: { sql: 't.a' },
      b: { sql: 'r.b', within: 'rel r where r.t = t.id' },
      c: { sql: 'r.c', within: 'rel r where r.t = t.id' },
    };
    const fragment = filterSql(fields, { a: { $eq: 'x' }, b: { $eq: 'y' }, c: true });
    expect(fragment.sql).toBe(
      '((t.a = ?)) and (exists (select 1 from rel r where r.t = t.id and ((r.b = ?)) and ((r.c))))',
    );
    expect(fragment.bindings).toEqual(['x', 'y']);
  });

  it('hands out base64 cursors, as Camunda clients expect', () => {
    expect(encodeCursor(41)).toMatch(
      /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/,
    );
  });
});
