/** Scenario parsing (shape only) and the built-in sample's determinism and content. */
import { parseScenario, ScenarioError } from '../../replay/scenario';
import { mulberry32, sampleScenario } from '../../replay/sample';
import { parseArgs } from '../../replay/demo';
import { localTime } from '../../replay/index-page';

describe('parseScenario', () => {
  test('keeps bad data inside a well-shaped scenario exactly as written', () => {
    const scenario = parseScenario(
      JSON.stringify({
        cases: [{ id: 'x', email: 'not-an-email', service: 'nonexistent', submittedAt: 'yesterday' }],
        responses: [{ form: 'N1', channel: 'kiosk', answers: { 'n1.overall': 7 } }],
      }),
    );
    expect(scenario.cases[0]).toEqual({ id: 'x', email: 'not-an-email', service: 'nonexistent', submittedAt: 'yesterday' });
    expect(scenario.responses[0].answers).toEqual({ 'n1.overall': 7 });
    expect(scenario.otherFeedback).toEqual([]);
    expect(scenario.actions).toEqual([]);
  });

  test('a key set to null is a key left out: its default applies', () => {
    const scenario = parseScenario(
      JSON.stringify({
        now: null,
        settings: null,
        services: null,
        otherFeedback: null,
        actions: null,
        report: null,
        cases: [{ id: 'x', closedAt: null }],
        responses: null,
      }),
    );
    expect(scenario).toEqual({
      now: undefined,
      settings: undefined,
      services: undefined,
      report: undefined,
      cases: [{ id: 'x', closedAt: null }],
      responses: [],
      otherFeedback: [],
      actions: [],
      edits: [],
    });
    expect(() => parseScenario('{"cases": null, "responses": null}', 'x.json')).toThrow(/neither "cases" nor "responses" \(keys found: cases, responses/);
  });

  test.each([
    ['not JSON', '{cases: []}', /not valid JSON/],
    ['an array', '[]', /expected a JSON object/],
    ['no cases or responses', '{"settings": {}}', /neither "cases" nor "responses"/],
    ['cases not a list', '{"cases": "01-2026-0001"}', /"cases" must be a list, found a string/],
    ['a case not an object', '{"cases": [42]}', /"cases"\[0\] must be an object, found a number/],
    ['settings not an object', '{"cases": [], "settings": []}', /"settings" must be an object, found an array/],
  ])('refuses %s with a clear message', (_name, text, message) => {
    expect(() => parseScenario(text, 'x.json')).toThrow(ScenarioError);
    expect(() => parseScenario(text, 'x.json')).toThrow(message);
  });
});

describe('the built-in sample', () => {
  test('mulberry32 is deterministic and spreads over [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 1);
  });

  test('the same seed gives the same scenario; another seed another one', () => {
    expect(JSON.stringify(sampleScenario(1))).toBe(JSON.stringify(sampleScenario(1)));
    expect(JSON.stringify(sampleScenario(2))).not.toBe(JSON.stringify(sampleScenario(1)));
  });

  test('is a realistic quarter with the mistakes people make', () => {
    const s = sampleScenario();
    expect(s.cases.length).toBeGreaterThanOrEqual(200);
    const closed = s.cases.filter((c) => c.closedAt);
    expect(closed.length / s.cases.length).toBeGreaterThan(0.6);
    const channels = new Set(s.responses.map((r) => `${String(r.form)}/${String(r.channel)}`));
    expect([...channels].sort()).toEqual(['N1/kiosk', 'N1/paper', 'N2/email_link']);
    const n2 = s.responses.filter((r) => r.form === 'N2').length;
    const invitable = closed.filter((c) => c.email && c.service !== 'funeral').length;
    expect(n2 / invitable).toBeGreaterThan(0.35);
    expect(n2 / invitable).toBeLessThan(0.65);
    expect(s.otherFeedback.some((f) => f.channel === 'phone') && s.otherFeedback.some((f) => f.channel === 'social')).toBe(true);
    expect(s.actions.length).toBeGreaterThanOrEqual(3);
    expect(s.report).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    // Bad inputs: a malformed email, an unknown service, a score of 7.
    expect(s.cases.some((c) => /@@/.test(String(c.email)))).toBe(true);
    expect(s.cases.some((c) => c.service === 'ბავშვთა ბაღის საფასურის შეღავათი')).toBe(true);
    expect(s.responses.filter((r) => Object.values(r.answers as object).includes(7))).toHaveLength(2);
    // Georgian throughout: names and free texts.
    expect(s.cases.every((c) => /[\u10D0-\u10FF]/.test(String(c.applicant)))).toBe(true);
  });
});

test('demo arguments: --scenario, --out, --seed (also as --flag=value); anything else is refused', () => {
  expect(parseArgs(['--scenario', 'a.json', '--out=o', '--seed', '5'])).toEqual({
    scenario: 'a.json',
    out: 'o',
    seed: 5,
    writeSample: null,
    environment: null,
  });
  expect(parseArgs([]).out).toBe('demo-out');
  expect(() => parseArgs(['--bogus'])).toThrow(/unknown argument/);
  expect(() => parseArgs(['--scenario'])).toThrow(/needs a value/);
});

test('the index page reads times in Tbilisi: a typed date stays its day, a moment gets its local clock time', () => {
  expect(localTime(Date.parse('2026-01-06T00:00:00+04:00'))).toBe('2026-01-06');
  expect(localTime(Date.parse('2026-01-13T11:37:58Z'))).toBe('2026-01-13 15:37:58');
  expect(localTime(Date.parse('2026-03-31T22:30:00Z'))).toBe('2026-04-01 02:30:00');
});
