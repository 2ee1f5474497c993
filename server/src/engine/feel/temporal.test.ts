import { describe, expect, it } from 'vitest';
import { compileExpression } from './compile.js';
import type { EvaluationOptions, FeelResult } from './types.js';

function evaluate(raw: string, options?: EvaluationOptions): FeelResult {
  const compiled = compileExpression(raw);
  if (!compiled.ok) throw new Error(compiled.message);
  return compiled.expression.evaluate({}, options);
}

const NOV_26_10_UTC = Date.UTC(2026, 10, 26, 10, 0, 0);

describe('temporal results in Zeebe JSON form', () => {
  it('writes dates as YYYY-MM-DD', () => {
    expect(evaluate('=date("2026-11-26")')).toEqual({ ok: true, value: '2026-11-26' });
    expect(evaluate('=date("2026-11-26") + duration("P7D")')).toEqual({
      ok: true,
      value: '2026-12-03',
    });
  });

  it('writes date-times with their offset, Z for UTC, fractions only when present', () => {
    expect(evaluate('=date and time("2026-11-26T10:00:00+01:00")')).toEqual({
      ok: true,
      value: '2026-11-26T10:00:00+01:00',
    });
    expect(evaluate('=date and time("2026-11-26T10:00:00.250Z")')).toEqual({
      ok: true,
      value: '2026-11-26T10:00:00.25Z',
    });
    expect(evaluate('=date and time("2026-11-26T10:00:00@Europe/Amsterdam")')).toEqual({
      ok: true,
      value: '2026-11-26T10:00:00+01:00',
    });
  });

  it('writes local date-times and times without an offset', () => {
    expect(evaluate('=date and time("2026-11-26T10:30:00")')).toEqual({
      ok: true,
      value: '2026-11-26T10:30:00',
    });
    expect(evaluate('=time("10:30:00")')).toEqual({ ok: true, value: '10:30:00' });
    expect(evaluate('=time("10:30:00+01:00")')).toEqual({ ok: true, value: '10:30:00+01:00' });
  });

  it('writes days-time durations normalised, the way FEEL prints them', () => {
    expect(evaluate('=duration("P1DT2H")')).toEqual({ ok: true, value: 'P1DT2H' });
    expect(evaluate('=date("2020-01-01") - date("2019-01-01")')).toEqual({
      ok: true,
      value: 'P365D',
    });
    expect(evaluate('=duration("PT90M")')).toEqual({ ok: true, value: 'PT1H30M' });
    expect(evaluate('=duration("-PT0.5S")')).toEqual({ ok: true, value: '-PT0.5S' });
    expect(evaluate('=duration("PT0S")')).toEqual({ ok: true, value: 'PT0S' });
  });

  it('writes years-months durations as P…Y…M', () => {
    expect(evaluate('=duration("P14M")')).toEqual({ ok: true, value: 'P1Y2M' });
    expect(evaluate('=years and months duration(date("2020-01-01"), date("2021-03-01"))')).toEqual({
      ok: true,
      value: 'P1Y2M',
    });
    expect(evaluate('=duration("P0Y")')).toEqual({ ok: true, value: 'P0Y' });
  });

  it('converts temporal values inside lists and contexts too', () => {
    expect(evaluate('={due: date("2026-12-01"), within: [duration("P2D")]}')).toEqual({
      ok: true,
      value: { due: '2026-12-01', within: ['P2D'] },
    });
  });
});

describe('clock injection', () => {
  it('now() reads the injected instant as a zoned date-time', () => {
    // given the engine clock pinned at 2026-11-26T10:00Z
    const options = { now: NOV_26_10_UTC };

    // then now() is that instant, also in arithmetic
    expect(evaluate('=now()', options)).toEqual({ ok: true, value: '2026-11-26T10:00:00Z' });
    expect(evaluate('=now() + duration("PT1H")', options)).toEqual({
      ok: true,
      value: '2026-11-26T11:00:00Z',
    });
  });

  it('today() is the injected instant’s UTC date, and accepts a Date too', () => {
    expect(evaluate('=today()', { now: new Date('2026-11-26T23:59:59Z') })).toEqual({
      ok: true,
      value: '2026-11-26',
    });
    expect(evaluate('=today() + duration("P1D")', { now: NOV_26_10_UTC })).toEqual({
      ok: true,
      value: '2026-11-27',
    });
  });

  it('even midnight UTC stays a date-time for now()', () => {
    expect(evaluate('=now()', { now: Date.UTC(2026, 10, 26) })).toEqual({
      ok: true,
      value: '2026-11-26T00:00:00Z',
    });
  });

  it('compares an injected now() with date-times from the model', () => {
    const expression = '=now() > date and time("2026-11-26T10:30:00+01:00")';
    expect(evaluate(expression, { now: NOV_26_10_UTC })).toEqual({ ok: true, value: true });
  });
});
