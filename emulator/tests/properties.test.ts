import { PropertiesServiceFake } from '../properties';
import { newCore } from './support';

function setup() {
  const core = newCore();
  const service = new PropertiesServiceFake(core);
  return { core, service, props: service.app.getScriptProperties() };
}

describe('PropertiesService', () => {
  test('values are stored as strings and copies are returned', () => {
    const { props } = setup();
    props.setProperty('n', 5 as unknown as string);
    expect(props.getProperty('n')).toBe('5');
    expect(props.getProperty('missing')).toBeNull();
    const all = props.getProperties();
    all.n = 'changed';
    expect(props.getProperty('n')).toBe('5');
  });

  test('setProperties with deleteAllOthers, deleteProperty, getKeys', () => {
    const { props } = setup();
    props.setProperties({ a: '1', b: '2' });
    props.setProperties({ c: '3' }, true);
    expect(props.getKeys()).toEqual(['c']);
    props.deleteProperty('c');
    expect(props.getKeys()).toEqual([]);
    props.setProperty('x', 'y');
    props.deleteAllProperties();
    expect(props.getProperties()).toEqual({});
  });

  test("a value over 9 KB is refused with Google's message and nothing is written", () => {
    const { props } = setup();
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    expect(props.getProperty('big')).toBeNull();
    props.setProperty('fits', 'x'.repeat(9 * 1024));
  });

  test("a store over 500 KB is refused with Google's quota message", () => {
    const { props } = setup();
    let n = 0;
    expect(() => {
      for (;;) props.setProperty(`k${n++}`, 'y'.repeat(9000));
    }).toThrow('You have exceeded the property storage quota. Please remove some properties and try again.');
    expect(n).toBeGreaterThan(55);
    expect(n).toBeLessThan(58);
    expect(props.getKeys()).toHaveLength(n - 1);
  });

  test('every call is charged; user properties are per user; script properties shared', () => {
    const { core, service } = setup();
    service.app.getScriptProperties().setProperty('a', '1');
    core.runExecution('f', 'direct', () => service.app.getUserProperties().setProperty('u', '1'), 'other@example.com');
    expect(service.app.getUserProperties().getProperty('u')).toBeNull();
    expect(service.app.getScriptProperties().getProperty('a')).toBe('1');
    expect(core.callSummary().byService.PropertiesService).toBe(4);
  });
});
